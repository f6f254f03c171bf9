import type { Condition, EnumType, Program, RecordType, Type } from '../checker/program.js';
import { DecisionDiagrams, type FiniteModel, type ModelBuilder } from '../logic/index.js';
import { fileSpan } from '../diagnostics/span.js';
import { formatInt } from './print.js';

/**
 * Input types in a diff. Each side validates its input against the record its version declares
 * (closed records, enum members, int bounds): a change of those types changes which inputs are
 * decided at all, even when no clause changes.
 *
 * - A change of the values a field accepts (enum members, int bounds, the members of a set's
 *   enum) is part of the cut model: the field is cut where the sides' types disagree (each
 *   member only one side has becomes a class of its own; each bound a cut), so every class is
 *   accepted or rejected as a whole, and a side's diagram is `rejected` on the points its
 *   version does not accept.
 * - A change of the record's shape (a field added or removed, a field of another kind) cannot
 *   be: no input is accepted by both sides. The diff still compares the inputs field by field
 *   (an input with the new field filled in or the old one dropped), and reports the shape change
 *   as a type change of its own, with an example each side accepts and the other rejects.
 */

export interface TypeChange {
  /** The field, below the input root (`author.role`); `` for the input record itself. */
  readonly path: string;
  /** `members of Role added: king`, `bounds int(0..) → int(1..)`, `field added to Post: bool`, `type int → string`. */
  readonly what: string;
  /** The field's type on each side (null: the field does not exist there). */
  readonly before: string | null;
  readonly after: string | null;
  /** No input is accepted by both sides (a field added, removed or of another kind). */
  readonly shape: boolean;
}

/** The type at a path below a record, or null. */
export function typeAt(record: RecordType, path: readonly string[]): Type | null {
  return fieldAt(record, path)?.type ?? null;
}

/** The field at a path below a record (its type, and whether it is optional), or null. */
export function fieldAt(record: RecordType, path: readonly string[]): { readonly type: Type; readonly optional: boolean } | null {
  let field: { type: Type; optional: boolean } = { type: record, optional: false };
  for (const key of path) {
    if (field.type.kind !== 'record') return null;
    const found: { type: Type; optional: boolean } | undefined = field.type.fields.find((f) => f.name === key);
    if (!found) return null;
    field = found;
  }
  return field;
}

/** The paths (below the input) of the optional fields a path passes through, itself included, outermost first. */
export function optionalsOn(record: RecordType, path: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 1; i <= path.length; i++) if (fieldAt(record, path.slice(0, i))?.optional) out.push(path.slice(0, i));
  return out;
}

/** `record` with the type at `path` replaced, and whether it is optional (a new record; `record` is unchanged). */
export function withTypeAt(record: RecordType, path: readonly string[], type: Type, optional?: boolean): RecordType {
  const [head, ...rest] = path;
  return {
    ...record,
    fields: record.fields.map((f) =>
      f.name !== head
        ? f
        : rest.length === 0
          ? { ...f, type, optional: optional ?? f.optional }
          : { ...f, type: f.type.kind === 'record' ? withTypeAt(f.type, rest, type, optional) : f.type },
    ),
  };
}

export function printType(t: Type): string {
  switch (t.kind) {
    case 'int':
      return t.min === null && t.max === null ? 'int' : `int(${t.min === null ? '' : formatInt(t.min)}..${t.max === null ? '' : formatInt(t.max)})`;
    case 'set':
      return `set<${t.element.name}>`;
    case 'list':
      return `list<${printType(t.element)}>`;
    case 'enum':
    case 'record':
      return t.name;
    default:
      return t.kind;
  }
}

/** What a field of this type accepts, for comparing two types (names of types do not matter). */
function acceptance(t: Type): string {
  switch (t.kind) {
    case 'int':
      return `int ${t.min} ${t.max}`;
    case 'enum':
      return `enum ${[...t.members].sort().join(',')}`;
    case 'set':
      return `set ${[...t.element.members].sort().join(',')}`;
    case 'list':
      return `list ${acceptance(t.element)}`;
    case 'record':
      return `record ${t.fields.map((f) => `${f.name}${f.optional ? '?' : ''}:${acceptance(f.type)}`).join(';')}`;
    default:
      return t.kind;
  }
}

