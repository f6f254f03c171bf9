import type { Condition, Operand, Program, Quantifier, Type } from '../checker/program.js';
import { compareCodePoints } from '../diagnostics/text.js';
import { isDate, shiftDate } from '../runtime/dates.js';
import { clausesOf } from './diff-textual.js';

/**
 * The values an example may take (diff-realise.ts searches among them): the input's own dates
 * moved by every duration the versions move dates by, both ways, then a day either side; the
 * int and string literals they compare with; every enum member; and for list elements, the
 * combinations of their fields' candidates, the likeliest (lowest ranks) first.
 */

type Input = Record<string, unknown>;
type Unit = 'day' | 'week' | 'month' | 'year';

/** Candidate elements of a list tried at most. */
const MAX_CANDIDATES = 400;

export class Candidates {
  private readonly shifts: { amount: number; unit: Unit }[];
  private readonly ints: number[];
  private readonly strings: string[];

  constructor(programs: readonly Program[]) {
    const literals = collectLiterals(programs);
    this.shifts = literals.shifts;
    this.ints = literals.ints;
    this.strings = literals.strings;
  }

  /** Candidate values of a scalar type near an input. */
  values(t: Type, input: Input): unknown[] {
    switch (t.kind) {
      case 'bool':
        return [false, true];
      case 'enum':
        return [...t.members];
      case 'date':
        return this.dates(input);
      case 'int': {
        const inBounds = (n: number) => (t.min === null || n >= t.min) && (t.max === null || n <= t.max);
        return [...new Set([0, ...(t.min !== null ? [t.min] : []), ...this.ints.flatMap((n) => [n, n - 1, n + 1])])].filter(inBounds);
      }
      case 'string':
        return ['example', ...this.strings];
      default:
        return [];
    }
  }

  /** The input's dates, each moved by every duration the policy shifts by (both ways), then ±1 day. */
  private dates(input: Input): string[] {
    const seeds: string[] = [];
    const walk = (x: unknown) => {
      if (typeof x === 'string' && isDate(x)) seeds.push(x);
      else if (x !== null && typeof x === 'object' && !Array.isArray(x)) for (const y of Object.values(x)) walk(y);
    };
    walk(input);
    const out = new Set<string>(seeds);
    const moved: string[] = [];
    for (const d of seeds) for (const s of this.shifts) moved.push(shiftDate(d, s.amount, s.unit), shiftDate(d, -s.amount, s.unit));
    for (const d of moved) out.add(d);
    for (const d of [...out]) {
      out.add(shiftDate(d, -1, 'day'));
      out.add(shiftDate(d, 1, 'day'));
    }
    return [...out].filter(isDate).filter((d) => d >= '0001-01-01');
  }

  /** Candidate elements of a list: each field's candidates, combined by increasing rank (the most likely first). */
  elements(t: Type, input: Input): unknown[] {
    if (t.kind !== 'record') return this.values(t, input);
    const choices = t.fields.map((f) => {
      const own = f.type.kind === 'record' ? this.elements(f.type, input).slice(0, 12) : f.type.kind === 'set' ? [[], ...f.type.element.members.map((m) => [m])] : f.type.kind === 'list' ? [[]] : this.values(f.type, input);
      return f.optional ? [undefined, ...own] : own;
    });
    const out: unknown[] = [];
    // Every combination whose ranks add up to `sum`, for sum = 0, 1, 2, …
    const most = choices.reduce((n, c) => n + c.length - 1, 0);
    for (let sum = 0; sum <= most && out.length < MAX_CANDIDATES; sum++) {
      const pick = (f: number, left: number, acc: unknown[]): void => {
        if (out.length >= MAX_CANDIDATES) return;
        if (f === choices.length) {
          if (left !== 0) return;
          const element: Input = {};
          t.fields.forEach((field, k) => {
            if (acc[k] !== undefined) element[field.name] = acc[k];
          });
          out.push(element);
          return;
        }
        for (let r = 0; r <= Math.min(left, choices[f]!.length - 1); r++) pick(f + 1, left - r, [...acc, choices[f]![r]]);
      };
      pick(0, sum, []);
    }
    return out;
  }
}

/** The durations dates are moved by, and the int and string literals, anywhere in the versions. */
function collectLiterals(programs: readonly Program[]): { shifts: { amount: number; unit: Unit }[]; ints: number[]; strings: string[] } {
  const shifts = new Map<string, { amount: number; unit: Unit }>();
  const ints = new Set<number>();
  const strings = new Set<string>();
  const operand = (o: Operand): void => {
    if (o.kind === 'shift') {
      shifts.set(`${Math.abs(o.amount)} ${o.unit}`, { amount: Math.abs(o.amount), unit: o.unit });
      operand(o.base);
    } else if (o.kind === 'literal') {
      if (o.type.kind === 'int' && typeof o.value === 'number') ints.add(o.value);
      if (o.type.kind === 'string' && typeof o.value === 'string') strings.add(o.value);
    } else if (o.kind === 'count') quantifier(o.quantifier);
  };
  const quantifier = (q: Quantifier) => {
    if (q.where) condition(q.where);
  };
  const condition = (c: Condition): void => {
    switch (c.kind) {
      case 'not':
        condition(c.operand);
        return;
      case 'and':
      case 'or':
        c.operands.forEach(condition);
        return;
      case 'compare':
        operand(c.left);
        operand(c.right);
        return;
      case 'in':
        operand(c.operand);
        for (const v of c.values) {
          if (typeof v === 'number') ints.add(v);
          else if (c.operand.type.kind === 'string' && typeof v === 'string') strings.add(v);
        }
        return;
      case 'contains':
        operand(c.value);
        return;
      case 'any':
      case 'all':
        quantifier(c.quantifier);
        return;
      default:
        return;
    }
  };
  for (const p of programs) {
    for (const c of clausesOf(p)) {
      condition(c.when);
      if (c.unless) condition(c.unless);
    }
    for (const c of p.contexts) condition(c.body);
    for (const v of p.values) operand(v.value);
  }
  const order = (a: { amount: number; unit: string }, b: { amount: number; unit: string }) => compareCodePoints(a.unit, b.unit) || a.amount - b.amount;
  return { shifts: [...shifts.values()].sort(order), ints: [...ints].sort((a, b) => a - b), strings: [...strings].sort(compareCodePoints) };
}
