import type { CheckedClause, Condition, EnumType, Operand, Program, Quantifier, Root, Type, Value } from '../../checker/program.js';
import { shiftSql } from './dates.js';
import type { Dialect } from './dialect.js';

/** The alias the input table gets in generated SQL; every column is read through it. */
export const INPUT_ALIAS = 'bylaw_input';

/** `bylaw_input."author"."role"`: a column, then struct fields. */
export function fieldRef(d: Dialect, path: readonly string[]): string {
  return [d.ident(INPUT_ALIAS), ...path.map((p) => d.ident(p))].join('.');
}

/**
 * How conditions read the input. `raw` reads the columns (enums as strings, `has` with the
 * dialect's contains); `features` (DuckDB) reads enums as member indexes and sets as bit masks,
 * computed once per row in an inner query: see features.ts.
 */
export interface Reader {
  /** A field operand: the column, or its feature. */
  field(path: readonly string[], type: Type): string;
  /** An enum member literal compared with the field at `path` (null: with another literal). */
  member(path: readonly string[] | null, type: EnumType, member: string): string;
  /** `set has member`. */
  has(path: readonly string[], element: EnumType, member: string): string;
}

export function rawReader(d: Dialect): Reader {
  return {
    field: (path) => fieldRef(d, path),
    member: (_path, _type, member) => d.string(member),
    has: (path, _element, member) => d.contains(fieldRef(d, path), d.string(member)),
  };
}

/** A literal of a Bylaw type as SQL. */
export function literal(d: Dialect, value: Value, type: Type): string {
  switch (type.kind) {
    case 'bool':
      return value === true ? 'TRUE' : 'FALSE';
    case 'int': {
      const n = value as number;
      if (!Number.isSafeInteger(n)) throw new Error(`int literal out of range: ${String(n)}`);
      return n < 0 ? `(${n})` : String(n);
    }
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error('malformed date literal');
      return `DATE '${value}'`;
    default:
      return d.string(String(value));
  }
}

