/**
 * `replay --engine duckdb` over JSON lines for sets that declare outcomes and read lists and
 * optional fields: line for line what the JS replay's code decides or rejects (with its
 * message), the whole Decision of every line compared (`because` texts too), with and against
 * another policy; hand-made lines (every way a list, an element or an optional value can be
 * wrong, or right but written oddly), the golden cases, and fast-check mutations of random posts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { loadPolicy } from '../../src/load-policy.js';
import { DuckDbRunner } from '../../src/replay/duckdb/runner.js';
import { jsonLinesQuery } from '../../src/replay/duckdb/json-lines.js';
import { goldenLines as golden } from './support/hostile-lines.js';
import { historyLines, hostilePost, metaLines, youtubeLines } from './support/hostile-outcomes.js';
import { inputGenerator } from './support/inputs.js';
import { checkFiles } from '../support/policies.js';
import { expectSameVerdicts, lines } from './support/replay-compare.js';

const load = (path: string): PolicySet => loadPolicy(path).policy!;
const youtube = load('policies/youtube');
const meta = load('policies/meta');
const history = load('test/sql/fixtures/history');
const historyOld = load('test/sql/fixtures/history-old.policy');

let dir: string;
let runner: DuckDbRunner;
let files = 0;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bylaw-json-outcomes-'));
  runner = await DuckDbRunner.open({ threads: 2 });
});
afterAll(() => {
  runner.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The golden cases' inputs as lines (with an id, and the first without), and each again written with blanks. */
function goldenLines(name: string): Buffer[] {
  const plain = golden(name);
  return [...plain, ...plain.map((l) => Buffer.from(JSON.stringify(JSON.parse(l.toString('utf8')), null, 1).replaceAll('\n', ''), 'utf8'))];
}

describe('DuckDB reads lists and optional fields as the JS replay does', () => {
  it('the golden cases (YouTube, Meta): every line decided in DuckDB, as the interpreter decides it', async () => {
    for (const [set, name] of [
      [youtube, 'youtube'],
      [meta, 'meta'],
    ] as const) {
      const result = await expectSameVerdicts(runner, dir, set, null, lines(goldenLines(name)));
      expect(result.judged, name).toBe(0);
      expect(result.bad, name).toEqual([]);
    }
  });

  it('YouTube: optional enums and dates, lists of records wrong or oddly written, a list too long', async () => {
    const all = youtubeLines();
    const result = await expectSameVerdicts(runner, dir, youtube, null, lines(all));
    // The JS messages: an element's own path, and the length limit.
    expect(result.bad.some((b) => b.endsWith(': channel.strikes: a list of 10001 elements is longer than the most an input may hold, 10000'))).toBe(true);
    expect(result.bad.some((b) => b.includes('channel.warnings[0]: expected an object (Warning), got null'))).toBe(true);
    expect(result.bad.some((b) => b.includes('channel.warnings[0].training_completed: expected a date (YYYY-MM-DD), got "2023-02-30"'))).toBe(true);
    // DuckDB decides the plain lines itself; the others go to the JS replay's code.
    expect(result.judged).toBeGreaterThan(all.length / 3);
    expect(result.judged).toBeLessThan(all.length - 5);
    await expectSameVerdicts(runner, dir, youtube, null, lines(all, '\r\n'));
  });

  it('Meta: optional records absent, null, not objects, incomplete, with keys unknown or repeated', async () => {
    const result = await expectSameVerdicts(runner, dir, meta, null, lines(metaLines()));
    expect(result.bad.some((b) => b.includes('newsworthiness: expected an object (Review), got 5'))).toBe(true);
    expect(result.decided).toBeGreaterThan(5);
  });

  it('lists of ints, dates and enums, optional lists and sets, optional records inside elements; against an older policy', async () => {
    const all = historyLines();
    const result = await expectSameVerdicts(runner, dir, history, historyOld, lines(all));
    expect(result.bad.some((b) => b.includes('notes: expected a list of int, got an object'))).toBe(true);
    expect(result.bad.some((b) => b.includes('marks[0].scores[0]: expected int, got -0'))).toBe(true);
    await expectSameVerdicts(runner, dir, history, null, lines(all));
  });

  it('against a policy over another record: each side reads its own columns (they once failed to bind: "does not have a column named kind")', async () => {
    const both = lines([...goldenLines('meta'), ...goldenLines('youtube')]);
    const result = await expectSameVerdicts(runner, dir, meta, youtube, both);
    expect(result.decided).toBe(goldenLines('meta').length);
    await expectSameVerdicts(runner, dir, youtube, meta, both);
  });

  it('against a policy reading a field as another type: a usage error naming the field', async () => {
    const text = readFileSync('test/sql/fixtures/history-old.policy', 'utf8').replace('  posted: date,', '  posted: int,');
    const other = checkFiles({ 'other/old.policy': text }).policy!;
    const input = join(dir, `conflict-${++files}.jsonl`);
    writeFileSync(input, lines(historyLines().slice(0, 1)));
    await expect(runner.replay(history, { input, against: other })).rejects.toThrow(
      /the policies read `posted` as different types \(DATE, BIGINT\): DuckDB reads the posts into one table; compare them with `--engine compiled`/,
    );
  });

  it('fast-check: random posts (lists, optionals, window dates) mutated at the level of their text', async () => {
    for (const [set, against, runs] of [
      [youtube, null, 3],
      [meta, null, 3],
      [history, historyOld, 3],
    ] as const) {
      await fc.assert(
        fc.asyncProperty(fc.array(hostilePost(set), { minLength: 1, maxLength: 120 }), fc.boolean(), async (list, versus) => {
          await expectSameVerdicts(runner, dir, set, versus ? against : null, lines(list));
        }),
        { numRuns: runs, seed: 2024 },
      );
    }
  });

  it('random posts written by JSON.stringify: every one the interpreter decides is decided in DuckDB', async () => {
    for (const set of [youtube, meta, history]) {
      const next = inputGenerator(set, 5);
      const posts = Array.from({ length: 400 }, () => Buffer.from(JSON.stringify(next()), 'utf8'));
      const result = await expectSameVerdicts(runner, dir, set, null, lines(posts));
      // Only the lines the view does not decide (dated before every version) go to the JS replay's code.
      expect(result.decided, set.name).toBeGreaterThan(250);
      expect(result.judged, set.name).toBe(result.bad.length);
    }
  });
});

