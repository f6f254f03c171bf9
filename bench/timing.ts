/**
 * Timing helpers shared by the runner and the child processes. Tests never use these.
 *
 * Each engine gets its own copy of the timing loop (a distinct function, compiled from a distinct
 * source text), so V8's call-site feedback inside the loop stays monomorphic for that engine: a
 * shared loop would see several `decide` targets, go megamorphic and stop inlining, which would
 * penalise exactly the fastest engines. Every pass folds the decisions into a checksum that is
 * returned and printed, so V8 cannot drop the work.
 */
import type { Outcome, Post } from './types.js';

export type SyncDecide = (post: Post) => Outcome;
export type AsyncDecide = (post: Post) => Promise<Outcome>;
export type Pass = (decide: SyncDecide, posts: readonly Post[]) => number;

let loops = 0;

/** A fresh timing loop: checksum = Σ action.length (mod 2^32), identical for agreeing engines. */
export function makePass(label: string): Pass {
  const tag = `${label.replace(/[^\w .,()-]/g, '_')} #${++loops}`;
  return new Function(
    'decide',
    'posts',
    `"use strict"; // timing loop: ${tag}
     let sink = 0;
     for (let i = 0; i < posts.length; i++) sink = (sink + decide(posts[i]).action.length) | 0;
     return sink >>> 0;`,
  ) as Pass;
}

/** The floor under any decision function: the loop and one field read per post, no decision. */
export function makeFloorPass(): (posts: readonly Post[]) => number {
  return new Function(
    'posts',
    `"use strict"; // timing loop: floor #${++loops}
     let sink = 0;
     for (let i = 0; i < posts.length; i++) sink = (sink + posts[i].date.length) | 0;
     return sink >>> 0;`,
  ) as (posts: readonly Post[]) => number;
}

/** Asynchronous engines (json-rules-engine): one decision at a time, awaited. */
export async function asyncPass(decide: AsyncDecide, posts: readonly Post[]): Promise<number> {
  let sink = 0;
  for (let i = 0; i < posts.length; i++) sink = (sink + (await decide(posts[i]!)).action.length) | 0;
  return sink >>> 0;
}

export function nowNs(): bigint {
  return process.hrtime.bigint();
}

export interface Stats {
  median: number;
  min: number;
  max: number;
  rounds: number;
}

export function stats(samples: readonly number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, rounds: s.length };
}

/**
 * The median over rounds of each round's ratio samples[r] / base[r]. Both were timed in the same
 * round, back to back, so a burst of load on the machine lifts both and cancels out of the ratio;
 * a ratio of the two medians does not have that property (the burst may land on one engine's
 * rounds only).
 */
export function pairedRatio(samples: readonly number[], base: readonly number[]): number {
  if (samples.length !== base.length || samples.length === 0) throw new Error('paired ratio: the two engines ran different rounds');
  return stats(samples.map((x, r) => x / base[r]!)).median;
}

export interface Disagreement {
  count: number;
  checked: number;
  example?: { index: number; input: Post; expected: Outcome | string; got: Outcome | string };
}

const show = (o: Outcome): Outcome => ({ action: o.action, basis: o.basis });

/** Compare an engine with the reference on `posts` (action and basis); errors count as disagreements. */
export async function agreement(
  reference: SyncDecide,
  candidate: (post: Post) => Outcome | Promise<Outcome>,
  posts: readonly Post[],
): Promise<Disagreement> {
  const out: Disagreement = { count: 0, checked: posts.length };
  for (let i = 0; i < posts.length; i++) {
    const post = posts[i]!;
    const expected = show(reference(post));
    let got: Outcome | string;
    try {
      const r = candidate(post);
      got = show(r instanceof Promise ? await r : r);
    } catch (e) {
      got = `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    }
    if (typeof got === 'string' || got.action !== expected.action || got.basis !== expected.basis) {
      out.count++;
      out.example ??= { index: i, input: post, expected, got };
    }
  }
  return out;
}

export function describeDisagreement(name: string, d: Disagreement): string {
  const ex = d.example!;
  const got = typeof ex.got === 'string' ? ex.got : `${ex.got.action}/${ex.got.basis}`;
  const expected = typeof ex.expected === 'string' ? ex.expected : `${ex.expected.action}/${ex.expected.basis}`;
  return (
    `${name}: disagrees with the hand-written reference on ${d.count.toLocaleString('en-US')} of ` +
    `${d.checked.toLocaleString('en-US')} posts; NOT TIMED. First: post #${ex.index} ${JSON.stringify(ex.input)} ` +
    `expected ${expected}, got ${got}`
  );
}
