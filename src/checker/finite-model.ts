import type { CompareOp, Condition, EnumType, Operand, Type, Value } from './program.js';
import { compareCodePoints } from '../diagnostics/text.js';

/**
 * The finite "cut" model of a policy's input space, and exact decision diagrams over it.
 *
 * A condition only ever compares a field with literals, so the values of each field fall into
 * a few classes that no condition can tell apart:
 *
 * - an `int` or `date` field is cut into intervals at the literals it is compared with
 *   (`followers > 100_000` cuts at 100_001), plus any extra cuts (a policy set's effective dates);
 * - an enum field: one class per member some condition names, one class for all the others;
 * - a string field: one class per literal, one for every other string;
 * - a bool field: false, true; `set has member`: one bool atom per member named;
 * - a comparison of two fields: an opaque bool atom (the only inexact case: `exact` is false).
 *
 * Fields no condition tests are not variables at all (one class). A **point** of the model is
 * one class for every variable; the model has ∏ |classes| points, and every input falls in
 * exactly one of them. Within a point every condition has one value, so whatever is decided on
 * a point's representative is decided for every input in it.
 *
 * Decision diagrams (reduced, ordered, multi-valued, hash-consed) represent functions from
 * points to terminals: `false`/`true` for conditions, decisions for whole policies, pairs of
 * decisions for a diff. They are built symbolically (`condition`, `and`, `mapN`), never by
 * enumerating points, and give counts and disjoint cubes of points exactly.
 */

export type VarKind = 'bool' | 'member' | 'enum' | 'string' | 'int' | 'date' | 'opaque';

export type VarClass =
  | { readonly kind: 'bool'; readonly value: boolean }
  /** Enum members (one named member, or every member no condition names) or one string literal. */
  | { readonly kind: 'values'; readonly values: readonly string[]; readonly other: boolean }
  /** Inclusive range; dates as day numbers. */
  | { readonly kind: 'range'; readonly lo: number; readonly hi: number };

export interface ModelVar {
  readonly index: number;
  /** `author.role`, `categories#hateful_conduct`, `(author.followers > author.strikes)`. */
  readonly key: string;
  /** The field tested (the set field for `member`; empty for `opaque`). */
  readonly path: readonly string[];
  readonly kind: VarKind;
  /** `member`: the set member it stands for. */
  readonly member?: string;
  /** `enum`: the enum type; `int`: the type's bounds. */
  readonly type?: Type;
  readonly classes: readonly VarClass[];
}

export interface FiniteModel {
  readonly vars: readonly ModelVar[];
  readonly byKey: ReadonlyMap<string, ModelVar>;
  /** False when some condition compares two fields (treated as independent atoms). */
  readonly exact: boolean;
}

export const keyOf = (path: readonly string[]): string => path.join('.');

const INT_MIN = Number.MIN_SAFE_INTEGER;
const INT_MAX = Number.MAX_SAFE_INTEGER;
export const DATE_MIN = '0001-01-01';
export const DATE_MAX = '9999-12-31';

export function dayNumber(iso: string): number {
  const ms = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  // Date.UTC maps years 0–99 to 1900–1999; fix them up.
  const year = Number(iso.slice(0, 4));
  const d = new Date(ms);
  if (year < 100) d.setUTCFullYear(year);
  return Math.round(d.getTime() / 86_400_000);
}

