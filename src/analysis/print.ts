import type { Condition, Operand, Value } from '../checker/program.js';

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
}

function path(p: readonly string[], options: PrintOptions): string {
  return options.root ? [options.root, ...p].join('.') : p.join('.');
}

function operand(o: Operand, options: PrintOptions): string {
  return o.kind === 'field' ? path(o.path, options) : formatValue(o.value, o.type.kind);
}

/** Precedence: or < and < not < tests. */
export function printCondition(c: Condition, options: PrintOptions = {}, parent: 'or' | 'and' | 'not' | 'top' = 'top'): string {
  switch (c.kind) {
    case 'const':
      return String(c.value);
    case 'field':
      return path(c.path, options);
    case 'context': {
      const body = options.contexts?.get(c.name);
      return body ? printCondition(body, options, parent) : c.name;
    }
    case 'not':
      return `not ${printCondition(c.operand, options, 'not')}`;
    case 'and':
    case 'or': {
      const text = c.operands.map((o) => printCondition(o, options, c.kind)).join(` ${c.kind} `);
      const needsParens = parent === 'not' || (parent === 'and' && c.kind === 'or');
      return needsParens ? `(${text})` : text;
    }
    case 'compare':
      return `${operand(c.left, options)} ${c.op} ${operand(c.right, options)}`;
    case 'in': {
      const kind = c.operand.type.kind;
      return `${operand(c.operand, options)} ${c.negated ? 'not in' : 'in'} {${c.values.map((v) => formatValue(v, kind)).join(', ')}}`;
    }
    case 'has':
      return `${path(c.path, options)} has ${c.member}`;
  }
}
