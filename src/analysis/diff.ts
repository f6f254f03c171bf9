import type { Condition, PolicySet, Program } from '../checker/program.js';
import { DecisionDiagrams, ModelBuilder, cubeDiagram, cubePoints, coverCubes, terminalsWithin, type Cube, type FiniteModel, type ModelVar } from '../logic/index.js';
import { contextsOf } from '../interpreter/evaluate.js';
import { attribute } from './diff-cause.js';
import { ACTION, Verdicts, dateVar, outcomeKey, pairwise, projection, transitionOf, versionPairs, type VersionPair } from './diff-decision.js';
import { atomLabels, canonicalSets, inexactReasons, leavesOf, type InexactReason } from './diff-atoms.js';
import { Realiser } from './diff-realise.js';
import { describeCube, labelVars } from './diff-describe.js';
import { groupRegions } from './diff-group.js';
import { check, defaultDate, exampleFor, matches, pointWhere, programAt } from './diff-examples.js';
import { LIST_ELEMENT, addAcceptanceCuts, sameAcceptance, typeAt, typeChanges } from './diff-input.js';
import { clausesOf, textualChanges } from './diff-textual.js';
import { printCondition } from './print.js';
import { compareCodePoints } from '../diagnostics/text.js';
import type { Cause, DiffOptions, InputTypeChange, Region, SemanticDiff, Side, Transition, Verdict } from './diff-types.js';

/**
 * The exact semantic diff of two policy sets: every input whose decision changes, as a few
 * readable regions of the finite cut model (see src/logic), each with its count
 * of points and a concrete example input checked against both sides with the interpreter.
 *
 * How: one cut model for both sides (every field cut at the literals either side compares it
 * with, the date also at every effective date of both); per version a decision diagram of its
 * decision (the decision plan folded over the diagrams of its clauses' conditions, diff-decision.ts); per
 * side a diagram that picks the version by date; then the diagram of the pair (before, after).
 * Its paths to terminals where the two differ are disjoint cubes of points; cubes with the same
 * pair that differ in one field only are merged, until no two do. Nothing is sampled or
 * enumerated point by point, so a diff is exact whatever the size of the input space.
 *
 * The rest lives beside it: diff-describe.ts (regions in words), diff-examples.ts (example
 * inputs), diff-textual.ts (what changed by name), diff-report.ts (text, Markdown, JSON).
 */

export type * from './diff-types.js';
export type { RegionGroup, GroupCause } from './diff-group.js';
export type { TypeChange } from './diff-input.js';
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

/** Whether anything changes: a region, or an input type no input of which both sides accept. */
export function hasChanges(diff: SemanticDiff): boolean {
  return diff.regions.length > 0 || diff.inputTypes.length > 0;
}

