import { tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import { isoDatesFor } from '../ast/dates.js';
import type { DiagnosticBag } from '../diagnostics/codes.js';
import type { LineIndex, Span } from '../diagnostics/span.js';
import * as T from './tokens.js';
import { retype } from './tokens.js';

/**
 * Tokens with a shape of their own that Bylaw does not have — a date written `2024/01/15`, a
 * number `7.5`, `a + b`, `note?` — are reported here with what to write instead, then repaired so
 * the parser sees the nearest valid text and reports nothing further about them: the date and the
 * number are retyped to Bylaw literals, the arithmetic and its right operand are dropped, the `?`
 * is dropped. (A file with any error gets no AST, so no repair is ever evaluated.)
 */
export const REPAIRED: ReadonlySet<TokenType> = new Set([T.MalformedDate, T.DecimalLiteral, T.ArithmeticOperator, T.QuestionMark]);

export interface RepairContext {
  readonly file: string;
  readonly lines: LineIndex;
  readonly bag: DiagnosticBag;
  /** A character that is no token at all: reported as unexpected (BL001) and dropped. */
  readonly unexpected: (offset: number, length: number, blockComment?: boolean) => void;
}

/** `tokens` with the tokens of REPAIRED reported and repaired. */
export function repairTokens(tokens: readonly IToken[], ctx: RepairContext): IToken[] {
  const out: IToken[] = [];
  /** The index of the next `*\/` after a `/*` (tokens.length: none), found once for all `/*`s. */
  let nextClose = -1;
  const span = (from: IToken, to: IToken = from): Span => ctx.lines.span(ctx.file, from.startOffset, to.startOffset + to.image.length);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const type = token.tokenType;
    const prev = out[out.length - 1];
    if (type === T.MalformedDate) {
      ctx.bag.emit('BL013', span(token), { date: token.image, dates: isoDatesFor(token.image) });
      retype(token, T.DateLiteral);
    } else if (type === T.DecimalLiteral) {
      const operator = prev && T.compareTokens.some((c) => c === prev.tokenType) ? prev.image : null;
      const duration = prev && [T.Plus, T.Minus, T.For].includes(prev.tokenType) && tokens[i + 1]?.tokenType === T.Identifier;
      ctx.bag.emit('BL014', span(token), { number: token.image, operator, duration: Boolean(duration) });
      retype(token, T.IntLiteral);
    } else if (type === T.QuestionMark) {
      const next = tokens[i + 1];
      if (prev && isTypeEnd(prev, out[out.length - 2]) && next?.tokenType !== T.Colon) {
        out.push(token); // `note: string?`: an optional field (Bylaw 2)
        continue;
      }
      if (prev && tokenMatcher(prev, T.AnyName) && adjacent(prev, token) && next?.tokenType === T.Colon) {
        ctx.bag.emit('BL018', span(prev, token), { kind: 'declaration', name: prev.image, type: typeAfter(tokens, i + 2) });
      } else if (prev && tokenMatcher(prev, T.AnyName) && adjacent(prev, token)) {
        const path = pathEndingAt(out) ?? prev.image;
        ctx.bag.emit('BL018', span(prev, token), { kind: 'read', name: prev.image, path });
      } else if (next && next.tokenType === T.Dot && adjacent(token, next)) {
        const path = prev ? (pathEndingAt(out) ?? prev.image) : 'FIELD';
        ctx.bag.emit('BL018', span(token, next), { kind: 'question-dot', path });
      } else {
        ctx.unexpected(token.startOffset, 1);
      }
      continue;
    } else if (type === T.ArithmeticOperator) {
      if (token.image.length === 2) {
        // `/* … */`: reported once, and what it encloses is dropped with it.
        ctx.unexpected(token.startOffset, 2, true);
        if (token.image === '/*') {
          if (nextClose <= i) {
            nextClose = i + 1;
            while (nextClose < tokens.length && !(tokens[nextClose]!.tokenType === T.ArithmeticOperator && tokens[nextClose]!.image === '*/')) nextClose++;
          }
          if (nextClose < tokens.length) i = nextClose;
        }
        continue;
      }
      const next = tokens[i + 1];
      if (prev && isOperandEnd(prev, out[out.length - 2]) && isDurationAt(tokens, i + 1) && (token.image === '+' || token.image === '-')) {
        retype(token, token.image === '+' ? T.Plus : T.Minus); // `post.date - 90 days` (Bylaw 2)
        out.push(token);
        continue;
      }
      if (!prev || !next || !isOperandEnd(prev, out[out.length - 2]) || !isOperandStart(next)) {
        ctx.unexpected(token.startOffset, token.image.length);
        continue;
      }
      const strings = prev.tokenType === T.StringLiteral || next.tokenType === T.StringLiteral;
      const unitless = unitlessShift(tokens, i, out);
      if (strings) {
        ctx.bag.emit('BL017', span(token), { operator: token.image, join: true });
      } else if (unitless) {
        // `post.date + 90`: date arithmetic, short of the duration's unit.
        ctx.bag.emit('BL015', span(token, next), { kind: 'unitless', ...unitless });
      } else {
        ctx.bag.emit('BL015', span(token), { kind: 'arithmetic', operator: token.image, ...arithmeticOf(tokens, i, out) });
      }
      // Drop the operator and its right operand, and the rest of a chain (`a + b + c`): what is
      // left is the comparison the author can write instead.
      let j = skipOperand(tokens, i + 1);
      while (tokens[j]?.tokenType === T.ArithmeticOperator && tokens[j + 1] && isOperandStart(tokens[j + 1]!)) j = skipOperand(tokens, j + 1);
      i = j - 1;
      continue;
    }
    out.push(token);
  }
  return out;
}

