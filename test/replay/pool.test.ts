/**
 * The replay worker pool when a worker thread ends before answering: the replay must fail with
 * the reason, never wait forever for a chunk nobody will decide (which used to end the process
 * with exit 13, "unsettled top-level await", and leave `--output`'s temporary file behind).
 * The compiled module is replaced by fixtures that end their thread in each way.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/random.js';
import { post } from '../../scripts/generate-posts.js';
import { loadPolicy } from '../../src/load-policy.js';
import { createPool, defaultJobs, MAIN_THREAD_BELOW, type Pool } from '../../src/replay/pool.js';
import { Buffers } from '../../src/replay/read.js';

const twitter = loadPolicy('policies/twitter').policy!;
const CHUNK = new TextEncoder().encode(JSON.stringify(post(mulberry32(1), 1)) + '\n');

/** A pool of two workers deciding with the fixture module `file?query`. */
function poolWith(module: string): Promise<Pool> {
  const url = new URL(`./fixtures/${module}`, import.meta.url).href;
  return createPool(2, { now: twitter, old: null, engines: { now: { engine: 'compiled', module: url }, old: null }, options: { stripId: true, output: false, fast: false }, reader: null }, new Buffers(1 << 16));
}

/** A fresh copy of the chunk: its buffer is transferred to the worker. */
const chunk = () => CHUNK.slice();

describe('replay worker pool', () => {
  for (const [query, reason] of [
    ['exit=0', /^a replay worker exited with code 0$/],
    ['exit=3', /^a replay worker exited with code 3$/],
    ['throw', /a module that throws/],
  ] as const) {
    it(`a worker that ends while deciding (${query}) fails the chunk with the reason`, async () => {
      const pool = await poolWith(`ends-its-thread.mjs?${query}`);
      try {
        await expect(pool.run(0, chunk(), 1, null)).rejects.toThrow(reason);
      } finally {
        await pool.close();
      }
    }, 20_000);
  }

  it('a worker that ends quietly before answering fails every chunk sent to it, before or after', async () => {
    const pool = await poolWith('ends-its-thread.mjs?load');
    try {
      await expect(pool.run(0, chunk(), 1, null)).rejects.toThrow(/^a replay worker exited with code 0$/);
      // Both workers have ended by now: a chunk sent later is not lost either.
      await sleep(500);
      await expect(pool.run(1, chunk(), 1, null)).rejects.toThrow(/^a replay worker exited with code 0$/);
    } finally {
      await pool.close();
    }
  }, 20_000);

  it('a worker that cannot load the module fails the chunk with the reason', async () => {
    const pool = await poolWith('fails-to-load.mjs');
    try {
      await expect(pool.run(0, chunk(), 1, null)).rejects.toThrow(/^a replay worker could not load the policy: this module cannot be loaded$/);
    } finally {
      await pool.close();
    }
  }, 20_000);

  it('close ends every worker, busy or not, and fails nothing', async () => {
    const pool = await poolWith('ends-its-thread.mjs?busy');
    const running = pool.run(0, chunk(), 1, null);
    // Let the chunk reach its worker (which never answers) before closing.
    await sleep(500);
    await pool.close();
    // Dropped: the caller that closed the pool reports why it stopped.
    expect(await Promise.race([running.then(() => 'answered', () => 'failed'), sleep(500).then(() => 'dropped')])).toBe('dropped');
  });
});

describe('the default number of workers', () => {
  it('is the main thread for a compiled replay of less than 256 MiB (half that against an old policy), else one per core', () => {
    expect(defaultJobs(MAIN_THREAD_BELOW - 1, 'compiled', false, 4)).toBe(0);
    expect(defaultJobs(MAIN_THREAD_BELOW, 'compiled', false, 4)).toBe(4);
    expect(defaultJobs(MAIN_THREAD_BELOW / 2 - 1, 'compiled', true, 4)).toBe(0);
    expect(defaultJobs(MAIN_THREAD_BELOW / 2, 'compiled', true, 4)).toBe(4);
  });

  it('is one per core for the interpreter (far slower a post) and for input of unknown size', () => {
    expect(defaultJobs(1000, 'interpreter', false, 2)).toBe(2);
    expect(defaultJobs(null, 'compiled', false, 2)).toBe(2);
  });
});

