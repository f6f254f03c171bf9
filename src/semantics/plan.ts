/**
 * The decision semantics of LANGUAGE.md and LANGUAGE-2.md §3, as data: the plan. Built once per
 * version and read by every backend — the interpreter folds it, the compiler emits its scan
 * order, SQL runs its cascade, the diff folds it over decision diagrams, the checker judges
 * reachability by it. No backend ranks clauses or chooses exemptions on its own.
 *
 * For each outcome of a version (a Bylaw 1 version has one, `action`):
 *
 * - every red line and rule that names an action in the outcome is a **contribution**; fired and
 *   not exempted it gives its own action (basis `redline` / `rule`);
 * - a rule's exemptions are tried in the rule's **preference** order — the least severe first,
 *   comparing their actions outcome by outcome in declaration order, ties the first declared —
 *   and the first that holds replaces the rule's action in every outcome the rule names (by the
 *   exemption's action there, or the outcome's least severe member; basis `exemption`);
 * - every possible answer has a **key**: its action's level (rank on the scale, then length),
 *   then red line > rule > exempted rule, then declaration order. The best key among what fired
 *   decides; nothing fired gives the default (key -1).
 */
import type { ActionRef, CheckedClause, CheckedExemption, Duration, CheckedOutcome, PolicySet, Program } from '../checker/program.js';
import { durationHours } from './durations.js';

export type Basis = 'redline' | 'rule' | 'exemption' | 'default';

/** At the same level: a red line beats a rule, which beats an exempted rule. */
const TIE: Readonly<Record<Exclude<Basis, 'default'>, number>> = { redline: 2, rule: 1, exemption: 0 };

/** One possible value of one outcome. */
export interface Answer {
  /** Index into `Program.outcomes`. */
  readonly outcome: number;
  readonly action: string;
  readonly duration: Duration | null;
  readonly basis: Basis;
  /** The deciding red line or rule; null for the default. */
  readonly clause: string | null;
  /** The exemption applied to the deciding rule, if any. */
  readonly exemption: string | null;
  /** The `because` texts of the deciding clause and of its applied exemption, in that order. */
  readonly because: readonly string[];
  /** The action's severity in its outcome: rank on the scale, then length; 0 is the least severe. */
  readonly level: number;
  /** Higher beats lower; the default's is -1. */
  readonly key: number;
}

export interface ExemptedAnswer {
  readonly exemption: CheckedExemption;
  /** Its index in `Program.exemptions`. */
  readonly exemptionIndex: number;
  readonly answer: Answer;
}

/** A red line or rule that names an action in the outcome. */
export interface Contribution {
  readonly clause: CheckedClause;
  readonly kind: 'redline' | 'rule';
  /** Its index among the version's red lines or rules. */
  readonly index: number;
  /** Fired and not exempted: the best it can give. */
  readonly answer: Answer;
  /** Rules: what each exemption that may apply gives instead, in the rule's preference order. */
  readonly exempted: readonly ExemptedAnswer[];
}

/** A clause condition in a cascade step's conjunction: holds, or does not. */
export interface Literal {
  readonly clause: CheckedClause;
  readonly holds: boolean;
}

export interface CascadeStep {
  readonly answer: Answer;
  /** All must hold. */
  readonly when: readonly Literal[];
}

export interface OutcomePlan {
  readonly index: number;
  readonly decl: CheckedOutcome;
  /** Best potential first (decreasing `answer.key`). */
  readonly contributions: readonly Contribution[];
  /** Every answer but the default, best first, with the conjunction under which it decides: the first step that holds decides. */
  readonly cascade: readonly CascadeStep[];
  /** Nothing contributed. */
  readonly fallback: Answer;
}

export interface VersionPlan {
  readonly program: Program;
  readonly outcomes: readonly OutcomePlan[];
  /** For each rule (by name): the indices of the exemptions naming it, in its preference order. */
  readonly preference: ReadonlyMap<string, readonly number[]>;
  /** Each exemption's levels, outcome by outcome (an outcome it names nothing in: 0): what `preference` compares. */
  readonly exemptionLevels: readonly (readonly number[])[];
}

export interface SetPlan {
  readonly set: PolicySet;
  readonly versions: readonly VersionPlan[];
  /**
   * How the version in force is chosen: the first entry whose `effective` is on or before the
   * input's date, latest first. Empty for a set of one undated version (always version 0).
   */
  readonly dispatch: readonly { readonly effective: string; readonly version: number }[];
}

