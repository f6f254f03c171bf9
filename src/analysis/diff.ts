import type { PolicySet, RecordType, Type } from '../checker/program.js';
import { DecisionDiagrams, ModelBuilder, cubePoints, coverCubes, terminalsWithin, type Cube, type FiniteModel } from '../checker/finite-model.js';
import type { Decision } from '../semantics/decision.js';
import { contextsOf } from '../interpreter/evaluate.js';
import { outcomeKey, sideDiagram } from './diff-decision.js';
import { describeCube } from './diff-describe.js';
import { decideOrNull, exampleFor } from './diff-examples.js';
import { clausesOf, textualChanges } from './diff-textual.js';
import type { DiffOptions, Outcome, Region, SemanticDiff, Transition } from './diff-types.js';

/**
 * The exact semantic diff of two policy sets: every input whose decision changes, as a few
 * readable regions of the finite cut model (see checker/finite-model.ts), each with its count
 * of points and a concrete example input checked against both sides with the interpreter.
 *
 * How: one cut model for both sides (every field cut at the literals either side compares it
 * with, the date also at every effective date of both); per version a decision diagram of its
 * decision (`combine` applied to the diagrams of its clauses' conditions, diff-decision.ts); per
 * side a diagram that picks the version by date; then the diagram of the pair (before, after).
 * Its paths to terminals where the two differ are disjoint cubes of points; cubes with the same
 * pair that differ in one field only are merged, until no two do. Nothing is sampled or
 * enumerated point by point, so a diff is exact whatever the size of the input space.
 *
 * The rest lives beside it: diff-describe.ts (regions in words), diff-examples.ts (example
 * inputs), diff-textual.ts (what changed by name), diff-report.ts (text, Markdown, JSON).
 */

export type * from './diff-types.js';
export { describeOutcome, describeCube } from './diff-describe.js';
export { exampleFor } from './diff-examples.js';
export { outcomeOf } from './diff-decision.js';
export { textualChanges } from './diff-textual.js';

/**
 * A lone policy file is one undated version: its `effective` date does not pick it. Use this on
 * both sides to compare two version files as policies in their own right.
 */
export function undated(set: PolicySet): PolicySet {
  return { ...set, dateField: null, versions: [set.versions[set.versions.length - 1]!] };
}

