/**
 * The fast reader (src/replay/fast-parse.ts) against its specification, `JSON.parse` +
 * `validateInput` + the interpreter, over hostile JSON lines: valid and almost valid posts laid
 * out in odd ways (key order, whitespace, escapes) and then mutated where the reader is most
 * likely to go wrong (digits of dates and numbers, number forms, duplicate and missing keys,
 * lone surrogates, a BOM, CR, NUL, stray bytes). Shared by fast-parse.test.ts (a few thousand
 * runs in `npm test`) and the fuzz tests (`npm run fuzz`).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { fastParserFor, type CompactReader, type FastParser, type IdUse } from '../../src/replay/fast-parse.js';
import { readerInput } from '../../src/replay/fast-parse-paths.js';
import { Scanner } from '../../src/replay/fast-parse-scalars.js';
import { compactReaderSource } from '../../src/replay/reader-gen.js';
import { writeModuleFile } from '../../src/module-file.js';
import { processChunk, type ChunkOptions, type Decider } from '../../src/replay/chunk.js';
import type { PolicySet, Type } from '../../src/checker/program.js';
import { deciderFor, loadCompactReader, prepareEngine } from '../../src/replay/engine.js';
import { decideUnknown } from '../../src/interpreter/evaluate.js';
import { loadPolicy } from '../../src/load-policy.js';
import { validateInput } from '../../src/semantics/validate.js';
import { MAX_LIST_LENGTH } from '../../src/runtime/validate.js';
import { mulberry32 } from '../../bench/random.js';
import { anyInput, policyInput } from '../support/arbitraries.js';

/** Policies whose input types cover every reader: ids stripped or declared, strings read or skipped, bounds, nesting, non-ASCII names. */
export const POLICIES = ['policies/twitter', 'test/analysis/fixtures/odd-input.policy', 'test/compiler/fixtures/names.policy'];

/**
 * Bylaw 2 input types: lists of records, enums, ints and dates, optional fields (absent, null,
 * given) at the top, in records and in list elements. Their decisions are compared through the
 * interpreter (on the fast reader's value and on JSON.parse's): the reader's job is the value.
 */
export const LIST_POLICIES = ['test/analysis/fixtures/lists-input.policy', 'policies/youtube', 'policies/meta'];

export interface Subject {
  readonly name: string;
  readonly set: PolicySet;
  /** The compiled module's decider, as replay makes it (with decideValid for the fast reader's inputs). */
  readonly compiled: Decider;
  /** The reference: validation and the interpreter. */
  readonly interpreter: Decider;
  readonly stripId: boolean;
  /** What replay reads with: the generated compact reader, the plan reader behind it. */
  readonly readers: Readonly<Record<IdUse, FastParser>>;
  /** The plan reader alone. */
  readonly planReaders: Readonly<Record<IdUse, FastParser>>;
  /** The compact reader alone (null: the line is not in its form), on the value ids. */
  readonly compact: (line: Buffer) => Record<string, unknown> | null;
  /** False for an input type the compact reader is not made for (a field named `__proto__`). */
  readonly hasCompact: boolean;
}

export async function subject(name: string): Promise<Subject> {
  const set = loadPolicy(name).policy!;
  const stripId = !set.versions.some((v) => v.inputType.fields.some((f) => f.name === 'id'));
  const input = readerInput([set])!;
  const compactOf = async (ids: IdUse) => {
    const source = compactReaderSource(input.type, input.read, stripId, ids);
    return source === null ? null : loadCompactReader(writeModuleFile(source));
  };
  const compacts = { check: await compactOf('check'), json: await compactOf('json'), value: await compactOf('value') };
  const reader = (ids: IdUse) => fastParserFor([set], stripId, ids, compacts[ids])!;
  const planReader = (ids: IdUse) => fastParserFor([set], stripId, ids)!;
  // A decider that takes the fast reader's values as replay's compiled one does (decideValid),
  // here through the interpreter, which validates them again: a wrong value cannot pass.
  const interpreted: Decider = {
    decideUnknown: (input) => decideUnknown(set, input),
    decideValid: (input) => {
      const r = decideUnknown(set, input);
      return r.ok ? r.decision : null;
    },
  };
  return {
    name,
    set,
    compiled: LIST_POLICIES.includes(name) ? interpreted : await deciderFor(set, await prepareEngine(set, 'compiled')),
    interpreter: { decideUnknown: (input) => decideUnknown(set, input) },
    stripId,
    readers: { check: reader('check'), json: reader('json'), value: reader('value') },
    planReaders: { check: planReader('check'), json: planReader('json'), value: planReader('value') },
    compact: (line) => (compacts.value === null ? null : compactAlone(compacts.value, line)),
    hasCompact: compacts.value !== null,
  };
}

