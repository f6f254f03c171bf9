import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/**
 * The CLI as a careless or hostile user meets it: files cut short, folders where files belong,
 * outputs onto inputs, writes that fail, pipes closed early. Each case once lost data, crashed
 * (exit 70) or printed something misleading, as described beside it.
 */

function temp(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'bylaw-hostile-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A whole policy in one file, formatted. */
const SMALL = `scale Action { allow < remove }

record Post {
  date: date,
  spam: bool,
}

input post: Post

rule spam
  when post.spam
  then remove
  because "No spam."

default allow
`;
const twitterCases = JSON.parse(readFileSync('test/golden/twitter.cases.json', 'utf8')) as { cases: { input: Record<string, unknown> }[] };
const POST = JSON.stringify(twitterCases.cases[0]!.input);
const CUT_SHORT = 'policy x\nversion "1"\neffective 2020-01-01\nrule r when';

describe('a policy set whose every file has a syntax error', () => {
  // The loader named the set after a file it never read: `Cannot read properties of undefined`, exit 70.
  it('is reported with its place by every command that loads it (exit 1; diff, whose 1 means a change, 2)', async () => {
    const dir = temp({ 'set/v1.policy': CUT_SHORT, 'posts.jsonl': `${POST}\n`, 'cases.json': '{"cases": []}' });
    const set = join(dir, 'set');
    for (const argv of [
      ['check', set],
      ['decide', set],
      ['compile', set, '-o', join(dir, 'out')],
      ['test', set, '--cases', join(dir, 'cases.json')],
      ['replay', set, '--input', join(dir, 'posts.jsonl')],
      ['diff', set, 'policies/twitter'],
      ['verify', dir],
    ]) {
      const r = await runCli(argv, { stdin: POST });
      expect(r.code, argv.join(' ')).toBe(argv[0] === 'diff' ? 2 : 1);
      expect(r.stderr + r.stdout, argv.join(' ')).toContain(`error[BL002]: expected a condition, found the end of the file\n  --> ${set}/v1.policy:4:12\n`);
      expect(r.stderr, argv.join(' ')).not.toContain('internal error');
    }
  });
});

describe('no input file is overwritten or cut short', () => {
  it.runIf(process.platform === 'linux')('`bylaw fmt` whose write fails leaves the policy whole (and says why)', () => {
    // fmt wrote in place: a write that failed part-way (a full disk; here the file-size limit)
    // left the policy truncated. It now writes a temporary file and renames it.
    const dir = temp();
    const file = join(dir, 'big.policy');
    const rules = Array.from({ length: 80 }, (_, i) => `rule r${i} when post.n > ${i} then remove because "rule number ${i}, with a long because text"`);
    const text = `scale Action { allow <  remove }\nrecord Post { n: int }\ninput post: Post\ndefault allow\n${rules.join('\n')}\n`;
    writeFileSync(file, text);
    // 4 KiB may be written (`ulimit -f` counts 1024-byte blocks); the formatted policy is longer.
    const r = spawnSync('sh', ['-c', `ulimit -f 4 && exec "${process.execPath}" bin/bylaw.js fmt "${file}"`], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`error: cannot write ${file}: file too large (EFBIG)\n`);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['big.policy']);
  });

  it('`bylaw compile -o DIR` refuses to write over a policy file it reads', async () => {
    // A policy named explicitly may have any name: `compile index.ts -o .` replaced the policy
    // with its own compiled module, and `--target sql` did the same to `posts_decisions.sql`.
    for (const [name, target] of [['index.ts', 'ts'], ['index.js', 'js'], ['index.d.ts', 'js'], ['posts_decisions.sql', 'sql']] as const) {
      const dir = temp({ [name]: SMALL });
      const r = await runCli(['compile', join(dir, name), '-o', dir, '--target', target]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toBe(`error: \`${join(dir, name)}\`, written by \`-o ${dir}\`, would overwrite \`${join(dir, name)}\`, which this command reads; compile to another folder\n`);
      expect(readFileSync(join(dir, name), 'utf8'), name).toBe(SMALL);
      expect(readdirSync(dir), name).toEqual([name]);
    }
  });

  it('`replay --statements` and `--output` naming one new file is refused before either is written', async () => {
    // Neither existed, so neither was "read": the statements were written, then replaced by the decisions.
    const dir = temp({ 'posts.jsonl': `${POST}\n` });
    const r = await runCli(['replay', 'policies/twitter', '--input', join(dir, 'posts.jsonl'), '--output', join(dir, 'out.jsonl'), '--statements', `${dir}/./out.jsonl`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: \`--statements ${dir}/./out.jsonl\` and \`--output ${join(dir, 'out.jsonl')}\` are the same file: the second would replace the first; give each its own\n`);
    expect(readdirSync(dir)).toEqual(['posts.jsonl']);
  });
});

describe('folders and files in the wrong place', () => {
  it('`verify --cases-dir` naming a file, or a folder that does not exist, is a usage error', async () => {
    // A file ended in an internal error (ENOTDIR, exit 70); a mistyped folder passed with no case run.
    const dir = temp({ 'cases.json': '{}' });
    const file = await runCli(['verify', 'policies', '--cases-dir', join(dir, 'cases.json')]);
    expect(file).toMatchObject({ code: 2, stderr: `error: --cases-dir ${join(dir, 'cases.json')} is not a folder\n`, stdout: '' });
    const missing = await runCli(['verify', 'policies', '--cases-dir', join(dir, 'golden')]);
    expect(missing).toMatchObject({ code: 2, stderr: `error: no such folder: ${join(dir, 'golden')} (--cases-dir)\n`, stdout: '' });
  });

  // Root reads every folder: run as nobody, when this runs as root and can switch.
  const asRoot = process.getuid?.() === 0;
  const canDrop = asRoot && spawnSync('setpriv', ['--version']).status === 0;
  it.runIf(process.platform === 'linux' && (!asRoot || canDrop))('a folder that cannot be listed is a usage error naming it, not a crash', () => {
    // readdir's EACCES reached main as an internal error (exit 70) in check, fmt and verify.
    const dir = temp({ 'set/a.policy': SMALL, 'set/locked/b.policy': SMALL });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'set'), 0o755);
    chmodSync(join(dir, 'set', 'locked'), 0o000);
    const bylaw = (...args: string[]) =>
      asRoot
        ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, 'bin/bylaw.js', ...args], { encoding: 'utf8' })
        : spawnSync(process.execPath, ['bin/bylaw.js', ...args], { encoding: 'utf8' });
    try {
      for (const command of ['check', 'fmt']) {
        const r = bylaw(command, join(dir, 'set'));
        expect(r.status, command).toBe(2);
        expect(r.stderr, command).toBe(`error: cannot read the folder ${join(dir, 'set', 'locked')}: permission denied (EACCES)\n`);
      }
    } finally {
      chmodSync(join(dir, 'set', 'locked'), 0o755);
    }
  });

  it.runIf(process.platform === 'linux' && (!asRoot || canDrop))('a policy file that cannot be read is a usage error (exit 2), as a missing one is', () => {
    // check reported BL106 and exited 1, decide and compile failed on it as a policy error.
    const dir = temp({ 'a.policy': SMALL, 'in.json': '{"date": "2024-01-01", "spam": true}' });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'in.json'), 0o644);
    chmodSync(join(dir, 'a.policy'), 0o000);
    const bylaw = (...args: string[]) =>
      asRoot
        ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, 'bin/bylaw.js', ...args], { encoding: 'utf8' })
        : spawnSync(process.execPath, ['bin/bylaw.js', ...args], { encoding: 'utf8' });
    const policy = join(dir, 'a.policy');
    for (const args of [['check', policy], ['decide', policy, '--input', join(dir, 'in.json')], ['compile', policy, '-o', join(dir, 'out')]]) {
      const r = bylaw(...args);
      expect(r.status, args[0]).toBe(2);
      expect(r.stderr, args[0]).toBe(`error: cannot read ${policy}: permission denied (EACCES)\n`);
    }
  });
});

