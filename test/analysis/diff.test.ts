import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeOutcome, semanticDiff, undated, type SemanticDiff } from '../../src/analysis/diff.js';
import type { PolicySet } from '../../src/checker/program.js';
import { loadPolicy } from '../../src/load-policy.js';
import { checkFiles } from '../support/policies.js';
import { BASE, PREAMBLE, bruteForce, checkExamples, policy, policyBody, summary } from './diff-support.js';

async function diffAndCheck(before: PolicySet, after: PolicySet): Promise<SemanticDiff> {
  const diff = semanticDiff(before, after);
  bruteForce(diff, before, after);
  await checkExamples(diff, before, after);
  return diff;
}

describe('semantic diff: known edits', () => {
  it('identical policies have no changes', async () => {
    const a = policy(BASE);
    const diff = await diffAndCheck(a, policy(BASE));
    expect(diff.regions).toEqual([]);
    expect(diff.changedPoints).toBe(0n);
    expect(diff.textual.clauses).toEqual({ added: [], removed: [], changed: [] });
  });

  it('a threshold moved: exactly the band between the old and the new literal', async () => {
    const before = policy(BASE);
    const after = policy(BASE.replace('followers > 100_000', 'followers > 50_000'));
    const diff = await diffAndCheck(before, after);
    expect(summary(diff)).toEqual([
      'allow (default) → remove (rule): categories has harassment and not categories has violent_threat and author.followers in 50_001..100_000 [4]',
      'allow (exemption) → remove (rule): categories has violent_threat and categories has harassment and target != individual and author.followers in 50_001..100_000 and author.verified [1]',
    ]);
    expect(diff.textual.clauses.changed).toEqual([{ name: 'harassment', kind: 'rule', what: ['when'] }]);
  });

  it('an exemption added: the rule it softens, where it holds and nothing else decides', async () => {
    const before = policy(BASE);
    const after = policy(`${BASE}
exemption newsworthy
  from harassment
  when post.public_interest
  then notice
  because "news"
`);
    const diff = await diffAndCheck(before, after);
    expect(summary(diff)).toEqual([
      'remove (rule) → notice (exemption): categories has harassment and not categories has violent_threat and author.followers >= 100_001 and public_interest [4]',
      'remove (rule) → notice (exemption): target != individual and categories has harassment and author.followers >= 100_001 and author.verified and public_interest [2]',
    ]);
    expect(diff.textual.clauses.added).toEqual([{ name: 'newsworthy', kind: 'exemption' }]);
  });

  it('a red line removed: its inputs fall to the rules and exemptions below it', async () => {
    const before = policy(BASE);
    const after = policy(BASE.replace(/redline threat[\s\S]*?because "threat"\n/, ''));
    const diff = await diffAndCheck(before, after);
    expect(diff.transitions.map((t) => `${describeOutcome(t.before)} → ${describeOutcome(t.after)} ${t.points}`)).toEqual([
      'remove (redline) → remove (rule) 5',
      'remove (redline) → allow (exemption) 3',
    ]);
    // Every changed input is a threat against an individual.
    for (const r of diff.regions) expect(r.text).toMatch(/categories has violent_threat.* and target == individual/);
    expect(diff.textual.clauses.removed).toEqual([{ name: 'threat', kind: 'redline' }]);
  });

  it('a version added to a set: a change from its effective date on, and only there', async () => {
    const header = (v: string) => `policy demo\nversion "${v}"\neffective ${v}\n`;
    const v1 = header('2020-01-01') + PREAMBLE + BASE;
    const v2 = header('2021-06-01') + PREAMBLE + BASE.replace('then allow\n  because "leaders"', 'then notice\n  because "leaders"');
    const before = checkFiles({ 'set/v1.policy': v1 }, 'set').policy!;
    const after = checkFiles({ 'set/v1.policy': v1, 'set/v2.policy': v2 }, 'set').policy!;
    expect(after.versions).toHaveLength(2);
    const diff = await diffAndCheck(before, after);
    expect(summary(diff)).toEqual([
      'allow (exemption) → notice (exemption): date >= 2021-06-01 and categories has violent_threat and not categories has harassment and target != individual and author.verified [2]',
      'allow (exemption) → notice (exemption): date >= 2021-06-01 and categories has violent_threat and target != individual and author.followers <= 100_000 and author.verified [2]',
    ]);
    expect(diff.regions[0]!.example['date']).toBe('2021-06-01');
    expect(diff.textual.versions).toEqual({ added: ['2021-06-01'], removed: [] });
  });

  it('a rule renamed: no change of action or basis; with `clauses`, a change of deciding clause', () => {
    const before = policy(BASE);
    const after = policy(BASE.replace('rule harassment', 'rule harassment_v2'));
    expect(semanticDiff(before, after).regions).toEqual([]);
    const diff = semanticDiff(before, after, { clauses: true });
    expect(diff.transitions.map((t) => `${describeOutcome(t.before)} → ${describeOutcome(t.after)}`)).toEqual([
      'remove (rule harassment) → remove (rule harassment_v2)',
    ]);
    expect(diff.regions.every((r) => r.verified)).toBe(true);
    expect(diff.textual.clauses.added).toEqual([{ name: 'harassment_v2', kind: 'rule' }]);
    expect(diff.textual.clauses.removed).toEqual([{ name: 'harassment', kind: 'rule' }]);
  });

  it('an earlier first version: inputs that had no version in force now get decisions', async () => {
    const header = (v: string) => `policy demo\nversion "${v}"\neffective ${v}\n`;
    const before = checkFiles({ 'set/v2.policy': header('2021-01-01') + PREAMBLE + BASE }, 'set').policy!;
    const after = checkFiles({ 'set/v1.policy': header('2020-01-01') + PREAMBLE + BASE, 'set/v2.policy': header('2021-01-01') + PREAMBLE + BASE }, 'set').policy!;
    const diff = await diffAndCheck(before, after);
    expect(diff.transitions.every((t) => t.before === null && t.after !== null)).toBe(true);
    expect(diff.regions.every((r) => r.text.startsWith('date in 2020-01-01..2020-12-31'))).toBe(true);
  });
});