/** `COUNT UNIT` starts at `i`: a number and a name (the checker knows the units; a fraction is BL014's). */
function isDurationAt(tokens: readonly IToken[], i: number): boolean {
  const count = tokens[i]?.tokenType;
  return (count === T.IntLiteral || count === T.DecimalLiteral) && tokens[i + 1]?.tokenType === T.Identifier;
}

/** The type written from token `i` when it is one simple name (`string`, `Policy`), else null. */
function typeAfter(tokens: readonly IToken[], i: number): string | null {
  const name = tokens[i];
  const after = tokens[i + 1]?.tokenType;
  return name?.tokenType === T.Identifier && after !== T.Less && after !== T.LParen ? name.image : null;
}

/**
 * `post.date + 90`: date arithmetic (as `datesNear` reads it) by a bare integer — a duration
 * without its unit. What the help quotes, or null when the arithmetic is of another kind.
 */
function unitlessShift(tokens: readonly IToken[], i: number, before: readonly IToken[]): { left: string; op: string; count: string } | null {
  const op = tokens[i]!.image;
  const next = tokens[i + 1]!;
  const left = pathEndingAt(before);
  if (!left || !datesNear(tokens, i, before[before.length - 1]!) || (op !== '+' && op !== '-') || next.tokenType !== T.IntLiteral) return null;
  return { left, op, count: next.image };
}

/** The arithmetic at token `i` is on dates: its left operand is named like one, or a date literal is near. */
function datesNear(tokens: readonly IToken[], i: number, prev: IToken): boolean {
  return /date/i.test(prev.image) || tokens.slice(i + 1, i + 6).some((t) => t.tokenType === T.DateLiteral || t.tokenType === T.MalformedDate);
}

/** The token ends a type in a field declaration: `string`, `list<Strike>`, `int(0..)` after `name:`. */
function isTypeEnd(token: IToken, before: IToken | undefined): boolean {
  return token.tokenType === T.Greater || token.tokenType === T.RParen ? true : token.tokenType === T.Identifier && before?.tokenType === T.Colon;
}

