import type { EnumType, RecordField, RecordType, Type } from '../../checker/program.js';
import { MAX_LIST_LENGTH } from '../../runtime/validate.js';
import { fieldRef, literal } from './conditions.js';
import type { Dialect } from './dialect.js';
import type { Features } from './features.js';

/**
 * Input validation in SQL. The typed table already guarantees the shape (a BIGINT is an int, a
 * DATE a date), so what is left of the interpreter's checks is NULLs (a missing field; an
 * optional field may be NULL), int bounds and the safe-integer range, enum membership, set
 * elements (members, no duplicates, no NULL), list lengths and elements, and dates outside
 * 0001–9999. Undeclared columns or struct fields are not errors here: a table has the columns it
 * has, and the policy reads only its own.
 */
interface Check {
  /** The path the interpreter reports, as field names (`author.role`). */
  readonly path: readonly string[];
  /** After the path: an element's index (`[3]`). */
  readonly at?: readonly MessagePart[];
  /** TRUE on a good value; NULL (never FALSE) when the value itself is NULL, except for `IS NOT NULL`. */
  readonly good: string;
  /** The message without the path: literal text and SQL string expressions, concatenated. */
  readonly message: readonly MessagePart[];
}

type MessagePart = { readonly text: string } | { readonly sql: string };

/** The interpreter's JSON inputs hold safe integers only. */
const SAFE = 9007199254740991;

/** Where features are given, enums and sets are checked through them (cheaper; same verdict). */
export interface FeatureAccess {
  readonly features: Features;
  readonly alias: string;
}

/** A record's fields below a base: the input's columns, or a list element's struct fields. */
interface Base {
  ref(path: readonly string[]): string;
  /** Features exist for the input's own fields only. */
  readonly access: FeatureAccess | undefined;
  /** How many list elements enclose it (names the next element's lambda parameter). */
  readonly depth: number;
}

const inputBase = (d: Dialect, access: FeatureAccess | undefined): Base => ({ ref: (path) => fieldRef(d, path), access, depth: 0 });

/** The checks of one field: `verdictOnly` merges those where only TRUE/FALSE matters. */
function fieldChecks(d: Dialect, field: RecordField, at: readonly string[], base: Base, verdictOnly: boolean): Omit<Check, 'path'>[] {
  const ref = base.ref(at);
  const t = field.type;
  const access = base.access;
  const feature =
    access === undefined
      ? undefined
      : t.kind === 'enum'
        ? access.features.find(at, 'enum', t.members)
        : t.kind === 'set'
          ? access.features.find(at, 'set', t.element.members)
          : undefined;
  const present = field.optional ? [] : [{ good: `${ref} IS NOT NULL`, message: [{ text: 'missing value (NULL)' }] }];
  if (feature && t.kind === 'enum') {
    const index = access!.features.ref(feature, access!.alias);
    // The index is NULL for a NULL and for a non-member alike: one test where only the verdict counts.
    if (verdictOnly) return [{ good: `${index} IS NOT NULL`, message: [] }];
    return [...present, { good: `(${index} IS NOT NULL OR ${ref} IS NULL)`, message: enumMessage(t, ref) }];
  }
  if (feature && t.kind === 'set') {
    const mask = access!.features.ref(feature, access!.alias);
    return [...present, { good: `${d.features!.bitCount(mask)} = ${d.length(ref)}`, message: setMessage(t.element) }];
  }
  return [...present, ...valueChecks(d, t, ref, base.depth, verdictOnly)];
}

/** Every check of a record's fields, in field order (a record's own fields after its NULL check). */
function recordChecks(d: Dialect, type: RecordType, base: Base, path: readonly string[], verdictOnly: boolean): Check[] {
  const checks: Check[] = [];
  for (const field of type.fields) {
    const at = [...path, field.name];
    const own = fieldChecks(d, field, at, base, verdictOnly).map((c) => ({ path: at, ...c }));
    const below = field.type.kind === 'record' ? recordChecks(d, field.type, base, at, verdictOnly) : [];
    if (verdictOnly && field.optional) {
      // An absent optional field is valid, whatever its fields would say.
      const all = [...own, ...below].map((c) => c.good);
      if (all.length > 0) checks.push({ path: at, good: `(${base.ref(at)} IS NULL OR (${all.join(' AND ')}))`, message: [] });
    } else {
      checks.push(...own, ...below);
    }
  }
  return checks;
}

