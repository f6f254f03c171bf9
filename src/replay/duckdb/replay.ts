/**
 * `bylaw replay … --engine duckdb`: the policy's generated SQL run in an embedded DuckDB over
 * JSON lines or Parquet, its counts turned into the totals the JS replay reports. `--output`
 * writes Parquet (or JSON lines for .jsonl), whole or not at all.
 */
import { OutputFile } from '../../atomic-write.js';
import type { PolicySet } from '../../checker/program.js';
import { SqlTargetError } from '../../compiler/sql/index.js';
import { writeFailureMessage } from '../../file-errors.js';
import type { ChunkResult, ExampleRef } from '../chunk.js';
import { ReplayError } from '../errors.js';
import { countKey, ReplayTotals, transitionKeys } from '../totals.js';
import { DuckDbInputError, DuckDbRunner, formatOf, type InputFormat, type ReplayResult } from './runner.js';

export interface DuckDbReplayOptions {
  readonly input: string;
  readonly output?: string;
  /** DuckDB threads (default: one per core). */
  readonly jobs?: number;
  /** Bad rows explained (the first ones, in input order). */
  readonly errorRows: number;
}

/** Replays `options.input` in DuckDB; throws ReplayError for a problem with the files. */
export async function replayInDuckDb(now: PolicySet, old: PolicySet | null, options: DuckDbReplayOptions): Promise<{ readonly format: InputFormat; readonly result: ReplayResult }> {
  let format;
  try {
    format = formatOf(options.input);
  } catch (error) {
    throw new ReplayError((error as Error).message);
  }
  // DuckDB writes a temporary file beside the target, renamed into place once it is complete.
  let output: OutputFile | null = null;
  if (options.output !== undefined) {
    try {
      output = await OutputFile.create(options.output, { handle: false });
    } catch (error) {
      throw new ReplayError(writeFailureMessage(options.output, error));
    }
  }
  let result: ReplayResult;
  try {
    const runner = await DuckDbRunner.open(options.jobs !== undefined && options.jobs > 0 ? { threads: options.jobs } : {});
    try {
      result = await runner.replay(now, {
        input: options.input,
        format,
        ...(old ? { against: old } : {}),
        ...(output ? { output: output.path } : {}),
        errorRows: options.errorRows,
      });
    } finally {
      runner.close();
    }
    await output?.commit();
  } catch (error) {
    await output?.abort();
    if (output && error instanceof Error && error.message.includes(`"${output.path}"`)) {
      // DuckDB names the file it was writing: the temporary one, which the user never asked for.
      const why = error.message.replace(/^Could not write file "[^"]*": /, '').replaceAll(output.path, options.output!);
      throw new ReplayError(`cannot write ${options.output}: ${why.charAt(0).toLowerCase()}${why.slice(1)}`);
    }
    if (error instanceof DuckDbInputError) throw new ReplayError(`${options.input}: ${error.message}`);
    if (error instanceof SqlTargetError) throw new ReplayError(error.message);
    if (output && error instanceof Error && 'syscall' in error) throw new ReplayError(writeFailureMessage(options.output!, error));
    throw error;
  }
  return { format, result };
}

/** The DuckDB counts as one chunk of the JS replay's totals, so the report is printed by the same code. */
export function toTotals(result: ReplayResult, against: boolean): ReplayTotals {
  const counts = new Map<string, number>();
  // Examples by row (to keep input order), named as the JS replay names them: by id, else by line.
  const transitions = new Map<string, [number, [number, ExampleRef][]]>();
  for (const cell of result.cells) {
    if (cell.decision === null) continue;
    const key = countKey(cell.decision);
    counts.set(key, (counts.get(key) ?? 0) + cell.count);
    if (!against) continue;
    for (const k of transitionKeys(cell.against ?? null, cell.decision)) {
      let entry = transitions.get(k);
      if (!entry) transitions.set(k, (entry = [0, []]));
      entry[0] += cell.count;
      entry[1].push(...cell.firstRows.map((row, i): [number, ExampleRef] => [row, cell.firstIds?.[i] ?? row]));
    }
  }
  const chunk: ChunkResult = {
    lines: result.rows,
    decided: result.decided,
    counts: [...counts],
    // Examples in input order, and cells in the order of their first post, as the JS replay meets them.
    transitions: [...transitions]
      .map(([k, [n, examples]]) => [k, n, examples.sort((a, b) => a[0] - b[0])] as const)
      .sort((a, b) => a[2][0]![0] - b[2][0]![0])
      .map(([k, n, examples]): [string, number, ExampleRef[]] => [k, n, examples.map((e) => e[1])]),
    errors: [],
    output: null,
  };
  const totals = new ReplayTotals();
  totals.add(chunk);
  totals.badLines = result.errors;
  return totals;
}
