import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const cases = JSON.parse(readFileSync('test/golden/twitter.cases.json', 'utf8')) as { cases: { id: string; input: Record<string, unknown> }[] };
const nuclear = cases.cases[0]!.input;

function temp(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bylaw-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('bylaw check', () => {
  it('passes the shipped policies', async () => {
    const r = await runCli(['check', 'policies', 'stdlib']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('checked 4 policies: 0 errors, 0 warnings');
  });

  it('locates a typo and suggests the fix', async () => {
    const dir = temp({ 'typo.policy': 'use moderation\ninput post: Post\ndefault allow\nrule r\n  when post.author.role == world_leadr\n  then remove\n  because "x"\n' });
    const r = await runCli(['check', join(dir, 'typo.policy')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[BL204]: `world_leadr` is not a member of `Role`');
    expect(r.stderr).toContain(`--> ${join(dir, 'typo.policy')}:5:28`);
    expect(r.stderr).toContain('5 |   when post.author.role == world_leadr');
    expect(r.stderr).toContain('  |                            ^^^^^^^^^^^');
    expect(r.stderr).toContain('= help: did you mean `world_leader`?');
    noStackTrace(r.stderr);
  });

  it('prints diagnostics as JSON on request', async () => {
    const dir = temp({ 'bad.policy': 'use moderation\ninput post: Post\ndefault alow\n' });
    const r = await runCli(['check', '--error-format', 'json', dir]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { diagnostics: { code: string; start: { line: number; column: number }; help: string }[] };
    expect(json.diagnostics).toMatchObject([{ code: 'BL304', start: { line: 3, column: 9 }, help: 'did you mean `allow`?' }]);
  });

  it('exits 2 for a path that does not exist and for bad flags', async () => {
    const missing = await runCli(['check', 'no/such/place']);
    expect(missing).toMatchObject({ code: 2, stderr: 'error: no such file or folder: no/such/place\n' });
    expect((await runCli(['check', '--error-format', 'xml', 'policies'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['check'])).code).toBe(2);
  });

  it('exits 2 for a folder without policies and for a device: nothing checked is not a pass', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'bylaw-empty-'));
    writeFileSync(join(empty, 'notes.txt'), 'not a policy');
    expect(await runCli(['check', 'policies', empty])).toMatchObject({ code: 2, stderr: `error: no .policy files in ${empty}\n` });
    expect(await runCli(['check', '/dev/null'])).toMatchObject({ code: 2, stderr: 'error: /dev/null is not a file or a folder\n' });
  });
});

describe('bylaw decide', () => {
  it('decides an input from a file or stdin', async () => {
    const dir = temp({ 'post.json': JSON.stringify(nuclear) });
    const fromFile = await runCli(['decide', 'policies/twitter', '--input', join(dir, 'post.json')]);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout.split('\n')[0]).toBe('allow (exemption) by rule `violent_threat` via exemption `newsworthy` — version 2017-09-25');
    const fromStdin = await runCli(['decide', 'policies/twitter', '--json'], { stdin: JSON.stringify(nuclear) });
    expect(JSON.parse(fromStdin.stdout)).toMatchObject({ action: 'allow', basis: 'exemption', clause: 'violent_threat', exemption: 'newsworthy', version: '2017-09-25' });
  });

  it('explains a decision', async () => {
    const r = await runCli(['decide', 'policies/twitter', '--explain'], { stdin: JSON.stringify(nuclear) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ rule      violent_threat');
    expect(r.stdout).toContain('not fired: `post.categories has terrorism` is false');
    const json = await runCli(['decide', 'policies/twitter', '--explain', '--json'], { stdin: JSON.stringify(nuclear) });
    expect(JSON.parse(json.stdout).clauses.length).toBeGreaterThan(10);
  });

  it('exits 2 naming the field of a malformed input', async () => {
    const r = await runCli(['decide', 'policies/twitter'], { stdin: JSON.stringify({ ...nuclear, author: { ...(nuclear['author'] as object), followers: 'many' } }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('author.followers: expected int, got "many"');
    noStackTrace(r.stderr);
  });

  it('exits 2 on invalid JSON, empty input, a missing file and a date before every version', async () => {
    const json = await runCli(['decide', 'policies/twitter'], { stdin: '{"date": ' });
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/^error\[BL601\]: invalid JSON: .*\n {2}--> <stdin>:1:\d+\n/);
    expect((await runCli(['decide', 'policies/twitter'], { stdin: '' })).code).toBe(2);
    const file = await runCli(['decide', 'policies/twitter', '--input', 'nope.json']);
    expect(file).toMatchObject({ code: 2, stderr: 'error: no such file: nope.json\n' });
    const early = await runCli(['decide', 'policies/twitter'], { stdin: JSON.stringify({ ...nuclear, date: '2017-09-24' }) });
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('date: no version in force on 2017-09-24: the first version takes effect on 2017-09-25');
  });

  it('exits 1 when the policy itself has errors', async () => {
    const dir = temp({ 'bad.policy': 'use moderation\ninput post: Post\ndefault allow\nrule r when post.nope then remove\n' });
    const r = await runCli(['decide', join(dir, 'bad.policy')], { stdin: '{}' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[BL202]: `Post` has no field `nope`');
  });

  it('reports a problem in a module every version uses once, not once per version', async () => {
    // Twitter's three versions all `use statements` (through rules.policy); take the file away.
    const dir = mkdtempSync(join(tmpdir(), 'bylaw-cli-'));
    cpSync('policies/twitter', dir, { recursive: true });
    rmSync(join(dir, 'statements.policy'));
    for (const args of [['compile', dir, '-o', join(dir, 'out')], ['decide', dir]]) {
      const r = await runCli(args, { stdin: JSON.stringify(nuclear) });
      expect(r.code).toBe(1);
      expect(r.stderr.match(/error\[BL101\]: cannot find module `statements`/g)).toHaveLength(1);
    }
  });
});

describe('bylaw test', () => {
  it('runs the golden cases through both engines', async () => {
    const r = await runCli(['test', 'policies/twitter', '--cases', 'test/golden/twitter.cases.json']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('14 passed, 0 failed');
  });

  it('prints one line per failing case with the source quote, and exits 1', async () => {
    const wrong = { policy: 'twitter', cases: [{ ...cases.cases[0], expect: { action: 'suspend', basis: 'rule' } }] };
    const dir = temp({ 'wrong.json': JSON.stringify(wrong) });
    const r = await runCli(['test', 'policies/twitter', '--cases', join(dir, 'wrong.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL nuclear-button-2018: expected suspend (rule), got allow (exemption violent_threat via newsworthy)');
    expect(r.stdout).toContain('source: 000_5a66b20a1d75e37d.txt: "Twitter has said it will not block world leaders');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });

  it('reports a malformed case file and an invalid case input with file, case and path (exit 2)', async () => {
    const dir = temp({
      'broken.json': JSON.stringify({ cases: [{ id: 'a', input: {} }, { id: 'a', input: {}, expect: { action: 'allow', basis: 'whim' } }] }),
      'invalid.json': JSON.stringify({ cases: [{ id: 'x', input: { ...nuclear, topic: 'sports' }, expect: { action: 'allow' } }] }),
    });
    const broken = await runCli(['test', 'policies/twitter', '--cases', join(dir, 'broken.json')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('error[BL602]: case `a`: cases[0].expect: missing\n');
    expect(broken.stderr).toContain('error[BL602]: case `a`: cases[1].id: duplicate id `a`\n');
    expect(broken.stderr).toContain('error[BL602]: case `a`: cases[1].expect.basis: expected one of redline, rule, exemption, default\n');
    const invalid = await runCli(['test', 'policies/twitter', '--cases', join(dir, 'invalid.json')]);
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toContain('FAIL x: invalid input in');
    expect(invalid.stdout).toContain('topic: expected one of Topic (none, political_issue, foreign_policy), got "sports"');
    noStackTrace(invalid.stderr + invalid.stdout);
  });
});

describe('the installed command', () => {
  it('bin/bylaw.js runs the built CLI with the same exit codes', () => {
    const ok = spawnSync(process.execPath, ['bin/bylaw.js', 'test', 'policies/twitter', '--cases', 'test/golden/twitter.cases.json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/14 passed, 0 failed\n$/);
    const bad = spawnSync(process.execPath, ['bin/bylaw.js', 'decide', 'policies/twitter'], { input: '[]', encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('(input): expected an object (Post), got an array');
    expect(execFileSync(process.execPath, ['bin/bylaw.js', '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('stops quietly when the reader closes the pipe (`bylaw … | head -1`)', async () => {
    // Close our end of stdout before bylaw writes: its first write fails with EPIPE, as after
    // `head -1` exits. bylaw must stop quietly, not die with a stack trace.
    const child = spawn(process.execPath, ['bin/bylaw.js', 'test', 'policies/twitter', '--cases', 'test/golden/twitter.cases.json', '--table']);
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});
