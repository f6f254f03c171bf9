import type { Condition, Operand, Program, Quantifier, RecordType, Type, Value } from '../checker/program.js';
import { dayNumber, type Cube, type FiniteModel, type ModelVar } from '../logic/index.js';
import { ConditionEvaluator } from '../interpreter/conditions.js';
import { contextsOf, valuesOf } from '../interpreter/evaluate.js';
import { MAX_LIST_LENGTH } from '../runtime/validate.js';
import { countOf, inputReads, quantifierOf, trackedOperand, type AtomLeaf } from './diff-atoms.js';
import { describeCube } from './diff-describe.js';
import { Candidates } from './diff-candidates.js';

/**
 * Examples that realise a region's atoms. A point of the cut model fixes the class of every
 * variable; for a field that is a value, for a count (`context n = count(…)`) it is a number of
 * list elements, for a quantifier (`any(…)`) whether some element matches, for a test of two
 * varying values (`posted >= date - 90 days`) a truth value. The first example (diff-examples.ts)
 * takes each field from its class and leaves lists empty; here it is moved until every variable
 * the versions read is in the region: each list is rebuilt from candidate elements (values near
 * the input's dates, moved by the policy's durations; the literals it compares with; every enum
 * member) so that each count has its number of matching elements and each quantifier holds or
 * not, and single fields are tried at candidate values where a test of two of them is off.
 *
 * It is a bounded search, not a solver: what it cannot reach is reported (`unmet`) — the region
 * may then be empty, for the model treats those atoms as free — and every example is checked
 * with the interpreter afterwards, so an example is never claimed for a region it is not in.
 */

export interface Realised {
  readonly input: Record<string, unknown>;
  /** The constraints of the cube the input misses (as regions print them); empty when realised. */
  readonly unmet: readonly string[];
}

/** Evaluations of one variable on one input that the search may spend per example. */
const BUDGET = 40_000;
/** Longest list the search builds. */
const MAX_BUILT = 64;

type Input = Record<string, unknown>;

export class Realiser {
  /** The model variables by index, with the leaves of each version that reads them. */
  private readonly byProgram = new Map<Program, Map<number, AtomLeaf>>();
  private readonly candidates: Candidates;
  private spent = 0;
  /** Signatures of candidate elements by list, tests and the rest of the input (see `solveList`). */
  private readonly signatures = new Map<string, Map<string, Group>>();

  constructor(
    private readonly model: FiniteModel,
    private readonly leaves: ReadonlyMap<string, readonly AtomLeaf[]>,
    programs: readonly Program[],
  ) {
    for (const v of model.vars) {
      for (const leaf of leaves.get(v.key) ?? []) {
        let map = this.byProgram.get(leaf.program);
        if (!map) this.byProgram.set(leaf.program, (map = new Map()));
        map.set(v.index, leaf);
      }
    }
    this.candidates = new Candidates(programs);
  }

  /**
   * `base` moved into `cube` for the variables `programs` read (the versions in force on both
   * sides when they share an input type, else one side's). `type` is the input record.
   */
  realise(cube: Cube, base: Input, programs: readonly Program[], type: RecordType): Realised {
    this.spent = 0;
    const vars = new Map<number, AtomLeaf>();
    for (const p of programs) for (const [i, leaf] of this.byProgram.get(p) ?? []) if (!vars.has(i)) vars.set(i, leaf);
    let input = base;
    let missed = this.missed(input, cube, vars);
    const lists = listPaths(type);
    for (let round = 0; round < 3 && missed.length > 0 && this.spent < BUDGET; round++) {
      const before = missed.length;
      for (const list of lists) {
        if (missed.length === 0) break;
        const next = this.solveList(input, list, cube, vars);
        if (next === null) continue;
        const m = this.missed(next, cube, vars);
        if (m.length <= missed.length) [input, missed] = [next, m];
      }
      if (missed.length > 0) [input, missed] = this.moveFields(input, cube, vars, missed, type);
      if (missed.length >= before && round > 0) break;
    }
    const unmet = missed.map((i) => {
      const only = cube.map((mask, v) => (v === i ? mask : '1'.repeat(mask.length)));
      return describeCube(this.model, only)
        .map((c) => c.text)
        .join(' and ');
    });
    return { input, unmet };
  }

