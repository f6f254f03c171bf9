import type { Condition, Operand, Quantifier, Value } from '../checker/program.js';

/**
 * Prints typed conditions and literals in Bylaw syntax, independent of how the source was
 * formatted: the canonical text the analyses compare and show.
 */

/** `100_000` for large ints (as policies write them), plain below 10,000. */
export function formatInt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(n));
  if (digits.length <= 4) return `${sign}${digits}`;
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '_');
}

export function formatValue(value: Value, kind: string): string {
  if (typeof value === 'number') return formatInt(value);
  if (typeof value === 'boolean') return String(value);
  return kind === 'string' ? JSON.stringify(value) : value;
}

export interface PrintOptions {
  /** Prefix for field paths (`post`), or '' to print them from below the input root. */
  readonly root?: string;
  /** Inline context bodies (for comparing meaning, not names). */
  readonly contexts?: ReadonlyMap<string, Condition>;
  /** Inline value contexts (`context n = count(…)`) the same way. */
  readonly values?: ReadonlyMap<string, Operand>;
  /**
   * How to print a quantifier's bound name: by default as written (`s`); `depth` prints `$0`,
   * `$1`… by nesting depth, so quantifiers that differ only in their bound names print alike.
   */
  readonly bound?: 'name' | 'depth';
}

/** The bound names in scope while printing a quantifier's `where`: quantifier id → printed name. */
type Scope = ReadonlyMap<number, string>;

const NO_SCOPE: Scope = new Map();

/**
 * A value context's name as shown. The diff renames value contexts whose bodies differ between
 * the versions it compares (`n#2`, see diff-atoms.ts); `#` is no identifier character, and the
 * suffix is never shown.
 */
export function shownName(name: string): string {
  const at = name.indexOf('#');
  return at < 0 ? name : name.slice(0, at);
}

function path(p: readonly string[], options: PrintOptions): string {
  return options.root ? [options.root, ...p].join('.') : p.join('.');
}

function fieldText(root: number | null, p: readonly string[], options: PrintOptions, scope: Scope): string {
  if (root === null) return path(p, options);
  const name = scope.get(root) ?? `$${root}`;
  return [name, ...p].join('.');
}

const UNITS: Readonly<Record<string, string>> = { day: 'day', week: 'week', month: 'month', year: 'year' };

export function printOperand(o: Operand, options: PrintOptions = {}, scope: Scope = NO_SCOPE): string {
  switch (o.kind) {
    case 'field':
      return fieldText(o.root, o.path, options, scope);
    case 'literal':
      return formatValue(o.value, o.type.kind);
    case 'shift': {
      const n = Math.abs(o.amount);
      return `${printOperand(o.base, options, scope)} ${o.amount < 0 ? '-' : '+'} ${n} ${UNITS[o.unit]}${n === 1 ? '' : 's'}`;
    }
    case 'count':
      return printQuantifier('count', o.quantifier, options, scope);
    case 'value': {
      const body = options.values?.get(o.name);
      return body ? printOperand(body, options, scope) : shownName(o.name);
    }
  }
}

function printQuantifier(kind: 'count' | 'any' | 'all', q: Quantifier, options: PrintOptions, scope: Scope): string {
  const name = options.bound === 'depth' ? `$${scope.size}` : q.name;
  const inner = new Map(scope).set(q.id, name);
  const where = q.where ? ` where ${printCondition(q.where, options, 'top', inner)}` : '';
  return `${kind}(${name} in ${printOperand(q.collection, options, scope)}${where})`;
}

/** Precedence: or < and < not < tests. */
export function printCondition(c: Condition, options: PrintOptions = {}, parent: 'or' | 'and' | 'not' | 'top' = 'top', scope: Scope = NO_SCOPE): string {
  switch (c.kind) {
    case 'const':
      return String(c.value);
    case 'field':
      return fieldText(c.root, c.path, options, scope);
    case 'context': {
      const body = options.contexts?.get(c.name);
      return body ? printCondition(body, options, parent, scope) : c.name;
    }
    case 'not':
      return `not ${printCondition(c.operand, options, 'not', scope)}`;
    case 'and':
    case 'or': {
      const text = c.operands.map((o) => printCondition(o, options, c.kind, scope)).join(` ${c.kind} `);
      const needsParens = parent === 'not' || (parent === 'and' && c.kind === 'or');
      return needsParens ? `(${text})` : text;
    }
    case 'compare':
      return `${printOperand(c.left, options, scope)} ${c.op} ${printOperand(c.right, options, scope)}`;
    case 'in': {
      const kind = c.operand.type.kind;
      return `${printOperand(c.operand, options, scope)} ${c.negated ? 'not in' : 'in'} {${c.values.map((v) => formatValue(v, kind)).join(', ')}}`;
    }
    case 'has':
      return `${fieldText(c.root, c.path, options, scope)} has ${c.member}`;
    case 'contains':
      return `${printOperand(c.set, options, scope)} has ${printOperand(c.value, options, scope)}`;
    case 'exists':
      return `${printOperand(c.field, options, scope)} exists`;
    case 'any':
    case 'all':
      return printQuantifier(c.kind, c.quantifier, options, scope);
  }
}