export function sameAcceptance(a: Type, b: Type): boolean {
  return acceptance(a) === acceptance(b);
}

/** `channel.strikes[].date`: a path below the input, `[]` standing for every element of a list. */
export const LIST_ELEMENT = '[]';
const pathText = (path: readonly string[]) => path.join('.').replaceAll(`.${LIST_ELEMENT}`, LIST_ELEMENT);

/** The changes between two input records, field by field (inside list elements too: `channel.strikes[].date`). */
export function typeChanges(before: RecordType, after: RecordType): TypeChange[] {
  const out: TypeChange[] = [];
  const walk = (a: Type, b: Type, path: readonly string[]) => {
    const at = pathText(path);
    if (a.kind === 'record' && b.kind === 'record') {
      for (const f of a.fields) {
        const g = b.fields.find((x) => x.name === f.name);
        const sub = pathText([...path, f.name]);
        if (g && f.optional !== g.optional) {
          const [x, y] = [printType(f.type) + (f.optional ? '?' : ''), printType(g.type) + (g.optional ? '?' : '')];
          out.push({ path: sub, what: g.optional ? `now optional: ${x} → ${y}` : `now required: ${x} → ${y}`, before: x, after: y, shape: false });
        }
        if (g) walk(f.type, g.type, [...path, f.name]);
        else out.push({ path: sub, what: `field removed from ${b.name}: ${printType(f.type)}`, before: printType(f.type), after: null, shape: true });
      }
      for (const g of b.fields) {
        if (!a.fields.some((f) => f.name === g.name)) out.push({ path: pathText([...path, g.name]), what: `field added to ${b.name}: ${printType(g.type)}`, before: null, after: printType(g.type), shape: true });
      }
      return;
    }
    if (a.kind === 'list' && b.kind === 'list') {
      walk(a.element, b.element, [...path, LIST_ELEMENT]);
      return;
    }
    if (a.kind !== b.kind) {
      out.push({ path: at, what: `type ${printType(a)} → ${printType(b)}`, before: printType(a), after: printType(b), shape: true });
      return;
    }
    const members = (x: EnumType, y: EnumType, noun: string) => {
      const added = y.members.filter((m) => !x.members.includes(m));
      const removed = x.members.filter((m) => !y.members.includes(m));
      const parts = [added.length > 0 ? `${noun} added: ${added.join(', ')}` : '', removed.length > 0 ? `${noun} removed: ${removed.join(', ')}` : ''].filter(Boolean);
      if (parts.length > 0) out.push({ path: at, what: parts.join('; '), before: printType(a), after: printType(b), shape: false });
    };
    if (a.kind === 'enum' && b.kind === 'enum') members(a, b, `members of ${b.name}`);
    if (a.kind === 'set' && b.kind === 'set') members(a.element, b.element, `members of ${b.element.name}`);
    if (a.kind === 'int' && b.kind === 'int' && (a.min !== b.min || a.max !== b.max)) {
      out.push({ path: at, what: `bounds ${printType(a)} → ${printType(b)}`, before: printType(a), after: printType(b), shape: false });
    }
  };
  walk(before, after, []);
  return out;
}

/**
 * Cuts the model wherever the input types of `programs` accept different values of a field of
 * the same kind: a synthetic test per member only some types have, and per int bound. Fields
 * whose types agree everywhere are left alone (the model is then the one the clauses make).
 */
