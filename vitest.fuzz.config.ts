import { defineConfig } from 'vitest/config';

/** `npm run fuzz`: the long property runs (millions of inputs), kept out of `npm test`. */
export default defineConfig({
  test: {
    include: ['test/**/*.fuzz.test.ts'],
    testTimeout: 3_600_000,
    pool: 'forks',
  },
});
