import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputPath } from '../../src/cases/input-problems.js';
import { MESSAGES } from '../../src/diagnostics/messages.js';
import type { CasePolicyProblem, CaseShapeProblem, InputAbout, JsonSyntaxHint } from '../../src/diagnostics/messages/bl6.js';
import { runCli } from '../support/cli.js';

/**
 * A golden case file's problems point at their place in the file (file:line:col, a code frame
 * and a help), as a policy's do: they used to give a JSON path only (`cases[1].input: missing`),
 * or for invalid JSON a frame of their own without a code or a help.
 */

type Case = { id: string; input: Record<string, unknown>; expect: Record<string, unknown> };
const golden = (JSON.parse(readFileSync('test/golden/twitter.cases.json', 'utf8')) as { cases: Case[] }).cases;
const copy = (): Case[] => JSON.parse(JSON.stringify(golden.slice(0, 3))) as Case[];

function caseFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'bylaw-case-pos-')), 'twitter.cases.json');
  writeFileSync(file, text);
  return file;
}

/** The file as people write it: two-space indents, one key a line. */
const pretty = (cases: unknown, policy = 'twitter') => `${JSON.stringify({ policy, cases }, null, 2)}\n`;

/** `line:col` (1-based) of the `nth` occurrence of `needle` in `text`, counted independently of Bylaw. */
function place(text: string, needle: string, nth = 1): { line: number; column: number; text: string } {
  let offset = -1;
  for (let i = 0; i < nth; i++) offset = text.indexOf(needle, offset + 1);
  expect(offset, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  return { line, column: before[line - 1]!.length + 1, text: text.split('\n')[line - 1]! };
}

/** The code frame render.ts draws: the line, and `^` under `width` characters from `column`. */
function frame(at: { line: number; column: number; text: string }, width: number): string {
  const pad = ' '.repeat(String(at.line).length);
  return `${pad} |\n${at.line} | ${at.text}\n${pad} | ${' '.repeat(at.column - 1)}${'^'.repeat(width)}\n`;
}

const test = (file: string, ...more: string[]) => runCli(['test', 'policies/twitter', '--cases', file, ...more]);

describe('invalid JSON in a case file (BL601)', () => {
  it('a comma before `}`: file:line:col of the `}`, the frame, and a help saying what to delete', async () => {
    const text = '{\n  "policy": "twitter",\n  "cases": [\n    { "id": "a", "input": {}, "expect": { "action": "allow", } }\n  ]\n}\n';
    const file = caseFile(text);
    const r = await test(file);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(
      'error[BL601]: invalid JSON: expected double-quoted property name\n' +
        `  --> ${file}:4:62\n` +
        '  |\n' +
        '4 |     { "id": "a", "input": {}, "expect": { "action": "allow", } }\n' +
        '  |                                                              ^\n' +
        '   = help: JSON allows no comma after the last item: delete the `,`\n' +
        '\n' +
        'error: malformed case file: 1 error; no case was run\n',
    );
  });

  it.each([
    ['a comment', '{"cases": [\n  // the nuclear button\n  {}\n]}', '2:3', "JSON has no comments: delete it, or write it in a case's `note`"],
    ['a file cut short', '{"policy": "twitter",\n "cases": [\n\n', '2:12', 'the file ends before the JSON does: close every `{` and `[` (or the file was cut short)'],
    ['a key without quotes', '{"cases": [{ id: "a" }]}', '1:14', 'JSON strings and keys are in double quotes: `"…"`'],
  ])('%s', async (_, text, where, help) => {
    const file = caseFile(text);
    const r = await test(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error\[BL601\]: invalid JSON: /);
    expect(r.stderr).toContain(`  --> ${file}:${where}\n`);
    expect(r.stderr).toContain(`   = help: ${help}\n`);
  });
});

describe('a malformed case (BL602) and one the policy cannot meet (BL603)', () => {
  it('a case #2 without `input`: the place of that case, its id and path, and what to add', async () => {
    const cases = copy();
    delete (cases[1] as Partial<Case>).input;
    const text = pretty(cases);
    const file = caseFile(text);
    const r = await test(file);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    // The case's object: its `{` is the line before its id.
    const id = place(text, `"id": "${cases[1]!.id}"`);
    const open = { line: id.line - 1, column: id.column - 2, text: text.split('\n')[id.line - 2]! };
    expect(open.text.trim()).toBe('{');
    expect(r.stderr).toBe(
      `error[BL602]: case \`${cases[1]!.id}\`: cases[1].input: missing\n` +
        `  --> ${file}:${open.line}:${open.column}\n` +
        frame(open, 1) +
        '   = help: add `"input"`: the JSON the policy decides, as `bylaw decide` reads it\n' +
        '\n' +
        'error: malformed case file: 1 error; no case was run\n',
    );
  });

  it('an unknown key in `expect` underlines the key; a bad basis its value, with the nearest basis', async () => {
    const cases = copy();
    cases[0]!.expect = { action: 'allow', bassis: 'rule' };
    cases[2]!.expect = { action: 'allow', basis: 'exemptoin' };
    const text = pretty(cases);
    const file = caseFile(text);
    const r = await test(file);
    expect(r.code).toBe(2);
    const key = place(text, '"bassis"');
    const basis = place(text, '"exemptoin"');
    expect(r.stderr).toContain(`error[BL602]: case \`${cases[0]!.id}\`: cases[0].expect.bassis: unknown key (expected action, basis, clause, exemption, version, or \`outcomes\`)\n  --> ${file}:${key.line}:${key.column}\n`);
    expect(r.stderr).toContain(`${frame(key, '"bassis"'.length)}   = help: did you mean \`basis\`?\n`);
    expect(r.stderr).toContain(`cases[2].expect.basis: expected one of redline, rule, exemption, default\n  --> ${file}:${basis.line}:${basis.column}\n`);
    expect(r.stderr).toContain(`${frame(basis, '"exemptoin"'.length)}   = help: did you mean \`exemption\`?\n`);
    // In the order of the file.
    expect(r.stderr.indexOf('bassis')).toBeLessThan(r.stderr.indexOf('exemptoin'));
  });

  it('a duplicate id points at the second, with a note at the first', async () => {
    const cases = copy();
    cases[2]!.id = cases[0]!.id;
    const text = pretty(cases);
    const file = caseFile(text);
    const r = await test(file);
    const first = place(text, `"${cases[0]!.id}"`);
    const second = place(text, `"${cases[0]!.id}"`, 2);
    expect(r.stderr).toContain(`error[BL602]: case \`${cases[0]!.id}\`: cases[2].id: duplicate id \`${cases[0]!.id}\`\n  --> ${file}:${second.line}:${second.column}\n`);
    expect(r.stderr).toContain(`   = note: \`${cases[0]!.id}\` is first used here (${file}:${first.line}:${first.column})\n   = help: rename one of them: ids are unique within a file\n`);
  });

  it('a file for another policy set points at its `policy` field (BL603)', async () => {
    const text = pretty(copy(), 'youtube');
    const file = caseFile(text);
    const r = await test(file);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    const at = place(text, '"youtube"');
    expect(r.stderr).toBe(
      'error[BL603]: policy: the file holds cases for policy `youtube`, not for `twitter`\n' +
        `  --> ${file}:${at.line}:${at.column}\n` +
        frame(at, '"youtube"'.length) +
        '   = help: run it against the `youtube` policy set, or fix its `policy` field\n' +
        '\n' +
        'error: malformed case file: 1 error; no case was run\n',
    );
  });

  it('a clause the policy lacks, on a minified one-line file: the column on that line', async () => {
    const cases = copy();
    cases[1]!.expect = { action: 'remove', clause: 'violent_threatt' };
    const text = JSON.stringify({ policy: 'twitter', cases });
    const file = caseFile(text);
    const r = await test(file);
    expect(r.code).toBe(2);
    const at = place(text, '"violent_threatt"');
    expect(at.line).toBe(1);
    expect(r.stderr).toContain(`error[BL603]: case \`${cases[1]!.id}\`: cases[1].expect.clause: the policy has no red line or rule \`violent_threatt\`\n  --> ${file}:1:${at.column}\n`);
    // A long line is shown around the place, the `^` under it.
    expect(r.stderr).toMatch(/\n1 \| …[^\n]*"clause":"violent_threatt"[^\n]*…\n {2}\| +\^{17}\n {3}= help: did you mean `violent_threat`\?\n/);
  });
});

describe('a case input the policy does not accept (BL604)', () => {
  const followers = readFileSync('stdlib/moderation.policy', 'utf8')
    .split('\n')
    .findIndex((line) => /^\s+followers:/.test(line));

  it('`author.followers: "many"` deep in case #3: its place, the declared type, and the declaration', async () => {
    const cases = copy();
    (cases[2]!.input['author'] as Record<string, unknown>)['followers'] = 'many';
    const text = pretty(cases);
    const file = caseFile(text);
    const r = await test(file);
    expect(r.code).toBe(2);
    // The report on stdout is as before; the diagnostic goes with the policy's, to stderr.
    expect(r.stdout).toBe(`FAIL ${cases[2]!.id}: invalid input in ${file}:\n    author.followers: expected int, got "many"\n2 passed, 1 failed\n`);
    const at = place(text, '"many"');
    expect(r.stderr).toBe(
      `error[BL604]: case \`${cases[2]!.id}\`: cases[2].input.author.followers: expected int, got "many"\n` +
        `  --> ${file}:${at.line}:${at.column}\n` +
        frame(at, '"many"'.length) +
        `   = note: \`followers\` is declared here (stdlib/moderation.policy:${followers + 1}:3)\n` +
        '   = help: the policy declares `followers` of `Account` as `int(0..)`\n\n',
    );
  });

  it('an enum value, a missing field and an undeclared key: each at its place', async () => {
    const cases = copy();
    const input = cases[0]!.input;
    input['target'] = 'planet';
    delete input['topic'];
    input['extra.field'] = 1;
    const text = pretty(cases);
    const file = caseFile(text);
    const r = await test(file);
    expect(r.code).toBe(2);
    const id = cases[0]!.id;
    const planet = place(text, '"planet"');
    const extra = place(text, '"extra.field"');
    const object = place(text, '"input": {');
    expect(r.stderr).toContain(`error[BL604]: case \`${id}\`: cases[0].input.target: expected one of Target (none, individual, public_figure, group, protected_group, state), got "planet"\n  --> ${file}:${planet.line}:${planet.column}\n${frame(planet, 8)}`);
    expect(r.stderr).toContain('   = help: the policy declares `target` of `Post` as `Target`\n');
    // A missing field: the object it is missing from.
    const open = { ...object, column: object.column + '"input": '.length };
    expect(r.stderr).toContain(`error[BL604]: case \`${id}\`: cases[0].input.topic: missing field\n  --> ${file}:${open.line}:${open.column}\n${frame(open, 1)}`);
    expect(r.stderr).toContain('   = help: add it: the policy declares `topic` of `Post` as `Topic`\n');
    // An undeclared key, even one holding a `.`: the key is underlined.
    expect(r.stderr).toContain(`error[BL604]: case \`${id}\`: cases[0].input.extra.field: unknown field of Post\n  --> ${file}:${extra.line}:${extra.column}\n${frame(extra, '"extra.field"'.length)}`);
    expect(r.stderr).toContain('   = help: delete it, or use a field of `Post`: `date`, `author`, `target`, `categories`, `topic`, `public_interest` or `offline_harm_risk`\n');
  });

  it('a date before every version: at the date, with what to do', async () => {
    const cases = copy();
    cases[1]!.input['date'] = '2001-01-01';
    const text = pretty(cases);
    const file = caseFile(text);
    const r = await test(file);
    expect(r.code).toBe(2);
    const at = place(text, '"2001-01-01"');
    expect(r.stderr).toContain(`cases[1].input.date: no version in force on 2001-01-01: the first version takes effect on 2017-09-25\n  --> ${file}:${at.line}:${at.column}\n${frame(at, 12)}`);
    expect(r.stderr).toContain('   = help: a case is decided by the version in force on its date: date it on or after the first version takes effect\n');
  });

  it('a fraction where an int is declared: the number as written, at its place', async () => {
    const text = pretty(copy()).replace('"followers": 46400000', '"followers": 46400000.0');
    const file = caseFile(text);
    const r = await test(file);
    expect(r.code).toBe(2);
    const at = place(text, '46400000.0');
    expect(r.stderr).toContain(`cases[0].input.author.followers: expected int, got 46400000.0\n  --> ${file}:${at.line}:${at.column}\n${frame(at, 10)}`);
  });
});

describe('a case input nested 10,000 levels deep', () => {
  it('its problem is found at its place without running out of stack (it was an internal error, exit 70)', async () => {
    const cases = copy();
    const deep = `${'{"n":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const text = pretty(cases).replace('"input": {', `"input": {"extra": ${deep}, `);
    const file = caseFile(text);
    const r = await test(file);
    expect(r.code).toBe(2);
    const at = place(text, '"extra"');
    expect(r.stderr).toContain(`error[BL604]: case \`${cases[0]!.id}\`: cases[0].input.extra: unknown field of Post\n  --> ${file}:${at.line}:${at.column}\n`);
  });
});

describe('the machine formats carry the place', () => {
  it('--format github: one annotation per problem, with line, column and end', async () => {
    const cases = copy();
    (cases[2]!.input['author'] as Record<string, unknown>)['followers'] = 'many';
    const text = pretty(cases);
    const file = caseFile(text);
    const r = await test(file, '--format', 'github');
    expect(r.code).toBe(2);
    const at = place(text, '"many"');
    expect(r.stdout).toContain(
      `::error file=${file},line=${at.line},col=${at.column},endLine=${at.line},endColumn=${at.column + 5},title=BL604::case \`${cases[2]!.id}\`: cases[2].input.author.followers: expected int, got "many"%0A`,
    );
    const malformed = caseFile('{"cases": [{"id": "a", "input": {}}]}');
    const m = await test(malformed, '--format', 'github');
    expect(m.code).toBe(2);
    expect(m.stdout).toBe(
      `::error file=${malformed},line=1,col=12,endLine=1,endColumn=35,title=BL602::case \`a\`: cases[0].expect: missing%0Ahelp: add \`"expect"\`: the decision the case expects, as \`{ "action": "remove" }\` (\`{ "outcomes": { … } }\` for a policy that declares outcomes)\n`,
    );
  });
});

describe('bylaw verify', () => {
  it('reports a case file problem at its place and goes on with the other sets (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bylaw-case-pos-'));
    const cases = copy();
    delete (cases[1] as Partial<Case>).expect;
    writeFileSync(join(dir, 'twitter.cases.json'), pretty(cases));
    const r = await runCli(['verify', 'policies', '--cases-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error\\[BL602\\]: case \`${cases[1]!.id}\`: cases\\[1\\]\\.expect: missing\\n  --> ${join(dir, 'twitter.cases.json')}:\\d+:5\\n`));
    expect(r.stdout).toContain('== policies/youtube');
  });

  it('an invalid case input is reported at its place, exit 2 (it was 1, a failed case)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bylaw-case-pos-'));
    const cases = copy();
    cases[0]!.input['topic'] = 'sports';
    const text = pretty(cases);
    writeFileSync(join(dir, 'twitter.cases.json'), text);
    const r = await runCli(['verify', 'policies', '--cases-dir', dir]);
    expect(r.code).toBe(2);
    const at = place(text, '"sports"');
    expect(r.stderr).toContain(`cases[0].input.topic: expected one of Topic (none, political_issue, foreign_policy), got "sports"\n  --> ${join(dir, 'twitter.cases.json')}:${at.line}:${at.column}\n`);
  });
});

