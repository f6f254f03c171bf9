import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'playground/test/**/*.test.ts'],
    exclude: ['test/**/*.fuzz.test.ts', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker per core but one: a single worker on a two-core machine
    // (CI's), while many tests wait on a CLI, a browser or npm they spawned. Two workers there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ['test/setup/build.ts'],
    deps: {
      // Chevrotain imports lodash-es, about 650 small modules: loaded one by one that is half a
      // second of CPU in every test file; pre-bundled once per run (esbuild, as the CLI's bundle
      // does) it is a few milliseconds.
      optimizer: { ssr: { enabled: true, include: ['chevrotain'] } },
    },
  },
});
