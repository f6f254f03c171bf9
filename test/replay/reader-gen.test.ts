/**
 * The compact reader (src/replay/reader-gen.ts): generated per input type, it reads the form
 * most producers write and leaves every other line to the plan reader. The differential
 * properties (test/analysis/fast-parse.test.ts) hold it to JSON.parse + validateInput on hostile
 * lines; these tests pin down its form, what it declines, and its source.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { writeModuleFile } from '../../src/module-file.js';
import { loadCompactReader } from '../../src/replay/engine.js';
import { fastParserFor, type CompactReader } from '../../src/replay/fast-parse.js';
import { readerInput } from '../../src/replay/fast-parse-paths.js';
import { compactReaderSource } from '../../src/replay/reader-gen.js';
import { checkFiles } from '../support/policies.js';
import { compactAlone } from '../analysis/fast-parse-properties.js';

const POLICY = `scale Action { allow < remove }
outcome action: Action
enum Level { low, high }
record Strike { date: date, severe: bool, note: string? }
record Author { handle: string, level: Level?, strikes: list<Strike> }
record Post { date: date, author: Author, tags: set<Level>, score: int(0..10)?, said: string, seen: string }
input post: Post
default allow
rule strikes
  when count(s in post.author.strikes where s.severe) > 1 or post.said == "x"
  then remove
  because "two severe strikes"
`;

const set = checkFiles({ 'p/p.policy': POLICY }).policy!;
const input = readerInput([set])!;
const source = compactReaderSource(input.type, input.read, true, 'value')!;
let compact: CompactReader;

beforeAll(async () => {
  compact = await loadCompactReader(writeModuleFile(source));
});

/** The compact reader alone on a whole line: its value, or null when it declines. */
const read = (line: string) => compactAlone(compact, Buffer.from(line));

const STRIKE = { date: '2024-02-29', severe: true, note: 'n' };
const POST = { date: '2024-03-01', author: { handle: 'h', level: 'high', strikes: [STRIKE, { ...STRIKE, severe: false, note: null }] }, tags: ['low'], score: 3, said: 'x', seen: 'unread' };

describe('the compact reader', () => {
  it('reads a compact line, with or without a leading id, into the values JSON.parse gives (unread strings left empty)', () => {
    const expected = { ...POST, seen: '', author: { ...POST.author, handle: '', strikes: [{ ...STRIKE, note: '' }, POST.author.strikes[1]] } };
    expect(read(JSON.stringify(POST))).toEqual(expected);
    expect(read(JSON.stringify({ id: 'p1', ...POST }))).toEqual(expected);
    expect(read(JSON.stringify({ id: 12, ...POST }))).toEqual(expected);
  });

  it('reads optional fields given, null, or left out after the first field of a record', () => {
    const { level: _level, ...author } = POST.author;
    const { score: _score, ...post } = { ...POST, author: { ...author, strikes: [{ date: '2024-01-01', severe: false }] } };
    const got = read(JSON.stringify(post));
    expect(got).toMatchObject({ score: null, author: { level: null, strikes: [{ date: '2024-01-01', severe: false, note: null }] } });
    expect(Object.keys(got!)).toEqual(['date', 'author', 'tags', 'score', 'said', 'seen']);
  });

  it('declines other layouts, which the plan reader behind it reads to the same input', () => {
    const plan = fastParserFor([set], true, 'value')!;
    const both = fastParserFor([set], true, 'value', compact)!;
    const { date, ...rest } = POST;
    for (const line of [
      JSON.stringify(POST, null, 1),
      JSON.stringify({ ...rest, date }),
      ` ${JSON.stringify(POST)}`,
    ]) {
      expect(read(line), line).toBeNull();
      const bytes = Buffer.from(line);
      // Copies: a reader's objects are reused by its next line.
      const viaPlan = { ...plan(bytes, 0, bytes.length)!.input };
      expect({ ...both(bytes, 0, bytes.length)!.input }).toEqual(viaPlan);
      expect(viaPlan.said).toBe('x');
    }
    // An escape: neither fast reader takes it (JSON.parse does).
    expect(read(JSON.stringify(POST).replace('"said":"x"', '"said":"\\u0078"'))).toBeNull();
  });

  it('declines values the slow path rejects: bounds, set members twice, bad dates, members not declared', () => {
    for (const bad of [
      { ...POST, score: 11 },
      { ...POST, tags: ['low', 'low'] },
      { ...POST, date: '2023-02-29' },
      { ...POST, author: { ...POST.author, level: 'medium' } },
      { ...POST, author: { ...POST.author, strikes: [{ ...STRIKE, severe: 'true' }] } },
    ]) {
      expect(read(JSON.stringify(bad)), JSON.stringify(bad)).toBeNull();
    }
  });

  it('is the same text for the same type, and has no eval and every name written as a JSON string', () => {
    expect(compactReaderSource(input.type, input.read, true, 'value')).toBe(source);
    expect(source).not.toMatch(/\beval\b|\bFunction\(/);
    expect(source).toContain('"strikes": v');
  });

  it('is not made for a type with a field named __proto__ (an object literal would set the prototype)', () => {
    const odd = checkFiles({ 'q/q.policy': POLICY.replace('said: string', '__proto__: string').replace('post.said', 'post.seen') }).policy!;
    const oddInput = readerInput([odd])!;
    expect(compactReaderSource(oddInput.type, oddInput.read, true, 'value')).toBeNull();
  });
});
