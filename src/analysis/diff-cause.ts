import { BudgetExceeded, cubeDiagram, cubePoints, terminalsWithin, type Cube, type DecisionDiagrams, type ModelVar } from '../logic/index.js';
import { pairwise, transitionOf, type VersionPair, type Verdicts } from './diff-decision.js';
import { applyEdits, versionEdits, type EditOp, type VersionEdit } from './diff-edits.js';
import type { Program } from '../checker/program.js';
import type { Cause, Edit, Verdict } from './diff-types.js';

/**
 * Which edits cause each changed point, computed on the diagrams like the diff itself.
 *
 * For every edit (diff-edits.ts) the old policy with that edit alone applied gets a diagram; a
 * changed point is caused by the edits that, alone, give it its new verdict. Where no single
 * edit does (two edits that only together change it), the cause is the edits it needs: those
 * without which the new policy would not change it (the new policy with that one edit undone);
 * where even that names none (any two of three edits would do), every edit of the version is
 * named. Causes are exact per point; a region (a cube of the cover) lists each cause that
 * explains some of its points, with their number.
 */

interface CauseValue {
  readonly ids: readonly number[];
  readonly together: boolean;
}

interface GlobalEdit {
  readonly key: string;
  readonly kind: Edit['kind'];
  readonly text: string;
  readonly versions: Set<string>;
}

export interface Attribution {
  readonly edits: readonly Edit[];
  /** The causes of the points of each region (cubes inside the changed points), in their order (outcome by outcome). */
  readonly causes: readonly (readonly Cause[])[];
}

/** One outcome's part of a diff, to attribute. */
export interface OutcomeInput {
  /** The outcome's name (`action` for Bylaw 1). */
  readonly name: string;
  /** The diagrams of the new side and of the pair (`same` where nothing changes). */
  readonly after: number;
  readonly pair: number;
  /** The regions to attribute. */
  readonly cubes: readonly Cube[];
}

export interface AttributionInput {
  readonly dd: DecisionDiagrams;
  readonly date: ModelVar | null;
  readonly pairs: readonly VersionPair[];
  readonly verdicts: Verdicts;
  readonly project: (v: Verdict) => Verdict;
  /** Every outcome compared, in order: the causes come back in this order, region by region. */
  readonly outcomes: readonly OutcomeInput[];
}

/**
 * Attribution, or the reason it was skipped (too many edits, or diagrams past the node budget).
 * Run it last on the diff's diagrams: past the budget it gives up, and nothing after it may need
 * new nodes.
 */
export function attribute(input: AttributionInput, maxEdits: number): Attribution | string {
  const { date, pairs } = input;
  const perPair = pairs.map((p) => versionEdits(p.before, p.after, date !== null));
  const global = new Map<string, GlobalEdit>();
  perPair.forEach((edits, i) => {
    const pair = pairs[i]!;
    for (const e of edits) {
      const version = (pair.after ?? pair.before)!.version;
      let g = global.get(e.key);
      if (!g) global.set(e.key, (g = { key: e.key, kind: e.kind, text: e.text, versions: new Set() }));
      g.versions.add(version);
    }
  });
  const list = [...global.values()];
  if (list.length > maxEdits) return `${list.length} edits, more than the ${maxEdits} attributed`;
  try {
    return compute(input, perPair, list);
  } catch (error) {
    if (error instanceof BudgetExceeded) return `the diagrams of the edits would pass ${error.limit} nodes`;
    throw error;
  }
}

