/**
 * Runs a policy set's generated SQL in an embedded DuckDB: reads posts from JSON lines or
 * Parquet, decides every row in the database and brings back either counts (decoded here from
 * outcome ids — a few rows, however large the input) or a Parquet file of decisions.
 *
 * The I/O side of the SQL backend; the text of every query comes from src/compiler/sql and,
 * for JSON lines read as the JS replay reads them, json-lines.ts.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { extname } from 'node:path';
import type { PolicySet } from '../../checker/program.js';
import { decisionOfIds, fromAll, generateSql, inputColumns, sqlDecision, type SqlDecision } from '../../compiler/sql/index.js';
import type { AnyDecision } from '../../semantics/decision.js';
import { DuckDbInputError } from './duckdb-error.js';
import { replayJsonLines } from './json-lines-replay.js';
import { ROW } from './json-lines.js';

export type InputFormat = 'jsonl' | 'parquet';

export interface DuckDbOptions {
  /** Worker threads; DuckDB's default is one per core. */
  readonly threads?: number;
}

export { DuckDbInputError };

/** Rows with one (decision, against decision) pair. */
export interface ReplayCell {
  /** The interpreter's Decision for these rows (from their answer ids); null: no decision (an input error, or no version in force). */
  readonly decision: AnyDecision | null;
  /** Under `against`; undefined without it. */
  readonly against?: AnyDecision | null;
  readonly count: number;
  /** The first few rows (0-based, in input order) with this pair. */
  readonly firstRows: readonly number[];
  /** For each of `firstRows`, the `id` the JS replay names the post by, or null (it names it by its line). */
  readonly firstIds?: readonly (string | null)[];
}

export interface ReplayResult {
  readonly rows: number;
  readonly decided: number;
  readonly errors: number;
  /** Most frequent first, then by outcome ids. */
  readonly cells: readonly ReplayCell[];
  /** The first `errorRows` rows without a decision (0-based, in input order), and why. */
  readonly errorRows: readonly { readonly row: number; readonly error: string }[];
  /** JSON lines: how many DuckDB left to the JS replay's code (json-lines.ts says which). */
  readonly judged?: number;
  readonly seconds: number;
}

export interface ReplayOptions {
  readonly input: string;
  readonly format?: InputFormat;
  readonly against?: PolicySet;
  /** Writes every row with its decision columns (of `set`) here: Parquet, or JSON lines for .jsonl/.ndjson/.json. */
  readonly output?: string;
  /** How many first rows to keep per cell (default 3). */
  readonly examples?: number;
  /** How many error rows to explain (default 20). */
  readonly errorRows?: number;
}

export function formatOf(path: string): InputFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.parquet') return 'parquet';
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  throw new DuckDbInputError(`cannot tell the format of \`${path}\`: expected .jsonl, .ndjson or .parquet`);
}

export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A DuckDB session; close it when done. */
export class DuckDbRunner {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(options: DuckDbOptions = {}): Promise<DuckDbRunner> {
    const config: Record<string, string> = {};
    if (options.threads !== undefined) config['threads'] = String(options.threads);
    const instance = await DuckDBInstance.create(':memory:', config);
    return new DuckDbRunner(instance, await instance.connect());
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  /**
   * Makes `table` a view over the input file. JSON lines are loaded by DuckDB's JSON reader with
   * the column types of the set's input record: quick, for tables and tests, but not as the JS
   * replay reads them (it converts `"100"` to an int, skips blank lines, stops at a line that is
   * not JSON); `replay` reads them with json-lines.ts. `rowNumbers` (Parquet): a `$bylaw_row`
   * column, the row's number in the file from 0.
   */
  async registerInput(set: PolicySet, path: string, table = 'posts', format: InputFormat = formatOf(path), rowNumbers = false): Promise<void> {
    let source: string;
    if (format === 'parquet') {
      source = `read_parquet(${sqlString(path)}${rowNumbers ? ', file_row_number = true' : ''})`;
    } else {
      const declared = inputColumns(set, 'duckdb');
      // A top-level `id` names a post (as in the JS replay): kept, as JSON, unless the record declares one.
      const id = declared.some((c) => c.name === 'id') ? [] : [{ name: 'id', type: 'JSON' }];
      const columns = [...id, ...declared].map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ');
      source = `read_json(${sqlString(path)}, format = 'newline_delimited', columns = {${columns}})`;
    }
    const select = rowNumbers && format === 'parquet' ? `* RENAME (file_row_number AS ${ident(ROW)})` : '*';
    await this.run(`CREATE OR REPLACE VIEW ${ident(table)} AS SELECT ${select} FROM ${source}`);
  }

  /** Creates the decision view of `set` over `table` (named `<table>_decisions` unless given). */
  async createDecisionView(set: PolicySet, table = 'posts', view?: string): Promise<string> {
    const name = view ?? `${table}_decisions`;
    await this.run(generateSql(set, { dialect: 'duckdb', table, view: name }));
    return name;
  }

  /**
   * Decides every row of `options.input` under `set` (and `options.against`) in one pass,
   * counting the (decision, against decision) pairs in the database: what comes back is a row
   * per pair, decoded here from outcome ids. JSON lines are read as the JS replay reads them
   * (`replayJsonLines`); Parquet rows are typed already.
   */
  async replay(set: PolicySet, options: ReplayOptions): Promise<ReplayResult> {
    const format = options.format ?? formatOf(options.input);
    return format === 'parquet' ? this.replayParquet(set, options) : replayJsonLines(this, set, options);
  }

