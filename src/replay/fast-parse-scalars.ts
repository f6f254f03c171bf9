import type { EnumType } from '../checker/program.js';

/**
 * The fast reader's tokens (fast-parse.ts reads records, lists and ids with them): a scanner
 * over one line's bytes, and readers of JSON scalars of the declared types — bools, ints in
 * bounds, strings without escapes, dates that exist, enum members, sets, `null` — each
 * returning FAIL on anything JSON.parse + validateInput would not accept as that type, or on
 * anything unusual the slow path handles instead.
 */

export type Reader = (s: Scanner) => unknown;

export const FAIL: unique symbol = Symbol('fail');

export class Scanner {
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

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function readBool(s: Scanner): unknown {
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
export function readInteger(s: Scanner): number | typeof FAIL {
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

export function intReader(min: number | null, max: number | null): Reader {
  return (s) => {
    const n = readInteger(s);
    if (n === FAIL || (min !== null && n < min) || (max !== null && n > max)) return FAIL;
    return n;
  };
}

export function readString(s: Scanner): unknown {
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
export function readDate(s: Scanner): unknown {
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
export function enumReader(type: EnumType): Reader {
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

/**
 * A JSON array of `element`s; `admit` refuses an element given those before it (a duplicate in a
 * set, one past a list's limit), which sends the line to the slow path.
 */
export function arrayReader(element: Reader, admit: (items: readonly unknown[], x: unknown) => boolean): Reader {
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
      if (x === FAIL || !admit(items, x)) return FAIL;
      items.push(x);
      s.ws();
      const c = s.b[s.i];
      s.i++;
      if (c === 93) return items;
      if (c !== 44) return FAIL;
    }
  };
}

export function setReader(element: EnumType): Reader {
  return arrayReader(enumReader(element), (items, m) => !items.includes(m));
}

/** `null` (an optional field may be null: the same as absent). */
export function readNull(s: Scanner): boolean {
  const b = s.b;
  const i = s.i;
  if (b[i] === 110 && b[i + 1] === 117 && b[i + 2] === 108 && b[i + 3] === 108) {
    s.i = i + 4;
    return true;
  }
  return false;
}

/** A string no condition reads: validated like any other, then left as `''` (nothing is copied). */
export function skipString(s: Scanner): unknown {
  return s.rawString() ? '' : FAIL;
}
