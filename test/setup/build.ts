import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds dist/ once per run (`npm run build`'s script): tests that spawn `bin/bylaw.js` (the
 * bundled CLI), load the prettier plugin or pack the package need it. Skipped when every file it
 * writes is newer than everything it is built from: `npm ci` has just built it (`prepare`), and
 * building it again cost CI half a minute. Editing, adding or deleting a file in src/ (or the
 * build script, a tsconfig, the manifest or the lockfile) makes the next run build again.
 */
const INPUTS = ['src', 'scripts/build.ts', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
/** What scripts/build.ts writes: tsc's output first, then esbuild's bundle. */
const OUTPUTS = ['dist/index.js', 'dist/index.d.ts', 'dist/format/prettier-plugin.js', 'dist/bundle/main.js', 'dist/bundle/replay-worker.js'];

/** The newest modification time under `path` (folders count: deleting a file touches its folder). */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

function upToDate(root: string): boolean {
  try {
    const built = Math.min(...OUTPUTS.map((p) => statSync(join(root, p)).mtimeMs));
    return INPUTS.every((p) => newest(join(root, p)) < built);
  } catch {
    return false; // an output is missing
  }
}

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (upToDate(root)) {
    console.log('dist/ is newer than its sources: not rebuilt');
    return;
  }
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  execFileSync(process.execPath, [tsx, join(root, 'scripts', 'build.ts')], { cwd: root, stdio: 'inherit' });
}
