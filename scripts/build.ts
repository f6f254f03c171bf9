/**
 * `npm run build` (run by `npm ci` through `prepare`, and by `npm pack`/`npm publish` through
 * `prepack`): a clean dist/ from tsc — the library API (`import … from 'bylaw'`), its types and
 * the prettier plugin — and the CLI bundled into dist/bundle/: src/cli/main.ts and the replay
 * worker, one ES module per entry and a chunk per command, so that a run loads only what its
 * command needs (see src/cli/commands/index.ts).
 *
 * Why bundle: Chevrotain imports lodash-es, about 650 small modules; Node resolves and compiles
 * each one, which alone took most of a second at start-up. Measured in `npm run bench`
 * (start-up section) and docs/performance.md.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * commander loads node:child_process (and with it net, dgram and streams) when it is imported,
 * for subcommands that are separate executables, which bylaw has none of: it gets the module
 * when it first spawns instead. About 2.5 ms of every start (`npm run bench:startup`).
 */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist', 'bundle');

// No file of a source deleted since the last build may linger (and ship).
rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
await build({
  absWorkingDir: root,
  // The replay worker beside main.js: the pool (in a command's chunk, under chunks/) starts it
  // as `new URL('../replay-worker.js', import.meta.url)` (src/replay/pool.ts).
  entryPoints: { main: 'src/cli/main.ts', 'replay-worker': 'src/replay/worker.ts' },
  outdir,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Peer dependencies: the user's own copy is used (prettier), or it is optional (DuckDB).
  external: ['prettier', '@duckdb/node-api'],
  // jsonc-parser's main entry is a UMD module whose require() calls esbuild cannot follow; its
  // ES module build is bundled instead (requiring the UMD files took `decide` about 8 ms).
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  plugins: [lazyChildProcess],
  // commander and other CommonJS dependencies call require(); ES modules have none.
  banner: { js: "import { createRequire as $bylawRequire } from 'node:module'; const require = $bylawRequire(import.meta.url);" },
  // Not minified: a bug's stack trace (BYLAW_DEBUG=1) stays readable without source maps, and
  // minifying did not change start-up measurably (npm run bench:startup).
  logLevel: 'warning',
});
