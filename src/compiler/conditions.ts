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

export function operand(o: Operand, root: string, widen: boolean): string {
  return o.kind === 'field' ? path(root, o.path) : literal(o.value, widen);
}

const JS_OP = { '==': '===', '!=': '!==', '<': '<', '<=': '<=', '>': '>', '>=': '>=' } as const;

/**
 * A leaf test (`const`, `field`, `compare`, `in`, `has`) as an expression over `root`.
 * `has` goes through `hasTest` so the hot path can test bits instead of scanning the array.
 */
export function leaf(
  c: Extract<Condition, { kind: 'const' | 'field' | 'compare' | 'in' | 'has' }>,
  root: string,
  hasTest: (path: readonly string[], member: string) => Expr,
): Expr {
  switch (c.kind) {
    case 'const':
      return { code: String(c.value), prec: 'atom' };
    case 'field':
      return { code: `${path(root, c.path)} === ${literal(true, true)}`, prec: 'cmp' };
    case 'compare': {
      const equality = c.op === '==' || c.op === '!=';
      return { code: `${operand(c.left, root, equality)} ${JS_OP[c.op]} ${operand(c.right, root, equality)}`, prec: 'cmp' };
    }
    case 'in': {
      if (c.values.length === 0) return { code: String(c.negated), prec: 'atom' };
      const value = operand(c.operand, root, true);
      const tests = c.values.map((v) => `${value} ${c.negated ? '!==' : '==='} ${literal(v, true)}`);
      if (tests.length === 1) return { code: tests[0]!, prec: 'cmp' };
      return { code: tests.join(c.negated ? ' && ' : ' || '), prec: c.negated ? 'and' : 'or' };
    }
    case 'has':
      return hasTest(c.path, c.member);
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
