/** The CLI hooks: `bylaw compile --target sql` and `bylaw replay --engine duckdb`, in-process. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSql } from '../../src/compiler/sql/index.js';
import { loadPolicy } from '../../src/load-policy.js';
import { runCli } from '../support/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bylaw-sql-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bylaw compile --target sql', () => {
  it('writes <table>_decisions.sql for the dialect', async () => {
    const result = await runCli(['compile', 'policies/twitter', '--target', 'sql', '--dialect', 'spark', '--table', 'lake.posts', '-o', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`wrote ${join(dir, 'posts_decisions.sql')}\n`);
    const set = loadPolicy('policies/twitter').policy!;
    expect(readFileSync(join(dir, 'posts_decisions.sql'), 'utf8')).toBe(generateSql(set, { dialect: 'spark', table: 'lake.posts' }));
  });

  it('rejects an unknown dialect and a bad table name with exit code 2', async () => {
    expect((await runCli(['compile', 'policies/twitter', '--target', 'sql', '--dialect', 'oracle', '-o', dir])).code).toBe(2);
    const bad = await runCli(['compile', 'policies/twitter', '--target', 'sql', '--table', 'a..b', '-o', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid table or view name');
  });
});

describe('sets that declare outcomes', () => {
  it('compile --target sql writes the view for every dialect', async () => {
    const set = loadPolicy('policies/meta').policy!;
    for (const dialect of ['duckdb', 'spark', 'trino'] as const) {
      const out = join(dir, `meta-${dialect}`);
      const result = await runCli(['compile', 'policies/meta', '--target', 'sql', '--dialect', dialect, '-o', out]);
      expect(result.code).toBe(0);
      const text = readFileSync(join(out, 'posts_decisions.sql'), 'utf8');
      expect(text).toBe(generateSql(set, { dialect }));
      expect(text).toContain(dialect === 'spark' ? 'AS `account_duration`' : 'AS "account_duration"');
    }
  });

  it('replay --engine duckdb counts each outcome of the golden cases', async () => {
    const cases = (JSON.parse(readFileSync('test/golden/youtube.cases.json', 'utf8')) as { cases: { id: string; input: object }[] }).cases;
    const input = join(dir, 'youtube.jsonl');
    writeFileSync(input, cases.map((c) => JSON.stringify({ id: c.id, ...c.input })).join('\n') + '\n');
    const result = await runCli(['replay', 'policies/youtube', '--engine', 'duckdb', '--input', input]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`decided ${cases.length}, bad lines 0`);
    // A column per outcome, each combination of decisions a row, counted as the JS replay counts.
    expect(result.stdout).toMatch(/^content +channel +posts +share$/m);
    expect(result.stdout).toMatch(/^remove \(rule\) +strike P1W \(rule\) +\d+ /m);
    const js = await runCli(['replay', 'policies/youtube', '--input', input]);
    expect(js.code).toBe(0);
    const report = (out: string) => out.slice(out.indexOf('\n\n'));
    expect(report(result.stdout)).toBe(report(js.stdout));
  });
});

describe('a set whose versions decide different outcomes', () => {
  it('is refused with a usage error by compile --target sql and replay --engine duckdb', async () => {
    const common = 'scale Content { allow < remove }\nscale Account { none < warn }\nrecord P { date: date, bad: bool }\ninput p: P\n';
    const set = join(dir, 'mixed');
    mkdirSync(set, { recursive: true });
    writeFileSync(join(set, 'v1.policy'), `policy s\nversion "1"\neffective 2020-01-01\n${common}outcome content: Content\ndefault allow\nrule r when p.bad then remove because "x"\n`);
    writeFileSync(join(set, 'v2.policy'), `policy s\nversion "2"\neffective 2021-01-01\n${common}outcome content: Content\noutcome account: Account\ndefault allow, none\nrule r when p.bad then remove, warn because "x"\n`);
    const loaded = loadPolicy(set);
    // The checker may report it first (BL110); either way, no SQL and no internal error.
    const compiled = await runCli(['compile', set, '--target', 'sql', '-o', join(dir, 'mixed-sql')]);
    expect(compiled.code).toBe(loaded.policy ? 2 : 1);
    if (loaded.policy) expect(compiled.stderr).toContain('the versions of `s` decide different outcomes: SQL needs the same ones in every version');
    const input = join(dir, 'mixed.jsonl');
    writeFileSync(input, '{"date":"2021-02-01","bad":true}\n');
    const replayed = await runCli(['replay', set, '--engine', 'duckdb', '--input', input]);
    expect(replayed.code).toBe(loaded.policy ? 2 : 1);
    if (loaded.policy) expect(replayed.stderr).toBe('error: the versions of `s` decide different outcomes: SQL needs the same ones in every version\n');
    const cases = join(dir, 'mixed.cases.json');
    writeFileSync(cases, JSON.stringify({ policy: 'mixed', cases: [{ id: 'c', input: { date: '2021-02-01', bad: true }, expect: { outcomes: { content: { action: 'remove' } } } }] }));
    const tested = await runCli(['test', set, '--cases', cases, '--duckdb']);
    expect(tested.code).toBe(loaded.policy ? 2 : 1);
    if (loaded.policy) expect(tested.stderr).toBe('error: --duckdb: the versions of `s` decide different outcomes: SQL needs the same ones in every version\n');
  });
});

describe('golden cases in DuckDB from the CLI (--duckdb)', () => {
  it('decideInDuckDb gives the interpreter\'s whole decision for every golden input of every set', async () => {
    const { decideInDuckDb } = await import('../../src/replay/duckdb/cases.js');
    const { decideUnknown } = await import('../../src/interpreter/evaluate.js');
    for (const name of ['twitter', 'youtube', 'meta']) {
      const set = loadPolicy(`policies/${name}`).policy!;
      const inputs = (JSON.parse(readFileSync(`test/golden/${name}.cases.json`, 'utf8')) as { cases: { input: unknown }[] }).cases.map((c) => c.input);
      const expected = inputs.map((input) => {
        const r = decideUnknown(set, input);
        return r.ok ? r.decision : null;
      });
      expect(await decideInDuckDb(set, inputs)).toEqual(expected);
    }
  });

  it('bylaw test --duckdb runs the cases through a third engine; verify --duckdb says so', async () => {
    const tested = await runCli(['test', 'policies/meta', '--cases', 'test/golden/meta.cases.json', '--duckdb']);
    expect(tested.stderr).toBe('');
    expect(tested.code).toBe(0);
    expect(tested.stdout).toMatch(/^\d+ passed, 0 failed\n$/);
    const verified = await runCli(['verify', 'policies', '--cases-dir', 'test/golden', '--duckdb']);
    expect(verified.code).toBe(0);
    expect(verified.stdout.match(/compile: ok \(decisions below come from the interpreter, the compiled module and DuckDB\)/g)).toHaveLength(3);
  });
});

describe('bylaw replay --engine duckdb', () => {
  it('prints the summary and lists bad rows', async () => {
    const post = {
      date: '2019-11-02',
      author: { handle: 'x', role: 'ordinary', verified: false, followers: 10, strikes: 0 },
      target: 'individual',
      categories: ['violent_threat'],
      topic: 'none',
      public_interest: false,
      offline_harm_risk: 'none',
    };
    const input = join(dir, 'posts.jsonl');
    writeFileSync(input, [post, { ...post, date: '2016-01-01' }].map((p) => JSON.stringify(p)).join('\n') + '\n');
    const result = await runCli(['replay', 'policies/twitter', '--engine', 'duckdb', '--input', input]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^replayed 2 lines of .* \(\d[\d,]* posts\/s, duckdb\)\ncpu [\d.]+ s over all threads \([\d,]+ ns per line\)\ndecided 1, bad lines 1 \(skipped; listed on stderr\)\n\n/);
    expect(result.stdout).toContain('suspend  rule   1      100.0%');
    // The JS replay's words (the path included), as for every bad line of JSON lines.
    expect(result.stderr).toBe(`${input}:2: date: no version in force on 2016-01-01: the first version takes effect on 2017-09-25\n`);
  });

  it('a policy string holding a NUL is decided (it used to end in an internal error, exit 70)', async () => {
    const policy = join(dir, 'nul.policy');
    writeFileSync(policy, 'use moderation\ninput post: Post\ndefault allow\nrule nul when post.author.handle == "a\\0b" then remove because "x"\n');
    const post = (handle: string) => JSON.stringify({ date: '2019-11-02', author: { handle, role: 'ordinary', verified: false, followers: 10, strikes: 0 }, target: 'none', categories: [], topic: 'none', public_interest: false, offline_harm_risk: 'none' });
    const input = join(dir, 'nul.jsonl');
    writeFileSync(input, `${post('a\u0000b')}\n${post('ab')}\n`);
    const result = await runCli(['replay', policy, '--engine', 'duckdb', '--input', input], { cwd: process.cwd() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('remove  rule     1      50.0%');
    const spark = await runCli(['compile', policy, '--target', 'sql', '--dialect', 'spark', '-o', join(dir, 'nul-sql')]);
    expect(spark.code).toBe(2);
    expect(spark.stderr).toContain('error: a NUL character (`\\0`) in a policy string cannot be written as Spark or Trino SQL');
  });

  it('a missing file is a usage error', async () => {
    const result = await runCli(['replay', 'policies/twitter', '--engine', 'duckdb', '--input', join(dir, 'none.parquet')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: .*none\.parquet: No files found/);
    const jsonl = await runCli(['replay', 'policies/twitter', '--engine', 'duckdb', '--input', join(dir, 'none.jsonl')]);
    expect(jsonl.code).toBe(2);
    expect(jsonl.stderr).toBe(`error: ${join(dir, 'none.jsonl')}: no such file\n`);
  });
});