export function addAcceptanceCuts(builder: ModelBuilder, programs: readonly Program[]): void {
  const byPath = new Map<string, { path: string[]; types: Type[] }>();
  const optional = new Map<string, { path: string[]; type: Type; flags: Set<boolean> }>();
  const collect = (t: Type, path: string[]) => {
    if (t.kind === 'record') {
      for (const f of t.fields) {
        const sub = [...path, f.name];
        const key = sub.join('.');
        let entry = optional.get(key);
        if (!entry) optional.set(key, (entry = { path: sub, type: f.type, flags: new Set() }));
        entry.flags.add(f.optional);
        collect(f.type, sub);
      }
      return;
    }
    const key = path.join('.');
    let entry = byPath.get(key);
    if (!entry) byPath.set(key, (entry = { path, types: [] }));
    entry.types.push(t);
  };
  for (const p of programs) collect(p.inputType, []);
  const span = fileSpan('');
  const none = new Map<string, Condition>();
  // A field optional on one side and required on the other: whether it is given is a variable.
  for (const { path, type, flags } of optional.values()) {
    if (flags.size > 1) builder.addCondition({ kind: 'exists', field: { kind: 'field', root: null, path, type, span }, span }, none);
  }
  for (const { path, types } of byPath.values()) {
    const kinds = new Set(types.map((t) => t.kind));
    if (kinds.size !== 1 || types.every((t) => sameAcceptance(t, types[0]!))) continue;
    for (const type of types) {
      const field = { kind: 'field' as const, root: null, path, type, span };
      const test = (op: '==' | '>=' | '<=', value: string | number): Condition => ({ kind: 'compare', op, left: field, right: { kind: 'literal', value, type, span }, span });
      if (type.kind === 'int') {
        // Unbounded sides too: the model's range is the union of the types it has seen.
        builder.addCondition(test('>=', type.min ?? Number.MIN_SAFE_INTEGER), none);
        builder.addCondition(test('<=', type.max ?? Number.MAX_SAFE_INTEGER), none);
      } else if (type.kind === 'enum') {
        for (const m of type.members) if (!types.every((t) => (t as EnumType).members.includes(m))) builder.addCondition(test('==', m), none);
      } else if (type.kind === 'set') {
        for (const m of type.element.members) {
          if (!types.every((t) => (t as Extract<Type, { kind: 'set' }>).element.members.includes(m))) {
            builder.addCondition({ kind: 'has', root: null, path, member: m, element: type.element, span }, none);
          }
        }
      }
    }
  }
}

/**
 * The points whose classes `record` accepts (a bool diagram). Exact because of
 * `addAcceptanceCuts`: every class of a cut field is accepted or rejected as a whole. Fields the
 * record does not have, or has with another kind, are not restricted here (see TypeChange.shape).
 */
export function acceptanceDiagram(dd: DecisionDiagrams, model: FiniteModel, record: RecordType): number {
  const { TRUE, FALSE } = DecisionDiagrams;
  let ok: number = TRUE;
  for (const v of model.vars) {
    const field = fieldAt(record, v.path);
    if (field === null) continue;
    const type = field.type;
    let accepted: boolean[] | null = null;
    if (v.key === `${v.path.join('.')}?`) {
      // Whether an optional field is given: a side that requires it rejects its absence.
      if (!field.optional) accepted = [false, true];
    } else if (v.kind === 'enum' && type.kind === 'enum') {
      accepted = v.classes.map((c) => c.kind === 'values' && c.values.every((m) => type.members.includes(m)));
    } else if (v.kind === 'int' && type.kind === 'int') {
      accepted = v.classes.map((c) => c.kind === 'range' && (type.min === null || c.lo >= type.min) && (type.max === null || c.hi <= type.max));
    } else if (v.kind === 'member' && type.kind === 'set' && !type.element.members.includes(v.member!)) {
      accepted = v.classes.map((c) => c.kind === 'bool' && !c.value);
    }
    if (accepted === null || accepted.every(Boolean)) continue;
    let test = dd.node(v.index, accepted.map((a) => (a ? TRUE : FALSE)));
    // A value under an optional field is only checked where that field is given.
    for (const above of optionalsOn(record, v.key.endsWith('?') ? v.path.slice(0, -1) : v.path)) {
      const given = model.byKey.get(`${above.join('.')}?`);
      if (given) test = dd.or(test, dd.node(given.index, [TRUE, FALSE]));
    }
    ok = dd.and(ok, test);
  }
  return ok;
}
