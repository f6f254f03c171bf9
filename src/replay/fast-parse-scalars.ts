/**
 * The fast reader's tokens (fast-parse.ts reads records, lists and ids with them): a scanner
 * over one line's bytes, and readers of JSON scalars of the declared types — bools, ints in
 * bounds, strings without escapes, dates that exist, enum members, sets, `null` — each
 * returning FAIL on anything JSON.parse + validateInput would not accept as that type, or on
 * anything unusual the slow path handles instead.
 */

export const FAIL: unique symbol = Symbol('fail');

export class Scanner {
  b: Uint8Array = new Uint8Array(0);
  /** The same bytes, for reading four at a time. */
  view: DataView = new DataView(this.b.buffer);
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

/** Fixed bytes (a key with its punctuation), compared four at a time. */
export class Fixed {
  readonly length: number;
  readonly words: Int32Array;
  readonly tail: Uint8Array;

  constructor(readonly bytes: Uint8Array) {
    this.length = bytes.length;
    const whole = bytes.length >> 2;
    this.words = new Int32Array(whole);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let w = 0; w < whole; w++) this.words[w] = view.getInt32(w * 4, true);
    this.tail = bytes.slice(whole * 4);
  }
}

/** Whether `fixed` is at s.i (within the line); if so, s.i moves past it. */
export function skipFixed(s: Scanner, fixed: Fixed): boolean {
  const at = s.i;
  const length = fixed.length;
  if (at + length > s.end) return false;
  const view = s.view;
  const words = fixed.words;
  let k = 0;
  for (let w = 0; w < words.length; w++, k += 4) if (view.getInt32(at + k, true) !== words[w]) return false;
  const tail = fixed.tail;
  const b = s.b;
  for (let t = 0; t < tail.length; t++) if (b[at + k + t] !== tail[t]) return false;
  s.i = at + length;
  return true;
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

export function readString(s: Scanner): unknown {
  return s.rawString() ? s.text() : FAIL;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Date strings by day key (yyyymmdd): a date seen before costs no new string (see `recent` for most years). */
const dates = new Map<number, string>();

/**
 * Date strings of the years 1900–2199 by day (an array lookup: a Meta post holds a score of
 * dates, and this lookup was most of their cost in a Map); other years in `dates`. Only days
 * that exist are ever put in: a date found here needs no other check.
 */
const recent: (string | undefined)[] = new Array(300 * 416);

/**
 * Whether each of the four bytes of `w` is an ASCII digit: its high nibble is 3, and still 3
 * once 6 is added (0x3a–0x3f become 0x40–0x45). A byte ≥ 0xfa carries into the next, but fails
 * the first test itself.
 */
const fourDigits = (w: number) => (w & 0xf0f0f0f0) === 0x30303030 && ((w + 0x06060606) & 0xf0f0f0f0) === 0x30303030;

/**
 * `YYYY-MM-DD` naming a day that exists: what `isValidIsoDate` accepts, no more. Read as three
 * little-endian words: `YYYY` (after the quote), `-MM-` and `-DD"`; the dashes, the closing quote
 * and the digits checked a word at a time (a digit that is not ASCII is two or more bytes ≥ 0x80:
 * never a digit here). (Once a non-digit counted -1000 and `201x-01-01` was read as a date.)
 */
export function readDate(s: Scanner): unknown {
  const q = s.i;
  // `"` and ten bytes and `"`: the digits and dashes below reject anything else (escapes too).
  if (q + 11 >= s.end || s.b[q] !== 34) return FAIL;
  const view = s.view;
  const y = view.getInt32(q + 1, true);
  const m = view.getInt32(q + 5, true);
  const d = view.getInt32(q + 8, true);
  // `-MM-`: bytes 0x2d ? ? 0x2d; `-DD"`: 0x2d ? ? 0x22. The digit test sees 0x30 in the other bytes.
  if (!fourDigits(y) || !fourDigits((m & 0x00ffff00) | 0x30000030) || !fourDigits((d & 0x00ffff00) | 0x30000030)) return FAIL;
  if ((m & 0xff0000ff) !== 0x2d00002d || (d & 0xff0000ff) !== 0x2200002d) return FAIL;
  const year = (y & 15) * 1000 + ((y >> 8) & 15) * 100 + ((y >> 16) & 15) * 10 + ((y >> 24) & 15);
  const month = ((m >> 8) & 15) * 10 + ((m >> 16) & 15);
  const day = ((d >> 8) & 15) * 10 + ((d >> 16) & 15);
  const inRange = month >= 1 && month <= 12 && day >= 1 && day <= 31;
  if (inRange && year >= 1900 && year < 2200) {
    const at = (year - 1900) * 416 + month * 32 + day;
    const known = recent[at];
    if (known !== undefined) {
      s.i = q + 12;
      return known;
    }
  }
  if (!inRange || day > DAYS[month - 1]!) return FAIL;
  if (month === 2 && day === 29 && !((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return FAIL;
  s.i = q + 12;
  const text = s.latin1(q + 1, q + 11);
  if (year >= 1900 && year < 2200) recent[(year - 1900) * 416 + month * 32 + day] = text;
  else {
    const key = year * 10_000 + month * 100 + day;
    const known = dates.get(key);
    if (known !== undefined) return known;
    if (dates.size < 100_000) dates.set(key, text);
  }
  return text;
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
