import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeOutcome, exampleFor, semanticDiff, type SemanticDiff, type Side } from '../../src/analysis/diff.js';
import { applyEdits, versionEdits } from '../../src/analysis/diff-edits.js';
import { renderDiff } from '../../src/analysis/diff-report.js';
import type { PolicySet, Program } from '../../src/checker/program.js';
import { checkFiles } from '../support/policies.js';
import { BASE, PREAMBLE, editedPair, inCube, points, policy, sideOf } from './diff-support.js';

/**
 * Attribution (diff-cause.ts) against brute force: for every changed point, the interpreter
 * decides the old policy with each edit alone applied (and, where none alone gives the new
 * decision, the new policy with each edit undone); the causes each region reports, with their
 * points, must be exactly what that finds inside the region.
 */

const same = (x: Side, y: Side) => ((x === null || x === 'rejected') && (y === null || y === 'rejected')) || describeOutcome(x) === describeOutcome(y);

const single = (set: PolicySet, program: Program): PolicySet => ({ ...set, versions: [program] });

/** The causes of each region by brute force, as `E1,E2` / `together E1,E2` → points. */
function bruteCauses(diff: SemanticDiff, before: PolicySet, after: PolicySet): Map<number, Map<string, bigint>> {
  const [old, now] = [before.versions[0]!, after.versions[0]!];
  const edits = versionEdits(old, now, false);
  const id = (text: string) => diff.edits.find((e) => e.text === text)!.id;
  expect(new Set(edits.map((e) => e.text)).size).toBe(edits.length);
  expect(diff.edits.map((e) => e.text).sort()).toEqual(edits.map((e) => e.text).sort());
  const alone = edits.map((e) => single(before, applyEdits(old, now, e.ops)));
  const undone = edits.map((e) => single(before, applyEdits(old, now, edits.filter((x) => x !== e).flatMap((x) => x.ops))));
  const out = new Map<number, Map<string, bigint>>();
  for (const point of points(diff)) {
    const regions = diff.regions.flatMap((r, i) => (inCube(r.cube, point) ? [i] : []));
    if (regions.length === 0) continue;
    const target = sideOf(after, exampleFor(diff.model, point, after));
    const at = (set: PolicySet) => sideOf(set, exampleFor(diff.model, point, set));
    let ids = edits.flatMap((e, k) => (same(at(alone[k]!), target) ? [id(e.text)] : []));
    let together = false;
    if (ids.length === 0) {
      together = true;
      ids = edits.flatMap((e, k) => (same(at(undone[k]!), target) ? [] : [id(e.text)]));
      if (ids.length === 0) ids = edits.map((e) => id(e.text));
    }
    const key = `${together ? 'together ' : ''}${ids.sort((x, y) => x - y).join(',')}`;
    for (const i of regions) {
      const m = out.get(i) ?? new Map<string, bigint>();
      m.set(key, (m.get(key) ?? 0n) + 1n);
      out.set(i, m);
    }
  }
  return out;
}

function checkAttribution(diff: SemanticDiff, before: PolicySet, after: PolicySet): void {
  expect(diff.attribution).toBeNull();
  const brute = bruteCauses(diff, before, after);
  diff.regions.forEach((r, i) => {
    const reported = new Map(r.causes.map((c) => [`${c.together ? 'together ' : ''}${c.edits.join(',')}`, c.points]));
    expect(reported, `region ${r.text}`).toEqual(brute.get(i));
  });
}

/** Every edit applied to the old version decides exactly as the new one, on every point. */
function checkAllEditsGiveNew(diff: SemanticDiff, before: PolicySet, after: PolicySet): void {
  const [old, now] = [before.versions[0]!, after.versions[0]!];
  const all = single(before, applyEdits(old, now, versionEdits(old, now, false).flatMap((e) => e.ops)));
  for (const point of points(diff)) {
    const input = exampleFor(diff.model, point, after);
    expect(describeOutcome(sideOf(all, input)), `point ${point.join(',')}`).toBe(describeOutcome(sideOf(after, input)));
  }
}

const causes = (diff: SemanticDiff) => diff.regions.map((r) => `${describeOutcome(r.before)} → ${describeOutcome(r.after)}: ${r.causes.map((c) => `${c.together ? 'together ' : ''}${c.edits.map((e) => diff.edits[e - 1]!.text).join(' | ')}`).join('; ')}`);

