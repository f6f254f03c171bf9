import { open, type FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InvalidArgumentError, type Command } from 'commander';
import type { FastParser } from '../../analysis/fast-parse.js';
import { OutputFile } from '../../atomic-write.js';
import { processChunk, ReplayTotals, type ChunkOptions, type ChunkResult, type Decider } from '../../analysis/replay.js';
import type { PolicySet } from '../../checker/program.js';
import { checkOutputPath, MAX_INPUT_BYTES, MAX_INPUT_SHOWN, writeFailure } from '../files.js';
import { formatOption } from '../format-option.js';
import { UsageError, type CommandContext } from '../io.js';
import { requirePolicy } from '../policy-arg.js';
import { deciderFor, fastParser, prepareEngine, type EngineName, type EngineSpec } from '../replay-engine.js';
import { Buffers, countLines, LineTooLong, readChunks } from '../replay-read.js';
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
    .option('-j, --jobs <n>', 'worker threads (default: one per core; 0: decide on the main thread)', parseCount('a whole number ≥ 0', 0))
    .option('--engine <engine>', 'compiled (default), interpreter, or duckdb (the SQL target in DuckDB; .jsonl or .parquet input and output)', parseEngine, 'compiled' as EngineName)
    // At most the longest line: a line that ends within one read is then never too long unseen.
    .option('--chunk-bytes <n>', 'bytes of input per chunk of work', parseCount(`a whole number from 1024 to ${MAX_INPUT_BYTES}`, 1024, MAX_INPUT_BYTES), 1 << 20)
    .option('--no-fast', 'read every line with JSON.parse and full validation (same results, slower)')
    .option('--statements <file>', 'also write the statement of reasons of every decision that restricts something (JSONL; the interpreter decides)')
    .option('--deployment <file>', 'the platform\'s deployment config for --statements (default: deployment.json beside the policy)');
  formatOption(command, ['human', 'github'] as const, 'human', 'diagnostics of a policy with errors as')
    .action(async (path: string, options: ReplayOptions) => {
      const now = requirePolicy(ctx, path, options.format);
      if (!now) return;
      const old = options.against !== undefined ? requirePolicy(ctx, options.against, options.format) : null;
      if (options.against !== undefined && !old) return;
      // Before anything is opened for writing: the output is none of the files read.
      if (options.output !== undefined) checkOutputPath(options.output, [options.input, ...now.sources.keys(), ...(old?.sources.keys() ?? [])]);
      if (options.statements !== undefined) await replayStatements(ctx, now, { ...options, statements: options.statements });
      if (options.engine === 'duckdb') {
        const { input, output, jobs } = options;
        // Loaded here: DuckDB is an optional peer dependency (src/cli/peers.ts).
        const { replayWithDuckDb } = await import('../replay-duckdb.js');
        await replayWithDuckDb(ctx, now, old, { input, ...(output !== undefined ? { output } : {}), ...(jobs !== undefined ? { jobs } : {}) });
        return;
      }
      let file: FileHandle;
      try {
        file = await open(options.input, 'r');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(code === 'ENOENT' ? `no such file: ${options.input}` : `cannot read ${options.input}: ${code ?? String(error)}`);
      }
      try {
        await replay(ctx, file, now, old, { ...options, engine: options.engine });
      } finally {
        await file.close();
      }
    });
}

async function replay(ctx: CommandContext, file: FileHandle, now: PolicySet, old: PolicySet | null, options: ReplayOptions & { engine: EngineName }): Promise<void> {
  const stat = await file.stat();
  if (stat.isDirectory()) throw new UsageError(`${options.input} is a folder, not a file`);
  const declaresId = [now, ...(old ? [old] : [])].some((set) => set.versions.some((v) => v.inputType.fields.some((f) => f.name === 'id')));
  const chunkOptions: ChunkOptions = { stripId: !declaresId, output: options.output !== undefined, fast: options.fast };
  const jobs = options.jobs ?? availableParallelism();
  const started = performance.now();
  const cpuStart = process.cpuUsage();

  // A temporary file beside the target, renamed into place only once every line is written.
  let output: OutputFile | null = null;
  if (options.output !== undefined) {
    try {
      output = await OutputFile.create(options.output);
    } catch (error) {
      throw writeFailure(options.output, error);
    }
  }
  let run: { totals: ReplayTotals; shown: number };
  try {
    run = await decideAll(ctx, file, stat.size, now, old, options, chunkOptions, jobs, output);
    await output?.commit().catch(failedWrite(options.output!));
  } catch (error) {
    await output?.abort();
    throw isSystemError(error) ? new UsageError(`cannot read ${options.input}: ${(error as NodeJS.ErrnoException).code}`) : error;
  }
  const { totals, shown } = run;

  printReplay(
    ctx,
    {
      input: options.input,
      unit: 'lines',
      records: totals.lines,
      decided: totals.decided,
      bad: totals.badLines,
      unlisted: Math.max(0, shown - SHOWN_ERRORS),
      seconds: (performance.now() - started) / 1000,
      how: `${jobs === 0 ? 'main thread' : `${jobs} worker${jobs === 1 ? '' : 's'}`}, ${options.engine}`,
      cpuStart,
      output: options.output,
    },
    totals,
    old !== null,
  );
}

