import type { EnumType, RecordType, Type } from '../../checker/program.js';
import { fieldRef, literal } from './conditions.js';
import type { Dialect } from './dialect.js';
import type { Features } from './features.js';

/**
 * Input validation in SQL. The typed table already guarantees the shape (a BIGINT is an int, a
 * DATE a date), so what is left of the interpreter's checks is NULLs (a missing field), int bounds
 * and the safe-integer range, enum membership, set elements (members, no duplicates, no NULL) and
 * dates outside 0001–9999. Undeclared columns or struct fields are not errors here: a table has
 * the columns it has, and the policy reads only its own.
 */
interface Check {
  /** The path the interpreter reports, as field names (`author.role`). */
  readonly path: readonly string[];
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

function inputChecks(d: Dialect, type: RecordType, access: FeatureAccess | undefined, verdictOnly: boolean): Check[] {
  const checks: Check[] = [];
  const walk = (record: RecordType, path: readonly string[]) => {
    for (const field of record.fields) {
      const at = [...path, field.name];
      const ref = fieldRef(d, at);
      const t = field.type;
      const feature =
        access === undefined
          ? undefined
          : t.kind === 'enum'
            ? access.features.find(at, 'enum', t.members)
            : t.kind === 'set'
              ? access.features.find(at, 'set', t.element.members)
              : undefined;
      if (feature && t.kind === 'enum') {
        const index = access!.features.ref(feature, access!.alias);
        // The index is NULL for a NULL and for a non-member alike: one test where only the verdict counts.
        if (verdictOnly) {
          checks.push({ path: at, good: `${index} IS NOT NULL`, message: [] });
        } else {
          checks.push({ path: at, good: `${ref} IS NOT NULL`, message: [{ text: 'missing value (NULL)' }] });
          checks.push({ path: at, good: `(${index} IS NOT NULL OR ${ref} IS NULL)`, message: enumMessage(d, t, ref) });
        }
        continue;
      }
      checks.push({ path: at, good: `${ref} IS NOT NULL`, message: [{ text: 'missing value (NULL)' }] });
      if (feature && t.kind === 'set') {
        const mask = access!.features.ref(feature, access!.alias);
        checks.push({ path: at, good: `${d.features!.bitCount(mask)} = ${d.length(ref)}`, message: setMessage(t.element) });
        continue;
      }
      for (const check of valueChecks(d, field.type, ref)) checks.push({ path: at, ...check });
      if (field.type.kind === 'record') walk(field.type, at);
    }
  };
  walk(type, []);
  return checks;
}

function valueChecks(d: Dialect, type: Type, ref: string): Omit<Check, 'path'>[] {
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
          message: enumMessage(d, type, ref),
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
    default:
      return [];
  }
}

function enumMessage(_d: Dialect, type: EnumType, ref: string): MessagePart[] {
  return [{ text: `expected one of ${type.name} (${type.members.join(', ')}), got "` }, { sql: ref }, { text: '"' }];
}

function setMessage(element: EnumType): MessagePart[] {
  return [{ text: `expected a list of distinct members of ${element.name} (${element.members.join(', ')})` }];
}

/**
 * TRUE when the row passes every check, FALSE otherwise — never NULL: a NULL anywhere makes an
 * `IS NOT NULL` conjunct FALSE, and FALSE AND NULL is FALSE.
 */
export function validExpression(d: Dialect, type: RecordType, access?: FeatureAccess): string {
  return inputChecks(d, type, access, true)
    .map((c) => c.good)
    .join('\n  AND ');
}

/** The problems of a row, `path: message` joined with `; ` in field order, or NULL when there are none. */
export function problemsExpression(d: Dialect, type: RecordType, access?: FeatureAccess): string {
  const parts = inputChecks(d, type, access, false).map((c) => {
    // A check of a field means something only where its parents are there.
    const parents = c.path.slice(0, -1).map((_, i) => `${fieldRef(d, c.path.slice(0, i + 1))} IS NOT NULL`);
    const message = concat(d, [{ text: `${c.path.join('.')}: ` }, ...c.message]);
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
