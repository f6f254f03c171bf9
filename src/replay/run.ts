/**
 * `bylaw replay` with the compiled module or the interpreter: reads the input in chunks of whole
 * lines, decides them on a pool of threads, merges the results in input order (writing the
 * output's lines as they come) and returns the totals. The CLI parses the options and prints.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { OutputFile } from '../atomic-write.js';
import type { PolicySet } from '../checker/program.js';
import { readFailureMessage, writeFailureMessage } from '../file-errors.js';
import { escapeUnseen } from '../diagnostics/text.js';
import type { ChunkOptions, ChunkResult } from './chunk.js';
import { prepareEngine, prepareReader, type EngineName } from './engine.js';
import { ReplayError } from './errors.js';
import { createPool } from './pool.js';
import { Progress, type ReplayConsole } from './progress.js';
import { Buffers, countLines, LineTooLong, readChunks } from './read.js';
import { ReplayTotals } from './totals.js';

export interface ReplayFileOptions {
  readonly input: string;
  /** Decisions, one JSON line per input line in input order; written whole or not at all. */
  readonly output?: string;
  /** Worker threads; 0 decides on the main thread. */
  readonly jobs: number;
  readonly engine: EngineName;
  /** Bytes of input per chunk of work (at most `maxLine`). */
  readonly chunkBytes: number;
  /** The fast reader where it applies (fast-parse.ts); the results are the same without. */
  readonly fast: boolean;
  /** The longest line read, in bytes, and as the error names it (`256 MiB`). */
  readonly maxLine: number;
  readonly maxLineShown: string;
  /** Bad lines listed on stderr as they are met; past these only the count grows. */
  readonly listed: number;
}

/** Decides every line of `options.input`; throws ReplayError for a problem with the files. */
export async function replayFile(console: ReplayConsole, now: PolicySet, old: PolicySet | null, options: ReplayFileOptions): Promise<ReplayTotals> {
  let file: FileHandle;
  try {
    file = await open(options.input, 'r');
  } catch (error) {
    throw new ReplayError(readFailureMessage(options.input, error));
  }
  try {
    const stat = await file.stat();
    if (stat.isDirectory()) throw new ReplayError(`${options.input} is a folder, not a file`);
    // A temporary file beside the target, renamed into place only once every line is written.
    let output: OutputFile | null = null;
    if (options.output !== undefined) {
      try {
        output = await OutputFile.create(options.output);
      } catch (error) {
        throw new ReplayError(writeFailureMessage(options.output, error));
      }
    }
    try {
      const totals = await decideAll(console, file, stat.size, now, old, options, output);
      await output?.commit().catch(failedWrite(options.output!));
      return totals;
    } catch (error) {
      await output?.abort();
      throw isSystemError(error) ? new ReplayError(readFailureMessage(options.input, error)) : error;
    }
  } finally {
    await file.close();
  }
}

/** A failed write to `--output` (ENOSPC, EIO, EPIPE…) as the error that reports it. */
function failedWrite(output: string): (error: unknown) => Promise<never> {
  return (error) => Promise.reject(new ReplayError(writeFailureMessage(output, error)));
}

/** An error from a system call (reading the input: EIO…): the user's to look into, not a bug. */
function isSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/** Reads, decides and merges every chunk (writing the output's lines in order); the pool is always torn down. */
async function decideAll(
  console: ReplayConsole,
  file: FileHandle,
  size: number,
  now: PolicySet,
  old: PolicySet | null,
  options: ReplayFileOptions,
  output: OutputFile | null,
): Promise<ReplayTotals> {
  // Posts are named by an `id` field unless the input type declares one of its own.
  const declaresId = [now, ...(old ? [old] : [])].some((set) => set.versions.some((v) => v.inputType.fields.some((f) => f.name === 'id')));
  const chunkOptions: ChunkOptions = { stripId: !declaresId, output: output !== null, fast: options.fast };
  const totals = new ReplayTotals();
  const progress = new Progress(console, size);
  let bytesDone = 0;
  let listed = 0;
  const merge = async (result: ChunkResult, bytes: number) => {
    for (const bad of totals.add(result)) {
      // The reason may quote the line (V8's `Unexpected token`): its control bytes are escaped.
      if (listed++ < options.listed) progress.above(escapeUnseen(`${options.input}:${bad.line}: ${bad.reason}`));
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
  const pool = await createPool(options.jobs, { now, old, engines, options: chunkOptions, reader: await prepareReader(now, old, chunkOptions) }, buffers);
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
      for await (const bytes of readChunks(file, options.chunkBytes, buffers, options.maxLine)) {
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
        // Constant memory: at most `capacity` chunks in flight.
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
      throw new ReplayError(`${options.input}:${totals.lines + 1}: line longer than ${options.maxLineShown} (the most one line may hold)`);
    }
    await Promise.all(waiting);
    await drain();
  } finally {
    await pool.close();
    progress.done();
  }
  return totals;
}
