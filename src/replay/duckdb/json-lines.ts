/**
 * JSON lines in DuckDB, read as the JS replay reads them. Every line is read as text (one row
 * per line, numbered from 0 as read: see line-scan.ts) and parsed once by DuckDB
 * (`json_transform` into the JSON text of every declared value). A line is *plain* when DuckDB
 * can vouch that `JSON.parse` and `validateInput` see exactly the values it extracts:
 *
 * - every declared value is there and of its JSON type: `true`/`false`; an integer without
 *   fraction or exponent; a string with no escape left after DuckDB's decoding (DuckDB keeps
 *   `\u0000` escaped); a date string of the form `YYYY-MM-DD`; a list of such strings; an object;
 * - the text is JSON by `JSON.parse`'s rules and holds nothing else: DuckDB's parser also takes
 *   trailing commas, NaN and Infinity, reads `-0` as 0 and keeps the first of two equal keys.
 *   Usually the line is exactly what DuckDB writes back for those values (no blank, no escape,
 *   no other key): then it is as long as the values, keys and punctuation written back, and any
 *   of those would make it longer. Otherwise each object must have as many keys as declared
 *   (duplicates counted), and no `,]`, `,}` or `-0` (blanks between allowed) may occur.
 *
 * What a column type can say — ints within bounds and ±(2^53 − 1), enum and set members, no
 * duplicate in a set, a date that exists and lies in 0001–9999, a version in force — the
 * decision view checks. A row that is not plain, or that the view does not decide, goes to the
 * JS replay's own code (`line-judge.ts`), which decides it or says why not in its own words.
 * So DuckDB decides only lines it reads exactly as JavaScript does, and every other line gets
 * JavaScript's answer: which lines are plain changes the speed, never the result (a string
 * holding `,}` is needlessly sent to JavaScript, say).
 */
import type { PolicySet, RecordField, RecordType } from '../../checker/program.js';
import { dialect } from '../../compiler/sql/dialect.js';
import { sqlType, typeKey } from '../../compiler/sql/index.js';
import { DuckDbInputError } from './duckdb-error.js';
import { addShape, INTEGER, keyCounts, LINE, plainString, plainValues, shapeJson, typedValue, witnessed, writtenLength, type Place, type Shape } from './json-shape.js';
import { DELIMITER } from './line-scan.js';

const d = dialect('duckdb');

/** The interpreter's JSON inputs hold safe integers only. */
const SAFE = 9007199254740991;

/** Columns of the view besides the input record's (a `$` never occurs in a Bylaw name). */
export const ROW = '$bylaw_row';
export { LINE };
export const PLAIN = '$bylaw_plain';
export const PLAIN_AGAINST = '$bylaw_plain_against';
/** The stripped `id` as the JS replay shows it in examples (its string, or its digits), or NULL. */
export const ID = '$bylaw_id';
const VALUES = '$bylaw_v';

const q = (name: string) => d.ident(name);

/** The input record's struct: the top of every place. */
const TOP: Place = { value: q(VALUES), path: [], depth: 0 };

/** The JSON text of a top-level value (NULL when absent or null), as text. */
function at(name: string): string {
  return `CAST(${q(VALUES)}.${q(name)} AS VARCHAR)`;
}

/** JSON.parse rejects a trailing comma; DuckDB reads `-0` as 0 (JavaScript rejects it as an int). */
const LENIENT = d.string(',[ \t]*[\\]}]|-0[ \t]*[\\],}]');

/**
 * Plain for a set: for the input record of the version in force on the line's date (the record
 * is known only once the date is read; most sets have one record for every version).
 */
function plainFor(set: PolicySet, plain: (type: RecordType) => string): string {
  const latest = set.versions[set.versions.length - 1]!;
  if (set.dateField === null || new Set(set.versions.map((v) => typeKey(v.inputType))).size === 1) return plain(latest.inputType);
  const date = at(set.dateField);
  const arms = [...set.versions].reverse().map((v) => `WHEN TRY_CAST(${date}[2:-2] AS DATE) >= DATE '${v.effective!}' THEN ${plain(v.inputType)}`);
  return `CASE\n    ${arms.join('\n    ')}\n    ELSE ${plain(latest.inputType)} END`;
}

export interface JsonLinesOptions {
  /** The file to read (line-scan.ts made sure DuckDB reads its lines as JavaScript does). */
  readonly path: string;
  readonly set: PolicySet;
  /** The policy compared against, when its input records differ from `set`'s. */
  readonly against?: PolicySet | null;
  /** A top-level `id` is not part of the input: stripped (and shown in examples) as the JS replay does. */
  readonly stripId: boolean;
}

/**
 * The query behind the input view: one row per line with its number (`$bylaw_row`, from 0),
 * its text, whether it is plain (for `set`, and for `against` when its records differ), the
 * stripped id, and the input record's columns — NULL unless the line is plain.
 */
