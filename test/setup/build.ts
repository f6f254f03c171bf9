import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds dist/ once per run (`npm run build`'s script): tests that spawn `bin/bylaw.js` (the
 * bundled CLI), load the prettier plugin or pack the package need it.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  execFileSync(process.execPath, [tsx, join(root, 'scripts', 'build.ts')], { cwd: root, stdio: 'inherit' });
}
