/**
 * The commands that decide with a policy (decide, test, compile, replay) check it without looking
 * for warnings, and check it again in full only when it has errors (src/cli/policy-arg.ts): the
 * output is what a full check gives, warnings beside errors, nothing when there is no error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { WARNED_POLICY as WARNED } from '../support/policies.js';

function policy(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'bylaw-decide-')), 'p.policy');
  writeFileSync(file, text);
  return file;
}

describe('decide with a policy that has warnings', () => {
  it('decides and prints no warning when there is no error', async () => {
    const r = await runCli(['decide', policy(WARNED)], { stdin: '{"flag": false, "n": 2}' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('remove (rule) by rule `s`');
    expect(r.stderr).toBe('');
  });

  it('prints the warnings with the errors when there is one, as `bylaw check` does', async () => {
    const file = policy(`${WARNED}rule t when post.missing then remove because "t"\n`);
    const r = await runCli(['decide', file], { stdin: '{"flag": false, "n": 2}' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('warning[BL401]: context `unused` is never used');
    expect(r.stderr).toContain('error[BL202]');
    expect(r.stderr).toContain(`error: ${file} has errors; fix them first`);
    const check = await runCli(['check', file]);
    for (const line of check.stderr.split('\n').filter((l) => /^(warning|error)\[/.test(l))) expect(r.stderr).toContain(line);
  });
});
