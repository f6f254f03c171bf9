import type { CheckedClause, CheckedExemption, Condition, PolicySet, Program, RecordType, Type } from '../checker/program.js';
import {
  DecisionDiagrams,
  ModelBuilder,
  cubePoints,
  dayNumber,
  isoDate,
  keyOf,
  coverCubes,
  representative,
  terminalsWithin,
  type Cube,
  type FiniteModel,
  type ModelVar,
} from '../checker/finite-model.js';
import { applicableExemption, combine, type Basis, type Decision } from '../semantics/decision.js';
import { contextsOf, decideUnknown } from '../interpreter/evaluate.js';
import { formatInt, formatValue, printCondition } from './print.js';
import { compareCodePoints } from '../diagnostics/text.js';

/**
 * The exact semantic diff of two policy sets: every input whose decision changes, as a few
 * readable regions of the finite cut model (see checker/finite-model.ts), each with its count
 * of points and a concrete example input checked against both sides with the interpreter.
 *
 * How: one cut model for both sides (every field cut at the literals either side compares it
 * with, the date also at every effective date of both); per version a decision diagram of its
 * decision (`combine` applied to the diagrams of its clauses' conditions); per side a diagram
 * that picks the version by date; then the diagram of the pair (before, after). Its paths to
 * terminals where the two differ are disjoint cubes of points; cubes with the same pair that
 * differ in one field only are merged, until no two do. Nothing is sampled or enumerated point
 * by point, so a diff is exact whatever the size of the input space.
 */

/** The part of a decision the diff compares and reports (version and `because` follow from them). */
export interface Outcome {
  readonly action: string;
  readonly basis: Basis;
  readonly clause: string | null;
  readonly exemption: string | null;
}

export interface Constraint {
  /** The field (`author.role`, `categories`, `date`), or the atom for a two-field comparison. */
  readonly field: string;
  /** `author.role in {world_leader, candidate}`. */
  readonly text: string;
}

export interface Region {
  /** The constraints, in model order; none means "every input". */
  readonly constraints: readonly Constraint[];
  /** The constraints joined with `and` (or `every input`). */
  readonly text: string;
  /** Points of the cut model in the region (regions of one transition may overlap). */
  readonly points: bigint;
  /** The region as a cube of the model: allowed classes per variable (see SemanticDiff.model). */
  readonly cube: Cube;
  /**
   * The transition: action and basis before and after (with `clauses`, the deciding clause and
   * exemption too; otherwise those are null). null: no version in force on that side.
   */
  readonly before: Outcome | null;
  readonly after: Outcome | null;
  /** Every decision (action, basis, clause, exemption) some input of the region gets, per side. */
  readonly outcomesBefore: readonly (Outcome | null)[];
  readonly outcomesAfter: readonly (Outcome | null)[];
  /** A valid input in the region (for the new side's input type). */
  readonly example: Record<string, unknown>;
  /** Present when the old side declares a different input type: the example for it. */
  readonly exampleBefore?: Record<string, unknown>;
  /** The interpreter's decisions on the example (null: no version in force). */
  readonly beforeDecision: Decision | null;
  readonly afterDecision: Decision | null;
  /** The interpreter's decisions on the example are the region's transition. */
  readonly verified: boolean;
}

export interface ClauseRef {
  readonly name: string;
  readonly kind: CheckedClause['kind'];
}
export interface ClauseChange extends ClauseRef {
  /** What differs: `kind`, `when`, `unless`, `action`, `because`, `from`. */
  readonly what: readonly string[];
}

export interface TextualChanges {
  readonly clauses: { readonly added: ClauseRef[]; readonly removed: ClauseRef[]; readonly changed: ClauseChange[] };
  readonly contexts: { readonly added: string[]; readonly removed: string[]; readonly changed: string[] };
  /** `version (effective date)` of versions only one side has (dated sides only). */
  readonly versions: { readonly added: string[]; readonly removed: string[] };
  readonly defaultAction: { readonly before: string; readonly after: string } | null;
}

export interface Transition {
  readonly before: Outcome | null;
  readonly after: Outcome | null;
  readonly regions: number;
  readonly points: bigint;
}