export function isoDate(day: number): string {
  const d = new Date(day * 86_400_000);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

interface Pending {
  key: string;
  path: readonly string[];
  kind: VarKind;
  member?: string;
  type?: Type;
  /** enum: named members; string: literals. */
  named: Set<string>;
  /** int/date: b such that tests may differ between b-1 and b. */
  cuts: Set<number>;
  min: number;
  max: number;
}

/** Collects the variables and cut points of a set of conditions. */
export class ModelBuilder {
  private readonly pending = new Map<string, Pending>();
  private exact = true;

  /** Adds every test of `condition`, following context references (each body once per map). */
  addCondition(condition: Condition, contexts: ReadonlyMap<string, Condition>): this {
    this.collect(condition, contexts, new Set());
    return this;
  }

  /** Extra cut of an ordered field (e.g. an effective date: the version changes at `value`). */
  addCut(path: readonly string[], type: Type, value: Value): this {
    const p = this.var(keyOf(path), path, type);
    if (p && (p.kind === 'int' || p.kind === 'date')) p.cuts.add(p.kind === 'date' ? dayNumber(value as string) : (value as number));
    return this;
  }

  /** Variables in first-appearance order, except `first` (keys) which come first, in that order. */
  build(first: readonly string[] = []): FiniteModel {
    const keys = [...first.filter((k) => this.pending.has(k)), ...[...this.pending.keys()].filter((k) => !first.includes(k))];
    const vars: ModelVar[] = keys.map((key, index) => {
      const p = this.pending.get(key)!;
      return {
        index,
        key,
        path: p.path,
        kind: p.kind,
        ...(p.member !== undefined ? { member: p.member } : {}),
        ...(p.type !== undefined ? { type: p.type } : {}),
        classes: classesOf(p),
      };
    });
    return { vars, byKey: new Map(vars.map((v) => [v.key, v])), exact: this.exact };
  }

  private collect(c: Condition, contexts: ReadonlyMap<string, Condition>, seen: Set<string>): void {
    switch (c.kind) {
      case 'const':
        return;
      case 'field':
        this.var(keyOf(c.path), c.path, { kind: 'bool' });
        return;
      case 'context': {
        const body = contexts.get(c.name);
        if (body && !seen.has(c.name)) {
          seen.add(c.name);
          this.collect(body, contexts, seen);
        }
        return;
      }
      case 'not':
        this.collect(c.operand, contexts, seen);
        return;
      case 'and':
      case 'or':
        for (const o of c.operands) this.collect(o, contexts, seen);
        return;
      case 'has':
        this.memberVar(c.path, c.member);
        return;
      case 'in':
        if (c.operand.kind === 'field') for (const v of c.values) this.literal(c.operand, '==', v);
        return;
      case 'compare': {
        const { left, right } = c;
        if (left.kind === 'field' && right.kind === 'field') {
          this.exact = false;
          const key = opaqueKey(c);
          if (!this.pending.has(key)) {
            this.pending.set(key, { key, path: [], kind: 'opaque', named: new Set(), cuts: new Set(), min: 0, max: 0 });
          }
          return;
        }
        if (left.kind === 'field' && right.kind === 'literal') this.literal(left, c.op, right.value);
        else if (right.kind === 'field' && left.kind === 'literal') this.literal(right, flip(c.op), left.value);
        return;
      }
    }
  }

  private memberVar(path: readonly string[], member: string): void {
    const key = `${keyOf(path)}#${member}`;
    if (!this.pending.has(key)) {
      this.pending.set(key, { key, path, kind: 'member', member, named: new Set(), cuts: new Set(), min: 0, max: 0 });
    }
  }

  private var(key: string, path: readonly string[], type: Type): Pending | null {
    const existing = this.pending.get(key);
    const kind: VarKind | null =
      type.kind === 'bool' ? 'bool' : type.kind === 'enum' ? 'enum' : type.kind === 'string' ? 'string' : type.kind === 'int' ? 'int' : type.kind === 'date' ? 'date' : null;
    if (kind === null) return null;
    if (existing) {
      if (existing.kind === 'int' && type.kind === 'int') {
        // The same field declared with other bounds by another version: the union of both.
        existing.min = Math.min(existing.min, type.min ?? INT_MIN);
        existing.max = Math.max(existing.max, type.max ?? INT_MAX);
      }
      if (existing.kind === 'enum' && type.kind === 'enum' && existing.type !== type) {
        const members = [...(existing.type as EnumType).members];
        for (const m of type.members) if (!members.includes(m)) members.push(m);
        existing.type = { ...(existing.type as EnumType), members };
      }
      return existing;
    }
    const p: Pending = {
      key,
      path,
      kind,
      type,
      named: new Set(),
      cuts: new Set(),
      min: type.kind === 'int' ? (type.min ?? INT_MIN) : kind === 'date' ? dayNumber(DATE_MIN) : 0,
      max: type.kind === 'int' ? (type.max ?? INT_MAX) : kind === 'date' ? dayNumber(DATE_MAX) : 0,
    };
    this.pending.set(key, p);
    return p;
  }

  private literal(field: Extract<Operand, { kind: 'field' }>, op: CompareOp, value: Value): void {
    const p = this.var(keyOf(field.path), field.path, field.type);
    if (!p) return;
    if (p.kind === 'enum' || p.kind === 'string') {
      p.named.add(value as string);
      return;
    }
    if (p.kind !== 'int' && p.kind !== 'date') return;
    const n = p.kind === 'date' ? dayNumber(value as string) : (value as number);
    switch (op) {
      case '<':
      case '>=':
        p.cuts.add(n);
        return;
      case '<=':
      case '>':
        p.cuts.add(n + 1);
        return;
      default:
        p.cuts.add(n);
        p.cuts.add(n + 1);
    }
  }
}

function flip(op: CompareOp): CompareOp {
  return op === '<' ? '>' : op === '>' ? '<' : op === '<=' ? '>=' : op === '>=' ? '<=' : op;
}

export function opaqueKey(c: Extract<Condition, { kind: 'compare' }>): string {
  const side = (o: Operand) => (o.kind === 'field' ? keyOf(o.path) : String(o.value));
  return `(${side(c.left)} ${c.op} ${side(c.right)})`;
}

function classesOf(p: Pending): VarClass[] {
  switch (p.kind) {
    case 'bool':
    case 'member':
    case 'opaque':
      return [
        { kind: 'bool', value: false },
        { kind: 'bool', value: true },
      ];
    case 'enum': {
      const members = (p.type as EnumType).members;
      const classes: VarClass[] = [];
      const others = members.filter((m) => !p.named.has(m));
      let otherPlaced = false;
      for (const m of members) {
        if (p.named.has(m)) classes.push({ kind: 'values', values: [m], other: false });
        else if (!otherPlaced) {
          classes.push({ kind: 'values', values: others, other: true });
          otherPlaced = true;
        }
      }
      return classes;
    }
    case 'string':
      return [...[...p.named].sort(compareCodePoints).map((s): VarClass => ({ kind: 'values', values: [s], other: false })), { kind: 'values', values: [], other: true }];
    case 'int':
    case 'date': {
      const cuts = [...p.cuts].filter((b) => b > p.min && b <= p.max).sort((a, b) => a - b);
      const classes: VarClass[] = [];
      let lo = p.min;
      for (const b of cuts) {
        classes.push({ kind: 'range', lo, hi: b - 1 });
        lo = b;
      }
      classes.push({ kind: 'range', lo, hi: p.max });
      return classes;
    }
  }
}

/**
 * A value of the class, for examples: a boundary value for ranges (the top of a range that
 * starts at the type's minimum, otherwise its bottom), the first member of an enum class,
 * a string no condition names for the string "other" class.
 */
export function representative(v: ModelVar, classIndex: number): Value {
  const c = v.classes[classIndex]!;
  switch (c.kind) {
    case 'bool':
      return c.value;
    case 'values': {
      if (c.values.length > 0) return c.values[0]!;
      const named = new Set(v.classes.flatMap((k) => (k.kind === 'values' ? k.values : [])));
      let candidate = 'other';
      for (let i = 2; named.has(candidate); i++) candidate = `other_${i}`;
      return candidate;
    }
    case 'range': {
      // The top of the first range (the last value below a cut), otherwise the bottom.
      let value = classIndex === 0 && v.classes.length > 1 ? c.hi : c.lo;
      if (v.classes.length === 1) value = v.kind === 'int' && c.lo <= 0 && c.hi >= 0 ? 0 : c.lo;
      return v.kind === 'date' ? isoDate(value) : value;
    }
  }
}

/** The value of one leaf test of `condition` on one class of its variable. */
function testOnClass(c: Condition, v: ModelVar, klass: VarClass): boolean {
  switch (c.kind) {
    case 'field':
    case 'has':
      return (klass as { value: boolean }).value;
    case 'in': {
      const value = sample(v, klass);
      return c.values.includes(value) !== c.negated;
    }
    case 'compare': {
      if (v.kind === 'opaque') return (klass as { value: boolean }).value;
      const value = sample(v, klass);
      return c.left.kind === 'field' ? compareValues(c.op, value, (c.right as { value: Value }).value) : compareValues(c.op, (c.left as { value: Value }).value, value);
    }
    default:
      throw new Error(`not a leaf test: ${c.kind}`);
  }
}

/** Any member of the class: all behave alike under every test of the model. */
function sample(v: ModelVar, klass: VarClass): Value {
  switch (klass.kind) {
    case 'bool':
      return klass.value;
    case 'values':
      return klass.values[0] ?? '\u0000other';
    case 'range':
      return v.kind === 'date' ? isoDate(klass.lo) : klass.lo;
  }
}

export function compareValues(op: string, l: Value, r: Value): boolean {
  switch (op) {
    case '==':
      return l === r;
    case '!=':
      return l !== r;
    case '<':
      return l < r;
    case '<=':
      return l <= r;
    case '>':
      return l > r;
    default:
      return l >= r;
  }
}

/** Too many nodes: the caller gets a verdict of "unknown" or an error, never a hang. */
export class BudgetExceeded extends Error {
  constructor(readonly limit: number) {
    super(`decision diagram larger than ${limit} nodes`);
    this.name = 'BudgetExceeded';
  }
}

/** A set of points: for every variable, the classes allowed (a bit string, '1' = allowed). */
export type Cube = readonly string[];

/**
 * Reduced ordered multi-valued decision diagrams over one model. Node ids are numbers;
 * `FALSE` (0) and `TRUE` (1) are terminals, and `terminal(key, value)` makes others.
 */
export class DecisionDiagrams {
  static readonly FALSE = 0;
  static readonly TRUE = 1;
  /** Variable index of each node; terminals have `vars.length`. */
  private readonly level: number[] = [];
  private readonly kids: (readonly number[] | null)[] = [];
  private readonly values: unknown[] = [];
  /** Hash of (variable, children) → node ids with that hash (compared in full on lookup). */
  private readonly unique = new Map<number, number | number[]>();
  private readonly terminals = new Map<string, number>();
  private readonly andMemo = new Map<number, number>();
  private readonly orMemo = new Map<number, number>();
  private readonly notMemo = new Map<number, number>();
  private readonly contextMemo = new WeakMap<ReadonlyMap<string, Condition>, Map<string, number>>();
  private readonly sink: number;

  /** Children looked at by `node` so far: the work done, which `workBudget` bounds. */
  private work = 0;

  /**
   * `budget` bounds the nodes kept; `workBudget` the total children of nodes built (hits
   * included). Nodes of a field cut at thousands of literals are thousands wide, so a few
   * thousand such steps are already seconds of work while the node count is still small.
   */
  constructor(
    readonly model: FiniteModel,
    private readonly budget = 4_000_000,
    private readonly workBudget = Number.POSITIVE_INFINITY,
  ) {
    this.sink = model.vars.length;
    this.terminal('false', false);
    this.terminal('true', true);
  }

  get size(): number {
    return this.level.length;
  }

  /** The work done so far (see `workBudget`). */
  get workDone(): number {
    return this.work;
  }

  terminal(key: string, value: unknown): number {
    let id = this.terminals.get(key);
    if (id === undefined) {
      id = this.level.length;
      this.level.push(this.sink);
      this.kids.push(null);
      this.values.push(value);
      this.terminals.set(key, id);
    }
    return id;
  }

  isTerminal(f: number): boolean {
    return this.level[f] === this.sink;
  }

  value(f: number): unknown {
    return this.values[f];
  }

  varOf(f: number): number {
    return this.level[f]!;
  }

  childrenOf(f: number): readonly number[] {
    return this.kids[f]!;
  }

  /** The node testing variable `v` with one child per class (reduced: equal children collapse). */
  node(v: number, children: readonly number[]): number {
    this.work += children.length;
    if (this.work > this.workBudget) throw new BudgetExceeded(this.budget);
    const first = children[0]!;
    let hash = v + 1;
    let all = true;
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      if (c !== first) all = false;
      hash = (Math.imul(hash, 0x01000193) ^ c) | 0;
    }
    if (all) return first;
    const bucket = this.unique.get(hash);
    if (bucket !== undefined) {
      if (typeof bucket === 'number') {
        if (this.sameNode(bucket, v, children)) return bucket;
      } else {
        for (const id of bucket) if (this.sameNode(id, v, children)) return id;
      }
    }
    if (this.level.length >= this.budget) throw new BudgetExceeded(this.budget);
    const id = this.level.length;
    this.level.push(v);
    this.kids.push(children);
    this.values.push(undefined);
    if (bucket === undefined) this.unique.set(hash, id);
    else if (typeof bucket === 'number') this.unique.set(hash, [bucket, id]);
    else bucket.push(id);
    return id;
  }

  private sameNode(id: number, v: number, children: readonly number[]): boolean {
    if (this.level[id] !== v) return false;
    const kids = this.kids[id]!;
    for (let i = 0; i < kids.length; i++) if (kids[i] !== children[i]) return false;
    return true;
  }

  /** The cofactor of `f` for class `c` of variable `v` (`v` at or above f's variable). */
  private cofactor(f: number, v: number, c: number): number {
    return this.level[f] === v ? this.kids[f]![c]! : f;
  }

  /** Restricts `f` to class `c` of variable `v`, anywhere in the diagram. */
  restrict(f: number, v: number, c: number, memo = new Map<number, number>()): number {
    const level = this.level[f]!;
    if (level > v) return f;
    if (level === v) return this.kids[f]![c]!;
    const cached = memo.get(f);
    if (cached !== undefined) return cached;
    const result = this.node(
      level,
      this.kids[f]!.map((k) => this.restrict(k, v, c, memo)),
    );
    memo.set(f, result);
    return result;
  }

  not(f: number): number {
    if (f === DecisionDiagrams.FALSE) return DecisionDiagrams.TRUE;
    if (f === DecisionDiagrams.TRUE) return DecisionDiagrams.FALSE;
    const cached = this.notMemo.get(f);
    if (cached !== undefined) return cached;
    const result = this.node(
      this.level[f]!,
      this.kids[f]!.map((k) => this.not(k)),
    );
    this.notMemo.set(f, result);
    this.notMemo.set(result, f);
    return result;
  }

  and(f: number, g: number): number {
    const { FALSE, TRUE } = DecisionDiagrams;
    if (f === FALSE || g === FALSE) return FALSE;
    if (f === TRUE) return g;
    if (g === TRUE || f === g) return f;
    return this.binary('&', f, g);
  }

  or(f: number, g: number): number {
    const { FALSE, TRUE } = DecisionDiagrams;
    if (f === TRUE || g === TRUE) return TRUE;
    if (f === FALSE) return g;
    if (g === FALSE || f === g) return f;
    return this.binary('|', f, g);
  }

  private binary(op: '&' | '|', f: number, g: number): number {
    if (f > g) [f, g] = [g, f];
    const memo = op === '&' ? this.andMemo : this.orMemo;
    const key = f * 4_194_304 + g;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    const lf = this.level[f]!;
    const lg = this.level[g]!;
    const v = lf < lg ? lf : lg;
    const n = this.model.vars[v]!.classes.length;
    const children: number[] = new Array(n);
    for (let c = 0; c < n; c++) {
      const a = lf === v ? this.kids[f]![c]! : f;
      const b = lg === v ? this.kids[g]![c]! : g;
      children[c] = op === '&' ? this.and(a, b) : this.or(a, b);
    }
    const result = this.node(v, children);
    memo.set(key, result);
    return result;
  }

  /**
   * Combines several diagrams point by point: `leaf` gets the terminal values of every operand
   * on a point and returns a terminal id. Memoised on the operands' node ids.
   */
  mapN(operands: readonly number[], leaf: (values: readonly unknown[]) => number): number {
    if (operands.length === 1) return this.map1(operands[0]!, leaf);
    if (operands.length === 2) return this.map2(operands[0]!, operands[1]!, leaf);
    const memo = new Map<string, number>();
    const go = (fs: readonly number[]): number => {
      let v = this.sink;
      for (const f of fs) if (this.level[f]! < v) v = this.level[f]!;
      if (v === this.sink) return leaf(fs.map((f) => this.values[f]));
      const key = fs.join(',');
      const cached = memo.get(key);
      if (cached !== undefined) return cached;
      const n = this.model.vars[v]!.classes.length;
      const children: number[] = [];
      for (let c = 0; c < n; c++) children.push(go(fs.map((f) => this.cofactor(f, v, c))));
      const result = this.node(v, children);
      memo.set(key, result);
      return result;
    };
    return go(operands);
  }

  private map1(f: number, leaf: (values: readonly unknown[]) => number): number {
    const memo = new Map<number, number>();
    const go = (g: number): number => {
      if (this.level[g] === this.sink) return leaf([this.values[g]]);
      const cached = memo.get(g);
      if (cached !== undefined) return cached;
      const result = this.node(
        this.level[g]!,
        this.kids[g]!.map((k) => go(k)),
      );
      memo.set(g, result);
      return result;
    };
    return go(f);
  }

  private map2(f: number, g: number, leaf: (values: readonly unknown[]) => number): number {
    const memo = new Map<number, number>();
    const go = (a: number, b: number): number => {
      const la = this.level[a]!;
      const lb = this.level[b]!;
      const v = la < lb ? la : lb;
      if (v === this.sink) return leaf([this.values[a], this.values[b]]);
      const key = a * 4_194_304 + b;
      const cached = memo.get(key);
      if (cached !== undefined) return cached;
      const n = this.model.vars[v]!.classes.length;
      const children: number[] = new Array(n);
      for (let c = 0; c < n; c++) children[c] = go(la === v ? this.kids[a]![c]! : a, lb === v ? this.kids[b]![c]! : b);
      const result = this.node(v, children);
      memo.set(key, result);
      return result;
    };
    return go(f, g);
  }

  /** The diagram of a condition (true/false terminals); contexts are built once per map. */
  condition(c: Condition, contexts: ReadonlyMap<string, Condition>): number {
    switch (c.kind) {
      case 'const':
        return c.value ? DecisionDiagrams.TRUE : DecisionDiagrams.FALSE;
      case 'context': {
        let memo = this.contextMemo.get(contexts);
        if (!memo) {
          memo = new Map();
          this.contextMemo.set(contexts, memo);
        }
        let id = memo.get(c.name);
        if (id === undefined) {
          const body = contexts.get(c.name);
          id = body ? this.condition(body, contexts) : DecisionDiagrams.FALSE;
          memo.set(c.name, id);
        }
        return id;
      }
      case 'not':
        return this.not(this.condition(c.operand, contexts));
      case 'and': {
        let acc: number = DecisionDiagrams.TRUE;
        for (const o of c.operands) {
          acc = this.and(acc, this.condition(o, contexts));
          if (acc === DecisionDiagrams.FALSE) break;
        }
        return acc;
      }
      case 'or': {
        let acc: number = DecisionDiagrams.FALSE;
        for (const o of c.operands) {
          acc = this.or(acc, this.condition(o, contexts));
          if (acc === DecisionDiagrams.TRUE) break;
        }
        return acc;
      }
      case 'field':
        return this.leaf(c, keyOf(c.path));
      case 'has':
        return this.leaf(c, `${keyOf(c.path)}#${c.member}`);
      case 'in':
        if (c.operand.kind === 'literal') return c.values.includes(c.operand.value) !== c.negated ? DecisionDiagrams.TRUE : DecisionDiagrams.FALSE;
        return this.leaf(c, keyOf(c.operand.path));
      case 'compare': {
        const { left, right } = c;
        if (left.kind === 'literal' && right.kind === 'literal') {
          return compareValues(c.op, left.value, right.value) ? DecisionDiagrams.TRUE : DecisionDiagrams.FALSE;
        }
        if (left.kind === 'field' && right.kind === 'field') return this.leaf(c, opaqueKey(c));
        return this.leaf(c, keyOf((left.kind === 'field' ? left : right as Extract<Operand, { kind: 'field' }>).path));
      }
    }
  }

  private leaf(c: Condition, key: string): number {
    const v = this.model.byKey.get(key);
    if (!v) throw new Error(`no model variable for \`${key}\`: build the model from this condition first`);
    // `x in {…}` with thousands of values: one Set, not a scan of the values per class.
    const values = c.kind === 'in' && c.values.length > 16 ? new Set<Value>(c.values) : null;
    return this.node(
      v.index,
      v.classes.map((k) =>
        (values && c.kind === 'in' ? values.has(sample(v, k)) !== c.negated : testOnClass(c, v, k)) ? DecisionDiagrams.TRUE : DecisionDiagrams.FALSE,
      ),
    );
  }

  /** The number of points on which `accept(terminal)` holds. */
  count(f: number, accept: (terminal: number) => boolean): bigint {
    const memo = new Map<number, bigint>();
    const vars = this.model.vars;
    const width = (from: number, to: number) => {
      let n = 1n;
      for (let i = from; i < to; i++) n *= BigInt(vars[i]!.classes.length);
      return n;
    };
    const go = (g: number): bigint => {
      if (this.level[g] === this.sink) return accept(g) ? 1n : 0n;
      const cached = memo.get(g);
      if (cached !== undefined) return cached;
      const v = this.level[g]!;
      let total = 0n;
      for (const k of this.kids[g]!) total += go(k) * width(v + 1, this.level[k]!);
      memo.set(g, total);
      return total;
    };
    return go(f) * width(0, this.level[f]!);
  }

  /**
   * Disjoint cubes covering exactly the points where `accept(terminal)` holds, grouped by
   * terminal: one per path of the diagram, classes that lead to the same child sharing a path.
   * Throws BudgetExceeded past `limit` cubes.
   */
  cubes(f: number, accept: (terminal: number) => boolean, limit = 200_000): Map<number, Cube[]> {
    const vars = this.model.vars;
    const full = vars.map((v) => '1'.repeat(v.classes.length));
    const out = new Map<number, Cube[]>();
    let emitted = 0;
    // Sub-diagrams with no accepted terminal are skipped without walking them twice.
    const reaches = new Map<number, boolean>();
    const live = (g: number): boolean => {
      if (this.level[g] === this.sink) return accept(g);
      let r = reaches.get(g);
      if (r === undefined) {
        r = this.kids[g]!.some(live);
        reaches.set(g, r);
      }
      return r;
    };
    const cube = [...full];
    const go = (g: number): void => {
      if (!live(g)) return;
      if (this.level[g] === this.sink) {
        if (++emitted > limit) throw new BudgetExceeded(limit);
        let list = out.get(g);
        if (!list) out.set(g, (list = []));
        list.push([...cube]);
        return;
      }
      const v = this.level[g]!;
      const kids = this.kids[g]!;
      const seen = new Set<number>();
      for (const k of kids) {
        if (seen.has(k)) continue;
        seen.add(k);
        cube[v] = kids.map((x) => (x === k ? '1' : '0')).join('');
        go(k);
      }
      cube[v] = full[v]!;
    };
    go(f);
    return out;
  }

  private stamps = new Int32Array(1024);
  private stamp = 0;

  /** Whether the bool diagram `f` is true on every point of `cube` (a walk, no new nodes). */
  holdsOn(f: number, cube: Cube): boolean {
    return this.walk(f, cube, (t) => t === DecisionDiagrams.TRUE);
  }

  /**
   * Visits each terminal `f` reaches on the points of `cube` (each node once); stops, returning
   * false, as soon as `visit` does.
   */
  walk(f: number, cube: Cube, visit: (terminal: number) => boolean): boolean {
    if (this.stamps.length < this.level.length) {
      const grown = new Int32Array(Math.max(this.level.length, this.stamps.length * 2));
      grown.set(this.stamps);
      this.stamps = grown;
    }
    const stamp = ++this.stamp;
    const stack = [f];
    while (stack.length > 0) {
      const g = stack.pop()!;
      if (this.stamps[g] === stamp) continue;
      this.stamps[g] = stamp;
      if (this.level[g] === this.sink) {
        if (!visit(g)) return false;
        continue;
      }
      const mask = cube[this.level[g]!]!;
      const kids = this.kids[g]!;
      for (let c = 0; c < kids.length; c++) if (mask.charCodeAt(c) === 49) stack.push(kids[c]!);
    }
    return true;
  }

  /** The terminal reached from `f` on one point (a class index per variable). */
  evaluate(f: number, point: readonly number[]): number {
    let g = f;
    while (this.level[g] !== this.sink) g = this.kids[g]![point[this.level[g]!]!]!;
    return g;
  }
}

