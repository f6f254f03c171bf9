/**
 * A replay worker thread (pool.ts, run by piscina): loads the compiled module(s) of the policy
 * set(s) it is given (structured clones of the checked sets) and decides chunks of JSONL lines
 * sent by the main thread, answering each with its ChunkResult.
 */
import { Piscina } from 'piscina';
import { processChunk, type Decider } from './chunk.js';
import { deciderFor, fastParser } from './engine.js';
import type { Answer, PoolData, Task } from './pool.js';

const data = Piscina.workerData as PoolData;

async function load(): Promise<{ now: Decider; old: Decider | null }> {
  try {
    const now = await deciderFor(data.now, data.engines.now);
    const old = data.old && data.engines.old ? await deciderFor(data.old, data.engines.old) : null;
    return { now, old };
  } catch (error) {
    return Promise.reject(new Error(`a replay worker could not load the policy: ${error instanceof Error ? error.message : String(error)}`));
  }
}

// Loaded once, when the pool starts the worker. A failure is every chunk's error: thrown here, it
// would end the thread before any chunk could report it.
const loaded = await load().catch((error: Error) => error);
const fast = fastParser(data.now, data.old, data.options);

export default function decide(task: Task): unknown {
  if (loaded instanceof Error) throw loaded;
  const result = processChunk(task.bytes, loaded.now, loaded.old, data.options, fast, task.firstLine, task.spare);
  // The chunk's buffer goes back to the main thread, to be read into again; the output's
  // bytes (a buffer of their own, usually the spare) are transferred too, not copied.
  const buffer = task.bytes.buffer as ArrayBuffer;
  const answer: Answer = { result, buffer };
  const transfer = result.output ? [buffer, result.output.buffer as ArrayBuffer] : [buffer];
  return Piscina.move({ [Piscina.transferableSymbol]: transfer, [Piscina.valueSymbol]: answer } as never);
}