  /**
   * Where an input falls in the model: the class of every variable, or null where the input
   * leaves it open (read through an absent optional value). Variables no test reads (the cuts of
   * effective dates and input types) are read from the input's field.
   */
  pointOf(input: Input): (number | null)[] {
    const evaluators = new Map<Program, ConditionEvaluator>();
    return this.model.vars.map((v) => {
      const leaf = this.leaves.get(v.key)?.[0];
      if (!leaf) return fieldClass(v, input);
      let e = evaluators.get(leaf.program);
      if (!e) evaluators.set(leaf.program, (e = new ConditionEvaluator(input, contextsOf(leaf.program), valuesOf(leaf.program))));
      return this.classOn(v, leaf, e);
    });
  }

  /** The variables (of `vars`) whose class on `input` the cube does not allow. */
  private missed(input: Input, cube: Cube, vars: ReadonlyMap<number, AtomLeaf>): number[] {
    const evaluators = new Map<Program, ConditionEvaluator>();
    const out: number[] = [];
    for (const [i, leaf] of vars) {
      let e = evaluators.get(leaf.program);
      if (!e) evaluators.set(leaf.program, (e = new ConditionEvaluator(input, contextsOf(leaf.program), valuesOf(leaf.program))));
      const k = this.classOn(this.model.vars[i]!, leaf, e);
      if (k !== null && cube[i]![k] !== '1') out.push(i);
    }
    return out;
  }

  /** The class of a variable on an input, or null when the input leaves it open (read through an absent optional value). */
  private classOn(v: ModelVar, leaf: AtomLeaf, e: ConditionEvaluator): number | null {
    this.spent++;
    const c = leaf.condition;
    const operand = trackedOperand(c);
    if (v.kind === 'bool' || v.kind === 'member' || v.kind === 'opaque') {
      if (readsAbsent(c, e)) return null;
      return e.evaluate(c) ? 1 : 0;
    }
    if (operand === null) return null;
    const value = e.value(operand);
    if (value === undefined || value === null) return null;
    return classIndex(v, value as Value);
  }