describe('semantic diff: agrees with brute force on random policies', () => {
  it('random pairs of policies', async () => {
    await fc.assert(
      fc.asyncProperty(policyBody, policyBody, async (a, b) => {
        const before = checkFiles({ 'random/a.policy': PREAMBLE + a });
        const after = checkFiles({ 'random/b.policy': PREAMBLE + b });
        if (!before.policy || !after.policy) throw new Error(`generated policy does not check: ${[...before.diagnostics, ...after.diagnostics].map((d) => d.message).join('; ')}`);
        // The regions only: attribution has its own brute-force property (diff-cause.test.ts).
        const diff = semanticDiff(before.policy, after.policy, { attribute: false });
        bruteForce(diff, before.policy, after.policy);
        for (const r of diff.regions) expect(r.verified).toBe(true);
      }),
      { numRuns: 40, seed: 20261124 },
    );
  });
});

describe('semantic diff: the Twitter policy', () => {
  const cpu = <T>(f: () => T): [T, number] => {
    const start = process.cpuUsage();
    const value = f();
    const used = process.cpuUsage(start);
    return [value, (used.user + used.system) / 1000];
  };

  it('v2 against v3 (as single-version policies) is exact, verified and fast', () => {
    const v2 = undated(loadPolicy('policies/twitter/v2_public_interest_notice.policy').policy!);
    const v3 = undated(loadPolicy('policies/twitter/v3_world_leaders.policy').policy!);
    const [diff, ms] = cpu(() => semanticDiff(v2, v3));
    expect(ms).toBeLessThan(2_000);
    // Computed once by brute force over all 4,718,592 points (interpreter on both sides).
    expect(diff.totalPoints).toBe(4_718_592n);
    expect(diff.changedPoints).toBe(952_892n);
    expect(diff.regions.every((r) => r.verified)).toBe(true);
    expect(diff.textual.clauses.added.map((c) => c.name)).toEqual([
      'promotes_terrorism',
      'direct_threat',
      'shares_private_information',
      'shares_intimate_media',
      'child_exploitation',
      'promotes_self_harm',
      'generally_not_a_violation',
    ]);
    expect(diff.textual.clauses.removed.map((c) => c.name)).toEqual(['leaders_not_blocked']);
  });

  it('the set against itself: no changes; against a copy with a moved threshold: only that band changes', () => {
    const set = loadPolicy('policies/twitter').policy!;
    expect(semanticDiff(set, set).regions).toEqual([]);
    const [diff, ms] = cpu(() => semanticDiff(set, withThreshold(set, 100_000, 50_000)));
    expect(ms).toBeLessThan(2_000);
    expect(diff.regions.length).toBeGreaterThan(0);
    for (const r of diff.regions) {
      expect(r.verified).toBe(true);
      expect(r.text).toContain('author.followers in 50_001..100_000');
      expect(r.text).toMatch(/^date (>= 2019-06-27|in 2019-06-27..2019-10-14|>= 2019-10-15) /);
    }
  });
});

/** The set with `followers > old` replaced by `followers > now` (a structural edit of the checked program). */
function withThreshold(set: PolicySet, old: number, now: number): PolicySet {
  const edit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(edit);
    if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, edit(v)]));
    if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (o['kind'] === 'literal' && o['value'] === old) return { ...o, value: now };
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, k === 'span' || k === 'nameSpan' ? v : edit(v)]));
    }
    return value;
  };
  return edit(set) as PolicySet;
}
