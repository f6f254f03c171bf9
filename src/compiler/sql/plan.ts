/**
 * The decision plan (src/semantics/plan.ts) as SQL sees it: every possible answer of each outcome
 * numbered (ids 1…n across versions, in the order listed) so one integer column per outcome
 * carries a row's decision. The ranking itself is the plan's: SQL runs each outcome's cascade as
 * one CASE.
 */
import type { PolicySet } from '../../checker/program.js';
import { decisionOf, outcomeParts, type AnyDecision } from '../../semantics/decision.js';
import { isoDuration } from '../../semantics/durations.js';
import { planSet, type Answer, type SetPlan, type VersionPlan } from '../../semantics/plan.js';

/** An answer with its SQL id and the version it belongs to. */
export interface NumberedAnswer {
  readonly id: number;
  readonly answer: Answer;
  readonly version: string;
  /** Index of the version in the set (and in `SetPlan.versions`). */
  readonly versionIndex: number;
}

/** One outcome the set decides, and every answer it can take, by id (index = id - 1). */
export interface NumberedOutcome {
  readonly name: string;
  /** Index into each version's `outcomes`. */
  readonly index: number;
  readonly answers: readonly NumberedAnswer[];
}

export interface SqlPlan {
  readonly plan: SetPlan;
  /** True when the versions declare their outcomes (Bylaw 2): one group of decision columns per outcome. */
  readonly declared: boolean;
  readonly outcomes: readonly NumberedOutcome[];
  /** The first outcome's answers (a Bylaw 1 set's only one). */
  readonly answers: readonly NumberedAnswer[];
  /** The id of an answer within its outcome. */
  idOf(answer: Answer): number;
}

/** A set the SQL target cannot express: a usage error for whoever asked for SQL. */
export class SqlTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlTargetError';
  }
}

/**
 * Numbers the answers of a set whose versions all decide the same outcomes (names, in order):
 * one table has one set of decision columns. Versions that differ are refused.
 */
export function numberAnswers(set: PolicySet): SqlPlan {
  const plan = planSet(set);
  const latest = set.versions[set.versions.length - 1]!;
  const names = latest.outcomes.map((o) => o.name);
  for (const v of set.versions) {
    if (v.declaredOutcomes !== latest.declaredOutcomes || v.outcomes.map((o) => o.name).join('\u0000') !== names.join('\u0000')) {
      throw new SqlTargetError(`the versions of \`${set.name}\` decide different outcomes: SQL needs the same ones in every version`);
    }
  }
  const ids = new Map<Answer, number>();
  const outcomes = names.map((name, index): NumberedOutcome => {
    const answers: NumberedAnswer[] = [];
    const add = (answer: Answer, version: VersionPlan, versionIndex: number) => {
      if (ids.has(answer)) return;
      const id = answers.length + 1;
      ids.set(answer, id);
      answers.push({ id, answer, version: version.program.version, versionIndex });
    };
    plan.versions.forEach((version, v) => {
      const outcome = version.outcomes[index]!;
      for (const step of outcome.cascade) add(step.answer, version, v);
      add(outcome.fallback, version, v);
    });
    return { name, index, answers };
  });
  return { plan, declared: latest.declaredOutcomes, outcomes, answers: outcomes[0]!.answers, idOf: (answer) => ids.get(answer)! };
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

/** An answer's duration as its decision column holds it (ISO 8601), or null. */
export function answerDuration(answer: Answer): string | null {
  return answer.duration === null ? null : isoDuration(answer.duration);
}

/**
 * The whole Decision of a row from its answer id in every outcome (in `outcomes` order): what
 * the interpreter returns for it, `because` texts included (they are the plan's).
 */
export function decisionOfIds(sql: SqlPlan, ids: readonly number[]): AnyDecision {
  const answers = sql.outcomes.map((o, i) => o.answers[ids[i]! - 1]!);
  const versions = new Set(answers.map((a) => a.versionIndex));
  if (versions.size !== 1) throw new Error(`a row's outcomes come from different versions`);
  return decisionOf(sql.plan.versions[answers[0]!.versionIndex]!, answers.map((a) => a.answer));
}

const answerKeys = new WeakMap<SqlPlan, readonly ReadonlyMap<string, number>[]>();

/** What identifies an answer among an outcome's: the fields its id stands for, as one string. */
const answerIdentity = (version: string, action: string, duration: string | null, basis: string, clause: string | null, exemption: string | null) =>
  JSON.stringify([version, action, duration, basis, clause, exemption]);

/** The answer id of every outcome of an interpreter's Decision (the inverse of `decisionOfIds`). */
export function idsOfDecision(sql: SqlPlan, decision: AnyDecision): number[] {
  let keys = answerKeys.get(sql);
  if (!keys) {
    keys = sql.outcomes.map(
      (o) => new Map(o.answers.map(({ id, answer: a, version }) => [answerIdentity(version, a.action, answerDuration(a), a.basis, a.clause, a.exemption), id])),
    );
    answerKeys.set(sql, keys);
  }
  const parts = new Map(outcomeParts(decision).map(({ name, part }) => [name, part]));
  return sql.outcomes.map((o, i) => {
    const p = parts.get(o.name);
    const id = p && keys[i]!.get(answerIdentity(decision.version, p.action, p.duration ?? null, p.basis, p.clause, p.exemption));
    if (id === undefined) throw new Error(`the interpreter's decision ${JSON.stringify(decision)} is none of the SQL answers of \`${o.name}\``);
    return id;
  });
}
