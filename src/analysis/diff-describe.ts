import { isoDate, fieldKey, type Cube, type FiniteModel, type ModelVar } from '../logic/index.js';
import type { Constraint, Side } from './diff-types.js';
import { formatInt } from './print.js';

/** Regions and outcomes in words: the cube of a region as Bylaw-like constraints on fields. */

/** How the variables of a model are named in words, where not by their key (diff-atoms.ts `atomLabel`). */
const labels = new WeakMap<FiniteModel, ReadonlyMap<string, string>>();

/** Names the variables of a model for `describeCube` (counts by their text, opaque atoms by the test they are). */
export function labelVars(model: FiniteModel, names: ReadonlyMap<string, string>): void {
  labels.set(model, names);
}

/** A cube as constraints on fields, in model order; the members of one set field are grouped. */
export function describeCube(model: FiniteModel, cube: Cube): Constraint[] {
  const constraints: Constraint[] = [];
  const sets = new Map<string, { has: string[]; lacks: string[]; at: number }>();
  model.vars.forEach((v, i) => {
    const mask = cube[i]!;
    if (!mask.includes('0')) return;
    if (v.kind === 'member') {
      const field = fieldKey(v.path);
      let entry = sets.get(field);
      if (!entry) {
        entry = { has: [], lacks: [], at: constraints.length };
        sets.set(field, entry);
        constraints.push({ field, text: '' });
      }
      (mask[1] === '1' ? entry.has : entry.lacks).push(v.member!);
      return;
    }
    constraints.push({ field: v.key, text: describe(v, mask, labels.get(model)?.get(v.key) ?? v.key) });
  });
  for (const [field, { has, lacks, at }] of sets) {
    const parts = has.map((m) => `${field} has ${m}`);
    if (lacks.length === 1) parts.push(`not ${field} has ${lacks[0]}`);
    if (lacks.length > 1) parts.push(`${field} has none of {${lacks.join(', ')}}`);
    constraints[at] = { field, text: parts.join(' and ') };
  }
  return constraints;
}

/** One variable's allowed classes, in Bylaw-like syntax. */
function describe(v: ModelVar, mask: string, label: string): string {
  const allowed = v.classes.filter((_, i) => mask[i] === '1');
  const field = v.kind === 'member' ? fieldKey(v.path) : label;
  switch (v.kind) {
    case 'bool':
      // `x?`: whether an optional field is given.
      if (v.key === `${fieldKey(v.path)}?`) return (allowed[0] as { value: boolean }).value ? `${fieldKey(v.path)} exists` : `not ${fieldKey(v.path)} exists`;
      return (allowed[0] as { value: boolean }).value ? field : `not ${field}`;
    case 'opaque':
      return (allowed[0] as { value: boolean }).value ? field : `not ${field}`;
    case 'member':
      return (allowed[0] as { value: boolean }).value ? `${field} has ${v.member}` : `not ${field} has ${v.member}`;
    case 'enum': {
      const members = (v.type as { members: readonly string[] }).members;
      const yes = allowed.flatMap((c) => (c as { values: readonly string[] }).values);
      const no = members.filter((m) => !yes.includes(m));
      return memberTest(field, yes, no, (m) => m);
    }
    case 'string': {
      const named = v.classes.flatMap((c) => (c as { values: readonly string[] }).values);
      const other = allowed.some((c) => (c as { other: boolean }).other);
      const yes = allowed.flatMap((c) => (c as { values: readonly string[] }).values);
      const q = (s: string) => JSON.stringify(s);
      return other ? memberTest(field, [], named.filter((s) => !yes.includes(s)), q, true) : memberTest(field, yes, [], q);
    }
    case 'int':
    case 'date': {
      const show = (n: number) => (v.kind === 'date' ? isoDate(n) : formatInt(n));
      const min = (v.classes[0] as { lo: number }).lo;
      const max = (v.classes[v.classes.length - 1] as { hi: number }).hi;
      const ranges: [number, number][] = [];
      v.classes.forEach((c, i) => {
        if (mask[i] !== '1') return;
        const { lo, hi } = c as { lo: number; hi: number };
        const last = ranges[ranges.length - 1];
        if (last && last[1] + 1 === lo) last[1] = hi;
        else ranges.push([lo, hi]);
      });
      const parts = ranges.map(([lo, hi]) =>
        lo === hi ? `${field} == ${show(lo)}` : lo === min ? `${field} <= ${show(hi)}` : hi === max ? `${field} >= ${show(lo)}` : `${field} in ${show(lo)}..${show(hi)}`,
      );
      return parts.length === 1 ? parts[0]! : `(${parts.join(' or ')})`;
    }
  }
}

function memberTest(field: string, yes: readonly string[], no: readonly string[], show: (s: string) => string, onlyNo = false): string {
  const list = (xs: readonly string[]) => `{${xs.map(show).join(', ')}}`;
  if (onlyNo || (no.length < yes.length && no.length > 0)) return no.length === 1 ? `${field} != ${show(no[0]!)}` : `${field} not in ${list(no)}`;
  return yes.length === 1 ? `${field} == ${show(yes[0]!)}` : `${field} in ${list(yes)}`;
}

/**
 * `remove (rule hateful_conduct)`, `allow (exemption violent_threat via not_a_violation)`,
 * `strike P1W (rule first_strike)`, `no version in force`, `rejected`, `no such outcome`.
 */
export function describeOutcome(o: Side): string {
  if (o === null) return 'no version in force';
  if (o === 'absent') return 'no such outcome';
  if (o === 'rejected' || o === 'decided') return o;
  const parts = [o.basis, o.clause, o.exemption ? `via ${o.exemption}` : null].filter((p): p is string => Boolean(p));
  return `${actionText(o)} (${parts.join(' ')})`;
}

/** `restrict P1W`, or the action alone when it carries no duration. */
export function actionText(o: { readonly action: string; readonly duration?: string }): string {
  return o.duration ? `${o.action} ${o.duration}` : o.action;
}

/** `account: ` before a transition of one outcome of several; nothing for Bylaw 1's one. */
export function outcomePrefix(t: { readonly outcome?: string }): string {
  return t.outcome === undefined ? '' : `${t.outcome}: `;
}
