import type { CompareOp, Condition, EnumType, Type, Value } from '../checker/program.js';
import { fieldKey, leafOf } from './leaf.js';
import { compare } from '../semantics/compare.js';
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
    const p = this.var(fieldKey(path), path, type);
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
    }
    const leaf = leafOf(c);
    if (leaf.kind === 'const') return;
    if (leaf.kind === 'opaque') {
      this.exact = false;
      if (!this.pending.has(leaf.key)) {
        this.pending.set(leaf.key, { key: leaf.key, path: [], kind: 'opaque', named: new Set(), cuts: new Set(), min: 0, max: 0 });
      }
      return;
    }
    if (leaf.member !== undefined) {
      this.memberVar(leaf.key, leaf.path, leaf.member);
      return;
    }
    const p = this.var(leaf.key, leaf.path, leaf.type);
    if (!p) return;
    if (c.kind === 'in') for (const v of c.values) this.literal(p, '==', v);
    else if (c.kind === 'compare') {
      if (c.right.kind === 'literal') this.literal(p, c.op, c.right.value);
      else if (c.left.kind === 'literal') this.literal(p, flip(c.op), c.left.value);
    }
  }

  private memberVar(key: string, path: readonly string[], member: string): void {
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

  private literal(p: Pending, op: CompareOp, value: Value): void {
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
export function testOnClass(c: Condition, v: ModelVar, klass: VarClass): boolean {
  if (v.kind === 'bool' || v.kind === 'member' || v.kind === 'opaque') return (klass as { value: boolean }).value;
  const value = sample(v, klass);
  switch (c.kind) {
    case 'in':
      return c.values.includes(value) !== c.negated;
    case 'compare':
      return c.right.kind === 'literal' ? compare(c.op, value, c.right.value) : compare(c.op, (c.left as { value: Value }).value, value);
    default:
      throw new Error(`not a leaf test: ${c.kind}`);
  }
}

/** Any member of the class: all behave alike under every test of the model. */
export function sample(v: ModelVar, klass: VarClass): Value {
  switch (klass.kind) {
    case 'bool':
      return klass.value;
    case 'values':
      return klass.values[0] ?? '\u0000other';
    case 'range':
      return v.kind === 'date' ? isoDate(klass.lo) : klass.lo;
  }
}
