import type { Condition, Operand, Type } from '../checker/program.js';

/**
 * The one definition of what a leaf test of a condition is, for the model: which variable it
 * tests (`key`), and whether that variable is a value the model cuts into classes (`tracked`:
 * an input field, a named value such as a `count` context, an inline `count`) or an opaque
 * bool atom (a test relating two varying values, a shifted date, `any`/`all`, a read of a
 * quantifier's element). Opaque atoms are independent bools: nothing that holds is missed,
 * but the model is no longer exact (FiniteModel.exact).
 */
export type Leaf =
  | { readonly kind: 'const'; readonly value: boolean }
  | { readonly kind: 'tracked'; readonly key: string; readonly path: readonly string[]; readonly type: Type; readonly member?: string }
  | { readonly kind: 'opaque'; readonly key: string };

export const fieldKey = (path: readonly string[]): string => path.join('.');

/** The variable an operand is, when the model tracks it; null otherwise. */
export function operandVar(o: Operand): { readonly key: string; readonly path: readonly string[]; readonly type: Type } | null {
  if (o.kind === 'field') return o.root === null ? { key: fieldKey(o.path), path: o.path, type: o.type } : null;
  if (o.kind === 'value') return { key: `@${o.name}`, path: [], type: o.type };
  if (o.kind === 'count') return { key: `count#${o.quantifier.id}`, path: [], type: o.type };
  return null;
}

/** A stable text of an operand, for the keys of opaque atoms (equal tests share one atom). */
export function operandText(o: Operand): string {
  switch (o.kind) {
    case 'field':
      return `${o.root === null ? '' : `$${o.root}.`}${fieldKey(o.path)}`;
    case 'literal':
      return JSON.stringify(o.value);
    case 'shift':
      return `(${operandText(o.base)} ${o.amount < 0 ? '-' : '+'} ${Math.abs(o.amount)} ${o.unit})`;
    case 'count':
      return `count#${o.quantifier.id}`;
    case 'value':
      return `@${o.name}`;
  }
}

/** The leaf a test condition is (not for `and`, `or`, `not`, `context`). */
export function leafOf(c: Condition): Leaf {
  switch (c.kind) {
    case 'const':
      return { kind: 'const', value: c.value };
    case 'field':
      return c.root === null ? { kind: 'tracked', key: fieldKey(c.path), path: c.path, type: { kind: 'bool' } } : { kind: 'opaque', key: `$${c.root}.${fieldKey(c.path)}` };
    case 'has':
      return c.root === null
        ? { kind: 'tracked', key: `${fieldKey(c.path)}#${c.member}`, path: c.path, type: { kind: 'bool' }, member: c.member }
        : { kind: 'opaque', key: `$${c.root}.${fieldKey(c.path)}#${c.member}` };
    case 'exists':
      return c.field.root === null
        ? { kind: 'tracked', key: `${fieldKey(c.field.path)}?`, path: c.field.path, type: { kind: 'bool' } }
        : { kind: 'opaque', key: `${operandText(c.field)}?` };
    case 'in': {
      const v = operandVar(c.operand);
      if (v) return { kind: 'tracked', ...v };
      return { kind: 'opaque', key: `(${operandText(c.operand)} ${c.negated ? 'not in' : 'in'} ${JSON.stringify(c.values)})` };
    }
    case 'compare': {
      const { left, right } = c;
      if (left.kind === 'literal' && right.kind !== 'literal') {
        const v = operandVar(right);
        if (v) return { kind: 'tracked', ...v };
      } else if (right.kind === 'literal' && left.kind !== 'literal') {
        const v = operandVar(left);
        if (v) return { kind: 'tracked', ...v };
      }
      return { kind: 'opaque', key: opaqueKey(c) };
    }
    case 'contains':
      return { kind: 'opaque', key: `(${operandText(c.set)} has ${operandText(c.value)})` };
    case 'any':
    case 'all':
      return { kind: 'opaque', key: `${c.kind}#${c.quantifier.id}` };
    default:
      throw new Error(`not a leaf test: ${c.kind}`);
  }
}

export function opaqueKey(c: Extract<Condition, { kind: 'compare' }>): string {
  return `(${operandText(c.left)} ${c.op} ${operandText(c.right)})`;
}
