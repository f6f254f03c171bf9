/**
 * Conditions as JavaScript expressions. Shared by the hot path (decide.ts: set membership as
 * bit tests, contexts inlined or cached) and the tracer (explain.ts: plain reads, every node).
 *
 * Precedence is tracked so the output has the parentheses it needs and few more. In the
 * TypeScript target literals in `==`/`!=`/`in` are widened (`("none" as string)`): the checker
 * allows conditions TypeScript's narrowing would call impossible (`x == a and x == b`).
 */
import type { Condition, Operand, Value } from '../checker/program.js';
import { ts } from './emit.js';
import { access, jsNumber, jsString } from './names.js';
import type { Read } from './scope.js';

/** Binding strength of an emitted expression: atoms need no parentheses anywhere. */
export type Prec = 'atom' | 'not' | 'cmp' | 'and' | 'or';

export interface Expr {
  readonly code: string;
  readonly prec: Prec;
}

const RANK: Record<Prec, number> = { atom: 5, not: 4, cmp: 3, and: 2, or: 1 };

/** `e` as an operand of something that binds at `prec`: parenthesized when it binds more loosely. */
export function wrap(e: Expr, prec: Prec): string {
  // `a && b || c` is valid, but the parentheses make it readable.
  return RANK[e.prec] < RANK[prec] || (prec === 'or' && e.prec === 'and') ? `(${e.code})` : e.code;
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
}

/** An operand as an expression that binds tighter than any comparison. */
export function operand(o: Operand, env: LeafEnv, widen: boolean): string {
  if (o.kind === 'field') return env.read(o);
  if (o.kind === 'literal') return literal(o.value, widen);
  const e = env.computed(o);
  return RANK[e.prec] > RANK.cmp ? e.code : `(${e.code})`;
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
