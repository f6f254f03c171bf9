/**
 * `replay --engine duckdb` over JSON lines is the JS replay, line for line: the same lines
 * counted and numbered (blank lines, CRLF, a last line without newline, stray CRs, a byte order
 * mark), the same decisions, the same bad lines with the same messages, the same report, the
 * same decision per line in --output. The JS side is the replay's own `processChunk` (JSON.parse
 * and validation, no fast reader) deciding with the interpreter.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/load-policy.js';
import { DuckDbRunner } from '../../src/replay/duckdb/runner.js';
import { jsonLinesQuery } from '../../src/replay/duckdb/json-lines.js';
import { scanLines } from '../../src/replay/duckdb/line-scan.js';
import { compilePolicy } from '../support/policies.js';
import { goldenLines, handmadeLines, hostileLine, OLD_POLICY } from './support/hostile-lines.js';
import { expectSame, lines } from './support/replay-compare.js';

const twitter = loadPolicy('policies/twitter').policy!;
const versions = loadPolicy('test/compiler/fixtures/versions').policy!;
const old = compilePolicy(OLD_POLICY);

let dir: string;
let runner: DuckDbRunner;
let files = 0;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bylaw-json-lines-'));
  runner = await DuckDbRunner.open({ threads: 2 });
});
afterAll(() => {
  runner.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('DuckDB reads JSON lines as the JS replay does', () => {
  it('the inputs every other engine rejects: rejected, with the JS messages and line numbers', async () => {
    const post = handmadeLines()[0]!.toString('utf8');
    const bad = [
      post.replace('"2019-11-04"', '"2019-06-27T00:00:00Z"'),
      post.replace('"2019-11-04"', '"2019-6-1"'),
      post.replace('"2019-11-04"', '" 2019-11-04"'),
      post.replace('"verified":true', '"verified":"true"'),
      post.replace('"followers":5000000', '"followers":"100"'),
      post.replace('"followers":5000000', '"followers":true'),
      post.replace('"handle":"leader"', '"handle":12345'),
      post.replace('"strikes":0', '"strikes":-0'),
    ];
    const { duck } = await expectSame(runner, dir, twitter, null, Buffer.from([post, ...bad, post].join('\n') + '\n'));
    expect(duck.decided).toBe(2);
    expect(duck.bad).toEqual([
      '2: date: expected a date (YYYY-MM-DD), got "2019-06-27T00:00:00Z"',
      '3: date: expected a date (YYYY-MM-DD), got "2019-6-1"',
      '4: date: expected a date (YYYY-MM-DD), got " 2019-11-04"',
      '5: author.verified: expected bool, got "true"',
      '6: author.followers: expected int, got "100"',
      '7: author.followers: expected int, got true',
      '8: author.handle: expected string, got 12345',
      '9: author.strikes: expected int, got -0',
    ]);
  });

  it('blank lines are lines: a bad 4th line is reported as line 4, and a malformed line does not stop the run', async () => {
    const post = handmadeLines()[0]!.toString('utf8');
    const { duck } = await expectSame(runner, dir, twitter, null, Buffer.from(`${post}\n\n  \n{"date": nope\n${post}\n\n${post}`));
    expect(duck.lines).toBe(7);
    expect(duck.bad).toEqual(['2: empty line', '3: empty line', `4: invalid JSON: ${jsonError('{"date": nope')}`, '6: empty line']);
    expect(duck.decided).toBe(3);
  });

  it('line ends: CRLF, a stray CR, a last line without newline, a byte order mark, only newlines, nothing', async () => {
    const post = handmadeLines()[0]!;
    for (const text of [
      lines([post, post], '\r\n'),
      Buffer.concat([post, Buffer.from('\r\r\n'), post, Buffer.from('\r'), post]),
      Buffer.concat([Buffer.from('\r\n\r\n'), post, Buffer.from('\n\r'), post]),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), post, Buffer.from('\n'), Buffer.from([0xef, 0xbb, 0xbf]), post]),
      Buffer.from('\n\n\n'),
      Buffer.from(''),
      post,
    ]) {
      await expectSame(runner, dir, twitter, null, text);
    }
  });

  it('hand-made hostile lines and the golden cases, with and against an old policy, LF and CRLF files', async () => {
    const all = [...handmadeLines(), ...goldenLines()];
    const { duck } = await expectSame(runner, dir, twitter, old, lines(all));
    // DuckDB decides the plain lines itself; the others go to the JS replay's code.
    expect(duck.judged).toBeGreaterThan(all.length / 2);
    expect(duck.judged).toBeLessThan(all.length);
    await expectSame(runner, dir, twitter, null, lines(all, '\r\n'));
  });

  it('a long line (past what DuckDB reads) is a line like any other', async () => {
    const post = handmadeLines()[0]!.toString('utf8');
    const long = post.replace('"leader"', `"${'x'.repeat(3_000_000)}"`);
    await expectSame(runner, dir, twitter, null, Buffer.from([post, long, post.replace('true', '"true"'), post].join('\n')));
  });

  it('fast-check: mutated posts (numbers, blanks, trailing commas, repeated or dropped keys, escapes, stray bytes)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileLine(twitter), { minLength: 1, maxLength: 250 }), fc.boolean(), async (list, against) => {
        await expectSame(runner, dir, twitter, against ? old : null, lines(list));
      }),
      { numRuns: 6, seed: 20191015 },
    );
  });

  it('versions with different input records: each line read as its version reads it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileLine(versions), { minLength: 1, maxLength: 150 }), async (list) => {
        await expectSame(runner, dir, versions, null, lines(list));
      }),
      { numRuns: 2, seed: 7 },
    );
  });

  it('plain posts (JSON.stringify, with an id) are all decided in DuckDB', async () => {
    const all = goldenLines();
    const spaced = all.map((l) => Buffer.from(JSON.stringify(JSON.parse(l.toString('utf8')), null, 1).replaceAll('\n', ''), 'utf8'));
    const { duck } = await expectSame(runner, dir, twitter, old, lines([...all, ...spaced]));
    expect(duck.judged).toBe(0);
  });
});

describe('which lines DuckDB decides itself', () => {
  const plain = async (line: string): Promise<boolean> => {
    const input = join(dir, `one-${++files}.jsonl`);
    writeFileSync(input, `${line}\n`);
    const { sql } = jsonLinesQuery({ path: input, set: twitter, stripId: true });
    const rows = await runner.query(`SELECT "$bylaw_plain" AS p FROM (${sql})`);
    return rows[0]!['p'] as boolean;
  };
  const post = () => handmadeLines()[0]!.toString('utf8');

  it('a line as JSON.stringify writes it, or with blanks, with an id', async () => {
    expect(await plain(post())).toBe(true);
    expect(await plain(`{"id":"p1",${post().slice(1)}`)).toBe(true);
    expect(await plain(`{"id":-12,${post().slice(1)}`)).toBe(true);
    expect(await plain(post().replaceAll(',"', ', "').replaceAll('":', '": '))).toBe(true);
  });

  it('not one DuckDB reads otherwise than JavaScript', async () => {
    for (const line of [
      post().replace('"strikes":0', '"strikes":-0'),
      post().replace('"strikes":0', '"strikes": -0 '),
      `${post().slice(0, -1)},}`,
      post().replace('["violent_threat"]', '["violent_threat" ,]'),
      post().replace('"strikes":0', '"strikes":0,"strikes":0'),
      post().replace('"strikes":0', '"strikes": 0, "strikes": 0'),
      post().replace('"strikes":0', '"strikes":1.0'),
      post().replace('"leader"', '"le\\u0000ader"'),
      post().replace('"leader"', '"le\\"ader"'),
      `{"id":NaN,${post().slice(1)}`,
      `{"id":1.5,${post().slice(1)}`,
      `${post().slice(0, -1)},"extra":1}`,
      post().replace('"date":', '"Date":'),
    ]) {
      expect(await plain(line), line).toBe(false);
    }
  });
});

describe('the lines DuckDB reads', () => {
  it('a plain file is read in place; another from a copy without CRs, its odd lines left empty, removed after', async () => {
    const plainFile = join(dir, 'plain.jsonl');
    writeFileSync(plainFile, 'a\n\nb');
    const plain = await scanLines(plainFile, () => expect.unreachable());
    expect([plain.path, plain.lines]).toEqual([plainFile, 3]);
    const oddFile = join(dir, 'odd.jsonl');
    writeFileSync(oddFile, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\r\nb\rc\n\u0001\n'), Buffer.from([0xff]), Buffer.from('\r\nd')]));
    const odd: [number, string][] = [];
    const scanned = await scanLines(oddFile, (row, bytes) => odd.push([row, bytes.toString('latin1')]));
    expect(scanned.lines).toBe(5);
    expect(odd).toEqual([[0, '\u00ef\u00bb\u00bfa\r'], [1, 'b\rc'], [2, '\u0001'], [3, '\u00ff\r']]);
    expect(readFileSync(scanned.path, 'utf8')).toBe('\n\n\n\nd');
    scanned.dispose();
    expect(existsSync(scanned.path)).toBe(false);
  });
});

/** What JSON.parse says about a text (the message the JS replay quotes). */
function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${text} is JSON`);
}
