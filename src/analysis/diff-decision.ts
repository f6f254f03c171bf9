import type { CheckedClause, PolicySet, Program } from '../checker/program.js';
import { DecisionDiagrams, dayNumber, type FiniteModel } from '../checker/finite-model.js';
import { applicableExemption, combine, type Decision } from '../semantics/decision.js';
import { contextsOf } from '../interpreter/evaluate.js';
import type { Outcome } from './diff-types.js';

/** The decision of a version, and of a whole side of a diff, as decision diagrams over the cut model. */

export const outcomeKey = (o: Outcome | null): string => (o === null ? 'none' : `${o.action}|${o.basis}|${o.clause ?? ''}|${o.exemption ?? ''}`);

export function outcomeOf(d: Decision | null): Outcome | null {
  return d === null ? null : { action: d.action, basis: d.basis, clause: d.clause, exemption: d.exemption };
}

/**
 * The decision diagram of one version. Each red line and rule becomes a diagram of its
 * candidate (severity, rank, clause, applied exemption — `applicableExemption` on the
 * diagrams of the exemptions that name it); the candidates are folded in declaration order,
 * keeping the current one unless the next is strictly better (more severe, or as severe and of
 * a better rank), as `combine` does; the winner's decision is then `combine` applied to it alone.
 * Every step combines two or three small diagrams, so the cost grows with the number of clauses
 * times the size of the diagrams, never with the number of points.
 */
let versionSerial = 0;

export function versionDiagram(dd: DecisionDiagrams, program: Program): number {
  const contexts = contextsOf(program);
  const holds = (c: CheckedClause) => {
    const when = dd.condition(c.when, contexts);
    return c.unless ? dd.and(when, dd.not(dd.condition(c.unless, contexts))) : when;
  };
  const exemptionHolds = program.exemptions.map(holds);
  const none = dd.terminal('c:none', null);
  // Candidate terminals are this version's own: indices mean other clauses in other versions.
  const tag = `c${++versionSerial}`;
  const candidate = (c: Candidate) => dd.terminal(`${tag}:${c.kind}|${c.index}|${c.exemption}`, c);
  const candidates: number[] = [];
  program.redlines.forEach((redline, index) => {
    const fired = holds(redline);
    candidates.push(dd.mapN([fired], ([f]) => (f ? candidate({ kind: 'redline', index, exemption: -1, severity: redline.severity, rank: 0 }) : none)));
  });
  program.rules.forEach((rule, index) => {
    const fired = holds(rule);
    const relevant = program.exemptions.flatMap((e, i) => (e.from.includes(rule.name) ? [i] : []));
    const operands = [fired, ...relevant.map((i) => exemptionHolds[i]!)];
    candidates.push(
      dd.mapN(operands, ([f, ...held]) => {
        if (!f) return none;
        const all = program.exemptions.map(() => false);
        relevant.forEach((i, k) => (all[i] = held[k] as boolean));
        const e = applicableExemption(program, rule.name, all);
        const severity = e < 0 ? rule.severity : program.exemptions[e]!.severity;
        return candidate({ kind: 'rule', index, exemption: e, severity, rank: e < 0 ? 1 : 2 });
      }),
    );
  });
  let best = none;
  for (const next of candidates) {
    best = dd.mapN([best, next], ([x, y]) => {
      const a = x as Candidate | null;
      const b = y as Candidate | null;
      if (b === null) return a === null ? none : candidate(a);
      if (a === null || b.severity > a.severity || (b.severity === a.severity && b.rank < a.rank)) return candidate(b);
      return candidate(a);
    });
  }
  const r = program.redlines.length;
  const u = program.rules.length;
  const x = program.exemptions.length;
  return dd.mapN([best], ([value]) => {
    const c = value as Candidate | null;
    const firings = { redlines: new Array<boolean>(r).fill(false), rules: new Array<boolean>(u).fill(false), exemptions: new Array<boolean>(x).fill(false) };
    if (c?.kind === 'redline') firings.redlines[c.index] = true;
    if (c?.kind === 'rule') {
      firings.rules[c.index] = true;
      if (c.exemption >= 0) firings.exemptions[c.exemption] = true;
    }
    const outcome = outcomeOf(combine(program, firings))!;
    return dd.terminal(`d:${outcomeKey(outcome)}`, outcome);
  });
}

interface Candidate {
  readonly kind: 'redline' | 'rule';
  readonly index: number;
  /** Index of the applied exemption, or -1. */
  readonly exemption: number;
  readonly severity: number;
  /** 0 red line, 1 rule, 2 exempted rule: ties go to the lower. */
  readonly rank: number;
}

/** Version in force by date, then that version's diagram; `null` terminals where none is. */
export function sideDiagram(dd: DecisionDiagrams, model: FiniteModel, set: PolicySet): number {
  const versions = set.versions.map((p) => versionDiagram(dd, p));
  if (set.dateField === null) return versions[0]!;
  const date = model.byKey.get(set.dateField)!;
  const none = dd.terminal('d:none', null);
  const children = date.classes.map((klass, c) => {
    const day = (klass as { lo: number }).lo;
    let chosen = -1;
    set.versions.forEach((p, i) => {
      if (p.effective !== null && dayNumber(p.effective) <= day) chosen = i;
    });
    return chosen < 0 ? none : dd.restrict(versions[chosen]!, date.index, c);
  });
  return dd.node(date.index, children);
}