export function semanticDiff(original: PolicySet, changed: PolicySet, options: DiffOptions = {}): SemanticDiff {
  // Quantifier ids and value names by meaning across both sides (diff-atoms.ts).
  const [before, after] = canonicalSets(original, changed);
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
  // A context whose body differs between versions: both bodies, for attribution mixes a
  // version's clauses with another's body of it (diff-edits.ts) even when nothing reads it there.
  const bodies = new Map<string, Map<string, { body: Condition; program: Program }>>();
  for (const program of [...before.versions, ...after.versions]) {
    for (const c of program.contexts) {
      const byText = bodies.get(c.name) ?? new Map<string, { body: Condition; program: Program }>();
      byText.set(printCondition(c.body), { body: c.body, program });
      bodies.set(c.name, byText);
    }
  }
  for (const byText of bodies.values()) if (byText.size > 1) for (const { body, program } of byText.values()) builder.addCondition(body, contextsOf(program));
  for (const set of sides) {
    if (set.dateField === null) continue;
    const type = typeAt(set.versions[0]!.inputType, [set.dateField]) ?? { kind: 'date' };
    for (const program of set.versions) if (program.effective) builder.addCut([set.dateField], type, program.effective);
  }
  addAcceptanceCuts(builder, [...before.versions, ...after.versions]);
  const model = builder.build([...dateFields]);
  const programs = [...before.versions, ...after.versions];
  const leaves = leavesOf(model, programs);
  const labels = atomLabels(model, leaves, new Set(before.versions));
  labelVars(model, labels);
  const dd = new DecisionDiagrams(model, options.maxNodes);
  const date = dateVar(model, sides);
  const pairs = versionPairs(date, sides);
  const verdicts = new Verdicts(dd, model);
  const names = outcomeNames(sides);
  const project = projection(options.clauses === true);
  const SAME = dd.terminal('p:same', null);

  let paths = 0;
  const covers: { cube: Cube; before: Side; after: Side; outcome: string }[] = [];
  const transitions: Transition[] = [];
  const parts = (names ?? [ACTION]).map((name) => {
    const [old, now] = [(p: VersionPair) => verdicts.of(p.before, name), (p: VersionPair) => verdicts.of(p.after, name)].map((of) => pairwise(dd, date, pairs, of)) as [number, number];
    const pair = dd.mapN([old, now], ([a, b]) => {
      const t = transitionOf(project(a as Verdict), project(b as Verdict));
      return t === null ? SAME : dd.terminal(`p:${outcomeKey(t[0])}>${outcomeKey(t[1])}`, t);
    });
    const groups = dd.cubes(pair, (t) => t !== SAME, options.maxPaths);
    const cubes: Cube[] = [];
    for (const [terminal, found] of groups) {
      paths += found.length;
      const [b, a] = dd.value(terminal) as [Side, Side];
      const target = dd.mapN([pair], ([t]) => (t === dd.value(terminal) ? DecisionDiagrams.TRUE : DecisionDiagrams.FALSE));
      const cover = coverCubes(dd, target, found);
      for (const cube of cover) {
        covers.push({ cube, before: b, after: a, outcome: name });
        cubes.push(cube);
      }
      // The paths are disjoint: their points add up to the transition's, exactly.
      const points = found.reduce((n, cube) => n + cubePoints(cube), 0n);
      transitions.push({ ...(names ? { outcome: name } : {}), before: b, after: a, regions: cover.length, points });
    }
    return { name, old, now, pair, cubes };
  });
  // Points where some outcome changes (each once).
  const changedAny = parts.reduce<number>((f, p) => dd.or(f, dd.mapN([p.pair], ([t]) => (t === null ? DecisionDiagrams.FALSE : DecisionDiagrams.TRUE))), DecisionDiagrams.FALSE);
  const changedPoints = names ? dd.count(changedAny, (t) => t === DecisionDiagrams.TRUE) : transitions.reduce((n, t) => n + t.points, 0n);
  const date0 = defaultDate(sides);
  const first = parts[0]!;
  const inputTypes = inputTypeChanges(dd, model, date, pairs, sides, [first.old, first.now], date0);
  // Attribution last on these diagrams: past the node budget it gives up, and the diff completes.
  const attribution =
    options.attribute === false
      ? 'not asked for'
      : attribute({ dd, date, pairs, verdicts, project, outcomes: parts.map((p) => ({ name: p.name, after: p.now, pair: p.pair, cubes: p.cubes })) }, options.maxEdits ?? 48);
  const realiser = new Realiser(model, leaves, programs);
  const result = (diff: SemanticDiff) => (realisers.set(diff, realiser), diff);
  const diagrams = new Map(parts.map((p) => [p.name, [p.old, p.now]]));
  const regions = covers.map((c, i) =>
    makeRegion({ dd, model, realiser, date: date0, named: names !== null }, c, sides, diagrams.get(c.outcome)!, typeof attribution === 'string' ? [] : attribution.causes[i]!),
  );
  const byPoints = (x: { points: bigint }, y: { points: bigint }) => (x.points > y.points ? -1 : x.points < y.points ? 1 : 0);
  transitions.sort(byPoints);
  const tkey = (t: { outcome?: string; before: Side; after: Side }) => `${t.outcome ?? ''}|${outcomeKey(t.before)}>${outcomeKey(t.after)}`;
  const order = new Map(transitions.map((t, i) => [tkey(t), i]));
  regions.sort((x, y) => order.get(tkey(x))! - order.get(tkey(y))! || byPoints(x, y));

  let totalPoints = 1n;
  for (const v of model.vars) totalPoints *= BigInt(v.classes.length);
  const inexact = [...inexactReasons(model, leaves, labels), ...listTypeReasons(pairs)];
  return result({
    regions,
    transitions,
    textual: textualChanges(original, changed),
    dated: date !== null,
    groups: groupRegions(model, regions, unionPoints(model)),
    inputTypes,
    edits: typeof attribution === 'string' ? [] : attribution.edits,
    attribution: typeof attribution === 'string' ? attribution : null,
    totalPoints,
    changedPoints,
    exact: inexact.length === 0,
    inexact,
    outcomes: names,
    model,
    stats: { nodes: dd.size, paths },
  });
}

