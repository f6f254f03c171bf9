/**
 * A replay worker thread (pool.ts): loads the compiled module(s) of the policy set(s) it is
 * given (structured clones of the checked sets) and decides chunks of JSONL lines sent by the
 * main thread, answering each with its ChunkResult.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processChunk, type Decider } from './chunk.js';
import { deciderFor, fastParser } from './engine.js';
import type { PoolData, WorkerMessage } from './pool.js';

const data = workerData as PoolData;
const port = parentPort!;
const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

async function main(): Promise<void> {
  let now: Decider;
  let old: Decider | null;
  try {
    now = await deciderFor(data.now, data.engines.now);
    old = data.old && data.engines.old ? await deciderFor(data.old, data.engines.old) : null;
  } catch (error) {
    send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  const fast = await fastParser(data.now, data.old, data.options, data.reader);
  port.on('message', (message: { seq: number; bytes: Uint8Array; firstLine: number; spare: ArrayBuffer | null }) => {
    const result = processChunk(message.bytes, now, old, data.options, fast, message.firstLine, message.spare);
    // The chunk's buffer goes back to the main thread, to be read into again; the output's
    // bytes (a buffer of their own, usually the spare) are transferred too, not copied.
    const buffer = message.bytes.buffer as ArrayBuffer;
    send({ kind: 'result', seq: message.seq, result, buffer }, result.output ? [buffer, result.output.buffer as ArrayBuffer] : [buffer]);
  });
  send({ kind: 'ready' });
}

void main();
