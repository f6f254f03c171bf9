import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverage, renderCoverage, uncovered } from '../../src/analysis/coverage.js';
import { renderTable } from '../../src/cli/table.js';
import { loadPolicy } from '../../src/load-policy.js';
import { runCli } from '../support/cli.js';
import { checkFiles } from '../support/policies.js';

const PREAMBLE = 'use moderation\ninput post: Post\ndefault allow\n';
const POLICY = `${PREAMBLE}
context big = post.author.followers > 1000

redline threat
  when post.categories has violent_threat and post.target == individual
  then remove
  because "threat"

rule harassment
  when post.categories has harassment
  then remove
  because "harassment"

exemption famous
  from harassment
  when big
  then notice
  because "famous"
`;

const post = (categories: string[], followers = 10, target = 'none') => ({
  date: '2020-01-01',
  author: { handle: 'a', role: 'ordinary', verified: false, followers, strikes: 0 },
  target,
  categories,
  topic: 'none',
  public_interest: false,
  offline_harm_risk: 'none',
});

describe('coverage (analysis)', () => {
  const policy = checkFiles({ 'cov/policy.policy': POLICY }).policy!;

  it('counts each side of each clause, exemption and context', () => {
    const result = coverage(policy, [
      { id: 'quiet', input: post([]) },
      { id: 'harassment', input: post(['harassment']) },
      { id: 'famous-harassment', input: post(['harassment'], 5000) },
    ]);
    const [v] = result.versions;
    const byName = Object.fromEntries(v!.items.map((i) => [i.name, [i.yes, i.no]]));
    expect(byName).toEqual({ threat: [0, 3], harassment: [2, 1], famous: [1, 2], big: [1, 2] });
    expect(v!.items.find((i) => i.name === 'famous')!.yesCases).toEqual(['famous-harassment']);
    expect(uncovered(v!)).toEqual(['red line threat never fired']);
    expect(result.goals).toBe(8);
    expect(result.covered).toBe(7);
    expect(result.percent).toBeCloseTo(87.5);
  });

  it('an exemption whose condition holds without a fired rule to soften is "not applied"', () => {
    const result = coverage(policy, [{ id: 'big-but-quiet', input: post([], 5000) }]);
    const famous = result.versions[0]!.items.find((i) => i.name === 'famous')!;
    expect([famous.yes, famous.no, famous.heldNotApplied]).toEqual([0, 1, 1]);
  });

  it('skips invalid inputs and says so', () => {
    const result = coverage(policy, [{ id: 'broken', input: { date: 'x' } }]);
    expect(result.skipped).toEqual(['broken']);
    expect(result.versions[0]!.cases).toBe(0);
  });

  it('is per version: a case counts for the version in force on its date', () => {
    const header = (v: string) => `policy demo\nversion "${v}"\neffective ${v}\n`;
    const set = checkFiles({ 'covset/a.policy': header('2019-01-01') + POLICY, 'covset/b.policy': header('2021-01-01') + POLICY }, 'covset').policy!;
    const result = coverage(set, [
      { id: 'old', input: { ...post(['harassment']), date: '2019-05-05' } },
      { id: 'new', input: { ...post([]), date: '2022-01-01' } },
    ]);
    expect(result.versions.map((v) => [v.version, v.cases, v.items.find((i) => i.name === 'harassment')!.yes])).toEqual([
      ['2019-01-01', 1, 1],
      ['2021-01-01', 1, 0],
    ]);
  });
});

