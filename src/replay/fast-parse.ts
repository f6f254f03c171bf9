import type { EnumType, PolicySet, RecordType, Type } from '../checker/program.js';
import { bytesOf, FAIL, Fixed, readBool, readDate, readInteger, readNull, readString, Scanner, skipFixed, skipString } from './fast-parse-scalars.js';
import { readerInput } from './fast-parse-paths.js';
import { MAX_LIST_LENGTH } from '../runtime/validate.js';

/**
 * A schema-directed JSON reader for replay's hot path: it reads one line's bytes straight into
 * an input object of the policy's input type, validating as it goes, with no intermediate text
 * or generic object. It accepts only what `JSON.parse` followed by `validateInput` accepts (an
 * object with every declared field once, values of the declared types, ints in bounds, real
 * dates, set members listed once, nothing undeclared except a top-level `id` to strip), and
 * gives up — returns null — on anything else or anything unusual (string escapes, numbers with
 * a fraction or exponent, duplicate keys, huge ints). The caller then takes the slow path
 * (`JSON.parse` and full validation), which produces the same decision or the same error, so
 * the fast path changes speed only, never results.
 *
 * The input type is turned into a tree of `Plan`s, one per type, read by one function per kind
 * (`readValue` dispatches on the kind): every record type goes through the same few functions,
 * with the plans — all of one class — as data. (One closure per reader once made every call to a
 * value reader megamorphic: V8 shares the type feedback of closures made at one place.)
 */

const BOOL = 0;
const INT = 1;
const STRING = 2;
const SKIP = 3;
const DATE = 4;
const ENUM = 5;
const SET = 6;
const LIST = 7;
const RECORD = 8;

/** How to read a value of one type. Fields not used by a kind stay at their defaults. */
class Plan {
  kind = BOOL;
  min = -Infinity;
  max = Infinity;
  /** Enum and set members, and their bytes. */
  members: readonly string[] = [];
  memberBytes: readonly Uint8Array[] = [];
  /** A list's element. */
  element: Plan | null = null;
  // Records:
  names: readonly string[] = [];
  keys: readonly Uint8Array[] = [];
  fields: readonly Plan[] = [];
  optional: readonly boolean[] = [];
  required = 0;
  /** The top level, where an `id` is stripped. */
  stripId = false;
  ids: IdUse = 'value';
  /** Every field null, in declaration order: what a record's objects are copied from. */
  template: Record<string, unknown> = {};
  /** The objects of this record type, reused line after line (see `objectFor`); `used` of them taken by the current line. */
  pool: Record<string, unknown>[] = [];
  used = 0;
  /** The compact form's fixed bytes before each field (`{"date":`, `,"severe":`), and before the first after an id. */
  leads: readonly Fixed[] = [];
  firstAfterId: Fixed | null = null;
  seen: FieldMarks = new FieldMarks(0);
}

/**
 * A top-level id: a string or an integer. When its JSON text is exactly what JSON.stringify
 * writes for its value — an integer (readInteger takes no fraction, exponent, leading zero or
 * -0) or a string of ASCII (rawString takes no escape or control character) — that is located
 * (idStart, idEnd), and with `ids` 'json' such a string is returned as '' (its value is not made).
 */
export function readId(s: Scanner, ids: IdUse): unknown {
  const start = s.i;
  if (s.b[start] !== 34) {
    const n = readInteger(s);
    if (n !== FAIL) {
      s.idStart = start;
      s.idEnd = s.i;
    }
    return n;
  }
  if (!s.rawString()) return FAIL;
  if (s.strAscii) {
    s.idStart = start;
    s.idEnd = s.i;
    if (ids !== 'value') return '';
  }
  return ids === 'check' ? '' : s.text();
}

/**
 * Which fields of a record the current line has given, with no clearing per line: field k was
 * given when marks[k] is the current generation.
 */
export class FieldMarks {
  private readonly marks: Uint32Array;

  constructor(
    fields: number,
    private generation = 0,
  ) {
    this.marks = new Uint32Array(fields);
  }

  /** A new record. The generation wraps as the marks do (Uint32): else, past 2^32 records, a duplicate key went unseen and stood in for a missing field. */
  next(): void {
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.marks.fill(0);
      this.generation = 1;
    }
  }

  has(field: number): boolean {
    return this.marks[field] === this.generation;
  }

  mark(field: number): void {
    this.marks[field] = this.generation;
  }
}

/** JSON whitespace (what Scanner.ws skips). */
const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 10;

