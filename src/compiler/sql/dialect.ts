/**
 * What differs between the SQL dialects Bylaw targets: quoting, type names, the list/array
 * functions (lambdas for quantifiers over lists) and date arithmetic. Everything else the
 * generator emits is standard SQL (CASE, IN, AND/OR/NOT, comparisons, DATE literals, `||`,
 * concat_ws, VALUES, LEFT JOIN), accepted by all three.
 *
 * Every string that reaches SQL text goes through `string` and every name through `ident`:
 * nothing from a policy is pasted into the output unescaped.
 */

export type DialectName = 'duckdb' | 'spark' | 'trino';

export const DIALECTS: readonly DialectName[] = ['duckdb', 'spark', 'trino'];

export interface Dialect {
  readonly name: DialectName;
  /** A quoted identifier. */
  ident(name: string): string;
  /** A string literal with the same value. */
  string(value: string): string;
  /** Type names. */
  readonly types: {
    readonly bool: string;
    readonly string: string;
    readonly date: string;
    readonly int: string;
    list(element: string): string;
    struct(fields: readonly { readonly name: string; readonly type: string }[]): string;
  };
  /** `list` contains `item` (both SQL expressions). */
  contains(list: string, item: string): string;
  /** The number of elements of a list. */
  length(list: string): string;
  /** The number of distinct non-null elements of a list. */
  distinctLength(list: string): string;
  /** True when every element of `list` is one of `members` (string literals) and none is null. */
  allIn(list: string, members: readonly string[]): string;
  /** How many elements of `list` `body` holds for, `param` (a quoted name) bound to each: DuckDB `list_filter`, Spark `filter`/`size`, Trino `filter`/`cardinality`. */
  countWhere(list: string, param: string, body: string): string;
  /** The 1-based position of the first element `body` is false for (only asked where there is one). */
  firstFailing(list: string, param: string, body: string): string;
  /** `date` moved by whole days (`days` signed), or by calendar months, clamped to the month's end. */
  addDays(date: string, days: number): string;
  addMonths(date: string, months: number): string;
  /**
   * Per-row features (features.ts), where the dialect can drop helper columns from `*`:
   * DuckDB's `* EXCLUDE`. Absent: conditions read the columns directly.
   */
  readonly features?: {
    /** `alias.*` without `columns` (quoted names). */
    star(alias: string, columns: readonly string[]): string;
    /**
     * The bit mask of a list of strings: bit k for `members[k]` (string literals), 0 for an
     * element that is not a member or NULL; 0 for an empty list, NULL for a NULL list.
     */
    mask(list: string, members: readonly string[]): string;
    /** The number of bits set in a BIGINT. */
    bitCount(value: string): string;
    /** Element `index` (1-based; NULL for a NULL index) of a list literal. */
    index(list: string, index: string): string;
  };
}

/** `"name"` with `""` for a quote: DuckDB, Trino and the SQL standard. */
function doubleQuoted(name: string): string {
  checkText(name);
  return `"${name.replaceAll('"', '""')}"`;
}

/** `'text'` with `''` for a quote: DuckDB and Trino, where a backslash is an ordinary character. */
function standardString(value: string, nul = false): string {
  return withControls(value, (part) => `'${part.replaceAll("'", "''")}'`, nul);
}

/**
 * Control characters (a newline in a `because`, say) are spliced in as `chr(n)` — in all three
 * dialects — so a literal is always one line of text: re-indenting the SQL can't change it, and
 * no line of output can start inside a string.
 */
function withControls(value: string, quote: (part: string) => string, nul = false): string {
  if (!nul) checkText(value);
  const parts = value.split(/([\u0000-\u001f\u007f])/);
  if (parts.length === 1) return quote(value);
  const pieces = parts.flatMap((part, i) => (i % 2 === 1 ? [`chr(${part.charCodeAt(0)})`] : part === '' ? [] : [quote(part)]));
  return `(${pieces.join(' || ')})`;
}

/**
 * A NUL in a string for Spark or Trino (never run there, so untested): refused rather than risk
 * a truncated string. DuckDB stores, compares and hashes strings holding NULs (`chr(0)`, tested
 * in test/sql), so its strings take one. Names never hold one (the lexer refuses it).
 */
function checkText(value: string): void {
  if (value.includes('\u0000')) throw new Error('a NUL character (`\\0`) in a policy string cannot be written as Spark or Trino SQL (DuckDB takes it)');
}

