/**
 * Seeded random posts for `bylaw replay`, valid against stdlib/moderation.policy's `Post` and
 * dated within the versions of policies/twitter (2017-09-25 … 2022-12-31), one JSON object per
 * line with a leading `"id"` (which replay strips before deciding).
 *
 *   npx tsx scripts/generate-posts.ts N out.jsonl [--seed S]
 *
 * The same N and seed give the same file, byte for byte.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { mulberry32 } from '../bench/random.js';
import { CATEGORIES, RISKS, ROLES, TARGETS, TOPICS } from '../bench/types.js';

const ROLE_WEIGHTS = [70, 10, 4, 6, 4, 3, 2, 1];
const TARGET_WEIGHTS = [40, 20, 15, 10, 10, 5];
const FIRST_DAY = Date.UTC(2017, 8, 25) / 86_400_000;
const LAST_DAY = Date.UTC(2022, 11, 31) / 86_400_000;

function weighted(next: () => number, items: readonly string[], weights: readonly number[]): string {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = next() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function post(next: () => number, index: number): Record<string, unknown> {
  const role = weighted(next, ROLES, ROLE_WEIGHTS);
  const famous = role !== 'ordinary' || next() < 0.05;
  const followers = Math.floor(famous ? 10 ** (2 + next() * 6) : 10 ** (next() * 4));
  const categories: string[] = [];
  const flagged = next();
  if (flagged < 0.35) {
    const count = flagged < 0.05 ? 2 : 1;
    while (categories.length < count) {
      const c = CATEGORIES[Math.floor(next() * CATEGORIES.length)]!;
      if (!categories.includes(c)) categories.push(c);
    }
  }
  return {
    id: `p${String(index).padStart(7, '0')}`,
    date: isoDay(FIRST_DAY + Math.floor(next() * (LAST_DAY - FIRST_DAY + 1))),
    author: {
      handle: `user${Math.floor(next() * 1_000_000)}`,
      role,
      verified: famous && next() < 0.7,
      followers,
      strikes: next() < 0.8 ? 0 : 1 + Math.floor(next() * 4),
    },
    target: weighted(next, TARGETS, TARGET_WEIGHTS),
    categories,
    topic: weighted(next, TOPICS, role === 'ordinary' ? [80, 15, 5] : [30, 40, 30]),
    public_interest: famous && next() < 0.5,
    offline_harm_risk: weighted(next, RISKS, [80, 15, 5]),
  };
}

function main(argv: readonly string[]): void {
  const seedAt = argv.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(argv[seedAt + 1]) : 20191015;
  const positional = argv.filter((_, i) => seedAt < 0 || (i !== seedAt && i !== seedAt + 1));
  const [count, out] = positional;
  const n = Number(count);
  if (!Number.isInteger(n) || n < 0 || !out || !Number.isFinite(seed)) {
    process.stderr.write('usage: npx tsx scripts/generate-posts.ts N out.jsonl [--seed S]\n');
    process.exitCode = 2;
    return;
  }
  const next = mulberry32(seed);
  const fd = openSync(out, 'w');
  let buffer: string[] = [];
  for (let i = 1; i <= n; i++) {
    buffer.push(JSON.stringify(post(next, i)));
    if (buffer.length === 10_000 || i === n) {
      writeSync(fd, `${buffer.join('\n')}\n`);
      buffer = [];
    }
  }
  closeSync(fd);
  process.stderr.write(`wrote ${n} posts to ${out} (seed ${seed})\n`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('generate-posts.ts')) main(process.argv.slice(2));
