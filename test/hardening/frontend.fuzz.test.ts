import fc from 'fast-check';
import { describe, it } from 'vitest';
import { decideUnknown } from '../../src/interpreter/evaluate.js';
import { anyInput } from '../support/arbitraries.js';
import { checkFiles } from '../support/policies.js';
import {
  FOLDER,
  hostileText,
  hostileTextHolds,
  mutatedPolicy,
  mutatedPolicyHolds,
  splicedPolicy,
  splicedPolicyHolds,
  TWITTER,
} from './frontend-properties.js';
import { describeHugeInputs } from './huge-inputs.js';

/**
 * `npm run fuzz`: the hardening properties of frontend.test.ts for millions of runs, and its
 * huge inputs at 100,000 operands (`npm test` runs them at 25,000).
 *
 *   npm run fuzz -- test/hardening                       # every property, BYLAW_FUZZ_RUNS each
 *   BYLAW_FUZZ_RUNS=50000 npm run fuzz -- test/hardening
 *   BYLAW_FUZZ_SEED=123 BYLAW_FUZZ_PATH=4:1:0 npm run fuzz -- test/hardening   # replay a failure
 *
 * On a failure it prints the seed, the path and the shrunk counterexample (the minimal
 * reproducer), and how to replay exactly that run.
 */

const RUNS = Number(process.env['BYLAW_FUZZ_RUNS'] ?? 250_000);
const SEED = process.env['BYLAW_FUZZ_SEED'] === undefined ? undefined : Number(process.env['BYLAW_FUZZ_SEED']);
const PATH = process.env['BYLAW_FUZZ_PATH'];

/** Runs a property; on failure prints the seed, path and shrunk reproducer, then fails. */
function fuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, holds: (value: T) => void): void {
  const parameters: fc.Parameters<[T]> = { numRuns: RUNS, endOnFailure: false, ...(SEED === undefined ? {} : { seed: SEED }), ...(PATH ? { path: PATH } : {}) };
  const details = fc.check(fc.property(arbitrary, holds), parameters);
  if (!details.failed) {
    console.log(`${name}: ${details.numRuns} runs passed (seed ${details.seed})`);
    return;
  }
  const reproducer = JSON.stringify(details.counterexample?.[0], null, 2);
  const message = [
    `${name}: property failed after ${details.numRuns} runs (${details.numShrinks} shrinks)`,
    `seed: ${details.seed}`,
    `path: ${details.counterexample === null ? '(none)' : details.counterexamplePath}`,
    `replay: BYLAW_FUZZ_SEED=${details.seed} BYLAW_FUZZ_PATH=${details.counterexamplePath} npm run fuzz -- test/hardening/frontend.fuzz.test.ts -t ${JSON.stringify(name)}`,
    'minimal reproducer (shrunk):',
    reproducer,
    `error: ${details.errorInstance instanceof Error ? (details.errorInstance.stack ?? details.errorInstance.message) : String(details.errorInstance)}`,
  ].join('\n');
  console.error(message);
  throw new Error(message);
}

describe('hardening fuzz (npm run fuzz)', () => {
  it('token-level mutations of the Twitter policy set', () => fuzz('token-level mutations', mutatedPolicy, mutatedPolicyHolds));

  it('hostile characters and literals, alone and as a module', () => fuzz('hostile text', hostileText, hostileTextHolds));

  it('hostile text spliced into a real policy', () => fuzz('spliced text', splicedPolicy, splicedPolicyHolds));

  it('arbitrary strings (any code point, any length up to 2,000)', () =>
    fuzz('arbitrary strings', fc.string({ unit: 'binary', maxLength: 2_000 }), (text) => hostileTextHolds(text)));

  it('hostile decision inputs never throw from decideUnknown', () => {
    const set = checkFiles(TWITTER, FOLDER).policy!;
    fuzz('hostile inputs', anyInput(set), (input) => {
      const result = decideUnknown(set, input);
      if (typeof result.ok !== 'boolean') throw new Error('no verdict');
      if (({} as Record<string, unknown>)['polluted'] !== undefined) throw new Error('Object.prototype polluted');
    });
  });
});

describeHugeInputs(100_000);
