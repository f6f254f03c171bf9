import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { diagnosticAnnotation, escapeData, escapeProperty, workflowCommand } from '../../src/diagnostics/github.js';
import { runCli } from '../support/cli.js';

const BL204 = 'test/fixtures/BL204-not-a-member.policy';

const diagnostic = (over: Partial<Diagnostic> = {}): Diagnostic => ({
  code: 'BL204',
  severity: 'error',
  message: '`world_leadr` is not a member of `Role`',
  span: { file: 'policies/a.policy', start: { offset: 10, line: 3, column: 5 }, end: { offset: 15, line: 3, column: 10 } },
  help: 'did you mean `world_leader`?',
  notes: [],
  ...over,
});

describe('GitHub annotations (--format github)', () => {
  it('escape %, CR and LF in the message, and also : and , in properties (the Actions toolkit rules)', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('C:\\x,y%\n')).toBe('C%3A\\x%2Cy%25%0A');
    expect(workflowCommand('warning', { file: 'a,b:c.policy', line: 1, col: undefined, title: 'T' }, 'm')).toBe('::warning file=a%2Cb%3Ac.policy,line=1,title=T::m');
  });

  it('an error: file, line, col, the inclusive end, the code as title; help on the next line', () => {
    expect(diagnosticAnnotation(diagnostic())).toBe(
      '::error file=policies/a.policy,line=3,col=5,endLine=3,endColumn=9,title=BL204::`world_leadr` is not a member of `Role`%0Ahelp: did you mean `world_leader`?',
    );
  });

  it('a warning with a note, a file name that needs escaping, a span ending at the start of a line', () => {
    const d = diagnostic({
      severity: 'warning',
      code: 'BL401',
      message: 'context `x` is never used: 100%',
      help: undefined,
      notes: [{ message: 'declared here', span: { file: 'b.policy', start: { offset: 0, line: 2, column: 1 }, end: { offset: 1, line: 2, column: 2 } } }],
      span: { file: 'odd, name: x.policy', start: { offset: 0, line: 1, column: 1 }, end: { offset: 12, line: 2, column: 1 } },
    });
    expect(diagnosticAnnotation(d)).toBe('::warning file=odd%2C name%3A x.policy,line=1,col=1,endLine=1,title=BL401::context `x` is never used: 100%25%0Anote: declared here (b.policy:2:1)');
  });

  it('absolute file names inside the workspace become relative to it', () => {
    const d = diagnostic({ span: { ...diagnostic().span, file: '/ci/checkout/repo/policies/a.policy' } });
    expect(diagnosticAnnotation(d, { workspace: '/ci/checkout/repo' })).toContain('::error file=policies/a.policy,');
    expect(diagnosticAnnotation(d, { workspace: '/elsewhere' })).toContain('::error file=/ci/checkout/repo/policies/a.policy,');
  });

  it('bylaw check --format github: one annotation per diagnostic on stdout, the summary on stderr, exit 1', async () => {
    const r = await runCli(['check', '--format', 'github', BL204]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `::error file=${BL204},line=8,col=28,endLine=8,endColumn=38,title=BL204::\`world_leadr\` is not a member of \`Role\`` +
        '%0Anote: `Role` is declared here (stdlib/moderation.policy:7:6)%0Ahelp: did you mean `world_leader`?\n',
    );
    expect(r.stderr).toBe('checked 1 policy: 1 error, 0 warnings\n');
  });

  it('bylaw compile --format github annotates a policy with errors', async () => {
    const r = await runCli(['compile', BL204, '-o', '.scratch/never-written', '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=.*title=BL204::/);
  });
});

describe('--format, the same flag on every command', () => {
  const commands: [string, string][] = [
    ['check', 'human, json, github'],
    ['compile', 'human, json, github'],
    ['decide', 'human, json'],
    ['test', 'human, github'],
    ['verify', 'human, github'],
    ['replay', 'human, github'],
    ['diff', 'text, markdown'],
  ];
  for (const [command, values] of commands) {
    it(`bylaw ${command} --help lists --format <format> (${values})`, async () => {
      const r = await runCli([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('--format <format>');
      expect(r.stdout.replace(/\s+/g, ' ')).toContain(values);
    });
  }

  it('the old names are aliases: --error-format (check) and --json (decide) give what --format gives', async () => {
    expect(await runCli(['check', '--error-format', 'json', BL204])).toEqual(await runCli(['check', '--format', 'json', BL204]));
    const stdin = JSON.stringify(nuclearPost());
    const json = await runCli(['decide', 'policies/twitter', '--format', 'json'], { stdin });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ action: expect.any(String), basis: expect.any(String) });
    expect(await runCli(['decide', 'policies/twitter', '--json'], { stdin })).toEqual(json);
    expect((await runCli(['decide', 'policies/twitter'], { stdin })).stdout).not.toBe(json.stdout);
  });

  it('an unknown format is a usage error naming the accepted ones', async () => {
    const r = await runCli(['decide', 'policies/twitter', '--format', 'yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown format `yaml` (use human or json)');
    const alias = await runCli(['check', '--error-format', 'xml', BL204]);
    expect(alias.code).toBe(2);
    expect(alias.stderr).toContain('unknown format `xml` (use human, json or github)');
  });
});

function nuclearPost(): unknown {
  return {
    date: '2018-01-02',
    author: { handle: 'leader', role: 'world_leader', verified: true, followers: 5_000_000, strikes: 0 },
    target: 'state',
    categories: ['violent_threat'],
    topic: 'foreign_policy',
    public_interest: true,
    offline_harm_risk: 'none',
  };
}