export interface SemanticDiff {
  readonly regions: readonly Region[];
  readonly transitions: readonly Transition[];
  readonly textual: TextualChanges;
  /** Points of the whole cut model, and those whose decision changes. */
  readonly totalPoints: bigint;
  readonly changedPoints: bigint;
  /** False when a condition compares two fields (treated as independent atoms). */
  readonly exact: boolean;
  /** The cut model both sides were compared on. */
  readonly model: FiniteModel;
  /** Sizes, for the scaling notes in docs/reviewing.md. */
  readonly stats: { readonly nodes: number; readonly paths: number };
}

export interface DiffOptions {
  /** Also report inputs whose action and basis stay but whose deciding clause or exemption changes. */
  readonly clauses?: boolean;
  /** Upper bound on diagram nodes (default 2,000,000) and on paths enumerated (default 200,000). */
  readonly maxNodes?: number;
  readonly maxPaths?: number;
}

/**
 * A lone policy file is one undated version: its `effective` date does not pick it. Use this on
 * both sides to compare two version files as policies in their own right.
 */
export function undated(set: PolicySet): PolicySet {
  return { ...set, dateField: null, versions: [set.versions[set.versions.length - 1]!] };
}

const outcomeKey = (o: Outcome | null): string => (o === null ? 'none' : `${o.action}|${o.basis}|${o.clause ?? ''}|${o.exemption ?? ''}`);

