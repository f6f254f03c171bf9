import type { EnumType, PolicySet, RecordType, Type } from '../checker/program.js';
import { collectOperand, collectPaths, recursive, signature } from './fast-parse-paths.js';
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
 */

type Reader = (s: Scanner) => unknown;

const FAIL: unique symbol = Symbol('fail');

class Scanner {
  b: Uint8Array = new Uint8Array(0);
  i = 0;
  end = 0;
  /** The stripped top-level id of the last line read, if any. */
  id: string | number | undefined = undefined;
  /** Where the id's JSON text is when it is exactly what JSON.stringify writes for it; -1 otherwise. */
  idStart = -1;
  idEnd = -1;
  latin1: (start: number, end: number) => string = () => '';
  utf8: (start: number, end: number) => string = () => '';

  ws(): void {
    const b = this.b;
    let i = this.i;
    while (i < this.end) {
      const c = b[i]!;
      if (c === 32 || c === 9 || c === 13 || c === 10) i++;
      else break;
    }
    this.i = i;
  }

  /** A string without escapes; returns [start, end, ascii] via fields, or false. */
  strStart = 0;
  strEnd = 0;
  strAscii = true;
  rawString(): boolean {
    const b = this.b;
    if (b[this.i] !== 34) return false;
    let i = this.i + 1;
    let ascii = true;
    while (i < this.end) {
      const c = b[i]!;
      if (c === 34) {
        this.strStart = this.i + 1;
        this.strEnd = i;
        this.strAscii = ascii;
        this.i = i + 1;
        return true;
      }
      if (c === 92 || c < 32) return false;
      if (c >= 128) ascii = false;
      i++;
    }
    return false;
  }

  text(): string {
    return this.strAscii ? this.latin1(this.strStart, this.strEnd) : this.utf8(this.strStart, this.strEnd);
  }
}

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function readBool(s: Scanner): unknown {
  const b = s.b;
  const i = s.i;
  if (b[i] === 116 && b[i + 1] === 114 && b[i + 2] === 117 && b[i + 3] === 101) {
    s.i = i + 4;
    return true;
  }
  if (b[i] === 102 && b[i + 1] === 97 && b[i + 2] === 108 && b[i + 3] === 115 && b[i + 4] === 101) {
    s.i = i + 5;
    return false;
  }
  return FAIL;
}

/** A JSON integer of at most 15 digits (no fraction, no exponent, no -0). */
function readInteger(s: Scanner): number | typeof FAIL {
  const b = s.b;
  let i = s.i;
  let negative = false;
  if (b[i] === 45) {
    negative = true;
    i++;
  }
  const first = i;
  let n = 0;
  while (i < s.end) {
    const c = b[i]!;
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
    i++;
  }
  const digits = i - first;
  if (digits === 0 || digits > 15 || (digits > 1 && b[first] === 48)) return FAIL;
  const next = b[i];
  if (next === 46 || next === 101 || next === 69) return FAIL;
  if (negative && n === 0) return FAIL;
  s.i = i;
  return negative ? -n : n;
}

function intReader(min: number | null, max: number | null): Reader {
  return (s) => {
    const n = readInteger(s);
    if (n === FAIL || (min !== null && n < min) || (max !== null && n > max)) return FAIL;
    return n;
  };
}

