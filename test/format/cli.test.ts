import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { ROOT } from './support.js';

const CANONICAL = 'rule r\n  when a and b\n  then c\n';
const CARELESS = 'rule r when a\n  and b then c';

/** A fresh folder holding `files` (path → text). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bylaw-fmt-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('bylaw fmt --check', () => {
  it('exits 0 and prints nothing when every file is canonical', async () => {
    const dir = folder({ 'a.policy': CANONICAL });
    expect(await runCli(['fmt', '--check', 'a.policy'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 with the name and a unified diff of each unformatted file, and changes nothing', async () => {
    const dir = folder({ 'a.policy': CARELESS, 'b.policy': CANONICAL });
    const result = await runCli(['fmt', '--check', '.'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      ['a.policy', '--- a.policy', '+++ a.policy', '@@ -1,2 +1,3 @@', '-rule r when a', '-  and b then c', '\\ No newline at end of file', '+rule r', '+  when a and b', '+  then c', ''].join('\n'),
    );
    expect(result.stderr).toBe('1 file is not formatted; run `bylaw fmt` to fix\n');
    expect(readFileSync(join(dir, 'a.policy'), 'utf8')).toBe(CARELESS);
  });

  it('exits 2 with the syntax diagnostics of a file that does not parse', async () => {
    const dir = folder({ 'bad.policy': 'rule r when a then\n' });
    const result = await runCli(['fmt', '--check', 'bad.policy'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error[BL002]');
    expect(result.stderr).toContain('--> bad.policy:1:');
  });

  it('exits 2 with a message, not a stack trace, for a missing path', async () => {
    const result = await runCli(['fmt', '--check', 'missing.policy'], { cwd: folder({}) });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'error: no such file or folder: missing.policy\n' });
  });

  it('exits 2 when no path is given', async () => {
    expect((await runCli(['fmt', '--check'])).code).toBe(2);
  });

  it('passes on the repository’s policies and stdlib', async () => {
    const result = await runCli(['fmt', '--check', 'policies', 'stdlib'], { cwd: ROOT });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('bylaw fmt', () => {
  it('rewrites the files that change, prints their names in sorted order, and is then quiet', async () => {
    const dir = folder({ 'z.policy': CARELESS, 'sub/b.policy': CARELESS, 'sub/a.policy': CANONICAL, 'a.policy': CARELESS });
    const first = await runCli(['fmt', '.'], { cwd: dir });
    expect(first).toEqual({ code: 0, stdout: 'a.policy\nsub/b.policy\nz.policy\n', stderr: '' });
    for (const file of ['a.policy', 'sub/a.policy', 'sub/b.policy', 'z.policy']) expect(readFileSync(join(dir, file), 'utf8')).toBe(CANONICAL);
    expect(await runCli(['fmt', '.'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('searches folders for .policy files only, skipping hidden folders and node_modules; formats files named explicitly', async () => {
    const dir = folder({
      'p/a.policy': CARELESS,
      'p/notes.txt': CARELESS,
      'p/.hidden/b.policy': CARELESS,
      'p/node_modules/c.policy': CARELESS,
      'other.txt': CARELESS,
    });
    expect((await runCli(['fmt', 'p', 'other.txt', 'p/a.policy'], { cwd: dir })).stdout).toBe('other.txt\np/a.policy\n');
    expect(readFileSync(join(dir, 'p/.hidden/b.policy'), 'utf8')).toBe(CARELESS);
  });

  it('exits 2 for a folder without policies: a mistyped folder must not pass `fmt --check`', async () => {
    const dir = folder({ 'docs/notes.txt': CARELESS });
    expect(await runCli(['fmt', '--check', 'docs'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'error: no .policy files in docs\n' });
  });

  it('still formats the other files when one does not parse, and exits 2', async () => {
    const dir = folder({ 'a.policy': CARELESS, 'bad.policy': 'rule\n' });
    const result = await runCli(['fmt', '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('a.policy\n');
    expect(readFileSync(join(dir, 'bad.policy'), 'utf8')).toBe('rule\n');
  });
});
