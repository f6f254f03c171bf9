import { EOF, tokenMatcher, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import type { DiagnosticBag, Emission } from '../diagnostics/codes.js';
import { isForeignKeyword, type Construct } from '../diagnostics/messages/bl0.js';
import type { LineIndex, Span } from '../diagnostics/span.js';
import { closestMatch } from '../diagnostics/suggest.js';
import { STRING_OPERATORS } from './advice.js';
import { tokenSpan } from './lexer.js';
import { expectedOf, expectsFirst, expectsOnly, foundOf, type Expected } from './expected.js';
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
    ctx.bag.emit(d.code, d.span, d.args);
  }
}

/** A parse error as described: the code and the arguments its constructor words it from, and where. */
type Described = Emission & { readonly span: Span };

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
const READ_AS_NAME = new Set(['not', 'true', 'false', 'because', 'every']);

function describe(error: IRecognitionException, ctx: ParseErrorContext): Described {
  const { tokens } = ctx;
  const eof = isEof(error.token);
  const i = eof ? tokens.length : indexAt(tokens, error.token.startOffset);
  const token = eof ? null : tokens[i]!;
  const prev = tokens[i - 1];
  const prev2 = tokens[i - 2];
  const at = (t: IToken): Span => tokenSpan(ctx.lines, ctx.file, t);
  const span = token ? at(token) : endSpan(ctx);
  const expected = expectedOf(error);
  const parsed = { expected: expected.text, found: foundOf(error) };
  const name = token?.tokenType === T.Identifier ? token : null;
  const lower = name?.image.toLowerCase() ?? '';
  // `{a b}`, `from a b`: a name where a separator belongs is a missing comma, whatever it is called.
  const inList = expectsOnly(expected, T.RBrace, T.Comma) && name !== null;

  if (name && lower !== name.image && T.KEYWORDS.includes(lower)) return miscased(name, span);
  if (prev?.tokenType === T.Identifier && prev2?.tokenType !== T.Dot && READ_AS_NAME.has(prev.image.toLowerCase()) && prev.image !== prev.image.toLowerCase()) {
    return miscased(prev, at(prev));
  }
  const actionList = prev?.tokenType === T.Identifier ? actionListOf(tokens, i - 1) : null;
  if (token && actionList && (token.tokenType === T.And || token.tokenType === T.Or)) {
    const several = severalActions(ctx, i, actionList);
    if (several) return several;
  }
  const quantifier = quantifierMistake(ctx, i, error);
  if (quantifier) return quantifier;
  const misplaced = token ? misplacedKeyword(ctx, i, error) : null;
  if (misplaced) return misplaced;
  // `s has some {a, b}`, `s has any a`: the forms of `has` with a set of members.
  if (prev2?.tokenType === T.Has && prev?.tokenType === T.Identifier && (token?.tokenType === T.LBrace || prev.image === 'any' || prev.image === 'all')) {
    return { code: 'BL002', args: { ...parsed, kind: 'has-members' }, span };
  }
  // `then remove, because "…"`: a comma that no action follows.
  if (prev?.tokenType === T.Comma && prev2?.tokenType === T.Identifier && actionListOf(tokens, i - 2) && token?.tokenType !== T.Identifier) {
    return { code: 'BL002', args: { kind: 'trailing-comma', found: token ? token.image : null }, span: at(prev) };
  }
  if (name && !inList) {
    if (isForeignKeyword(lower)) return { code: 'BL011', args: { kind: 'foreign', word: name.image, keyword: lower }, span };
    if (STRING_OPERATORS.has(lower) && prev && T.valueEnds.has(prev.tokenType)) {
      // `post.categories contains harassment`: membership of a set, which Bylaw writes `has`.
      const set = pathAt(tokens, i - 1, -1);
      const member = tokens[i + 1]?.tokenType === T.Identifier ? pathAt(tokens, i + 1, 1) : null;
      if ((lower === 'contains' || lower === 'includes') && set && member) {
        return { code: 'BL011', args: { kind: 'set-member', word: name.image, set, member }, span };
      }
      return { code: 'BL017', args: { operator: name.image, join: false }, span };
    }
    const keyword = closestMatch(name.image, expected.keywords) ?? (name.image.length >= 3 ? closestMatch(name.image, T.KEYWORDS) : undefined);
    if (keyword) return { code: 'BL010', args: { kind: 'misspelt', word: name.image, meant: keyword }, span };
    const several = actionList && sameLine(ctx, prev!, name) ? severalActions(ctx, i, actionList) : null;
    if (several) return several;
    // `when x remove because "…"`: the action without its `then`.
    const next = tokens[i + 1];
    if (expectsOnly(expected, T.Then) && (!next || next.tokenType === T.Because || !sameLine(ctx, name, next))) {
      return { code: 'BL002', args: { ...parsed, kind: 'missing-then', action: name.image }, span };
    }
  }
  const closer = expectsOnly(expected, T.RParen) ? ')' : expectsOnly(expected, T.RBrace) ? '}' : undefined;
  if (closer && !inList) {
    const opener = openerOf(tokens, i, closer === ')' ? T.LParen : T.LBrace, closer === ')' ? T.RParen : T.RBrace);
    if (closer === ')' && token && VALUE_START.has(token.tokenType)) {
      return { code: 'BL002', args: { ...parsed, kind: 'two-conditions', opened: opener ? at(opener) : null }, span };
    }
    if (opener) return { code: 'BL012', args: { ...parsed, bracket: closer === ')' ? '(' : '{', opened: at(opener) }, span };
  }
  if (expectsOnly(expected, T.LBrace) && prev?.tokenType === T.In) {
    // `x in (a, b)`; `harassment in post.categories`: `in` takes a set literal, a set field is tested with `has`.
    const mistake = token?.tokenType === T.LParen ? ({ kind: 'set-in-parens' } as const) : ({ kind: 'in-field', set: pathAt(tokens, i, 1), member: pathAt(tokens, i - 2, -1) } as const);
    return { code: 'BL002', args: { ...parsed, ...mistake }, span };
  }
  if (token?.tokenType === T.StringLiteral && prev?.tokenType === T.Then) {
    return { code: 'BL002', args: { ...parsed, kind: 'quoted-action', action: token.image.slice(1, -1) }, span };
  }
  if (prev?.tokenType === T.Because && token?.tokenType !== T.StringLiteral) {
    return { code: 'BL002', args: { ...parsed, kind: 'because-string' }, span };
  }
  return { code: 'BL002', args: { ...parsed, kind: 'other', hint: parseHint(error.token, expected), construct: constructOf(error) }, span };
}

