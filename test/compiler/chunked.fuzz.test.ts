/**
 * `npm run fuzz`: the chunked-decide properties of chunked.test.ts on the scale policies, with
 * fifty times the inputs `npm test` gives the 1,000-clause one: 30,000 random valid inputs
 * through each (through the 100-clause one in ~2,000-character chunks, every 10th explained).
 *
 *   BYLAW_FUZZ_RUNS=100000 npm run fuzz -- test/compiler/chunked.fuzz.test.ts   # inputs per policy
 *
 * A failure prints fast-check's seed and path (replay with `seed` and `path` in fc.assert).
 */
import { describe, it } from 'vitest';
import { largeChunkedAgrees, mediumChunkedAgrees } from './chunked.js';

const RUNS = Number(process.env['BYLAW_FUZZ_RUNS'] ?? 30_000);

describe('fuzz: chunked decide = interpreted', () => {
  it(`1,000 clauses, chunked at the default size: ${RUNS} random valid inputs and the scale inputs`, () => largeChunkedAgrees(RUNS));

  it(`100 clauses in chunks of ~2,000 characters: ${RUNS} random valid inputs, ${Math.ceil(RUNS / 10)} with explain`, () => mediumChunkedAgrees(RUNS));
});
