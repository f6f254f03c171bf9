import { createHash, createHmac } from 'node:crypto';
import { fail } from './problems.js';
import { LIMITS } from './schema.js';

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
export function statementPuid(prefix: string, options: { id?: string; input?: unknown; version: string; salt?: string }): string {
  if (options.id !== undefined) {
    const encoded = encodeId(options.id);
    const puid = `${prefix}-i-${encoded}`;
    if (puid.length <= LIMITS.puid) return puid;
    return `${prefix}-l-${digest(options.id, options.salt)}`;
  }
  if (options.input === undefined) {
    fail('no-puid-source', 'id', 'the decision has neither an id nor an input to derive its PUID from',
      'give the platform\'s id of the decision (`id`), or the input decided (`input`)');
  }
  return `${prefix}-h-${digest(canonicalJson({ input: options.input, version: options.version }), options.salt)}`;
}

function digest(text: string, salt: string | undefined): string {
  return (salt === undefined ? createHash('sha256') : createHmac('sha256', salt)).update(text, 'utf8').digest('hex');
}

export function encodeId(id: string): string {
  let out = '';
  for (const char of id) {
    if (/^[A-Za-z0-9-]$/.test(char)) out += char;
    else if (char === '_') out += '__';
    else for (const byte of utf8(char.codePointAt(0)!)) out += `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** UTF-8 bytes of a code point; a lone surrogate gets its own (WTF-8) bytes rather than U+FFFD, to stay one-to-one. */
function utf8(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
