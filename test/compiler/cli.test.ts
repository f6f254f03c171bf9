/** `bylaw compile`, in process: files written, targets, and failures with the right exit codes. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/compiler/index.js';
import { runCli } from '../support/cli.js';
import { load } from './support.js';

const temp = () => mkdtempSync(join(tmpdir(), 'bylaw-compile-'));

describe('bylaw compile', () => {
  it('writes index.ts by default: the generated text, exactly', async () => {
    const out = join(temp(), 'nested', 'out');
    const r = await runCli(['compile', 'policies/twitter', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${join(out, 'index.ts')}\n`);
    expect(r.stderr).toContain('compiled twitter.world_leaders (3 versions)');
    const expected = generate(load('policies/twitter'), { target: 'ts' }).files[0]!.text;
    expect(readFileSync(join(out, 'index.ts'), 'utf8')).toBe(expected);
  });

  it('--target js writes index.js and index.d.ts (and a package.json: below)', async () => {
    const out = temp();
    const r = await runCli(['compile', 'test/compiler/fixtures/small', '--out', out, '--target', 'js']);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'index.js'))).toBe(true);
    expect(readFileSync(join(out, 'index.d.ts'), 'utf8')).toContain('export declare function decide(input: Message): Decision;');
    const m = (await import(join(out, 'index.js'))) as { decide(input: unknown): { action: string } };
    expect(m.decide({ date: '2024-08-01', posted: '2024-08-01', author: { kind: 'member', verified: false, reports: 3 }, tags: ['spam'] }).action).toBe('hide');
  });

  it('--target js runs in a CommonJS package (what `npm init -y` makes): a package.json beside it says module', async () => {
    // index.js is an ES module; under `"type": "commonjs"` Node read it as CommonJS, and both
    // `import` and `require` failed with a SyntaxError.
    const project = temp();
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'empty', version: '1.0.0', type: 'commonjs' }));
    const out = join(project, 'generated');
    const r = await runCli(['compile', 'test/compiler/fixtures/small', '-o', out, '--target', 'js']);
    expect(r).toMatchObject({ code: 0, stdout: ['index.js', 'index.d.ts', 'package.json'].map((f) => `wrote ${join(out, f)}\n`).join('') });
    expect(readFileSync(join(out, 'package.json'), 'utf8')).toBe('{ "type": "module" }\n');
    const input = JSON.stringify({ date: '2024-08-01', posted: '2024-08-01', author: { kind: 'member', verified: false, reports: 3 }, tags: ['spam'] });
    writeFileSync(join(project, 'use.js'), `const m = require('./generated/index.js');\nconsole.log(m.decide(${input}).action);\n`);
    writeFileSync(join(project, 'use.mjs'), `import { decide } from './generated/index.js';\nconsole.log(decide(${input}).action);\n`);
    for (const file of ['use.js', 'use.mjs']) {
      const node = spawnSync(process.execPath, [join(project, file)], { encoding: 'utf8' });
      expect(node.stderr, file).toBe('');
      expect(node.stdout, file).toBe('hide\n');
    }
  });

  it('--target js never replaces a package.json of the folder; one that does not say module gets a warning', async () => {
    for (const [text, warned] of [['{"name":"mine","type":"module"}', false], ['{"name":"mine"}', true], ['not json', true]] as const) {
      const out = temp();
      writeFileSync(join(out, 'package.json'), text);
      const r = await runCli(['compile', 'test/compiler/fixtures/small', '-o', out, '--target', 'js']);
      expect(r.code, text).toBe(0);
      expect(r.stdout, text).not.toContain('package.json');
      expect(readFileSync(join(out, 'package.json'), 'utf8'), text).toBe(text);
      const warning = `warning: ${join(out, 'package.json')} does not say "type": "module", so Node loads ${join(out, 'index.js')} as CommonJS and cannot import it; add "type": "module" to it, or compile into a folder of its own\n`;
      expect(r.stderr.includes(warning), text).toBe(warned);
    }
  });

  it('compiles a policy set with declared outcomes (policies/youtube), and the module decides each outcome', async () => {
    const out = temp();
    const r = await runCli(['compile', 'policies/youtube', '-o', out, '--target', 'js']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('compiled youtube.community_guidelines (2 versions)');
    expect(readFileSync(join(out, 'index.js'), 'utf8')).toBe(generate(load('policies/youtube'), { target: 'js' }).files[0]!.text);
    expect(readFileSync(join(out, 'index.d.ts'), 'utf8')).toContain('export type ChannelDecision =');
    const m = (await import(join(out, 'index.js'))) as { decide(input: unknown): { outcomes: Record<string, { action: string; duration?: string }> } };
    const item = {
      date: '2023-09-01',
      kind: 'video',
      policies: ['harassment'],
      severity: 'standard',
      channel: { warnings: [{ date: '2023-01-01', policy: 'harassment' }], strikes: [{ date: '2023-08-01', policy: 'spam_deceptive' }] },
    };
    expect(m.decide(item).outcomes).toMatchObject({ content: { action: 'remove' }, channel: { action: 'strike', duration: 'P2W' } });
  });

  it('a missing path is a usage error (2), one line, no stack trace', async () => {
    const r = await runCli(['compile', 'no/such/policy', '-o', temp()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: no such file or folder: no/such/policy\n');
  });

  it('a policy with errors prints its diagnostics and exits 1, writing nothing', async () => {
    const dir = temp();
    const file = join(dir, 'broken.policy');
    writeFileSync(file, 'use moderation\ninput post: Post\ndefault allow\nrule r when post.author.followers == world_leader then remove\n');
    const out = join(dir, 'out');
    const r = await runCli(['compile', file, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\[BL\d+\]/);
    expect(r.stderr).toContain('broken.policy:4:');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('bad usage: no -o, an unknown target', async () => {
    expect((await runCli(['compile', 'policies/twitter'])).code).toBe(2);
    const r = await runCli(['compile', 'policies/twitter', '-o', temp(), '--target', 'wasm']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown target `wasm`');
  });

  it('an output path that cannot be written is a usage error', async () => {
    const dir = temp();
    const blocker = join(dir, 'file');
    writeFileSync(blocker, '');
    const r = await runCli(['compile', 'test/compiler/fixtures/small', '-o', join(blocker, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: cannot create .*out: (not a directory \(ENOTDIR\)|a file of that name is in the way)\n$/);
    const taken = await runCli(['compile', 'test/compiler/fixtures/small', '-o', blocker]);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toBe(`error: cannot create ${blocker}: a file of that name is in the way\n`);
  });

  it.runIf(existsSync('/proc/self'))('a folder that refuses children (/proc) is an error, not a hang', () => {
    // Node's mkdirSync(…, { recursive: true }) spins forever here (/proc answers ENOENT), so run
    // the built CLI in a child with a deadline: a regression fails instead of hanging the suite.
    const r = spawnSync(process.execPath, ['bin/bylaw.js', 'compile', 'test/compiler/fixtures/small', '-o', '/proc/bylaw-out/nested'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('error: cannot create /proc/bylaw-out/nested: no such file or directory (ENOENT)\n');
  });
});
