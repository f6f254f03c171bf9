/**
 * Hostile JSON lines for comparing the replay engines: the inputs DuckDB once decided although
 * every other engine rejects them, lines that only look alike to two JSON parsers, and
 * fast-check mutations of (mostly almost valid) posts at the level of their text and bytes.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { PolicySet } from '../../../src/checker/program.js';
import { anyInput } from '../../support/arbitraries.js';

/** An older, simpler policy over the same Post, to replay against (undated: it decides every date). */
export const OLD_POLICY = `
rule threats when post.categories has violent_threat then suspend
rule hate when post.categories has hateful_conduct or post.categories has harassment then remove
exemption leaders from threats, hate when post.author.role == world_leader then notice
`;

const GOOD = {
  date: '2019-11-04',
  author: { handle: 'leader', role: 'world_leader', verified: true, followers: 5000000, strikes: 0 },
  target: 'individual',
  categories: ['violent_threat'],
  topic: 'political_issue',
  public_interest: true,
  offline_harm_risk: 'none',
};

/** Lines written by hand, each of them a way two readers of JSON can disagree (for the Twitter `Post`). */
export function handmadeLines(): Buffer[] {
  const g = JSON.stringify(GOOD);
  const swap = (from: string, to: string) => {
    if (!g.includes(from)) throw new Error(`no ${from} in the good post`);
    return g.replace(from, to);
  };
  const text = [
    g,
    // Dates DuckDB's DATE cast took.
    swap('"2019-11-04"', '"2019-06-27T00:00:00Z"'),
    swap('"2019-11-04"', '"2019-6-1"'),
    swap('"2019-11-04"', '" 2019-11-04"'),
    swap('"2019-11-04"', '"2019-11-04 "'),
    swap('"2019-11-04"', '"2019/11/04"'),
    swap('"2019-11-04"', '"20191104"'),
    swap('"2019-11-04"', '"201x-11-04"'),
    swap('"2019-11-04"', '"2019-02-29"'),
    swap('"2019-11-04"', '"2020-02-29"'),
    swap('"2019-11-04"', '"0000-01-01"'),
    swap('"2019-11-04"', '"9999-12-31"'),
    swap('"2019-11-04"', '"2017-01-01"'),
    swap('"2019-11-04"', '"2017-09-25"'),
    swap('"2019-11-04"', '20191104'),
    // Values DuckDB converted to the column's type.
    swap('"verified":true', '"verified":"true"'),
    swap('"verified":true', '"verified":1'),
    swap('"followers":5000000', '"followers":"100"'),
    swap('"followers":5000000', '"followers":true'),
    swap('"handle":"leader"', '"handle":12345'),
    swap('"handle":"leader"', '"handle":true'),
    swap('"role":"world_leader"', '"role":1'),
    swap('["violent_threat"]', '"violent_threat"'),
    swap('["violent_threat"]', '[1]'),
    swap('["violent_threat"]', '[null]'),
    swap('["violent_threat"]', '[]'),
    swap('"author":{', '"author":[{').replace('},"target"', '}],"target"'),
    // Numbers: -0, fractions, exponents, huge, non-finite.
    swap('"strikes":0', '"strikes":-0'),
    swap('"strikes":0', '"strikes":-0.0'),
    swap('"strikes":0', '"strikes":1e-400'),
    swap('"strikes":0', '"strikes":0.0'),
    swap('"strikes":0', '"strikes":1.0'),
    swap('"strikes":0', '"strikes":1.5'),
    swap('"strikes":0', '"strikes":-1'),
    swap('"followers":5000000', '"followers":5e6'),
    swap('"followers":5000000', '"followers":5E+6'),
    swap('"followers":5000000', '"followers":9007199254740991'),
    swap('"followers":5000000', '"followers":9007199254740992'),
    swap('"followers":5000000', '"followers":9007199254740993'),
    swap('"followers":5000000', '"followers":18446744073709551616'),
    swap('"followers":5000000', '"followers":1e400'),
    swap('"followers":5000000', '"followers":NaN'),
    swap('"followers":5000000', '"followers":Infinity'),
    swap('"followers":5000000', '"followers":-Infinity'),
    swap('"followers":5000000', '"followers":05'),
    swap('"followers":5000000', '"followers":+5'),
    // Keys: duplicates (JavaScript keeps the last, DuckDB the first), unknown, missing, escaped.
    swap('"date":"2019-11-04"', '"date":"2019-11-04","date":"2017-01-01"'),
    swap('"date":"2019-11-04"', '"date":"nope","date":"2019-11-04"'),
    swap('"strikes":0', '"strikes":0,"strikes":0'),
    swap('"topic":"political_issue"', '"topic":"political_issue","topic":"none"'),
    swap('}', ',"extra":1}'),
    `${g.slice(0, -1)},"extra":null}`,
    swap('"topic":"political_issue",', ''),
    swap('"strikes":0', '"strike":0'),
    swap('"topic":"political_issue"', '"topic":null'),
    swap('"author":{', '"author":null,"x":{'),
    swap('"date"', '"d\\u0061te"'),
    swap('"date"', '"Date"'),
    `${g.slice(0, -1)},"__proto__":{"x":1}}`,
    `${g.slice(0, -1)},"constructor":1}`,
    // Strings: escapes, NULs, lone surrogates, non-ASCII.
    swap('"leader"', '"le\\u0000ader"'),
    swap('"leader"', '"le\\"ader"'),
    swap('"leader"', '"le\\\\ader"'),
    swap('"leader"', '"le\\/ader"'),
    swap('"leader"', '"\\ud800"'),
    swap('"leader"', '"\\ud83d\\ude00"'),
    swap('"leader"', '"lé\u2028ader"'),
    swap('"world_leader"', '"w\\u006frld_leader"'),
    swap('"world_leader"', '"world_leader "'),
    swap('"world_leader"', '"World_leader"'),
    swap('"leader"', '"le\tader"'),
    // Sets.
    swap('["violent_threat"]', '["violent_threat","violent_threat"]'),
    swap('["violent_threat"]', '["violent_threat","nope"]'),
    swap('["violent_threat"]', '["harassment","violent_threat"]'),
    swap('["violent_threat"]', '["violent_\\u0074hreat"]'),
    // JSON syntax DuckDB's parser is lenient about, and blanks.
    `${g.slice(0, -1)},}`,
    swap('["violent_threat"]', '["violent_threat",]'),
    swap('"strikes":0', '"strikes":0 ,'),
    swap('"date":', '"date" : '),
    ` ${g} `,
    `\t${g}\t`,
    g.replaceAll(',"', ', "').replaceAll('":', '": '),
    swap('"strikes":0', '"strikes": -0'),
    swap('"strikes":0', '"strikes":-0 '),
    `${g} x`,
    `${g}${g}`,
    `${g.slice(0, -1)}`,
    '{"date": nope',
    '{}',
    '[]',
    '[1,2]',
    '"a string"',
    '42',
    'null',
    'true',
    '',
    '   ',
    '\t',
    // A top-level id: stripped when a string or a number, an error otherwise.
    `{"id":7,${g.slice(1)}`,
    `{"id":-0,${g.slice(1)}`,
    `{"id":1.5,${g.slice(1)}`,
    `{"id":1e400,${g.slice(1)}`,
    `{"id":12345678901234567890,${g.slice(1)}`,
    `{"id":"abc",${g.slice(1)}`,
    `{"id":"a\\"b",${g.slice(1)}`,
    `{"id":"",${g.slice(1)}`,
    `{"id":null,${g.slice(1)}`,
    `{"id":true,${g.slice(1)}`,
    `{"id":[1],${g.slice(1)}`,
    `{"id":{"a":1},${g.slice(1)}`,
    `{"id":1,"id":2,${g.slice(1)}`,
    `{"id":NaN,${g.slice(1)}`,
  ].map((line) => Buffer.from(line, 'utf8'));
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
  const [head, tail] = [g.slice(0, 20), g.slice(20)];
  return [
    ...text,
    // Bytes: invalid UTF-8, a NUL, DuckDB's CSV delimiter, CRs, a byte order mark, DEL.
    bytes(head, [0xff, 0xfe], tail),
    bytes(g.replace('"leader"', '"le'), [0xc3], 'ader"', g.slice(g.indexOf('"leader"') + 8)),
    bytes(g.replace('"leader"', '"le'), [0xed, 0xa0, 0x80], 'ader"', g.slice(g.indexOf('"leader"') + 8)),
    bytes(head, [0], tail),
    bytes(head, [1], tail),
    bytes(g.replace('"leader"', '"le'), [1], 'ader"', g.slice(g.indexOf('"leader"') + 8)),
    bytes(head, [13], tail),
    bytes(g.replace('"strikes":0', '"strikes":'), [13], '0', g.slice(g.indexOf('"strikes":0') + 11)),
    bytes(g, [13, 13]),
    bytes([13]),
    bytes([0xef, 0xbb, 0xbf], g),
    bytes(g.replace('"leader"', '"le'), [0x7f], 'ader"', g.slice(g.indexOf('"leader"') + 8)),
  ];
}