/** The grammar rules that begin a construct whose form BL002's help shows (parser.ts, parser-statements.ts). */
const CONSTRUCTS: Readonly<Record<string, Construct>> = {
  policyHeader: 'policy',
  versionHeader: 'version',
  effectiveHeader: 'effective',
  sourceHeader: 'source',
  useDecl: 'use',
  inputDecl: 'input',
  enumDecl: 'enum',
  recordDecl: 'record',
  scaleDecl: 'scale',
  outcomeDecl: 'outcome',
  contextDecl: 'context',
  redlineDecl: 'redline',
  ruleDecl: 'rule',
  exemptionDecl: 'exemption',
  defaultDecl: 'default',
  quantifier: 'quantifier',
  statementDecl: 'statement',
};

/** The innermost construct the parser was reading when it failed; the file itself outside any. */
function constructOf(error: IRecognitionException): Construct {
  const stack = error.context?.ruleStack ?? [];
  for (let i = stack.length - 1; i >= 0; i--) {
    const construct = Object.hasOwn(CONSTRUCTS, stack[i]!) ? CONSTRUCTS[stack[i]!] : undefined;
    if (construct) return construct;
  }
  return 'file';
}

const VALUE_START: ReadonlySet<TokenType> = new Set([T.Identifier, T.IntLiteral, T.DateLiteral, T.StringLiteral, T.True, T.False, T.LParen, T.Not]);

