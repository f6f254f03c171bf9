/** Bylaw tokens as the lexer finds them, from the lexer's own token list (see token-data.ts). */

export interface TokenData {
  /** src/syntax/tokens.ts's KEYWORDS. */
  readonly keywords: readonly string[];
  /** src/syntax/tokens.ts's allTokens, in the lexer's order; a function pattern (names, keywords) is null. */
  readonly tokens: readonly { readonly name: string; readonly pattern: { readonly source: string; readonly flags: string } | null }[];
}

/** The one pattern written here: the lexer's name pattern is a function (tokens.ts, `Identifier`). */
const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;

export type MatchToken = (text: string, at: number) => { readonly name: string; readonly length: number } | null;

/**
 * The token at `at`: the first of the list that matches, as Chevrotain tries them. A function
 * pattern stands for the keywords and names; a keyword is a whole name spelled as one (the
 * lexer's keywords refuse a longer name). A keyword's token is named by its word.
 */
export function tokenizer(data: TokenData): MatchToken {
  const keywords = new Set(data.keywords);
  const patterns = data.tokens.map((token) => ({
    name: token.name,
    regex: token.pattern ? new RegExp(token.pattern.source, `${token.pattern.flags.replace('y', '')}y`) : null,
  }));
  return (text, at) => {
    for (const { name, regex } of patterns) {
      const sticky = regex ?? NAME;
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (!m || m[0].length === 0) continue;
      if (regex) return { name, length: m[0].length };
      return { name: keywords.has(m[0]) ? m[0] : 'Identifier', length: m[0].length };
    }
    return null;
  };
}
