import type { PolicySet, RecordType, Type } from '../checker/program.js';
import { arrayReader, bytesOf, enumReader, FAIL, intReader, readBool, readDate, readInteger, readNull, readString, Scanner, setReader, skipString, type Reader } from './fast-parse-scalars.js';
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

/** JSON whitespace (what Scanner.ws skips). */
const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 10;

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
  // The compact form, every field in declaration order and no whitespace: the bytes between
  // values are fixed (`{"date":`, `,"severe":`, `}`), compared in one run each.
  const lead = names.map((name, k) => bytesOf(`${k === 0 ? '{' : ','}${JSON.stringify(name)}:`));
  // False to read the record again the general way; FAIL where that would fail too (a value
  // that fails where it starts: the general way reads it with the same reader, from there).
  // A line usually starts with its id (`{"id":…,"date":`).
  const firstAfterId = n > 0 ? bytesOf(`,${JSON.stringify(names[0])}:`) : lead[0]!;
  const compact = (s: Scanner, target: Record<string, unknown>): boolean | typeof FAIL => {
    const b = s.b;
    let first = lead[0]!;
    if (stripId && b[s.i + 1] === 34 && b[s.i + 2] === 105 && b[s.i + 3] === 100 && b[s.i + 4] === 34 && b[s.i + 5] === 58 && s.i + 6 <= s.end) {
      s.i += 6;
      if (isSpace(b[s.i]!)) return false;
      const id = readId(s, ids);
      if (id === FAIL) return FAIL;
      s.id = id as string | number;
      first = firstAfterId;
    }
    for (let f = 0; f < n; f++) {
      const bytes = f === 0 ? first : lead[f]!;
      const at = s.i;
      if (at + bytes.length > s.end) return false;
      for (let k = 0; k < bytes.length; k++) if (b[at + k] !== bytes[k]) return false;
      s.i = at + bytes.length;
      let value: unknown;
      if (optional[f] && readNull(s)) value = null;
      else {
        const v = s.i;
        value = readers[f]!(s);
        if (value === FAIL) return isSpace(b[v]!) ? false : FAIL;
      }
      target[names[f]!] = value;
    }
    if (b[s.i] !== 125) return false;
    s.i++;
    return true;
  };
  return (s) => {
    s.ws();
    if (s.b[s.i] !== 123) return FAIL;
    if (n > 0) {
      const start = s.i;
      const target: Record<string, unknown> = reuse ? shared : { ...template };
      const read = compact(s, target);
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

/** A list: any number of elements up to MAX_LIST_LENGTH (past it the slow path reports it), duplicates allowed. */
function listReader(element: Reader): Reader {
  return arrayReader(element, (items) => items.length < MAX_LIST_LENGTH);
}

/** Field paths some condition reads (`author.role`): other string fields are checked, not copied. */
type ReadSet = ReadonlySet<string>;

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

