import { describe, expect, it } from 'vitest';
import { generatePosts } from '../../bench/data.js';
import { decide as idiomatic } from '../../bench/engines/handwritten-idiomatic.js';
import { decide as tuned } from '../../bench/engines/handwritten-tuned.js';
import type { Post } from '../../bench/types.js';

function disagreements(posts: readonly Post[]): { count: number; first?: string } {
  let count = 0;
  let first: string | undefined;
  for (const p of posts) {
    const a = idiomatic(p);
    const b = tuned(p);
    if (a.action !== b.action || a.basis !== b.basis) {
      count++;
      first ??= `${JSON.stringify(p)}: idiomatic ${a.action}/${a.basis}, tuned ${b.action}/${b.basis}`;
    }
  }
  return first === undefined ? { count } : { count, first };
}

describe('tuned hand-written engine vs idiomatic', () => {
  it('agrees on 20,000 random posts (action and basis)', () => {
    expect(disagreements(generatePosts(20_000))).toEqual({ count: 0 });
  });

  it('agrees on 20,000 random posts from another seed', () => {
    expect(disagreements(generatePosts(20_000, 12345))).toEqual({ count: 0 });
  });

  it('returns the same frozen answers (no allocation per decision)', () => {
    const posts = generatePosts(200);
    const seen = new Set(posts.map((p) => tuned(p)));
    expect(seen.size).toBeLessThanOrEqual(21);
    for (const o of seen) expect(Object.isFrozen(o)).toBe(true);
  });
});
