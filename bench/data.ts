/**
 * Seeded, deterministic generator of random Twitter posts, in exactly the input shape of the
 * golden cases. Every engine is measured on the same posts: `generatePosts(n)` with the default
 * seed always returns the same array, and a shorter run is a prefix of a longer one (posts are
 * drawn one after another from a single PRNG stream), so child processes that time a subset
 * see the first posts of the main process's 200,000.
 */
import { mulberry32 } from './random.js';
import { CATEGORIES, TARGETS, type Category, type Post, type Risk, type Role, type Target, type Topic } from './types.js';

export const SEED = 0x0b1a_0003;
export const N_POSTS = 200_000;


const DAY_MS = 86_400_000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = dayMs(first); t <= dayMs(last); t += DAY_MS) out.push(isoDay(t));
  return out;
}

/** Days of each version's span (inclusive), and the days on either side of each boundary. */
const V1_DAYS = daysBetween('2017-09-25', '2019-06-26');
const V2_DAYS = daysBetween('2019-06-27', '2019-10-14');
const V3_DAYS = daysBetween('2019-10-15', '2022-12-31');
export const BOUNDARY_DAYS = ['2017-09-25', '2019-06-26', '2019-06-27', '2019-10-14', '2019-10-15'] as const;

/** Pick from `values` with the given relative weights. */
function weighted<T>(rand: () => number, values: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rand() * total;
  for (let i = 0; i < values.length; i++) {
    r -= weights[i]!;
    if (r < 0) return values[i]!;
  }
  return values[values.length - 1]!;
}

const int = (rand: () => number, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(rand: () => number, values: readonly T[]): T => values[Math.floor(rand() * values.length)]!;

// Roles lean towards the ones the exemptions are about, so every clause gets traffic.
const ROLE_VALUES: readonly Role[] = [
  'ordinary',
  'public_figure',
  'world_leader',
  'government_official',
  'candidate',
  'government_entity',
  'military_entity',
  'violent_extremist_group',
];
const ROLE_WEIGHTS = [30, 10, 20, 12, 10, 6, 5, 7];

function date(rand: () => number): string {
  const r = rand();
  if (r < 0.05) return pick(rand, BOUNDARY_DAYS);
  if (r < 0.35) return pick(rand, V1_DAYS);
  if (r < 0.6) return pick(rand, V2_DAYS);
  return pick(rand, V3_DAYS);
}

/** 0 … 100M, with a lot of mass at and around the 100,000 eligibility threshold. */
function followers(rand: () => number): number {
  const r = rand();
  if (r < 0.05) return 0;
  if (r < 0.13) return 100_000;
  if (r < 0.21) return 100_001;
  if (r < 0.25) return 99_999;
  if (r < 0.4) return 100_000 + int(rand, -2_000, 2_000);
  if (r < 0.41) return 100_000_000;
  return Math.floor(10 ** (rand() * 8)); // log-uniform over 1 … 100M
}

function strikes(rand: () => number): number {
  return weighted(rand, [0, 1, 2, 3, 4, 5], [70, 12, 8, 5, 3, 2]);
}

/** Mostly empty or one or two categories; unique members, in random order. */
function categories(rand: () => number): Category[] {
  const n = weighted(rand, [0, 1, 2, 3, 4], [50, 30, 15, 4, 1]);
  const out: Category[] = [];
  while (out.length < n) {
    const c = pick(rand, CATEGORIES);
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

function post(rand: () => number): Post {
  const role = weighted(rand, ROLE_VALUES, ROLE_WEIGHTS);
  const official = role === 'world_leader' || role === 'government_official' || role === 'candidate';
  // Every post is built by the same literal, in the field order of the golden cases, so all
  // posts share one hidden class (engines see monomorphic property loads).
  return {
    date: date(rand),
    author: {
      handle: `user${int(rand, 0, 99_999)}`,
      role,
      verified: rand() < (official ? 0.8 : 0.3),
      followers: followers(rand),
      strikes: strikes(rand),
    },
    target: pick(rand, TARGETS) as Target,
    categories: categories(rand),
    topic: weighted<Topic>(rand, ['none', 'political_issue', 'foreign_policy'], [50, 25, 25]),
    public_interest: rand() < 0.5,
    offline_harm_risk: weighted<Risk>(rand, ['none', 'elevated', 'severe'], [60, 25, 15]),
  };
}

/** `n` posts from `seed`; the result for a smaller `n` is a prefix of the result for a larger one. */
export function generatePosts(n: number, seed: number = SEED): Post[] {
  const rand = mulberry32(seed);
  const out: Post[] = []; // packed, not holey: the timing loops index it directly
  for (let i = 0; i < n; i++) out.push(post(rand));
  return out;
}

let cached: Post[] | null = null;
/** The benchmark's 200,000 posts, generated once per process. */
export function benchPosts(): Post[] {
  cached ??= generatePosts(N_POSTS);
  return cached;
}
