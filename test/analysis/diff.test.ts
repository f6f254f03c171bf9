import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeOutcome, exampleFor, semanticDiff, undated, type SemanticDiff } from '../../src/analysis/diff.js';
import type { PolicySet } from '../../src/checker/program.js';
import { loadCompiled } from '../../src/compiler/load.js';
import { decideUnknown } from '../../src/interpreter/evaluate.js';
import { loadPolicy } from '../../src/load-policy.js';
import { checkFiles } from '../support/policies.js';

const PREAMBLE = 'use moderation\ninput post: Post\ndefault allow\n';

function policy(body: string, file = 'fixture/policy.policy'): PolicySet {
  const checked = checkFiles({ [file]: PREAMBLE + body });
  expect(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return checked.policy!;
}

const BASE = `
redline threat
  when post.categories has violent_threat and post.target == individual
  then remove
  because "threat"

rule harassment
  when post.categories has harassment and post.author.followers > 100_000
  then remove
  because "harassment"

rule violent_threat
  when post.categories has violent_threat
  then remove
  because "vt"

exemption leaders
  from violent_threat
  when post.author.verified
  then allow
  because "leaders"
`;

/** Region texts with their transitions and points, for exact comparisons. */
function summary(diff: SemanticDiff): string[] {
  return diff.regions.map((r) => `${describeOutcome(r.before)} → ${describeOutcome(r.after)}: ${r.text} [${r.points}]`);
}

const decisionKey = (r: ReturnType<typeof decideUnknown>) => (r.ok ? `${r.decision.action}|${r.decision.basis}` : 'none');

/**
 * Brute force over the cut model: every point, decided by the interpreter on both sides. The
 * set of points whose action or basis changes must be exactly the union of the regions, and
 * their number the diff's count (per transition too).
 */
function bruteForce(diff: SemanticDiff, before: PolicySet, after: PolicySet): void {
  const sizes = diff.model.vars.map((v) => v.classes.length);
  const total = sizes.reduce((a, b) => a * b, 1);
  expect(BigInt(total)).toBe(diff.totalPoints);
  const point = sizes.map(() => 0);
  let changed = 0;
  const perTransition = new Map<string, number>();
  for (let i = 0; i < total; i++) {
    let rest = i;
    for (let k = sizes.length - 1; k >= 0; k--) {
      point[k] = rest % sizes[k]!;
      rest = Math.floor(rest / sizes[k]!);
    }
    const b = decideUnknown(before, exampleFor(diff.model, point, before));
    const a = decideUnknown(after, exampleFor(diff.model, point, after));
    const differs = decisionKey(b) !== decisionKey(a);
    const inRegion = diff.regions.some((r) => r.cube.every((mask, v) => mask[point[v]!] === '1'));
    expect(inRegion, `point ${point.join(',')}: ${decisionKey(b)} → ${decisionKey(a)}`).toBe(differs);
    if (differs) {
      changed++;
      const key = `${b.ok ? `${b.decision.action} (${b.decision.basis})` : 'no version in force'} → ${a.ok ? `${a.decision.action} (${a.decision.basis})` : 'no version in force'}`;
      perTransition.set(key, (perTransition.get(key) ?? 0) + 1);
    }
  }
  expect(BigInt(changed)).toBe(diff.changedPoints);
  expect(new Map(diff.transitions.map((t) => [`${describeOutcome(t.before)} → ${describeOutcome(t.after)}`, Number(t.points)]))).toEqual(perTransition);
}

/** Every example is a valid input that really gets the region's before and after decisions. */
async function checkExamples(diff: SemanticDiff, before: PolicySet, after: PolicySet): Promise<void> {
  const compiled = await Promise.all([loadCompiled(before), loadCompiled(after)]);
  for (const r of diff.regions) {
    expect(r.verified).toBe(true);
    const engines = [
      [(x: unknown) => decideUnknown(before, x), (x: unknown) => decideUnknown(after, x)],
      [(x: unknown) => compiled[0].decideUnknown(x), (x: unknown) => compiled[1].decideUnknown(x)],
    ];
    for (const [decideBefore, decideAfter] of engines) {
      const b = decideBefore!(r.exampleBefore ?? r.example);
      const a = decideAfter!(r.example);
      const outcome = (d: typeof b) => (d.ok ? describeOutcome({ ...d.decision, clause: null, exemption: null }) : 'no version in force');
      expect(outcome(b)).toBe(describeOutcome(r.before));
      expect(outcome(a)).toBe(describeOutcome(r.after));
      if (b.ok) expect(r.outcomesBefore.map(describeOutcome)).toContain(describeOutcome(b.decision));
      if (a.ok) expect(r.outcomesAfter.map(describeOutcome)).toContain(describeOutcome(a.decision));
    }
  }
}

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
  const categories = ['violent_threat', 'harassment', 'hateful_conduct'];
  const atom = fc.oneof(
    fc.constantFrom(...categories).map((c) => `post.categories has ${c}`),
    fc.constantFrom('world_leader', 'candidate', 'ordinary').map((r) => `post.author.role == ${r}`),
    fc.constant('post.author.role in {world_leader, government_official}'),
    fc.constantFrom(10, 1000, 100_000).chain((n) => fc.constantFrom(`post.author.followers > ${n}`, `post.author.followers <= ${n}`, `post.author.followers == ${n}`)),
    fc.constant('post.author.verified'),
    fc.constant('post.target != none'),
    fc.constant('post.date >= 2020-06-01'),
  );
  const condition: fc.Arbitrary<string> = fc.letrec((tie) => ({
    node: fc.oneof(
      { weight: 3, arbitrary: atom },
      { weight: 1, arbitrary: fc.tuple(tie('node'), tie('node')).map(([a, b]) => `(${a} and ${b})`) },
      { weight: 1, arbitrary: fc.tuple(tie('node'), tie('node')).map(([a, b]) => `(${a} or ${b})`) },
      { weight: 1, arbitrary: tie('node').map((a) => `not (${a})`) },
    ),
  })).node as fc.Arbitrary<string>;
  const clause = (kind: string, name: string, actions: readonly string[]) =>
    fc.tuple(condition, fc.constantFrom(...actions), fc.option(condition, { nil: undefined })).map(
      ([when, action, unless]) => `${kind} ${name}\n  when ${when}\n${unless ? `  unless ${unless}\n` : ''}  then ${action}\n  because "${name}"\n`,
    );
  const body = fc
    .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 }))
    .chain(([redlines, rules, exemptions]) =>
      fc.tuple(
        fc.tuple(...Array.from({ length: redlines }, (_, i) => clause('redline', `red_${i}`, ['notice', 'remove', 'suspend']))),
        fc.tuple(...Array.from({ length: rules }, (_, i) => clause('rule', `rule_${i}`, ['remove', 'lock', 'suspend']))),
        fc.tuple(
          ...Array.from({ length: exemptions }, (_, i) =>
            fc
              .tuple(clause('exemption', `ex_${i}`, ['allow', 'notice']), fc.subarray(Array.from({ length: rules }, (_, k) => `rule_${k}`), { minLength: 1 }))
              .map(([text, from]) => text.replace('\n  when', `\n  from ${from.join(', ')}\n  when`)),
          ),
        ),
      ),
    )
    .map(([r, u, e]) => [...r, ...u, ...e].join('\n'));

  it('random pairs of policies', async () => {
    await fc.assert(
      fc.asyncProperty(body, body, async (a, b) => {
        const before = checkFiles({ 'random/a.policy': PREAMBLE + a });
        const after = checkFiles({ 'random/b.policy': PREAMBLE + b });
        if (!before.policy || !after.policy) throw new Error(`generated policy does not check: ${[...before.diagnostics, ...after.diagnostics].map((d) => d.message).join('; ')}`);
        const diff = semanticDiff(before.policy, after.policy);
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