describe('which lines with lists and optionals DuckDB decides itself', () => {
  const plain = async (set: PolicySet, line: string): Promise<boolean> => {
    const input = join(dir, `one-${++files}.jsonl`);
    writeFileSync(input, `${line}\n`);
    const { sql } = jsonLinesQuery({ path: input, set, stripId: true });
    const rows = await runner.query(`SELECT "$bylaw_plain" AS p FROM (${sql})`);
    return rows[0]!['p'] as boolean;
  };
  const good = () => youtubeLines()[0]!.toString('utf8');

  it('as JSON.stringify writes it, with blanks, with an optional field absent or null', async () => {
    for (const line of [good(), good().replaceAll(',"', ', "'), good().replace('"edsa":"educational",', ''), good().replace('"edsa":"educational"', '"edsa":null')]) {
      expect(await plain(youtube, line), line).toBe(true);
    }
  });

  it('not one JavaScript reads otherwise', async () => {
    const w = '{"date":"2023-01-01","policy":"harassment","training_completed":"2023-02-01"}';
    for (const line of [
      good().replace(`[${w}]`, '[1]'),
      good().replace(`[${w}]`, `[${w},]`),
      good().replace(`[${w}]`, '[null]'),
      good().replace('"policy":"harassment"', '"policy":"harassment","policy":"hate_speech"'),
      good().replace('"policy":"harassment"', '"policy":"harassment","x":1'),
      good().replace('"edsa":"educational"', '"edsa":null,"edsa":"educational"'),
      good().replace('"edsa":"educational"', '"edsa":5'),
      // An optional date that is no day: the view would take its NULL for absent.
      good().replace('"training_completed":"2023-02-01"', '"training_completed":"2023-02-30"'),
    ]) {
      expect(await plain(youtube, line), line).toBe(false);
    }
    const h = historyLines()[0]!.toString('utf8');
    expect(await plain(history, h)).toBe(true);
    expect(await plain(history, h.replace('"notes":[4,5]', '"notes" : {"a":1}'))).toBe(false);
    expect(await plain(history, h.replace('"scores":[7,8]', '"scores":[-0 ]'))).toBe(false);
  });
});
