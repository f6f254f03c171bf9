import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import type { EngineName } from '../../replay/engine.js';
import { ReplayError } from '../../replay/errors.js';
import { defaultJobs } from '../../replay/pool.js';
import { replayFile } from '../../replay/run.js';
import { checkDistinctOutputs, checkOutputPath, MAX_INPUT_BYTES, MAX_INPUT_SHOWN } from '../files.js';
import { formatOption } from '../format-option.js';
import { UsageError, type CommandContext } from '../io.js';
import { requirePolicy } from '../policy-arg.js';
import { printReplay, SHOWN_ERRORS } from '../replay-report.js';
import { replayStatements } from '../statements.js';

interface ReplayOptions {
  input: string;
  against?: string;
  output?: string;
  jobs?: number;
  engine: EngineName | 'duckdb';
  chunkBytes: number;
  fast: boolean;
  format: 'human' | 'github';
  statements?: string;
  deployment?: string;
}

function parseCount(what: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected ${what}`);
    return n;
  };
}

function parseEngine(value: string): EngineName | 'duckdb' {
  if (value === 'compiled' || value === 'interpreter' || value === 'duckdb') return value;
  throw new InvalidArgumentError('use compiled, interpreter or duckdb');
}

/**
 * `bylaw replay <set> --input posts.jsonl [--against OLD] [--output decisions.jsonl]`: decides
 * a corpus with the compiled module on worker threads (chunks of whole lines, merged in input
 * order), prints counts by action and basis and, against an old policy, the transition matrix.
 */
export function registerReplay(program: Command, ctx: CommandContext): void {
  const command = program
    .command('replay')
    .description('decide a JSONL corpus of posts; counts by decision, and old → new transitions with --against')
    .argument('<policy>', 'a policy file or policy set (folder)')
    .requiredOption('-i, --input <file>', 'posts, one JSON object per line (an optional top-level "id" names the post)')
    .option('--against <old>', 'an old policy to compare with: print the old → new transition matrix')
    .option('-o, --output <file>', 'write one decision per input line (JSONL, in input order)')
    .option('-j, --jobs <n>', 'worker threads (0: decide on the main thread; default: the main thread for a compiled replay of less than 256 MiB, else one per core)', parseCount('a whole number ≥ 0', 0))
    .option('--engine <engine>', 'compiled (default), interpreter, or duckdb (the SQL target in DuckDB; .jsonl or .parquet input and output)', parseEngine, 'compiled' as EngineName)
    // At most the longest line: a line that ends within one read is then never too long unseen.
    .option('--chunk-bytes <n>', 'bytes of input per chunk of work', parseCount(`a whole number from 1024 to ${MAX_INPUT_BYTES}`, 1024, MAX_INPUT_BYTES), 1 << 20)
    .option('--no-fast', 'read every line with JSON.parse and full validation (same results, slower)')
    .option('--statements <file>', 'also write the statement of reasons of every decision that restricts something (JSONL)')
    .option('--deployment <file>', 'the platform\'s deployment config for --statements (default: deployment.json beside the policy)');
  formatOption(command, ['human', 'github'] as const, 'human', 'diagnostics of a policy with errors as')
    .action(async (path: string, options: ReplayOptions) => {
      refuseDash(options);
      const now = requirePolicy(ctx, path, options.format);
      if (!now) return;
      const old = options.against !== undefined ? requirePolicy(ctx, options.against, options.format) : null;
      if (options.against !== undefined && !old) return;
      // Before anything is opened for writing: the output is none of the files read.
      if (options.output !== undefined) checkOutputPath(options.output, [options.input, ...now.sources.keys(), ...(old?.sources.keys() ?? [])]);
      if (options.output !== undefined && options.statements !== undefined) {
        checkDistinctOutputs({ flag: '--statements', path: options.statements }, { flag: '--output', path: options.output });
      }
      if (options.statements !== undefined) await replayStatements(ctx, now, { ...options, statements: options.statements });
      if (options.engine === 'duckdb') {
        const { input, output, jobs } = options;
        // Loaded here: DuckDB is an optional peer dependency (src/cli/peers.ts).
        const { replayWithDuckDb } = await import('../replay-duckdb.js');
        await replayWithDuckDb(ctx, now, old, { input, ...(output !== undefined ? { output } : {}), ...(jobs !== undefined ? { jobs } : {}) });
        return;
      }
      const jobs = options.jobs ?? defaultJobs(fileSize(options.input), options.engine, old !== null, availableParallelism());
      const started = performance.now();
      const cpuStart = process.cpuUsage();
      let totals;
      try {
        totals = await replayFile(ctx, now, old, {
          input: options.input,
          ...(options.output !== undefined ? { output: options.output } : {}),
          jobs,
          engine: options.engine,
          chunkBytes: options.chunkBytes,
          fast: options.fast,
          maxLine: MAX_INPUT_BYTES,
          maxLineShown: MAX_INPUT_SHOWN,
          listed: SHOWN_ERRORS,
        });
      } catch (error) {
        throw error instanceof ReplayError ? new UsageError(error.message) : error;
      }
      printReplay(
        ctx,
        {
          input: options.input,
          unit: 'lines',
          records: totals.lines,
          decided: totals.decided,
          bad: totals.badLines,
          unlisted: Math.max(0, totals.badLines - SHOWN_ERRORS),
          seconds: (performance.now() - started) / 1000,
          how: `${jobs === 0 ? 'main thread' : `${jobs} worker${jobs === 1 ? '' : 's'}`}, ${options.engine}`,
          cpuStart,
          output: options.output,
        },
        totals,
        old !== null,
      );
    });
}

/**
 * `-` is not standard input or output here: the input is read in chunks by position (and split
 * among threads) and the report takes standard output. Said plainly, rather than "no such file"
 * or a file named `-` written in the current folder.
 */
function refuseDash(options: ReplayOptions): void {
  if (options.input === '-') throw new UsageError('`--input -`: replay reads a file, not standard input; give its path (`--input /dev/stdin` reads a pipe)');
  for (const [flag, value] of [['--output', options.output], ['--statements', options.statements]] as const) {
    if (value === '-') throw new UsageError(`\`${flag} -\`: replay writes a file, not standard output, which has its report; give a path (\`./-\` for a file named \`-\`)`);
  }
}

/** The size of a regular file, or null (missing, a pipe or a device: the replay reports what is wrong). */
function fileSize(path: string): number | null {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}
