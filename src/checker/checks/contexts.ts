import type { ContextDecl } from '../../ast/nodes.js';
import type { DiagnosticBag } from '../../diagnostics/codes.js';
import type { CheckedContext, CheckedValue, Condition, Operand } from '../program.js';

/** A checked context of either kind: a condition, or a value (an int or a date). */
export type AnyContext = CheckedContext | CheckedValue;

/**
 * How deep a condition may nest, counting every `and`/`or`/`not` and every context it uses
 * (a context counts one level plus the depth of its body). The lexer bounds the nesting inside
 * one condition (MAX_NESTING); chains of contexts could still nest without bound, and every
 * tree walker after the checker — the interpreter, explanations, the satisfiability search, the
 * compiled module — recurses along that nesting. A chain `c_i = c_{i-1} and …` of 1,000
 * contexts is about 2,000 levels deep. JSON.stringify, which `--explain --json` needs, gives
 * up near 2,150 levels of trace (each a node and its children array).
 */
export const MAX_CONDITION_DEPTH = 2_048;

/**
 * Orders contexts so each comes after the contexts it refers to, and reports cycles (a context
 * that refers to itself, directly or through others) and chains nested deeper than
 * MAX_CONDITION_DEPTH (BL007). Iterative: a chain of any length is walked without recursion.
 */
export function orderContexts(
  checked: ReadonlyMap<string, AnyContext>,
  references: ReadonlyMap<string, readonly string[]>,
  decls: ReadonlyMap<string, ContextDecl>,
  bag: DiagnosticBag,
): AnyContext[] | null {
  const order: AnyContext[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  let ok = true;
  for (const root of decls.keys()) {
    if (state.has(root)) continue;
    const stack: { name: string; next: number }[] = [{ name: root, next: 0 }];
    state.set(root, 'visiting');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const refs = references.get(top.name) ?? [];
      if (top.next < refs.length) {
        const next = refs[top.next++]!;
        if (!decls.has(next)) continue;
        const s = state.get(next);
        if (s === 'done') continue;
        if (s === 'visiting') {
          const path = stack.map((f) => f.name);
          const cycle = [...path.slice(path.indexOf(next)), next];
          const decl = decls.get(next)!;
          bag.emit('BL209', decl.name.span, { cycle: cycle.map((c) => ({ name: c, declared: decls.get(c)!.name.span })) });
          ok = false;
          continue;
        }
        state.set(next, 'visiting');
        stack.push({ name: next, next: 0 });
        continue;
      }
      stack.pop();
      state.set(top.name, 'done');
      const context = checked.get(top.name);
      if (context) order.push(context);
    }
  }
  if (!ok) return null;
  return checkDepth(order, decls, bag) ? order : null;
}

/** BL007 for the first context (in dependency order) nested deeper than MAX_CONDITION_DEPTH. */
function checkDepth(order: readonly AnyContext[], decls: ReadonlyMap<string, ContextDecl>, bag: DiagnosticBag): boolean {
  const depths = new Map<string, number>();
  for (const context of order) {
    const depth = 'body' in context ? conditionDepth(context.body, depths) : operandDepth(context.value, depths);
    depths.set(context.name, depth + 1);
    if (depth + 1 <= MAX_CONDITION_DEPTH) continue;
    const decl = decls.get(context.name);
    if (!decl) continue;
    bag.emit('BL007', decl.name.span, { kind: 'context', context: context.name, depth: depth + 1, max: MAX_CONDITION_DEPTH });
    return false;
  }
  return true;
}

/** Depth of one body; a context reference counts as deep as that context (already in `depths`). */
function conditionDepth(c: Condition, depths: ReadonlyMap<string, number>): number {
  switch (c.kind) {
    case 'not':
      return 1 + conditionDepth(c.operand, depths);
    case 'and':
    case 'or': {
      let deepest = 0;
      for (const o of c.operands) deepest = Math.max(deepest, conditionDepth(o, depths));
      return 1 + deepest;
    }
    case 'context':
      return depths.get(c.name) ?? 1; // the context's own level plus its body
    case 'compare':
      return 1 + Math.max(operandDepth(c.left, depths), operandDepth(c.right, depths));
    case 'in':
    case 'contains':
      return 1 + operandDepth(c.kind === 'in' ? c.operand : c.value, depths);
    case 'any':
    case 'all':
      return 1 + (c.quantifier.where ? conditionDepth(c.quantifier.where, depths) : 0);
    default:
      return 1;
  }
}

/** Depth of a value: shifts, counts (their `where`) and value contexts nest like conditions. */
function operandDepth(o: Operand, depths: ReadonlyMap<string, number>): number {
  switch (o.kind) {
    case 'shift':
      return 1 + operandDepth(o.base, depths);
    case 'count':
      return 1 + (o.quantifier.where ? conditionDepth(o.quantifier.where, depths) : 0);
    case 'value':
      return depths.get(o.name) ?? 1;
    default:
      return 0;
  }
}
