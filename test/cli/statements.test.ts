import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateStatement } from '../../src/statements/index.js';
import { runCli } from '../support/cli.js';

/**
 * `bylaw decide --statement-of-reasons` and `bylaw replay --statements`: the statements of the
 * policies' own `statement` declarations, with the deployment beside each policy set.
 */

interface Case {
  readonly id: string;
  readonly input: Record<string, unknown>;
}
const cases = (set: string): Case[] => JSON.parse(readFileSync(`test/golden/${set}.cases.json`, 'utf8')).cases;
const find = (set: string, id: string) => cases(set).find((c) => c.id === id)!.input;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bylaw-statements-'));
});

describe('bylaw decide --statement-of-reasons', () => {
  it('prints the statement, with the content date from the input field the deployment names', async () => {
    const input = find('meta', 'unrest-protocol-one-month-2021');
    const r = await runCli(['decide', 'policies/meta', '--statement-of-reasons'], { stdin: JSON.stringify(input) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const statement = JSON.parse(r.stdout);
    expect(validateStatement(statement)).toEqual([]);
    expect(statement).toMatchObject({
      decision_account: 'DECISION_ACCOUNT_SUSPENDED',
      end_date_account_restriction: '2021-10-14',
      content_date: input.posted,
      application_date: input.date,
    });
    expect(statement.puid).toMatch(/^meta-h-[0-9a-f]{64}$/);
  });

  it('prints null for a decision that restricts nothing', async () => {
    const r = await runCli(['decide', 'policies/meta', '--statement-of-reasons', '--json'], { stdin: JSON.stringify(find('meta', 'politician-presumed-newsworthy-2019')) });
    expect([r.code, r.stdout.trim(), r.stderr]).toEqual([0, 'null', '']);
  });

  it('takes --deployment, and refuses an invalid one with every problem', async () => {
    const file = join(dir, 'bad-deployment.json');
    writeFileSync(file, JSON.stringify({ puidPrefix: 'a b', contentType: [], notice: {} }));
    const r = await runCli(['decide', 'policies/youtube', '--statement-of-reasons', '--deployment', file], { stdin: JSON.stringify(find('youtube', 'first-strike-one-week-2019')) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`error: ${file} is not a valid deployment config:`);
    expect(r.stderr).toContain('  puidPrefix: the PUID prefix must be 1 to 64 letters, digits, `-` or `_`');
    expect(r.stderr).toContain('  notice.appealUrl: the notice needs the URL where people appeal');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says what is missing when there is no deployment', async () => {
    const folder = mkdtempSync(join(dir, 'no-deployment-'));
    const policy = join(folder, 'lone.policy');
    writeFileSync(policy, 'use moderation\ninput post: Post\ndefault allow\nrule r when post.public_interest then remove because "x"\n');
    const r = await runCli(['decide', policy, '--statement-of-reasons'], { stdin: JSON.stringify(find('twitter', 'suspension-incitement-2021')) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: a statement of reasons needs the platform's deployment config: give \`--deployment FILE\`, or keep it in ${join(folder, 'deployment.json')}`);
  });

  it('is a usage error, not a crash, when the policy has no `statement` or the date is out of the database\'s range', async () => {
    const folder = mkdtempSync(join(dir, 'unmapped-'));
    writeFileSync(join(folder, 'p.policy'), 'use moderation\ninput post: Post\ndefault allow\nrule r when post.public_interest then remove because "x"\n');
    writeFileSync(join(folder, 'deployment.json'), readFileSync('policies/twitter/deployment.json'));
    const post = { ...find('twitter', 'suspension-incitement-2021'), public_interest: true };
    const unmapped = await runCli(['decide', join(folder, 'p.policy'), '--statement-of-reasons'], { stdin: JSON.stringify(post) });
    expect(unmapped.code).toBe(2);
    expect(unmapped.stderr).toContain('error: no statement of reasons: version `p` of `p` has no `statement` declarations');
    const early = await runCli(['decide', 'policies/twitter', '--statement-of-reasons'], { stdin: JSON.stringify(find('twitter', 'leader-private-information-2019')) });
    expect(early.code).toBe(2);
    expect(early.stderr).toContain("error: no statement of reasons: `applicationDate` 2019-");
    expect(early.stderr).toContain('  help: the database takes the day the restrictions start from 2020-01-01');
  });
});

describe('bylaw decide --notice', () => {
  const input = () => find('meta', 'unrest-protocol-one-month-2021');

  it('prints the notice as plain text, and as Markdown with `--notice markdown`: the interpreter\'s notice', async () => {
    const json = await runCli(['decide', 'policies/meta', '--notice', '--format', 'json'], { stdin: JSON.stringify(input()) });
    expect([json.code, json.stderr]).toEqual([0, '']);
    const notice = JSON.parse(json.stdout);
    expect(Object.keys(notice)).toEqual(['subject', 'text', 'markdown']);
    expect(notice.text).toContain('WHAT WE DID');
    expect(notice.markdown).toContain('### What we did');
    const text = await runCli(['decide', 'policies/meta', '--notice'], { stdin: JSON.stringify(input()) });
    expect([text.code, text.stderr, text.stdout]).toEqual([0, '', notice.text]);
    const markdown = await runCli(['decide', 'policies/meta', '--notice', 'markdown'], { stdin: JSON.stringify(input()) });
    expect([markdown.code, markdown.stderr, markdown.stdout]).toEqual([0, '', notice.markdown]);
    // The notice names the same reference as the statement.
    const statement = await runCli(['decide', 'policies/meta', '--statement-of-reasons'], { stdin: JSON.stringify(input()) });
    expect(notice.text).toContain(`Reference for this decision: ${JSON.parse(statement.stdout).puid}`);
  });

  it('prints no notice for a decision that restricts nothing (null as JSON)', async () => {
    const stdin = JSON.stringify(find('meta', 'politician-presumed-newsworthy-2019'));
    const r = await runCli(['decide', 'policies/meta', '--notice'], { stdin });
    expect([r.code, r.stdout, r.stderr.trim()]).toEqual([0, '', 'no notice: the decision restricts nothing']);
    const json = await runCli(['decide', 'policies/meta', '--notice', '--json'], { stdin });
    expect([json.code, json.stdout.trim(), json.stderr]).toEqual([0, 'null', '']);
  });

  it('refuses an unknown style, and --notice with --statement-of-reasons or --explain (exit 2, no stack)', async () => {
    const stdin = JSON.stringify(input());
    const style = await runCli(['decide', 'policies/meta', '--notice', 'html'], { stdin });
    expect(style.code).toBe(2);
    expect(style.stderr).toContain('unknown notice style `html` (use text or markdown)');
    for (const other of ['--statement-of-reasons', '--explain']) {
      const r = await runCli(['decide', 'policies/meta', '--notice', other], { stdin });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('print different things: give one of them');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('says why there is no notice when none can be built (a date before the database takes one)', async () => {
    const r = await runCli(['decide', 'policies/twitter', '--notice'], { stdin: JSON.stringify(find('twitter', 'leader-private-information-2019')) });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain('error: no notice: `applicationDate` 2019-');
    expect(r.stderr).toContain('  help: the database takes the day the restrictions start from 2020-01-01');
  });

  it('escapes control characters of policy texts in the terminal, keeping the notice\'s lines', async () => {
    const folder = mkdtempSync(join(dir, 'control-'));
    cpSync('policies/twitter', folder, { recursive: true });
    // Every `because` text starts with an escape sequence that would recolour a terminal.
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.policy'))) {
      const text = readFileSync(join(folder, file), 'utf8');
      writeFileSync(join(folder, file), text.replaceAll('because "', 'because "\\u{1B}[31m'));
    }
    const inputs = cases('twitter').map((c) => c.input);
    let checked = 0;
    for (const stdin of inputs.filter((i) => String(i.date) >= '2020-01-01').map((i) => JSON.stringify(i))) {
      const r = await runCli(['decide', folder, '--notice'], { stdin });
      if (r.code !== 0 || r.stdout === '') continue;
      expect(r.stdout).not.toContain('\u001b');
      expect(r.stdout.split('\n').length).toBeGreaterThan(10);
      if (r.stdout.includes('\\u001b[31m')) checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('bylaw replay --statements', () => {
  const corpus = (set: string, extra: string[] = []) => {
    const file = join(dir, `${set}-${extra.length}.jsonl`);
    writeFileSync(file, [...cases(set).map((c) => JSON.stringify({ id: c.id, ...c.input })), ...extra].join('\n') + '\n');
    return file;
  };

  it('writes one valid statement per restricting line, in order, and replays as before', async () => {
    const input = corpus('meta', ['not json', '{"date": "2024-01-01"}']);
    const out = join(dir, 'meta-statements.jsonl');
    // The interpreter replays a Bylaw 2 set (the statements are the interpreter's either way).
    const r = await runCli(['replay', 'policies/meta', '--input', input, '--statements', out, '--jobs', '0', '--engine', 'interpreter', '--no-fast']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`statements of reasons: 15 written to ${out}\n`);
    expect(r.stdout).toContain('decided 16, bad lines 2');
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    const restricting = cases('meta').filter((c) => c.id !== 'politician-presumed-newsworthy-2019');
    expect(lines.map((s) => s.puid)).toEqual(restricting.map((c) => `meta-i-${c.id}`));
    expect(lines.map((s) => s.content_date)).toEqual(restricting.map((c) => c.input.posted));
    for (const statement of lines) expect(validateStatement(statement)).toEqual([]);
  });

  it('lists the statements it cannot build and fails, writing the others', async () => {
    const cs = cases('twitter');
    const input = corpus('twitter', [JSON.stringify({ id: cs[13]!.id, ...cs[13]!.input })]);
    const out = join(dir, 'twitter-statements.jsonl');
    const r = await runCli(['replay', 'policies/twitter', '--input', input, '--statements', out, '--jobs', '0']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`statements of reasons: 1 written to ${out}, 8 could not be built (listed on stderr)`);
    expect(r.stderr).toContain(`${input}:2: no statement of reasons: \`applicationDate\` 2018-`);
    expect(r.stderr).toContain(`${input}:15: no statement of reasons: its PUID \`twitter-i-suspension-incitement-2021\` is line 14's too`);
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(1);
  });

  it('never writes over a file it reads', async () => {
    const input = corpus('meta');
    const r = await runCli(['replay', 'policies/meta', '--input', input, '--statements', input, '--jobs', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`\`--statements ${input}\` would overwrite \`${input}\``);
  });
});