/** The compact reader on a whole line, as fastParserFor runs it: its value, or null when it declines or leaves bytes. */
export function compactAlone(compact: CompactReader, line: Buffer): Record<string, unknown> | null {
  const s = new Scanner();
  s.b = line;
  s.view = new DataView(line.buffer, line.byteOffset, line.byteLength);
  s.end = line.length;
  s.latin1 = (a, b) => line.toString('latin1', a, b);
  s.utf8 = (a, b) => line.toString('utf8', a, b);
  const value = compact(s);
  if (value === null) return null;
  s.ws();
  return s.i === line.length ? value : null;
}

// ---- hostile lines -------------------------------------------------------------------------

/** Values that a reader taking shortcuts gets wrong; each put in place of some value of a line. */
const HOSTILE_VALUES = [
  '-0', '0.0', '1.0', '1e2', '1E2', '1e-400', '1e400', '-1e-400', '01', '-01', '+1', '-', '.5', '1.', '0x10', 'Infinity', 'NaN',
  '123456789012345', '-123456789012345', '1234567890123456', '9007199254740991', '9007199254740993', '99999999999999999999',
  '-5', '-6', '5', '6', '1000000', '999999',
  'true', 'false', 'null', 'tru', 'falsey', 'True', '"true"', '"100"', '100', '[]', '{}', '[1]', '""',
  '"2019-10-15"', '"2020-02-29"', '"2019-02-29"', '"1900-02-29"', '"2000-02-29"', '"201x-01-01"', '"1010-01-01"', '"2O19-01-01"',
  '"2019-1x-01"', '"2019-01-0x"', '"2019-6-1"', '"2019-06-31"', '"2019-00-10"', '"0000-01-01"', '"9999-12-31"', '" 2019-11-04"',
  '"2019-11-04 "', '"2019-06-27T00:00:00Z"', '"2019/06/27"', '"2019-06-27\\u0000"', '"\\u0032019-06-27"', '"２０１９-06-27"',
  '"ordinary"', '"Ordinary"', '"\\u006frdinary"', '"plain"', '"café"', '"cafe\\u0301"', '"caf\\u00e9"', '"x_1"',
  '["harassment","harassment"]', '["harassment", "self_harm"]', '["café","café"]', '["plain",]', '[,]', '["plain" "x_1"]',
  '"\\ud800"', '"\\udc00\\ud800"', '"\\ud83c\\udf0d"', '"é \\"q\\""', '"\\u0000"', '"a\\/b"', '"\\x41"', '"tab\there"', '"7"', '7', '7.0',
];

/** Bytes worth putting anywhere: digits, JSON punctuation, number letters, whitespace JSON does and does not allow, UTF-8 pieces. */
const BYTES = [
  0x30, 0x31, 0x32, 0x35, 0x39, 0x78, 0x2d, 0x2b, 0x2e, 0x65, 0x45, 0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x20, 0x09, 0x0d,
  0x0c, 0x0b, 0x00, 0x7f, 0xa0, 0xc3, 0xa9, 0xe2, 0x80, 0xa8, 0xed, 0xff, 0x2f, 0x2a,
];