/** The bool diagram of a cube: true exactly on its points. */
export function cubeDiagram(dd: DecisionDiagrams, cube: Cube): number {
  let f: number = DecisionDiagrams.TRUE;
  for (let v = cube.length - 1; v >= 0; v--) {
    const mask = cube[v]!;
    if (!mask.includes('0')) continue;
    const below = f;
    f = dd.node(
      v,
      [...mask].map((bit) => (bit === '1' ? below : DecisionDiagrams.FALSE)),
    );
  }
  return f;
}

/** The terminals `f` reaches on the points of `cube`. */
export function terminalsWithin(dd: DecisionDiagrams, f: number, cube: Cube): Set<number> {
  const found = new Set<number>();
  dd.walk(f, cube, (t) => {
    found.add(t);
    return true;
  });
  return found;
}

/** Whether the bool diagram `f` is true on every point of `cube`. */
export function holdsOnCube(dd: DecisionDiagrams, f: number, cube: Cube): boolean {
  return dd.holdsOn(f, cube);
}

/**
 * A small cover of the points where the bool diagram `target` holds, by cubes inside it.
 * `cubes` must partition those points (e.g. the paths of a diagram). Each is first merged with
 * its neighbours (`mergeCubes`), then grown one variable at a time while it stays inside
 * `target` (towards a prime implicant); grown cubes are then taken largest first while they
 * contain a piece of the partition no cube taken so far contains, and finally a cube is
 * dropped when every piece it contains is contained in another cube kept. Every piece lies in
 * a kept cube, so the cover is exact; its cubes may overlap.
 */