describe('a policy named twice', () => {
  it('is checked once: `check a.policy ./a.policy`, a folder and a folder inside it', async () => {
    const dir = temp({ 'set/a.policy': SMALL.replace('spam: bool', 'spam: boo') });
    const all = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;
    const twice = await runCli(['check', join(dir, 'set', 'a.policy'), `${dir}/set/./a.policy`]);
    expect(twice.code).toBe(1);
    expect(all(twice).match(/error\[BL203\]/g)).toHaveLength(1);
    expect(all(twice)).toContain('checked 1 policy: 1 error');
    const nested = await runCli(['check', dir, join(dir, 'set')]);
    expect(all(nested).match(/error\[BL203\]/g)).toHaveLength(1);
  });
});

describe('nothing tested is not a pass', () => {
  it('a case file with no case is malformed (exit 2), in test and verify', async () => {
    // `{"cases": []}` printed `0 passed, 0 failed` and exited 0: a file emptied by mistake passed CI.
    const dir = temp({ 'twitter.cases.json': '{"policy": "twitter", "cases": []}' });
    const file = join(dir, 'twitter.cases.json');
    const says =
      `error[BL602]: cases: no cases: a case file holds at least one\n  --> ${file}:1:32\n` +
      '  |\n1 | {"policy": "twitter", "cases": []}\n  | ' + ' '.repeat(31) + '^^\n' +
      '   = help: add a case `{ "id": …, "input": …, "expect": … }`: a file that tests nothing must not pass\n\n' +
      'error: malformed case file: 1 error; no case was run\n';
    expect(await runCli(['test', 'policies/twitter', '--cases', file])).toMatchObject({ code: 2, stdout: '', stderr: says });
    const verify = await runCli(['verify', 'policies', '--cases-dir', dir]);
    expect(verify.code).toBe(2);
    expect(verify.stderr).toBe(says);
  });
});