describe('attribution: small known edits', () => {
  it('three edits at once: each region is caused by the one edit that makes it', () => {
    const before = policy(BASE);
    const after = policy(
      BASE.replace('followers > 100_000', 'followers > 50_000').replace(/redline threat[\s\S]*?because "threat"\n/, '') +
        '\nexemption newsworthy\n  from harassment\n  when post.public_interest\n  then notice\n  because "news"\n',
    );
    const diff = semanticDiff(before, after);
    checkAttribution(diff, before, after);
    expect(diff.edits.map((e) => [e.kind, e.text])).toEqual(
      expect.arrayContaining([
        ['clause', 'rule `harassment`: when `author.followers > 100_000` → `author.followers > 50_000`'],
        ['clause', 'redline `threat` removed'],
        ['clause', 'exemption `newsworthy` added'],
      ]),
    );
    expect(diff.edits).toHaveLength(3);
    // The threshold band, and nothing else, is the threshold's; threats against individuals the red line's.
    for (const r of diff.regions) {
      const texts = r.causes.flatMap((c) => c.edits.map((e) => diff.edits[e - 1]!.text));
      if (texts.every((t) => t.startsWith('rule `harassment`'))) expect(r.text).toContain('author.followers in 50_001..100_000');
      if (texts.every((t) => t.startsWith('redline'))) expect(r.text).toMatch(/categories has violent_threat.*target == individual/);
    }
    expect(new Set(diff.regions.flatMap((r) => r.causes.flatMap((c) => c.edits))).size).toBe(3);
  });

  it('a context edit is the cause, not the clauses that read it', () => {
    const body = (n: string) => `context big = post.author.followers > ${n}\n${BASE.replace('post.author.followers > 100_000', 'big')}`;
    const before = policy(body('100_000'));
    const after = policy(body('50_000'));
    const diff = semanticDiff(before, after);
    checkAttribution(diff, before, after);
    expect(diff.edits).toEqual([{ id: 1, kind: 'context', text: 'context `big`: `author.followers > 100_000` → `author.followers > 50_000`', versions: ['policy'], points: diff.changedPoints }]);
    expect(diff.regions.every((r) => r.causes.length === 1 && r.causes[0]!.edits.join() === '1' && !r.causes[0]!.together)).toBe(true);
    expect(diff.groups.map((g) => `${g.id} ${g.cause.mode} ${g.cause.edits}`)).toEqual(['a1 alone 1', 'a2 alone 1']);
  });

  it('a changed default is the cause of what it changes, alone (the edited version takes the new default)', () => {
    // Applied alone, the default edit once kept the old default: the change was put on the wrong edits.
    const rule = '\nrule harassment\n  when post.categories has harassment\n  then remove\n  because "h"\n';
    const before = policy(rule);
    const after = policy(rule.replace('post.categories has harassment', 'post.categories has hateful_conduct'), 'fixture/policy.policy', PREAMBLE.replace('default allow', 'default notice'));
    const diff = semanticDiff(before, after);
    checkAttribution(diff, before, after);
    const defaultEdit = diff.edits.find((e) => e.kind === 'default')!;
    expect(defaultEdit.text).toBe('default allow → notice');
    const allowToNotice = diff.regions.filter((r) => describeOutcome(r.before) === 'allow (default)' && describeOutcome(r.after) === 'notice (default)');
    expect(allowToNotice.length).toBeGreaterThan(0);
    for (const r of allowToNotice) expect(r.causes).toEqual([{ edits: [defaultEdit.id], together: false, points: r.points }]);
  });

  it('two edits that only together change a decision: the cause names both, as together', () => {
    // A red line and a rule on the same inputs, both removed: each removal alone leaves a remove.
    const body = `
redline red
  when post.categories has harassment
  then remove
  because "red"

rule base
  when post.categories has harassment
  then remove
  because "base"
`;
    const before = policy(body);
    const after = policy('');
    const diff = semanticDiff(before, after);
    checkAttribution(diff, before, after);
    expect(causes(diff)).toEqual(['remove (redline) → allow (default): together redline `red` removed | rule `base` removed']);
    expect(diff.groups[0]!.cause).toEqual({ edits: [1, 2], mode: 'together' });
  });

  it('two edits that each alone make the change: both named, each alone', () => {
    const exemption = (name: string) => `\nexemption ${name}\n  from violent_threat\n  when post.public_interest\n  then notice\n  because "${name}"\n`;
    const before = policy(BASE);
    const after = policy(BASE + exemption('first') + exemption('second'));
    const diff = semanticDiff(before, after);
    checkAttribution(diff, before, after);
    expect(diff.groups.every((g) => g.cause.mode === 'alone' && g.cause.edits.join() === '1,2')).toBe(true);
  });

  it('a version added to a set: its edits, named for the version that brings them', () => {
    const header = (v: string) => `policy demo\nversion "${v}"\neffective ${v}\n`;
    const v1 = header('2020-01-01') + PREAMBLE + BASE;
    const v2 = header('2021-06-01') + PREAMBLE + BASE.replace('then allow\n  because "leaders"', 'then notice\n  because "leaders"');
    const before = checkFiles({ 'set/v1.policy': v1 }, 'set').policy!;
    const after = checkFiles({ 'set/v1.policy': v1, 'set/v2.policy': v2 }, 'set').policy!;
    const diff = semanticDiff(before, after);
    expect(diff.edits.map((e) => e.text)).toEqual(['version 2021-06-01 in force instead of 2020-01-01: exemption `leaders`: then allow → notice']);
    expect(diff.regions.every((r) => r.causes.map((c) => c.edits.join()).join() === '1')).toBe(true);
  });

  it('a module no longer used: one `use` edit for all its clauses', () => {
    const files = (withModule: boolean) => ({
      'set/v1.policy': `policy demo\nversion "1"\neffective 2020-01-01\nuse moderation\ninput post: Post\ndefault allow\n${withModule ? 'use extra\n' : ''}${BASE}`,
      'set/extra.policy': 'use moderation\n\nredline a\n  when post.categories has hateful_conduct\n  then suspend\n  because "a"\n\nredline b\n  when post.categories has harassment\n  then suspend\n  because "b"\n',
    });
    const before = checkFiles(files(true), 'set/v1.policy').policy!;
    const after = checkFiles(files(false), 'set/v1.policy').policy!;
    const diff = semanticDiff(before, after);
    expect(diff.edits.map((e) => [e.kind, e.text])).toEqual([['use', '`use extra` removed (redline `a`, redline `b`)']]);
    expect(diff.regions.length).toBeGreaterThan(0);
    expect(diff.regions.every((r) => r.causes.length === 1 && r.causes[0]!.edits.join() === '1')).toBe(true);
  });
});

