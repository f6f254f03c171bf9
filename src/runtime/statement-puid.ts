import { fail } from './statement-errors.js';
import { LIMITS } from './statement-keys.js';

/**
 * The platform unique identifier of a statement: deterministic (the same decision gives the same
 * PUID, so a retried submission is recognised as a duplicate) and always within the database's
 * pattern `^[a-zA-Z0-9-_]+$` and 500 characters.
 *
 * - From the platform's id of the decision: `<prefix>-i-<id>`, the id kept readable. Letters,
 *   digits and `-` stay; `_` becomes `__`; any other character becomes `_` and the two hex digits
 *   of each of its UTF-8 bytes (`a.b` → `a_2Eb`). The encoding is one-to-one, so two ids never
 *   share a PUID. An id too long for that is hashed instead: `<prefix>-l-<sha256 of the id>`.
 * - Without an id: `<prefix>-h-<hash>`, the SHA-256 (an HMAC with the deployment's salt when one
 *   is set, so the PUID reveals nothing about the input) of the canonical JSON of the input and
 *   the policy version. The same input decided under another version gets another PUID.
 *
 * The three forms differ in their second part, so they never collide with each other.
 */
export function statementPuid(prefix: string, options: { id?: string | undefined; input?: unknown; version: string; salt?: string | undefined }): string {
  if (options.id !== undefined) {
    const encoded = encodeId(options.id);
    const puid = '' + prefix + '-i-' + encoded;
    if (puid.length <= LIMITS.puid) return puid;
    return '' + prefix + '-l-' + puidDigest(options.id, options.salt);
  }
  if (options.input === undefined) {
    fail('no-puid-source', 'id', 'the decision has neither an id nor an input to derive its PUID from',
      'give the platform\'s id of the decision (`id`), or the input decided (`input`)');
  }
  return '' + prefix + '-h-' + puidDigest(canonicalJson({ input: options.input, version: options.version }), options.salt);
}

function puidDigest(text: string, salt: string | undefined): string {
  const bytes = utf8Encode(text);
  return hex(salt === undefined ? sha256(bytes) : hmacSha256(utf8Encode(salt), bytes));
}

export function encodeId(id: string): string {
  let out = '';
  for (const char of id) {
    if (/^[A-Za-z0-9-]$/.test(char)) out += char;
    else if (char === '_') out += '__';
    else for (const byte of codePointBytes(char.codePointAt(0)!)) out += ('_' + byte.toString(16).toUpperCase().padStart(2, '0'));
  }
  return out;
}

/** UTF-8 bytes of a code point; a lone surrogate gets its own (WTF-8) bytes rather than U+FFFD, to stay one-to-one. */
function codePointBytes(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

/** UTF-8 as `TextEncoder` (and Node's `'utf8'`) writes it: a lone surrogate becomes U+FFFD. */
function utf8Encode(text: string): Uint8Array {
  // At most 3 bytes per UTF-16 unit (a pair, 2 units, takes 4).
  const bytes = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else cp = 0xfffd;
    }
    if (cp < 0x80) bytes[n++] = cp;
    else if (cp < 0x800) {
      bytes[n++] = 0xc0 | (cp >> 6);
      bytes[n++] = 0x80 | (cp & 63);
    } else if (cp < 0x10000) {
      bytes[n++] = 0xe0 | (cp >> 12);
      bytes[n++] = 0x80 | ((cp >> 6) & 63);
      bytes[n++] = 0x80 | (cp & 63);
    } else {
      bytes[n++] = 0xf0 | (cp >> 18);
      bytes[n++] = 0x80 | ((cp >> 12) & 63);
      bytes[n++] = 0x80 | ((cp >> 6) & 63);
      bytes[n++] = 0x80 | (cp & 63);
    }
  }
  return bytes.subarray(0, n);
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return '[' + value.map((v) => canonicalJson(v === undefined ? null : v)).join(',') + ']';
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => '' + JSON.stringify(key) + ':' + canonicalJson((value as Record<string, unknown>)[key]));
    return '{' + entries.join(',') + '}';
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256's round constants (FIPS 180-4 §4.2.2). */
const SHA256_K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/**
 * SHA-256 (FIPS 180-4) of bytes. Written out rather than taken from `node:crypto` so that a
 * compiled module, which imports nothing and runs in browsers too, gives the same PUID as the
 * interpreter; Web Crypto would make every statement asynchronous. Tested against `node:crypto`.
 */
function sha256(message: Uint8Array): Uint8Array {
  const h = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  // The message, a 1 bit, zeros, and its length in bits in the last 8 bytes (big-endian).
  const size = Math.ceil((message.length + 9) / 64) * 64;
  const padded = new Uint8Array(size);
  padded.set(message);
  padded[message.length] = 0x80;
  const bits = message.length * 8;
  const view = new DataView(padded.buffer);
  view.setUint32(size - 8, Math.floor(bits / 0x100000000));
  view.setUint32(size - 4, bits >>> 0);
  const w = new Int32Array(64);
  for (let block = 0; block < size; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(block + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h[0]!;
    let b = h[1]!;
    let c = h[2]!;
    let d = h[3]!;
    let e = h[4]!;
    let f = h[5]!;
    let g = h[6]!;
    let hh = h[7]!;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + SHA256_K[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + d;
    h[4] = h[4]! + e;
    h[5] = h[5]! + f;
    h[6] = h[6]! + g;
    h[7] = h[7]! + hh;
  }
  const out = new Uint8Array(32);
  const digest = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) digest.setInt32(i * 4, h[i]!);
  return out;
}

/** HMAC-SHA-256 (RFC 2104): a key longer than a block is hashed first. */
function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256(key) : key);
  const inner = new Uint8Array(64 + message.length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    inner[i] = block[i]! ^ 0x36;
    outer[i] = block[i]! ^ 0x5c;
  }
  inner.set(message, 64);
  outer.set(sha256(inner), 64);
  return sha256(outer);
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += (byte < 16 ? '0' : '') + byte.toString(16);
  return out;
}