const PREFIXES = ['\ufeff', ' ', '\t', '\r', '\u0000', '\u00a0', '\u2028', '\f'];
const SUFFIXES = ['\r', ' ', '\t', '\r\r', ',', '}', '\u0000', '\u00a0', ' \r'];

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** JSON text of a value with a random layout: keys sometimes shuffled, whitespace (JSON's four) here and there. */
function layout(value: unknown, rng: Rng): string {
  const ws = () => (rng() < 0.08 ? pick(rng, [' ', '\t', '\r', '  ', ' \t']) : '');
  if (Array.isArray(value)) return `[${ws()}${value.map((v) => `${ws()}${layout(v, rng)}${ws()}`).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (rng() < 0.15) entries.sort(() => rng() - 0.5);
    return `{${ws()}${entries.map(([k, v]) => `${ws()}${JSON.stringify(k)}${ws()}:${ws()}${layout(v, rng)}${ws()}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Scalar (or flat array) values of `"key":value` pairs in a line. */
const VALUE = /"((?:[^"\\]|\\.)*)"(\s*):(\s*)("(?:[^"\\]|\\.)*"|\[[^\][{}]*\]|[^,{}[\]\s"]+)/g;

function pairs(text: string): RegExpExecArray[] {
  return [...text.matchAll(VALUE)];
}

const MUTATIONS: readonly ((text: string, rng: Rng) => string)[] = [
  // A value replaced by a hostile one.
  (t, rng) => {
    const all = pairs(t);
    if (all.length === 0) return t;
    const m = pick(rng, all);
    const at = m.index + m[0].length - m[4]!.length;
    return `${t.slice(0, at)}${pick(rng, HOSTILE_VALUES)}${t.slice(at + m[4]!.length)}`;
  },
  // One character of a date (or of any string or number) changed.
  (t, rng) => {
    const dates = [...t.matchAll(/"\d{4}-\d\d-\d\d"/g)];
    const spans = dates.length > 0 && rng() < 0.7 ? dates : [...t.matchAll(/-?\d+/g)];
    if (spans.length === 0) return t;
    const m = pick(rng, spans);
    const at = m.index + Math.floor(rng() * m[0].length);
    return `${t.slice(0, at)}${pick(rng, ['x', '/', ':', ' ', '0', '9', '-', '.', 'O', 'l', '\u0660', '٣', 'e'])}${t.slice(at + 1)}`;
  },
  // A key given twice (the second value maybe different), or a pair dropped.
  (t, rng) => {
    const all = pairs(t);
    if (all.length === 0) return t;
    const m = pick(rng, all);
    const end = m.index + m[0].length;
    if (rng() < 0.5) return `${t.slice(0, end)},${rng() < 0.5 ? m[0] : `"${m[1]}":${pick(rng, HOSTILE_VALUES)}`}${t.slice(end)}`;
    const comma = t[end] === ',' ? 1 : 0;
    return `${t.slice(0, m.index)}${t.slice(end + comma)}`;
  },
  // A key or a string spelled with escapes (same value for JSON.parse), or an unknown key.
  (t, rng) => {
    const all = pairs(t);
    if (all.length === 0) return t;
    const m = pick(rng, all);
    const key = m[1]!;
    const escaped = key.length === 0 ? '\\u0078' : `\\u${key.charCodeAt(0).toString(16).padStart(4, '0')}${key.slice(1)}`;
    const replacement = pick(rng, [escaped, `${key}_`, key.toUpperCase(), '__proto__', 'id', 'constructor', `${key}\\u0000`]);
    return `${t.slice(0, m.index)}"${replacement}"${t.slice(m.index + key.length + 2)}`;
  },
  // An id of another kind.
  (t, rng) => {
    const id = pick(rng, ['"a"', '""', '12', '0', '-0', '1.5', '1e21', 'null', 'true', '[1]', '{}', '"\\u00e9"', '"é"', '"\\ud800"', '12345678901234567', '"7"']);
    return t.replace(/^(\s*)\{/, `$1{"id":${id},`);
  },
  // Something before or after the object.
  (t, rng) => (rng() < 0.5 ? `${pick(rng, PREFIXES)}${t}` : `${t}${pick(rng, SUFFIXES)}`),
  // The line cut short.
  (t, rng) => t.slice(0, Math.floor(rng() * t.length)),
];

/** Byte-level damage, after the text mutations: a byte replaced, inserted or removed. */
function damage(bytes: Buffer, rng: Rng): Buffer {
  if (bytes.length === 0) return Buffer.from([pick(rng, BYTES)]);
  const at = Math.floor(rng() * bytes.length);
  const kind = rng();
  if (kind < 0.4) return Buffer.concat([bytes.subarray(0, at), Buffer.from([pick(rng, BYTES)]), bytes.subarray(at + 1)]);
  if (kind < 0.8) return Buffer.concat([bytes.subarray(0, at), Buffer.from([pick(rng, BYTES)]), bytes.subarray(at)]);
  return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]);
}

/** One hostile line of a policy's input (without its newline): a post, maybe given an id, then mutated. */
export function hostileLine(set: PolicySet, stripId: boolean): fc.Arbitrary<Buffer> {
  const lists = set.versions.some((v) => hasListOrOptional(v.inputType));
  const post = lists
    ? fc.oneof({ arbitrary: listInput(set), weight: 3 }, { arbitrary: listInput(set).chain((v) => corrupted(v, set.versions[0]!.inputType)), weight: 2 })
    : fc.oneof({ arbitrary: policyInput(set), weight: 3 }, { arbitrary: anyInput(set), weight: 1 });
  const id = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 6 }), fc.integer(), fc.constantFrom('p0000001', 'x'.repeat(40), 'Zoë 🌍', 12.5));
  return fc
    .tuple(post, id, fc.integer(), fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.constant(1), weight: 2 }, { arbitrary: fc.integer({ min: 2, max: 3 }), weight: 1 }), fc.nat({ max: 2 }))
    .map(([value, given, seed, textEdits, byteEdits]) => {
      const rng = mulberry32(seed);
      const withId = stripId && given !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value) ? { id: given, ...value } : value;
      // Two lines in five as most producers write them (compact, keys in declaration order):
      // the compact reader's form, and its near misses once mutated.
      let text = rng() < 0.4 ? (JSON.stringify(withId) ?? 'null') : layout(withId, rng);
      for (let i = 0; i < textEdits; i++) text = pick(rng, MUTATIONS)(text, rng);
      let bytes: Buffer = Buffer.from(text);
      // Byte damage on one line in three: most lines stay close enough to valid to reach the readers.
      if (rng() < 0.33) for (let i = 0; i < byteEdits; i++) bytes = damage(bytes, rng);
      // A line never holds a newline (the chunk reader splits there).
      return Buffer.from(bytes.toString('latin1').replace(/\n/g, ' '), 'latin1');
    });
}

// ---- Bylaw 2 inputs: lists and optional fields ----------------------------------------------

function hasListOrOptional(t: Type): boolean {
  return t.kind === 'record' ? t.fields.some((f) => f.optional || hasListOrOptional(f.type)) : t.kind === 'list';
}

const dates = fc.constantFrom('2019-02-25', '2019-02-24', '2021-06-04', '2023-02-23', '2023-08-29', '2024-02-29', '2022-12-31', '0001-01-01', '9999-12-31');

/** A valid value of a type: lists of 0–4 elements (now and then none or many), optional fields absent, null or given. */
function listValue(type: Type): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case 'bool':
      return fc.boolean();
    case 'string':
      return fc.oneof(fc.constantFrom('strike', 'x', 'é "q"', ''), fc.string({ maxLength: 6 }));
    case 'int': {
      const min = type.min ?? -1000;
      const max = type.max ?? 1_000_000;
      return fc.oneof(fc.integer({ min, max }), fc.constantFrom(...[min, max, 0].filter((n) => n >= min && n <= max)));
    }
    case 'date':
      return dates;
    case 'enum':
      return fc.constantFrom(...type.members);
    case 'set':
      return fc.shuffledSubarray([...type.element.members]);
    case 'list':
      return fc.oneof({ arbitrary: fc.array(listValue(type.element), { maxLength: 4 }), weight: 8 }, { arbitrary: fc.array(listValue(type.element), { minLength: 20, maxLength: 60 }), weight: 1 });
    case 'record': {
      const fields = type.fields.map((f) =>
        f.optional ? fc.oneof(fc.constant(ABSENT), fc.constant(null), listValue(f.type)).map((v) => [f.name, v] as const) : listValue(f.type).map((v) => [f.name, v] as const),
      );
      return fc.tuple(...fields).map((entries) => Object.fromEntries(entries.filter(([, v]) => v !== ABSENT)));
    }
  }
}

const ABSENT = Symbol('absent');

function listInput(set: PolicySet): fc.Arbitrary<Record<string, unknown>> {
  return listValue(set.versions[set.versions.length - 1]!.inputType) as fc.Arbitrary<Record<string, unknown>>;
}

/**
 * The value with one hostile change where lists and optional fields make one likely: a list
 * given as null, an object or a string; a null, a wrong-typed or an undeclared-field element; an
 * element missing a required field; a required field null; a list one past the longest allowed.
 */
function corrupted(value: Record<string, unknown>, type: Type): fc.Arbitrary<Record<string, unknown>> {
  const spots: { path: (string | number)[]; type: Type; optional: boolean }[] = [];
  const walk = (v: unknown, t: Type, path: (string | number)[], optional: boolean) => {
    spots.push({ path, type: t, optional });
    if (t.kind === 'record' && v !== null && typeof v === 'object') for (const f of t.fields) walk((v as Record<string, unknown>)[f.name], f.type, [...path, f.name], f.optional);
    if (t.kind === 'list' && Array.isArray(v)) v.forEach((x, i) => walk(x, t.element, [...path, i], false));
  };
  walk(value, type, [], false);
  const candidates = spots.filter((x) => x.path.length > 0);
  if (candidates.length === 0) return fc.constant(value);
  return fc.tuple(fc.constantFrom(...candidates), fc.nat({ max: 9 })).map(([spot, how]) => {
    const copy = structuredClone(value) as Record<string, unknown>;
    const parent = spot.path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy) as Record<string | number, unknown>;
    const key = spot.path[spot.path.length - 1]!;
    const t = spot.type;
    const replacements: (() => void)[] = [
      () => (parent[key] = null),
      () => void delete parent[key],
      () => (parent[key] = t.kind === 'list' ? {} : []),
      () => (parent[key] = t.kind === 'list' ? 'x' : { x: 1 }),
      () => (parent[key] = t.kind === 'list' ? [null] : 'x'),
      () => (parent[key] = t.kind === 'list' ? [...(Array.isArray(parent[key]) ? (parent[key] as unknown[]) : []), 7, 'x'] : 1.5),
      () => (parent[key] = t.kind === 'list' ? Array.from({ length: MAX_LIST_LENGTH + 1 }, () => (t.element.kind === 'int' ? 1 : t.element.kind === 'date' ? '2020-01-01' : 'x')) : -0),
      () => (parent[key] = t.kind === 'list' ? Array.from({ length: MAX_LIST_LENGTH }, () => (t.element.kind === 'int' ? 1 : t.element.kind === 'date' ? '2020-01-01' : t.element.kind === 'enum' ? t.element.members[0] : {})) : true),
      () => (parent[key] = t.kind === 'record' ? { ...(parent[key] as object), undeclared: 1 } : '2019-02-30'),
      () => (parent[key] = spot.optional ? undefined : null),
    ];
    replacements[how]!();
    return copy;
  });
}

// ---- the properties ------------------------------------------------------------------------

/** What the specification says of a line: JSON.parse, the id stripped, validateInput, the interpreter. */
function reference(s: Subject, line: Buffer): { valid: false } | { valid: true; input: Record<string, unknown>; id: unknown; decided: boolean } {
  let value: unknown;
  try {
    value = JSON.parse(line.toString('utf8'));
  } catch {
    return { valid: false };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { valid: false };
  let input = value as Record<string, unknown>;
  let id: unknown;
  if (s.stripId && Object.prototype.hasOwnProperty.call(input, 'id')) {
    ({ id, ...input } = input);
    if (typeof id !== 'string' && typeof id !== 'number') return { valid: false };
  }
  if (!validateInput(s.set.versions[0]!.inputType, input).ok) return { valid: false };
  return { valid: true, input, id, decided: decideUnknown(s.set, input).ok };
}

/** The fast reader's value against JSON.parse's: equal, except strings no condition reads (left as ''). */
function sameValue(type: Type, fast: unknown, parsed: unknown): boolean {
  switch (type.kind) {
    case 'record': {
      const [x, y] = [fast as Record<string, unknown>, parsed as Record<string, unknown>];
      // An optional field absent or null (the same to every engine) is null in the fast reader's record.
      return type.fields.every((f) => (f.optional && (y[f.name] === undefined || y[f.name] === null) ? x[f.name] === null : sameValue(f.type, x[f.name], y[f.name])));
    }
    case 'set':
      return Array.isArray(fast) && Array.isArray(parsed) && fast.length === parsed.length && fast.every((m, i) => m === parsed[i]);
    case 'list':
      return Array.isArray(fast) && Array.isArray(parsed) && fast.length === parsed.length && fast.every((m, i) => sameValue(type.element, m, parsed[i]));
    case 'string':
      return fast === parsed || (fast === '' && typeof parsed === 'string');
    default:
      return Object.is(fast, parsed);
  }
}

/** Counts of what the fast reader did, to show the lines reached it (and not only its first check). */
export interface Tally {
  accepted: number;
  declined: number;
  /** Lines the compact reader took (the rest of those accepted, the plan reader). */
  compact: number;
}

/**
 * One line: when the fast reader takes it, the specification accepts it too, with the same
 * values, the same id and the same decision (or the same "no version in force").
 */
export function fastLineHolds(s: Subject, line: Buffer, tally: Tally): void {
  const expected = reference(s, line);
  const compact = s.compact(line);
  if (compact !== null) {
    tally.compact++;
    expect(expected.valid, `the compact reader took a line the specification rejects: ${line.toString('utf8')}`).toBe(true);
    if (expected.valid) expect(sameValue(s.set.versions[0]!.inputType, compact, expected.input), `values differ: ${line.toString('utf8')}`).toBe(true);
  }
  for (const [ids, readers] of [['value', s.readers], ['json', s.readers], ['check', s.readers], ['value', s.planReaders], ['json', s.planReaders]] as const) {
    const got = readers[ids](line, 0, line.length);
    const counted = ids === 'value' && readers === s.readers;
    if (got === null) {
      if (counted) tally.declined++;
      continue;
    }
    if (counted) tally.accepted++;
    expect(expected.valid, `the fast reader took a line the specification rejects: ${line.toString('utf8')}`).toBe(true);
    if (!expected.valid) return;
    expect(sameValue(s.set.versions[0]!.inputType, got.input, expected.input), `values differ: ${line.toString('utf8')}`).toBe(true);
    if (ids === 'value') expect(got.id).toStrictEqual(expected.id);
    if (got.idStart >= 0) expect(line.subarray(got.idStart, got.idEnd).toString('utf8')).toBe(JSON.stringify(expected.id));
    const fast = s.compiled.decideValid!(got.input);
    const slow = decideUnknown(s.set, expected.input);
    expect(fast === null ? null : { ...fast }).toEqual(slow.ok ? { ...slow.decision } : null);
    expect(expected.decided).toBe(fast !== null);
  }
}

/**
 * Lines as one chunk (CRLF or LF ends, the last line maybe without one), read as replay reads
 * them — with --output (ids as JSON text) and with --against (ids as values) — with the fast
 * reader, without it, and through the interpreter: the same counts, transitions, bad lines with
 * their reasons, and output bytes.
 */
export function fastChunkHolds(s: Subject, lines: readonly Buffer[], crlf: boolean, lastEnded: boolean): void {
  const ends = lines.map((_, i) => (i === lines.length - 1 && !lastEnded ? '' : crlf ? '\r\n' : '\n'));
  const bytes = Buffer.concat(lines.flatMap((l, i) => [l, Buffer.from(ends[i]!)]));
  for (const against of [false, true]) {
    const options: ChunkOptions = { stripId: s.stripId, output: !against, fast: true };
    const slowOptions = { ...options, fast: false };
    const old = (d: Decider) => (against ? d : null);
    const withFast = processChunk(bytes, s.compiled, old(s.compiled), options, against ? s.readers.value : s.readers.json, 7);
    const slow = processChunk(bytes, s.compiled, old(s.compiled), slowOptions, null, 7);
    const interpreter = processChunk(bytes, s.interpreter, old(s.interpreter), slowOptions, null, 7);
    expect(withFast).toEqual(slow);
    expect(withFast).toEqual(interpreter);
  }
}
