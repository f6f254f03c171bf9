import type { Condition, Value } from '../checker/program.js';
import { leafOf } from './leaf.js';
import { sample, testOnClass, type FiniteModel } from './model.js';

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
      default: {
        const leaf = leafOf(c);
        if (leaf.kind === 'const') return leaf.value ? DecisionDiagrams.TRUE : DecisionDiagrams.FALSE;
        return this.leaf(c, leaf.key);
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
