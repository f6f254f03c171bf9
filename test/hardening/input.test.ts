import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { loadCompiled, type CompiledModule } from '../../src/compiler/load.js';
import { decideUnknown, evaluate } from '../../src/interpreter/evaluate.js';
import { explain } from '../../src/interpreter/explain.js';
import { InvalidInputError } from '../../src/semantics/errors.js';
import { MAX_PROBLEMS, validateInput, type InputProblem } from '../../src/semantics/validate.js';
import { runCli } from '../support/cli.js';
import { checkFiles } from '../support/policies.js';
import { checkText, twitterFiles } from './support.js';

/**
 * Hostile decision input: every engine (the interpreter's validate / decideUnknown, the compiled
 * module's, `bylaw decide`) answers with a clean list of problems and their paths — never a
 * decision, never a crash, never a read of an inherited property, never prototype pollution.
 */

const GOOD = {
  date: '2020-01-01',
  author: { handle: 'someone', role: 'ordinary', verified: true, followers: 5, strikes: 0 },
  target: 'none',
  categories: ['harassment'],
  topic: 'none',
  public_interest: false,
  offline_harm_risk: 'none',
};
type Post = typeof GOOD;
const withAuthor = (patch: Record<string, unknown>) => ({ ...GOOD, author: { ...GOOD.author, ...patch } });
/** JSON text parsed like `bylaw decide` parses it: `__proto__` becomes an own key. */
const json = (text: string): unknown => JSON.parse(text);
const goodJson = JSON.stringify(GOOD);
/** `{"__proto__": …, <GOOD's fields>}` as JSON.parse reads it. */
const withOwnKey = (key: string, value: unknown) => json(`{${JSON.stringify(key)}: ${JSON.stringify(value)}, ${goodJson.slice(1)}`);

let deep: unknown = 'bottom';
for (let i = 0; i < 10_000; i++) deep = { nested: deep };
let deepArray: unknown = [];
for (let i = 0; i < 10_000; i++) deepArray = [deepArray];

