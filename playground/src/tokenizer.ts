/** Bylaw tokens as the lexer finds them, from the lexer's own token list (see token-data.ts). */

export interface TokenData {
  /** src/syntax/tokens.ts's KEYWORDS. */
  readonly keywords: readonly string[];
  /** src/syntax/tokens.ts's allTokens, in the lexer's order; a function pattern (names, keywords) is null. */
  readonly tokens: readonly { readonly name: string; readonly pattern: { readonly source: string; readonly flags: string } | null }[];
  /** Words the lexer gives a token of their own without making them keywords: `statement` (`Statement`). */
  readonly words: readonly { readonly word: string; readonly name: string }[];
  /** The words that start a declaration (tokens.ts's declarationTokens). */
  readonly declarations: readonly string[];
  /** Words that are keywords only inside a `statement` declaration (tokens.ts's CONTEXTUAL_WORDS). */
  readonly contextual: readonly string[];
  /** The units of a duration (`3 days`), as the checker reads them. */
  readonly units: readonly string[];
}

/** The one pattern written here: the lexer's name pattern is a function (tokens.ts, `Identifier`). */
const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;

export type MatchToken = (text: string, at: number) => { readonly name: string; readonly length: number } | null;

/**
 * The token at `at`: the first of the list that matches, as Chevrotain tries them. A function
 * pattern stands for the keywords and names; a keyword is a whole name spelled as one (the
 * lexer's keywords refuse a longer name). A keyword's token is named by its word; a word with a
 * token of its own (`statement`) by that token's name.
 */
export function tokenizer(data: Pick<TokenData, 'keywords' | 'tokens' | 'words'>): MatchToken {
  const keywords = new Set(data.keywords);
  const words = new Map(data.words.map((w) => [w.word, w.name]));
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
      return { name: keywords.has(m[0]) ? m[0] : (words.get(m[0]) ?? 'Identifier'), length: m[0].length };
    }
    return null;
  };
}