const duckdb: Dialect = {
  name: 'duckdb',
  ident: doubleQuoted,
  string: (value) => standardString(value, true),
  types: {
    bool: 'BOOLEAN',
    string: 'VARCHAR',
    date: 'DATE',
    int: 'BIGINT',
    list: (element) => `${element}[]`,
    struct: (fields) => `STRUCT(${fields.map((f) => `${doubleQuoted(f.name)} ${f.type}`).join(', ')})`,
  },
  contains: (list, item) => `list_contains(${list}, ${item})`,
  length: (list) => `len(${list})`,
  distinctLength: (list) => `len(list_distinct(${list}))`,
  allIn: (list, members) => `list_has_all([${members.join(', ')}], ${list})`,
  countWhere: (list, param, body) => `len(list_filter(${list}, lambda ${param}: ${body}))`,
  firstFailing: (list, param, body) => `list_position(list_transform(${list}, lambda ${param}: ${body}), FALSE)`,
  // DATE + integer is a DATE; DATE + INTERVAL a TIMESTAMP (month arithmetic clamps to the month's end).
  addDays: (date, days) => `(${date} ${days < 0 ? '-' : '+'} ${Math.abs(days)})`,
  addMonths: (date, months) => `CAST(${date} + INTERVAL (${months}) MONTH AS DATE)`,
  features: {
    star: (alias, columns) => `${alias}.* EXCLUDE (${columns.join(', ')})`,
    // Most sets are empty: the CASE skips the lambda for them.
    mask: (list, members) =>
      `CASE WHEN len(${list}) = 0 THEN 0 ELSE list_sum(list_transform(${list}, lambda e: CASE e ${members
        .map((m, k) => `WHEN ${m} THEN ${2 ** k}`)
        .join(' ')} ELSE 0 END)) END`,
    bitCount: (value) => `bit_count(${value})`,
    index: (list, index) => `${list}[${index}]`,
  },
};

const spark: Dialect = {
  name: 'spark',
  ident(name) {
    checkText(name);
    return `\`${name.replaceAll('`', '``')}\``;
  },
  // Spark reads backslash escapes inside string literals (unless spark.sql.parser.escapedStringLiterals).
  string(value) {
    return withControls(value, (part) => `'${part.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`);
  },
  types: {
    bool: 'BOOLEAN',
    string: 'STRING',
    date: 'DATE',
    int: 'BIGINT',
    list: (element) => `ARRAY<${element}>`,
    struct: (fields) => `STRUCT<${fields.map((f) => `${spark.ident(f.name)}: ${f.type}`).join(', ')}>`,
  },
  contains: (list, item) => `array_contains(${list}, ${item})`,
  length: (list) => `size(${list})`,
  distinctLength: (list) => `size(array_distinct(${list}))`,
  // array_except keeps a null element (it is not among the members), so nulls are caught too.
  allIn: (list, members) => `size(array_except(${list}, array(${members.join(', ')}))) = 0`,
  countWhere: (list, param, body) => `size(filter(${list}, ${param} -> ${body}))`,
  firstFailing: (list, param, body) => `array_position(transform(${list}, ${param} -> ${body}), FALSE)`,
  addDays: (date, days) => `date_add(${date}, ${days})`,
  // Spark 3+ clamps to the month's end (2.x moved a month's last day to the target's last day).
  addMonths: (date, months) => `add_months(${date}, ${months})`,
};

const trino: Dialect = {
  name: 'trino',
  ident: doubleQuoted,
  string: standardString,
  types: {
    bool: 'BOOLEAN',
    string: 'VARCHAR',
    date: 'DATE',
    int: 'BIGINT',
    list: (element) => `ARRAY(${element})`,
    struct: (fields) => `ROW(${fields.map((f) => `${doubleQuoted(f.name)} ${f.type}`).join(', ')})`,
  },
  contains: (list, item) => `contains(${list}, ${item})`,
  length: (list) => `cardinality(${list})`,
  distinctLength: (list) => `cardinality(array_distinct(${list}))`,
  allIn: (list, members) => `cardinality(array_except(${list}, ARRAY[${members.join(', ')}])) = 0`,
  countWhere: (list, param, body) => `cardinality(filter(${list}, ${param} -> ${body}))`,
  firstFailing: (list, param, body) => `array_position(transform(${list}, ${param} -> ${body}), FALSE)`,
  addDays: (date, days) => `date_add('day', ${days}, ${date})`,
  addMonths: (date, months) => `date_add('month', ${months}, ${date})`,
};

export function dialect(name: DialectName): Dialect {
  switch (name) {
    case 'duckdb':
      return duckdb;
    case 'spark':
      return spark;
    case 'trino':
      return trino;
    default:
      // A caller from plain JavaScript can pass any string.
      throw new RangeError(`unknown SQL dialect ${JSON.stringify(name)}: use ${DIALECTS.join(', ')}`);
  }
}

export function isDialectName(name: string): name is DialectName {
  return (DIALECTS as readonly string[]).includes(name);
}