export function jsonLinesQuery(options: JsonLinesOptions): { readonly sql: string; readonly helpers: readonly string[] } {
  const { set, stripId } = options;
  const against = options.against && !sameRecords(set, options.against) ? options.against : null;
  const latest = set.versions[set.versions.length - 1]!.inputType;
  const shape: Shape = new Map();
  const id = stripId ? at('id') : null;
  if (stripId) shape.set('id', null);
  // Fields of the same name but different kinds (a record in one version, not in another): no line is plain.
  // Fields of the same name but different kinds (a record in one version, not in another), or a
  // record of optional fields only (nothing shows it was an object): no line is plain.
  const readable = [set, ...(against ? [against] : [])].every((s) => s.versions.every((v) => addShape(shape, v.inputType) && witnessed(v.inputType)));
  const line = q(LINE);
  const idChecks =
    id === null ? [] : [`(${id} IS NULL OR ${plainString(id)} OR (json_type(${id}) IN ${INTEGER} AND TRY_CAST(${id} AS BIGINT) BETWEEN ${-SAFE} AND ${SAFE}))`];
  const idLength = id === null ? '' : ` + CASE WHEN ${id} IS NULL THEN 0 ELSE ${Buffer.byteLength('"id":,')} + strlen(${id}) END`;
  const idKey = id === null ? '' : ` + CASE WHEN ${id} IS NULL THEN 0 ELSE 1 END`;
  // CASE, not AND: DuckDB evaluates every operand of an AND, and json_keys fails on a line that is not JSON.
  const plainRecord = (type: RecordType) =>
    [
      `CASE WHEN ${q(VALUES)} IS NOT NULL AND COALESCE(${[...plainValues(type, TOP), ...idChecks].join('\n      AND ')}, FALSE)`,
      `    THEN CASE WHEN strlen(${line}) = ${writtenLength(type, TOP)}${idLength} THEN TRUE`,
      `      ELSE ${[...keyCounts(type, line, [], 0, idKey), `NOT regexp_matches(${line}, ${LENIENT})`].join(' AND ')} END`,
      `    ELSE FALSE END`,
    ].join('\n');
  const plain = (s: PolicySet) => (readable ? `COALESCE(${plainFor(s, plainRecord)}, FALSE)` : 'FALSE');
  const helpers = [ROW, LINE, PLAIN, ...(against ? [PLAIN_AGAINST] : []), ...(id === null ? [] : [ID])];
  const columns = [
    q(ROW),
    line,
    `${plain(set)} AS ${q(PLAIN)}`,
    ...(against ? [`${plain(against)} AS ${q(PLAIN_AGAINST)}`] : []),
  ];
  // The id as it is shown and written out: only a plain line's (another may be NaN, which is no JSON).
  const ids = id === null ? [] : [`CASE WHEN ${q(PLAIN)} AND starts_with(${id}, '"') THEN ${id}[2:-2] WHEN ${q(PLAIN)} THEN ${id} END AS ${q(ID)}`, `CASE WHEN ${q(PLAIN)} THEN ${q(VALUES)}."id" END AS "id"`];
  const typed = [
    ...ids,
    ...columnFields(latest, against).map((f) => `CASE WHEN ${q(PLAIN)} THEN ${typedValue(f.type, `${q(VALUES)}.${q(f.name)}`, 0, f.optional)} END AS ${q(f.name)}`),
  ];
  const sql = [
    `SELECT * EXCLUDE (${q(VALUES)}),\n  ${typed.join(',\n  ')}`,
    `FROM (`,
    `  SELECT ${columns.join(',\n    ')}, ${q(VALUES)}`,
    `  FROM (`,
    `    SELECT ${q(ROW)}, ${line}, try(json_transform(${line}, ${d.string(shapeJson(shape))})) AS ${q(VALUES)}`,
    // Numbered by a window with an empty OVER, which keeps the file's order (documented); the
    // lines alone go through it: the work above it runs on every thread (WITH ORDINALITY does not).
    `    FROM (SELECT row_number() OVER () - 1 AS ${q(ROW)}, line AS ${line} FROM ${linesSource(options.path)})`,
    `  )`,
    `)`,
  ].join('\n');
  return { sql, helpers };
}

/**
 * The input columns: the latest record's fields, and those only the policy compared against
 * reads (each decision view binds its own). One table cannot hold a column of two types.
 */
function columnFields(latest: RecordType, against: PolicySet | null): RecordField[] {
  const fields = [...latest.fields];
  for (const f of against?.versions[against.versions.length - 1]!.inputType.fields ?? []) {
    const known = fields.find((k) => k.name === f.name);
    if (!known) fields.push(f);
    else if (sqlType(known.type) !== sqlType(f.type)) {
      throw new DuckDbInputError(`the policies read \`${f.name}\` as different types (${sqlType(known.type)}, ${sqlType(f.type)}): DuckDB reads the posts into one table; compare them with \`--engine compiled\``);
    }
  }
  return fields;
}

/** Every line of the file as one VARCHAR (NULL for an empty line), in order: the CSV reader, no quoting, no header. */
function linesSource(path: string): string {
  return `read_csv(${d.string(path)}, columns = {'line': 'VARCHAR'}, header = false, auto_detect = false, delim = chr(${DELIMITER}), quote = '', escape = '', new_line = '\\n', strict_mode = false, compression = 'none', encoding = 'utf-8')`;
}

/** Two sets whose every version reads the same input record: a line plain for one is plain for the other. */
export function sameRecords(a: PolicySet, b: PolicySet): boolean {
  return new Set([...a.versions, ...b.versions].map((v) => typeKey(v.inputType))).size === 1;
}
