/** `bylaw test --duckdb` and `bylaw verify --duckdb` interpret each golden case once, not twice. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../support/cli.js';

// Every input the interpreter is asked to decide, in order.
const interpreted = vi.hoisted(() => [] as unknown[]);
vi.mock('../../src/interpreter/evaluate.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/interpreter/evaluate.js')>();
  return {
    ...actual,
    decideUnknown: (...args: Parameters<typeof actual.decideUnknown>) => {
      interpreted.push(args[1]);
      return actual.decideUnknown(...args);
    },
  };
});

const casesOf = (name: string) => (JSON.parse(readFileSync(`test/golden/${name}.cases.json`, 'utf8')) as { cases: { input: unknown; expect: unknown }[] }).cases;
const inputsOf = (name: string) => casesOf(name).map((c) => c.input);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bylaw-duckdb-once-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  interpreted.length = 0;
});

describe('--duckdb interprets each case once', () => {
  it('bylaw test --duckdb', async () => {
    const result = await runCli(['test', 'policies/meta', '--cases', 'test/golden/meta.cases.json', '--duckdb']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(interpreted).toEqual(inputsOf('meta'));
  });

  it('bylaw test --duckdb with an invalid input, which DuckDB is not given', async () => {
    const [golden] = casesOf('twitter');
    const valid = golden!.input as Record<string, unknown>;
    const invalid = { ...valid, topic: 7 };
    const file = join(dir, 'twitter.cases.json');
    const cases = [
      { id: 'valid', input: valid, expect: golden!.expect },
      { id: 'invalid', input: invalid, expect: golden!.expect },
    ];
    writeFileSync(file, JSON.stringify({ policy: 'twitter', cases }));
    const result = await runCli(['test', 'policies/twitter', '--cases', file, '--duckdb']);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^FAIL invalid: invalid input in .*\n    topic: .*\n1 passed, 1 failed\n$/);
    expect(interpreted).toEqual([valid, invalid]);
  });

  it('bylaw verify --duckdb (npm start)', async () => {
    const result = await runCli(['verify', 'policies', '--cases-dir', 'test/golden', '--duckdb']);
    expect(result.code).toBe(0);
    // verify goes through every case file in its own order: compare the multisets.
    const files = readdirSync('test/golden').filter((f) => f.endsWith('.cases.json'));
    const all = files.map((f) => f.slice(0, -'.cases.json'.length)).flatMap(inputsOf);
    const key = (input: unknown) => JSON.stringify(input);
    expect(interpreted.map(key).sort()).toEqual(all.map(key).sort());
  });
});
