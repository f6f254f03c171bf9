import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, linkSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../src/atomic-write.js';
import { mulberry32 } from '../../bench/random.js';
import { post } from '../../scripts/generate-posts.js';
import { runCli } from '../support/cli.js';

/**
 * `replay --output` (both engines) never loses or overwrites input: the output may not be a
 * file the command reads (by identity), and it is written to a temporary file renamed into
 * place only once complete — a failure (a full disk) leaves the target as it was and no
 * temporary file behind, reported as a usage error (exit 2), without hanging.
 */
let dir: string;
let corpus: string;
let corpusBytes: Buffer;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bylaw-replay-output-'));
  const next = mulberry32(11);
  corpusBytes = Buffer.from(Array.from({ length: 3_000 }, (_, i) => JSON.stringify(post(next, i + 1))).join('\n') + '\n');
  corpus = join(dir, 'posts.jsonl');
  writeFileSync(corpus, corpusBytes);
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A folder of its own holding a copy of the corpus, to look for leftovers in. */
function workspace(name: string): { folder: string; input: string } {
  const folder = mkdtempSync(join(dir, `${name}-`));
  const input = join(folder, 'posts.jsonl');
  copyFileSync(corpus, input);
  return { folder, input };
}

const BIN = ['bin/bylaw.js'];

describe('replay --output is never a file the command reads', () => {
  for (const engine of ['compiled', 'duckdb']) {
    it(`refuses the input itself, a symlink and a hard link to it (${engine}), before writing anything`, async () => {
      const { folder, input } = workspace(`same-${engine}`);
      symlinkSync(input, join(folder, 'link.jsonl'));
      linkSync(input, join(folder, 'hard.jsonl'));
      for (const output of [input, join(folder, 'link.jsonl'), join(folder, 'hard.jsonl')]) {
        const result = await runCli(['replay', 'policies/twitter', '--input', input, '--output', output, '--engine', engine, '--jobs', '0']);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^error: `--output .+` would overwrite `.+posts\.jsonl`, which this command reads; write to another file\n$/);
        expect(result.stdout).toBe('');
      }
      expect(readFileSync(input).equals(corpusBytes)).toBe(true);
      expect(lstatSync(join(folder, 'link.jsonl')).isSymbolicLink()).toBe(true);
      expect(readdirSync(folder).sort()).toEqual(['hard.jsonl', 'link.jsonl', 'posts.jsonl']);
    });
  }

  it('refuses /dev/stdout when standard output is the input file', () => {
    const { input } = workspace('stdout');
    const fd = openSync(input, 'a');
    try {
      const child = spawnSync(process.execPath, [...BIN, 'replay', 'policies/twitter', '--input', input, '--output', '/dev/stdout', '--jobs', '0'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 60_000 });
      expect(child.status).toBe(2);
      expect(child.stderr).toContain('`--output /dev/stdout` would overwrite');
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(input).equals(corpusBytes)).toBe(true);
  });

  it('refuses a file of the policy, and a folder', async () => {
    const { folder, input } = workspace('policy');
    const policy = join(folder, 'p.policy');
    const text = 'use moderation\ninput post: Post\ndefault allow\n';
    writeFileSync(policy, text);
    const onPolicy = await runCli(['replay', policy, '--input', input, '--output', policy, '--jobs', '0']);
    expect(onPolicy.code).toBe(2);
    expect(onPolicy.stderr).toContain('which this command reads');
    expect(readFileSync(policy, 'utf8')).toBe(text);
    const onFolder = await runCli(['replay', policy, '--input', input, '--output', folder, '--jobs', '0']);
    expect(onFolder.code).toBe(2);
    expect(onFolder.stderr).toBe(`error: cannot write ${folder}: it is a folder, not a file\n`);
  });
});

