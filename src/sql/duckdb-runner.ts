/**
 * Runs a policy set's generated SQL in an embedded DuckDB: reads posts from JSON lines or
 * Parquet, decides every row in the database and brings back either counts (decoded here from
 * outcome ids — a few rows, however large the input) or a Parquet file of decisions.
 *
 * The I/O side of the SQL backend; the text of every query comes from src/compiler/sql.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { extname } from 'node:path';
import type { PolicySet } from '../checker/program.js';
import { fromAll, generateSql, inputColumns, sqlDecision, type Outcome } from '../compiler/sql/index.js';

export type InputFormat = 'jsonl' | 'parquet';

export interface DuckDbOptions {
  /** Worker threads; DuckDB's default is one per core. */
  readonly threads?: number;
}

/** A user-facing failure (unreadable file, a value of the wrong type in the input): one message. */
export class DuckDbInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DuckDbInputError';
  }
}

/** The decision of one outcome id, as the JS engines report it (no `because` texts). */
export type OutcomeDecision = Omit<Outcome, 'id'>;

export interface TransitionCount {
  /** Null: the row has no decision (an input error, or no version in force). */
  readonly decision: OutcomeDecision | null;
  /** Under `--against`; undefined without it. */
  readonly against?: OutcomeDecision | null;
  readonly count: number;
}

export interface ErrorSample {
  readonly row: number;
  readonly error: string;
}

export interface ReplayResult {
  readonly rows: number;
  readonly decided: number;
  readonly errors: number;
  /** One entry per distinct (outcome, against outcome) pair, most frequent first, then by ids. */
  readonly counts: readonly TransitionCount[];
  /** The first few error rows (0-based row numbers in input order), for the report. */
  readonly errorSamples: readonly ErrorSample[];
  readonly againstErrorSamples: readonly ErrorSample[];
  readonly seconds: number;
}

export interface ReplayOptions {
  readonly input: string;
  readonly format?: InputFormat;
  readonly against?: PolicySet;
  /** Writes every row with its decision columns (of `set`) to this Parquet file. */
  readonly output?: string;
  readonly errorSamples?: number;
}

export function formatOf(path: string): InputFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.parquet') return 'parquet';
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  throw new DuckDbInputError(`cannot tell the format of \`${path}\`: expected .jsonl, .ndjson or .parquet`);
}

function sqlString(value: string): string {
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
   * Makes `table` a view over the input file. JSON lines are read with the column types of the
   * set's input record (so a field of the wrong JSON type is an error, a missing one NULL).
   */
  async registerInput(set: PolicySet, path: string, table = 'posts', format: InputFormat = formatOf(path)): Promise<void> {
    let source: string;
    if (format === 'parquet') {
      source = `read_parquet(${sqlString(path)})`;
    } else {
      const columns = inputColumns(set, 'duckdb')
        .map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`)
        .join(', ');
      source = `read_json(${sqlString(path)}, format = 'newline_delimited', columns = {${columns}})`;
    }
    await this.run(`CREATE OR REPLACE VIEW ${ident(table)} AS SELECT * FROM ${source}`);
  }

  /** Creates the decision view of `set` over `table` (named `<table>_decisions` unless given). */
  async createDecisionView(set: PolicySet, table = 'posts', view?: string): Promise<string> {
    const name = view ?? `${table}_decisions`;
    await this.run(generateSql(set, { dialect: 'duckdb', table, view: name }));
    return name;
  }

  /**
   * Decides every row of `options.input` under `set` (and `options.against`), counting the
   * (decision, against decision) pairs in the database.
   */
  async replay(set: PolicySet, options: ReplayOptions): Promise<ReplayResult> {
    const started = performance.now();
    await this.registerInput(set, options.input, 'bylaw_posts', options.format ?? formatOf(options.input));
    const current = sqlDecision(set, 'duckdb');
    const against = options.against ? sqlDecision(options.against, 'duckdb', 'against') : null;
    const from = `FROM ${fromAll('duckdb', ident('bylaw_posts'), against ? [current, against] : [current])}`;
    const select = [`${current.outcome} AS o`];
    if (against) select.push(`${against.outcome} AS a`);
    const counts = await this.query(
      `SELECT o, ${against ? 'a' : 'NULL AS a'}, count(*) AS n FROM (SELECT ${select.join(',\n')} ${from}) GROUP BY ALL ORDER BY n DESC, o NULLS LAST, a NULLS LAST`,
    );
    const decode = (outcomes: readonly Outcome[], id: unknown): OutcomeDecision | null => {
      if (id === null || id === undefined) return null;
      const { id: _id, ...decision } = outcomes[Number(id) - 1]!;
      return decision;
    };
    let rows = 0;
    let errors = 0;
    const transitions: TransitionCount[] = counts.map((r) => {
      const count = Number(r['n']);
      rows += count;
      if (r['o'] === null) errors += count;
      const decision = decode(current.outcomes, r['o']);
      return against ? { decision, against: decode(against.outcomes, r['a']), count } : { decision, count };
    });
    const limit = options.errorSamples ?? 5;
    const samples = async (error: string) =>
      errors === 0 && !against
        ? []
        : (
            await this.query(
              `SELECT row - 1 AS row, error FROM (SELECT row_number() OVER () AS row, ${error} AS error ${from}) WHERE error IS NOT NULL ORDER BY row LIMIT ${limit}`,
            )
          ).map((r) => ({ row: Number(r['row']), error: String(r['error']) }));
    const errorSamples = errors > 0 ? await samples(current.error) : [];
    const againstErrorSamples = against && transitions.some((t) => t.against === null) ? await samples(against.error) : [];
    if (options.output !== undefined) await this.writeDecisions(set, 'bylaw_posts', options.output);
    return {
      rows,
      decided: rows - errors,
      errors,
      counts: transitions,
      errorSamples,
      againstErrorSamples,
      seconds: (performance.now() - started) / 1000,
    };
  }

  /** Writes every row of `table` with its decision columns to a Parquet file. */
  async writeDecisions(set: PolicySet, table: string, output: string): Promise<void> {
    const view = await this.createDecisionView(set, table, `${table}_decisions`);
    await this.run(`COPY (SELECT * FROM ${ident(view)}) TO ${sqlString(output)} (FORMAT parquet)`);
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

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