function readValue(s: Scanner, p: Plan): unknown {
  switch (p.kind) {
    case DATE:
      return readDate(s);
    case BOOL:
      return readBool(s);
    case INT: {
      const n = readInteger(s);
      return n === FAIL || n < p.min || n > p.max ? FAIL : n;
    }
    case STRING:
      return readString(s);
    case SKIP:
      return skipString(s);
    case ENUM:
      return readEnum(s, p);
    case RECORD:
      return readRecord(s, p);
    default:
      return readArray(s, p);
  }
}

/** Enum members matched on their bytes; the member strings themselves are returned. */
function readEnum(s: Scanner, p: Plan): unknown {
  if (!s.rawString()) return FAIL;
  const b = s.b;
  const start = s.strStart;
  const length = s.strEnd - start;
  const bytes = p.memberBytes;
  for (let m = 0; m < bytes.length; m++) {
    const key = bytes[m]!;
    if (key.length !== length) continue;
    let k = 0;
    while (k < length && b[start + k] === key[k]) k++;
    if (k === length) return p.members[m];
  }
  return FAIL;
}

/**
 * A JSON array: a list (any number of elements up to MAX_LIST_LENGTH — past it the slow path
 * reports it — duplicates allowed) or a set (enum members, each once: a duplicate sends the
 * line to the slow path).
 */
function readArray(s: Scanner, p: Plan): unknown {
  if (s.b[s.i] !== 91) return FAIL;
  s.i++;
  s.ws();
  const items: unknown[] = [];
  if (s.b[s.i] === 93) {
    s.i++;
    return items;
  }
  const set = p.kind === SET;
  const element = p.element!;
  for (;;) {
    s.ws();
    const x = set ? readEnum(s, p) : element.kind === RECORD ? readRecord(s, element) : readValue(s, element);
    if (x === FAIL || (set ? items.includes(x) : items.length >= MAX_LIST_LENGTH)) return FAIL;
    items.push(x);
    s.ws();
    const c = s.b[s.i];
    s.i++;
    if (c === 93) return items;
    if (c !== 44) return FAIL;
  }
}