export function coverCubes(dd: DecisionDiagrams, target: number, cubes: readonly Cube[], maxExpand = 4_000): Cube[] {
  const pieces = mergeCubes(cubes);
  if (pieces.length > maxExpand) return pieces;
  const grown = new Map<string, Cube>();
  for (const cube of pieces) {
    const c = [...cube];
    for (let v = 0; v < c.length; v++) {
      const mask = c[v]!;
      if (!mask.includes('0')) continue;
      c[v] = '1'.repeat(mask.length);
      if (holdsOnCube(dd, target, c)) continue;
      c[v] = mask;
      if (mask.length <= 2) continue;
      for (let k = 0; k < mask.length; k++) {
        if (c[v]![k] === '1') continue;
        const before = c[v]!;
        c[v] = before.slice(0, k) + '1' + before.slice(k + 1);
        if (!holdsOnCube(dd, target, c)) c[v] = before;
      }
    }
    grown.set(c.join('|'), c);
  }
  const flat = (c: Cube) => c.join('');
  const pieceText = pieces.map(flat);
  const candidates = [...grown.values()]
    .map((cube) => ({ cube, text: flat(cube), points: cubePoints(cube) }))
    .sort((a, b) => (a.points > b.points ? -1 : a.points < b.points ? 1 : 0));
  const covered = new Array<boolean>(pieces.length).fill(false);
  const chosen: { cube: Cube; pieces: number[] }[] = [];
  for (const candidate of candidates) {
    const inside: number[] = [];
    let fresh = false;
    pieceText.forEach((p, i) => {
      if (!subset(p, candidate.text)) return;
      inside.push(i);
      if (!covered[i]) fresh = true;
    });
    if (!fresh) continue;
    for (const i of inside) covered[i] = true;
    chosen.push({ cube: candidate.cube, pieces: inside });
  }
  // Drop a cube whose pieces all lie in other kept cubes (from the smallest).
  const count = new Array<number>(pieces.length).fill(0);
  for (const c of chosen) for (const i of c.pieces) count[i]!++;
  const kept: Cube[] = [];
  for (let k = chosen.length - 1; k >= 0; k--) {
    const c = chosen[k]!;
    if (c.pieces.every((i) => count[i]! > 1)) {
      for (const i of c.pieces) count[i]!--;
      continue;
    }
    kept.push(c.cube);
  }
  return kept.reverse();
}