describe('coverage of outcomes (Bylaw 2)', () => {
  const OUTCOMES = `scale Content { allow < remove }
scale Account { none < warning < restrict(duration) }
outcome content: Content
outcome account: Account
enum Cat { spam, abuse }
record P { date: date, cats: set<Cat>, strikes: list<date> }
input p: P
default allow, none

rule spam
  when p.cats has spam
  then remove, warning
  because "spam"

rule repeat
  when p.cats has spam and count(d in p.strikes where d > p.date - 90 days) >= 2
  then restrict for 3 days
  because "repeat"

exemption first
  from spam
  when count(d in p.strikes) == 0
  then allow
  because "first"
`;
  const set = checkFiles({ 'outcomes/policy.policy': OUTCOMES }).policy!;
  const p = (cats: string[], strikes: string[]) => ({ date: '2024-05-01', cats, strikes });

  it('counts, per outcome, every answer the plan can give: each clause, each exemption in its place, the default', () => {
    const result = coverage(set, [
      { id: 'quiet', input: p([], []) },
      { id: 'first-spam', input: p(['spam'], []) },
      { id: 'spam', input: p(['spam'], ['2024-04-20']) },
      { id: 'spam-again', input: p(['spam'], ['2023-01-01']) },
    ]);
    const [v] = result.versions;
    const answers = v!.outcomes!.map((o) => [o.outcome, o.answers.map((a) => [a.answer, a.cases])]);
    expect(answers).toEqual([
      ['content', [['remove (rule spam)', 2], ['allow (exemption spam via first)', 1], ['allow (default)', 1]]],
      ['account', [['restrict P3D (rule repeat)', 0], ['warning (rule spam)', 2], ['none (exemption spam via first)', 1], ['none (default)', 1]]],
    ]);
    expect(v!.outcomes![0]!.answers[0]!.caseIds).toEqual(['spam', 'spam-again']);
    // Three clauses (two goals each) and seven answers (one each).
    expect(v!.goals).toBe(3 * 2 + 7);
    expect(uncovered(v!)).toEqual(['rule repeat never fired', 'outcome account never decided restrict P3D (rule repeat)']);
    const text = renderCoverage(result, renderTable);
    expect(text).toContain('  outcome account: 3/4 answers decided');
    expect(text).toMatch(/\n  ! +restrict P3D \(rule repeat\) +decided 0\n/);
  });

  it('the third strike in 90 days, once covered, is decided (the count is the interpreter\'s)', () => {
    const result = coverage(set, [{ id: 'third', input: p(['spam'], ['2024-04-20', '2024-03-01']) }]);
    const account = result.versions[0]!.outcomes!.find((o) => o.outcome === 'account')!;
    expect(account.answers.find((a) => a.answer === 'restrict P3D (rule repeat)')!.caseIds).toEqual(['third']);
  });

  it('the YouTube cases: every version, both outcomes', () => {
    const youtube = loadPolicy('policies/youtube').policy!;
    const golden = JSON.parse(readFileSync('test/golden/youtube.cases.json', 'utf8')) as { cases: { id: string; input: unknown }[] };
    const result = coverage(youtube, golden.cases);
    expect(result.versions.map((v) => v.outcomes!.map((o) => o.outcome))).toEqual([
      ['content', 'channel'],
      ['content', 'channel'],
    ]);
    const channel = result.versions[0]!.outcomes![1]!;
    expect(channel.answers.find((a) => a.answer === 'strike P2W (rule second_strike)')!.caseIds).toEqual(['second-strike-two-weeks-2019']);
    expect(uncovered(result.versions[1]!)).toContain('outcome channel never decided strike P2W (rule second_strike)');
  });

  it('a Bylaw 1 set has no outcome answers: its report is what it was', () => {
    const bylaw1 = checkFiles({ 'cov/policy.policy': POLICY }).policy!;
    const result = coverage(bylaw1, [{ id: 'quiet', input: post([]) }]);
    expect(result.versions[0]!.outcomes).toBeUndefined();
    expect(renderCoverage(result, renderTable)).not.toContain('outcome');
  });
});

describe('bylaw test --coverage', () => {
  const args = ['test', 'policies/twitter', '--cases', 'test/golden/twitter.cases.json'];

  it('prints a table per version before the last line, which stays `N passed, N failed`', async () => {
    const result = await runCli([...args, '--coverage']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^\d+ passed, 0 failed$/);
    expect(result.stdout).toMatch(/^coverage \(clause level, from interpreter traces\): \d+\/\d+ goals, \d+\.\d%$/m);
    for (const version of ['2017-09-25', '2019-06-27', '2019-10-15']) expect(result.stdout).toContain(`version ${version} (effective ${version})`);
    expect(result.stdout).toMatch(/exemption +generally_not_a_violation +applied [1-9]/);
    expect(result.stdout).toMatch(/context +political_speech +true [1-9]\d* +false [1-9]/);
    expect(result.stdout).toContain('red line promotes_terrorism never fired');
  });

  it('--min-coverage fails below the threshold and passes at or above it', async () => {
    const low = await runCli([...args, '--min-coverage', '99']);
    expect(low.code).toBe(1);
    expect(low.stdout).toMatch(/coverage \d+\.\d% is below --min-coverage 99%/);
    const ok = await runCli([...args, '--min-coverage', '10']);
    expect(ok.code).toBe(0);
    const bad = await runCli([...args, '--min-coverage', 'lots']);
    expect(bad.code).toBe(2);
  });

  it('formatting never changes it: the same numbers with every clause re-indented and commented', async () => {
    // Named `twitter`, as the case file's `policy` field requires.
    const dir = join(mkdtempSync(join(tmpdir(), 'bylaw-coverage-')), 'twitter');
    cpSync('policies/twitter', dir, { recursive: true });
    for (const file of readdirSync(dir)) {
      const path = join(dir, file);
      const text = readFileSync(path, 'utf8')
        .split('\n')
        .map((line) => (line.startsWith('  ') ? `      ${line.trim()}` : line))
        .join('\n');
      writeFileSync(path, `// reformatted\n\n${text.replace(/\n(rule|redline|exemption) /g, '\n\n// a comment\n$1 ')}`);
    }
    const original = await runCli([...args, '--coverage']);
    const reformatted = await runCli(['test', dir, '--cases', 'test/golden/twitter.cases.json', '--coverage']);
    expect(reformatted.code).toBe(0);
    const strip = (s: string) => s.replaceAll(dir, 'policies/twitter');
    expect(strip(reformatted.stdout)).toBe(original.stdout);
  });
});