/** The inputs of the golden cases of a set, as lines (with an id), and the first also without one. */
export function goldenLines(set = 'twitter'): Buffer[] {
  const cases = (JSON.parse(readFileSync(`test/golden/${set}.cases.json`, 'utf8')) as { cases: { id: string; input: object }[] }).cases;
  return [...cases.map((c) => JSON.stringify({ id: c.id, ...c.input })), JSON.stringify(cases[0]!.input)].map((l) => Buffer.from(l, 'utf8'));
}

const NUMBERS = ['-0', '0.0', '1.0', '-0.0', '1e2', '1E2', '1e-400', '1e400', '5.5', '9007199254740993', '18446744073709551616', 'NaN', 'Infinity', '"7"', 'true', 'null', '007', '2'];
const BYTES = [[13], [1], [0], [0x7f], [0xff], [0xef, 0xbb, 0xbf], [0xc3, 0xa9], [0xe2, 0x80, 0xa8], [9], [32], [10]];

/** A text-level mutation of a line of JSON. */
export function mutation(): fc.Arbitrary<(line: Buffer) => Buffer> {
  const at = (f: (text: string, k: number) => string) => fc.nat().map((k) => (line: Buffer) => Buffer.from(f(line.toString('utf8'), k), 'utf8'));
  const nth = (text: string, re: RegExp, k: number, f: (m: RegExpExecArray) => string) => {
    const matches = [...text.matchAll(re)];
    if (matches.length === 0) return text;
    const m = matches[k % matches.length]!;
    return text.slice(0, m.index) + f(m as RegExpExecArray) + text.slice(m.index + m[0].length);
  };
  return fc.oneof(
    { arbitrary: fc.constant((line: Buffer) => line), weight: 4 },
    // A number written another way.
    fc.tuple(fc.nat(), fc.constantFrom(...NUMBERS)).map(([k, n]) => (line: Buffer) => Buffer.from(nth(line.toString('utf8'), /:-?\d+(?=[,}])/g, k, () => `:${n}`), 'utf8')),
    // A blank after punctuation.
    fc.tuple(fc.nat(), fc.constantFrom(' ', '\t', '  ')).map(([k, b]) => (line: Buffer) => Buffer.from(nth(line.toString('utf8'), /[,:{[]/g, k, (m) => m[0] + b), 'utf8')),
    // A trailing comma.
    at((text, k) => nth(text, /[}\]]/g, k, (m) => `,${m[0]}`)),
    // A key again, with the same value or with the value of another key.
    at((text, k) => nth(text, /"(\w+)":("[^"]*"|-?\d+|true|false)(?=[,}])/g, k, (m) => `${m[0]},"${m[1]}":${k % 2 === 0 ? m[2] : '"x"'}`)),
    // A key dropped.
    at((text, k) => nth(text, /,"\w+":("[^"]*"|-?\d+|true|false)(?=[,}])/g, k, () => '')),
    // A character of a string escaped.
    at((text, k) => nth(text, /"([a-z])/g, k, (m) => `"\\u${m[1]!.charCodeAt(0).toString(16).padStart(4, '0')}`)),
    // Bytes inserted, or one removed, anywhere.
    fc.tuple(fc.nat(), fc.constantFrom(...BYTES)).map(([k, b]) => (line: Buffer) => {
      const i = k % (line.length + 1);
      return Buffer.concat([line.subarray(0, i), Buffer.from(b), line.subarray(i)]);
    }),
    fc.nat().map((k) => (line: Buffer) => (line.length === 0 ? line : Buffer.concat([line.subarray(0, k % line.length), line.subarray((k % line.length) + 1)]))),
  );
}

/** A line: a post of the set (usually almost valid; maybe with an id) written as JSON, then maybe mutated twice. */
export function hostileLine(set: PolicySet): fc.Arbitrary<Buffer> {
  const post = fc.tuple(anyInput(set), fc.option(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { freq: 3 })).map(([input, id]) =>
    Buffer.from(JSON.stringify(id !== null && typeof input === 'object' && input !== null && !Array.isArray(input) ? { id, ...input } : input) ?? 'null', 'utf8'),
  );
  return fc.tuple(post, mutation(), mutation()).map(([line, m1, m2]) => m2(m1(line)));
}