function compute(input: AttributionInput, perPair: readonly (readonly VersionEdit[])[], list: readonly GlobalEdit[]): Attribution {
  const { dd, date, pairs, verdicts, project } = input;
  const index = new Map(list.map((g, i) => [g.key, i]));
  const TRUE = 1;
  const FALSE = 0;
  // Each version with some edits applied, made once for every outcome.
  const applied = new Map<string, Program | null>();
  const version = (pair: VersionPair, p: number, edits: readonly VersionEdit[]): Program | null => {
    if (edits.length === 0) return pair.before;
    const ops: EditOp[] = edits.flatMap((e) => e.ops);
    if (pair.before === null || pair.after === null || ops.some((o) => o.kind === 'whole')) return pair.after;
    const key = `${p}|${edits.map((e) => e.key).join('\u0000')}`;
    if (!applied.has(key)) applied.set(key, applyEdits(pair.before, pair.after, ops));
    return applied.get(key)!;
  };
  /** The side with the edits of `keep` applied to the old version of each pair, in outcome `name`. */
  const side = (keep: (edit: VersionEdit) => boolean, name: string) =>
    pairwise(dd, date, pairs, (pair) => {
      const p = pairs.indexOf(pair);
      return verdicts.of(version(pair, p, perPair[p]!.filter(keep)), name);
    });

  const SAME = dd.terminal('k:same', null);
  const term = (v: CauseValue | null) => (v === null ? SAME : dd.terminal(`k:${v.together ? 't' : 'a'}:${v.ids.join(',')}`, v));
  const EMPTY: CauseValue = { ids: [], together: false };
  const diagrams = input.outcomes.map(({ name, after, pair }) => {
    const sameAsNew = (f: number) => dd.mapN([f, after], ([x, y]) => (transitionOf(project(x as Verdict), project(y as Verdict)) === null ? TRUE : FALSE));
    let causes = dd.mapN([pair], ([t]) => (t === null ? SAME : term(EMPTY)));
    const extend = (f: number, i: number, together: boolean, when: (value: CauseValue, yes: boolean) => boolean) => {
      causes = dd.mapN([causes, f], ([c, yes]) => {
        const v = c as CauseValue | null;
        return v !== null && when(v, yes as boolean) ? term({ ids: [...v.ids, i], together }) : term(v);
      });
    };
    // Each edit alone: the points where it gives the new verdict.
    list.forEach((g, i) => extend(sameAsNew(side((e) => e.key === g.key, name)), i, false, (_, yes) => yes));
    const unexplained = () => dd.count(causes, (t) => (dd.value(t) as CauseValue | null)?.ids.length === 0);
    if (unexplained() > 0n) {
      // Only together: the edits without which the new verdict is not reached.
      list.forEach((g, i) => extend(sameAsNew(side((e) => e.key !== g.key, name)), i, true, (v, yes) => (v.ids.length === 0 || v.together) && !yes));
      if (unexplained() > 0n) {
        const all = pairwise(dd, date, pairs, (pair) => term({ ids: perPair[pairs.indexOf(pair)]!.map((e) => index.get(e.key)!), together: true }));
        causes = dd.mapN([causes, all], ([c, a]) => term((c as CauseValue | null)?.ids.length === 0 ? (a as CauseValue) : (c as CauseValue | null)));
      }
    }
    return causes;
  });

  // Ids by the points each edit explains (most first, over every outcome), then by first appearance.
  const points = list.map((_, i) => diagrams.reduce((n, causes) => n + dd.count(causes, (t) => (dd.value(t) as CauseValue | null)?.ids.includes(i) === true), 0n));
  const order = list.map((_, i) => i).sort((x, y) => (points[x]! > points[y]! ? -1 : points[x]! < points[y]! ? 1 : x - y));
  const id = new Map(order.map((i, k) => [i, k + 1]));
  const edits: Edit[] = order.map((i) => ({ id: id.get(i)!, kind: list[i]!.kind, text: list[i]!.text, versions: [...list[i]!.versions], points: points[i]! }));

  const final = (v: CauseValue) => v.ids.map((i) => id.get(i)!).sort((x, y) => x - y);
  const causesOf = (causes: number, cube: Cube): Cause[] => {
    const found = [...terminalsWithin(dd, causes, cube)].filter((t) => t !== SAME);
    const cause = (t: number, n: bigint): Cause => ({ edits: final(dd.value(t) as CauseValue), together: (dd.value(t) as CauseValue).together, points: n });
    if (found.length === 1) return [cause(found[0]!, cubePoints(cube))];
    const inCube = dd.mapN([cubeDiagram(dd, cube), causes], ([inside, c]) => (inside ? term(c as CauseValue | null) : SAME));
    return found
      .map((t) => cause(t, dd.count(inCube, (x) => x === t)))
      .sort((x, y) => (x.points > y.points ? -1 : x.points < y.points ? 1 : x.edits.join(',') < y.edits.join(',') ? -1 : 1));
  };
  return { edits, causes: input.outcomes.flatMap((o, k) => o.cubes.map((cube) => causesOf(diagrams[k]!, cube))) };
}