  /** Parquet: one pass for the counts; a second, cheap one fetches the reasons of the first error rows (the view's `error`). */
  private async replayParquet(set: PolicySet, options: ReplayOptions): Promise<ReplayResult> {
    const started = performance.now();
    const format = 'parquet';
    await this.registerInput(set, options.input, 'bylaw_posts', format, true);
    const current = sqlDecision(set, 'duckdb');
    const against = options.against ? sqlDecision(options.against, 'duckdb', 'against') : null;
    const from = `FROM ${fromAll('duckdb', ident('bylaw_posts'), against ? [current, against] : [current])}`;
    const row = `${ident('bylaw_input')}.${ident(ROW)}`;
    const examples = options.examples ?? 3;
    const limit = options.errorRows ?? 20;
    // One pass: per tuple of answer ids, its count and first rows (enough of them to explain the first errors).
    const ids = [...idColumns(current, 'o'), ...(against ? idColumns(against, 'a') : [])];
    const names = ids.map(([name]) => name);
    const counts = await this.query(
      `SELECT ${names.join(', ')}, count(*) AS n, min(r, ${Math.max(examples, limit)}) AS firsts FROM (SELECT ${ids.map(([name, expr]) => `${expr} AS ${name}`).join(', ')}, ${row} AS r\n${from}) GROUP BY ALL ORDER BY n DESC, ${names.map((n) => `${n} NULLS LAST`).join(', ')}`,
    );
    let rows = 0;
    let errors = 0;
    const errorCandidates: number[] = [];
    const cells: ReplayCell[] = counts.map((r) => {
      const count = Number(r['n']);
      const firsts = (r['firsts'] as bigint[]).map(Number);
      rows += count;
      if (r['o0'] === null) {
        errors += count;
        errorCandidates.push(...firsts);
      }
      const firstRows = firsts.slice(0, examples);
      const decision = decodeRow(current, r, 'o');
      return against ? { decision, against: decodeRow(against, r, 'a'), count, firstRows } : { decision, count, firstRows };
    });
    // The reasons, for the first error rows only.
    const first = errorCandidates.sort((x, y) => x - y).slice(0, limit);
    const errorRows =
      first.length === 0
        ? []
        : (
            await this.query(
              `SELECT r, e FROM (SELECT ${row} AS r, ${current.error} AS e\n${from} WHERE ${row} IN (${first.join(', ')})) ORDER BY r`,
            )
          ).map((r) => ({ row: Number(r['r']), error: String(r['e']) }));
    if (options.output !== undefined) {
      await this.registerInput(set, options.input, 'bylaw_posts', format);
      await this.writeDecisions(set, 'bylaw_posts', options.output);
    }
    return { rows, decided: rows - errors, errors, cells, errorRows, seconds: (performance.now() - started) / 1000 };
  }

  /** Writes every row of `table` with its decision columns: Parquet, or JSON lines for .jsonl/.ndjson/.json. */
  async writeDecisions(set: PolicySet, table: string, output: string): Promise<void> {
    await this.copyTo(await this.createDecisionView(set, table, `${table}_decisions`), output);
  }

  /** Writes every row of a table or view: Parquet, or JSON lines for .jsonl/.ndjson/.json. */
  async copyTo(view: string, output: string): Promise<void> {
    const format = /\.(jsonl|ndjson|json)$/i.test(output) ? 'json' : 'parquet';
    await this.run(`COPY (SELECT * FROM ${ident(view)}) TO ${sqlString(output)} (FORMAT ${format})`);
  }

  /** The rows of a query a chunk at a time: a result too large to hold is never held. */
  async *stream(sql: string): AsyncGenerator<Record<string, unknown>[]> {
    let result;
    try {
      result = await this.connection.stream(sql);
    } catch (error) {
      throw asInputError(error);
    }
    const chunks = result.yieldRowObjectJs();
    for (;;) {
      let next;
      try {
        next = await chunks.next();
      } catch (error) {
        throw asInputError(error);
      }
      if (next.done) return;
      yield next.value as Record<string, unknown>[];
    }
  }

  async run(sql: string): Promise<void> {
    try {
      await this.connection.run(sql);
    } catch (error) {
      throw asInputError(error);
    }
  }

  async query(sql: string): Promise<Record<string, unknown>[]> {
    try {
      const reader = await this.connection.runAndReadAll(sql);
      return reader.getRowObjectsJS() as Record<string, unknown>[];
    } catch (error) {
      throw asInputError(error);
    }
  }
}

/** DuckDB's errors about files and values become one-line input errors; anything else is a bug. */
function asInputError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  if (/^(IO|Invalid Input|Conversion|Binder) Error/.test(error.message)) {
    return new DuckDbInputError(error.message.split('\n')[0]!.replace(/^(IO|Invalid Input|Conversion|Binder) Error: /, ''));
  }
  return error;
}

/** The answer id of each outcome of a decision, as `<prefix><n>` columns. */
export function idColumns(decision: SqlDecision, prefix: string): [string, string][] {
  return decision.outcomeIds.map((expr, i) => [`${prefix}${i}`, expr]);
}

/** The Decision of a row's answer ids (`<prefix><n>`), or null when it has none. */
export function decodeRow(decision: SqlDecision, row: Record<string, unknown>, prefix: string): AnyDecision | null {
  const ids = decision.outcomeIds.map((_, i) => row[`${prefix}${i}`]);
  return ids.some((id) => id === null || id === undefined) ? null : decisionOfIds(decision.plan, ids.map(Number));
}

export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
