/**
 * What DuckDB extracts from a JSON line for an input record, and the tests that tell whether
 * JavaScript sees exactly those values (json-lines.ts says why each matters). Records are
 * structs of the JSON text of each value; a list of records a list of such structs, walked with
 * lambdas; an optional field is NULL when absent or null. Every test is over `place`: where a
 * record's struct is (the key counts: where its JSON text is).
 */
import type { RecordType, Type } from '../../checker/program.js';
import { dialect } from '../../compiler/sql/dialect.js';

const d = dialect('duckdb');
const q = (name: string) => d.ident(name);

/** A column of the line's text, named as json-lines.ts names it. */
export const LINE = '$bylaw_line';

/** What `json_transform` extracts: a value's JSON text (`null`), a record's struct, or a list of either. */
export type ShapeNode = null | Shape | { readonly list: ShapeNode };
export type Shape = Map<string, ShapeNode>;

function nodeOf(type: Type): ShapeNode {
  if (type.kind === 'record') {
    const shape: Shape = new Map();
    addShape(shape, type);
    return shape;
  }
  return type.kind === 'list' ? { list: nodeOf(type.element) } : null;
}

/** Adds a record's fields to a shape; false when a field is read two ways (a record in one version, not in another). */
export function addShape(shape: Shape, type: RecordType): boolean {
  for (const field of type.fields) {
    const node = nodeOf(field.type);
    const known = shape.get(field.name);
    if (known === undefined) shape.set(field.name, node);
    else if (!merge(known, node)) return false;
  }
  return true;
}

function merge(known: ShapeNode, node: ShapeNode): boolean {
  if (known === null || node === null) return known === node;
  if (known instanceof Map) return node instanceof Map && [...node].every(([k, v]) => (known.has(k) ? merge(known.get(k)!, v) : (known.set(k, v), true)));
  return !(node instanceof Map) && merge(known.list, node.list);
}

export function shapeJson(node: ShapeNode): string {
  if (node === null) return '"JSON"';
  if (node instanceof Map) return `{${[...node].map(([name, inner]) => `${JSON.stringify(name)}:${shapeJson(inner)}`).join(',')}}`;
  return `[${shapeJson(node.list)}]`;
}

/**
 * Whether every record the type reaches has a field that is not optional. Such a field, present
 * and of its JSON type, shows its record was an object: `json_transform` makes a struct of NULLs
 * of anything else (`5`, `[…]`), which a record of optional fields only could not tell apart.
 */
export function witnessed(type: Type): boolean {
  if (type.kind === 'list') return witnessed(type.element);
  if (type.kind !== 'record') return true;
  return type.fields.some((f) => !f.optional) && type.fields.every((f) => witnessed(f.type));
}

/** Where a record is: its struct, the JSON path of that struct in the line, and how many lists enclose it. */
export interface Place {
  readonly value: string;
  readonly path: readonly string[];
  readonly depth: number;
}

const field = (place: Place, name: string): Place => ({ value: `${place.value}.${q(name)}`, path: [...place.path, name], depth: place.depth });

/** A JSON path of keys as an SQL literal (`'$."channel"."strikes"'`), with `tail` after it. */
const pathSql = (path: readonly string[], tail = '') => d.string(`$${path.map((p) => `.${JSON.stringify(p)}`).join('')}${tail}`);

/** The JSON text of a value (NULL when absent or null), as text (a JSON value converts as JSON). */
const text = (value: string) => `CAST(${value} AS VARCHAR)`;

/** A JSON string with no escape left after DuckDB's decoding: its text between the quotes is its value. */
export function plainString(x: string): string {
  return `(starts_with(${x}, '"') AND NOT contains(${x}, '\\'))`;
}

const DATE_TEXT = d.string('"[0-9]{4}-[0-9]{2}-[0-9]{2}"');
/** A JSON list of strings without escapes (DuckDB writes it back minified). */
const STRING_LIST = d.string('\\[("[^"\\\\]*"(,"[^"\\\\]*")*)?\\]');
export const INTEGER = `('BIGINT', 'UBIGINT')`;

/** A list's elements, each bound to a lambda parameter. */
const element = (depth: number) => q(`$bylaw_j${depth}`);

/** TRUE when `body` holds for every element (NULL counted as not). */
function every(list: string, depth: number, body: string): string {
  return `COALESCE(list_bool_and(list_transform(${list}, lambda ${element(depth)}: COALESCE(${body}, FALSE))), TRUE)`;
}

/** A scalar's JSON text is of its JSON type. */
function plainScalar(type: Type, x: string): string {
  switch (type.kind) {
    case 'bool':
      return `${x} IN ('true', 'false')`;
    case 'int':
      return `json_type(${x}) IN ${INTEGER}`;
    case 'string':
    case 'enum':
      return plainString(x);
    case 'date':
      return `regexp_full_match(${x}, ${DATE_TEXT})`;
    case 'set':
      return `regexp_full_match(${x}, ${STRING_LIST})`;
    default:
      throw new Error(`not a scalar: ${type.kind}`);
  }
}

/** A list's elements are there and of their JSON type. */
function plainList(type: Type, list: string, depth: number): string {
  const e = element(depth);
  const each =
    type.kind === 'record' ? [`${e} IS NOT NULL`, ...plainValues(type, { value: e, path: [], depth: depth + 1 })].join(' AND ') : plainScalar(type, text(e));
  return `${list} IS NOT NULL AND ${every(list, depth, each)}`;
}

