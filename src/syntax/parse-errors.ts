import { EOF, tokenMatcher, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import type { DiagnosticBag, DiagnosticExtras, Code } from '../diagnostics/codes.js';
import type { LineIndex, Span } from '../diagnostics/span.js';
import { closestMatch } from '../diagnostics/suggest.js';
import { FOREIGN_KEYWORDS, STRING_MATCHING_HELP, STRING_OPERATORS } from './advice.js';
import { tokenSpan } from './lexer.js';
import { expectedKeywords } from './parser.js';
import * as T from './tokens.js';

export interface ParseErrorContext {
  readonly file: string;
  readonly text: string;
  readonly lines: LineIndex;
  /** The tokens the parser read, in order. */
  readonly tokens: readonly IToken[];
  /** Offsets of characters the lexer reported and dropped. */
  readonly dropped: readonly number[];
  readonly bag: DiagnosticBag;
}

/**
 * Reports the parser's errors, at most one per declaration: once a clause fails to parse, the
 * parser's later complaints about it are consequences of the first (it is resynchronising), and
 * so is an error after a character the lexer already reported and dropped. Each error is
 * described as precisely as its tokens allow: a misspelt or miscased keyword, a keyword of
 * another language, a string operator, a second action, an unclosed bracket.
 */
export function reportParseErrors(errors: readonly IRecognitionException[], ctx: ParseErrorContext): void {
  if (errors.length === 0) return;
  const offsetOf = (e: IRecognitionException) => (isEof(e.token) ? ctx.text.length : e.token.startOffset);
  const starts = declarationStarts(ctx);
  const firstDropped = new Map<number, number>();
  for (const offset of ctx.dropped) {
    const group = groupOf(starts, offset);
    firstDropped.set(group, Math.min(offset, firstDropped.get(group) ?? Infinity));
  }
  const seen = new Set<number>();
  for (const error of [...errors].sort((a, b) => offsetOf(a) - offsetOf(b))) {
    const offset = offsetOf(error);
    const group = groupOf(starts, offset);
    if (seen.has(group)) continue;
    seen.add(group);
    if ((firstDropped.get(group) ?? Infinity) <= offset) continue;
    const d = describe(error, ctx);
    ctx.bag.report(d.code, d.message, d.span, d);
  }
}

interface Described extends DiagnosticExtras {
  readonly code: Code;
  readonly message: string;
  readonly span: Span;
}

const DECLARATION_TYPES: ReadonlySet<TokenType> = new Set(T.declarationTokens);

/**
 * Offsets where declarations start: their keywords (not a field spelt like one, `post.source`
 * or `source: string`), and a name at the start of a line, which is where a misspelt keyword
 * (`exemtion`) starts one.
 */
function declarationStarts({ tokens, text }: ParseErrorContext): number[] {
  const starts: number[] = [];
  tokens.forEach((token, i) => {
    const keyword = DECLARATION_TYPES.has(token.tokenType) && tokens[i - 1]?.tokenType !== T.Dot && tokens[i + 1]?.tokenType !== T.Colon;
    const lineStart = token.startOffset === 0 || text[token.startOffset - 1] === '\n';
    if (keyword || (lineStart && token.tokenType === T.Identifier)) starts.push(token.startOffset);
  });
  return starts;
}

/** The declaration holding `offset`: how many start at or before it (0: before the first). */
function groupOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isEof(token: IToken): boolean {
  return token.tokenType === EOF || Number.isNaN(token.startOffset);
}

/** The index of the token starting at `offset` (the parser's tokens are ours, in order). */
function indexAt(tokens: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = tokens[mid]!.startOffset;
    if (start < offset) lo = mid + 1;
    else if (start > offset) hi = mid - 1;
    else return mid;
  }
  return lo;
}

/** Keywords a miscased spelling of which is read as a name, so the error comes one token later. */
const READ_AS_NAME = new Set(['not', 'true', 'false', 'because']);

