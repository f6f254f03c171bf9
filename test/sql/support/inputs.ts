/**
 * Seeded random inputs for a policy set, biased to the boundaries that matter: effective dates
 * ± 1 day and dates before the first version, every int literal of the policy ± 1 and the
 * declared bounds, empty and full sets; lists empty, short and long; optional fields absent,
 * null or present; and dates around every window the policy draws — each of an input's dates is
 * its own base date, or the base moved by one of the policy's shifts (`- 90 days`, `+ 1 year`),
 * a day either side — at month ends and on 29 February as often as not. Deterministic for a seed.
 */
import { mulberry32 } from '../../../bench/random.js';
import type { Condition, Operand, PolicySet, Quantifier, RecordType, Type } from '../../../src/checker/program.js';
import { shiftDate } from '../../../src/runtime/dates.js';

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Shift {
  readonly amount: number;
  readonly unit: 'day' | 'week' | 'month' | 'year';
}

interface Boundaries {
  readonly dates: string[];
  readonly ints: number[];
  readonly strings: string[];
  readonly shifts: Shift[];
}

/** Days where month arithmetic clamps: month ends, and 29 February. */
const CALENDAR_EDGES = ['2019-01-31', '2020-02-29', '2021-02-28', '2021-03-31', '2022-08-31', '2023-05-31', '2024-02-29', '2024-12-31'];

function boundaries(set: PolicySet): Boundaries {
  const dates = new Set<string>();
  const ints = new Set<number>([0, 1]);
  const strings = new Set<string>(['', 'a']);
  const shifts = new Map<string, Shift>();
  for (const v of set.versions) {
    if (v.effective !== null) for (const k of [-400, -1, 0, 1, 30]) dates.add(addDays(v.effective, k));
    const visitQuantifier = (q: Quantifier) => {
      if (q.where) visit(q.where);
    };
    const visitOperand = (o: Operand): void => {
      switch (o.kind) {
        case 'literal':
          if (o.type.kind === 'int') for (const k of [-1, 0, 1]) ints.add((o.value as number) + k);
          if (o.type.kind === 'date') for (const k of [-1, 0, 1]) dates.add(addDays(o.value as string, k));
          if (o.type.kind === 'string') strings.add(o.value as string);
          return;
        case 'shift':
          shifts.set(`${o.amount} ${o.unit}`, { amount: o.amount, unit: o.unit });
          return visitOperand(o.base);
        case 'count':
          return visitQuantifier(o.quantifier);
        default:
          return;
      }
    };
    const visit = (c: Condition): void => {
      switch (c.kind) {
        case 'not':
          return visit(c.operand);
        case 'and':
        case 'or':
          return c.operands.forEach(visit);
        case 'compare':
          visitOperand(c.left);
          return visitOperand(c.right);
        case 'in':
          visitOperand(c.operand);
          c.values.forEach((value) => visitOperand({ kind: 'literal', value, type: c.operand.type, span: c.span }));
          return;
        case 'contains':
          return visitOperand(c.value);
        case 'any':
        case 'all':
          return visitQuantifier(c.quantifier);
        default:
          return;
      }
    };
    v.contexts.forEach((c) => visit(c.body));
    v.values.forEach((x) => visitOperand(x.value));
    for (const clause of [...v.redlines, ...v.rules, ...v.exemptions]) {
      visit(clause.when);
      if (clause.unless) visit(clause.unless);
    }
  }
  if (dates.size === 0) for (const d of ['2019-01-01', '2020-02-29', '2021-12-31']) dates.add(d);
  return { dates: [...dates].sort(), ints: [...ints].sort((a, b) => a - b), strings: [...strings].sort(), shifts: [...shifts.values()] };
}

export function inputGenerator(set: PolicySet, seed: number): () => Record<string, unknown> {
  const random = mulberry32(seed);
  const b = boundaries(set);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const type = set.versions[set.versions.length - 1]!.inputType;
  /** The input's base date: every date of it lies around this one. */
  let base = b.dates[0]!;
  const near = (): string => {
    if (b.shifts.length === 0 || random() < 0.25) return random() < 0.5 ? base : addDays(base, Math.floor(random() * 7) - 3);
    // The base moved by one of the policy's windows, either way, and a day either side.
    const s = pick(b.shifts);
    return addDays(shiftDate(base, random() < 0.5 ? s.amount : -s.amount, s.unit), pick([-1, 0, 0, 1]));
  };
  const value = (t: Type): unknown => {
    switch (t.kind) {
      case 'bool':
        return random() < 0.5;
      case 'string':
        return random() < 0.7 ? pick(b.strings) : `s${Math.floor(random() * 1000)}`;
      case 'date':
        if (b.shifts.length === 0) return random() < 0.8 ? pick(b.dates) : addDays(b.dates[0]!, Math.floor(random() * 2000) - 200);
        return near();
      case 'int': {
        const candidates = b.ints.filter((n) => (t.min === null || n >= t.min) && (t.max === null || n <= t.max));
        if (t.min !== null) candidates.push(t.min);
        if (t.max !== null) candidates.push(t.max);
        if (random() < 0.8 && candidates.length > 0) return pick(candidates);
        const lo = t.min ?? -1_000_000;
        const hi = t.max ?? 1_000_000;
        return lo + Math.floor(random() * (hi - lo + 1));
      }
      case 'enum':
        return pick(t.members);
      case 'set': {
        // Empty a third of the time; otherwise each member with a probability chosen per set.
        if (random() < 0.33) return [];
        const p = pick([0.1, 0.25, 0.6]);
        const members = t.element.members.filter(() => random() < p);
        // Shuffle: element order must not matter.
        for (let i = members.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [members[i], members[j]] = [members[j]!, members[i]!];
        }
        return members;
      }
      case 'list': {
        // Empty, short (a count either side of the policy's thresholds), or long.
        const r = random();
        const length = r < 0.25 ? 0 : r < 0.6 ? 1 + Math.floor(random() * 3) : r < 0.92 ? 4 + Math.floor(random() * 9) : 13 + Math.floor(random() * 28);
        return Array.from({ length }, () => value(t.element));
      }
      case 'record':
        return record(t);
    }
  };
  const record = (t: RecordType) => {
    const out: Record<string, unknown> = {};
    for (const f of t.fields) {
      // An optional field: absent, null or present, a third each.
      const r = f.optional ? random() : 1;
      if (r < 1 / 3) continue;
      out[f.name] = r < 2 / 3 ? null : value(f.type);
    }
    return out;
  };
  const dateField = set.dateField;
  if (b.shifts.length === 0) return () => record(type);
  return () => {
    // The base: a boundary date (an effective date ± 1, …) or a day where months clamp.
    base = random() < 0.7 ? pick(b.dates) : pick(CALENDAR_EDGES);
    const input = record(type);
    if (dateField !== null && type.fields.some((f) => f.name === dateField && f.type.kind === 'date')) input[dateField] = base;
    return input;
  };
}
