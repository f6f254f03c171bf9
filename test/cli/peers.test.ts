/**
 * Peer dependencies are loaded only by the commands that need them, and their absence is a usage
 * error that says what to install. Absence is simulated in a real `bylaw` process (the bundled
 * CLI, built by the test setup) by a resolve hook that fails exactly as Node does for a package
 * that is not installed (test/support/hide-package.mjs). The packed-package test sees the real
 * thing: DuckDB is not installed there.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PEERS } from '../../src/cli/peers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const POSTS = 'test/cli/fixtures/two-posts.jsonl';

function bylawWithout(hidden: string, args: readonly string[]) {
  const result = spawnSync(process.execPath, ['--import', './test/support/hide-package.mjs', 'bin/bylaw.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BYLAW_TEST_HIDE: hidden },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('without @duckdb/node-api (an optional peer dependency)', () => {
  it('replay --engine duckdb says what to install and exits 2', () => {
    const r = bylawWithout('@duckdb/node-api', ['replay', 'policies/twitter', '--input', POSTS, '--engine', 'duckdb']);
    expect(r.stderr).toBe(
      'error: `--engine duckdb` needs the package `@duckdb/node-api`, which is not installed\n' +
        '  help: install it next to bylaw: `npm install @duckdb/node-api@1.5.6-r.1`\n',
    );
    expect(r.code).toBe(2);
  });

  it('every other engine and command works: DuckDB is loaded only for --engine duckdb', () => {
    const replay = bylawWithout('@duckdb/node-api', ['replay', 'policies/twitter', '--input', POSTS, '--jobs', '0']);
    expect(replay.stderr).toBe('');
    expect(replay.stdout).toContain('decided 2, bad lines 0');
    expect(replay.code).toBe(0);
    expect(bylawWithout('@duckdb/node-api', ['check', 'policies/twitter']).code).toBe(0);
  });
});

describe('without prettier (a peer dependency)', () => {
  it('bylaw fmt says what to install and exits 2', () => {
    const r = bylawWithout('prettier', ['fmt', '--check', 'policies/twitter']);
    expect(r.stderr).toBe(
      'error: formatting (`bylaw fmt`, `bylaw lsp`) needs the package `prettier`, which is not installed\n' +
        '  help: install it next to bylaw: `npm install prettier@^3.0.0`\n',
    );
    expect(r.code).toBe(2);
    noStackTrace(r.stderr);
  });

  it('check, decide and --help do not need it', () => {
    expect(bylawWithout('prettier', ['check', 'policies/twitter']).code).toBe(0);
    const post = readFileSync(join(ROOT, POSTS), 'utf8').split('\n')[0]!;
    const decide = spawnSync(process.execPath, ['--import', './test/support/hide-package.mjs', 'bin/bylaw.js', 'decide', 'policies/twitter'], {
      cwd: ROOT,
      encoding: 'utf8',
      input: post,
      env: { ...process.env, BYLAW_TEST_HIDE: 'prettier' },
    });
    expect(decide.stderr).toBe('');
    expect(decide.status).toBe(0);
    const help = bylawWithout('prettier', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('fmt [options] <paths...>');
  });
});

it('the install hints name the versions package.json declares as peer dependencies', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }> };
  expect(Object.keys(PEERS).sort()).toEqual(Object.keys(manifest.peerDependencies).sort());
  for (const [name, peer] of Object.entries(PEERS)) expect(peer.install).toBe(`${name}@${manifest.peerDependencies[name]}`);
  expect(manifest.peerDependenciesMeta).toEqual({ '@duckdb/node-api': { optional: true } });
});