function describe(error: IRecognitionException, ctx: ParseErrorContext): Described {
  const { tokens } = ctx;
  const eof = isEof(error.token);
  const i = eof ? tokens.length : indexAt(tokens, error.token.startOffset);
  const token = eof ? null : tokens[i]!;
  const prev = tokens[i - 1];
  const prev2 = tokens[i - 2];
  const at = (t: IToken): Span => tokenSpan(ctx.lines, ctx.file, t);
  const span = token ? at(token) : endSpan(ctx);
  const message = error.message;
  const name = token?.tokenType === T.Identifier ? token : null;
  const lower = name?.image.toLowerCase() ?? '';
  // `{a b}`, `from a b`: a name where a separator belongs is a missing comma, whatever it is called.
  const inList = /^expected `[},]`, found/.test(message) && name !== null;

  if (name && lower !== name.image && T.KEYWORDS.includes(lower)) return miscased(name, span);
  if (prev?.tokenType === T.Identifier && prev2?.tokenType !== T.Dot && READ_AS_NAME.has(prev.image.toLowerCase()) && prev.image !== prev.image.toLowerCase()) {
    return miscased(prev, at(prev));
  }
  const afterAction = prev?.tokenType === T.Identifier && prev2?.tokenType === T.Then;
  if (token && afterAction && (token.tokenType === T.Comma || token.tokenType === T.And || token.tokenType === T.Or)) {
    const several = severalActions(ctx, i, prev!);
    if (several) return several;
  }
  if (name && !inList) {
    const foreign = FOREIGN_KEYWORDS.get(lower);
    if (foreign) return { code: 'BL011', message: `\`${name.image}\` is not a keyword in Bylaw`, span, help: foreign };
    if (STRING_OPERATORS.has(lower) && prev && T.valueEnds.has(prev.tokenType)) {
      // `post.categories contains harassment`: membership of a set, which Bylaw writes `has`.
      const set = pathAt(tokens, i - 1, -1);
      const member = tokens[i + 1]?.tokenType === T.Identifier ? pathAt(tokens, i + 1, 1) : null;
      if ((lower === 'contains' || lower === 'includes') && set && member) {
        return { code: 'BL011', message: `\`${name.image}\` is not a keyword in Bylaw`, span, help: `to test whether a set holds a member, write \`${set} has ${member}\`` };
      }
      return { code: 'BL017', message: `\`${name.image}\` is not an operator: Bylaw does not match strings`, span, help: STRING_MATCHING_HELP };
    }
    const keyword = closestMatch(name.image, expectedKeywords(message)) ?? (name.image.length >= 3 ? closestMatch(name.image, T.KEYWORDS) : undefined);
    if (keyword) return { code: 'BL010', message: `\`${name.image}\` is not a keyword`, span, help: `did you mean \`${keyword}\`?` };
    const several = afterAction && sameLine(ctx, prev!, name) ? severalActions(ctx, i, prev!) : null;
    if (several) return several;
    // `when x remove because "…"`: the action without its `then`.
    const next = tokens[i + 1];
    if (message.startsWith('expected `then`, found') && (!next || next.tokenType === T.Because || !sameLine(ctx, name, next))) {
      return { code: 'BL002', message, span, help: `the action follows \`then\`: write \`then ${name.image}\`` };
    }
  }
  const closer = /^expected `([)}])`, found/.exec(message)?.[1];
  if (closer && !inList) {
    const opener = openerOf(tokens, i, closer === ')' ? T.LParen : T.LBrace, closer === ')' ? T.RParen : T.RBrace);
    const open = closer === ')' ? '(' : '{';
    const notes = opener ? [{ message: `unclosed \`${open}\` opened here`, span: at(opener) }] : [];
    if (closer === ')' && token && VALUE_START.has(token.tokenType)) {
      return { code: 'BL002', message, span, notes, help: 'join two conditions with `and` or `or`' };
    }
    if (opener) {
      const where = token ? `before \`${token.image}\`` : 'before the end of the file';
      return { code: 'BL012', message, span, notes, help: `close the \`${open}\` with \`${closer}\` where ${closer === ')' ? 'its condition' : 'its list'} ends, ${where}` };
    }
  }
  if (message.startsWith('expected `{`, found') && prev?.tokenType === T.In) {
    return { code: 'BL002', message, span, help: token?.tokenType === T.LParen ? 'sets are written with braces: `x in {a, b}`' : inHelp(tokens, i) };
  }
  if (token?.tokenType === T.StringLiteral && prev?.tokenType === T.Then) {
    return { code: 'BL002', message, span, help: `an action is a name, written without quotes: \`then ${token.image.slice(1, -1)}\`` };
  }
  if (prev?.tokenType === T.Because && token?.tokenType !== T.StringLiteral) {
    return { code: 'BL002', message, span, help: 'the reason after `because` is a string in double quotes: `because "…"`' };
  }
  return { code: 'BL002', message, span, help: parseHelp(error) };
}

const VALUE_START: ReadonlySet<TokenType> = new Set([T.Identifier, T.IntLiteral, T.DateLiteral, T.StringLiteral, T.True, T.False, T.LParen, T.Not]);

