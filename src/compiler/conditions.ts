/**
 * Conditions as JavaScript expressions. Shared by the hot path (decide.ts: set membership as
 * bit tests, contexts inlined or cached) and the tracer (explain.ts: plain reads, every node).
 *
 * Precedence is tracked so the output has the parentheses it needs and few more. In the
 * TypeScript target literals in `==`/`!=`/`in` are widened (`("none" as string)`): the checker
 * allows conditions TypeScript's narrowing would call impossible (`x == a and x == b`).
 */
import type { Condition, FieldOperand, Operand, Value } from '../checker/program.js';
import { dayNumber } from '../runtime/dates.js';
import { ts } from './emit.js';
import { access, jsNumber, jsString } from './names.js';
import type { Read } from './scope.js';

/** Binding strength of an emitted expression: atoms need no parentheses anywhere. */
export type Prec = 'atom' | 'not' | 'cmp' | 'and' | 'or';

export interface Expr {
  readonly code: string;
  readonly prec: Prec;
}

/** How tightly each emitted JavaScript expression binds, for parentheses (the rank of answers is semantics/plan.ts). */
const BINDING: Record<Prec, number> = { atom: 5, not: 4, cmp: 3, and: 2, or: 1 };

/** `e` as an operand of something that binds at `prec`: parenthesized when it binds more loosely. */
export function wrap(e: Expr, prec: Prec): string {
  // `a && b || c` is valid, but the parentheses make it readable.
  return BINDING[e.prec] < BINDING[prec] || (prec === 'or' && e.prec === 'and') ? `(${e.code})` : e.code;
}

export function literal(value: Value, widen: boolean): string {
  const code = typeof value === 'boolean' ? String(value) : typeof value === 'number' ? jsNumber(value) : jsString(value);
  if (!widen) return code;
  const wide = typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string';
  return `${ts('(')}${code}${ts(` as ${wide})`)}`;
}

/** A read of a field below the input: `input.author.role`. */
export function path(root: string, segments: readonly string[]): string {
  return segments.reduce(access, root);
}

const JS_OP = { '==': '===', '!=': '!==', '<': '<', '<=': '<=', '>': '>', '>=': '>=' } as const;

type Quantified = Extract<Condition, { kind: 'any' | 'all' }>;
type Computed = Exclude<Operand, { kind: 'field' | 'literal' }>;

/**
 * How leaves read the world, which differs between the hot path (bit masks, cached values), a
 * quantifier's loop function (its element, values passed in) and explanations (plain reads).
 */
export interface LeafEnv {
  /** A field read: `input.author.role`; through an optional field with `?.`. */
  read(f: Read): string;
  /** Whether a value may be absent (read at or through an optional field). */
  absent(o: Operand): boolean;
  /** `set has member`. */
  has(c: Extract<Condition, { kind: 'has' }>): Expr;
  /** A shifted date, a count, a value context. */
  computed(o: Computed): Expr;
  /** `any(…)`, `all(…)`. */
  quantified(c: Quantified): Expr;
  /** The day number of a date read (never absent), for comparing with a date moved by days. */
  readDay(f: Read): string;
  /** Whether a shifted date is computed once, outside (a loop's parameter): then it is compared as text. */
  hoisted(o: Operand): boolean;
}

/** An operand as an expression that binds tighter than any comparison. */
export function operand(o: Operand, env: LeafEnv, widen: boolean): string {
  if (o.kind === 'field') return env.read(o);
  if (o.kind === 'literal') return literal(o.value, widen);
  const e = env.computed(o);
  return BINDING[e.prec] > BINDING.cmp ? e.code : `(${e.code})`;
}

/** An operand of `<`, `<=`, `>`, `>=`: TypeScript is told it is there (an absent one compares false, as in the interpreter). */
function ordered(o: Operand, env: LeafEnv): string {
  const code = operand(o, env, false);
  return env.absent(o) ? `${code}${ts('!')}` : code;
}

