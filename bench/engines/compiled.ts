/**
 * Our engine: the Bylaw compiled module. `buildCompiled` runs the real CLI
 * (`node bin/bylaw.js compile policies/twitter -o .bench-data/compiled --target js`, which needs
 * `npm run build` first); `loadCompiled` imports the emitted `index.js` and hands back its
 * `decide(input)`, unwrapped, so the timing loop calls the module's own function.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Outcome, Post } from '../types.js';

export interface CompiledEngine {
  decide(post: Post): Outcome;
}

/** Where a policy set's module is compiled to (`.bench-data/compiled` for policies/twitter). */
export function compiledDir(root: string, policy = 'twitter'): string {
  return join(root, '.bench-data', policy === 'twitter' ? 'compiled' : `compiled-${policy}`);
}

export function compiledEntry(root: string, policy = 'twitter'): string {
  return join(compiledDir(root, policy), 'index.js');
}

/** Compile policies/<policy> with the CLI; throws with a one-line reason when that fails. */
export function buildCompiled(root: string, policy = 'twitter'): { ms: number } {
  const cli = join(root, 'bin', 'bylaw.js');
  const start = performance.now();
  const r = spawnSync(
    process.execPath,
    [cli, 'compile', join(root, 'policies', policy), '-o', compiledDir(root, policy), '--target', 'js'],
    { cwd: root, encoding: 'utf8', timeout: 120_000 },
  );
  const ms = performance.now() - start;
  if (r.error) throw new Error(`bylaw compile could not run: ${r.error.message}`);
  if (r.status !== 0) {
    const lines = `${r.stderr ?? ''}\n${r.stdout ?? ''}`
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    // the most telling line: an error message if there is one (not a stack frame or source excerpt)
    const said = lines.find((l) => /^(\w*Error\b|error\b)/i.test(l)) ?? lines[0];
    throw new Error(`bylaw compile exited with ${r.status ?? r.signal}${said ? `: ${said}` : ''}`);
  }
  if (!existsSync(compiledEntry(root, policy))) {
    throw new Error(`bylaw compile succeeded but wrote no ${compiledEntry(root, policy)}`);
  }
  return { ms };
}

/** Import the compiled module (already built) and return its `decide`. */
export async function loadCompiled(root: string): Promise<CompiledEngine> {
  const entry = compiledEntry(root);
  if (!existsSync(entry)) throw new Error(`${entry} does not exist (run buildCompiled first)`);
  const mod = (await import(pathToFileURL(entry).href)) as { decide?: unknown };
  if (typeof mod.decide !== 'function') throw new Error(`${entry} has no decide() export`);
  return { decide: mod.decide as (post: Post) => Outcome };
}
