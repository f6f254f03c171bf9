/**
 * Where replay's chunks are decided: on worker threads (`jobs` of them), or on the main thread
 * (`jobs` 0). A chunk's bytes are transferred to a worker, not copied, and come back with its
 * result to be read into again; so do the buffers its `--output` is written into.
 *
 * Our own rather than a library's: in its place, on 200,000 posts with 2 workers, piscina 5.3.2
 * took 8–12% more CPU (medians of 54 rounds run in turns with this pool; 31% more with 16 KB
 * chunks) and tinypool 2.2.0 13% more, and tinypool hung when a worker exited. Figures and
 * commands: docs/performance.md, "Worker pool".
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PolicySet } from '../checker/program.js';
import { processChunk, type ChunkOptions, type ChunkResult, type Decider } from './chunk.js';
import { deciderFor, fastParser, type EngineName, type EngineSpec } from './engine.js';
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
  /** The compact reader's module (engine.ts, prepareReader), or null. */
  readonly reader: string | null;
}

export interface Pool {
  /** Chunks in flight at most: the caller waits for one to finish past this. */
  readonly capacity: number;
  /** `spare`: a buffer for the chunk's output, to be handed back with the result. */
  run(seq: number, bytes: Uint8Array, firstLine: number, spare: ArrayBuffer | null): Promise<ChunkResult>;
  /** Ends every thread, busy or not; chunks still out are dropped. */
  close(): Promise<void>;
}

/**
 * Input below which the compiled engine replays faster on the main thread than on worker
 * threads: each worker costs a fixed start-up and warm-up (about 0.3 s of CPU), and the compiled
 * engine decides about 1.5 ns a byte, Twitter's posts and Meta's alike (docs/performance.md).
 */
export const MAIN_THREAD_BELOW = 256 << 20;

/**
 * How many workers `bylaw replay` uses when not told: none (the main thread) for a compiled
 * replay of less than MAIN_THREAD_BELOW bytes of input (half that against an old policy: every
 * line is decided twice), else one per core. `bytes` null: unknown (not a regular file).
 */
export function defaultJobs(bytes: number | null, engine: EngineName, against: boolean, cores: number): number {
  if (engine !== 'compiled' || bytes === null) return cores;
  return bytes * (against ? 2 : 1) < MAIN_THREAD_BELOW ? 0 : cores;
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

  static async create({ now, old, engines, options, reader }: PoolData, buffers: Buffers): Promise<InProcess> {
    const oldDecider = old && engines.old ? await deciderFor(old, engines.old) : null;
    return new InProcess(await deciderFor(now, engines.now), oldDecider, options, await fastParser(now, old, options, reader), buffers);
  }

  run(_seq: number, bytes: Uint8Array, firstLine: number, spare: ArrayBuffer | null): Promise<ChunkResult> {
    const result = processChunk(bytes, this.now, this.old, this.options, this.fast, firstLine, spare);
    this.buffers.give(bytes.buffer as ArrayBuffer);
    return Promise.resolve(result);
  }

  async close(): Promise<void> {}
}

/** The messages a worker (worker.ts) sends back. */
export type WorkerMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'result'; readonly seq: number; readonly result: ChunkResult; readonly buffer: ArrayBuffer };

class WorkerPool implements Pool {
  private readonly inFlight: number[];
  private readonly callbacks = new Map<number, { resolve: (r: ChunkResult) => void; reject: (e: Error) => void }>();
  private failure: Error | null = null;
  private closing = false;

  private constructor(
    private readonly workers: Worker[],
    buffers: Buffers,
  ) {
    this.inFlight = workers.map(() => 0);
    workers.forEach((worker, i) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.kind === 'result') {
          this.inFlight[i]!--;
          buffers.give(message.buffer);
          const callback = this.callbacks.get(message.seq);
          this.callbacks.delete(message.seq);
          callback?.resolve(message.result);
        } else if (message.kind === 'failed') this.fail(new Error(`a replay worker could not load the policy: ${message.message}`));
      });
      worker.on('error', (error) => this.fail(error));
      // Whatever the code, and busy or idle: a chunk it holds, or is sent later, would never be answered.
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`a replay worker exited with code ${code}`));
      });
    });
  }

  get capacity(): number {
    // Two chunks per worker: one to decide, one waiting, so no worker idles between chunks.
    return this.workers.length * 2;
  }

  static create(jobs: number, workerData: PoolData, buffers: Buffers): WorkerPool {
    return new WorkerPool(
      Array.from({ length: jobs }, () => startWorker(workerData)),
      buffers,
    );
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
    this.closing = true;
    this.callbacks.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function startWorker(workerData: PoolData): Worker {
  if (import.meta.url.endsWith('.ts')) {
    // Running from source (tests, tsx): the worker loads TypeScript through tsx.
    const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
    const tsx = pathToFileURL(join(dirname(tsxPackage), 'dist', 'esm', 'api', 'index.mjs')).href;
    const source = new URL('./worker.ts', import.meta.url).href;
    const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source)}); });`;
    return new Worker(code, { eval: true, workerData });
  }
  // Bundled (scripts/build.ts): this code is in a chunk under dist/bundle/chunks/, the worker an entry beside them.
  return new Worker(new URL('../replay-worker.js', import.meta.url), { workerData });
}
