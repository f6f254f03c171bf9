/**
 * Seeded Meta posts for the benchmark: every version's span, 0–20 past strikes each (their dates
 * up to 16 months back, some severe with content posted years before), categories mostly one or
 * none, public figures, civil unrest and newsworthiness reviews now and then. Deterministic: the
 * same seed gives the same posts, a shorter run a prefix of a longer one. Every post is built by
 * the same literal (optional fields present, null when unknown), so engines see one hidden class.
 */
import { mulberry32 } from '../random.js';
import { CATEGORIES, type Category, type Harm, type Interest, type Piece, type Strike, type Unrest } from './types.js';

export const META_SEED = 0x0b1a_0002;
export const META_POSTS = 100_000;

const DAY_MS = 86_400_000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const FIRST = Date.parse('2019-09-24T00:00:00Z');
const LAST = Date.parse('2024-12-31T00:00:00Z');

const int = (rand: () => number, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(rand: () => number, values: readonly T[]): T => values[Math.floor(rand() * values.length)]!;

function categories(rand: () => number): Category[] {
  const r = rand();
  const n = r < 0.25 ? 0 : r < 0.85 ? 1 : 2;
  const out: Category[] = [];
  while (out.length < n) {
    // Child exploitation (a red line) is rare: most posts go through the ladder.
    const c = rand() < 0.03 ? 'child_sexual_exploitation' : pick(rand, CATEGORIES.slice(1));
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

function strikes(rand: () => number, date: number): Strike[] {
  const n = int(rand, 0, 20);
  const out: Strike[] = [];
  for (let i = 0; i < n; i++) {
    const at = date - int(rand, 0, 480) * DAY_MS;
    const severe = rand() < 0.1;
    const before = severe && rand() < 0.5 ? int(rand, 0, 1800) : int(rand, 0, 120);
    out.push({ date: isoDay(at), content_posted: isoDay(at - before * DAY_MS), severe });
  }
  return out;
}

function piece(rand: () => number): Piece {
  const date = FIRST + int(rand, 0, (LAST - FIRST) / DAY_MS) * DAY_MS;
  const politician = rand() < 0.05;
  const unrest = rand() < 0.1;
  const reviewed = rand() < 0.1;
  return {
    date: isoDay(date),
    posted: isoDay(date - (rand() < 0.9 ? int(rand, 0, 10) : int(rand, 60, 2000)) * DAY_MS),
    categories: categories(rand),
    author: {
      handle: `user${int(rand, 0, 99_999)}`,
      politician,
      followers: Math.floor(10 ** (rand() * 7.5)),
      news_coverage: rand() < 0.05,
      strikes: strikes(rand, date),
    },
    civil_unrest: unrest,
    unrest_severity: unrest && rand() < 0.8 ? pick<Unrest>(rand, ['low', 'medium', 'high', 'highest']) : null,
    newsworthiness: reviewed
      ? { public_interest: pick<Interest>(rand, ['none', 'low', 'high']), risk_of_harm: pick<Harm>(rand, ['none', 'low', 'high', 'violence']) }
      : null,
  };
}

/** `n` posts from `seed`; the result for a smaller `n` is a prefix of the result for a larger one. */
export function generatePieces(n: number, seed: number = META_SEED): Piece[] {
  const rand = mulberry32(seed);
  const out: Piece[] = [];
  for (let i = 0; i < n; i++) out.push(piece(rand));
  return out;
}