  /** `input` with the list at `path` rebuilt so that the counts and quantifiers over it are in the cube; null when no such list was found. */
  private solveList(input: Input, list: ListPath, cube: Cube, vars: ReadonlyMap<number, AtomLeaf>): Input | null {
    const key = list.path.join('.');
    const over: Over[] = [];
    for (const [i, leaf] of vars) {
      const v = this.model.vars[i]!;
      if (v.kind === 'member' && v.path.join('.') === key) {
        over.push({ v, leaf, q: null, kind: 'member' });
        continue;
      }
      const q = quantifierOf(v, this.leaves);
      if (!q || q.collection.root !== null || q.collection.path.join('.') !== key) continue;
      over.push({ v, leaf, q, kind: countOf(v, this.leaves) ? 'count' : (leaf.condition.kind as 'any' | 'all') });
    }
    if (over.length === 0) return null;
    const candidates = list.set ? (list.element as { members: readonly string[] }).members.map((m) => m as unknown) : this.candidates.elements(list.element, input);
    // The signature of each candidate: which of the tests over the list it matches. The same
    // for every region whose input differs only in this list: computed once.
    const memoKey = `${key}|${over.map((o) => o.v.index).join(',')}|${JSON.stringify(setAt(input, list.path, null))}`;
    let groups = this.signatures.get(memoKey);
    if (!groups) this.signatures.set(memoKey, (groups = this.signaturesOf(input, list, over, candidates)));
    const sigs = [...groups.values()];
    const limits = over.map((o) => {
      const mask = cube[o.v.index]!;
      if (o.kind === 'count') {
        const ranges = o.v.classes.flatMap((c, k) => (mask[k] === '1' && c.kind === 'range' ? [[Math.max(0, c.lo), Math.min(c.hi, MAX_LIST_LENGTH)] as const] : [])).filter(([lo, hi]) => lo <= hi);
        const low = Math.min(...ranges.map(([lo]) => lo));
        return { kind: o.kind, ranges, most: Math.min(MAX_BUILT, low + 3) };
      }
      return { kind: o.kind, yes: mask[1] === '1', no: mask[0] === '1', ranges: [] as (readonly [number, number])[], most: MAX_BUILT };
    });
    const ok = (m: readonly number[], n: number) =>
      limits.every((l, q) => {
        if (l.kind === 'count') return l.ranges.some(([lo, hi]) => m[q]! >= lo && m[q]! <= hi);
        const holds = l.kind === 'all' ? m[q] === n : m[q]! > 0;
        return holds ? l.yes! : l.no!;
      });
    const cap = Math.min(MAX_BUILT, Math.max(1, ...limits.map((l) => (l.kind === 'count' ? l.most : 1))) + 2);
    for (let n = 0; n <= cap; n++) {
      const counts = new Array<number>(sigs.length).fill(0);
      const m = over.map(() => 0);
      const search = (s: number, left: number): boolean => {
        if (s === sigs.length) return left === 0 && ok(m, n);
        const most = Math.min(left, list.set ? sigs[s]!.members.length : left);
        for (let k = most; k >= 0; k--) {
          let fits = true;
          sigs[s]!.bits.forEach((b, q) => {
            if (b) m[q]! += k;
            const l = limits[q]!;
            if (m[q]! > l.most || (l.kind !== 'count' && l.kind !== 'all' && !l.yes && m[q]! > 0)) fits = false;
          });
          counts[s] = k;
          if (fits && search(s + 1, left - k)) return true;
          sigs[s]!.bits.forEach((b, q) => {
            if (b) m[q]! -= k;
          });
        }
        counts[s] = 0;
        return false;
      };
      if (!search(0, n)) continue;
      const built: unknown[] = [];
      sigs.forEach((g, s) => {
        if (list.set) built.push(...g.members.slice(0, counts[s]));
        else for (let k = 0; k < counts[s]!; k++) built.push(g.element);
      });
      if (list.set) {
        const order = new Map(candidates.map((c, i) => [c, i]));
        built.sort((a, b) => order.get(a)! - order.get(b)!);
      }
      return setAt(input, list.path, built);
    }
    return null;
  }

  /** Candidates grouped by signature (which of the tests over the list each matches on its own), in candidate order. */
  private signaturesOf(input: Input, list: ListPath, over: readonly Over[], candidates: readonly unknown[]): Map<string, Group> {
    const groups = new Map<string, Group>();
    for (const element of candidates) {
      if (this.spent > BUDGET) break;
      const single = setAt(input, list.path, [element]);
      const e = new Map<Program, ConditionEvaluator>();
      const evaluator = (p: Program) => {
        let x = e.get(p);
        if (!x) e.set(p, (x = new ConditionEvaluator(single, contextsOf(p), valuesOf(p))));
        return x;
      };
      const bits = over.map((o) => {
        this.spent++;
        if (o.kind === 'member') return element === o.v.member;
        return evaluator(o.leaf.program).evaluate({ kind: 'any', quantifier: o.q!, span: o.q!.span });
      });
      const sig = bits.map((b) => (b ? '1' : '0')).join('');
      const g = groups.get(sig);
      if (g) g.members.push(element);
      else groups.set(sig, { element, members: [element], bits });
    }
    return groups;
  }

  /** Single fields read by the missed tests, tried at candidate values: the best change, while one helps. */
  private moveFields(input: Input, cube: Cube, vars: ReadonlyMap<number, AtomLeaf>, missed: number[], type: RecordType): [Input, number[]] {
    for (let step = 0; step < 8 && missed.length > 0 && this.spent < BUDGET; step++) {
      const fields = new Set<string>();
      for (const i of missed) {
        const leaf = vars.get(i)!;
        for (const path of inputReads(leaf.condition, leaf.program)) fields.add(path);
      }
      let best: [Input, number[]] | null = null;
      for (const key of fields) {
        const path = key.split('.');
        const t = scalarAt(type, path);
        if (t === null) continue;
        for (const value of this.candidates.values(t, input)) {
          if (this.spent > BUDGET) break;
          const next = setAt(input, path, value);
          const m = this.missed(next, cube, vars);
          if (m.length < (best?.[1].length ?? missed.length)) best = [next, m];
        }
      }
      if (best === null) break;
      [input, missed] = best;
    }
    return [input, missed];
  }
}

