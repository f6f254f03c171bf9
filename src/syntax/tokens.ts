import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

/**
 * Token definitions. Each token has a `label` used in error messages ("expected `then`"), so users
 * never see Chevrotain's internal token names.
 */

/**
 * Names and keywords are Unicode-aware (`[\p{L}_][\p{L}\p{N}_]*`); Chevrotain rebuilds regex
 * patterns without the `u` flag, so they are custom matchers. They read ASCII by character code
 * and leave only non-ASCII text to a sticky Unicode regex: compiling one Unicode-class regex per
 * keyword was a visible part of start-up (`npm run bench:startup`, docs/performance.md).
 */
const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;
const NAME_CHAR = /[\p{L}\p{N}_]/uy;

/** An ASCII letter, digit or `_`: the only ASCII characters in `[\p{L}\p{N}_]`. */
function asciiNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** `[\p{L}\p{N}_]` at `offset` (false at the end of the text). */
function nameCharAt(text: string, offset: number): boolean {
  if (offset >= text.length) return false;
  const code = text.charCodeAt(offset);
  if (code < 0x80) return asciiNameChar(code);
  NAME_CHAR.lastIndex = offset;
  return NAME_CHAR.test(text);
}

/** `[\p{L}_][\p{L}\p{N}_]*` at `offset`. */
function matchName(text: string, offset: number): [string] | null {
  const first = text.charCodeAt(offset);
  if (first < 0x80 && (first < 48 || first > 57)) {
    let end = offset;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code >= 0x80) return matchUnicodeName(text, offset);
      if (!asciiNameChar(code)) break;
      end++;
    }
    return end > offset ? [text.slice(offset, end)] : null;
  }
  return first >= 0x80 ? matchUnicodeName(text, offset) : null;
}

function matchUnicodeName(text: string, offset: number): [string] | null {
  NAME.lastIndex = offset;
  const match = NAME.exec(text);
  return match ? [match[0]] : null;
}

/** `word(?![\p{L}\p{N}_])` at `offset`. */
function wordMatcher(word: string) {
  return (text: string, offset: number): [string] | null =>
    text.startsWith(word, offset) && !nameCharAt(text, offset + word.length) ? [word] : null;
}