function adjacent(a: IToken, b: IToken): boolean {
  return a.startOffset + a.image.length === b.startOffset;
}

const VALUE_STARTS: ReadonlySet<TokenType> = new Set([
  T.Identifier,
  T.IntLiteral,
  T.DateLiteral,
  T.StringLiteral,
  T.DecimalLiteral,
  T.MalformedDate,
  T.True,
  T.False,
  T.LParen,
]);

/** The token ends a value: a name, a literal, `)`, or a field spelt like a keyword (`post.source`). */
function isOperandEnd(token: IToken, before: IToken | undefined): boolean {
  return T.valueEnds.has(token.tokenType) || (before?.tokenType === T.Dot && tokenMatcher(token, T.AnyName));
}

function isOperandStart(token: IToken): boolean {
  return VALUE_STARTS.has(token.tokenType);
}

/** The index just past the operand starting at `i`: a literal, a path `a.b.c`, or `( … )`. */
function skipOperand(tokens: readonly IToken[], i: number): number {
  const first = tokens[i]!;
  if (first.tokenType === T.LParen) {
    let depth = 0;
    for (let j = i; j < tokens.length; j++) {
      const type = tokens[j]!.tokenType;
      if (type === T.LParen) depth++;
      else if (type === T.RParen && --depth === 0) return j + 1;
    }
    return tokens.length;
  }
  let j = i + 1;
  if (first.tokenType === T.Identifier) {
    while (tokens[j]?.tokenType === T.Dot && tokens[j + 1] && tokenMatcher(tokens[j + 1]!, T.AnyName)) j += 2;
  }
  return j;
}

/**
 * Date arithmetic other than by a duration, arithmetic on two fields, or on a field and a number:
 * each has its nearest fix. `FIELD + n CMP INT` has an exact one, spelt out.
 */
function arithmeticOf(tokens: readonly IToken[], i: number, before: readonly IToken[]): { exact: string | null; on: 'dates' | 'fields' | 'values' } {
  const prev = before[before.length - 1]!;
  const next = tokens[i + 1]!;
  const left = pathEndingAt(before);
  const dates = datesNear(tokens, i, prev);
  const exact = dates ? null : exactRewrite(tokens, i, left);
  if (exact) return { exact, on: 'values' };
  if (dates) return { exact: null, on: 'dates' };
  if (tokenMatcher(prev, T.AnyName) && next.tokenType === T.Identifier && tokens[i + 2]?.tokenType === T.Dot) return { exact: null, on: 'fields' };
  return { exact: null, on: 'values' };
}

/** `post.author.strikes` from the tokens ending the list, or null when they end otherwise. */
function pathEndingAt(tokens: readonly IToken[]): string | null {
  let j = tokens.length - 1;
  const parts = [tokens[j]!.image];
  while (tokens[j - 1]?.tokenType === T.Dot && tokens[j - 2] && tokenMatcher(tokens[j - 2]!, T.AnyName)) {
    parts.unshift(tokens[j - 2]!.image);
    j -= 2;
  }
  return tokens[j]!.tokenType === T.Identifier ? parts.join('.') : null;
}

/** `x + 2 > 5` is `x > 3`. */
function exactRewrite(tokens: readonly IToken[], i: number, left: string | null): string | null {
  const [op, amount, compare, literal] = [tokens[i]!, tokens[i + 1], tokens[i + 2], tokens[i + 3]];
  if (left === null || (op.image !== '+' && op.image !== '-') || amount?.tokenType !== T.IntLiteral || literal?.tokenType !== T.IntLiteral) return null;
  if (!compare || !T.compareTokens.some((c) => c === compare.tokenType)) return null;
  const shift = Number(amount.image.replace(/_/g, '')) * (op.image === '+' ? -1 : 1);
  const n = Number(literal.image.replace(/_/g, '')) + shift;
  return Number.isSafeInteger(n) ? `${left} ${compare.image} ${n}` : null;
}