const realisers = new WeakMap<SemanticDiff, Realiser>();

/**
 * Where an input falls in a diff's cut model: the class of each variable (null where the input
 * leaves it open: a field under an absent optional one). An input is in a region when every
 * non-null class is allowed by the region's cube. For checking a diff against inputs.
 */
export function inputPoint(diff: SemanticDiff, input: Record<string, unknown>): (number | null)[] {
  return realisers.get(diff)!.pointOf(input);
}

/** The outcomes both sides decide, by name (each side's declaration order, the old side's first); null when no version declares any. */
function outcomeNames(sides: readonly PolicySet[]): string[] | null {
  if (!sides.some((s) => s.versions.some((p) => p.declaredOutcomes))) return null;
  const names: string[] = [];
  for (const s of sides) for (const p of s.versions) for (const o of p.outcomes) if (!names.includes(o.name)) names.push(o.name);
  return names;
}

/** Changes of what list elements accept: not in the model (it has no variable per element), so said plainly. */
function listTypeReasons(pairs: readonly VersionPair[]): InexactReason[] {
  const out = new Map<string, InexactReason>();
  for (const pair of pairs) {
    if (pair.before === null || pair.after === null) continue;
    for (const t of typeChanges(pair.before.inputType, pair.after.inputType)) {
      if (t.shape || !t.path.includes(LIST_ELEMENT)) continue;
      out.set(t.path, { atom: t.path, why: `what list elements accept changes (${t.what}): inputs one side rejects for it are not shown as regions` });
    }
  }
  return [...out.values()];
}

/** Points in at least one of some cubes, counted on diagrams of their own (the diff's may be at their budget). */
function unionPoints(model: FiniteModel): (cubes: readonly Cube[]) => bigint {
  const dd = new DecisionDiagrams(model);
  return (cubes) =>
    dd.count(
      cubes.reduce<number>((f, cube) => dd.or(f, cubeDiagram(dd, cube)), DecisionDiagrams.FALSE),
      (t) => t === DecisionDiagrams.TRUE,
    );
}

/**
 * The input-type changes of every pair of versions in force together, merged across pairs; a
 * shape change (no input accepted by both) gets an example each way, each checked on both sides.
 */
function inputTypeChanges(
  dd: DecisionDiagrams,
  model: FiniteModel,
  date: ModelVar | null,
  pairs: readonly VersionPair[],
  [before, after]: readonly PolicySet[],
  [old, now]: readonly number[],
  date0: string,
): InputTypeChange[] {
  const merged = new Map<string, { change: ReturnType<typeof typeChanges>[number]; dates: Set<number> }>();
  for (const pair of pairs) {
    if (pair.before === null || pair.after === null) continue;
    for (const change of typeChanges(pair.before.inputType, pair.after.inputType)) {
      const key = JSON.stringify(change);
      let entry = merged.get(key);
      if (!entry) merged.set(key, (entry = { change, dates: new Set() }));
      for (const c of pair.dates ?? []) entry.dates.add(c);
    }
  }
  return [...merged.values()].map(({ change, dates }) => {
    const cube: Cube = model.vars.map((v) => (v === date ? v.classes.map((_, c) => (dates.has(c) ? '1' : '0')).join('') : '1'.repeat(v.classes.length)));
    const text = date === null || dates.size === date.classes.length ? null : describeCube(model, cube).map((c) => c.text).join(' and ');
    if (!change.shape) return { ...change, dates: text };
    const inDates = cubeDiagram(dd, cube);
    // A point in these dates the given side decides, its example for that side, and whether the other rejects it.
    const example = (side: number, set: PolicySet, other: PolicySet) => {
      const decided = dd.mapN([inDates, side], ([i, v]) => (i && v !== null && v !== 'rejected' ? DecisionDiagrams.TRUE : DecisionDiagrams.FALSE));
      const point = pointWhere(dd, decided, (t) => t === DecisionDiagrams.TRUE);
      if (point === null) return null;
      const input = exampleFor(model, point, set, date0);
      const ok = check(set, input).decision !== null && check(other, input).verdict === 'rejected';
      return ok ? input : null;
    };
    return { ...change, dates: text, examples: { nowRejected: example(old!, before!, after!), nowAccepted: example(now!, after!, before!) } };
  });
}

