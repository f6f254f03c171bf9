/**
 * The decision semantics of LANGUAGE.md, in one place. The interpreter calls `combine`; the
 * compiler generates code that must agree with it (differential tests hold them together).
 */

export type Basis = 'redline' | 'rule' | 'exemption' | 'default';

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

export interface ClauseFacts {
  readonly name: string;
  readonly severity: number;
  readonly because: string | null;
}
export interface ExemptionFacts extends ClauseFacts {
  readonly from: readonly string[];
}

export interface ProgramFacts {
  readonly version: string;
  readonly scale: { readonly members: readonly string[] };
  readonly redlines: readonly ClauseFacts[];
  readonly rules: readonly ClauseFacts[];
  readonly exemptions: readonly ExemptionFacts[];
  readonly defaultAction: { readonly severity: number };
}

/** What held for one input: which red lines and rules fired, which exemptions' conditions held. */
export interface Firings {
  readonly redlines: readonly boolean[];
  readonly rules: readonly boolean[];
  readonly exemptions: readonly boolean[];
}

/** For a fired rule: the applicable exemption with the least severe action (ties: first declared). */
export function applicableExemption(program: ProgramFacts, ruleName: string, exemptionHolds: readonly boolean[]): number {
  let best = -1;
  for (const index of exemptionsNaming(program, ruleName)) {
    if (!exemptionHolds[index]) continue;
    if (best < 0 || program.exemptions[index]!.severity < program.exemptions[best]!.severity) best = index;
  }
  return best;
}

/**
 * The exemptions whose `from` names each rule, in declaration order, per program: scanning every
 * exemption for every fired rule made a decision quadratic in the size of the policy.
 */
const exemptionIndex = new WeakMap<ProgramFacts, ReadonlyMap<string, readonly number[]>>();
const NONE: readonly number[] = [];

function exemptionsNaming(program: ProgramFacts, ruleName: string): readonly number[] {
  let index = exemptionIndex.get(program);
  if (!index) {
    const byRule = new Map<string, number[]>();
    program.exemptions.forEach((exemption, i) => {
      for (const rule of new Set(exemption.from)) {
        const list = byRule.get(rule);
        if (list) list.push(i);
        else byRule.set(rule, [i]);
      }
    });
    exemptionIndex.set(program, (index = byRule));
  }
  return index.get(ruleName) ?? NONE;
}

/** Rank for ties at the same severity: a red line, then an un-exempted rule, then an exempted rule. */
const RANK = { redline: 0, rule: 1, exemption: 2 } as const;

export function combine(program: ProgramFacts, firings: Firings): Decision {
  let best: { severity: number; rank: number; basis: Basis; clause: ClauseFacts; exemption: ExemptionFacts | null } | null =
    null;
  const consider = (severity: number, basis: Exclude<Basis, 'default'>, clause: ClauseFacts, exemption: ExemptionFacts | null) => {
    const rank = RANK[basis];
    // Strictly better only: equal candidates keep the first declared.
    if (best === null || severity > best.severity || (severity === best.severity && rank < best.rank)) {
      best = { severity, rank, basis, clause, exemption };
    }
  };
  program.redlines.forEach((redline, i) => {
    if (firings.redlines[i]) consider(redline.severity, 'redline', redline, null);
  });
  program.rules.forEach((rule, i) => {
    if (!firings.rules[i]) return;
    const e = applicableExemption(program, rule.name, firings.exemptions);
    if (e < 0) consider(rule.severity, 'rule', rule, null);
    else consider(program.exemptions[e]!.severity, 'exemption', rule, program.exemptions[e]!);
  });
  const chosen = best as { basis: Basis; clause: ClauseFacts; exemption: ExemptionFacts | null; severity: number } | null;
  if (chosen === null) {
    return {
      action: program.scale.members[program.defaultAction.severity]!,
      basis: 'default',
      clause: null,
      exemption: null,
      version: program.version,
      because: [],
    };
  }
  const because: string[] = [];
  if (chosen.clause.because !== null) because.push(chosen.clause.because);
  if (chosen.exemption?.because != null) because.push(chosen.exemption.because);
  return {
    action: program.scale.members[chosen.severity]!,
    basis: chosen.basis,
    clause: chosen.clause.name,
    exemption: chosen.exemption?.name ?? null,
    version: program.version,
    because,
  };
}
