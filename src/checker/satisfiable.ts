import type { Condition } from './program.js';
import { BudgetExceeded, DecisionDiagrams, ModelBuilder } from './finite-model.js';

/**
 * Decides whether a condition can hold for some valid input, exactly, over the finite cut model
 * of finite-model.ts: every field is cut at the literals the condition compares it with, so a
 * handful of classes per field covers every case, and the condition's decision diagram is
 * `false` exactly when no input satisfies it. Used for "can never fire" warnings and
 * implication checks ("whenever this rule fires, that red line fires too"). The semantic diff
 * (analysis/diff.ts) uses the same model and diagrams for whole policies.
 *
 * Exact for comparisons of a field with literals. Comparisons of two fields are treated as free
 * atoms, which can only make a condition look satisfiable, never the reverse. A diagram larger
 * than `budget` nodes, or more work than WORK_PER_CHECK (or than a shared meter has left), gives
 * 'unknown'.
 */
export type Verdict = 'satisfiable' | 'unsatisfiable' | 'unknown';

export function satisfiable(condition: Condition, contexts: ReadonlyMap<string, Condition>, budget = 200_000, meter?: WorkMeter): Verdict {
  const workBudget = Math.min(WORK_PER_CHECK, meter?.remaining ?? Number.POSITIVE_INFINITY);
  if (workBudget <= 0) return 'unknown';
  let dd: DecisionDiagrams | null = null;
  try {
    const model = new ModelBuilder().addCondition(condition, contexts).build();
    dd = new DecisionDiagrams(model, budget, workBudget);
    return dd.condition(condition, contexts) === DecisionDiagrams.FALSE ? 'unsatisfiable' : 'satisfiable';
  } catch (error) {
    if (error instanceof BudgetExceeded) return 'unknown';
    throw error;
  } finally {
    if (meter && dd) meter.remaining -= Math.max(1, dd.workDone);
  }
}

/** `a` implies `b` for every input (and the search could prove it). */
export function implies(a: Condition, b: Condition, contexts: ReadonlyMap<string, Condition>, meter?: WorkMeter): boolean {
  const span = a.span;
  return satisfiable({ kind: 'and', operands: [a, { kind: 'not', operand: b, span }], span }, contexts, undefined, meter) === 'unsatisfiable';
}

/**
 * Work (children of diagram nodes built, see DecisionDiagrams) one check may do: a field cut at
 * thousands of literals makes every node thousands wide, so without this bound one condition
 * like `x != 1 and x != 2 and …` (3,000 tests) took a quarter of a minute. Past it: 'unknown'.
 */
export const WORK_PER_CHECK = 2_000_000;

/**
 * Work shared by every check of one program (all of BL402, all of BL403): the warnings stay
 * linear in the size of the policy. Once spent, the remaining checks answer 'unknown' (no
 * warning); the order of checks is the declaration order, so the outcome is deterministic.
 */
export class WorkMeter {
  constructor(public remaining: number) {}
}

export { compareValues } from './finite-model.js';
