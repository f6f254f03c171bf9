import type { CheckedClause, PolicySet, Program } from '../../checker/program.js';
import type { Basis } from '../../semantics/decision.js';

/**
 * The decision semantics of LANGUAGE.md (semantics/decision.ts `combine`), laid out as a static
 * first-match cascade that SQL can run as one CASE.
 *
 * Every fired red line or rule is a candidate (severity, rank, declaration index): rank 0 for a
 * red line, 1 for a rule with no applicable exemption, 2 for an exempted rule, whose severity is
 * then that of its least severe applicable exemption (ties: first declared). `combine` picks the
 * most severe candidate, ties by rank, then declaration order. For each possible *outcome* — a
 * red line; a rule un-exempted; a rule under one particular exemption — the condition under which
 * it is that clause's candidate is a conjunction of clause conditions. Sorting the outcomes by
 * (severity desc, rank asc, index asc) and taking the first whose condition holds is exactly
 * "the best candidate": every candidate that ranks higher has a condition that did not hold.
 */

/** A clause condition in an outcome's conjunction, maybe negated. */
export interface Literal {
  readonly clause: CheckedClause;
  readonly holds: boolean;
}

/** One possible decision of one version. */
export interface Outcome {
  /** 1-based, unique across the whole set; the order outcomes are listed in. */
  readonly id: number;
  readonly action: string;
  readonly basis: Basis;
  readonly clause: string | null;
  readonly exemption: string | null;
  readonly version: string;
}

export interface CascadeStep {
  readonly outcome: Outcome;
  /** All must hold (a conjunction). */
  readonly when: readonly Literal[];
}

export interface VersionPlan {
  readonly program: Program;
  /** Highest priority first; the first step whose conjunction holds decides. */
  readonly cascade: readonly CascadeStep[];
  /** Nothing fired. */
  readonly fallback: Outcome;
}

export interface SetPlan {
  readonly set: PolicySet;
  /** In effective-date order, like `set.versions`. */
  readonly versions: readonly VersionPlan[];
  /** Every outcome, by id (index = id - 1). */
  readonly outcomes: readonly Outcome[];
}

const RANK = { redline: 0, rule: 1, exemption: 2 } as const;

interface Candidate {
  readonly severity: number;
  readonly rank: number;
  readonly index: number;
  readonly basis: Exclude<Basis, 'default'>;
  readonly clause: CheckedClause;
  readonly exemption: CheckedClause | null;
  readonly when: readonly Literal[];
}

export function planSet(set: PolicySet): SetPlan {
  const outcomes: Outcome[] = [];
  const versions = set.versions.map((program) => planVersion(program, outcomes));
  return { set, versions, outcomes };
}

function planVersion(program: Program, outcomes: Outcome[]): VersionPlan {
  const candidates: Candidate[] = [];
  program.redlines.forEach((redline, index) => {
    candidates.push({
      severity: redline.severity,
      rank: RANK.redline,
      index,
      basis: 'redline',
      clause: redline,
      exemption: null,
      when: [{ clause: redline, holds: true }],
    });
  });
  program.rules.forEach((rule, index) => {
    // The exemptions that may apply to this rule, in the order the rule prefers them:
    // least severe first, ties the first declared (Array.prototype.sort is stable).
    const preferred = program.exemptions
      .filter((exemption) => exemption.from.includes(rule.name))
      .sort((a, b) => a.severity - b.severity);
    const fired: Literal = { clause: rule, holds: true };
    preferred.forEach((exemption, k) => {
      candidates.push({
        severity: exemption.severity,
        rank: RANK.exemption,
        index,
        basis: 'exemption',
        clause: rule,
        exemption,
        when: [fired, { clause: exemption, holds: true }, ...preferred.slice(0, k).map((e) => ({ clause: e, holds: false }))],
      });
    });
    candidates.push({
      severity: rule.severity,
      rank: RANK.rule,
      index,
      basis: 'rule',
      clause: rule,
      exemption: null,
      when: [fired, ...preferred.map((e) => ({ clause: e, holds: false }))],
    });
  });
  candidates.sort((a, b) => b.severity - a.severity || a.rank - b.rank || a.index - b.index);
  const add = (outcome: Omit<Outcome, 'id' | 'version'>): Outcome => {
    const full = { id: outcomes.length + 1, ...outcome, version: program.version };
    outcomes.push(full);
    return full;
  };
  const cascade = candidates.map((c) => ({
    outcome: add({
      action: program.scale.members[c.severity]!,
      basis: c.basis,
      clause: c.clause.name,
      exemption: c.exemption?.name ?? null,
    }),
    when: c.when,
  }));
  const fallback = add({
    action: program.scale.members[program.defaultAction.severity]!,
    basis: 'default',
    clause: null,
    exemption: null,
  });
  return { program, cascade, fallback };
}

/** Runs a version's cascade on known clause results: the plan's own reading, for tests. */
export function runCascade(plan: VersionPlan, holds: (clause: CheckedClause) => boolean): Outcome {
  for (const step of plan.cascade) if (step.when.every((l) => holds(l.clause) === l.holds)) return step.outcome;
  return plan.fallback;
}
