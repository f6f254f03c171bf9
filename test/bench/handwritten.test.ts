import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decide as idiomatic } from '../../bench/engines/handwritten-idiomatic.js';
import { decide as tuned } from '../../bench/engines/handwritten-tuned.js';
import type { Post } from '../../bench/types.js';

interface GoldenCase {
  id: string;
  input: Post;
  expect: { action: string; basis: string };
}

const GOLDEN = fileURLToPath(new URL('../golden/twitter.cases.json', import.meta.url));
const { cases } = JSON.parse(readFileSync(GOLDEN, 'utf8')) as { cases: GoldenCase[] };

const leader = (date: string, over: Partial<Post> = {}): Post => ({
  date,
  author: { handle: 'leader', role: 'world_leader', verified: true, followers: 5_000_000, strikes: 0 },
  target: 'state',
  categories: ['violent_threat'],
  topic: 'foreign_policy',
  public_interest: true,
  offline_harm_risk: 'none',
  ...over,
});

describe.each([
  ['idiomatic', idiomatic],
  ['tuned', tuned],
] as const)('hand-written %s engine', (_name, decide) => {
  it('has all 14 golden cases to check', () => {
    expect(cases).toHaveLength(14);
  });

  it.each(cases.map((c) => [c.id, c] as const))('golden case %s: action and basis', (_id, c) => {
    const d = decide(c.input);
    expect({ action: d.action, basis: d.basis }).toEqual(c.expect);
  });

  it('throws for a date before the first version (2017-09-25)', () => {
    expect(() => decide(leader('2017-09-24'))).toThrow(/no version/);
    expect(() => decide(leader('2017-09-24', { categories: [] }))).toThrow(/no version/);
  });

  it('switches versions exactly on the effective dates', () => {
    // v1 newsworthy → allow; v2 notice; v3 political speech → allow
    expect(decide(leader('2017-09-25'))).toMatchObject({ action: 'allow', basis: 'exemption' });
    expect(decide(leader('2019-06-26'))).toMatchObject({ action: 'allow', basis: 'exemption' });
    expect(decide(leader('2019-06-27'))).toMatchObject({ action: 'notice', basis: 'exemption' });
    expect(decide(leader('2019-10-14'))).toMatchObject({ action: 'notice', basis: 'exemption' });
    expect(decide(leader('2019-10-15'))).toMatchObject({ action: 'allow', basis: 'exemption' });
  });

  it('needs more than 100,000 followers for the public-interest notice', () => {
    const official = (followers: number): Post =>
      leader('2019-08-01', {
        author: { handle: 'o', role: 'government_official', verified: true, followers, strikes: 0 },
        categories: ['hateful_conduct'],
      });
    expect(decide(official(100_000))).toMatchObject({ action: 'remove', basis: 'rule' });
    expect(decide(official(100_001))).toMatchObject({ action: 'notice', basis: 'exemption' });
  });

  it('"leaders are not blocked" turns lock/suspend into remove, but leaves remove-level rules alone', () => {
    // v2, no public interest: terrorism (suspend) → remove by exemption; civic integrity at 0 strikes stays a rule
    const p = leader('2019-07-01', { public_interest: false, categories: ['terrorism'] });
    expect(decide(p)).toMatchObject({ action: 'remove', basis: 'exemption' });
    expect(decide({ ...p, categories: ['civic_integrity'] })).toMatchObject({ action: 'remove', basis: 'rule' });
    // the tie at remove goes to the un-exempted rule
    expect(decide({ ...p, categories: ['terrorism', 'civic_integrity'] })).toMatchObject({ action: 'remove', basis: 'rule' });
    // gone in v3
    expect(decide({ ...p, date: '2020-01-01', categories: ['glorification_of_violence'] })).toMatchObject({
      action: 'lock',
      basis: 'rule',
    });
  });

  it('a red line wins a tie with a rule at the same action', () => {
    const p = leader('2020-01-01', {
      author: { handle: 'x', role: 'ordinary', verified: false, followers: 10, strikes: 0 },
      categories: ['private_information'],
    });
    expect(decide(p)).toMatchObject({ action: 'remove', basis: 'redline' });
  });

  it('nothing fired: default allow', () => {
    expect(decide(leader('2020-01-01', { categories: [] }))).toMatchObject({ action: 'allow', basis: 'default' });
    expect(decide(leader('2020-01-01', { target: 'none' }))).toMatchObject({ action: 'allow', basis: 'default' });
  });
});