describe('where validation paths are in the input', () => {
  it('finds keys holding `.`, `[` or control characters (as validation escapes them), and missing ones', () => {
    const input = { a: { 'b.c': [1, { 'd[0]': 2 }] }, '\u001b[31m': 1 };
    expect(inputPath(input, 'a.b.c[1].d[0]')).toEqual({ path: ['a', 'b.c', 1, 'd[0]'], exists: true });
    expect(inputPath(input, '\\u001b[31m')).toEqual({ path: ['\u001b[31m'], exists: true });
    expect(inputPath(input, 'a.missing')).toEqual({ path: ['a', 'missing'], exists: false });
    expect(inputPath(input, '(input)')).toEqual({ path: [], exists: true });
  });
});

describe('the BL6xx texts', () => {
  it('every message is lowercase without a final period, and every one has a help', () => {
    const at = { caseId: 'c', path: 'cases[0]' };
    const span = { file: 'f', start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
    const hints: JsonSyntaxHint[] = ['bom', 'trailing-comma', 'comment', 'single-quote', 'unquoted', 'end', 'other'];
    const shapes: CaseShapeProblem[] = [
      { kind: 'not-an-object' },
      { kind: 'policy-not-string' },
      { kind: 'cases-not-array' },
      { kind: 'no-cases' },
      { kind: 'case-not-object' },
      { kind: 'missing', field: 'id' },
      { kind: 'missing', field: 'input' },
      { kind: 'missing', field: 'expect' },
      { kind: 'bad-id' },
      { kind: 'duplicate-id', id: 'c', first: span },
      { kind: 'expect-not-object' },
      { kind: 'action-not-string' },
      { kind: 'bad-basis', basis: null, bases: ['rule'] },
      { kind: 'unknown-key', key: 'k', keys: ['action'], outcome: null },
      { kind: 'beside-outcomes', key: 'k' },
      { kind: 'outcome-not-object' },
      { kind: 'outcome-action-not-string' },
      { kind: 'bad-duration' },
    ];
    const policy: CasePolicyProblem[] = [
      { kind: 'other-policy', named: 'a', set: 'b' },
      { kind: 'no-outcomes' },
      { kind: 'declares-outcomes', outcomes: ['content'] },
      { kind: 'unknown-outcome', name: 'x', outcomes: ['content'] },
      { kind: 'unknown-action', action: 'x', actions: ['allow'] },
      { kind: 'clause-not-string' },
      { kind: 'default-clause' },
      { kind: 'unknown-clause', clause: 'x', clauses: ['r'] },
      { kind: 'wrong-clause-kind', clause: 'r', is: 'rule' },
      { kind: 'wrong-clause-kind', clause: 'r', is: 'red line' },
      { kind: 'exemption-not-string' },
      { kind: 'unknown-exemption', exemption: 'x', exemptions: [] },
      { kind: 'version-not-string' },
      { kind: 'unknown-version', version: 'x', versions: ['1'] },
    ];
    const abouts: InputAbout[] = [
      { kind: 'field', field: 'f', record: 'R', type: 'int', missing: true, declared: span },
      { kind: 'element', of: 'xs', type: 'E' },
      { kind: 'unknown-field', record: 'R', fields: ['f'] },
      { kind: 'no-version' },
      { kind: 'input', type: 'Post' },
    ];
    const built = [
      ...hints.map((hint) => MESSAGES.BL601({ what: 'unexpected token', hint })),
      ...shapes.map((problem) => MESSAGES.BL602({ caseId: null, path: '', problem })),
      ...policy.map((problem) => MESSAGES.BL603({ ...at, problem })),
      ...abouts.map((about) => MESSAGES.BL604({ ...at, problem: 'expected int, got "x"', about })),
      // Worded for `bylaw decide`'s input: no case, no case file.
      ...hints.map((hint) => MESSAGES.BL601({ what: 'unexpected token', hint, doc: 'input' })),
      ...abouts.map((about) => MESSAGES.BL604({ caseId: null, path: 'author', problem: 'expected int, got "x"', about, doc: 'input' })),
    ];
    for (const { message, help } of built) {
      expect(message[0], message).toBe(message[0]!.toLowerCase());
      expect(message.endsWith('.'), message).toBe(false);
      expect(help, message).toBeTruthy();
    }
  });
});
