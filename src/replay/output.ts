/**
 * `--output`'s writer: one JSON line per input line, built straight as UTF-8 bytes in a buffer
 * that can be transferred from a worker thread without copying.
 */
import type { AnyDecision, OutcomeDecision } from '../semantics/decision.js';

/**
 * The end of a decision's output line, `,"action":…}` and the newline, as UTF-8 bytes: made once
 * per decision object (the compiled module's decisions are shared and frozen) for all chunks.
 * With outcomes: `,"outcomes":{"content":{"action":…,"duration"?:…,"basis":…,"clause":…,"exemption":…},…},"version":…}`.
 */
const fragments = new WeakMap<AnyDecision, Uint8Array>();

/** The decision's fragment, made on first use. */
export function fragmentOf(d: AnyDecision): Uint8Array {
  return fragments.get(d) ?? makeFragment(d);
}

function makeFragment(d: AnyDecision): Uint8Array {
  const part = (p: Pick<OutcomeDecision, 'action' | 'duration' | 'basis' | 'clause' | 'exemption'>) =>
    `"action":${JSON.stringify(p.action)},${p.duration ? `"duration":${JSON.stringify(p.duration)},` : ''}"basis":"${p.basis}","clause":${JSON.stringify(p.clause)},"exemption":${JSON.stringify(p.exemption)}`;
  const body = 'outcomes' in d ? `"outcomes":{${Object.entries(d.outcomes).map(([name, p]) => `${JSON.stringify(name)}:{${part(p)}}`).join(',')}}` : part(d);
  const fragment = Buffer.from(`,${body},"version":${JSON.stringify(d.version)}}\n`);
  fragments.set(d, fragment);
  return fragment;
}

/**
 * A chunk's `--output`, written straight as UTF-8 bytes (no string per line): `{"line":N` in
 * ASCII digits, `,"id":` and the id, then the decision's cached fragment (`,"action":…}` and the
 * newline). The bytes are exactly those of the JSON text `JSON.stringify` gives: an id that needs
 * no escaping (printable ASCII without `"` or `\`) is copied as is between quotes, any other
 * goes through `JSON.stringify`.
 */
export class OutputBytes {
  private buf: Buffer;
  private pos = 0;

  constructor(inputBytes: number, into: ArrayBuffer | null) {
    // Never from Node's shared pool: the buffer is transferred whole to the main thread. A new
    // one holds the input's size (a 250-byte post gives a 125-byte line); it grows when it must.
    this.buf = into !== null && into.byteLength >= 4096 ? Buffer.from(into) : Buffer.allocUnsafeSlow(Math.max(4096, inputBytes));
  }

  /** A decided line: `id` undefined for a post without one; `fragment` the decision's `,"action":…}\n`. */
  decision(line: number, id: string | number | undefined, fragment: Uint8Array): void {
    this.line(line, 32 + (typeof id === 'string' ? id.length : 0) + fragment.length);
    if (id !== undefined) {
      this.idKey();
      if (typeof id !== 'string' || !this.plainString(id)) this.text(JSON.stringify(id), fragment.length);
    }
    this.copy(fragment);
  }

  /** A decided line whose id's JSON text, exactly as JSON.stringify writes it, is `source[start..end]`. */
  decisionCopyingId(line: number, source: Uint8Array, start: number, end: number, fragment: Uint8Array): void {
    const length = end - start;
    this.line(line, 32 + length + fragment.length);
    this.idKey();
    const buf = this.buf;
    const at = this.pos;
    if (length > 32) buf.set(source.subarray(start, end), at);
    else for (let i = 0; i < length; i++) buf[at + i] = source[start + i]!;
    this.pos = at + length;
    this.copy(fragment);
  }

  error(line: number, why: string): void {
    this.line(line, 16);
    this.text(`,"error":${JSON.stringify(why)}}\n`, 0);
  }

  /** The bytes written, in a buffer of their own. */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  /** `{"line":N` (N a line number: a whole number ≥ 1), with room for `more` bytes after it. */
  private line(n: number, more: number): void {
    this.ensure(24 + more);
    const buf = this.buf;
    let pos = this.pos;
    buf[pos] = 123; // {"line":
    buf[pos + 1] = 34;
    buf[pos + 2] = 108;
    buf[pos + 3] = 105;
    buf[pos + 4] = 110;
    buf[pos + 5] = 101;
    buf[pos + 6] = 34;
    buf[pos + 7] = 58;
    pos += 8;
    if (n > 0x7fffffff) {
      this.pos = pos;
      this.text(String(n), more);
      return;
    }
    let digits = 1;
    for (let t = n; t >= 10; t = (t / 10) | 0) digits++;
    let at = pos + digits;
    let t = n;
    do {
      buf[--at] = 48 + (t % 10);
      t = (t / 10) | 0;
    } while (t > 0);
    this.pos = pos + digits;
  }

  /** `,"id":` */
  private idKey(): void {
    const buf = this.buf;
    const pos = this.pos;
    buf[pos] = 44;
    buf[pos + 1] = 34;
    buf[pos + 2] = 105;
    buf[pos + 3] = 100;
    buf[pos + 4] = 34;
    buf[pos + 5] = 58;
    this.pos = pos + 6;
  }

  /** `"id"` when the id is printable ASCII without `"` or `\` (what JSON.stringify leaves as is); false for any other. */
  private plainString(id: string): boolean {
    const buf = this.buf;
    const start = this.pos;
    const length = id.length;
    buf[start] = 34;
    for (let i = 0; i < length; i++) {
      const c = id.charCodeAt(i);
      if (c < 32 || c > 126 || c === 34 || c === 92) return false;
      buf[start + 1 + i] = c;
    }
    buf[start + 1 + length] = 34;
    this.pos = start + length + 2;
    return true;
  }

  /** JSON text (from JSON.stringify: never a lone surrogate) as UTF-8, with room for `more` bytes after it. */
  private text(json: string, more: number): void {
    this.ensure(json.length * 3 + more);
    this.pos += this.buf.write(json, this.pos, 'utf8');
  }

  /** Bytes there is room for. */
  private copy(bytes: Uint8Array): void {
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }
}
