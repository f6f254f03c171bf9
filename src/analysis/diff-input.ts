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
  let type: Type = record;
  for (const key of path) {
    if (type.kind !== 'record') return null;
    const field: { type: Type } | undefined = type.fields.find((f) => f.name === key);
    if (!field) return null;
    type = field.type;
  }
  return type;
}

/** `record` with the type at `path` replaced (a new record; `record` is unchanged). */
export function withTypeAt(record: RecordType, path: readonly string[], type: Type): RecordType {
  const [head, ...rest] = path;
  return {
    ...record,
    fields: record.fields.map((f) => (f.name !== head ? f : { ...f, type: rest.length === 0 ? type : f.type.kind === 'record' ? withTypeAt(f.type, rest, type) : f.type })),
  };
}

export function printType(t: Type): string {
  switch (t.kind) {
    case 'int':
      return t.min === null && t.max === null ? 'int' : `int(${t.min === null ? '' : formatInt(t.min)}..${t.max === null ? '' : formatInt(t.max)})`;
    case 'set':
      return `set<${t.element.name}>`;
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
    case 'record':
      return `record ${t.fields.map((f) => `${f.name}:${acceptance(f.type)}`).join(';')}`;
    default:
      return t.kind;
  }
}

export function sameAcceptance(a: Type, b: Type): boolean {
  return acceptance(a) === acceptance(b);
}

/** The changes between two input records, field by field. */
export function typeChanges(before: RecordType, after: RecordType): TypeChange[] {
  const out: TypeChange[] = [];
  const walk = (a: Type, b: Type, path: readonly string[]) => {
    const at = path.join('.');
    if (a.kind === 'record' && b.kind === 'record') {
      for (const f of a.fields) {
        const g = b.fields.find((x) => x.name === f.name);
        if (g) walk(f.type, g.type, [...path, f.name]);
        else out.push({ path: [...path, f.name].join('.'), what: `field removed from ${b.name}: ${printType(f.type)}`, before: printType(f.type), after: null, shape: true });
      }
      for (const g of b.fields) {
        if (!a.fields.some((f) => f.name === g.name)) out.push({ path: [...path, g.name].join('.'), what: `field added to ${b.name}: ${printType(g.type)}`, before: null, after: printType(g.type), shape: true });
      }
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
  const collect = (t: Type, path: string[]) => {
    if (t.kind === 'record') {
      for (const f of t.fields) collect(f.type, [...path, f.name]);
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
  for (const { path, types } of byPath.values()) {
    const kinds = new Set(types.map((t) => t.kind));
    if (kinds.size !== 1 || types.every((t) => sameAcceptance(t, types[0]!))) continue;
    for (const type of types) {
      const field = { kind: 'field' as const, path, type, span };
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
            builder.addCondition({ kind: 'has', path, member: m, element: type.element, span }, none);
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
    const type = typeAt(record, v.path);
    if (type === null) continue;
    let accepted: boolean[] | null = null;
    if (v.kind === 'enum' && type.kind === 'enum') {
      accepted = v.classes.map((c) => c.kind === 'values' && c.values.every((m) => type.members.includes(m)));
    } else if (v.kind === 'int' && type.kind === 'int') {
      accepted = v.classes.map((c) => c.kind === 'range' && (type.min === null || c.lo >= type.min) && (type.max === null || c.hi <= type.max));
    } else if (v.kind === 'member' && type.kind === 'set' && !type.element.members.includes(v.member!)) {
      accepted = v.classes.map((c) => c.kind === 'bool' && !c.value);
    }
    if (accepted === null || accepted.every(Boolean)) continue;
    ok = dd.and(ok, dd.node(v.index, accepted.map((a) => (a ? TRUE : FALSE))));
  }
  return ok;
}