/** Every point of `inner` is in `outer` (both flat masks). */
function subset(inner: string, outer: string): boolean {
  for (let i = 0; i < inner.length; i++) if (inner.charCodeAt(i) === 49 && outer.charCodeAt(i) === 48) return false;
  return true;
}

/** Points of a cube: the product of its allowed class counts. */
export function cubePoints(cube: Cube): bigint {
  let n = 1n;
  for (const mask of cube) {
    let k = 0;
    for (const ch of mask) if (ch === '1') k++;
    n *= BigInt(k);
  }
  return n;
}

/**
 * Merges disjoint cubes that differ in one variable only (their union is again a cube), until
 * no two do. The result covers the same points, still disjointly, with fewer cubes.
 */
export function mergeCubes(cubes: readonly Cube[]): Cube[] {
  if (cubes.length < 2) return cubes.map((c) => [...c]);
  const widths = cubes[0]!.map((m) => m.length);
  const offsets = [0];
  for (const w of widths) offsets.push(offsets[offsets.length - 1]! + w);
  // One string per cube (the masks side by side): keys are cheap slices.
  let current = cubes.map((c) => c.join(''));
  let changed = true;
  while (changed) {
    changed = false;
    for (let v = 0; v < widths.length; v++) {
      const a = offsets[v]!;
      const b = offsets[v + 1]!;
      const buckets = new Map<string, string[]>();
      for (const c of current) {
        const key = c.slice(0, a) + c.slice(b);
        const list = buckets.get(key);
        if (list) list.push(c);
        else buckets.set(key, [c]);
      }
      if (buckets.size === current.length) continue;
      changed = true;
      current = [];
      for (const group of buckets.values()) {
        if (group.length === 1) {
          current.push(group[0]!);
          continue;
        }
        const first = group[0]!;
        current.push(first.slice(0, a) + orMasks(group.map((c) => c.slice(a, b))) + first.slice(b));
      }
    }
  }
  return current.map((c) => widths.map((_, v) => c.slice(offsets[v]!, offsets[v + 1]!)));
}

function orMasks(masks: readonly string[]): string {
  let out = '';
  for (let i = 0; i < masks[0]!.length; i++) out += masks.some((m) => m[i] === '1') ? '1' : '0';
  return out;
}
