/**
 * `bylaw replay … --engine duckdb`: the same report as the JS replay (counts by decision, the
 * old → new transition matrix), computed by the policy's generated SQL in an embedded DuckDB.
 * Reads JSON lines or Parquet; `--output` writes Parquet (or JSON lines for .jsonl).
 */
import { INVALID, renderReplay, ReplayTotals, type ChunkResult, type ExampleRef } from '../analysis/replay.js';
import type { PolicySet } from '../checker/program.js';
import { DuckDbInputError, DuckDbRunner, formatOf, type ReplayResult } from '../sql/duckdb-runner.js';
import { UsageError, type CommandContext } from './io.js';
import { renderTable } from './table.js';

export interface DuckDbReplayOptions {
  readonly input: string;
  readonly output?: string;
  /** DuckDB threads (default: one per core). */
  readonly jobs?: number;
}

/** Bad rows printed one by one; past this many only the count grows (as in the JS replay). */
const SHOWN_ERRORS = 20;

export async function replayWithDuckDb(ctx: CommandContext, now: PolicySet, old: PolicySet | null, options: DuckDbReplayOptions): Promise<void> {
  let format;
  try {
    format = formatOf(options.input);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const cpuStart = process.cpuUsage();
  const runner = await DuckDbRunner.open(options.jobs !== undefined && options.jobs > 0 ? { threads: options.jobs } : {});
  let result: ReplayResult;
  try {
    result = await runner.replay(now, {
      input: options.input,
      format,
      ...(old ? { against: old } : {}),
      ...(options.output !== undefined ? { output: options.output } : {}),
      errorRows: SHOWN_ERRORS,
    });
  } catch (error) {
    if (error instanceof DuckDbInputError) throw new UsageError(`${options.input}: ${error.message}`);
    throw error;
  } finally {
    runner.close();
  }
  const totals = toTotals(result, old !== null);
  const unit = format === 'parquet' ? 'rows' : 'lines';
  const where = (row: number) => `${options.input}:${format === 'parquet' ? 'row ' : ''}${row + 1}`;
  for (const { row, error } of result.errorRows) ctx.err(`${where(row)}: ${error}`);
  if (result.errors > result.errorRows.length) ctx.err(`… and ${(result.errors - result.errorRows.length).toLocaleString('en-US')} more bad ${unit}`);
  const rate = result.seconds > 0 ? Math.round(result.rows / result.seconds) : 0;
  ctx.out(
    `replayed ${result.rows.toLocaleString('en-US')} ${unit} of ${options.input} in ${result.seconds.toFixed(2)} s (${rate.toLocaleString('en-US')} posts/s, duckdb)`,
  );
  // The process's CPU time includes DuckDB's threads.
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const perRow = result.rows > 0 ? Math.round((cpuSeconds * 1e9) / result.rows).toLocaleString('en-US') : '0';
  ctx.out(`cpu ${cpuSeconds.toFixed(2)} s over all threads (${perRow} ns per ${unit.slice(0, -1)})`);
  ctx.out(`decided ${result.decided.toLocaleString('en-US')}, bad ${unit} ${result.errors.toLocaleString('en-US')}${result.errors > 0 ? ' (skipped; listed on stderr)' : ''}`);
  if (options.output !== undefined) ctx.out(`decisions written to ${options.output}`);
  ctx.out('');
  ctx.out(renderReplay(totals, renderTable, old !== null));
}

/** The DuckDB counts as one chunk of the JS replay's totals, so the report is printed by the same code. */
export function toTotals(result: ReplayResult, against: boolean): ReplayTotals {
  const counts = new Map<string, number>();
  const transitions = new Map<string, [number, ExampleRef[]]>();
  for (const cell of result.cells) {
    if (cell.decision === null) continue;
    const key = `${cell.decision.action}\t${cell.decision.basis}`;
    counts.set(key, (counts.get(key) ?? 0) + cell.count);
    if (!against) continue;
    const before = cell.against ? `${cell.against.action}\t${cell.against.basis}` : INVALID;
    const k = `${before}\u0000${key}`;
    let entry = transitions.get(k);
    if (!entry) transitions.set(k, (entry = [0, []]));
    entry[0] += cell.count;
    entry[1].push(...cell.firstRows);
  }
  const chunk: ChunkResult = {
    lines: result.rows,
    decided: result.decided,
    counts: [...counts],
    // Examples in input order, and cells in the order of their first post, as the JS replay meets them.
    transitions: [...transitions]
      .map(([k, [n, rows]]): [string, number, number[]] => [k, n, (rows as number[]).sort((a, b) => a - b)])
      .sort((a, b) => a[2][0]! - b[2][0]!),
    errors: [],
    output: null,
  };
  const totals = new ReplayTotals();
  totals.add(chunk);
  totals.badLines = result.errors;
  return totals;
}