/** A failed write to `--output` (ENOSPC, EIO, EPIPE…) as the usage error that reports it. */
function failedWrite(output: string): (error: unknown) => Promise<never> {
  return (error) => Promise.reject(writeFailure(output, error));
}

/** An error from a system call (reading the input: EIO…): the user's to look into, not a bug. */
function isSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/** Reads, decides and merges every chunk (writing the output's lines in order); the pool is always torn down. */
async function decideAll(
  ctx: CommandContext,
  file: FileHandle,
  size: number,
  now: PolicySet,
  old: PolicySet | null,
  options: ReplayOptions & { engine: EngineName },
  chunkOptions: ChunkOptions,
  jobs: number,
  output: OutputFile | null,
): Promise<{ totals: ReplayTotals; shown: number }> {
  const totals = new ReplayTotals();
  const progress = new Progress(ctx, size);
  let shown = 0;
  let bytesDone = 0;
  const merge = async (result: ChunkResult, bytes: number) => {
    for (const bad of totals.add(result)) {
      if (shown++ < SHOWN_ERRORS) progress.above(`${options.input}:${bad.line}: ${bad.reason}`);
    }
    if (output && result.output) {
      const bytes = result.output;
      // Recycled once written (the file holds on to the bytes until then).
      const done = () => outputs.give(bytes.buffer as ArrayBuffer);
      if (bytes.byteLength === 0) done();
      else await output.write(bytes, done).catch(failedWrite(options.output!));
    }
    bytesDone += bytes;
    progress.update(bytesDone, totals.lines);
  };

  const buffers = new Buffers(options.chunkBytes * 2);
  // The output of a chunk is usually about half its input: written into a recycled buffer.
  const outputs = new Buffers(options.chunkBytes);
  const engines = { now: await prepareEngine(now, options.engine), old: old ? await prepareEngine(old, options.engine) : null };
  const pool = jobs === 0 ? await InProcess.create(now, old, engines, chunkOptions, buffers) : await WorkerPool.create(jobs, now, old, engines, chunkOptions, buffers);
  // Chunks go out in order; results are merged in order as they come back.
  const pending = new Map<number, { result: ChunkResult; bytes: number }>();
  const waiting: Promise<void>[] = [];
  let nextToMerge = 0;
  const drain = async () => {
    while (pending.has(nextToMerge)) {
      const { result, bytes } = pending.get(nextToMerge)!;
      pending.delete(nextToMerge++);
      await merge(result, bytes);
    }
  };
  try {
    let seq = 0;
    let firstLine = 1;
    try {
      for await (const bytes of readChunks(file, options.chunkBytes, buffers, MAX_INPUT_BYTES)) {
        const mine = seq++;
        const size = bytes.byteLength;
        // Only the output needs line numbers up front (the counts and bad lines are numbered on merge).
        const lines = output ? countLines(bytes) : 0;
        const spare = output ? (outputs.take(options.chunkBytes).buffer as ArrayBuffer) : null;
        const done = pool.run(mine, bytes, firstLine, spare).then((result) => void pending.set(mine, { result, bytes: size }));
        // Awaited below: a failure while the loop awaits something else is not left "unhandled".
        done.catch(() => undefined);
        waiting.push(done);
        firstLine += lines;
        // Constant memory: at most two chunks per worker in flight.
        while (waiting.length >= pool.capacity) {
          await Promise.race(waiting.map((p, i) => p.then(() => i))).then((i) => waiting.splice(i, 1));
          await drain();
        }
      }
    } catch (error) {
      if (!(error instanceof LineTooLong)) throw error;
      // Every line before it was read and sent: once they are merged, its number is the next.
      await Promise.all(waiting);
      await drain();
      throw new UsageError(`${options.input}:${totals.lines + 1}: line longer than ${MAX_INPUT_SHOWN} (the most one line may hold)`);
    }
    await Promise.all(waiting);
    await drain();
  } finally {
    await pool.close();
    progress.done();
  }
  return { totals, shown };
}

interface Engines {
  readonly now: EngineSpec;
  readonly old: EngineSpec | null;
}

interface Pool {
  readonly capacity: number;
  /** `spare`: a buffer for the chunk's output, to be handed back with the result. */
  run(seq: number, bytes: Uint8Array, firstLine: number, spare: ArrayBuffer | null): Promise<ChunkResult>;
  close(): Promise<void>;
}

class InProcess implements Pool {
  readonly capacity = 1;

  private constructor(
    private readonly now: Decider,
    private readonly old: Decider | null,
    private readonly options: ChunkOptions,
    private readonly fast: FastParser | null,
    private readonly buffers: Buffers,
  ) {}