/** Each hostile input, with a path its error list must name. */
const HOSTILE: readonly [string, () => unknown, string][] = [
  ['own __proto__ key (JSON)', () => withOwnKey('__proto__', { polluted: 'yes' }), '__proto__'],
  ['own constructor.prototype (JSON)', () => withOwnKey('constructor', { prototype: { polluted: 'yes' } }), 'constructor'],
  ['__proto__ inside a nested record', () => json(goodJson.replace('"author":{', '"author":{"__proto__":{"polluted":"yes"},')), 'author.__proto__'],
  ['prototype as a key', () => withOwnKey('prototype', { polluted: 'yes' }), 'prototype'],
  ['an extra field', () => ({ ...GOOD, extra: 1 }), 'extra'],
  ['a misspelt field', () => ({ ...GOOD, public_intrest: true }), 'public_intrest'],
  ['a missing field', () => ({ ...GOOD, target: undefined }), 'target'],
  ['a wrong type (string for bool)', () => ({ ...GOOD, public_interest: 'yes' }), 'public_interest'],
  ['a wrong type (number for enum)', () => ({ ...GOOD, target: 3 }), 'target'],
  ['an enum value that is an Object.prototype key', () => ({ ...GOOD, target: 'toString' }), 'target'],
  ['an enum value "__proto__"', () => ({ ...GOOD, topic: '__proto__' }), 'topic'],
  ['an enum value "constructor" in a set', () => ({ ...GOOD, categories: ['constructor'] }), 'categories[0]'],
  ['NaN', () => withAuthor({ followers: NaN }), 'author.followers'],
  ['Infinity', () => withAuthor({ followers: Infinity }), 'author.followers'],
  ['-Infinity', () => withAuthor({ strikes: -Infinity }), 'author.strikes'],
  ['-0', () => withAuthor({ followers: -0 }), 'author.followers'],
  ['a float where an int is declared', () => withAuthor({ followers: 1.5 }), 'author.followers'],
  ['an unsafe integer', () => withAuthor({ followers: 2 ** 60 }), 'author.followers'],
  ['a negative count', () => withAuthor({ strikes: -1 }), 'author.strikes'],
  ['a number as a string', () => withAuthor({ followers: '5' }), 'author.followers'],
  ['an impossible date (2019-02-30)', () => ({ ...GOOD, date: '2019-02-30' }), 'date'],
  ['a non-ISO date (2019-1-5)', () => ({ ...GOOD, date: '2019-1-5' }), 'date'],
  ['a date-time (2019-01-05T00:00:00Z)', () => ({ ...GOOD, date: '2019-01-05T00:00:00Z' }), 'date'],
  ['a date before every version', () => ({ ...GOOD, date: '1999-01-01' }), 'date'],
  ['a Date object', () => ({ ...GOOD, date: new Date('2020-01-01') }), 'date'],
  ['a set given as an object', () => ({ ...GOOD, categories: { 0: 'harassment', length: 1 } }), 'categories'],
  ['a set with a repeat', () => ({ ...GOOD, categories: ['harassment', 'harassment'] }), 'categories[1]'],
  ['a huge array (1e6 elements)', () => ({ ...GOOD, categories: Array.from({ length: 1_000_000 }, (_, i) => `c${i}`) }), 'categories[0]'],
  ['a huge array of repeats', () => ({ ...GOOD, categories: Array.from({ length: 1_000_000 }, () => 'harassment') }), 'categories[1]'],
  ['10,000-deep nesting in an unexpected field', () => ({ ...GOOD, extra: deep }), 'extra'],
  ['10,000-deep nesting where a record is expected', () => ({ ...GOOD, author: deep }), 'author.nested'],
  ['10,000-deep arrays where a set is expected', () => ({ ...GOOD, categories: deepArray }), 'categories[0]'],
  ['20,000 unknown keys', () => ({ ...GOOD, ...Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])) }), 'k0'],
  ['a megabyte-long unknown key (shown cut to 40 characters)', () => ({ ...GOOD, ['k'.repeat(1_000_000)]: 1 }), `${'k'.repeat(40)}…`],
  ['an unknown key with terminal escapes and a line break (shown escaped)', () => ({ ...GOOD, ['\u001b[2J\nerror: forged\u009b']: 1 }), '\\u001b[2J\\u000aerror: forged\\u009b'],
  ['a nested unknown key with a bell', () => withAuthor({ ['x\u0007']: 1 }), 'author.x\\u0007'],
  ['an enum value with C1 and DEL controls', () => ({ ...GOOD, target: '\u009b31m\u007f' }), 'target'],
  ['a megabyte-long enum value', () => ({ ...GOOD, target: 'x'.repeat(1_000_000) }), 'target'],
  ['an array at the root', () => [GOOD], '(input)'],
  ['null at the root', () => null, '(input)'],
  ['a string at the root', () => 'post', '(input)'],
  ['a number at the root', () => 42, '(input)'],
  ['undefined', () => undefined, '(input)'],
  ['fields only on the prototype', () => Object.create(GOOD) as unknown, 'date'],
  ['a record field only on the prototype', () => ({ ...GOOD, author: Object.create(GOOD.author) as unknown }), 'author.handle'],
];

let set: PolicySet;
let compiled: CompiledModule;

beforeAll(async () => {
  const checked = checkFiles(twitterFiles(), 'hardening/twitter');
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  set = checked.policy!;
  compiled = await loadCompiled(set);
});

function expectCleanErrors(errors: readonly InputProblem[], path: string): void {
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.length).toBeLessThanOrEqual(MAX_PROBLEMS);
  for (const e of errors) {
    expect(typeof e.path).toBe('string');
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeLessThan(400);
    expect(e.path.length).toBeLessThan(400);
    // Printed on a terminal: no control character may reach it raw.
    expect(e.path + e.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  }
  expect(errors.map((e) => e.path)).toContain(path);
}