interface RegionContext {
  readonly dd: DecisionDiagrams;
  readonly model: FiniteModel;
  readonly realiser: Realiser;
  /** The date of examples where no condition tests it. */
  readonly date: string;
  /** Both sides' outcomes are named (regions say which). */
  readonly named: boolean;
}

function makeRegion(
  { dd, model, realiser, date, named }: RegionContext,
  c: { cube: Cube; before: Side; after: Side; outcome: string },
  [before, after]: readonly PolicySet[],
  [beforeDiagram, afterDiagram]: readonly number[],
  causes: readonly Cause[],
): Region {
  const { cube, before: b, after: a, outcome } = c;
  const constraints = describeCube(model, cube);
  // The first allowed class of each variable: absent members, the lowest range, the first enum class.
  const point = cube.map((mask) => mask.indexOf('1'));
  const [oldProgram, newProgram] = [programAt(model, point, before!), programAt(model, point, after!)];
  const shared = oldProgram !== null && newProgram !== null && sameAcceptance(oldProgram.inputType, newProgram.inputType);
  const realise = (set: PolicySet, programs: readonly (Program | null)[]) => {
    const base = exampleFor(model, point, set, date);
    const own = programs.filter((p): p is Program => p !== null);
    const type = own[own.length - 1]?.inputType ?? set.versions[0]!.inputType;
    return realiser.realise(cube, base, own, type);
  };
  const realisedAfter = realise(after!, shared ? [oldProgram, newProgram] : [newProgram]);
  const realisedBefore = shared ? realisedAfter : realise(before!, [oldProgram]);
  const afterExample = realisedAfter.input;
  const beforeExample = realisedBefore.input;
  const checkedBefore = check(before!, beforeExample, outcome);
  const checkedAfter = check(after!, afterExample, outcome);
  const outcomes = (f: number) => [...terminalsWithin(dd, f, cube)].map((t) => dd.value(t) as Verdict).sort((x, y) => compareCodePoints(outcomeKey(x), outcomeKey(y)));
  const same = JSON.stringify(afterExample) === JSON.stringify(beforeExample);
  const points = cubePoints(cube);
  const unrealised = [...new Set([...realisedBefore.unmet, ...realisedAfter.unmet])];
  return {
    ...(named ? { outcome } : {}),
    constraints,
    text: constraints.length === 0 ? 'every input' : constraints.map((c) => c.text).join(' and '),
    points,
    cube,
    before: b,
    after: a,
    outcomesBefore: outcomes(beforeDiagram!),
    outcomesAfter: outcomes(afterDiagram!),
    example: afterExample,
    ...(same ? {} : { exampleBefore: beforeExample }),
    beforeDecision: checkedBefore.decision,
    afterDecision: checkedAfter.decision,
    ...(checkedBefore.problems ? { rejectedBefore: checkedBefore.problems } : {}),
    ...(checkedAfter.problems ? { rejectedAfter: checkedAfter.problems } : {}),
    verified: matches(checkedBefore, b) && matches(checkedAfter, a),
    ...(unrealised.length > 0 ? { unrealised } : {}),
    causes,
  };
}
