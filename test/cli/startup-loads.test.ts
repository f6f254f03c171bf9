/**
 * What a `bylaw decide` process loads, in the built CLI (bin/bylaw.js): start-up time is measured
 * in `npm run bench:startup`; this holds the two things scripts/build.ts does for it. jsonc-parser
 * is bundled (its UMD files were required one by one), and commander gets node:child_process
 * (with net and dgram) only when it spawns, which bylaw never asks it to.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cases = JSON.parse(readFileSync('test/golden/twitter.cases.json', 'utf8')) as { cases: { input: unknown }[] };

function decide(input: string): { status: number | null; stdout: string; stderr: string; builtins: string[]; required: string[] } {
  const loaded = join(mkdtempSync(join(tmpdir(), 'bylaw-loads-')), 'loaded.json');
  const r = spawnSync(process.execPath, ['--require', './test/cli/fixtures/report-loaded.cjs', 'bin/bylaw.js', 'decide', 'policies/twitter'], {
    input,
    encoding: 'utf8',
    env: { ...process.env, BYLAW_LOADED: loaded },
  });
  const { builtins, required } = JSON.parse(readFileSync(loaded, 'utf8')) as { builtins: string[]; required: string[] };
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, builtins, required };
}

describe('bylaw decide (built CLI) loads', () => {
  it('no child_process, and no file of jsonc-parser from node_modules', () => {
    const r = decide(JSON.stringify(cases.cases[0]!.input));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^allow \(exemption\) by rule `violent_threat`/);
    expect(r.builtins).not.toContain('NativeModule child_process');
    expect(r.builtins).not.toContain('NativeModule dgram');
    expect(r.required.filter((path) => path.includes('jsonc-parser'))).toEqual([]);
  });

  it('the bundled jsonc-parser still finds how numbers were written and where JSON breaks', () => {
    const fractional = decide(JSON.stringify(cases.cases[0]!.input).replace('"strikes":0', '"strikes":0.0'));
    expect(fractional.status).toBe(2);
    expect(fractional.stderr).toContain('author.strikes: expected int, got 0.0');
    const broken = decide('{"date": "2019-01-01",\n  "author": }');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('error[BL601]: invalid JSON: unexpected token \'}\'\n  --> <stdin>:2:13\n');
  });
});