export function semanticDiff(before: PolicySet, after: PolicySet, options: DiffOptions = {}): SemanticDiff {
  const sides = [before, after];
  const builder = new ModelBuilder();
  const dateFields = new Set(sides.map((s) => s.dateField).filter((f): f is string => f !== null));
  for (const set of sides) {
    for (const program of set.versions) {
      const contexts = contextsOf(program);
      for (const clause of clausesOf(program)) {
        builder.addCondition(clause.when, contexts);
        if (clause.unless) builder.addCondition(clause.unless, contexts);
      }
    }
  }
  for (const set of sides) {
    if (set.dateField === null) continue;
    const type = fieldType(set.versions[0]!.inputType, [set.dateField]) ?? { kind: 'date' };
    for (const program of set.versions) if (program.effective) builder.addCut([set.dateField], type, program.effective);
  }
  const model = builder.build([...dateFields]);
  const dd = new DecisionDiagrams(model, options.maxNodes);

  const sideDiagrams = sides.map((set) => sideDiagram(dd, model, set));
  const SAME = dd.terminal('p:same', null);
  const strip = (o: Outcome | null): Outcome | null =>
    o === null || options.clauses === true ? o : { action: o.action, basis: o.basis, clause: null, exemption: null };
  const pair = dd.mapN(sideDiagrams, ([a, b]) => {
    const x = strip(a as Outcome | null);
    const y = strip(b as Outcome | null);
    const kx = outcomeKey(x);
    const ky = outcomeKey(y);
    return kx === ky ? SAME : dd.terminal(`p:${kx}>${ky}`, [x, y]);
  });

  const groups = dd.cubes(pair, (t) => t !== SAME, options.maxPaths);
  let paths = 0;
  const regions: Region[] = [];
  const transitions: Transition[] = [];
  for (const [terminal, cubes] of groups) {
    paths += cubes.length;
    const [b, a] = dd.value(terminal) as [Outcome | null, Outcome | null];
    const target = dd.mapN([pair], ([t]) => (t === dd.value(terminal) ? DecisionDiagrams.TRUE : DecisionDiagrams.FALSE));
    const cover = coverCubes(dd, target, cubes);
    for (const cube of cover) regions.push(makeRegion(dd, model, cube, b, a, sides, sideDiagrams));
    // The paths are disjoint: their points add up to the transition's, exactly.
    const points = cubes.reduce((n, cube) => n + cubePoints(cube), 0n);
    transitions.push({ before: b, after: a, regions: cover.length, points });
  }
  const byPoints = (x: { points: bigint }, y: { points: bigint }) => (x.points > y.points ? -1 : x.points < y.points ? 1 : 0);
  transitions.sort(byPoints);
  const order = new Map(transitions.map((t, i) => [`${outcomeKey(t.before)}>${outcomeKey(t.after)}`, i]));
  regions.sort((x, y) => order.get(`${outcomeKey(x.before)}>${outcomeKey(x.after)}`)! - order.get(`${outcomeKey(y.before)}>${outcomeKey(y.after)}`)! || byPoints(x, y));

  let totalPoints = 1n;
  for (const v of model.vars) totalPoints *= BigInt(v.classes.length);
  return {
    regions,
    transitions,
    textual: textualChanges(before, after),
    totalPoints,
    changedPoints: transitions.reduce((n, t) => n + t.points, 0n),
    exact: model.exact,
    model,
    stats: { nodes: dd.size, paths },
  };
}

function fieldType(record: RecordType, path: readonly string[]): Type | null {
  let type: Type = record;
  for (const key of path) {
    if (type.kind !== 'record') return null;
    const field: { type: Type } | undefined = type.fields.find((f) => f.name === key);
    if (!field) return null;
    type = field.type;
  }
  return type;
}

function makeRegion(
  dd: DecisionDiagrams,
  model: FiniteModel,
  cube: Cube,
  b: Outcome | null,
  a: Outcome | null,
  [before, after]: readonly PolicySet[],
  [beforeDiagram, afterDiagram]: readonly number[],
): Region {
  const constraints = describeCube(model, cube);
  // The first allowed class of each variable: absent members, the lowest range, the first enum class.
  const point = cube.map((mask) => mask.indexOf('1'));
  const afterExample = exampleFor(model, point, after!);
  const beforeExample = exampleFor(model, point, before!);
  const beforeDecision = decideOrNull(before!, beforeExample);
  const afterDecision = decideOrNull(after!, afterExample);
  const outcomes = (f: number) =>
    [...terminalsWithin(dd, f, cube)].map((t) => dd.value(t) as Outcome | null).sort((x, y) => outcomeKey(x).localeCompare(outcomeKey(y)));
  const matches = (d: Decision | null, o: Outcome | null) =>
    d === null || o === null ? d === o : d.action === o.action && d.basis === o.basis && (o.clause === null || (d.clause === o.clause && d.exemption === o.exemption));
  const same = JSON.stringify(afterExample) === JSON.stringify(beforeExample);
  return {
    constraints,
    text: constraints.length === 0 ? 'every input' : constraints.map((c) => c.text).join(' and '),
    points: cubePoints(cube),
    cube,
    before: b,
    after: a,
    outcomesBefore: outcomes(beforeDiagram!),
    outcomesAfter: outcomes(afterDiagram!),
    example: afterExample,
    ...(same ? {} : { exampleBefore: beforeExample }),
    beforeDecision,
    afterDecision,
    verified: matches(beforeDecision, b) && matches(afterDecision, a),
  };
}
