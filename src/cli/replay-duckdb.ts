/**
 * `bylaw replay … --engine duckdb`'s printing side: the bad rows DuckDB explained, then the same
 * report as the JS replay. Imported only with `--engine duckdb` (DuckDB is an optional peer).
 */
import type { PolicySet } from '../checker/program.js';
import { replayInDuckDb, toTotals } from '../replay/duckdb/replay.js';
import { ReplayError } from '../replay/errors.js';
import { escapeUnseen } from '../diagnostics/text.js';
import { UsageError, type CommandContext } from './io.js';
import { printReplay, SHOWN_ERRORS } from './replay-report.js';

export interface DuckDbReplayOptions {
  readonly input: string;
  readonly output?: string;
  /** DuckDB threads (default: one per core). */
  readonly jobs?: number;
}

export async function replayWithDuckDb(ctx: CommandContext, now: PolicySet, old: PolicySet | null, options: DuckDbReplayOptions): Promise<void> {
  const cpuStart = process.cpuUsage();
  let run;
  try {
    run = await replayInDuckDb(now, old, { ...options, errorRows: SHOWN_ERRORS });
  } catch (error) {
    throw error instanceof ReplayError ? new UsageError(error.message) : error;
  }
  const { format, result } = run;
  const unit = format === 'parquet' ? 'rows' : 'lines';
  const where = (row: number) => `${options.input}:${format === 'parquet' ? 'row ' : ''}${row + 1}`;
  for (const { row, error } of result.errorRows) ctx.err(escapeUnseen(`${where(row)}: ${error}`));
  printReplay(
    ctx,
    {
      input: options.input,
      unit,
      records: result.rows,
      decided: result.decided,
      bad: result.errors,
      unlisted: result.errors - result.errorRows.length,
      seconds: result.seconds,
      how: 'duckdb',
      cpuStart,
      output: options.output,
    },
    toTotals(result, old !== null),
    old !== null,
  );
}
