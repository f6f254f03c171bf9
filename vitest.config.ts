import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const INCLUDE = ['test/**/*.test.ts', 'playground/test/**/*.test.ts'];
const EXCLUDE = ['test/**/*.fuzz.test.ts', 'node_modules/**'];

/** Test files under `dir` (relative paths). */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'node_modules' ? [] : testFiles(join(dir, e.name))) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

/**
 * Files that mock a module (`vi.mock`) need a module graph of their own: the mock replaces the
 * module only where it is first imported. Every other file shares its worker's modules with the
 * files before it (isolate: false), which saves loading src/ and its dependencies again per file.
 */
const MOCKING = [...testFiles('test'), ...testFiles('playground/test')].filter((f) => /\bvi\.(do)?mock\(/.test(readFileSync(f, 'utf8')));

/** What both projects share. */
const common = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
  deps: {
    // Chevrotain imports lodash-es, about 650 small modules: loaded one by one that is half a
    // second of CPU in every test file; pre-bundled once per run (esbuild, as the CLI's bundle
    // does) it is a few milliseconds.
    optimizer: { ssr: { enabled: true, include: ['chevrotain'] } },
  },
};

export default defineConfig({
  test: {
    // Vitest's default is one worker per core but one: a single worker on a two-core machine
    // (CI's), while many tests wait on a CLI, a browser or npm they spawned. Two workers there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ['test/setup/build.ts'],
    projects: [
      { test: { ...common, name: 'isolated', include: MOCKING } },
      { test: { ...common, name: 'shared', include: INCLUDE, exclude: [...EXCLUDE, ...MOCKING], isolate: false } },
    ],
  },
});
