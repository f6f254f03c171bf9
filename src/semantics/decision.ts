/**
 * Decisions from the plan (plan.ts): what the interpreter returns and every backend must equal.
 * The ranking itself lives in the plan; this file only folds it per outcome and shapes the result.
 */
import type { CheckedClause } from '../checker/program.js';
import type { Decision, OutcomeDecision, OutcomesDecision } from '../runtime/types.js';
import { isoDuration } from './durations.js';
import { decideOutcome, type Answer, type Holds, type VersionPlan } from './plan.js';

export type { Basis } from './plan.js';

export type { Decision, OutcomeDecision, OutcomesDecision } from '../runtime/types.js';

/** What a version decides: Bylaw 1's one action, or one part per declared outcome. */
export type AnyDecision = Decision | OutcomesDecision;

/** The answer of every outcome of the version, in outcome order. */
export function answersOf(plan: VersionPlan, holds: Holds): Answer[] {
  return plan.outcomes.map((outcome) => decideOutcome(outcome, holds));
}

/**
 * The Decision JSON of a version's answers: Bylaw 1's flat shape when the version declares no
 * outcomes (unchanged from Bylaw 1), else `{ version, outcomes: { name: … } }`.
 */
export function decisionOf(plan: VersionPlan, answers: readonly Answer[]): AnyDecision {
  const { program } = plan;
  if (!program.declaredOutcomes) {
    const a = answers[0]!;
    return { action: a.action, basis: a.basis, clause: a.clause, exemption: a.exemption, version: program.version, because: a.because };
  }
  const outcomes: Record<string, OutcomeDecision> = {};
  answers.forEach((a, i) => (outcomes[program.outcomes[i]!.name] = outcomeDecision(a)));
  return { version: program.version, outcomes };
}

/** One outcome's part: `duration` only on an action that carries one. */
export function outcomeDecision(a: Answer): OutcomeDecision {
  const base = { action: a.action };
  const duration = a.duration ? { duration: isoDuration(a.duration) } : {};
  return { ...base, ...duration, basis: a.basis, clause: a.clause, exemption: a.exemption, because: a.because };
}

/** The decision for known clause results. */
export function decide(plan: VersionPlan, holds: Holds): AnyDecision {
  return decisionOf(plan, answersOf(plan, holds));
}

/** The outcomes of a decision by name (Bylaw 1's one is `action`), for code that reads either shape. */
export function outcomeParts(decision: AnyDecision): { readonly name: string; readonly part: OutcomeDecision }[] {
  if ('outcomes' in decision) return Object.entries(decision.outcomes).map(([name, part]) => ({ name, part }));
  const { action, basis, clause, exemption, because } = decision;
  return [{ name: 'action', part: { action, basis, clause, exemption, because } }];
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
