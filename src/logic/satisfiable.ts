import type { Condition } from '../checker/program.js';
import { BudgetExceeded, DecisionDiagrams } from './diagrams.js';
import { ModelBuilder } from './model.js';

/**
 * Decides whether a condition can hold for some valid input, exactly, over the finite cut model
 * of model.ts: every field is cut at the literals the condition compares it with, so a
 * handful of classes per field covers every case, and the condition's decision diagram is
 * `false` exactly when no input satisfies it. Used for "can never fire" warnings and
 * implication checks ("whenever this rule fires, that red line fires too"). The semantic diff
 * (analysis/diff.ts) uses the same model and diagrams for whole policies.
 *
 * Exact for comparisons of a field with literals. Comparisons of two fields are treated as free
 * atoms, which can only make a condition look satisfiable, never the reverse. A diagram larger
 * than `budget` nodes, or more work than WORK_PER_CHECK, gives 'unknown'. (The checker's BL402
 * and BL403 share one model per program instead: checks/reachability.ts.)
 */
export type Verdict = 'satisfiable' | 'unsatisfiable' | 'unknown';

export function satisfiable(condition: Condition, contexts: ReadonlyMap<string, Condition>, budget = 200_000): Verdict {
  try {
    const model = new ModelBuilder().addCondition(condition, contexts).build();
    const dd = new DecisionDiagrams(model, budget, WORK_PER_CHECK);
    return dd.condition(condition, contexts) === DecisionDiagrams.FALSE ? 'unsatisfiable' : 'satisfiable';
  } catch (error) {
    if (error instanceof BudgetExceeded) return 'unknown';
    throw error;
  }
}

/** `a` implies `b` for every input (and the search could prove it). */
export function implies(a: Condition, b: Condition, contexts: ReadonlyMap<string, Condition>): boolean {
  const span = a.span;
  return satisfiable({ kind: 'and', operands: [a, { kind: 'not', operand: b, span }], span }, contexts) === 'unsatisfiable';
}

/**
 * Work (children of diagram nodes built, see DecisionDiagrams) one check may do: a field cut at
 * thousands of literals makes every node thousands wide, so without this bound one condition
 * like `x != 1 and x != 2 and …` (3,000 tests) took a quarter of a minute. Past it: 'unknown'.
 */
export const WORK_PER_CHECK = 2_000_000;