const plans = new WeakMap<PolicySet, SetPlan>();

/** The plan of a checked policy set (built once per set). */
export function planSet(set: PolicySet): SetPlan {
  let plan = plans.get(set);
  if (!plan) {
    const versions = set.versions.map((program) => planVersion(program));
    const dispatch =
      set.dateField === null
        ? []
        : set.versions
            .flatMap((v, version) => (v.effective === null ? [] : [{ effective: v.effective, version }]))
            .reverse();
    plans.set(set, (plan = { set, versions, dispatch }));
  }
  return plan;
}

/**
 * The version in force on `date` (ISO): the latest effective on or before it; -1 when `date` is
 * before every version. A set of one undated version is always in force.
 */
export function versionInForce(plan: SetPlan, date: string | null): number {
  if (plan.dispatch.length === 0) return 0;
  if (date === null) return -1;
  for (const entry of plan.dispatch) if (date >= entry.effective) return entry.version;
  return -1;
}

/** The first effective date of a dated set (what an input dated earlier is told). */
export function firstEffective(plan: SetPlan): string {
  return plan.dispatch[plan.dispatch.length - 1]?.effective ?? '';
}

const versionPlans = new WeakMap<Program, VersionPlan>();

/** The plan of one version (built once per checked program). */
export function planVersion(program: Program): VersionPlan {
  const known = versionPlans.get(program);
  if (known) return known;
  const levels = program.outcomes.map((_, o) => levelsOf(program, o));
  const level = (a: ActionRef): number => levels[a.outcome]!.get(actionKey(a))!;
  const least = program.outcomes.map((decl, o): ActionRef => ({ outcome: o, member: decl.scale.members[0]!, rank: 0, duration: null }));
  const width = Math.max(program.redlines.length, program.rules.length) + 1;
  // An answer's priority in the cascade (Answer.key): level, then basis, then declaration order.
  const priorityOf = (a: ActionRef, basis: Exclude<Basis, 'default'>, i: number) => (level(a) * 3 + TIE[basis]) * width + (width - 1 - i);

  // Each exemption's severity, outcome by outcome (an outcome it names no action in: the least severe).
  const vectors = program.exemptions.map((e) => program.outcomes.map((_, o) => level(actionIn(e, o) ?? least[o]!)));
  const byRule = new Map<string, number[]>();
  program.exemptions.forEach((e, i) => {
    for (const name of new Set(e.from)) {
      const list = byRule.get(name);
      if (list) list.push(i);
      else byRule.set(name, [i]);
    }
  });
  const preference = new Map<string, readonly number[]>();
  for (const [rule, list] of byRule) preference.set(rule, [...list].sort((a, b) => compareVectors(vectors[a]!, vectors[b]!) || a - b));

  /** What a fired red line or rule gives (`exemption`: what it gives once exempted by that exemption). */
  const answer = (action: ActionRef, clause: CheckedClause, exemption: CheckedExemption | null, i: number): Answer => {
    const basis = exemption ? 'exemption' : clause.kind === 'redline' ? 'redline' : 'rule';
    return {
      outcome: action.outcome,
      action: action.member,
      duration: action.duration,
      basis,
      clause: clause.name,
      exemption: exemption?.name ?? null,
      because: [clause.because, exemption?.because ?? null].filter((b): b is string => b !== null),
      level: level(action),
      key: priorityOf(action, basis, i),
    };
  };

  const outcomes = program.outcomes.map((decl, o): OutcomePlan => {
    const contributions: Contribution[] = [];
    program.redlines.forEach((clause, i) => {
      const action = actionIn(clause, o);
      if (action) contributions.push({ clause, kind: 'redline', index: i, answer: answer(action, clause, null, i), exempted: [] });
    });
    program.rules.forEach((clause, i) => {
      const action = actionIn(clause, o);
      if (!action) return;
      const exempted = (preference.get(clause.name) ?? []).map((e) => {
        const exemption = program.exemptions[e]!;
        return { exemption, exemptionIndex: e, answer: answer(actionIn(exemption, o) ?? least[o]!, clause, exemption, i) };
      });
      contributions.push({ clause, kind: 'rule', index: i, answer: answer(action, clause, null, i), exempted });
    });
    contributions.sort((a, b) => b.answer.key - a.answer.key);
    const dflt = program.defaults[o]!;
    const fallback: Answer = {
      outcome: o,
      action: dflt.member,
      duration: dflt.duration,
      basis: 'default',
      clause: null,
      exemption: null,
      because: [],
      level: level(dflt),
      key: -1,
    };
    return { index: o, decl, contributions, cascade: cascadeOf(contributions), fallback };
  });
  const plan: VersionPlan = { program, outcomes, preference, exemptionLevels: vectors };
  versionPlans.set(program, plan);
  return plan;
}

