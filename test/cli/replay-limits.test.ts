import { closeSync, ftruncateSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { MAX_INPUT_BYTES } from '../../src/cli/files.js';
import { Buffers, LineTooLong, readChunks } from '../../src/replay/read.js';
import { mulberry32 } from '../../bench/random.js';
import { post } from '../../scripts/generate-posts.js';
import { runCli } from '../support/cli.js';

/**
 * Long lines and large inputs: replay reads lines of any length in linear time (a long line's
 * pieces are joined once), stops with exit 2 and the line's number past MAX_INPUT_BYTES, and
 * `decide` reads at most MAX_INPUT_BYTES from a file, a device or standard input.
 */
let dir: string;
let posts: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bylaw-replay-limits-'));
  const next = mulberry32(3);
  posts = Array.from({ length: 40 }, (_, i) => JSON.stringify(post(next, i + 1)));
});

/** A file of `head`, then `gap` NUL bytes (a hole: no disk used), then `tail`. */
function sparse(name: string, head: string, gap: number, tail: string): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  ftruncateSync(fd, Buffer.byteLength(head) + gap);
  writeSync(fd, tail, Buffer.byteLength(head) + gap);
  closeSync(fd);
  return path;
}

async function chunksOf(path: string, size: number, maxLine: number): Promise<{ chunks: Buffer[]; tooLong: boolean }> {
  const file = await open(path, 'r');
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of readChunks(file, size, new Buffers(size * 2), maxLine)) chunks.push(Buffer.from(chunk));
    return { chunks, tooLong: false };
  } catch (error) {
    if (error instanceof LineTooLong) return { chunks, tooLong: true };
    throw error;
  } finally {
    await file.close();
  }
}

describe('replay reads lines of any length', () => {
  it('cuts any input into chunks of whole lines, and stops at the first line longer than the maximum', async () => {
    const line = fc.oneof(fc.nat({ max: 40 }), fc.nat({ max: 400 }), fc.constantFrom(0, 63, 64, 65, 127, 128, 129, 1000)).chain((n) =>
      fc.tuple(fc.constant(n), fc.constantFrom('\n', '\r\n'), fc.constantFrom('a', 'é', '\r')),
    );
    let file = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), fc.boolean(), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 64, max: 200 }), async (lines, ended, size, maxLine) => {
        const texts = lines.map(([n, end, c]) => Buffer.concat([Buffer.from(c.repeat(n)).subarray(0, n), Buffer.from(end)]));
        if (!ended && texts.length > 0) texts[texts.length - 1] = texts[texts.length - 1]!.subarray(0, texts[texts.length - 1]!.indexOf(10));
        const path = join(dir, `chunks-${file++}.txt`);
        writeFileSync(path, Buffer.concat(texts));
        const { chunks, tooLong } = await chunksOf(path, Math.min(size, maxLine), maxLine);
        const long = texts.findIndex((t) => (t.indexOf(10) < 0 ? t.length : t.indexOf(10)) > maxLine);
        expect(tooLong).toBe(long >= 0);
        // Everything before the long line (all of it without one), in chunks that end at a newline.
        expect(Buffer.concat(chunks).equals(Buffer.concat(long >= 0 ? texts.slice(0, long) : texts))).toBe(true);
        chunks.forEach((c, i) => {
          expect(c.length).toBeGreaterThan(0);
          if (i < chunks.length - 1 || tooLong || ended) expect(c[c.length - 1]).toBe(10);
        });
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('a line a thousand times the chunk size is decided like any other, in the same bytes at any chunk size', async () => {
    const long = posts[1]!.replace(/"handle":"[^"]*"/, `"handle":"${'h'.repeat(1_500_000)}"`);
    const input = join(dir, 'long-line.jsonl');
    writeFileSync(input, [posts[0], long, posts[2], '{"broken', posts[3]].join('\n') + '\n');
    const outputs: Buffer[] = [];
    for (const flags of [['--jobs', '0'], ['--jobs', '0', '--chunk-bytes', '1024'], ['--jobs', '2', '--chunk-bytes', '1024'], ['--jobs', '0', '--chunk-bytes', '1024', '--no-fast']]) {
      const out = join(dir, `long-line-${outputs.length}.jsonl`);
      const result = await runCli(['replay', 'policies/twitter', '--input', input, '--output', out, ...flags]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('decided 4, bad lines 1');
      expect(result.stderr).toMatch(/long-line\.jsonl:4: invalid JSON/);
      outputs.push(readFileSync(out));
    }
    for (const other of outputs.slice(1)) expect(other.equals(outputs[0]!)).toBe(true);
    expect(outputs[0]!.toString().split('\n')[1]).toMatch(/^\{"line":2,"id":"p0000002","action":/);
  });

  for (const jobs of ['0', '2']) {
    it(`a line longer than ${MAX_INPUT_BYTES} bytes stops the replay with exit 2 and its number; nothing is written (--jobs ${jobs})`, async () => {
      const input = sparse(`too-long-${jobs}.jsonl`, `${posts[0]}\n[1]\n${posts[1]}\n`, MAX_INPUT_BYTES + 1, `\n${posts[2]}\n`);
      const target = join(dir, `too-long-${jobs}.out.jsonl`);
      writeFileSync(target, 'old decisions\n');
      const result = await runCli(['replay', 'policies/twitter', '--input', input, '--output', target, '--jobs', jobs]);
      expect(result.code).toBe(2);
      // The lines before it are reported as usual, then the error.
      expect(result.stderr).toBe(`${input}:2: expected a JSON object (one post per line)\nerror: ${input}:4: line longer than 256 MiB (the most one line may hold)\n`);
      expect(result.stdout).toBe('');
      expect(readFileSync(target, 'utf8')).toBe('old decisions\n');
      expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    });
  }

  it('--chunk-bytes is at most the longest line', async () => {
    const result = await runCli(['replay', 'policies/twitter', '--input', 'x.jsonl', '--chunk-bytes', String(MAX_INPUT_BYTES + 1)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`expected a whole number from 1024 to ${MAX_INPUT_BYTES}`);
  });
});

describe('decide reads at most 256 MiB', () => {
  const message = (source: string) => `error: ${source}: more than 256 MiB of input (the most \`decide\` reads); decide one post at a time, or many with \`bylaw replay\`\n`;

  it('from a device that never ends', async () => {
    const result = await runCli(['decide', 'policies/twitter', '--input', '/dev/zero']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message('/dev/zero'));
  });

  it('from standard input', async () => {
    // 1 MiB pieces of JSON whitespace, a little more than the maximum in all: made as read.
    const piece = Buffer.alloc(1 << 20, ' ');
    let given = 0;
    const stdin = new Readable({
      read() {
        this.push(given++ <= MAX_INPUT_BYTES >> 20 ? piece : null);
      },
    });
    let stderr = '';
    const code = await run(['decide', 'policies/twitter'], { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, stdin, cwd: process.cwd() });
    expect(code).toBe(2);
    expect(stderr).toBe(message('<stdin>'));
  });
});
