/**
 * The hashed PUID of a statement (canonical JSON, then SHA-256 written out in src/runtime, as a
 * compiled module carries it) against the same canonical JSON digested by node:crypto; and the
 * cost of a whole statement with an id (no hashing). Best of 8 rounds of 5,000 calls.
 *
 *   npx tsx bench/statements/puid.ts
 */
import { createHash } from 'node:crypto';
import { canonicalJson, statementPuid } from '../../src/runtime/statement-puid.js';

const input = { text: 'hello wörld '.repeat(100), tags: Array.from({ length: 20 }, (_, i) => `tag${i}`), n: 1 };
const CALLS = 5_000;
const best = new Map<string, number>();

function time(name: string, run: () => unknown): void {
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) run();
  const micros = ((performance.now() - start) / CALLS) * 1000;
  best.set(name, Math.min(best.get(name) ?? Infinity, micros));
}

for (let round = 0; round < 8; round++) {
  time('canonical JSON only', () => canonicalJson({ input, version: 'v' }));
  time('hashed PUID (written-out SHA-256)', () => statementPuid('p', { input, version: 'v' }));
  time('hashed PUID with a salt (HMAC)', () => statementPuid('p', { input, version: 'v', salt: 'secret' }));
  time('canonical JSON + node:crypto SHA-256', () => createHash('sha256').update(canonicalJson({ input, version: 'v' }), 'utf8').digest('hex'));
  time('PUID from an id (no hash)', () => statementPuid('p', { id: 'post-1234567890', version: 'v' }));
}
console.log(`input: ${canonicalJson({ input, version: 'v' }).length} characters of canonical JSON`);
for (const [name, micros] of best) console.log(`${name.padEnd(40)} ${micros.toFixed(1)} µs`);