/** Every value of the record is there (an optional one maybe not) and of its JSON type. */
export function plainValues(type: RecordType, place: Place): string[] {
  return type.fields.map((f) => {
    const at = field(place, f.name);
    const x = text(at.value);
    let plain: string;
    switch (f.type.kind) {
      case 'record':
        plain = plainValues(f.type, at).join(' AND ');
        break;
      case 'list':
        plain = plainList(f.type.element, at.value, place.depth);
        break;
      default:
        plain = plainScalar(f.type, x);
        // The view takes NULL for absent here: an int or date that does not convert (a day that does not exist) must not pass for one.
        if (f.optional && (f.type.kind === 'int' || f.type.kind === 'date')) plain += ` AND ${typedValue(f.type, at.value, place.depth)} IS NOT NULL`;
    }
    return f.optional ? `(${at.value} IS NULL OR (${plain}))` : plain;
  });
}

/** The length (bytes) of the record as DuckDB writes it back: braces, keys, colons, commas and values (an absent optional field: nothing). */
export function writtenLength(type: RecordType, place: Place): string {
  // A witnessed record has a field that is not optional: its commas are one fewer than those fields, plus one per optional field there.
  const required = type.fields.filter((f) => !f.optional).length;
  const parts = type.fields.map((f) => {
    const at = field(place, f.name);
    const key = Buffer.byteLength(JSON.stringify(f.name));
    const value = valueLength(f.type, at);
    return f.optional ? `CASE WHEN ${at.value} IS NULL THEN 0 ELSE ${key + 2} + ${value} END` : `${key + 1} + ${value}`;
  });
  return `${2 + required - 1} + ${parts.join(' + ')}`;
}

function valueLength(type: Type, at: Place): string {
  if (type.kind === 'record') return `(${writtenLength(type, at)})`;
  if (type.kind !== 'list') return `strlen(${text(at.value)})`;
  const e = element(at.depth);
  const each = type.element.kind === 'record' ? writtenLength(type.element, { value: e, path: [], depth: at.depth + 1 }) : `strlen(${text(e)})`;
  return `(2 + greatest(len(${at.value}) - 1, 0) + COALESCE(list_sum(list_transform(${at.value}, lambda ${e}: ${each})), 0))`;
}

/**
 * Each object of the record has as many keys as declared (an optional one counted where the
 * JSON has it, null or not), duplicates counted; an optional list is a list or null where the
 * JSON has it (`json_transform` makes NULL of a value that is not a list, as of an absent one).
 * Over JSON text: the line, or a list element's own text (`json_extract(…, '$.…[*]')` parses
 * the line once per list, not once per element).
 */
export function keyCounts(type: RecordType, json: string, path: readonly string[], depth: number, extra: string): string[] {
  const here = path.length === 0 ? `json_keys(${json})` : `json_keys(${json}, ${pathSql(path)})`;
  const required = type.fields.filter((f) => !f.optional).length;
  const present = type.fields.filter((f) => f.optional).map((f) => ` + CASE WHEN json_exists(${json}, ${pathSql([...path, f.name])}) THEN 1 ELSE 0 END`);
  return [
    `len(${here}) = ${required}${present.join('')}${extra}`,
    ...type.fields.flatMap((f) => {
      const at = [...path, f.name];
      const t = f.type;
      const absent = `COALESCE(json_type(${json}, ${pathSql(at)}), 'NULL')`;
      if (t.kind === 'record') {
        const inner = keyCounts(t, json, at, depth, '');
        return f.optional ? [`(${absent} = 'NULL' OR (${inner.join(' AND ')}))`] : inner;
      }
      if (t.kind !== 'list') return [];
      const checks = f.optional ? [`${absent} IN ('NULL', 'ARRAY')`] : [];
      if (t.element.kind === 'record') {
        const e = element(depth);
        checks.push(every(`json_extract(${json}, ${pathSql(at, '[*]')})`, depth, keyCounts(t.element, e, [], depth + 1, '').join(' AND ')));
      }
      return checks;
    }),
  ];
}

/** The value of a plain JSON value as its column type. */
export function typedValue(type: Type, value: string, depth: number, optional = false): string {
  const x = text(value);
  switch (type.kind) {
    case 'bool':
      return `(${x} = 'true')`;
    case 'int':
      return `TRY_CAST(${x} AS BIGINT)`;
    case 'string':
    case 'enum':
      return `${x}[2:-2]`;
    case 'date':
      return `TRY_CAST(${x}[2:-2] AS DATE)`;
    case 'set':
      return `CASE WHEN ${x} = '[]' THEN CAST([] AS VARCHAR[]) ELSE string_split(${x}[3:-3], '","') END`;
    case 'list': {
      const e = element(depth);
      return `list_transform(${value}, lambda ${e}: ${typedValue(type.element, e, depth + 1)})`;
    }
    case 'record': {
      const struct = `struct_pack(${type.fields.map((f) => `${q(f.name)} := ${typedValue(f.type, `${value}.${q(f.name)}`, depth, f.optional)}`).join(', ')})`;
      // struct_pack of NULLs is a struct, not NULL: an absent record stays NULL.
      return optional ? `CASE WHEN ${value} IS NULL THEN NULL ELSE ${struct} END` : struct;
    }
  }
}
