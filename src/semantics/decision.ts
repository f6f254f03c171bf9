/**
 * Decisions from the plan (plan.ts): what the interpreter returns and every backend must equal.
 * The ranking itself lives in the plan; this file only folds it per outcome and shapes the result.
 */
import type { CheckedClause } from '../checker/program.js';
import { decideOutcome, type Answer, type Basis, type Holds, type VersionPlan } from './plan.js';

export type { Basis } from './plan.js';

export interface Decision {
  readonly action: string;
  readonly basis: Basis;
  /** The deciding red line or rule; null for the default. */
  readonly clause: string | null;
  /** The exemption applied to the deciding rule, if any. */
  readonly exemption: string | null;
  /** The version in force (its `version` header). */
  readonly version: string;
  /** The `because` texts of the deciding clause and of its applied exemption, in that order. */
  readonly because: readonly string[];
}

/** The answer of every outcome of the version, in outcome order. */
export function answersOf(plan: VersionPlan, holds: Holds): Answer[] {
  return plan.outcomes.map((outcome) => decideOutcome(outcome, holds));
}

/** The Decision JSON of a version's answers. */
export function decisionOf(plan: VersionPlan, answers: readonly Answer[]): Decision {
  const a = answers[0]!;
  return { action: a.action, basis: a.basis, clause: a.clause, exemption: a.exemption, version: plan.program.version, because: a.because };
}

/** The decision for known clause results. */
export function decide(plan: VersionPlan, holds: Holds): Decision {
  return decisionOf(plan, answersOf(plan, holds));
}

/** `holds`, asked at most once per clause. */
export function memoHolds(holds: Holds): Holds {
  const known = new Map<CheckedClause, boolean>();
  return (clause) => {
    let value = known.get(clause);
    if (value === undefined) known.set(clause, (value = holds(clause)));
    return value;
  };
}
