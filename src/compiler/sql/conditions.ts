import type { CheckedClause, Condition, EnumType, Operand, Program, Type, Value } from '../../checker/program.js';
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

/**
 * Conditions as SQL boolean expressions. Contexts are inlined (each reference re-emits the body,
 * parenthesised); every compound is parenthesised, so precedence never depends on the dialect.
 * Inputs are validated before any condition is trusted, so no operand is NULL where it is used.
 */
export class SqlConditions {
  private readonly contexts: ReadonlyMap<string, Condition>;
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly d: Dialect,
    program: Program,
    private readonly reader: Reader = rawReader(d),
  ) {
    this.contexts = new Map(program.contexts.map((c) => [c.name, c.body]));
  }

  /** `when and not unless`. */
  clause(clause: CheckedClause): string {
    const when = this.condition(clause.when);
    return clause.unless === null ? when : `(${when} AND NOT ${this.condition(clause.unless)})`;
  }

  condition(c: Condition): string {
    switch (c.kind) {
      case 'const':
        return c.value ? 'TRUE' : 'FALSE';
      case 'field':
        return this.reader.field(c.path, { kind: 'bool' });
      case 'context': {
        let text = this.cache.get(c.name);
        if (text === undefined) {
          const body = this.contexts.get(c.name);
          if (body === undefined) throw new Error(`unknown context ${c.name}`);
          text = this.condition(body);
          this.cache.set(c.name, text);
        }
        return text;
      }
      case 'not':
        return `(NOT ${this.condition(c.operand)})`;
      case 'and':
      case 'or': {
        if (c.operands.length === 0) return c.kind === 'and' ? 'TRUE' : 'FALSE';
        if (c.operands.length === 1) return this.condition(c.operands[0]!);
        return `(${c.operands.map((o) => this.condition(o)).join(c.kind === 'and' ? ' AND ' : ' OR ')})`;
      }
      case 'compare': {
        const path = c.left.kind === 'field' ? c.left.path : c.right.kind === 'field' ? c.right.path : null;
        return `(${this.operand(c.left, path)} ${OPS[c.op]} ${this.operand(c.right, path)})`;
      }
      case 'in': {
        if (c.values.length === 0) return c.negated ? 'TRUE' : 'FALSE';
        const path = c.operand.kind === 'field' ? c.operand.path : null;
        const values = c.values.map((v) => this.literal(v, c.operand.type, path)).join(', ');
        return `(${this.operand(c.operand, path)} ${c.negated ? 'NOT IN' : 'IN'} (${values}))`;
      }
      case 'has':
        return this.reader.has(c.path, c.element, c.member);
    }
  }

  /** `path`: the field the operand is compared with, for enum literals. */
  private operand(o: Operand, path: readonly string[] | null): string {
    return o.kind === 'field' ? this.reader.field(o.path, o.type) : this.literal(o.value, o.type, path);
  }

  private literal(value: Value, type: Type, path: readonly string[] | null): string {
    return type.kind === 'enum' ? this.reader.member(path, type, String(value)) : literal(this.d, value, type);
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
      return new Map([[c.path.join('.'), { path: c.path, element: c.element, members: new Set([c.member]) }]]);
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
