import { describe, expect, it } from 'vitest';
import { BOUNDARY_DAYS, generatePosts } from '../../bench/data.js';
import { mulberry32 } from '../../bench/random.js';
import { CATEGORIES, ROLES, RISKS, TARGETS, TOPICS } from '../../bench/types.js';

describe('benchmark data', () => {
  const posts = generatePosts(20_000);

  it('is deterministic, and a shorter run is a prefix of a longer one', () => {
    expect(generatePosts(500)).toEqual(posts.slice(0, 500));
    expect(generatePosts(10, 1)).not.toEqual(generatePosts(10, 2));
    const a = mulberry32(7);
    const b = mulberry32(7);
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
  });

  it('has exactly the input shape of the golden cases', () => {
    const problems: string[] = [];
    const bad = (p: unknown, what: string): void => void (problems.length < 5 && problems.push(`${what}: ${JSON.stringify(p)}`));
    const postKeys = 'date,author,target,categories,topic,public_interest,offline_harm_risk';
    const authorKeys = 'handle,role,verified,followers,strikes';
    const among = (values: readonly string[], v: string): boolean => values.includes(v);
    for (const p of posts) {
      if (Object.keys(p).join() !== postKeys) bad(p, 'post keys');
      if (Object.keys(p.author).join() !== authorKeys) bad(p, 'author keys');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(p.date) || p.date < '2017-09-25' || p.date > '2022-12-31') bad(p, 'date');
      if (!among(ROLES, p.author.role)) bad(p, 'role');
      if (typeof p.author.verified !== 'boolean' || typeof p.public_interest !== 'boolean') bad(p, 'bool');
      if (!among(TARGETS, p.target) || !among(TOPICS, p.topic) || !among(RISKS, p.offline_harm_risk)) bad(p, 'enum');
      const { followers, strikes } = p.author;
      if (!Number.isInteger(followers) || followers < 0 || followers > 100_000_000) bad(p, 'followers');
      if (!Number.isInteger(strikes) || strikes < 0 || strikes > 5) bad(p, 'strikes');
      if (new Set(p.categories).size !== p.categories.length || !p.categories.every((c) => among(CATEGORIES, c))) {
        bad(p, 'categories');
      }
    }
    expect(problems).toEqual([]);
  });

  it('covers every version, the boundary days and the follower threshold', () => {
    const dates = new Set(posts.map((p) => p.date));
    for (const d of BOUNDARY_DAYS) expect(dates.has(d)).toBe(true);
    const count = (f: (p: (typeof posts)[number]) => boolean): number => posts.filter(f).length;
    expect(count((p) => p.date < '2019-06-27')).toBeGreaterThan(2_000);
    expect(count((p) => p.date >= '2019-06-27' && p.date < '2019-10-15')).toBeGreaterThan(2_000);
    expect(count((p) => p.date >= '2019-10-15')).toBeGreaterThan(2_000);
    expect(count((p) => p.author.followers === 100_000)).toBeGreaterThan(100);
    expect(count((p) => p.author.followers === 100_001)).toBeGreaterThan(100);
    expect(count((p) => p.author.followers > 10_000_000)).toBeGreaterThan(100);
    expect(count((p) => p.categories.length === 0)).toBeGreaterThan(posts.length / 3);
    expect(count((p) => p.author.strikes === 0)).toBeGreaterThan(posts.length / 2);
  });
});