describe('standard input and output', () => {
  it('`decide --input -` reads standard input', async () => {
    // It looked for a file named `-`.
    const r = await runCli(['decide', 'policies/twitter', '--input', '-'], { stdin: POST });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await runCli(['decide', 'policies/twitter'], { stdin: POST })).stdout);
  });

  it('`replay` says that `-` is not standard input or output, and writes no file named `-`', async () => {
    // `--output -` wrote the decisions to a file named `-` in the current folder.
    const dir = temp({ 'posts.jsonl': `${POST}\n` });
    const input = await runCli(['replay', 'policies/twitter', '--input', '-'], { cwd: dir });
    expect(input).toMatchObject({ code: 2, stderr: 'error: `--input -`: replay reads a file, not standard input; give its path (`--input /dev/stdin` reads a pipe)\n' });
    for (const flag of ['--output', '--statements']) {
      const r = await runCli(['replay', 'policies/twitter', '--input', join(dir, 'posts.jsonl'), flag, '-'], { cwd: dir });
      expect(r, flag).toMatchObject({ code: 2, stderr: `error: \`${flag} -\`: replay writes a file, not standard output, which has its report; give a path (\`./-\` for a file named \`-\`)\n` });
    }
    expect(readdirSync(dir)).toEqual(['posts.jsonl']);
  });

  it('a reader that closes the pipe early does not turn a failure into exit 0', async () => {
    // `bylaw fmt --check | head -1` exited 0 with every file unformatted: the early stop used
    // the process's exit code, which was only set when the command finished.
    const dir = temp(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`p${i}.policy`, SMALL.replace(/\n\n/g, '\n')])));
    expect((await runCli(['fmt', '--check', dir])).code).toBe(1);
    const child = spawn(process.execPath, ['bin/bylaw.js', 'fmt', '--check', dir]);
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(1);
  });
});

