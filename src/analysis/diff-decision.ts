import type { CheckedClause, PolicySet, Program } from '../checker/program.js';
import { DecisionDiagrams, dayNumber, type FiniteModel, type ModelVar } from '../checker/finite-model.js';
import { applicableExemption, combine, type Decision } from '../semantics/decision.js';
import { contextsOf } from '../interpreter/evaluate.js';
import { acceptanceDiagram } from './diff-input.js';
import type { Outcome, Side, Verdict } from './diff-types.js';

/** The decision of a version, and of a whole side of a diff, as decision diagrams over the cut model. */

export const outcomeKey = (o: Side): string =>
  o === null ? 'none' : o === 'rejected' || o === 'decided' ? o : `${o.action}|${o.basis}|${o.clause ?? ''}|${o.exemption ?? ''}`;

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

/** The versions the two sides have in force on some dates (one pair when neither side is dated). */
export interface VersionPair {
  readonly before: Program | null;
  readonly after: Program | null;
  /** The classes of the date variable where this pair is in force; null: every input. */
  readonly dates: readonly number[] | null;
}

/** The model's date variable (both dated sides use the same field), or null. */
export function dateVar(model: FiniteModel, sides: readonly PolicySet[]): ModelVar | null {
  const field = sides.find((s) => s.dateField !== null)?.dateField ?? null;
  return field === null ? null : (model.byKey.get(field) ?? null);
}

/** The version of `set` in force on a day (null: none yet); an undated set has one, always. */
function versionOn(set: PolicySet, day: number): Program | null {
  if (set.dateField === null) return set.versions[0]!;
  let chosen: Program | null = null;
  for (const p of set.versions) if (p.effective !== null && dayNumber(p.effective) <= day) chosen = p;
  return chosen;
}

export function versionPairs(date: ModelVar | null, [before, after]: readonly PolicySet[]): VersionPair[] {
  if (date === null) return [{ before: before!.versions[0]!, after: after!.versions[0]!, dates: null }];
  const pairs = new Map<string, { before: Program | null; after: Program | null; dates: number[] }>();
  const ids = new Map<Program, number>();
  const id = (p: Program | null) => (p === null ? -1 : (ids.get(p) ?? (ids.set(p, ids.size), ids.size - 1)));
  date.classes.forEach((klass, c) => {
    const day = (klass as { lo: number }).lo;
    const b = versionOn(before!, day);
    const a = versionOn(after!, day);
    const key = `${id(b)}>${id(a)}`;
    const pair = pairs.get(key);
    if (pair) pair.dates.push(c);
    else pairs.set(key, { before: b, after: a, dates: [c] });
  });
  return [...pairs.values()];
}

/** The diagram that is `diagramOf(pair)` on each pair's dates. */
export function pairwise(dd: DecisionDiagrams, date: ModelVar | null, pairs: readonly VersionPair[], diagramOf: (pair: VersionPair) => number): number {
  if (date === null) return diagramOf(pairs[0]!);
  const children = new Array<number>(date.classes.length);
  for (const pair of pairs) {
    const f = diagramOf(pair);
    for (const c of pair.dates!) children[c] = dd.restrict(f, date.index, c);
  }
  return dd.node(date.index, children);
}

/**
 * What a version does with each point: its decision where its input type accepts the point's
 * values, `rejected` elsewhere (diff-input.ts). Cached per program.
 */
export class Verdicts {
  private readonly cache = new Map<Program, number>();
  readonly none: number;
  readonly rejected: number;

  constructor(
    readonly dd: DecisionDiagrams,
    readonly model: FiniteModel,
  ) {
    this.none = dd.terminal('d:none', null);
    this.rejected = dd.terminal('d:rejected', 'rejected');
  }

  of(program: Program | null): number {
    if (program === null) return this.none;
    let f = this.cache.get(program);
    if (f === undefined) {
      const decision = versionDiagram(this.dd, program);
      const accepted = acceptanceDiagram(this.dd, this.model, program.inputType);
      f = accepted === DecisionDiagrams.TRUE ? decision : this.dd.mapN([accepted, decision], ([ok, d]) => (ok ? this.dd.terminal(`d:${outcomeKey(d as Outcome)}`, d) : this.rejected));
      this.cache.set(program, f);
    }
    return f;
  }
}

/** Verdicts as the diff compares them: with or without the deciding clause and exemption. */
export function projection(clauses: boolean): (v: Verdict) => Verdict {
  return (v) => (v === null || v === 'rejected' || clauses ? v : { action: v.action, basis: v.basis, clause: null, exemption: null });
}

/** The transition between two projected verdicts, or null when they are the same (no verdict and rejected alike). */
export function transitionOf(x: Verdict, y: Verdict): [Side, Side] | null {
  const undecided = (v: Verdict) => v === null || v === 'rejected';
  // An input no version decides and one the input type rejects: an error either way.
  if (undecided(x) && undecided(y)) return null;
  if (x === 'rejected') return ['rejected', 'decided'];
  if (y === 'rejected') return ['decided', 'rejected'];
  return outcomeKey(x) === outcomeKey(y) ? null : [x, y];
}
