import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/interpreter/evaluate.js';
import { loadPolicy } from '../../src/load-policy.js';
import { runCli } from '../support/cli.js';

const POLICY = `use moderation
input post: Post
default allow

rule harassment
  when post.categories has harassment and post.author.followers > 100_000
  then remove
  because "harassment"
`;

let dir: string;
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bylaw-diff-'));
});

describe('bylaw diff OLD NEW', () => {
  it('exits 0 with no changes for identical policies', async () => {
    const a = write('same-a.policy', POLICY);
    const b = write('same-b.policy', `// same meaning, other layout\n${POLICY.replace(/\n  /g, '\n    ')}`);
    const result = await runCli(['diff', a, b]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('no decision changes');
    expect(result.stdout).toContain('clauses: no textual changes');
  });

  it('exits 1 and shows the region, its points, the deciding clauses and an example', async () => {
    const a = write('t-a.policy', POLICY);
    const b = write('t-b.policy', POLICY.replace('100_000', '50_000'));
    const result = await runCli(['diff', a, b]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('1 region change decision: 1 of 6 points of the cut model, 1 transition');
    expect(result.stdout).toContain('  allow → remove  1 point,  1 region  caused by E1');
    expect(result.stdout).toContain('  E1  rule `harassment`: when `author.followers > 100_000` → `author.followers > 50_000`');
    expect(result.stdout).toContain('caused by E1 — rule `harassment`: when `author.followers > 100_000` → `author.followers > 50_000`');
    expect(result.stdout).toContain('allow (default) → remove (rule)   [1 region, 1 point]');
    expect(result.stdout).toContain('• categories has harassment and author.followers in 50_001..100_000   (1 point)');
    expect(result.stdout).toContain('decided by: default → rule harassment');
    expect(result.stdout).toContain('~ rule harassment (when)');
  });

  it('--format json: changes with examples that really decide as reported', async () => {
    const a = write('j-a.policy', POLICY);
    const b = write('j-b.policy', POLICY.replace('100_000', '50_000'));
    const result = await runCli(['diff', a, b, '--format', 'json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['changes', 'clauses', 'summary']));
    expect(json.changes).toHaveLength(1);
    const [change] = json.changes;
    expect(change.region).toBe('categories has harassment and author.followers in 50_001..100_000');
    expect(change.points).toBe(1);
    expect(change.before).toMatchObject({ action: 'allow', basis: 'default' });
    expect(change.after).toMatchObject({ action: 'remove', basis: 'rule', clause: 'harassment' });
    expect(evaluate(loadPolicy(a).policy!, change.example)).toEqual(change.before);
    expect(evaluate(loadPolicy(b).policy!, change.example)).toEqual(change.after);
    expect(json.clauses).toEqual({ added: [], removed: [], changed: [{ name: 'harassment', kind: 'rule', what: ['when'] }] });
    expect(json.summary).toMatchObject({ changed: true, regions: 1, changedPoints: 1, totalPoints: 6, exact: true });
  });

  it('--format markdown: a pull-request comment with a summary line and a table', async () => {
    const a = write('m-a.policy', POLICY);
    const b = write('m-b.policy', POLICY.replace('100_000', '50_000'));
    const result = await runCli(['diff', a, b, '--format', 'markdown']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^### Bylaw semantic diff: /);
    expect(result.stdout).toContain('**1 region change decision: 1 of 6 points of the cut model, 1 transition** — 1 region (1 point) changes the action; clauses: 0 added, 0 removed, 1 changed.');
    expect(result.stdout).toContain('| allow → remove | 1 | 1 | E1 |');
    expect(result.stdout).toContain('#### Action changes caused by E1 — rule `harassment`: when `author.followers > 100_000` → `author.followers > 50_000`');
    expect(result.stdout).toContain('| `categories has harassment and author.followers in 50_001..100_000` | default → rule harassment | 1 |');
  });

  it('--max-regions N: at most N regions, and the command that prints them all', async () => {
    const a = write('n-a.policy', POLICY);
    const b = write('n-b.policy', POLICY.replace('100_000', '50_000').replace('then remove', 'then suspend'));
    const all = await runCli(['diff', a, b, '--format', 'json']);
    expect(JSON.parse(all.stdout).changes.length).toBeGreaterThan(1);
    const result = await runCli(['diff', a, b, '--format', 'markdown', '--max-regions', '1']);
    expect(result.code).toBe(1);
    expect(result.stdout.match(/<summary>input<\/summary>/g)).toHaveLength(1);
    expect(result.stdout).toContain(`All of them: \`bylaw diff ${a} ${b} --format json\``);
    for (const bad of ['-1', 'two', '1.5']) {
      const usage = await runCli(['diff', a, b, '--max-regions', bad]);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('expected a whole number of regions');
    }
  });

  it('a change of the input type alone is a change: exit 1, the type and the inputs rejected → decided', async () => {
    const types = (roles: string) => `scale Action { allow < remove }\nenum Role { ${roles} }\nrecord Post { role: Role, flagged: bool }\ninput post: Post\ndefault allow\n\nrule flagged\n  when post.flagged and post.role == leader\n  then remove\n  because "f"\n`;
    const a = write('i-a.policy', types('ordinary, leader'));
    const b = write('i-b.policy', types('ordinary, leader, king'));
    const result = await runCli(['diff', a, b]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('~ role: members of Role added: king');
    expect(result.stdout).toContain('rejected → decided   [1 region, 2 points]');
    expect(result.stdout).toContain('• role == king   (2 points)');
    const json = JSON.parse((await runCli(['diff', a, b, '--format', 'json'])).stdout);
    expect(json.summary.changed).toBe(true);
    expect(json.inputTypes).toEqual([{ path: 'role', what: 'members of Role added: king', before: 'Role', after: 'Role', shape: false, dates: null }]);
    expect(json.changes[0].before.rejected[0].path).toBe('role');
    expect(json.changes[0].after).toMatchObject({ action: 'allow', basis: 'default' });
  });

  it('a field added to the input record, no clause changed: exit 1, with an input each side accepts and the other rejects', async () => {
    const record = (fields: string) => `scale Action { allow < remove }\nrecord Post { flagged: bool${fields} }\ninput post: Post\ndefault allow\n\nrule flagged\n  when post.flagged\n  then remove\n  because "f"\n`;
    const a = write('s-a.policy', record(''));
    const b = write('s-b.policy', record(', satire: bool'));
    const result = await runCli(['diff', a, b]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('no decision changes (2 points of the cut model compared); the input type changes (below)');
    expect(result.stdout).toContain('~ satire: field added to Post');
    expect(result.stdout).toContain('decided before, rejected now: {"flagged":false}');
    expect(result.stdout).toContain('rejected before, decided now: {"flagged":false,"satire":false}');
  });

  it('exits 2 on a missing path, a policy with errors, a bad format', async () => {
    const a = write('e-a.policy', POLICY);
    expect((await runCli(['diff', a, join(dir, 'nope.policy')])).code).toBe(2);
    const broken = write('e-b.policy', POLICY.replace('then remove', 'then obliterate'));
    const result = await runCli(['diff', a, broken]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('obliterate');
    expect((await runCli(['diff', a, a, '--format', 'yaml'])).code).toBe(2);
    expect((await runCli(['diff', a])).code).toBe(2);
  });

  it('diffs two version files of policies/twitter as single-version policies', async () => {
    const result = await runCli(['diff', 'policies/twitter/v2_public_interest_notice.policy', 'policies/twitter/v3_world_leaders.policy', '--format', 'json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.summary.changedPoints).toBe(952_892);
    expect(json.clauses.removed).toEqual([{ name: 'leaders_not_blocked', kind: 'exemption' }]);
    expect(json.changes.every((c: { verified?: boolean }) => c.verified !== false)).toBe(true);
  });
});

describe('bylaw diff with outcomes (Bylaw 2)', () => {
  const v1 = 'policies/youtube/v1_one_time_warning.policy';
  const v2 = 'policies/youtube/v2_policy_training.policy';

  it('text: transitions per outcome, the note that it is not exact with each atom, the regions no input realises', async () => {
    const result = await runCli(['diff', v1, v2]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('note: not exact (`exact: false`)');
    expect(result.stdout).toMatch(/^ {2}~ warning_blocks@old = any\(w in channel\.warnings where w\.date <= date\): a quantifier \(`any`\)/m);
    expect(result.stdout).toMatch(/^ {2}channel: strike P1W → warning +\d+ points?, +\d+ regions? +caused by E1$/m);
    expect(result.stdout).toContain('channel: strike P1W (rule) → warning (rule)');
    expect(result.stdout).toContain('warning: no input built falls in this region (missed: warning_blocks@new); it may be empty');
  });

  it('json: every change and transition names its outcome; the summary lists the outcomes and why it is not exact', async () => {
    const result = await runCli(['diff', v1, v2, '--format', 'json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.summary.outcomes).toEqual(['content', 'channel']);
    expect(json.summary.exact).toBe(false);
    expect(json.summary.inexact).toEqual(expect.arrayContaining([expect.objectContaining({ atom: 'active_strikes', why: expect.stringContaining('reads `date`') })]));
    expect(json.changes.length).toBeGreaterThan(0);
    for (const change of json.changes) {
      expect(change.outcome).toBe('channel');
      if (change.unrealised) continue;
      // The example is decided as the change says, in its outcome, on both sides.
      const part = (path: string) => (evaluate(loadPolicy(path).policy!, change.example) as { outcomes: Record<string, { action: string; duration?: string }> }).outcomes['channel']!;
      const text = (p: { action: string; duration?: string }) => (p.duration ? `${p.action} ${p.duration}` : p.action);
      expect(change.transition.before.startsWith(`${text(part(v1))} (`)).toBe(true);
      expect(change.transition.after.startsWith(`${text(part(v2))} (`)).toBe(true);
    }
    expect(json.summary.transitions.every((t: { outcome: string }) => t.outcome === 'channel')).toBe(true);
  });

  it('markdown: each group headed by its outcome and transition', async () => {
    const result = await runCli(['diff', v1, v2, '--format', 'markdown']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('**channel: strike P1W (rule) → warning (rule)** — 2 regions, 3 points');
    expect(result.stdout).toContain('| channel: strike P1W → warning | 3 | 2 | E1 |');
    expect(result.stdout).toContain('> 2 regions of 4 have no input built for them: they may be empty');
  });

  it('exits 0 for a Bylaw 2 set against itself, still saying it is not exact', async () => {
    const result = await runCli(['diff', 'policies/meta', 'policies/meta']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^no decision changes \([\d,]+ points of the cut model compared\)$/m);
    expect(result.stdout).toContain('note: not exact (`exact: false`)');
  });
});

describe('bylaw diff --git REV PATH', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'bylaw-diff-git-'));
    git('init', '-q');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    mkdirSync(join(repo, 'set'));
    const header = (v: string) => `policy demo\nversion "${v}"\neffective ${v}\n\nuse rules\n`;
    writeFileSync(join(repo, 'set', 'rules.policy'), POLICY);
    writeFileSync(join(repo, 'set', 'v1.policy'), header('2020-01-01'));
    git('add', '.');
    git('commit', '-q', '-m', 'v1');
    // The working tree: a shared module edited and a version added.
    writeFileSync(join(repo, 'set', 'rules.policy'), POLICY.replace('100_000', '50_000'));
    writeFileSync(join(repo, 'set', 'v2.policy'), `${header('2021-01-01')}\nexemption verified\n  from harassment\n  when post.author.verified\n  then notice\n  because "v"\n`);
  });

  it('compares PATH with its version at REV (modules read from REV too)', async () => {
    const result = await runCli(['diff', '--git', 'HEAD', join(repo, 'set'), '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.before).toBe(`HEAD:${join(repo, 'set')}`);
    expect(json.versions).toEqual({ added: ['2021-01-01'], removed: [] });
    expect(json.clauses.added).toEqual([{ name: 'verified', kind: 'exemption' }]);
    expect(json.clauses.changed).toEqual([{ name: 'harassment', kind: 'rule', what: ['when'] }]);
    const regions: string[] = json.changes.map((c: { region: string }) => c.region);
    expect(regions.some((r) => r.includes('categories has harassment and author.followers in 50_001..100_000'))).toBe(true);
    expect(regions.some((r) => r.startsWith('date >= 2021-01-01'))).toBe(true);
    expect(regions.every((r) => r.startsWith('date '))).toBe(true);
  });

  it('a file PATH: its siblings come from REV as well', async () => {
    const result = await runCli(['diff', '--git', 'HEAD', join(repo, 'set', 'v1.policy')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('author.followers in 50_001..100_000');
  });

  it('exits 0 when the working tree has no semantic change', async () => {
    const result = await runCli(['diff', '--git', 'HEAD', join(repo, 'set', 'rules.policy').replace('rules.policy', 'v1.policy'), '--format', 'json']);
    expect(JSON.parse(result.stdout).summary.changed).toBe(true);
    git('stash', '-u', '-q');
    try {
      const same = await runCli(['diff', '--git', 'HEAD', join(repo, 'set')]);
      expect(same.code).toBe(0);
      expect(same.stdout).toContain('no decision changes');
    } finally {
      git('stash', 'pop', '-q');
    }
  });

  it('exits 2 on a bad revision or a path missing at REV', async () => {
    const bad = await runCli(['diff', '--git', 'no-such-rev', join(repo, 'set')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown git revision `no-such-rev`');
    const missing = await runCli(['diff', '--git', 'HEAD', join(repo, 'set', 'v2.policy')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist at HEAD');
    expect(readFileSync(join(repo, 'set', 'v2.policy'), 'utf8')).toContain('exemption verified');
  });
});