function miscased(token: IToken, span: Span): Described {
  return { code: 'BL010', message: `\`${token.image}\` is not a keyword`, span, help: `keywords are lowercase: write \`${token.image.toLowerCase()}\`` };
}

function sameLine(ctx: ParseErrorContext, a: IToken, b: IToken): boolean {
  return !ctx.text.slice(a.startOffset, b.startOffset).includes('\n');
}

/** `then remove, suspend`, `then remove and suspend`, `then remove suspend`: underlines the extra actions. */
function severalActions(ctx: ParseErrorContext, i: number, first: IToken): Described | null {
  const { tokens } = ctx;
  const actions = [first.image];
  let last = first;
  let j = i;
  while (j < tokens.length) {
    const t = tokens[j]!;
    const separator = t.tokenType === T.Comma || t.tokenType === T.And || t.tokenType === T.Or;
    const action = separator ? tokens[j + 1] : t;
    if (action?.tokenType !== T.Identifier || !sameLine(ctx, last, action)) break;
    actions.push(action.image);
    last = action;
    j += separator ? 2 : 1;
  }
  if (actions.length < 2) return null; // `then remove,` and nothing after: a stray comma
  const span = ctx.lines.span(ctx.file, tokens[i]!.startOffset, last.startOffset + last.image.length);
  // One line of hundreds of names is not a list of actions worth printing in full.
  const choices = [...actions.slice(0, 8).map((a) => `\`then ${a}\``), ...(actions.length > 8 ? ['…'] : [])].join(' or ');
  return {
    code: 'BL016',
    message: 'a clause has one action',
    span,
    help: `keep one, ${choices}; when several clauses fire, the most severe action decides, so another clause can decide the other`,
  };
}

/** The `(` or `{` that the bracket expected at token `i` would close (not looking past a declaration). */
function openerOf(tokens: readonly IToken[], i: number, open: TokenType, close: TokenType): IToken | null {
  let depth = 0;
  for (let j = i - 1; j >= 0; j--) {
    const type = tokens[j]!.tokenType;
    if (type === close) depth++;
    else if (type === open && depth-- === 0) return tokens[j]!;
    else if (DECLARATION_TYPES.has(type) && tokens[j - 1]?.tokenType !== T.Dot) return null;
  }
  return null;
}

/** `harassment in post.categories`: `in` takes a set literal; a set field is tested with `has`. */
function inHelp(tokens: readonly IToken[], i: number): string {
  const after = pathAt(tokens, i, 1);
  const before = pathAt(tokens, i - 2, -1);
  const rewrite = after && before ? `\`${after} has ${before}\`` : '`SET has MEMBER`';
  return `\`in\` tests a value against a set written in braces, \`x in {a, b}\`; to test whether a set field holds a member, write ${rewrite}`;
}

/** The dotted path (or single literal) that starts (step 1) or ends (step -1) at token `i`. */
function pathAt(tokens: readonly IToken[], i: number, step: 1 | -1): string | null {
  const first = tokens[i];
  if (!first) return null;
  if (first.tokenType !== T.Identifier && !(step === -1 && tokenMatcher(first, T.AnyName))) {
    return T.valueEnds.has(first.tokenType) && first.tokenType !== T.RParen ? first.image : null;
  }
  const parts = [first.image];
  let j = i;
  for (;;) {
    const dot = tokens[j + step];
    const next = tokens[j + 2 * step];
    if (dot?.tokenType !== T.Dot || !next || !tokenMatcher(next, T.AnyName)) break;
    if (step === 1) parts.push(next.image);
    else parts.unshift(next.image);
    j += 2 * step;
  }
  if (step === -1 && tokens[j]!.tokenType !== T.Identifier) return null;
  return parts.join('.');
}

function endSpan(ctx: ParseErrorContext): Span {
  // At the end of input point just past the last token, where the missing piece belongs. The
  // span is empty; the renderer still draws one `^` there.
  const last = ctx.tokens[ctx.tokens.length - 1];
  const end = last ? tokenSpan(ctx.lines, ctx.file, last).end : { offset: 0, line: 1, column: 1 };
  return { file: ctx.file, start: end, end };
}

function parseHelp(error: IRecognitionException): string | undefined {
  const image = error.token.image;
  if (image === '=') return '`=` names a context; to compare two values write `==`';
  if (error.message.includes('`then`') && image === 'because') return 'every clause needs `then ACTION` before `because`';
  if (error.message.startsWith('expected `when`') && image === 'then') return 'every clause needs a `when` condition';
  if (error.message.startsWith('expected `}`') && error.token.tokenType === T.Identifier) return 'separate the items with `,`';
  return undefined;
}