describe('what is printed', () => {
  it('replay escapes control, invisible and bidi characters of a bad line quoted in its message', async () => {
    // V8's `Unexpected token` quotes the line: an ESC or NUL in the input reached the terminal raw.
    // A byte order mark and a bidi override were invisible, or reordered the line.
    const dir = temp({ 'posts.jsonl': `\uFEFF${POST}\n\u001b[31m\n\u0000\u0000\n\u202Eabc\n` });
    const r = await runCli(['replay', 'policies/twitter', '--input', join(dir, 'posts.jsonl'), '--jobs', '0']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`posts.jsonl:1: invalid JSON: Unexpected token '\\u{FEFF}', "\\u{FEFF}{"date":""... is not valid JSON\n`);
    expect(r.stderr).toContain(`posts.jsonl:2: invalid JSON: Unexpected token '\\u001b', "\\u001b[31m" is not valid JSON\n`);
    expect(r.stderr).toContain(`posts.jsonl:3: invalid JSON: Unexpected token '\\u0000', "\\u0000\\u0000" is not valid JSON\n`);
    expect(r.stderr).toContain(`posts.jsonl:4: invalid JSON: Unexpected token '\\u{202E}', "\\u{202E}abc" is not valid JSON\n`);
    expect(r.stderr).not.toMatch(/[\u0000\u001b\ufeff\u202e]/);
  });

  it('`fmt --check` escapes control and bidi characters of the policy in its diff, and keeps tabs and CRLF', async () => {
    // The diff printed the policy's bytes: an ESC sequence in a comment cleared the reviewer's screen.
    const dir = temp({ 'c.policy': `${SMALL.replace('scale Action { allow < remove }', 'scale Action { allow <  remove } // \u001b[2J\u202e\tend')}`, 'crlf.policy': SMALL.replace(/\n/g, '\r\n') });
    const r = await runCli(['fmt', '--check', join(dir, 'c.policy'), join(dir, 'crlf.policy')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('\n-scale Action { allow <  remove } // \\u001b[2J\\u{202E}\tend\n+scale Action { allow < remove } // \\u001b[2J\\u{202E}\tend\n');
    expect(r.stdout).toContain('\n-record Post {\r\n');
    expect(r.stdout).not.toMatch(/[\u001b\u202e]/);
  });

  it('JSON that starts with a byte order mark gets a help line, and V8\'s quote of a long line is dropped', async () => {
    // The message was `unexpected token '\u{FEFF}', "\u{FEFF}{"date":""... is not valid JSON`.
    const r = await runCli(['decide', 'policies/twitter'], { stdin: `\uFEFF${POST}` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error\[BL601\]: invalid JSON: unexpected token '\\u\{FEFF\}'\n {2}--> <stdin>:1:1\n/);
    expect(r.stderr).toContain('   = help: the file starts with a byte order mark (U+FEFF), which JSON does not allow; save it as UTF-8 without one\n');
    expect(r.stderr).not.toContain('\uFEFF');
  });

  it('two names of the format flag asking for different formats is a usage error', async () => {
    // The last one won silently: `--format json --error-format github` printed annotations.
    const check = await runCli(['check', 'policies/twitter', '--format', 'json', '--error-format', 'github']);
    expect(check).toMatchObject({ code: 2, stdout: '', stderr: 'error: --format json and --error-format github ask for different formats: give one of them\n' });
    const decide = await runCli(['decide', 'policies/twitter', '--json', '--format', 'human'], { stdin: POST });
    expect(decide).toMatchObject({ code: 2, stdout: '', stderr: 'error: --json and --format human ask for different formats: give one of them\n' });
    // The same format twice is no conflict.
    expect((await runCli(['decide', 'policies/twitter', '--json', '--format', 'json'], { stdin: POST })).code).toBe(0);
  });

  it('`compile --dialect` or `--table` without `--target sql` is a usage error, not a TypeScript module', async () => {
    const dir = temp();
    for (const option of [['--dialect', 'spark'], ['--table', 'lake.posts']]) {
      const r = await runCli(['compile', 'policies/twitter', '-o', dir, ...option]);
      expect(r, option[0]).toMatchObject({ code: 2, stdout: '', stderr: `error: ${option[0]} applies to --target sql only (the target is ts)\n` });
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('write failures are worded like replay\'s: the reason, then the code', async () => {
    const dir = temp({ blocker: '' });
    const r = await runCli(['compile', 'test/compiler/fixtures/small', '-o', join(dir, 'blocker', 'out')]);
    expect(r).toMatchObject({ code: 2, stderr: `error: cannot create ${join(dir, 'blocker', 'out')}: not a directory (ENOTDIR)\n` });
  });
});