export function outcomeOf(d: Decision | null): Outcome | null {
  return d === null ? null : { action: d.action, basis: d.basis, clause: d.clause, exemption: d.exemption };
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

function clausesOf(program: Program): CheckedClause[] {
  return [...program.redlines, ...program.rules, ...program.exemptions];
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

function versionDiagram(dd: DecisionDiagrams, program: Program): number {
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
function sideDiagram(dd: DecisionDiagrams, model: FiniteModel, set: PolicySet): number {
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
    [...terminalsWithin(dd, f, cube)].map((t) => dd.value(t) as Outcome | null).sort((x, y) => compareCodePoints(outcomeKey(x), outcomeKey(y)));
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

/** A cube as constraints on fields, in model order; the members of one set field are grouped. */
export function describeCube(model: FiniteModel, cube: Cube): Constraint[] {
  const constraints: Constraint[] = [];
  const sets = new Map<string, { has: string[]; lacks: string[]; at: number }>();
  model.vars.forEach((v, i) => {
    const mask = cube[i]!;
    if (!mask.includes('0')) return;
    if (v.kind === 'member') {
      const field = keyOf(v.path);
      let entry = sets.get(field);
      if (!entry) {
        entry = { has: [], lacks: [], at: constraints.length };
        sets.set(field, entry);
        constraints.push({ field, text: '' });
      }
      (mask[1] === '1' ? entry.has : entry.lacks).push(v.member!);
      return;
    }
    constraints.push({ field: v.key, text: describe(v, mask) });
  });
  for (const [field, { has, lacks, at }] of sets) {
    const parts = has.map((m) => `${field} has ${m}`);
    if (lacks.length === 1) parts.push(`not ${field} has ${lacks[0]}`);
    if (lacks.length > 1) parts.push(`${field} has none of {${lacks.join(', ')}}`);
    constraints[at] = { field, text: parts.join(' and ') };
  }
  return constraints;
}

function decideOrNull(set: PolicySet, input: unknown): Decision | null {
  const result = decideUnknown(set, input);
  return result.ok ? result.decision : null;
}

/** The version whose input type an example for `set` on this point must follow. */
function programFor(model: FiniteModel, point: readonly number[], set: PolicySet): Program {
  if (set.dateField === null) return set.versions[0]!;
  const date = model.byKey.get(set.dateField)!;
  const day = dayNumber(representative(date, point[date.index]!) as string);
  let chosen = set.versions[0]!;
  for (const p of set.versions) if (p.effective !== null && dayNumber(p.effective) <= day) chosen = p;
  return chosen;
}

/**
 * A valid input on the point: tested fields from the point's classes, every other field a valid
 * default (false, 0 or the bound nearest it, the first enum member, an empty set, `"example"`).
 */
export function exampleFor(model: FiniteModel, point: readonly number[], set: PolicySet): Record<string, unknown> {
  const program = programFor(model, point, set);
  const defaultDate = set.versions.reduce<string>((d, p) => (p.effective && p.effective > d ? p.effective : d), '2020-01-01');
  const value = (type: Type, path: readonly string[]): unknown => {
    const v = model.byKey.get(keyOf(path));
    if (v && v.kind !== 'member' && v.kind !== 'opaque') return representative(v, point[v.index]!);
    switch (type.kind) {
      case 'bool':
        return false;
      case 'int': {
        let n = 0;
        if (type.min !== null && n < type.min) n = type.min;
        if (type.max !== null && n > type.max) n = type.max;
        return n;
      }
      case 'string':
        return 'example';
      case 'date':
        return defaultDate;
      case 'enum':
        return type.members[0];
      case 'set':
        return type.element.members.filter((m) => {
          const member = model.byKey.get(`${keyOf(path)}#${m}`);
          return member ? representative(member, point[member.index]!) === true : false;
        });
      case 'record': {
        const out: Record<string, unknown> = {};
        for (const f of type.fields) out[f.name] = value(f.type, [...path, f.name]);
        return out;
      }
    }
  };
  return value(program.inputType, []) as Record<string, unknown>;
}

/** One variable's allowed classes, in Bylaw-like syntax. */
function describe(v: ModelVar, mask: string): string {
  const allowed = v.classes.filter((_, i) => mask[i] === '1');
  const field = v.kind === 'member' ? keyOf(v.path) : v.key;
  switch (v.kind) {
    case 'bool':
      return (allowed[0] as { value: boolean }).value ? field : `not ${field}`;
    case 'opaque':
      return (allowed[0] as { value: boolean }).value ? field : `not ${field}`;
    case 'member':
      return (allowed[0] as { value: boolean }).value ? `${field} has ${v.member}` : `not ${field} has ${v.member}`;
    case 'enum': {
      const members = (v.type as { members: readonly string[] }).members;
      const yes = allowed.flatMap((c) => (c as { values: readonly string[] }).values);
      const no = members.filter((m) => !yes.includes(m));
      return memberTest(field, yes, no, (m) => m);
    }
    case 'string': {
      const named = v.classes.flatMap((c) => (c as { values: readonly string[] }).values);
      const other = allowed.some((c) => (c as { other: boolean }).other);
      const yes = allowed.flatMap((c) => (c as { values: readonly string[] }).values);
      const q = (s: string) => JSON.stringify(s);
      return other ? memberTest(field, [], named.filter((s) => !yes.includes(s)), q, true) : memberTest(field, yes, [], q);
    }
    case 'int':
    case 'date': {
      const show = (n: number) => (v.kind === 'date' ? isoDate(n) : formatInt(n));
      const min = (v.classes[0] as { lo: number }).lo;
      const max = (v.classes[v.classes.length - 1] as { hi: number }).hi;
      const ranges: [number, number][] = [];
      v.classes.forEach((c, i) => {
        if (mask[i] !== '1') return;
        const { lo, hi } = c as { lo: number; hi: number };
        const last = ranges[ranges.length - 1];
        if (last && last[1] + 1 === lo) last[1] = hi;
        else ranges.push([lo, hi]);
      });
      const parts = ranges.map(([lo, hi]) =>
        lo === hi ? `${field} == ${show(lo)}` : lo === min ? `${field} <= ${show(hi)}` : hi === max ? `${field} >= ${show(lo)}` : `${field} in ${show(lo)}..${show(hi)}`,
      );
      return parts.length === 1 ? parts[0]! : `(${parts.join(' or ')})`;
    }
  }
}

function memberTest(field: string, yes: readonly string[], no: readonly string[], show: (s: string) => string, onlyNo = false): string {
  const list = (xs: readonly string[]) => `{${xs.map(show).join(', ')}}`;
  if (onlyNo || (no.length < yes.length && no.length > 0)) return no.length === 1 ? `${field} != ${show(no[0]!)}` : `${field} not in ${list(no)}`;
  return yes.length === 1 ? `${field} == ${show(yes[0]!)}` : `${field} in ${list(yes)}`;
}

/** Clauses, contexts, versions and the default, compared by name and by meaning (not layout). */
export function textualChanges(before: PolicySet, after: PolicySet): TextualChanges {
  const clauseDefs = (set: PolicySet) => {
    const defs = new Map<string, { kind: CheckedClause['kind']; signatures: Map<string, Record<string, string>> }>();
    for (const program of set.versions) {
      const contexts = contextsOf(program);
      for (const clause of clausesOf(program)) {
        const parts = clauseParts(clause, contexts);
        const signature = JSON.stringify(parts);
        let entry = defs.get(clause.name);
        if (!entry) defs.set(clause.name, (entry = { kind: clause.kind, signatures: new Map() }));
        entry.signatures.set(signature, parts);
      }
    }
    return defs;
  };
  const old = clauseDefs(before);
  const now = clauseDefs(after);
  const added = [...now].filter(([name]) => !old.has(name)).map(([name, d]) => ({ name, kind: d.kind }));
  const removed = [...old].filter(([name]) => !now.has(name)).map(([name, d]) => ({ name, kind: d.kind }));
  const changed: ClauseChange[] = [];
  for (const [name, d] of now) {
    const o = old.get(name);
    if (!o) continue;
    const a = [...o.signatures.keys()].sort();
    const b = [...d.signatures.keys()].sort();
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    const what = new Set<string>();
    const oldParts = [...o.signatures.values()];
    const newParts = [...d.signatures.values()];
    for (const key of ['kind', 'when', 'unless', 'action', 'because', 'from']) {
      const x = new Set(oldParts.map((p) => p[key]));
      const y = new Set(newParts.map((p) => p[key]));
      if (x.size !== y.size || [...x].some((v) => !y.has(v))) what.add(key);
    }
    changed.push({ name, kind: d.kind, what: [...what] });
  }

  const contextDefs = (set: PolicySet) => {
    const defs = new Map<string, Set<string>>();
    for (const program of set.versions) {
      const contexts = contextsOf(program);
      for (const c of program.contexts) {
        let s = defs.get(c.name);
        if (!s) defs.set(c.name, (s = new Set()));
        s.add(printCondition(c.body, { contexts }));
      }
    }
    return defs;
  };
  const oldContexts = contextDefs(before);
  const newContexts = contextDefs(after);
  const sameSet = (x: Set<string>, y: Set<string>) => x.size === y.size && [...x].every((v) => y.has(v));

  const dated = before.dateField !== null && after.dateField !== null;
  const versionNames = (set: PolicySet) => set.versions.map((p) => `${p.version}${p.effective && p.effective !== p.version ? ` (effective ${p.effective})` : ''}`);
  const ov = versionNames(before);
  const nv = versionNames(after);
  const defaultOf = (set: PolicySet) => [...new Set(set.versions.map((p) => p.defaultAction.action))].join(', ');
  return {
    clauses: { added, removed, changed },
    contexts: {
      added: [...newContexts.keys()].filter((n) => !oldContexts.has(n)),
      removed: [...oldContexts.keys()].filter((n) => !newContexts.has(n)),
      changed: [...newContexts].filter(([n, s]) => oldContexts.has(n) && !sameSet(s, oldContexts.get(n)!)).map(([n]) => n),
    },
    versions: dated ? { added: nv.filter((v) => !ov.includes(v)), removed: ov.filter((v) => !nv.includes(v)) } : { added: [], removed: [] },
    defaultAction: defaultOf(before) === defaultOf(after) ? null : { before: defaultOf(before), after: defaultOf(after) },
  };
}

function clauseParts(clause: CheckedClause, contexts: ReadonlyMap<string, Condition>): Record<string, string> {
  return {
    kind: clause.kind,
    when: printCondition(clause.when, { contexts }),
    unless: clause.unless ? printCondition(clause.unless, { contexts }) : '',
    action: clause.action,
    because: clause.because ?? '',
    from: clause.kind === 'exemption' ? (clause as CheckedExemption).from.join(', ') : '',
  };
}

/** `remove (rule hateful_conduct)`, `allow (exemption violent_threat via not_a_violation)`, `no version in force`. */
export function describeOutcome(o: Outcome | null): string {
  if (o === null) return 'no version in force';
  const parts = [o.basis, o.clause, o.exemption ? `via ${o.exemption}` : null].filter((p): p is string => Boolean(p));
  return `${o.action} (${parts.join(' ')})`;
}

export { formatValue };