/**
 * Every answer with the conjunction under which it is its clause's answer (the clause fired, the
 * exemption held, every exemption the rule prefers did not), best first. The first step that
 * holds is the best answer among what fired: every better one has a conjunction that failed.
 */
function cascadeOf(contributions: readonly Contribution[]): CascadeStep[] {
  const steps: CascadeStep[] = [];
  for (const c of contributions) {
    const fired: Literal = { clause: c.clause, holds: true };
    c.exempted.forEach((x, k) => {
      const earlier = c.exempted.slice(0, k).map((p): Literal => ({ clause: p.exemption, holds: false }));
      steps.push({ answer: x.answer, when: [fired, { clause: x.exemption, holds: true }, ...earlier] });
    });
    steps.push({ answer: c.answer, when: [fired, ...c.exempted.map((p): Literal => ({ clause: p.exemption, holds: false }))] });
  }
  return steps.sort((a, b) => b.answer.key - a.answer.key);
}

/** Which clauses hold for one input (`when` holds and `unless` does not). */
export type Holds = (clause: CheckedClause) => boolean;

/**
 * The exemption applied to a fired rule: the first in its preference order that holds; null when
 * none does. `exempted` is the rule's list from any outcome it contributes to (all list the same
 * exemptions in the same order).
 */
export function appliedExemption(exempted: readonly ExemptedAnswer[], holds: Holds): ExemptedAnswer | null {
  for (const x of exempted) if (holds(x.exemption)) return x;
  return null;
}

/** The answer of one outcome: the best answer among the contributions that fired. */
export function decideOutcome(plan: OutcomePlan, holds: Holds): Answer {
  let best = plan.fallback;
  for (const c of plan.contributions) {
    // Best potential first: once nothing left can beat what we have, stop.
    if (best.key >= c.answer.key) break;
    if (!holds(c.clause)) continue;
    const x = appliedExemption(c.exempted, holds);
    const answer = x ? x.answer : c.answer;
    if (answer.key > best.key) best = answer;
  }
  return best;
}

/** The same answer by the cascade: the first step whose conjunction holds (SQL's reading of the plan). */
export function runCascade(plan: OutcomePlan, holds: Holds): Answer {
  for (const step of plan.cascade) if (step.when.every((l) => holds(l.clause) === l.holds)) return step.answer;
  return plan.fallback;
}

/** The action a clause names in outcome `o`, if any. */
export function actionIn(clause: CheckedClause, o: number): ActionRef | null {
  for (const a of clause.actions) if (a.outcome === o) return a;
  return null;
}

const actionKey = (a: ActionRef): string => (a.duration === null ? a.member : `${a.member} ${durationHours(a.duration)}`);

/**
 * The level of every action a version can give in outcome `o`, least severe 0: by rank on the
 * scale, then by length (in hours; equal lengths tie). Dense, so keys stay small integers.
 */
function levelsOf(program: Program, o: number): Map<string, number> {
  const scale = program.outcomes[o]!.scale;
  const seen = new Map<string, { rank: number; hours: number }>();
  const add = (a: ActionRef) => seen.set(actionKey(a), { rank: a.rank, hours: a.duration === null ? -1 : durationHours(a.duration) });
  scale.members.forEach((member, rank) => {
    if (!scale.timed.includes(member)) add({ outcome: o, member, rank, duration: null });
  });
  for (const clause of [...program.redlines, ...program.rules, ...program.exemptions]) {
    const a = actionIn(clause, o);
    if (a) add(a);
  }
  const d = program.defaults[o];
  if (d) add(d);
  // The least severe member stands in for outcomes an exemption names no action in.
  add({ outcome: o, member: scale.members[0]!, rank: 0, duration: null });
  const order = [...seen.entries()].sort(([, a], [, b]) => a.rank - b.rank || a.hours - b.hours);
  const levels = new Map<string, number>();
  let level = -1;
  let previous: { rank: number; hours: number } | null = null;
  for (const [key, value] of order) {
    if (!previous || value.rank !== previous.rank || value.hours !== previous.hours) level++;
    levels.set(key, level);
    previous = value;
  }
  return levels;
}

function compareVectors(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
