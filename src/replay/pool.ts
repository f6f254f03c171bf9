/**
 * Where replay's chunks are decided: on worker threads (`jobs` of them), or on the main thread
 * (`jobs` 0). A chunk's bytes are transferred to a worker, not copied, and come back with its
 * result to be read into again; so do the buffers its `--output` is written into.
 */
import { Piscina } from 'piscina';
import type { PolicySet } from '../checker/program.js';
import { processChunk, type ChunkOptions, type ChunkResult, type Decider } from './chunk.js';
import { deciderFor, fastParser, type EngineSpec } from './engine.js';
import type { FastParser } from './fast-parse.js';
import type { Buffers } from './read.js';

export interface Engines {
  readonly now: EngineSpec;
  readonly old: EngineSpec | null;
}

/** What every thread is given: the checked sets (structured clones for a worker), how to decide and how to read. */
export interface PoolData {
  readonly now: PolicySet;
  readonly old: PolicySet | null;
  readonly engines: Engines;
  readonly options: ChunkOptions;
}

export interface Pool {
  /** Chunks in flight at most: the caller waits for one to finish past this. */
  readonly capacity: number;
  /** `spare`: a buffer for the chunk's output, to be handed back with the result. */
  run(bytes: Uint8Array, firstLine: number, spare: ArrayBuffer | null): Promise<ChunkResult>;
  /** Ends every thread, busy or not; chunks still out are dropped. */
  close(): Promise<void>;
}

/** A pool of `jobs` worker threads, or the main thread for 0. `buffers` takes back each chunk's input buffer. */
export async function createPool(jobs: number, data: PoolData, buffers: Buffers): Promise<Pool> {
  return jobs === 0 ? InProcess.create(data, buffers) : WorkerPool.create(jobs, data, buffers);
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

  static async create({ now, old, engines, options }: PoolData, buffers: Buffers): Promise<InProcess> {
    const oldDecider = old && engines.old ? await deciderFor(old, engines.old) : null;
    return new InProcess(await deciderFor(now, engines.now), oldDecider, options, fastParser(now, old, options), buffers);
  }

  run(bytes: Uint8Array, firstLine: number, spare: ArrayBuffer | null): Promise<ChunkResult> {
    const result = processChunk(bytes, this.now, this.old, this.options, this.fast, firstLine, spare);
    this.buffers.give(bytes.buffer as ArrayBuffer);
    return Promise.resolve(result);
  }

  async close(): Promise<void> {}
}

/** A chunk for a worker (worker.ts), and what it answers. */
export interface Task {
  readonly bytes: Uint8Array;
  readonly firstLine: number;
  readonly spare: ArrayBuffer | null;
}
export interface Answer {
  readonly result: ChunkResult;
  /** The chunk's input buffer, handed back to be read into again. */
  readonly buffer: ArrayBuffer;
}

class WorkerPool implements Pool {
  /** A worker that failed with no chunk of its own (none lost, none to reject): the next chunk fails. */
  private failure: Error | null = null;

  private constructor(
    private readonly piscina: Piscina,
    private readonly buffers: Buffers,
    readonly capacity: number,
  ) {
    piscina.on('error', (error: Error) => void (this.failure ??= error));
  }

  static create(jobs: number, workerData: PoolData, buffers: Buffers): WorkerPool {
    const piscina = new Piscina({
      filename: workerScript().href,
      workerData,
      // Every worker up from the start, and kept until the end.
      minThreads: jobs,
      maxThreads: jobs,
      idleTimeout: Infinity,
      recordTiming: false,
    });
    // Two chunks per worker: one to decide, one waiting, so no worker idles between chunks.
    return new WorkerPool(piscina, buffers, jobs * 2);
  }

  async run(bytes: Uint8Array, firstLine: number, spare: ArrayBuffer | null): Promise<ChunkResult> {
    if (this.failure) throw this.failure;
    const transferList = spare ? [bytes.buffer as ArrayBuffer, spare] : [bytes.buffer as ArrayBuffer];
    const { result, buffer } = (await this.piscina.run({ bytes, firstLine, spare } satisfies Task, { transferList })) as Answer;
    this.buffers.give(buffer);
    return result;
  }

  /** Ends every worker, busy or not (on a failure: a full disk must not leave the replay hanging). */
  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}

/** The worker's module: bundled, an entry beside the chunks; from source, TypeScript loaded through tsx. */
function workerScript(): URL {
  // Bundled (scripts/build.ts): this code is in a chunk under dist/bundle/chunks/.
  if (!import.meta.url.endsWith('.ts')) return new URL('../replay-worker.js', import.meta.url);
  // From source (tests, tsx): a worker thread does not inherit tsx, so it registers it first.
  return new URL('./worker-source.mjs', import.meta.url);
}