/** A test over a list: a count, a quantifier, or (sets) a member test. */
interface Over {
  readonly v: ModelVar;
  readonly leaf: AtomLeaf;
  readonly q: Quantifier | null;
  readonly kind: 'count' | 'any' | 'all' | 'member';
}

/** Candidate elements with one signature: the first stands for all (lists); sets use each member once. */
interface Group {
  readonly element: unknown;
  readonly members: unknown[];
  readonly bits: boolean[];
}

/** A list or set field below the input (not inside a list), and its element type. */
interface ListPath {
  readonly path: readonly string[];
  readonly element: Type;
  readonly set: boolean;
}

function listPaths(type: RecordType, path: readonly string[] = []): ListPath[] {
  return type.fields.flatMap((f): ListPath[] => {
    const p = [...path, f.name];
    if (f.type.kind === 'list') return [{ path: p, element: f.type.element, set: false }];
    if (f.type.kind === 'set') return [{ path: p, element: f.type.element, set: true }];
    if (f.type.kind === 'record') return listPaths(f.type, p);
    return [];
  });
}

/** The scalar type at a path (not through a list), or null. */
function scalarAt(type: RecordType, path: readonly string[]): Type | null {
  let t: Type = type;
  for (const key of path) {
    if (t.kind !== 'record') return null;
    const f: { type: Type } | undefined = t.fields.find((x) => x.name === key);
    if (!f) return null;
    t = f.type;
  }
  return t.kind === 'record' || t.kind === 'list' || t.kind === 'set' ? null : t;
}

/** A copy of `input` with `value` at `path` (records along the way copied, created when absent). */
export function setAt(input: Input, path: readonly string[], value: unknown): Input {
  const [head, ...rest] = path;
  const copy: Input = { ...input };
  if (rest.length === 0) copy[head!] = value;
  else {
    const below = input[head!];
    copy[head!] = setAt(below !== null && typeof below === 'object' && !Array.isArray(below) ? (below as Input) : {}, rest, value);
  }
  return copy;
}

/** The class of a variable read straight from the input's field (a cut no test reads). */
function fieldClass(v: ModelVar, input: Input): number | null {
  let value: unknown = input;
  const given = v.key === `${v.path.join('.')}?`;
  for (const key of v.path) value = value !== null && typeof value === 'object' ? (value as Input)[key] : undefined;
  if (given) return value === undefined || value === null ? 0 : 1;
  if (value === undefined || value === null) return null;
  if (v.kind === 'member') return Array.isArray(value) && value.includes(v.member) ? 1 : 0;
  return classIndex(v, value as Value);
}

function classIndex(v: ModelVar, value: Value): number | null {
  for (let k = 0; k < v.classes.length; k++) {
    const c = v.classes[k]!;
    if (c.kind === 'values') {
      if (c.values.includes(value as string)) return k;
    } else if (c.kind === 'range') {
      const n = v.kind === 'date' ? dayNumber(value as string) : (value as number);
      if (n >= c.lo && n <= c.hi) return k;
    } else if (c.value === value) return k;
  }
  const other = v.classes.findIndex((c) => c.kind === 'values' && c.other);
  return other >= 0 && v.kind === 'string' ? other : null;
}

/** Whether a leaf test reads a value an absent optional field leaves undefined (the test is then guarded off). */
function readsAbsent(c: Condition, e: ConditionEvaluator): boolean {
  switch (c.kind) {
    case 'field':
    case 'has':
      return e.read(c.root, c.path) === undefined || e.read(c.root, c.path) === null;
    case 'compare':
      return [c.left, c.right].some((o) => absentValue(o, e));
    case 'in':
      return absentValue(c.operand, e);
    case 'contains':
      return absentValue(c.set, e) || absentValue(c.value, e);
    default:
      return false;
  }
}

function absentValue(o: Operand, e: ConditionEvaluator): boolean {
  if (o.kind === 'literal') return false;
  const v = e.value(o);
  return v === undefined || v === null;
}
