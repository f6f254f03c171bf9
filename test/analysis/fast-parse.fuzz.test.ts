/**
 * `npm run fuzz`: the fast reader against JSON.parse + validateInput + the interpreter
 * (fast-parse-properties.ts) for many more hostile lines than `npm test` runs.
 *
 *   BYLAW_FUZZ_RUNS=1000000 npm run fuzz -- test/analysis    # lines per policy (default 100,000)
 *   BYLAW_FUZZ_SEED=123 npm run fuzz -- test/analysis        # replay a printed seed
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fastChunkHolds, fastLineHolds, hostileLine, LIST_POLICIES, POLICIES, subject, type Subject, type Tally } from './fast-parse-properties.js';

const RUNS = Number(process.env['BYLAW_FUZZ_RUNS'] ?? 100_000);
const SEED = process.env['BYLAW_FUZZ_SEED'] !== undefined ? Number(process.env['BYLAW_FUZZ_SEED']) : (Date.now() ^ (process.pid << 16)) | 0;

console.log(`fast reader fuzz: seed ${SEED}, ${RUNS} lines and ${Math.ceil(RUNS / 20)} chunks per policy`);

const subjects = new Map<string, Subject>();

beforeAll(async () => {
  for (const name of [...POLICIES, ...LIST_POLICIES]) subjects.set(name, await subject(name));
});

/** Runs a property; on failure prints the seed and path that replay it, then fails with the shrunk counterexample. */
function check<T>(name: string, arbitrary: fc.Arbitrary<T>, holds: (value: T) => void, numRuns: number): void {
  const details = fc.check(fc.property(arbitrary, holds), { numRuns, seed: SEED });
  if (details.failed) {
    console.error(`FAILED ${name}: BYLAW_FUZZ_SEED=${details.seed}, path ${JSON.stringify(details.counterexamplePath)}`);
    fc.assert(fc.property(arbitrary, holds), { numRuns: 1, seed: details.seed, path: details.counterexamplePath ?? undefined });
  }
  console.log(`${name}: ${details.numRuns} runs passed`);
}

describe('fuzz: the fast reader accepts exactly what validation accepts', () => {
  for (const name of [...POLICIES, ...LIST_POLICIES]) {
    it(`lines: ${name}`, () => {
      const s = subjects.get(name)!;
      const tally: Tally = { accepted: 0, declined: 0, compact: 0 };
      check(`lines of ${name}`, hostileLine(s.set, s.stripId), (line) => fastLineHolds(s, line, tally), RUNS);
      console.log(`  the fast reader took ${tally.accepted} lines and left ${tally.declined} to JSON.parse`);
      expect(tally.accepted).toBeGreaterThan(RUNS / 50);
    });

    it(`chunks: ${name}`, () => {
      const s = subjects.get(name)!;
      const chunk = fc.tuple(fc.array(hostileLine(s.set, s.stripId), { minLength: 1, maxLength: 20 }), fc.boolean(), fc.boolean());
      check(`chunks of ${name}`, chunk, ([lines, crlf, ended]) => fastChunkHolds(s, lines, crlf, ended), Math.ceil(RUNS / 20));
    });
  }
});