  static async create(now: PolicySet, old: PolicySet | null, engines: Engines, options: ChunkOptions, buffers: Buffers): Promise<InProcess> {
    const oldDecider = old && engines.old ? await deciderFor(old, engines.old) : null;
    return new InProcess(await deciderFor(now, engines.now), oldDecider, options, fastParser(now, old, options), buffers);
  }

  run(_seq: number, bytes: Uint8Array, firstLine: number, spare: ArrayBuffer | null): Promise<ChunkResult> {
    const result = processChunk(bytes, this.now, this.old, this.options, this.fast, firstLine, spare);
    this.buffers.give(bytes.buffer as ArrayBuffer);
    return Promise.resolve(result);
  }

  async close(): Promise<void> {}
}

class WorkerPool implements Pool {
  private readonly inFlight: number[];
  private readonly callbacks = new Map<number, { resolve: (r: ChunkResult) => void; reject: (e: Error) => void }>();
  private failure: Error | null = null;

  private constructor(
    private readonly workers: Worker[],
    buffers: Buffers,
  ) {
    this.inFlight = workers.map(() => 0);
    workers.forEach((worker, i) => {
      worker.on('message', (message: { kind: string; seq?: number; result?: ChunkResult; message?: string; buffer?: ArrayBuffer }) => {
        if (message.kind === 'result') {
          this.inFlight[i]!--;
          if (message.buffer) buffers.give(message.buffer);
          const callback = this.callbacks.get(message.seq!);
          this.callbacks.delete(message.seq!);
          callback?.resolve(message.result!);
        } else if (message.kind === 'failed') this.fail(new Error(`a replay worker could not load the policy: ${message.message}`));
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0 && this.callbacks.size > 0) this.fail(new Error(`a replay worker exited with code ${code}`));
      });
    });
  }

  get capacity(): number {
    return this.workers.length * 2;
  }

  static async create(jobs: number, now: PolicySet, old: PolicySet | null, engines: Engines, options: ChunkOptions, buffers: Buffers): Promise<WorkerPool> {
    const script = new URL('../replay-worker.js', import.meta.url);
    const workerData = { now, old, engines, options };
    const workers: Worker[] = [];
    for (let i = 0; i < jobs; i++) {
      if (import.meta.url.endsWith('.ts')) {
        // Running from source (tests, tsx): the worker loads TypeScript through tsx.
        const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
        const tsx = pathToFileURL(join(dirname(tsxPackage), 'dist', 'esm', 'api', 'index.mjs')).href;
        const source = new URL('../replay-worker.ts', import.meta.url).href;
        const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source)}); });`;
        workers.push(new Worker(code, { eval: true, workerData }));
      } else {
        workers.push(new Worker(script, { workerData }));
      }
    }
    return new WorkerPool(workers, buffers);
  }

  run(seq: number, bytes: Uint8Array, firstLine: number, spare: ArrayBuffer | null): Promise<ChunkResult> {
    if (this.failure) return Promise.reject(this.failure);
    // The least busy worker; ties go to the first.
    let best = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.inFlight[i]! < this.inFlight[best]!) best = i;
    this.inFlight[best]!++;
    return new Promise((resolve, reject) => {
      this.callbacks.set(seq, { resolve, reject });
      this.workers[best]!.postMessage({ seq, bytes, firstLine, spare }, spare ? [bytes.buffer as ArrayBuffer, spare] : [bytes.buffer as ArrayBuffer]);
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.callbacks.values()) reject(error);
    this.callbacks.clear();
  }

  /** Ends every worker, busy or not (on a failure: a full disk must not leave the replay hanging). */
  async close(): Promise<void> {
    // Chunks still out are dropped, not failed: whoever stopped the replay reports why.
    this.callbacks.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** A progress bar on stderr when it is a terminal; nothing at all otherwise. */
class Progress {
  private last = 0;
  private shown = false;
  private readonly tty: boolean;
  private readonly started = performance.now();

  constructor(
    private readonly ctx: CommandContext,
    private readonly total: number,
  ) {
    this.tty = Boolean(ctx.io.stderr.isTTY);
  }

  update(bytes: number, lines: number): void {
    if (!this.tty) return;
    const t = performance.now();
    if (t - this.last < 100) return;
    this.last = t;
    const fraction = this.total === 0 ? 1 : Math.min(1, bytes / this.total);
    const width = 30;
    const filled = Math.round(fraction * width);
    const rate = Math.round(lines / ((t - this.started) / 1000));
    this.ctx.io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${lines.toLocaleString('en-US')} posts  ${rate.toLocaleString('en-US')}/s `);
    this.shown = true;
  }

  /** A line printed above the bar (the bar is redrawn on the next update). */
  above(line: string): void {
    if (this.shown) this.ctx.io.stderr.write('\r\x1b[2K');
    this.ctx.err(line);
  }

  done(): void {
    if (this.shown) this.ctx.io.stderr.write('\r\x1b[2K');
  }
}