describe('hostile input: the interpreter and the compiled module', () => {
  it('the well-formed input is accepted by both (the baseline for every mutation below)', () => {
    expect(decideUnknown(set, GOOD)).toMatchObject({ ok: true });
    expect(compiled.decideUnknown(GOOD)).toEqual(decideUnknown(set, GOOD));
  });

  it.each(HOSTILE)('%s: a clean error list naming the path, the same from both engines', (_, make, path) => {
    const input = make();
    const interpreted = decideUnknown(set, input);
    expect(interpreted.ok).toBe(false);
    if (interpreted.ok) return;
    expectCleanErrors(interpreted.errors, path);
    // validate() agrees with decideUnknown, and the compiled module agrees with the interpreter.
    const fromCompiled = compiled.decideUnknown(input);
    expect(fromCompiled).toEqual(interpreted);
    const validated = compiled.validate(input);
    expect(validated).toEqual({ ok: false, errors: interpreted.errors });
    // The throwing entry points throw the typed errors, never a TypeError from inside.
    expect(() => evaluate(set, input)).toThrow(/./);
    try {
      evaluate(set, input);
    } catch (error) {
      expect((error as Error).name).toMatch(/^(InvalidInputError|NoVersionInForceError)$/);
    }
    expect(() => explain(set, input)).toThrow(/./);
    expect(() => compiled.explain(input)).toThrow(/./);
  });

  it('validation stops at MAX_PROBLEMS: a million bad members cost milliseconds, not minutes', () => {
    const input = { ...GOOD, categories: Array.from({ length: 1_000_000 }, (_, i) => `nope${i}`) };
    const started = performance.now();
    const result = validateInput(set.versions.at(-1)!.inputType, input);
    expect(performance.now() - started).toBeLessThan(10_000); // was minutes; generous for loaded machines
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toHaveLength(MAX_PROBLEMS);
  });

  it('a valid input may carry sparse arrays only as written by JSON (no holes): holes are skipped as before', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = { ...GOOD, categories: [, 'harassment'] };
    expect(compiled.decideUnknown(sparse)).toEqual(decideUnknown(set, sparse));
  });
});