function readString(s: Scanner): unknown {
  return s.rawString() ? s.text() : FAIL;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Date strings by day key (yyyymmdd): a date seen before costs no new string (see `recent` for most years). */
const dates = new Map<number, string>();

/**
 * The value of `count` ASCII digits at `i`, or -1 when any byte is not one. (Once a non-digit
 * counted -1000 and a year could stay ≥ 0: `201x-01-01` was read as a date, and cached under
 * the key of `1010-01-01`.)
 */
function digits(b: Uint8Array, i: number, count: number): number {
  let n = 0;
  for (let k = 0; k < count; k++) {
    const d = b[i + k]! - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Date strings of the years 1900–2199 by day (an array lookup: a Meta post holds a score of
 * dates, and this lookup was most of their cost in a Map); other years in `dates`.
 */
const recent: (string | undefined)[] = new Array(300 * 416);

/** `YYYY-MM-DD` naming a day that exists: what `isValidIsoDate` accepts, no more. */
function readDate(s: Scanner): unknown {
  const b = s.b;
  const q = s.i;
  // `"` and ten bytes and `"`: the digits and dashes below reject anything else (escapes too).
  if (b[q] !== 34 || q + 11 >= s.end || b[q + 11] !== 34) return FAIL;
  const p = q + 1;
  if (b[p + 4] !== 45 || b[p + 7] !== 45) return FAIL;
  const year = digits(b, p, 4);
  const month = digits(b, p + 5, 2);
  const day = digits(b, p + 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]!) return FAIL;
  if (month === 2 && day === 29 && !((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return FAIL;
  s.i = q + 12;
  if (year >= 1900 && year < 2200) {
    const at = (year - 1900) * 416 + month * 32 + day;
    let text = recent[at];
    if (text === undefined) recent[at] = text = s.latin1(p, p + 10);
    return text;
  }
  const key = year * 10_000 + month * 100 + day;
  let text = dates.get(key);
  if (text === undefined) {
    text = s.latin1(p, p + 10);
    if (dates.size < 100_000) dates.set(key, text);
  }
  return text;
}

/** Enum members matched on their bytes; the member strings themselves are returned. */
function enumReader(type: EnumType): Reader {
  const members = type.members;
  const bytes = members.map(bytesOf);
  return (s) => {
    if (!s.rawString()) return FAIL;
    const b = s.b;
    const start = s.strStart;
    const length = s.strEnd - start;
    for (let m = 0; m < bytes.length; m++) {
      const key = bytes[m]!;
      if (key.length !== length) continue;
      let k = 0;
      while (k < length && b[start + k] === key[k]) k++;
      if (k === length) return members[m];
    }
    return FAIL;
  };
}

function setReader(element: EnumType): Reader {
  const member = enumReader(element);
  return (s) => {
    if (s.b[s.i] !== 91) return FAIL;
    s.i++;
    s.ws();
    const items: unknown[] = [];
    if (s.b[s.i] === 93) {
      s.i++;
      return items;
    }
    for (;;) {
      s.ws();
      const m = member(s);
      if (m === FAIL || items.includes(m)) return FAIL;
      items.push(m);
      s.ws();
      const c = s.b[s.i];
      s.i++;
      if (c === 93) return items;
      if (c !== 44) return FAIL;
    }
  };
}

/**
 * A top-level id: a string or an integer. When its JSON text is exactly what JSON.stringify
 * writes for its value — an integer (readInteger takes no fraction, exponent, leading zero or
 * -0) or a string of ASCII (rawString takes no escape or control character) — that is located
 * (idStart, idEnd), and with `ids` 'json' such a string is returned as '' (its value is not made).
 */
function readId(s: Scanner, ids: IdUse): unknown {
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

function recordReader(type: RecordType, stripId: boolean, read: ReadSet, path: readonly string[] = [], ids: IdUse = 'value', fresh = false): Reader {
  const names = type.fields.map((f) => f.name);
  const keys = names.map(bytesOf);
  // Below a list every element is an object of its own, and so is everything inside it.
  const readers = type.fields.map((f) => readerFor(f.type, read, [...path, f.name], fresh));
  const optional = type.fields.map((f) => f.optional);
  const required = optional.filter((o) => !o).length;
  const n = names.length;
  const idKey = bytesOf('id');
  const seen = new FieldMarks(n);
  // One object per record type, filled in place for every line: its shape never changes, and a
  // line costs no allocation for it. Deciders read it and keep nothing (the result of a reader
  // is only valid until the next line). A record with optional fields, or one inside a list,
  // gets a new object each time: a copy of `template` (every field null, in declaration order),
  // so its fields are only ever overwritten — one shape for the decider, and no keyed store that
  // adds a property. An optional field not given stays null, which every engine reads as absent.
  const reuse = !fresh && required === n;
  const template: Record<string, unknown> = {};
  // Own data properties, even `__proto__` (an assignment would set the prototype): copies keep them so.
  for (const name of names) Object.defineProperty(template, name, { value: null, writable: true, enumerable: true, configurable: true });
  const shared: Record<string, unknown> = { ...template };
  const matches = (b: Uint8Array, start: number, end: number, key: Uint8Array) => {
    if (end - start !== key.length) return false;
    for (let k = 0; k < key.length; k++) if (b[start + k] !== key[k]) return false;
    return true;
  };
  return (s) => {
    s.ws();
    if (s.b[s.i] !== 123) return FAIL;
    s.i++;
    // Scratch space: a record type never contains itself (fastParserFor declines types that
    // do), and readers of list elements run one element after the other, so one is enough.
    seen.next();
    const target: Record<string, unknown> = reuse ? shared : { ...template };
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
          if (!stripId || !matches(s.b, ks, ke, idKey) || s.id !== undefined) return FAIL;
          const id = readId(s, ids);
          if (id === FAIL) return FAIL;
          s.id = id as string | number;
        } else {
          if (seen.has(field)) return FAIL;
          let value: unknown;
          if (optional[field] && readNull(s)) value = null;
          else {
            value = readers[field]!(s);
            if (value === FAIL) return FAIL;
          }
          target[names[field]!] = value;
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
    if (count !== required) return FAIL;
    return target;
  };
}

/** `null` (an optional field may be null: the same as absent). */
function readNull(s: Scanner): boolean {
  const b = s.b;
  const i = s.i;
  if (b[i] === 110 && b[i + 1] === 117 && b[i + 2] === 108 && b[i + 3] === 108) {
    s.i = i + 4;
    return true;
  }
  return false;
}

/** A list: any number of elements up to MAX_LIST_LENGTH (past it the slow path reports it), duplicates allowed. */
function listReader(element: Reader): Reader {
  return (s) => {
    if (s.b[s.i] !== 91) return FAIL;
    s.i++;
    s.ws();
    const items: unknown[] = [];
    if (s.b[s.i] === 93) {
      s.i++;
      return items;
    }
    for (;;) {
      s.ws();
      const x = element(s);
      if (x === FAIL || items.length >= MAX_LIST_LENGTH) return FAIL;
      items.push(x);
      s.ws();
      const c = s.b[s.i];
      s.i++;
      if (c === 93) return items;
      if (c !== 44) return FAIL;
    }
  };
}

/** Field paths some condition reads (`author.role`): other string fields are checked, not copied. */
type ReadSet = ReadonlySet<string>;

/** A string no condition reads: validated like any other, then left as `''` (nothing is copied). */
function skipString(s: Scanner): unknown {
  return s.rawString() ? '' : FAIL;
}

function readerFor(type: Type, read: ReadSet, path: readonly string[], fresh: boolean): Reader {
  switch (type.kind) {
    case 'bool':
      return readBool;
    case 'int':
      return intReader(type.min, type.max);
    case 'string':
      return read.has(path.join('.')) ? readString : skipString;
    case 'date':
      return readDate;
    case 'enum':
      return enumReader(type);
    case 'set':
      return setReader(type.element);
    case 'list':
      return listReader(readerFor(type.element, read, path, true));
    case 'record':
      return recordReader(type, false, read, path, 'value', fresh);
  }
}

type SliceableBuffer = Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };

/**
 * Reads one line (bytes `start`..`end` of `bytes`): the input and its stripped id, or null.
 * The input object is reused for the next line: use it, do not keep it.
 */
export type FastParser = (bytes: Uint8Array, start: number, end: number) => FastLine | null;

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
export function fastParserFor(sets: readonly PolicySet[], stripId: boolean, ids: IdUse = 'value'): FastParser | null {
  const records = sets.flatMap((s) => s.versions.map((v) => v.inputType));
  if (new Set(records.map(signature)).size !== 1 || recursive(records[0]!)) return null;
  const paths = new Set<string>();
  for (const set of sets) {
    for (const v of set.versions) {
      const roots = new Map<number, readonly string[]>();
      for (const c of [...v.contexts.map((x) => x.body), ...[...v.redlines, ...v.rules, ...v.exemptions].flatMap((x) => (x.unless ? [x.when, x.unless] : [x.when]))]) {
        collectPaths(c, paths, roots);
      }
      for (const x of v.values) collectOperand(x.value, paths, roots);
    }
  }
  const read = recordReader(records[0]!, stripId, paths, [], ids);
  const s = new Scanner();
  // Node's Buffer has latin1Slice/utf8Slice (what toString(encoding, start, end) calls), untyped.
  let buffer: SliceableBuffer | null = null;
  s.latin1 = (a, b) => buffer!.latin1Slice(a, b);
  s.utf8 = (a, b) => buffer!.utf8Slice(a, b);
  const result: FastLine = { input: {}, id: undefined, idStart: -1, idEnd: -1 };
  return (bytes, start, end) => {
    if (s.b !== bytes) {
      s.b = bytes;
      buffer = (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as SliceableBuffer;
    }
    s.i = start;
    s.end = end;
    s.id = undefined;
    s.idStart = -1;
    const value = read(s);
    if (value === FAIL) return null;
    s.ws();
    if (s.i !== end) return null;
    result.input = value as Record<string, unknown>;
    result.id = s.id;
    result.idStart = s.idStart;
    result.idEnd = s.idEnd;
    return result;
  };
}

