import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/syntax/parse.js';
import { FIXTURES, ROOT, fmt } from './support.js';

/** The plugin as users load it: from dist/ (built once per run by test/setup/build.ts). */
const PLUGIN = './dist/format/prettier-plugin.js';
const CANONICAL = 'test/format/__snapshots__/constructs.policy';
const CARELESS = 'test/format/fixtures/constructs.policy';

async function prettierCli(args: readonly string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = promisify(execFile);
  const child = run(process.execPath, [join(ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--plugin', PLUGIN, ...args], { cwd: ROOT });
  if (stdin !== undefined) child.child.stdin!.end(stdin);
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the prettier plugin, from the prettier CLI', () => {
  it('--check passes canonical files and lists the others', async () => {
    const result = await prettierCli(['--check', CANONICAL, CARELESS]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(CARELESS);
    expect(result.stderr).not.toContain(CANONICAL);
  });

  it('prints the same text as `bylaw fmt`, choosing the parser by the .policy extension', async () => {
    const text = readFileSync(join(FIXTURES, 'comments.policy'), 'utf8');
    expect((await prettierCli(['--stdin-filepath', 'x.policy'], text)).stdout).toBe(await fmt(text));
  });

  it('reports a syntax error with our diagnostic and prettier\'s code frame, without a stack trace', async () => {
    const result = await prettierCli(['--stdin-filepath', 'bad.policy'], 'rule r when a then\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.policy: SyntaxError: BL002: ');
    expect(result.stderr).toMatch(/> 1 \| rule r when a then\n.*\|\s+\^/);
    expect(result.stderr).not.toMatch(/^\[error\]\s+at /m);
  });

  it('--check on a file with a syntax error: the located message, the code frame, no stack trace', async () => {
    const file = 'test/fixtures/BL002-syntax-error.policy';
    const result = await prettierCli(['--check', file]);
    expect(result.code).toBe(2);
    const { diagnostics } = parse(readFileSync(join(ROOT, file), 'utf8'), file);
    const first = diagnostics[0]!;
    expect(result.stderr).toContain(`SyntaxError: ${first.code}: ${first.message} (${first.span.start.line}:${first.span.start.column})`);
    expect(result.stderr).toMatch(new RegExp(`>\\s+${first.span.start.line} \\|`));
    expect(result.stderr).not.toMatch(/^\[error\]\s+at /m);
  });
});

describe('the prettier plugin, from the prettier API', () => {
  it('loads by its package name and formats with the plugin defaults', async () => {
    const text = readFileSync(join(ROOT, CARELESS), 'utf8');
    const formatted = await prettier.format(text, { filepath: 'x.policy', plugins: ['bylaw/prettier'] });
    expect(formatted).toBe(readFileSync(join(ROOT, CANONICAL), 'utf8'));
  });
});