export const Identifier = createToken({
  name: 'Identifier',
  pattern: matchName,
  line_breaks: false,
  label: 'a name',
  start_chars_hint: [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_', ...nonAsciiStartHints()],
});

/**
 * Chevrotain tries a token only at characters its hint lists, so a hint of ASCII letters alone
 * refused every name that starts with a non-ASCII letter (`über`, `Ωmega`, `日本`). Above 255 it
 * files characters in buckets of 255 code units; one character per bucket (surrogates included,
 * for letters outside the BMP) lets the Unicode pattern decide.
 */
function nonAsciiStartHints(): number[] {
  const hints: number[] = [];
  for (let code = 0x80; code <= 0xff; code++) hints.push(code);
  for (let code = 0x100; code <= 0xffff; code += 255) hints.push(code);
  return hints;
}

/** A category matching a name or any keyword: record fields and `.field` may use keyword spellings. */
export const AnyName = createToken({ name: 'AnyName', pattern: Lexer.NA, label: 'a name' });
Identifier.CATEGORIES = [AnyName];

const keywords: TokenType[] = [];
function keyword(word: string): TokenType {
  const token = createToken({
    name: word[0]!.toUpperCase() + word.slice(1),
    pattern: wordMatcher(word),
    line_breaks: false,
    longer_alt: Identifier,
    categories: [AnyName],
    label: `\`${word}\``,
    start_chars_hint: [word[0]!],
  });
  keywords.push(token);
  return token;
}

export const Policy = keyword('policy');
export const Version = keyword('version');
export const Effective = keyword('effective');
export const Source = keyword('source');
export const Use = keyword('use');
export const Input = keyword('input');
export const Enum = keyword('enum');
export const Record = keyword('record');
export const Scale = keyword('scale');
export const Context = keyword('context');
export const Redline = keyword('redline');
export const Rule = keyword('rule');
export const Exemption = keyword('exemption');
export const From = keyword('from');
export const When = keyword('when');
export const Unless = keyword('unless');
export const Then = keyword('then');
export const Because = keyword('because');
export const Default = keyword('default');
export const And = keyword('and');
export const Or = keyword('or');
export const Not = keyword('not');
export const In = keyword('in');
export const Has = keyword('has');
export const Outcome = keyword('outcome');
export const Exists = keyword('exists');
export const Where = keyword('where');
export const Except = keyword('except');
export const For = keyword('for');
export const Every = keyword('every');
export const True = keyword('true');
export const False = keyword('false');

export const KEYWORDS: readonly string[] = keywords.map((k) => (k.LABEL ?? '').replace(/`/g, ''));

/**
 * `statement` starts a declaration (statements of reasons) yet stays a name everywhere else: its
 * token is also an Identifier, so a context, a member or a field may still be called `statement`.
 * Its own type keeps names out of what can start a declaration, which error recovery relies on.
 */
export const Statement = createToken({
  name: 'Statement',
  pattern: wordMatcher('statement'),
  line_breaks: false,
  longer_alt: Identifier,
  categories: [Identifier, AnyName],
  label: '`statement`',
  start_chars_hint: ['s'],
});

/**
 * Words that are keywords only where the grammar expects them (statements of reasons): lexed as
 * names, so a policy may still name a field or a member `category` or `ground`.
 */
export const CONTEXTUAL_WORDS: readonly string[] = ['statement', 'at', 'no', 'restriction', 'permanently', 'notice', 'category', 'keywords', 'ground', 'also', 'illegal'];

export const DateLiteral = createToken({
  name: 'DateLiteral',
  pattern: /\d{4}-\d{2}-\d{2}/,
  label: 'a date',
  start_chars_hint: [...'0123456789'],
});
export const IntLiteral = createToken({
  name: 'IntLiteral',
  pattern: /-?\d[\d_]*/,
  label: 'an integer',
  start_chars_hint: [...'-0123456789'],
});
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\r\n]|\\.)*"/,
  label: 'a string',
});
/** Never reaches the parser: the lexer reports it and turns it into a StringLiteral. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\r\n]|\\.)*\\?/,
  label: 'a string',
});
/** Operators from other languages (`&&`, `||`, `!`, `=~`); reported with a hint and replaced. */
export const ForeignOperator = createToken({
  name: 'ForeignOperator',
  pattern: /&&|\|\||=>|<>|=~|!~|!(?!=)|&|\|/,
  label: 'an operator',
});

/*
 * Mistakes with a shape of their own, so that the lexer can say what was meant (repairs.ts). None
 * reaches the parser: each is reported and then repaired, retyped or dropped.
 */

/** A date not written `YYYY-MM-DD`: `2024-1-15`, `2024/01/15`, `15-01-2024`, `2024.01.15`. */
export const MalformedDate = createToken({
  name: 'MalformedDate',
  pattern: /\d{1,4}(?:-\d{1,2}-|\/\d{1,2}\/|\.\d{1,2}\.)\d{1,4}/,
  label: 'a date',
  start_chars_hint: [...'0123456789'],
});
/** A number with a fraction: Bylaw has integers only. */
export const DecimalLiteral = createToken({
  name: 'DecimalLiteral',
  pattern: /-?\d[\d_]*\.\d[\d_]*/,
  label: 'a number',
  start_chars_hint: [...'-0123456789'],
});
/**
 * `+ - * / %` between two values: Bylaw has no arithmetic but a date moved by a duration (a `-`
 * counts only before a space). A `+` or `-` before `COUNT UNIT` is retyped to Plus / Minus
 * (repairs.ts) and parsed; any other is reported.
 * `/*` and `*\/` are here too, so that a block comment is not read as a product.
 */
export const ArithmeticOperator = createToken({
  name: 'ArithmeticOperator',
  pattern: /\/\*|\*\/|[+*%]|\/(?!\/)|-(?=[ \t])/,
  label: 'an operator',
});
/** `note: string?` marks an optional field; `note?: string`, `post.note?` and `post?.note` are repaired with a hint. */
export const QuestionMark = createToken({ name: 'QuestionMark', pattern: '?', label: '`?`' });
/** `+` / `-` moving a date by a duration; never lexed, retyped from ArithmeticOperator (repairs.ts). */
export const Plus = createToken({ name: 'Plus', pattern: Lexer.NA, label: '`+`' });
export const Minus = createToken({ name: 'Minus', pattern: Lexer.NA, label: '`-`' });

export const EqualEqual = createToken({ name: 'EqualEqual', pattern: '==', label: '`==`' });
export const NotEqual = createToken({ name: 'NotEqual', pattern: '!=', label: '`!=`' });
export const LessEqual = createToken({ name: 'LessEqual', pattern: '<=', label: '`<=`' });
export const GreaterEqual = createToken({ name: 'GreaterEqual', pattern: '>=', label: '`>=`' });
export const Less = createToken({ name: 'Less', pattern: '<', label: '`<`' });
export const Greater = createToken({ name: 'Greater', pattern: '>', label: '`>`' });
export const Equals = createToken({ name: 'Equals', pattern: '=', label: '`=`' });
export const LBrace = createToken({ name: 'LBrace', pattern: '{', label: '`{`' });
export const RBrace = createToken({ name: 'RBrace', pattern: '}', label: '`}`' });
export const LParen = createToken({ name: 'LParen', pattern: '(', label: '`(`' });
export const RParen = createToken({ name: 'RParen', pattern: ')', label: '`)`' });
export const Comma = createToken({ name: 'Comma', pattern: ',', label: '`,`' });
export const DotDot = createToken({ name: 'DotDot', pattern: '..', label: '`..`' });
export const Dot = createToken({ name: 'Dot', pattern: '.', label: '`.`' });
export const Colon = createToken({ name: 'Colon', pattern: ':', label: '`:`' });

export const Comment = createToken({
  name: 'Comment',
  pattern: /\/\/[^\r\n]*/,
  group: 'comments',
});
export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/** Order matters: longer and more specific patterns first. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  DateLiteral,
  MalformedDate,
  DecimalLiteral,
  IntLiteral,
  StringLiteral,
  UnterminatedString,
  EqualEqual,
  NotEqual,
  LessEqual,
  GreaterEqual,
  ForeignOperator,
  ArithmeticOperator,
  QuestionMark,
  Less,
  Greater,
  Equals,
  LBrace,
  RBrace,
  LParen,
  RParen,
  Comma,
  DotDot,
  Dot,
  Colon,
  ...keywords,
  Statement,
  Identifier,
  AnyName,
  Plus,
  Minus,
];

export const compareTokens = [EqualEqual, NotEqual, LessEqual, GreaterEqual, Less, Greater] as const;

/** The keywords that start a declaration. */
export const declarationTokens: readonly TokenType[] = [Policy, Version, Effective, Source, Use, Input, Enum, Record, Scale, Outcome, Context, Redline, Rule, Exemption, Default, Statement];

/** Tokens that can end a value in a condition (a field also ends with a keyword-named segment, `post.source`). */
export const valueEnds: ReadonlySet<TokenType> = new Set([Identifier, Statement, IntLiteral, DateLiteral, StringLiteral, True, False, RParen]);

/** Gives a token another type: the lexer's repairs (`&&` becomes `and`, `2024/01/15` a date). */
export function retype(token: IToken, type: TokenType): void {
  (token as { tokenType: TokenType }).tokenType = type;
  (token as { tokenTypeIdx: number }).tokenTypeIdx = type.tokenTypeIdx!;
}
