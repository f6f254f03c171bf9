import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/**
 * `bylaw decide`'s input (a file or standard input) that is not JSON, or not what the policy
 * declares, is reported as a case file's is: a diagnostic with a code at its place (BL601,
 * BL604), a code frame and a help. It used to be a line without a code (`error: <stdin> is not a
 * valid Post:` and the paths). Exit 2 either way.
 */

const post = (JSON.parse(readFileSync('test/golden/twitter.cases.json', 'utf8')) as { cases: { input: Record<string, unknown> }[] }).cases[0]!.input;

function inputFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'bylaw-decide-input-')), 'post.json');
  writeFileSync(file, text);
  return file;
}

const decide = (text: string, file: boolean, ...more: string[]) => {
  const path = file ? inputFile(text) : '-';
  return { path: file ? path : '<stdin>', run: runCli(['decide', 'policies/twitter', '--input', path, ...more], file ? {} : { stdin: text }) };
};

/** The declaration of `followers` in the standard library, counted independently of Bylaw. */
const followersLine = readFileSync('stdlib/moderation.policy', 'utf8')
  .split('\n')
  .findIndex((line) => /^\s+followers:/.test(line)) + 1;

describe.each([
  ['a file', true],
  ['standard input', false],
])('decide --input: %s', (_, file) => {
  it('invalid JSON: BL601 at the place it breaks, the line, and a help for an input', async () => {
    const { path, run } = decide('{"date":"2020-01-01",\n', file);
    expect(await run).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'error[BL601]: invalid JSON: expected double-quoted property name\n' +
        `  --> ${path}:1:22\n` +
        '  |\n1 | {"date":"2020-01-01",\n  |                      ^\n' +
        '   = help: the input ends before the JSON does: close every `{` and `[` (or it was cut short)\n\n' +
        `error: ${path} is not JSON; nothing was decided\n`,
    });
  });

  it('a value of the wrong type and an undeclared key: BL604 each, at the value and at the key', async () => {
    const text = JSON.stringify({ ...post, author: { ...(post['author'] as object), followers: 'many' }, extra: 1 }, null, 2);
    const lines = text.split('\n');
    const many = lines.findIndex((l) => l.includes('"many"'));
    const extra = lines.findIndex((l) => l.includes('"extra"'));
    const { path, run } = decide(text, file);
    const r = await run;
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(
      'error[BL604]: author.followers: expected int, got "many"\n' +
        `  --> ${path}:${many + 1}:18\n` +
        `  |\n${many + 1} | ${lines[many]}\n  | ${' '.repeat(17)}^^^^^^\n` +
        `   = note: \`followers\` is declared here (stdlib/moderation.policy:${followersLine}:3)\n` +
        '   = help: the policy declares `followers` of `Account` as `int(0..)`\n\n' +
        'error[BL604]: extra: unknown field of Post\n' +
        `  --> ${path}:${extra + 1}:3\n` +
        `   |\n${extra + 1} | ${lines[extra]}\n   |   ^^^^^^^\n` +
        '   = help: delete it, or use a field of `Post`: `date`, `author`, `target`, `categories`, `topic`, `public_interest` or `offline_harm_risk`\n\n' +
        `error: ${path} is not a valid Post: 2 errors; nothing was decided\n`,
    );
  });

  it('--json: the diagnostics as JSON on stdout, with their places', async () => {
    const { path, run } = decide('{"date": 1}', file, '--json');
    const r = await run;
    expect(r.code).toBe(2);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { code: string; message: string; file: string; start: { line: number; column: number } }[] };
    expect(diagnostics.map((d) => [d.code, d.file, d.start.line, d.start.column])).toContainEqual(['BL604', path, 1, 10]);
    expect(r.stderr).toBe(`error: ${path} is not a valid Post: ${diagnostics.length} errors; nothing was decided\n`);
  });
});

describe('decide: places in any input', () => {
  it('a key beside a value 10,000 levels deep is found without running out of stack', async () => {
    const text = `{"extra": ${'{"n":'.repeat(10_000)}1${'}'.repeat(10_000)}, ${JSON.stringify(post).slice(1)}`;
    const r = await decide(text, false).run;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error\[BL604\]: extra: unknown field of Post\n {2}--> <stdin>:1:2\n/);
  });

  it('V8\'s quote of the text, cut at its start with `...`, is left out of the message', async () => {
    // The message read `unexpected token '}', ..."author": }" is not valid JSON`.
    const r = await decide('{"date": "2019-01-01",\n  "author": }', false).run;
    expect(r.stderr.split('\n').slice(0, 2)).toEqual(["error[BL601]: invalid JSON: unexpected token '}'", '  --> <stdin>:2:13']);
  });

  it('an input that is not an object: the whole value, with what an input is', async () => {
    const r = await decide('[1]', false).run;
    expect(r.stderr).toBe(
      'error[BL604]: (input): expected an object (Post), got an array\n  --> <stdin>:1:1\n  |\n1 | [1]\n  | ^^^\n' +
        '   = help: an input is the JSON the policy decides: a `Post` object\n\n' +
        'error: <stdin> is not a valid Post: 1 error; nothing was decided\n',
    );
  });
});