function valueChecks(d: Dialect, type: Type, ref: string, depth: number, verdictOnly: boolean): Omit<Check, 'path'>[] {
  const asText = (expr: string): MessagePart => ({ sql: `CAST(${expr} AS ${d.types.string})` });
  switch (type.kind) {
    case 'int': {
      const checks: Omit<Check, 'path'>[] = [
        { good: `${ref} BETWEEN ${-SAFE} AND ${SAFE}`, message: [{ text: 'expected int, got ' }, asText(ref)] },
      ];
      if (type.min !== null) {
        checks.push({ good: `${ref} >= ${literal(d, type.min, type)}`, message: [asText(ref), { text: ` is below the minimum ${type.min}` }] });
      }
      if (type.max !== null) {
        checks.push({ good: `${ref} <= ${literal(d, type.max, type)}`, message: [asText(ref), { text: ` is above the maximum ${type.max}` }] });
      }
      return checks;
    }
    case 'date':
      return [
        {
          good: `${ref} BETWEEN DATE '0001-01-01' AND DATE '9999-12-31'`,
          message: [{ text: 'expected a date (YYYY-MM-DD), got ' }, asText(ref)],
        },
      ];
    case 'enum':
      return [
        {
          good: `${ref} IN (${type.members.map((m) => d.string(m)).join(', ')})`,
          message: enumMessage(type, ref),
        },
      ];
    case 'set': {
      const members = type.element.members.map((m) => d.string(m));
      return [
        {
          good: `(${d.allIn(ref, members)} AND ${d.distinctLength(ref)} = ${d.length(ref)})`,
          message: setMessage(type.element),
        },
      ];
    }
    case 'list': {
      const x = d.ident(`$bylaw_x${depth}`);
      const element = elementValid(d, type.element, x, depth + 1);
      const short = `${d.length(ref)} <= ${MAX_LIST_LENGTH}`;
      const elements = `${d.countWhere(ref, x, `NOT ${element}`)} = 0`;
      return [
        {
          good: short,
          message: [{ text: 'a list of ' }, asText(d.length(ref)), { text: ` elements is longer than the most an input may hold, ${MAX_LIST_LENGTH}` }],
        },
        {
          // Its elements are looked at only in a list short enough (as the interpreter does).
          good: verdictOnly ? elements : `(NOT ${short} OR ${elements})`,
          at: [{ text: '[' }, asText(`${d.firstFailing(ref, x, element)} - 1`), { text: ']' }],
          message: [{ text: `expected ${elementWhat(type.element)}` }],
        },
      ];
    }
    default:
      return [];
  }
}

/** TRUE for a valid element `x` of a list, FALSE otherwise (never NULL). */
function elementValid(d: Dialect, type: Type, x: string, depth: number): string {
  if (type.kind === 'record') {
    const base: Base = { ref: (path) => [x, ...path.map((p) => d.ident(p))].join('.'), access: undefined, depth };
    return `(${[`${x} IS NOT NULL`, ...recordChecks(d, type, base, [], true).map((c) => c.good)].join(' AND ')})`;
  }
  return `(${[`${x} IS NOT NULL`, ...valueChecks(d, type, x, depth, true).map((c) => c.good)].join(' AND ')})`;
}

function elementWhat(type: Type): string {
  switch (type.kind) {
    case 'record':
      return `an object (${type.name}) with every field valid`;
    case 'enum':
      return `one of ${type.name} (${type.members.join(', ')})`;
    case 'int':
      return type.min === null ? (type.max === null ? 'int' : `int up to ${type.max}`) : type.max === null ? `int from ${type.min}` : `int from ${type.min} to ${type.max}`;
    case 'date':
      return 'a date (YYYY-MM-DD)';
    default:
      return type.kind;
  }
}

function enumMessage(type: EnumType, ref: string): MessagePart[] {
  return [{ text: `expected one of ${type.name} (${type.members.join(', ')}), got "` }, { sql: ref }, { text: '"' }];
}

function setMessage(element: EnumType): MessagePart[] {
  return [{ text: `expected a list of distinct members of ${element.name} (${element.members.join(', ')})` }];
}

/**
 * TRUE when the row passes every check, FALSE otherwise — never NULL: a NULL anywhere makes an
 * `IS NOT NULL` conjunct FALSE, and FALSE AND NULL is FALSE; an optional field's checks hold
 * under `IS NULL OR`.
 */
export function validExpression(d: Dialect, type: RecordType, access?: FeatureAccess): string {
  return recordChecks(d, type, inputBase(d, access), [], true)
    .map((c) => c.good)
    .join('\n  AND ');
}

/** The problems of a row, `path: message` joined with `; ` in field order, or NULL when there are none. */
export function problemsExpression(d: Dialect, type: RecordType, access?: FeatureAccess): string {
  const parts = recordChecks(d, type, inputBase(d, access), [], false).map((c) => {
    // A check of a field means something only where its parents are there.
    const parents = c.path.slice(0, -1).map((_, i) => `${fieldRef(d, c.path.slice(0, i + 1))} IS NOT NULL`);
    const message = concat(d, [{ text: c.path.join('.') }, ...(c.at ?? []), { text: ': ' }, ...c.message]);
    return `CASE WHEN ${[...parents, `NOT (${c.good})`].join(' AND ')} THEN ${message} END`;
  });
  return `NULLIF(concat_ws(${d.string('; ')},\n  ${parts.join(',\n  ')}), ${d.string('')})`;
}

/** `'a' || expr || 'b'`, adjacent texts merged. */
function concat(d: Dialect, parts: readonly MessagePart[]): string {
  const merged: MessagePart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if ('text' in part && last !== undefined && 'text' in last) merged[merged.length - 1] = { text: last.text + part.text };
    else merged.push(part);
  }
  return merged.map((p) => ('text' in p ? d.string(p.text) : p.sql)).join(' || ');
}