/** A leaf test (anything but `and`, `or`, `not` and `context`) as an expression. */
export function leaf(c: Exclude<Condition, { kind: 'and' | 'or' | 'not' | 'context' }>, env: LeafEnv): Expr {
  switch (c.kind) {
    case 'const':
      return { code: String(c.value), prec: 'atom' };
    case 'field':
      return { code: `${env.read(c)} === ${literal(true, true)}`, prec: 'cmp' };
    case 'compare': {
      const days = dayCompare(c, env);
      if (days !== null) return days;
      const equality = c.op === '==' || c.op === '!=';
      const left = equality ? operand(c.left, env, true) : ordered(c.left, env);
      const right = equality ? operand(c.right, env, true) : ordered(c.right, env);
      return { code: `${left} ${JS_OP[c.op]} ${right}`, prec: 'cmp' };
    }
    case 'in': {
      if (c.values.length === 0) return { code: String(c.negated), prec: 'atom' };
      const value = operand(c.operand, env, true);
      const tests = c.values.map((v) => `${value} ${c.negated ? '!==' : '==='} ${literal(v, true)}`);
      if (tests.length === 1) return { code: tests[0]!, prec: 'cmp' };
      return { code: tests.join(c.negated ? ' && ' : ' || '), prec: c.negated ? 'and' : 'or' };
    }
    case 'has':
      return env.has(c);
    case 'contains': {
      // An absent value is in no set; an absent set holds nothing (the interpreter's reading).
      const value = `${operand(c.value, env, false)}${env.absent(c.value) ? ts('!') : ''}`;
      const set = env.read(c.set);
      if (!env.absent(c.set)) return { code: `${set}.includes(${value})`, prec: 'atom' };
      return { code: `${set}?.includes(${value}) === true`, prec: 'cmp' };
    }
    case 'exists':
      return { code: `${env.read(c.field)} != null`, prec: 'cmp' };
    case 'any':
    case 'all':
      return env.quantified(c);
  }
}

/**
 * `a op b ± n days` (or weeks) as day numbers — `dayNumber(a) >= dayNumber(b) - 90` — when `a`
 * and `b` are dates read or written (never absent): no date text is built for the shift, and
 * the answer is the same. A shift computed once outside a loop stays a text comparison here
 * (loop-days.ts compares it as a day number where the loop parses the element's date anyway).
 */
function dayCompare(c: Extract<Condition, { kind: 'compare' }>, env: LeafEnv): Expr | null {
  const days = dayShift(c, env);
  if (days === null) return null;
  const { flip, shifted, other } = days;
  const day = (o: Operand) => (o.kind === 'literal' ? jsNumber(dayNumber(o.value as string)) : env.readDay(o as FieldOperand));
  const base = shifted.base;
  const amount = shifted.amount * (shifted.unit === 'week' ? 7 : 1);
  const moved = `${day(base)} ${amount < 0 ? '-' : '+'} ${jsNumber(Math.abs(amount))}`;
  const code = flip ? `${moved} ${JS_OP[c.op]} ${day(other)}` : `${day(other)} ${JS_OP[c.op]} ${moved}`;
  return { code, prec: 'cmp' };
}

type Shift = Extract<Operand, { kind: 'shift' }>;

/** Whether dayCompare compares `c` as day numbers: its shifted side and the other, and which is left. */
export function dayShift(c: Extract<Condition, { kind: 'compare' }>, env: LeafEnv): { flip: boolean; shifted: Shift; other: Operand } | null {
  const flip = c.left.kind === 'shift';
  const shifted = flip ? c.left : c.right;
  const other = flip ? c.right : c.left;
  if (shifted.kind !== 'shift' || (shifted.unit !== 'day' && shifted.unit !== 'week')) return null;
  const plain = (o: Operand) => (o.kind === 'field' || o.kind === 'literal') && o.type.kind === 'date' && !env.absent(o);
  if (!plain(shifted.base) || !plain(other) || env.hoisted(shifted)) return null;
  return { flip, shifted, other };
}

/** Joins operands of `and` / `or`. */
export function junction(kind: 'and' | 'or', operands: readonly Expr[]): Expr {
  if (operands.length === 1) return operands[0]!;
  return { code: operands.map((o) => wrap(o, kind)).join(kind === 'and' ? ' && ' : ' || '), prec: kind };
}

export function negate(e: Expr): Expr {
  if (e.code === 'true') return { code: 'false', prec: 'atom' };
  if (e.code === 'false') return { code: 'true', prec: 'atom' };
  return { code: `!${wrap(e, 'not')}`, prec: 'not' };
}