describe('replay --output is written whole or not at all', () => {
  for (const engine of ['compiled', 'duckdb']) {
    it(`replaces the target only when complete, through a symlink, keeping its permissions (${engine})`, async () => {
      const { folder, input } = workspace(`whole-${engine}`);
      const target = join(folder, 'decisions.jsonl');
      writeFileSync(target, 'old decisions\n');
      chmodSync(target, 0o640);
      symlinkSync(target, join(folder, 'link.jsonl'));
      const result = await runCli(['replay', 'policies/twitter', '--input', input, '--output', join(folder, 'link.jsonl'), '--engine', engine, '--jobs', '0']);
      expect(result.code).toBe(0);
      expect(readFileSync(target, 'utf8').trimEnd().split('\n')).toHaveLength(3_000);
      expect(lstatSync(join(folder, 'link.jsonl')).isSymbolicLink()).toBe(true);
      expect(statSync(target).mode & 0o777).toBe(0o640);
      expect(readdirSync(folder).sort()).toEqual(['decisions.jsonl', 'link.jsonl', 'posts.jsonl']);
    });
  }

  it('on a failed run (DuckDB cannot read the input) leaves the target as it was', async () => {
    const { folder } = workspace('duckdb-fails');
    const target = join(folder, 'decisions.parquet');
    writeFileSync(target, 'old decisions\n');
    const result = await runCli(['replay', 'policies/twitter', '--input', join(folder, 'missing.jsonl'), '--output', target, '--engine', 'duckdb']);
    expect(result.code).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('old decisions\n');
    expect(readdirSync(folder).sort()).toEqual(['decisions.parquet', 'posts.jsonl']);
  });

  for (const jobs of ['0', '2']) {
    it(`a write that fails mid-way (no space left) is exit 2, target untouched, no temporary file (--jobs ${jobs})`, async () => {
      const { folder, input } = workspace(`enospc-${jobs}`);
      const target = join(folder, 'decisions.jsonl');
      writeFileSync(target, 'old decisions\n');
      // The disk fills up after the first write.
      const probe = await open(input, 'r');
      const proto = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> };
      await probe.close();
      const write = proto.write;
      let writes = 0;
      vi.spyOn(proto, 'write').mockImplementation(function (this: unknown, ...args: unknown[]) {
        if (++writes === 1) return write.apply(this, args);
        return Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' }));
      });
      const result = await runCli(['replay', 'policies/twitter', '--input', input, '--output', target, '--jobs', jobs, '--chunk-bytes', '4096']);
      expect(writes).toBeGreaterThan(1);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`error: cannot write ${target}: no space left on device (ENOSPC)\n`);
      expect(result.stdout).toBe('');
      expect(readFileSync(target, 'utf8')).toBe('old decisions\n');
      expect(readdirSync(folder).sort()).toEqual(['decisions.jsonl', 'posts.jsonl']);
    });
  }

  for (const flags of [['--jobs', '0'], ['--jobs', '2', '--chunk-bytes', '4096'], ['--engine', 'duckdb']]) {
    it(`--output /dev/full reports ENOSPC and exits 2 without hanging or warnings (${flags.join(' ')})`, () => {
      const child = spawnSync(process.execPath, [...BIN, 'replay', 'policies/twitter', '--input', corpus, '--output', '/dev/full', ...flags], { encoding: 'utf8', timeout: 60_000 });
      expect(child.signal).toBeNull();
      expect(child.status).toBe(2);
      expect(child.stderr).toMatch(/^error: cannot write \/dev\/full: no space left on device( \(ENOSPC\))?\n$/);
    });
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} during a replay removes the temporary file and leaves the target as it was`, async () => {
      const { folder } = workspace(`signal-${signal}`);
      // Input from a pipe that stays open and empty: the replay waits there, its output begun.
      const fifo = join(folder, 'posts.fifo');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      const target = join(folder, 'decisions.jsonl');
      writeFileSync(target, 'old decisions\n');
      const child = spawn(process.execPath, [...BIN, 'replay', 'policies/twitter', '--input', fifo, '--output', target, '--jobs', '0'], { stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      const writer = await open(fifo, 'w');
      try {
        const temporary = () => readdirSync(folder).filter((f) => f.includes('.tmp'));
        for (let i = 0; i < 600 && temporary().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
        expect(temporary()).toHaveLength(1);
        child.kill(signal);
        expect(await exited).toBe(signal);
        expect(temporary()).toEqual([]);
        expect(readFileSync(target, 'utf8')).toBe('old decisions\n');
      } finally {
        await writer.close();
      }
    });
  }

  it('writeFileAtomic (compile -o, the compiled module) replaces a file whole, keeping its permissions', () => {
    const folder = mkdtempSync(join(dir, 'atomic-'));
    const target = join(folder, 'index.js');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    expect(() => writeFileAtomic(join(folder, 'missing', 'index.js'), 'x')).toThrow(/ENOENT/);
    writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(folder)).toEqual(['index.js']);
  });
});