function miscased(token: IToken, span: Span): Described {
  return { code: 'BL010', args: { kind: 'miscased', word: token.image }, span };
}

function sameLine(ctx: ParseErrorContext, a: IToken, b: IToken): boolean {
  return !ctx.text.slice(a.startOffset, b.startOffset).includes('\n');
}

/**
 * `then remove and suspend`, `then remove suspend`: actions joined otherwise than by commas.
 * Underlines from the first wrong separator to the last action, and shows the list with commas
 * (the checker then says whether each action has an outcome of its own).
 */
function severalActions(ctx: ParseErrorContext, i: number, keyword: IToken): Described | null {
  const { tokens } = ctx;
  const actions: string[] = [];
  let j = indexAt(tokens, keyword.startOffset) + 1;
  let last = keyword;
  while (j < tokens.length && sameLine(ctx, last, tokens[j]!)) {
    if (actions.length > 0 && SEPARATORS.has(tokens[j]!.tokenType)) j++;
    const action = actionAt(tokens, j);
    if (!action || !sameLine(ctx, last, tokens[j]!)) break;
    actions.push(action.text);
    last = tokens[action.end - 1]!;
    j = action.end;
  }
  if (actions.length < 2 || last.startOffset < tokens[i]!.startOffset) return null;
  const span = ctx.lines.span(ctx.file, tokens[i]!.startOffset, last.startOffset + last.image.length);
  const joiner = tokens[i]!.tokenType === T.And || tokens[i]!.tokenType === T.Or ? tokens[i]!.image : null;
  return { code: 'BL016', args: { joiner, keyword: keyword.image, actions, clause: keyword.tokenType === T.Then }, span };
}

const SEPARATORS: ReadonlySet<TokenType> = new Set([T.Comma, T.And, T.Or]);

/** The action written from token `j` (`remove`, `Content.remove`, `restrict for 3 days`) and the index past it. */
function actionAt(tokens: readonly IToken[], j: number): { text: string; end: number } | null {
  if (tokens[j]?.tokenType !== T.Identifier) return null;
  let text = tokens[j]!.image;
  let end = j + 1;
  if (tokens[end]?.tokenType === T.Dot && tokens[end + 1]?.tokenType === T.Identifier) {
    text += `.${tokens[end + 1]!.image}`;
    end += 2;
  }
  if (tokens[end]?.tokenType === T.For && tokens[end + 1]?.tokenType === T.IntLiteral && tokens[end + 2]?.tokenType === T.Identifier) {
    text += ` for ${tokens[end + 1]!.image} ${tokens[end + 2]!.image}`;
    end += 3;
  }
  return { text, end };
}

/**
 * The `then` or `default` whose action list token `i` is in (only names, `.`, commas and
 * `for N UNIT` lie between them), or null.
 */
function actionListOf(tokens: readonly IToken[], i: number): IToken | null {
  for (let j = i; j >= 0; j--) {
    const type = tokens[j]!.tokenType;
    if (type === T.Then || type === T.Default) return tokens[j]!;
    if (type !== T.Identifier && type !== T.Comma && type !== T.Dot && type !== T.For && type !== T.IntLiteral) return null;
  }
  return null;
}

/** Bylaw 2 keywords written where another belongs, by what the parser expected there (their help is BL002's). */
const MISPLACED: Readonly<Record<'where' | 'except', (e: Expected) => boolean>> = {
  where: (e) => expectsFirst(e, T.When),
  except: (e) => expectsFirst(e, T.Then) || e.what === 'declaration',
};

