import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/** Small gaps between commands, and messages that misled: each case once failed as described. */

function temp(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bylaw-gaps-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('a module given where a policy is needed', () => {
  // `check` found nothing wrong; compile, decide, replay and test said "has errors, run check".
  const module = 'stdlib/moderation.policy';
  const says = `error: ${module} is a module, not a policy: it declares no \`input\`, clause or \`default\`; give a policy file or a policy set (a folder of version files) that \`use\`s it\n`;

  it('check passes it; compile, decide, replay and test say what it is and exit 2', async () => {
    expect(await runCli(['check', module])).toMatchObject({ code: 0, stderr: 'checked 1 policy: 0 errors, 0 warnings\n' });
    const dir = temp({ 'in.jsonl': '{}\n', 'cases.json': '{"cases": []}' });
    for (const argv of [
      ['compile', module, '-o', join(dir, 'out')],
      ['decide', module],
      ['replay', module, '--input', join(dir, 'in.jsonl')],
      ['test', module, '--cases', join(dir, 'cases.json')],
    ]) {
      expect(await runCli(argv, { stdin: '{}' }), argv[0]).toMatchObject({ code: 2, stderr: says, stdout: '' });
    }
  });

  it('a version file that declares nothing to decide is an error in check too', async () => {
    const dir = temp({ 'v1.policy': 'policy x\nversion "1"\neffective 2020-01-01\nuse moderation\n' });
    const check = await runCli(['check', dir]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('error[BL211]: no `input` declared');
    expect(check.stderr).toContain('error[BL211]: no `default` declared');
  });
});

const twitterCases = JSON.parse(readFileSync('test/golden/twitter.cases.json', 'utf8')) as { cases: { id: string; input: Record<string, unknown>; expect: Record<string, unknown> }[] };
const nuclear = twitterCases.cases[0]!;
/** The nuclear-button input as JSON text, with `followers` written as `followers`. */
const withFollowers = (followers: string) => JSON.stringify(nuclear.input).replace(/"followers":\d+/, `"followers":${followers}`);

describe('ints are written as ints', () => {
  // JSON.parse reads 1e-400, 0.0 and -0.0 as 0 and 1.0 as 1: they used to be decided as ints.
  it.each(['1.0', '0.0', '-0.0', '1e-400', '1E2', '46400000.0'])('`bylaw decide` rejects followers %s (exit 2)', async (written) => {
    const r = await runCli(['decide', 'policies/twitter'], { stdin: withFollowers(written) });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain(`error[BL604]: author.followers: expected int, got ${written === '-0.0' ? '-0' : written}\n`);
  });

  it('the same text as an int is decided; a fraction under a wrong type or an unknown key is reported once', async () => {
    expect((await runCli(['decide', 'policies/twitter'], { stdin: withFollowers('1') })).code).toBe(0);
    const text = JSON.stringify({ ...nuclear.input, extra: { n: 1 } })
      .replace('"handle":"realDonaldTrump"', '"handle":2.0')
      .replace('"n":1', '"n":1.0');
    const r = await runCli(['decide', 'policies/twitter'], { stdin: text });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('error'))).toEqual([
      'error[BL604]: author.handle: expected string, got 2',
      'error[BL604]: extra: unknown field of Post',
      'error: <stdin> is not a valid Post: 2 errors; nothing was decided',
    ]);
  });

  it('`bylaw test` reports a case input with a fractional int as invalid, with its path', async () => {
    const dir = temp({ 'cases.json': `{"policy": "twitter", "cases": [{"id": "f", "input": ${withFollowers('5.0')}, "expect": {"action": "allow"}}]}` });
    const r = await runCli(['test', 'policies/twitter', '--cases', join(dir, 'cases.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`FAIL f: invalid input in ${join(dir, 'cases.json')}:\n    author.followers: expected int, got 5.0\n`);
  });
});

describe('JSON syntax errors say line and column, and show the line', () => {
  const STRICT = 'an input is strict JSON: keys and strings in double quotes, commas between items, no comments';
  const QUOTES = 'JSON strings and keys are in double quotes: `"…"`';
  /** BL601 as the renderer draws it: the place, the line shown, a caret under `column`, the help. */
  const bl601 = (what: string, line: number, column: number, shown: string, help: string) =>
    `error[BL601]: invalid JSON: ${what}\n  --> <stdin>:${line}:${column}\n  |\n${line} | ${shown}\n  | ${' '.repeat(column - 1)}^\n   = help: ${help}\n\n` +
    'error: <stdin> is not JSON; nothing was decided\n';
  it.each([
    ['{"a": 1,\n  "b": }', bl601("unexpected token '}'", 2, 8, '  "b": }', STRICT)],
    ['{"a": tru}', bl601("unexpected token '}'", 1, 10, '{"a": tru}', STRICT)],
    ['{"a": 1}\n x', bl601('unexpected non-whitespace character after the JSON value', 2, 2, ' x', QUOTES)],
    ['{"a": 1,}', bl601('expected double-quoted property name', 1, 9, '{"a": 1,}', 'JSON allows no comma after the last item: delete the `,`')],
    ['{"a": "\u001b[2J"}', bl601('bad control character in string literal', 1, 8, '{"a": "·[2J"}', STRICT)],
  ])('%j', async (text, message) => {
    // It used to end "at position 273", or quote the whole input (line breaks and all); then it had no code or help.
    expect(await runCli(['decide', 'policies/twitter'], { stdin: text })).toMatchObject({ code: 2, stderr: message });
  });

  it('a long line is shown around the place only', async () => {
    const text = `{"k": "${'x'.repeat(5000)}" ${'y'.repeat(5000)}}`;
    const r = await runCli(['decide', 'policies/twitter'], { stdin: text });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error\[BL601\]: invalid JSON: expected ',' or '}' after property value\n {2}--> <stdin>:1:5010\n {2}\|\n1 \| …x+" y+…\n/);
    expect(r.stderr.split('\n')[3]!.length).toBeLessThan(200);
  });

  it('a case file too', async () => {
    const dir = temp({ 'cases.json': '{\n  "cases": [,]\n}' });
    const r = await runCli(['test', 'policies/twitter', '--cases', join(dir, 'cases.json')]);
    expect(r).toMatchObject({
      code: 2,
      stderr:
        "error[BL601]: invalid JSON: unexpected token ','\n" +
        `  --> ${join(dir, 'cases.json')}:2:13\n` +
        '  |\n2 |   "cases": [,]\n  |             ^\n' +
        '   = help: a case file is strict JSON: keys and strings in double quotes, commas between items, no comments\n\n' +
        'error: malformed case file: 1 error; no case was run\n',
    });
  });
});

describe('no control character from user text reaches the terminal raw', () => {
  const policy = (because: string) =>
    `use moderation\ninput post: Post\ndefault allow\nrule r\n  when post.author.handle == "realDonaldTrump"\n  then remove\n  because "${because}"\n`;

  it('an unknown input key with escapes and a line break is escaped in the problem list', async () => {
    const text = JSON.stringify({ ...nuclear.input, '\u001b[31mred\nerror: forged': 1 });
    const r = await runCli(['decide', 'policies/twitter'], { stdin: text });
    expect(r.stderr).toMatch(/^error\[BL604\]: \\u001b\[31mred\\u000aerror: forged: unknown field of Post\n/);
    expect(r.stderr).not.toContain('\u001b');
  });

  it('`because` text: escaped by decide, --explain and test; exact in --json', async () => {
    const dir = temp({ 'p.policy': policy('wipes \\u{1B}[2J the screen\\u{8}') });
    const file = join(dir, 'p.policy');
    const input = JSON.stringify(nuclear.input);
    const human = await runCli(['decide', file], { stdin: input });
    expect(human.stdout).toBe('remove (rule) by rule `r` — version p\n  because: wipes \\u001b[2J the screen\\u0008\n');
    const explained = await runCli(['decide', file, '--explain'], { stdin: input });
    expect(explained.stdout).toContain('because: "wipes \\u001b[2J the screen\\b"\n');
    expect(explained.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const json = await runCli(['decide', file, '--json'], { stdin: input });
    expect(JSON.parse(json.stdout).because).toEqual(['wipes \u001b[2J the screen\b']);
    writeFileSync(join(dir, 'cases.json'), JSON.stringify({ policy: 'p', cases: [{ id: 'c\u001b[1m', note: 'a\nFAIL forged', input: nuclear.input, expect: { action: 'allow' } }] }));
    const tested = await runCli(['test', file, '--cases', join(dir, 'cases.json'), '--table']);
    expect(tested.code).toBe(1);
    expect(tested.stdout).toContain('FAIL c\\u001b[1m: expected allow, got remove (rule r)\n    note: a\\u000aFAIL forged\n');
    expect(tested.stdout).toContain('✘  c\\u001b[1m');
    expect(tested.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    // A bidi override in a case id would reorder the FAIL line on screen (Trojan Source): escaped too.
    writeFileSync(join(dir, 'cases.json'), JSON.stringify({ policy: 'p', cases: [{ id: 'c\u202egnissap', input: nuclear.input, expect: { action: 'allow' } }] }));
    const bidi = await runCli(['test', file, '--cases', join(dir, 'cases.json'), '--table']);
    expect(bidi.stdout).toContain('FAIL c\\u{202E}gnissap: expected allow');
    expect(bidi.stdout).toContain('✘  c\\u{202E}gnissap');
    expect(bidi.stdout).not.toContain('\u202e');
  });

  it('raw control characters in strings and comments are BL406 warnings', async () => {
    const dir = temp({ 'p.policy': `// note \u0008\u0008 hidden\n${policy('bell \u0007 and C1 \u009b')}` });
    const r = await runCli(['check', join(dir, 'p.policy')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning[BL406]: comment contains the control character U+0008 BACKSPACE');
    expect(r.stderr).toContain('warning[BL406]: string contains the control character U+0007 BELL');
    expect(r.stderr).toContain('warning[BL406]: string contains the control character U+009B C1 CONTROL');
    expect(r.stderr).toContain('write it as the escape `\\u{7}`');
    expect(r.stderr).toContain('checked 1 policy: 0 errors, 4 warnings');
    // The code frame shows them as `·`.
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('bylaw test: the case file against the policy', () => {
  const file = (dir: string) => join(dir, 'cases.json');
  const caseFile = (policy: string | undefined, expect: Record<string, unknown>[]) =>
    JSON.stringify({ ...(policy === undefined ? {} : { policy }), cases: expect.map((e, i) => ({ id: `c${i}`, input: nuclear.input, expect: e })) });

  it('a case file for another policy set is a usage error naming both (it used to run anyway)', async () => {
    const dir = temp({ 'cases.json': caseFile('youtube', [{ action: 'allow' }]) });
    const r = await runCli(['test', 'policies/twitter', '--cases', file(dir)]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain(`error[BL603]: policy: the file holds cases for policy \`youtube\`, not for \`twitter\`\n  --> ${file(dir)}:1:11\n`);
    expect(r.stderr).toContain('   = help: run it against the `youtube` policy set, or fix its `policy` field\n');
    // Without a `policy` field, or with the right one, the cases run.
    for (const policy of [undefined, 'twitter']) {
      writeFileSync(file(dir), caseFile(policy, [{ action: 'allow' }]));
      expect((await runCli(['test', 'policies/twitter', '--cases', file(dir)])).code).toBe(0);
    }
  });

  it('an action, clause, exemption or version the policy does not have is a malformed case file, not a failed case', async () => {
    const dir = temp({
      'cases.json': caseFile('twitter', [
        { action: 'bann' },
        { action: 'allow', basis: 'exemption', clause: 'violent_threatt', exemption: 'newsworthyy' },
        { action: 'allow', basis: 'redline', clause: 'violent_threat' },
        { action: 'allow', version: '2020' },
        { action: 'allow', basis: 'default', clause: 'violent_threat', outcome: 'x' },
      ]),
    });
    const r = await runCli(['test', 'policies/twitter', '--cases', file(dir)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // Each at its place, in the order of the file; suggestions in the help.
    const lines = r.stderr.split('\n').filter((l) => /^(error|  -->|   = help)/.test(l));
    const at = (code: string, id: string, path: string, message: string, col: number, help: string) => [
      `error[${code}]: case \`${id}\`: ${path}: ${message}`,
      `  --> ${file(dir)}:1:${col}`,
      `   = help: ${help}`,
    ];
    const text = readFileSync(file(dir), 'utf8');
    const col = (needle: string, from = 0) => text.indexOf(needle, from) + 1;
    expect(lines).toEqual([
      ...at('BL603', 'c0', 'cases[0].expect.action', '`bann` is not an action of the policy (allow, notice, remove, lock, suspend)', col('"bann"'), 'expect one of the actions listed'),
      ...at('BL603', 'c1', 'cases[1].expect.clause', 'the policy has no red line or rule `violent_threatt`', col('"violent_threatt"'), 'did you mean `violent_threat`?'),
      ...at('BL603', 'c1', 'cases[1].expect.exemption', 'the policy has no exemption `newsworthyy`', col('"newsworthyy"'), 'did you mean `newsworthy`?'),
      ...at('BL603', 'c2', 'cases[2].expect.clause', '`violent_threat` is a rule, not a red line', col('"clause":"violent_threat"', col('"c2"')) + '"clause":'.length, 'expect the basis `rule` (or `exemption`), or name a red line'),
      ...at('BL603', 'c3', 'cases[3].expect.version', 'the policy has no version `2020` (`2017-09-25`, `2019-06-27`, `2019-10-15`)', col('"2020"'), 'a version is the `version` header of a file of the set'),
      ...at('BL603', 'c4', 'cases[4].expect.clause', 'a decision by default has no clause', col('"clause":"violent_threat"', col('"c4"')) + '"clause":'.length, 'expect `null` or leave `clause` out'),
      ...at('BL602', 'c4', 'cases[4].expect.outcome', 'unknown key (expected action, basis, clause, exemption, version, or `outcomes`)', col('"outcome"'), 'did you mean `outcomes`?'),
      'error: malformed case file: 7 errors; no case was run',
    ]);
  });

  it('expectations read like decisions: no "(exemption exemption …)" or "(rule clause …)"', async () => {
    const dir = temp({
      'cases.json': caseFile('twitter', [
        { action: 'remove', basis: 'exemption', exemption: 'newsworthy' },
        { action: 'remove', basis: 'rule', clause: 'violent_threat' },
        { action: 'allow', clause: 'violent_threat', exemption: null, version: '2017-09-25' },
      ]),
    });
    const r = await runCli(['test', 'policies/twitter', '--cases', file(dir)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL c0: expected remove (exemption via newsworthy), got allow (exemption violent_threat via newsworthy)\n');
    expect(r.stdout).toContain('FAIL c1: expected remove (rule violent_threat), got allow (exemption violent_threat via newsworthy)\n');
    expect(r.stdout).toContain('FAIL c2: expected allow (clause violent_threat no exemption version 2017-09-25), got allow (exemption violent_threat via newsworthy version 2017-09-25)\n');
  });
});
