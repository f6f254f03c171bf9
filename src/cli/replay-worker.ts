/**
 * A `bylaw replay` worker thread: loads the compiled module(s) of the policy set(s) it is given
 * (structured clones of the checked sets) and decides chunks of JSONL lines sent by the main
 * thread, answering each with its ChunkResult.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PolicySet } from '../checker/program.js';
import { processChunk, type ChunkOptions, type Decider } from '../analysis/replay.js';
import { deciderFor, fastParser, type EngineSpec } from './replay-engine.js';

interface Data {
  readonly now: PolicySet;
  readonly old: PolicySet | null;
  readonly engines: { readonly now: EngineSpec; readonly old: EngineSpec | null };
  readonly options: ChunkOptions;
}

const data = workerData as Data;
const port = parentPort!;

async function main(): Promise<void> {
  let now: Decider;
  let old: Decider | null;
  try {
    now = await deciderFor(data.now, data.engines.now);
    old = data.old && data.engines.old ? await deciderFor(data.old, data.engines.old) : null;
  } catch (error) {
    port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  const fast = fastParser(data.now, data.old, data.options);
  port.on('message', (message: { seq: number; bytes: Uint8Array; firstLine: number; spare: ArrayBuffer | null }) => {
    const result = processChunk(message.bytes, now, old, data.options, fast, message.firstLine, message.spare);
    // The chunk's buffer goes back to the main thread, to be read into again; the output's
    // bytes (a buffer of their own, usually the spare) are transferred too, not copied.
    const buffer = message.bytes.buffer as ArrayBuffer;
    const transfer = result.output ? [buffer, result.output.buffer as ArrayBuffer] : [buffer];
    port.postMessage({ kind: 'result', seq: message.seq, result, buffer }, transfer);
  });
  port.postMessage({ kind: 'ready' });
}

void main();