function misplacedKeyword(ctx: ParseErrorContext, i: number, error: IRecognitionException): Described | null {
  const token = ctx.tokens[i]!;
  const next = ctx.tokens[i + 1];
  const span = tokenSpan(ctx.lines, ctx.file, token);
  const expected = expectedOf(error);
  const parsed = { expected: expected.text, found: foundOf(error) };
  const keyword = token.image;
  if ((keyword === 'where' || keyword === 'except') && tokenMatcher(token, T.AnyName) && token.tokenType !== T.Identifier && MISPLACED[keyword](expected)) {
    return { code: 'BL002', args: { ...parsed, kind: 'misplaced', keyword }, span };
  }
  // `exists(post.note)`, `every(s in …)`: written as functions.
  if (token.tokenType === T.Exists && expected.what === 'condition') {
    const path = next?.tokenType === T.LParen ? pathAt(ctx.tokens, i + 2, 1) : pathAt(ctx.tokens, i + 1, 1);
    return { code: 'BL002', args: { ...parsed, kind: 'exists-call', path }, span };
  }
  if (token.tokenType === T.Every && next?.tokenType === T.LParen) {
    return { code: 'BL002', args: { ...parsed, kind: 'every-call' }, span };
  }
  return null;
}

/**
 * Mistakes inside `count(…)`, `any(…)`, `all(…)`: the element not named (`count(post.strikes)`),
 * the condition after something else than `where` (`count(s in post.strikes when …)`).
 */
function quantifierMistake(ctx: ParseErrorContext, i: number, error: IRecognitionException): Described | null {
  const { tokens } = ctx;
  const expected = expectedOf(error);
  const parsed = { expected: expected.text, found: foundOf(error) };
  const token = tokens[i];
  const span = token ? tokenSpan(ctx.lines, ctx.file, token) : endSpan(ctx);
  // `count(post.strikes)`, `len(post.strikes)`: expected `in` after the first name.
  if (expectsOnly(expected, T.In) && tokens[i - 2]?.tokenType === T.LParen && tokens[i - 3]?.tokenType === T.Identifier) {
    const name = tokens[i - 3]!.image;
    const collection = pathAt(tokens, i - 1, 1) ?? 'LIST';
    const quantifier = ['count', 'any', 'all'].includes(name) ? name : 'count';
    return { code: 'BL002', args: { ...parsed, kind: 'no-binder', quantifier, list: collection }, span };
  }
  if (!expectsOnly(expected, T.RParen)) return null;
  const opener = openerOf(tokens, i, T.LParen, T.RParen);
  if (!opener) return null;
  const o = indexAt(tokens, opener.startOffset);
  const isQuantifier = tokens[o - 1]?.tokenType === T.Identifier && tokens[o + 1]?.tokenType === T.Identifier && tokens[o + 2]?.tokenType === T.In;
  if (!isQuantifier || tokens.slice(o, i).some((t) => t.tokenType === T.Where)) return null;
  const quantifier = { quantifier: tokens[o - 1]!.image, binder: tokens[o + 1]!.image, list: pathAt(tokens, o + 3, 1) ?? 'LIST' };
  if (token?.tokenType === T.Identifier && isForeignKeyword(token.image.toLowerCase())) return { code: 'BL011', args: { kind: 'quantifier', word: token.image, ...quantifier }, span };
  return { code: 'BL002', args: { ...parsed, kind: 'no-where', ...quantifier }, span };
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

/** Help for a parse error no case of `describe` fits, from the token found and what was expected. */
function parseHint(token: IToken, expected: Expected): 'assign' | 'because-before-then' | 'then-before-when' | 'separate' | null {
  const image = token.image;
  if (image === '=') return 'assign';
  if (image === 'because' && expected.types.includes(T.Then)) return 'because-before-then';
  if (image === 'then' && expectsFirst(expected, T.When)) return 'then-before-when';
  if (expectsFirst(expected, T.RBrace) && token.tokenType === T.Identifier) return 'separate';
  return null;
}
