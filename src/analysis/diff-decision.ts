import type { CheckedClause, PolicySet, Program } from '../checker/program.js';
import { DecisionDiagrams, isoDate, type FiniteModel, type ModelVar } from '../logic/index.js';
import { outcomeDecision, outcomeParts, type AnyDecision } from '../semantics/decision.js';
import { planSet, planVersion, versionInForce, type Answer } from '../semantics/plan.js';
import { contextsOf } from '../interpreter/evaluate.js';
import { acceptanceDiagram } from './diff-input.js';
import type { DiffOutcome, Side, Verdict } from './diff-types.js';

/** The decision of a version, and of a whole side of a diff, as decision diagrams over the cut model. */

export const outcomeKey = (o: Side): string =>
  o === null ? 'none' : typeof o === 'string' ? o : `${o.action}${o.duration ? ` ${o.duration}` : ''}|${o.basis}|${o.clause ?? ''}|${o.exemption ?? ''}`;

/** The name of the one outcome of a Bylaw 1 version. */
export const ACTION = 'action';

/**
 * The part of a decision the diff compares, in outcome `name` (Bylaw 1's one is `action`):
 * `absent` when the decision has no such outcome.
 */
export function outcomeOf(d: AnyDecision | null, name = ACTION): DiffOutcome | 'absent' | null {
  if (d === null) return null;
  const part = outcomeParts(d).find((p) => p.name === name)?.part;
  if (!part) return 'absent';
  return { action: part.action, ...(part.duration ? { duration: part.duration } : {}), basis: part.basis, clause: part.clause, exemption: part.exemption };
}

/**
 * The decision diagram of one version: the decision plan (semantics/plan.ts) folded over
 * diagrams. Each contribution becomes a diagram of the answer it gives (none when its clause does
 * not fire; else the answer of the first exemption in its preference order that holds, or its
 * own); they are folded keeping the answer with the higher key, exactly as `decideOutcome` does
 * for one input. Every step combines two or three small diagrams, so the cost grows with the
 * number of clauses times the size of the diagrams, never with the number of points.
 */
export function versionDiagram(dd: DecisionDiagrams, program: Program, name = ACTION): number {
  const plan = planVersion(program);
  const index = program.outcomes.findIndex((o) => o.name === name);
  if (index < 0) return dd.terminal('d:absent', 'absent');
  const contexts = contextsOf(program);
  const diagrams = new Map<CheckedClause, number>();
  const holds = (c: CheckedClause): number => {
    let f = diagrams.get(c);
    if (f === undefined) {
      const when = dd.condition(c.when, contexts);
      f = c.unless ? dd.and(when, dd.not(dd.condition(c.unless, contexts))) : when;
      diagrams.set(c, f);
    }
    return f;
  };
  const none = dd.terminal('c:none', null);
  // Answer terminals are this version's own: equal-looking answers of other versions are other objects.
  const ids = new Map<Answer, number>();
  const answer = (a: Answer) => {
    let id = ids.get(a);
    if (id === undefined) ids.set(a, (id = ++answerSerial));
    return dd.terminal(`a${id}`, a);
  };
  const outcome = plan.outcomes[index]!;
  let best = none;
  for (const c of outcome.contributions) {
    const operands = [holds(c.clause), ...c.exempted.map((x) => holds(x.exemption))];
    const given = dd.mapN(operands, ([fired, ...held]) => {
      if (!fired) return none;
      const k = held.findIndex((h) => h);
      return answer(k < 0 ? c.answer : c.exempted[k]!.answer);
    });
    best = dd.mapN([best, given], ([x, y]) => {
      const a = x as Answer | null;
      const b = y as Answer | null;
      return a === null || (b !== null && b.key > a.key) ? (b === null ? none : answer(b)) : answer(a);
    });
  }
  return dd.mapN([best], ([value]) => {
    const part = outcomeDecision((value as Answer | null) ?? outcome.fallback);
    const o: DiffOutcome = { action: part.action, ...(part.duration ? { duration: part.duration } : {}), basis: part.basis, clause: part.clause, exemption: part.exemption };
    return dd.terminal(`d:${outcomeKey(o)}`, o);
  });
}

let answerSerial = 0;

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
  return set.versions[versionInForce(planSet(set), isoDate(day))] ?? null;
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
 * What a version does with each point in one outcome: its decision where its input type accepts
 * the point's values, `rejected` elsewhere (diff-input.ts). Cached per program and outcome.
 */
export class Verdicts {
  private readonly cache = new Map<Program, Map<string, number>>();
  readonly none: number;
  readonly rejected: number;

  constructor(
    readonly dd: DecisionDiagrams,
    readonly model: FiniteModel,
  ) {
    this.none = dd.terminal('d:none', null);
    this.rejected = dd.terminal('d:rejected', 'rejected');
  }

  of(program: Program | null, name = ACTION): number {
    if (program === null) return this.none;
    let byName = this.cache.get(program);
    if (!byName) this.cache.set(program, (byName = new Map()));
    let f = byName.get(name);
    if (f === undefined) {
      const decision = versionDiagram(this.dd, program, name);
      const accepted = acceptanceDiagram(this.dd, this.model, program.inputType);
      f = accepted === DecisionDiagrams.TRUE ? decision : this.dd.mapN([accepted, decision], ([ok, d]) => (ok ? this.dd.terminal(`d:${outcomeKey(d as DiffOutcome)}`, d) : this.rejected));
      byName.set(name, f);
    }
    return f;
  }
}

/** Verdicts as the diff compares them: with or without the deciding clause and exemption. */
export function projection(clauses: boolean): (v: Verdict) => Verdict {
  return (v) => (v === null || typeof v === 'string' || clauses ? v : { action: v.action, ...(v.duration ? { duration: v.duration } : {}), basis: v.basis, clause: null, exemption: null });
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