describe('attribution: skipped', () => {
  it('past `maxEdits` edits: no causes, the reason given, the report says so', () => {
    const before = policy(BASE);
    const after = policy(BASE.replace('followers > 100_000', 'followers > 50_000').replace('then allow', 'then notice'));
    const diff = semanticDiff(before, after, { maxEdits: 1 });
    expect(diff.attribution).toBe('2 edits, more than the 1 attributed');
    expect(diff.edits).toEqual([]);
    expect(diff.regions.every((r) => r.causes.length === 0)).toBe(true);
    expect(diff.groups.every((g) => g.cause.mode === 'unknown')).toBe(true);
    const markdown = renderDiff(diff, { before: 'a', after: 'b' }, 'markdown');
    expect(markdown).toContain('_Causes not attributed: 2 edits, more than the 1 attributed._');
    expect(markdown).toContain('#### Action changes (causes not attributed)');
  });
});

describe('attribution: past its share of the node budget', () => {
  it('stops and says so; the diff itself completes with the same regions', () => {
    const before = policy(BASE);
    const after = policy(BASE.replace('followers > 100_000', 'followers > 50_000'));
    const plain = semanticDiff(before, after, { attribute: false });
    const diff = semanticDiff(before, after, { maxNodes: plain.stats.nodes + 20 });
    expect(diff.attribution).toMatch(/^the diagrams of the edits would pass \d+ nodes$/);
    expect(diff.regions.map((r) => r.text)).toEqual(plain.regions.map((r) => r.text));
    expect(diff.regions.every((r) => r.causes.length === 0)).toBe(true);
  });
});

describe('attribution: agrees with brute force on random edits', () => {
  it('random policies and edited copies', () => {
    fc.assert(
      fc.property(editedPair, ([a, b]) => {
        const before = checkFiles({ 'random/a.policy': PREAMBLE + a }).policy;
        const after = checkFiles({ 'random/b.policy': PREAMBLE + b }).policy;
        if (!before || !after) throw new Error(`generated policy does not check:\n${a}\n---\n${b}`);
        const diff = semanticDiff(before, after);
        checkAllEditsGiveNew(diff, before, after);
        checkAttribution(diff, before, after);
      }),
      { numRuns: 25, seed: 20261207 },
    );
  });
});
