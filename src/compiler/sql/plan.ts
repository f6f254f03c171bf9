/**
 * The decision plan (src/semantics/plan.ts) as SQL sees it: every possible answer of the set
 * numbered (ids 1…n across versions, in the order listed) so one integer column carries a row's
 * decision. The ranking itself is the plan's: SQL runs its cascade as one CASE.
 */
import type { PolicySet } from '../../checker/program.js';
import { planSet, type Answer, type SetPlan, type VersionPlan } from '../../semantics/plan.js';

/** An answer with its SQL id and the version it belongs to. */
export interface NumberedAnswer {
  readonly id: number;
  readonly answer: Answer;
  readonly version: string;
}

export interface SqlPlan {
  readonly plan: SetPlan;
  /** Every answer, by id (index = id - 1): per version its cascade, best first, then its default. */
  readonly answers: readonly NumberedAnswer[];
  idOf(answer: Answer): number;
}

export function numberAnswers(set: PolicySet): SqlPlan {
  const plan = planSet(set);
  const answers: NumberedAnswer[] = [];
  const ids = new Map<Answer, number>();
  const add = (answer: Answer, version: VersionPlan) => {
    if (ids.has(answer)) return;
    const id = answers.length + 1;
    ids.set(answer, id);
    answers.push({ id, answer, version: version.program.version });
  };
  for (const version of plan.versions) {
    const outcome = version.outcomes[0]!;
    for (const step of outcome.cascade) add(step.answer, version);
    add(outcome.fallback, version);
  }
  return { plan, answers, idOf: (answer) => ids.get(answer)! };
}

/** The decision (without `because` texts, which SQL does not carry) an answer id stands for. */
export interface AnswerDecision {
  readonly action: string;
  readonly basis: Answer['basis'];
  readonly clause: string | null;
  readonly exemption: string | null;
  readonly version: string;
}

export function answerDecision({ answer, version }: NumberedAnswer): AnswerDecision {
  return { action: answer.action, basis: answer.basis, clause: answer.clause, exemption: answer.exemption, version };
}
