/**
 * Seeded random inputs for a policy set, biased to the boundaries that matter: effective dates
 * ± 1 day and dates before the first version, every int literal of the policy ± 1 and the
 * declared bounds, empty and full sets. Deterministic for a seed.
 */
import { mulberry32 } from '../../../bench/random.js';
import type { Condition, Operand, PolicySet, RecordType, Type } from '../../../src/checker/program.js';

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Boundaries {
  readonly dates: string[];
  readonly ints: number[];
  readonly strings: string[];
}

function boundaries(set: PolicySet): Boundaries {
  const dates = new Set<string>();
  const ints = new Set<number>([0, 1]);
  const strings = new Set<string>(['', 'a']);
  for (const v of set.versions) {
    if (v.effective !== null) for (const k of [-400, -1, 0, 1, 30]) dates.add(addDays(v.effective, k));
    const visitOperand = (o: Operand) => {
      if (o.kind !== 'literal') return;
      if (o.type.kind === 'int') for (const k of [-1, 0, 1]) ints.add((o.value as number) + k);
      if (o.type.kind === 'date') for (const k of [-1, 0, 1]) dates.add(addDays(o.value as string, k));
      if (o.type.kind === 'string') strings.add(o.value as string);
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
        default:
          return;
      }
    };
    v.contexts.forEach((c) => visit(c.body));
    for (const clause of [...v.redlines, ...v.rules, ...v.exemptions]) {
      visit(clause.when);
      if (clause.unless) visit(clause.unless);
    }
  }
  if (dates.size === 0) for (const d of ['2019-01-01', '2020-02-29', '2021-12-31']) dates.add(d);
  return { dates: [...dates].sort(), ints: [...ints].sort((a, b) => a - b), strings: [...strings].sort() };
}

export function inputGenerator(set: PolicySet, seed: number): () => Record<string, unknown> {
  const random = mulberry32(seed);
  const b = boundaries(set);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const type = set.versions[set.versions.length - 1]!.inputType;
  const value = (t: Type): unknown => {
    switch (t.kind) {
      case 'bool':
        return random() < 0.5;
      case 'string':
        return random() < 0.7 ? pick(b.strings) : `s${Math.floor(random() * 1000)}`;
      case 'date':
        return random() < 0.8 ? pick(b.dates) : addDays(b.dates[0]!, Math.floor(random() * 2000) - 200);
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
      case 'record':
        return record(t);
    }
  };
  const record = (t: RecordType) => Object.fromEntries(t.fields.map((f) => [f.name, value(f.type)]));
  return () => record(type);
}