function matches(b: Uint8Array, start: number, end: number, key: Uint8Array): boolean {
  if (end - start !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (b[start + k] !== key[k]) return false;
  return true;
}

/**
 * The compact form, every field in declaration order and no whitespace: the bytes between
 * values are fixed (`{"date":`, `,"severe":`, `}`), compared in one run each. False to read the
 * record again the general way; FAIL where that would fail too (a value that fails where it
 * starts: the general way reads it with the same reader, from there). A line usually starts
 * with its id (`{"id":…,"date":`).
 */
function readCompact(s: Scanner, p: Plan, target: Record<string, unknown>): boolean | typeof FAIL {
  const b = s.b;
  const n = p.fields.length;
  let first = p.leads[0]!;
  if (p.stripId && b[s.i + 1] === 34 && b[s.i + 2] === 105 && b[s.i + 3] === 100 && b[s.i + 4] === 34 && b[s.i + 5] === 58 && s.i + 6 <= s.end) {
    s.i += 6;
    if (isSpace(b[s.i]!)) return false;
    const id = readId(s, p.ids);
    if (id === FAIL) return FAIL;
    s.id = id as string | number;
    first = p.firstAfterId!;
  }
  const fields = p.fields;
  const names = p.names;
  for (let f = 0; f < n; f++) {
    if (!skipFixed(s, f === 0 ? first : p.leads[f]!)) return false;
    let value: unknown;
    if (p.optional[f] && readNull(s)) value = null;
    else {
      const v = s.i;
      const kind = fields[f]!.kind;
      // The commonest kinds called directly (inlined), not through readValue's switch.
      value = kind === DATE ? readDate(s) : kind === BOOL ? readBool(s) : readValue(s, fields[f]!);
      if (value === FAIL) return isSpace(b[v]!) ? false : FAIL;
    }
    target[names[f]!] = value;
  }
  if (b[s.i] !== 125) return false;
  s.i++;
  return true;
}

function readRecord(s: Scanner, p: Plan): unknown {
  s.ws();
  if (s.b[s.i] !== 123) return FAIL;
  const n = p.fields.length;
  const stripId = p.stripId;
  if (n > 0) {
    const start = s.i;
    const target = objectFor(p);
    const read = readCompact(s, p, target);
    if (read === true) return target;
    if (read === FAIL) return FAIL;
    s.i = start;
    if (stripId) {
      // The top level: the id is read again.
      s.id = undefined;
      s.idStart = -1;
    }
  }
  s.i++;
  // Scratch space: a record type never contains itself (fastParserFor declines types that
  // do), and readers of list elements run one element after the other, so one is enough.
  const seen = p.seen;
  seen.next();
  const target = objectFor(p);
  const keys = p.keys;
  const optional = p.optional;
  let count = 0;
  let given = 0;
  s.ws();
  if (s.b[s.i] === 125) {
    s.i++;
  } else {
    for (;;) {
      s.ws();
      // Usually the fields come in declaration order: the next expected key is tried in place
      // first (`"key"`, its bytes compared once); any other goes through rawString.
      let field = -1;
      let ks = s.i + 1;
      let ke = -1;
      if (given < n && !seen.has(given)) {
        const key = keys[given]!;
        const b = s.b;
        const end = ks + key.length;
        if (b[s.i] === 34 && b[end] === 34 && end < s.end) {
          let k = 0;
          while (k < key.length && b[ks + k] === key[k]) k++;
          if (k === key.length) {
            field = given;
            ke = end;
            s.i = end + 1;
          }
        }
      }
      if (field < 0) {
        if (!s.rawString()) return FAIL;
        ks = s.strStart;
        ke = s.strEnd;
        for (let k = 0; k < n; k++) if (matches(s.b, ks, ke, keys[k]!)) field = k;
      }
      s.ws();
      if (s.b[s.i] !== 58) return FAIL;
      s.i++;
      s.ws();
      if (field < 0) {
        if (!stripId || !matches(s.b, ks, ke, ID) || s.id !== undefined) return FAIL;
        const id = readId(s, p.ids);
        if (id === FAIL) return FAIL;
        s.id = id as string | number;
      } else {
        if (seen.has(field)) return FAIL;
        let value: unknown;
        if (optional[field] && readNull(s)) value = null;
        else {
          value = readValue(s, p.fields[field]!);
          if (value === FAIL) return FAIL;
        }
        target[p.names[field]!] = value;
        seen.mark(field);
        given++;
        if (!optional[field]) count++;
      }
      s.ws();
      const c = s.b[s.i];
      s.i++;
      if (c === 125) break;
      if (c !== 44) return FAIL;
    }
  }
  if (count !== p.required) return FAIL;
  // The object may be one of an earlier line: an optional field not given is null (absent).
  if (count !== n) for (let f = 0; f < n; f++) if (!seen.has(f)) target[p.names[f]!] = null;
  return target;
}

/** Pooled objects per record type at most: a longer list's further elements are new objects. */
const POOL = 1024;

/**
 * An object for a record of type `p`: its fields are all set by the reader before it returns
 * it. Objects are reused from line to line — a line's input is only valid until the next line
 * is read, and deciders keep nothing of it — so a line costs no allocation for them (a Meta
 * post has a score of strikes). Every object of a type is a copy of its `template` (every field
 * in declaration order): one shape for the decider, and no keyed store that adds a property.
 */
function objectFor(p: Plan): Record<string, unknown> {
  const pool = p.pool;
  if (p.used < pool.length) return pool[p.used++]!;
  const o = { ...p.template };
  if (pool.length < POOL) {
    pool.push(o);
    p.used++;
  }
  return o;
}

const ID = bytesOf('id');

function recordPlan(type: RecordType, read: ReadSet, path: readonly string[], all: Plan[]): Plan {
  const p = new Plan();
  p.kind = RECORD;
  const names = type.fields.map((f) => f.name);
  p.names = names;
  p.keys = names.map(bytesOf);
  all.push(p);
  p.fields = type.fields.map((f) => planFor(f.type, read, [...path, f.name], all));
  p.optional = type.fields.map((f) => f.optional);
  p.required = p.optional.filter((o) => !o).length;
  p.seen = new FieldMarks(names.length);
  // An optional field not given is null, which every engine reads as absent.
  const template: Record<string, unknown> = {};
  // Own data properties, even `__proto__` (an assignment would set the prototype): copies keep them so.
  for (const name of names) Object.defineProperty(template, name, { value: null, writable: true, enumerable: true, configurable: true });
  p.template = template;
  p.leads = names.map((name, k) => new Fixed(bytesOf(`${k === 0 ? '{' : ','}${JSON.stringify(name)}:`)));
  p.firstAfterId = names.length > 0 ? new Fixed(bytesOf(`,${JSON.stringify(names[0])}:`)) : null;
  return p;
}

/** Field paths some condition reads (`author.role`): other string fields are checked, not copied. */
type ReadSet = ReadonlySet<string>;

/** The plan of a value of `type`; the plans of records are also put in `all`. */
function planFor(type: Type, read: ReadSet, path: readonly string[], all: Plan[]): Plan {
  if (type.kind === 'record') return recordPlan(type, read, path, all);
  const p = new Plan();
  switch (type.kind) {
    case 'bool':
      p.kind = BOOL;
      break;
    case 'int':
      p.kind = INT;
      p.min = type.min ?? -Infinity;
      p.max = type.max ?? Infinity;
      break;
    case 'string':
      p.kind = read.has(path.join('.')) ? STRING : SKIP;
      break;
    case 'date':
      p.kind = DATE;
      break;
    case 'enum':
      p.kind = ENUM;
      enumMembers(p, type);
      break;
    case 'set':
      p.kind = SET;
      enumMembers(p, type.element);
      break;
    case 'list':
      p.kind = LIST;
      p.element = planFor(type.element, read, path, all);
      break;
  }
  return p;
}

function enumMembers(p: Plan, type: EnumType): void {
  p.members = type.members;
  p.memberBytes = type.members.map(bytesOf);
}

type SliceableBuffer = Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };

/**
 * Reads one line (bytes `start`..`end` of `bytes`): the input and its stripped id, or null.
 * The input — the object and every record object in it — is reused for the next line: use it, do not keep it.
 */
export type FastParser = (bytes: Uint8Array, start: number, end: number) => FastLine | null;

/** The generated reader of the compact form (reader-gen.ts): the input read at s.i, or null to read the line the general way. */
export type CompactReader = (s: Scanner) => Record<string, unknown> | null;

export interface FastLine {
  input: Record<string, unknown>;
  id: string | number | undefined;
  /**
   * Where in `bytes` the id's JSON text is when it is exactly what JSON.stringify writes for the
   * id (an integer, or a string of ASCII without escapes): copy it as is; -1 otherwise.
   */
  idStart: number;
  idEnd: number;
}

/**
 * What the caller needs of a top-level id: 'check' (nothing: it is only checked, and returned as
 * ''), 'json' (its JSON text: where it is when it can be copied as is — and then a string id is
 * returned as '' — its value otherwise), 'value' (its value).
 */
export type IdUse = 'check' | 'json' | 'value';

/**
 * The fast reader for a set's input type, or null when its versions declare different input
 * types (the version is only known after reading the date; the slow path handles those sets).
 * `stripId`: a top-level `id` is read and returned apart, not put in the input, as much of it
 * as `ids` asks for (see IdUse).
 */
export function fastParserFor(sets: readonly PolicySet[], stripId: boolean, ids: IdUse = 'value', compact: CompactReader | null = null): FastParser | null {
  const input = readerInput(sets);
  if (input === null) return null;
  const { type, read: paths } = input;
  const records: Plan[] = [];
  const root = recordPlan(type, paths, [], records);
  root.stripId = stripId;
  root.ids = ids;
  const s = new Scanner();
  // Node's Buffer has latin1Slice/utf8Slice (what toString(encoding, start, end) calls), untyped.
  let buffer: SliceableBuffer | null = null;
  s.latin1 = (a, b) => buffer!.latin1Slice(a, b);
  s.utf8 = (a, b) => buffer!.utf8Slice(a, b);
  const result: FastLine = { input: {}, id: undefined, idStart: -1, idEnd: -1 };
  return (bytes, start, end) => {
    if (s.b !== bytes) {
      s.b = bytes;
      s.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      buffer = (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as SliceableBuffer;
    }
    s.i = start;
    s.end = end;
    s.id = undefined;
    s.idStart = -1;
    // The objects of the last line are free again.
    for (let r = 0; r < records.length; r++) records[r]!.used = 0;
    let value: unknown = compact === null ? null : compact(s);
    if (value !== null) s.ws();
    if (value === null || s.i !== end) {
      // Not in the compact form: read again from the start, the general way.
      s.i = start;
      s.id = undefined;
      s.idStart = -1;
      value = readRecord(s, root);
      if (value === FAIL) return null;
      s.ws();
      if (s.i !== end) return null;
    }
    result.input = value as Record<string, unknown>;
    result.id = s.id;
    result.idStart = s.idStart;
    result.idEnd = s.idEnd;
    return result;
  };
}

