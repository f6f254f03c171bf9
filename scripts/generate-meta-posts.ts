/**
 * The Meta benchmark's posts (bench/meta/data.ts `generatePieces`: 0–20 past strikes each) as a
 * JSONL corpus for `bylaw replay policies/meta`, one JSON object per line with a leading `"id"`
 * (which replay strips before deciding).
 *
 *   npx tsx scripts/generate-meta-posts.ts N out.jsonl [--seed S]
 *
 * The same N and seed give the same file, byte for byte; a smaller N gives a prefix.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { generatePieces, META_SEED } from '../bench/meta/data.js';

function main(argv: readonly string[]): void {
  const seedAt = argv.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(argv[seedAt + 1]) : META_SEED;
  const positional = argv.filter((_, i) => seedAt < 0 || (i !== seedAt && i !== seedAt + 1));
  const [count, out] = positional;
  const n = Number(count);
  if (!Number.isInteger(n) || n < 0 || !out || !Number.isFinite(seed)) {
    process.stderr.write('usage: npx tsx scripts/generate-meta-posts.ts N out.jsonl [--seed S]\n');
    process.exitCode = 2;
    return;
  }
  const fd = openSync(out, 'w');
  const pieces = generatePieces(n, seed);
  for (let at = 0; at < n; at += 10_000) {
    const lines = pieces.slice(at, at + 10_000).map((p, k) => JSON.stringify({ id: `m${String(at + k + 1).padStart(7, '0')}`, ...p }));
    writeSync(fd, `${lines.join('\n')}\n`);
  }
  closeSync(fd);
  process.stderr.write(`wrote ${n} posts to ${out} (seed ${seed})\n`);
}

main(process.argv.slice(2));