describe('hostile input: names of Object.prototype in the policy itself', () => {
  const policy = `scale Action { allow < remove }
record Thing { constructor: bool, toString: int(0..), __proto__: string, hasOwnProperty: Kind, valueOf: set<Kind> }
enum Kind { constructor, toString, __proto__, valueOf }
input thing: Thing
default allow
rule r when thing.constructor and thing.toString > 1 and thing.__proto__ == "x" and thing.hasOwnProperty == __proto__ and thing.valueOf has toString then remove because "r"
`;
  let hostileSet: PolicySet;
  let hostileCompiled: CompiledModule;
  const thing = (text: string) => json(text);
  const full = '{"constructor": true, "toString": 2, "__proto__": "x", "hasOwnProperty": "__proto__", "valueOf": ["toString"]}';

  beforeAll(async () => {
    const checked = checkText(policy, 'hardening/proto.policy');
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    hostileSet = checked.policy!;
    hostileCompiled = await loadCompiled(hostileSet);
  });

  it('fields named like Object.prototype members are read as own JSON keys', () => {
    const decision = decideUnknown(hostileSet, thing(full));
    expect(decision).toMatchObject({ ok: true, decision: { action: 'remove', clause: 'r' } });
    expect(hostileCompiled.decideUnknown(thing(full))).toEqual(decision);
  });

  it('a missing field is missing even when every object inherits a property of that name', () => {
    const result = decideUnknown(hostileSet, {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']);
    expect(result.errors.every((e) => e.message === 'missing field')).toBe(true);
    expect(hostileCompiled.decideUnknown({})).toEqual(result);
  });

  it('`__proto__` written in an object literal sets the prototype, and is not taken for the field', () => {
    const literal = { constructor: true, toString: 2, __proto__: { x: 1 }, hasOwnProperty: '__proto__', valueOf: ['toString'] };
    const result = decideUnknown(hostileSet, literal);
    expect(result).toMatchObject({ ok: false, errors: [{ path: '__proto__', message: 'missing field' }] });
    expect(hostileCompiled.decideUnknown(literal)).toEqual(result);
  });

  it('enum members named like Object.prototype members are only themselves', () => {
    for (const value of ['hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString']) {
      const input = thing(full.replace('"hasOwnProperty": "__proto__"', `"hasOwnProperty": ${JSON.stringify(value)}`));
      const result = decideUnknown(hostileSet, input);
      expect(result.ok, value).toBe(false);
      expect(hostileCompiled.decideUnknown(input)).toEqual(result);
    }
  });
});

describe('hostile input: no prototype pollution', () => {
  it('deciding, validating and explaining payloads leaves Object.prototype (and friends) untouched', () => {
    const snapshot = () => [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join());
    const before = snapshot();
    const payloads = [
      withOwnKey('__proto__', { polluted: 'yes', toString: 'x' }),
      withOwnKey('constructor', { prototype: { polluted: 'yes' } }),
      json(goodJson.replace('"author":{', '"author":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},')),
      json(`{"__proto__": {"__proto__": {"polluted": "yes"}}}`),
      json(`[{"__proto__": {"polluted": "yes"}}]`),
      { ...GOOD, categories: ['__proto__', 'constructor', 'prototype'] },
    ];
    for (const input of payloads) {
      decideUnknown(set, input);
      compiled.decideUnknown(input);
      compiled.validate(input);
      for (const call of [() => explain(set, input), () => compiled.explain(input), () => evaluate(set, input)]) {
        try {
          call();
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
        }
      }
    }
    expect(snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('the InvalidInputError carries the list; its message names every path', () => {
    try {
      evaluate(set, withOwnKey('__proto__', {}));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).errors.map((e) => e.path)).toEqual(['__proto__']);
      expect((error as Error).message).toBe('__proto__: unknown field of Post');
    }
  });
});

describe('hostile input: bylaw decide', () => {
  const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
  const dir = mkdtempSync(join(tmpdir(), 'bylaw-hostile-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it.each([
    ['own __proto__', `{"__proto__": {"polluted": true}, ${goodJson.slice(1)}`, '__proto__: unknown field of Post'],
    ['constructor.prototype', `{"constructor": {"prototype": {"polluted": true}}, ${goodJson.slice(1)}`, 'constructor: unknown field of Post'],
    ['a float count', JSON.stringify(withAuthor({ followers: 1.5 })), 'author.followers: expected int, got 1.5'],
    ['-0', goodJson.replace('"followers":5', '"followers":-0'), 'author.followers: expected int, got -0'],
    ['1e400 (Infinity)', goodJson.replace('"followers":5', '"followers":1e400'), 'author.followers: expected int, got Infinity'],
    ['a negative count', JSON.stringify(withAuthor({ strikes: -3 })), 'author.strikes: -3 is below the minimum 0'],
    ['an impossible date', JSON.stringify({ ...GOOD, date: '2019-02-30' }), 'date: expected a date (YYYY-MM-DD), got "2019-02-30"'],
    ['a non-ISO date', JSON.stringify({ ...GOOD, date: '2019-1-5' }), 'date: expected a date (YYYY-MM-DD), got "2019-1-5"'],
    ['a date-time', JSON.stringify({ ...GOOD, date: '2019-01-05T00:00:00Z' }), 'date: expected a date (YYYY-MM-DD), got "2019-01-05T00:00:00Z"'],
    ['a date before every version', JSON.stringify({ ...GOOD, date: '2001-01-01' }), 'date: no version in force on 2001-01-01'],
    ['an array root', `[${goodJson}]`, '(input): expected an object (Post), got an array'],
    ['a null root', 'null', '(input): expected an object (Post), got null'],
    ['a string root', '"post"', '(input): expected an object (Post), got "post"'],
    ['deep nesting', `{"extra": ${'{"nested":'.repeat(10_000)}"bottom"${'}'.repeat(10_000)}, ${goodJson.slice(1)}`, 'extra: unknown field of Post'],
    ['deep arrays', `{"extra": ${'['.repeat(10_000)}${']'.repeat(10_000)}, ${goodJson.slice(1)}`, 'extra: unknown field of Post'],
    ['a huge array', JSON.stringify({ ...GOOD, categories: Array.from({ length: 1_000_000 }, () => 'harassment') }), 'categories[1]: "harassment" is listed twice'],
  ])('%s: exit 2 with the problem, no stack trace', async (name, text, message) => {
    const r = await runCli(['decide', 'policies/twitter', '--input', file(`${name.replace(/\W+/g, '_')}.json`, text)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('is not a valid Post:');
    expect(r.stderr).toContain(message);
    noStackTrace(r.stderr);
  });

  it.each([
    ['invalid JSON', '{"date": '],
    ['JSON with a trailing comma', '{"a": 1,}'],
    ['an empty file', ''],
    ['NaN (not JSON)', '{"followers": NaN}'],
    ['binary junk', '\u0000\u0001\u00ff\ud800'],
  ])('%s: exit 2 with one message (and the line it is about), no stack trace', async (_, text) => {
    const r = await runCli(['decide', 'policies/twitter'], { stdin: text });
    expect(r.code).toBe(2);
    // One diagnostic (BL601, with its frame and help) and the last line; an empty file: one line.
    expect(r.stderr).toMatch(/^error(\[BL601\])?: /);
    expect(r.stderr.match(/^error/gm)!.length).toBeLessThanOrEqual(2);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(8);
    noStackTrace(r.stderr);
  });

  it('--explain on a hostile input also exits 2', async () => {
    const r = await runCli(['decide', 'policies/twitter', '--explain'], { stdin: `{"__proto__": {"x": 1}, ${goodJson.slice(1)}` });
    expect(r.code).toBe(2);
    noStackTrace(r.stderr);
  });

  it('Object.prototype is untouched after the CLI runs', () => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

export type { Post };
