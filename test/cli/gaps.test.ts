import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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
