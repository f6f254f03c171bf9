import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { formatPolicy } from '../../src/format/format.js';
import { runCli } from '../support/cli.js';

/** A broken printer stands in for a formatter bug: the re-parse check must catch what it does. */
const broken = vi.hoisted(() => ({ output: '' }));
vi.mock('../../src/format/print-file.js', () => ({ printFile: () => broken.output }));

describe('the re-parse safety check', () => {
  it('refuses output that means something else, naming the file and the place', async () => {
    broken.output = 'default deny\n';
    expect(await formatPolicy('default allow\n', 'p.policy')).toEqual({
      kind: 'internal-error',
      message: 'formatting `p.policy` would change the policy (at items[0].actions[0].member.name); nothing was written',
    });
  });

  it('refuses output that loses a comment or does not parse', async () => {
    broken.output = 'default allow\n';
    expect(await formatPolicy('default allow // why\n', 'p.policy')).toMatchObject({ kind: 'internal-error', message: expect.stringContaining('comments.length') });
    broken.output = 'default\n';
    expect(await formatPolicy('default allow\n', 'p.policy')).toMatchObject({ kind: 'internal-error', message: expect.stringContaining('does not parse') });
  });

  it('makes `bylaw fmt` write nothing and fail as an internal error', async () => {
    broken.output = 'default deny\n';
    const dir = mkdtempSync(join(tmpdir(), 'bylaw-fmt-'));
    writeFileSync(join(dir, 'p.policy'), 'default   allow\n');
    const result = await runCli(['fmt', 'p.policy'], { cwd: dir });
    expect(result.code).toBe(70);
    expect(result.stderr).toContain('internal error: formatting `p.policy` would change the policy');
    expect(readFileSync(join(dir, 'p.policy'), 'utf8')).toBe('default   allow\n');
  });
});
