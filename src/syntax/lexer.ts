import { Lexer, type IToken, type TokenType } from 'chevrotain';
import { DiagnosticBag } from '../diagnostics/codes.js';
import { LineIndex, type Span } from '../diagnostics/span.js';
import { And, EqualEqual, ForeignOperator, LParen, LBrace, Not, NotEqual, Or, RParen, RBrace, StringLiteral, UnterminatedString, allTokens, retype } from './tokens.js';
import { REPAIRED, repairTokens } from './repairs.js';
import { checkUnicode } from './unicode.js';

const lexer = new Lexer(allTokens, {
  // Offsets only: Chevrotain's line and column tracking was a fifth of the parse time on large
  // files. Lines and columns come from a LineIndex over the text (lines end at `\n` only, as
  // everywhere else in Bylaw: `positionAt`, the renderer's code frames and editors).
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
  // Identifiers use Unicode property escapes, which Chevrotain cannot analyse for its first-char
  // optimisation; that is expected, not a problem worth a console warning.
  skipValidations: true,
});

/** Parentheses, braces and `not`s nested deeper than this are refused before parsing (no stack overflow). */
export const MAX_NESTING = 100;

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  /** Line starts of the text: every span of this file's tokens and nodes comes from it. */
  readonly lines: LineIndex;
  /**
   * Offsets of characters that were reported and dropped (BL001): the parser then stumbles over
   * the gap, and its error there is a consequence, not a mistake of its own.
   */
  readonly dropped: readonly number[];
}

/**
 * Offsets-only tracking gives tokens their start alone; the end (inclusive, as Chevrotain counts)
 * is set here, for spans and for the parser's node locations, which read the last token's end.
 */
function withEnd(token: IToken): void {
  token.endOffset = token.startOffset + token.image.length - 1;
}

export function tokenSpan(lines: LineIndex, file: string, token: IToken): Span {
  return lines.span(file, token.startOffset, (token.endOffset ?? token.startOffset) + 1);
}

const foreign: Record<string, { token: TokenType; use: string | null }> = {
  '&&': { token: And, use: 'and' },
  '&': { token: And, use: 'and' },
  '||': { token: Or, use: 'or' },
  '|': { token: Or, use: 'or' },
  '!': { token: Not, use: 'not' },
  '<>': { token: NotEqual, use: '!=' },
  // No equivalent (BL008 words the rewrite); parsed as `or` only so that the rest of the file is
  // checked without follow-on errors (a file with errors never gets an AST, so the stand-in is never evaluated).
  '=>': { token: Or, use: null },
};

/**
 * Tokenises a file. Every lexical problem becomes a diagnostic; problems that have an obvious
 * repair (an unterminated string, `&&` for `and`) are repaired so parsing can go on and report
 * the rest of the file's errors too.
 */
export function lex(text: string, file: string, bag: DiagnosticBag): LexResult {
  const result = lexer.tokenize(text);
  const lines = new LineIndex(text);
  const dropped: number[] = [];
  // A run of unexpected characters is one diagnostic, however the lexer split it (`++++`, `/*/*`).
  let run: { readonly index: number; readonly start: number; end: number } | null = null;
  const unexpected = (offset: number, length: number, blockComment = false) => {
    dropped.push(offset);
    if (run && run.end === offset && bag.items.length === run.index + 1) {
      run.end = offset + length;
      const d = bag.items[run.index]!;
      bag.items[run.index] = { ...d, span: lines.span(file, run.start, run.end) };
      return;
    }
    const char = String.fromCodePoint(text.codePointAt(offset) ?? 0);
    bag.emit('BL001', lines.span(file, offset, offset + length), { char, blockComment });
    run = { index: bag.items.length - 1, start: offset, end: offset + length };
  };
  for (const error of result.errors) unexpected(error.offset, error.length);
  let tokens: IToken[] = [];
  let repairs = false;
  for (const token of result.tokens) {
    withEnd(token);
    if (token.tokenType === UnterminatedString) {
      bag.emit('BL003', tokenSpan(lines, file, token), undefined);
      retype(token, StringLiteral);
    } else if (REPAIRED.has(token.tokenType)) {
      repairs = true;
    } else if (token.tokenType === ForeignOperator) {
      if (token.image === '=~' || token.image === '!~') {
        bag.emit('BL017', tokenSpan(lines, file, token), { operator: token.image, join: false });
        retype(token, token.image === '=~' ? EqualEqual : NotEqual);
        tokens.push(token);
        continue;
      }
      const fix = foreign[token.image];
      bag.emit('BL008', tokenSpan(lines, file, token), { operator: token.image, use: fix?.use ?? null });
      if (fix) {
        retype(token, fix.token);
      } else {
        dropped.push(token.startOffset);
        continue;
      }
    }
    tokens.push(token);
  }
  if (repairs) tokens = repairTokens(tokens, { file, lines, bag, unexpected });
  checkNesting(tokens, lines, file, bag);
  const comments = result.groups['comments'] ?? [];
  comments.forEach(withEnd);
  checkUnicode(text, tokens, comments, file, lines, bag);
  return { tokens, comments, lines, dropped };
}

/** Refuses input nested deeper than MAX_NESTING, so the recursive parser never overflows the stack. */
function checkNesting(tokens: IToken[], lines: LineIndex, file: string, bag: DiagnosticBag): void {
  let depth = 0;
  let nots = 0;
  for (const token of tokens) {
    const type = token.tokenType;
    if (type === LParen || type === LBrace) depth++;
    else if (type === RParen || type === RBrace) depth = Math.max(0, depth - 1);
    nots = type === Not ? nots + 1 : 0;
    if (depth > MAX_NESTING || nots > MAX_NESTING) {
      bag.emit('BL007', tokenSpan(lines, file, token), { kind: 'expression', max: MAX_NESTING });
      tokens.length = 0;
      return;
    }
  }
}
