import type { CheckedClause, Condition, Operand, Program, Type, Value } from '../../checker/program.js';
import type { Dialect } from './dialect.js';

/** The alias the input table gets in generated SQL; every column is read through it. */
export const INPUT_ALIAS = 'bylaw_input';

/** `bylaw_input."author"."role"`: a column, then struct fields. */
export function fieldRef(d: Dialect, path: readonly string[]): string {
  return [d.ident(INPUT_ALIAS), ...path.map((p) => d.ident(p))].join('.');
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
        return fieldRef(this.d, c.path);
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
      case 'compare':
        return `(${this.operand(c.left)} ${OPS[c.op]} ${this.operand(c.right)})`;
      case 'in': {
        if (c.values.length === 0) return c.negated ? 'TRUE' : 'FALSE';
        const values = c.values.map((v) => literal(this.d, v, c.operand.type)).join(', ');
        return `(${this.operand(c.operand)} ${c.negated ? 'NOT IN' : 'IN'} (${values}))`;
      }
      case 'has':
        return this.d.contains(fieldRef(this.d, c.path), this.d.string(c.member));
    }
  }

  private operand(o: Operand): string {
    return o.kind === 'field' ? fieldRef(this.d, o.path) : literal(this.d, o.value, o.type);
  }
}