const OPS = { '==': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' } as const;

/** The lambda parameter a quantifier's element is bound to (a `$` never occurs in a Bylaw name). */
export function elementParam(d: Dialect, id: number): string {
  return d.ident(`$bylaw_e${id}`);
}

/** A read below the input (`bylaw_input."author"."role"`) or below a quantifier's element. */
export function rootRef(d: Dialect, root: Root, path: readonly string[]): string {
  return root === null ? fieldRef(d, path) : [elementParam(d, root), ...path.map((p) => d.ident(p))].join('.');
}

/**
 * Where the DuckDB shape keeps what is worth computing once per row: `hoist` puts an expression
 * in a helper column and returns the column, `level` one more than the deepest helper it reads
 * (features are level 1).
 */
export interface Hoist {
  (expr: string, level: number): string;
}

interface Text {
  readonly sql: string;
  /** The deepest helper column the text reads (1: at most features). */
  readonly level: number;
}

/**
 * Conditions as SQL boolean expressions. Contexts are inlined (each reference re-emits the body,
 * parenthesised); every compound is parenthesised, so precedence never depends on the dialect.
 * Inputs are validated before any condition is trusted, so no operand is NULL where it is used —
 * an optional field is read only under its `exists` guard (the checker's rule), and a guarded
 * read is FALSE AND NULL (FALSE) or TRUE OR NULL (TRUE) where the field is absent.
 *
 * Quantifiers are the dialect's list filters over lambdas (DuckDB `list_filter`, Spark and Trino
 * `filter`), nested as written: an inner `where` reads every enclosing element by its parameter.
 * With `hoist` (DuckDB), what does not depend on an element — a date shift, a quantifier — is
 * computed once per row in a helper column, even where it is written inside a `where`.
 */
export class SqlConditions {
  private readonly contexts: ReadonlyMap<string, Condition>;
  private readonly values: ReadonlyMap<string, Operand>;
  private readonly cache = new Map<string, Text>();
  /** The deepest helper read by the text being built, one entry per enclosing `track`. */
  private readonly levels: number[] = [];

  constructor(
    private readonly d: Dialect,
    program: Program,
    private readonly reader: Reader = rawReader(d),
    private readonly hoist: Hoist | null = null,
  ) {
    this.contexts = new Map(program.contexts.map((c) => [c.name, c.body]));
    this.values = new Map(program.values.map((v) => [v.name, v.value]));
  }

  /** `when and not unless`. */
  clause(clause: CheckedClause): string {
    const when = this.condition(clause.when);
    return clause.unless === null ? when : `(${when} AND NOT ${this.condition(clause.unless)})`;
  }

  /** The clause's condition in a helper column (DuckDB), or as an expression. */
  hoistedClause(clause: CheckedClause): string {
    return this.hoisted(() => this.clause(clause));
  }

  condition(c: Condition): string {
    switch (c.kind) {
      case 'const':
        return c.value ? 'TRUE' : 'FALSE';
      case 'field':
        return c.root === null ? this.reader.field(c.path, { kind: 'bool' }) : rootRef(this.d, c.root, c.path);
      case 'context':
        return this.cached(`c ${c.name}`, () => {
          const body = this.contexts.get(c.name);
          if (body === undefined) throw new Error(`unknown context ${c.name}`);
          return this.condition(body);
        });
      case 'not':
        return `(NOT ${this.condition(c.operand)})`;
      case 'and':
      case 'or': {
        if (c.operands.length === 0) return c.kind === 'and' ? 'TRUE' : 'FALSE';
        if (c.operands.length === 1) return this.condition(c.operands[0]!);
        return `(${c.operands.map((o) => this.condition(o)).join(c.kind === 'and' ? ' AND ' : ' OR ')})`;
      }
      case 'compare': {
        // Enums read from an element are strings: the other side is read as a string too.
        const raw = [c.left, c.right].some((o) => o.kind === 'field' && o.root !== null);
        const path = raw ? null : c.left.kind === 'field' ? c.left.path : c.right.kind === 'field' ? c.right.path : null;
        return `(${this.operand(c.left, path, raw)} ${OPS[c.op]} ${this.operand(c.right, path, raw)})`;
      }
      case 'in': {
        if (c.values.length === 0) return c.negated ? 'TRUE' : 'FALSE';
        const raw = c.operand.kind === 'field' && c.operand.root !== null;
        const path = !raw && c.operand.kind === 'field' ? c.operand.path : null;
        const values = c.values.map((v) => this.literal(v, c.operand.type, path)).join(', ');
        return `(${this.operand(c.operand, path, raw)} ${c.negated ? 'NOT IN' : 'IN'} (${values}))`;
      }
      case 'has':
        return c.root === null ? this.reader.has(c.path, c.element, c.member) : this.d.contains(rootRef(this.d, c.root, c.path), this.d.string(c.member));
      case 'contains':
        return this.d.contains(rootRef(this.d, c.set.root, c.set.path), this.operand(c.value, null, true));
      case 'exists':
        return `(${rootRef(this.d, c.field.root, c.field.path)} IS NOT NULL)`;
      case 'any':
      case 'all':
        return this.quantified(c.quantifier, () => {
          const { quantifier: q } = c;
          const list = rootRef(this.d, q.collection.root, q.collection.path);
          const param = elementParam(this.d, q.id);
          if (c.kind === 'any') return `(${q.where === null ? this.d.length(list) : this.d.countWhere(list, param, this.condition(q.where))} > 0)`;
          return q.where === null ? 'TRUE' : `(${this.d.countWhere(list, param, `NOT ${this.condition(q.where)}`)} = 0)`;
        });
    }
  }

  /**
   * `path`: the field the operand is compared with, for enum literals. `raw`: enums as strings
   * (beside an element's enum, which has no feature).
   */
  private operand(o: Operand, path: readonly string[] | null, raw = false): string {
    switch (o.kind) {
      case 'field':
        return o.root !== null || (raw && o.type.kind === 'enum') ? rootRef(this.d, o.root, o.path) : this.reader.field(o.path, o.type);
      case 'literal':
        return this.literal(o.value, o.type, path);
      case 'shift': {
        const make = () => shiftSql(this.d, this.operand(o.base, null), o.amount, o.unit);
        return freeRoots(o).size === 0 ? this.hoisted(make) : make();
      }
      case 'count':
        return this.quantified(o.quantifier, () => {
          const { quantifier: q } = o;
          const list = rootRef(this.d, q.collection.root, q.collection.path);
          return q.where === null ? this.d.length(list) : this.d.countWhere(list, elementParam(this.d, q.id), this.condition(q.where));
        });
      case 'value':
        return this.cached(`v ${o.name}`, () => {
          const value = this.values.get(o.name);
          if (value === undefined) throw new Error(`unknown value ${o.name}`);
          return this.operand(value, null);
        });
    }
  }

  private literal(value: Value, type: Type, path: readonly string[] | null): string {
    return type.kind === 'enum' ? this.reader.member(path, type, String(value)) : literal(this.d, value, type);
  }

  /** A quantifier: hoisted when it reads no enclosing element. */
  private quantified(q: Quantifier, make: () => string): string {
    return quantifierRoots(q).size === 0 ? this.hoisted(make) : make();
  }

  /** A context or value's text, built once (a context is closed: the same text serves everywhere). */
  private cached(key: string, make: () => string): string {
    let text = this.cache.get(key);
    if (text === undefined) {
      this.levels.push(1);
      const sql = make();
      text = { sql, level: this.levels.pop()! };
      this.cache.set(key, text);
    }
    this.note(text.level);
    return text.sql;
  }

  /** `make`'s text in a helper column one level above what it reads; without helpers, the text. */
  private hoisted(make: () => string): string {
    if (this.hoist === null) return make();
    this.levels.push(1);
    const expr = make();
    const level = this.levels.pop()! + 1;
    this.note(level);
    return this.hoist(expr, level);
  }

  private note(level: number): void {
    const top = this.levels.length - 1;
    if (top >= 0 && this.levels[top]! < level) this.levels[top] = level;
  }
}

/** Whether a version walks lists or moves dates: then helper columns (DuckDB) compute those once per row. */
export function needsHelpers(program: Program): boolean {
  const walks = (x: Operand | Condition): boolean => {
    switch (x.kind) {
      case 'shift':
      case 'count':
      case 'any':
      case 'all':
        return true;
      case 'not':
        return walks(x.operand);
      case 'and':
      case 'or':
        return x.operands.some(walks);
      case 'compare':
        return walks(x.left) || walks(x.right);
      case 'in':
        return walks(x.operand);
      case 'contains':
        return walks(x.value);
      default:
        return false;
    }
  };
  const clauses = [...program.redlines, ...program.rules, ...program.exemptions].flatMap((c) => (c.unless ? [c.when, c.unless] : [c.when]));
  return [...program.contexts.map((c) => c.body), ...program.values.map((v) => v.value), ...clauses].some(walks);
}

/** The quantifier ids an operand or condition reads elements of without binding them. */
function freeRoots(x: Operand | Condition): ReadonlySet<number> {
  let known = free.get(x);
  if (!known) free.set(x, (known = collectRoots(x)));
  return known;
}

const free = new WeakMap<object, ReadonlySet<number>>();

function quantifierRoots(q: Quantifier): ReadonlySet<number> {
  let known = free.get(q);
  if (!known) {
    const roots = new Set<number>([...rootsOf(q.collection.root), ...(q.where ? freeRoots(q.where) : [])]);
    roots.delete(q.id);
    free.set(q, (known = roots));
  }
  return known;
}

const rootsOf = (root: Root): number[] => (root === null ? [] : [root]);

function collectRoots(x: Operand | Condition): ReadonlySet<number> {
  switch (x.kind) {
    case 'field':
      return new Set(rootsOf(x.root));
    case 'has':
      return new Set(rootsOf(x.root));
    case 'exists':
      return new Set(rootsOf(x.field.root));
    case 'contains':
      return new Set([...rootsOf(x.set.root), ...freeRoots(x.value)]);
    case 'shift':
      return freeRoots(x.base);
    case 'count':
    case 'any':
    case 'all':
      return quantifierRoots(x.quantifier);
    case 'not':
      return freeRoots(x.operand);
    case 'and':
    case 'or':
      return new Set(x.operands.flatMap((o) => [...freeRoots(o)]));
    case 'compare':
      return new Set([...freeRoots(x.left), ...freeRoots(x.right)]);
    case 'in':
      return freeRoots(x.operand);
    // Contexts and values are declared outside every quantifier: they read no element.
    case 'context':
    case 'value':
    case 'const':
    case 'literal':
      return new Set();
  }
}

/** Set members one of which must be in the set at `path` (per set field) for a condition to hold. */
export type Necessary = Map<string, { readonly path: readonly string[]; readonly element: EnumType; readonly members: Set<string> }>;

/**
 * A necessary condition made of `has` tests: when none of the returned members is present, the
 * condition is false. Null when there is no such condition (e.g. `not`, or an `or` with a branch
 * that needs no member). Used to skip the whole cascade for the many rows where no red line or
 * rule can fire.
 */
export function necessaryMembers(c: Condition, contexts: ReadonlyMap<string, Condition>): Necessary | null {
  switch (c.kind) {
    case 'has':
      // A set of an element is not one the row's features know.
      return c.root !== null ? null : new Map([[c.path.join('.'), { path: c.path, element: c.element, members: new Set([c.member]) }]]);
    case 'context': {
      const body = contexts.get(c.name);
      return body === undefined ? null : necessaryMembers(body, contexts);
    }
    case 'and':
      for (const o of c.operands) {
        const n = necessaryMembers(o, contexts);
        if (n !== null) return n;
      }
      return null;
    case 'or': {
      if (c.operands.length === 0) return null;
      const all = c.operands.map((o) => necessaryMembers(o, contexts));
      if (all.some((n) => n === null)) return null;
      return mergeNecessary(all as Necessary[]);
    }
    default:
      return null;
  }
}

/** At least one member of any of them. */
export function mergeNecessary(list: readonly Necessary[]): Necessary {
  const merged: Necessary = new Map();
  for (const n of list) {
    for (const [key, value] of n) {
      const existing = merged.get(key);
      if (existing) for (const m of value.members) existing.members.add(m);
      else merged.set(key, { path: value.path, element: value.element, members: new Set(value.members) });
    }
  }
  return merged;
}
