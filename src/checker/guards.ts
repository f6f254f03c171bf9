/**
 * Optional fields (LANGUAGE-2 §6) are read only where an `exists` test guards them: to the left in
 * the same `and` (`x exists and x.y == 1`), to the left in an `or` as `not x exists`, in a
 * context referred to on the left (one whose body guards them), or in the `when` of a clause
 * whose `unless` reads them. A guard is a key naming the field read (its root
 * and path); these functions say which keys a condition establishes.
 */
import type * as A from '../ast/nodes.js';
import type { Condition, Root } from './program.js';

/** The key of a field below a root (`null`: the input; a number: a quantifier's element). */
export function guardKey(root: Root, path: readonly string[]): string {
  return `${root ?? '$'}:${path.join('.')}`;
}

/** What a context guards where it holds (its body's guards), by name. */
export type ContextGuards = (name: string) => readonly string[];

const none: ContextGuards = () => [];

/** The optional fields known present where `c` holds. */
export function guardedWhenTrue(c: Condition, contexts: ContextGuards = none): string[] {
  switch (c.kind) {
    case 'exists':
      return [guardKey(c.field.root, c.field.path)];
    case 'and':
      return c.operands.flatMap((o) => guardedWhenTrue(o, contexts));
    case 'context':
      return [...contexts(c.name)];
    case 'not':
      return guardedWhenFalse(c.operand, contexts);
    default:
      return [];
  }
}

/** The optional fields known present where `c` does not hold (`not x exists` is false). */
export function guardedWhenFalse(c: Condition, contexts: ContextGuards = none): string[] {
  switch (c.kind) {
    case 'or':
      return c.operands.flatMap((o) => guardedWhenFalse(o, contexts));
    case 'not':
      return guardedWhenTrue(c.operand, contexts);
    default:
      return [];
  }
}

/** The read as written, for the help of an unguarded read: `post.review.score`. */
export function guardText(expr: A.PathExpr, rootName: string, segments: readonly A.Identifier[]): string {
  return expr.segments.length > 0 ? [rootName, ...segments.map((s) => s.name)].join('.') : rootName;
}
