/**
 * `npm run fuzz`: the differential test at scale. At least a million random valid inputs
 * (spread over the policies below) through the compiled module and the interpreter, every
 * 16th also through explain, plus broken inputs through validate / decideUnknown.
 *
 * BYLAW_FUZZ_RUNS (total valid runs, default 1,000,000) and BYLAW_FUZZ_SEED (default: random)
 * tune a run. The seed is printed first; a failure prints fast-check's seed and path, which
 * replay it exactly: BYLAW_FUZZ_SEED=<seed> npm run fuzz (and `path` in fc.assert to go straight there).
 */
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { loadCompiled, type CompiledModule } from '../../src/compiler/load.js';
import { anyInput, policyInput } from '../support/arbitraries.js';
import { compareUnknown, compareValid } from './differential.js';
import { load } from './support.js';

const POLICIES = [
  'policies/twitter',
  'test/compiler/fixtures/ties.policy',
  'test/compiler/fixtures/contexts.policy',
  'test/compiler/fixtures/names.policy',
  'test/compiler/fixtures/versions',
  'test/compiler/fixtures/small',
  'policies/youtube',
  'policies/meta',
  'test/compiler/fixtures/history',
  'test/compiler/fixtures/mixed',
  'test/compiler/fixtures/loop-days.policy',
];

const TOTAL = Number(process.env['BYLAW_FUZZ_RUNS'] ?? 1_000_000);
const SEED = process.env['BYLAW_FUZZ_SEED'] !== undefined ? Number(process.env['BYLAW_FUZZ_SEED']) : (Date.now() ^ (process.pid << 16)) | 0;
const PER_POLICY = Math.ceil(TOTAL / POLICIES.length);
const EXPLAIN_EVERY = 16;

console.log(`differential fuzz: seed ${SEED}, ${PER_POLICY} valid and ${Math.ceil(PER_POLICY / 10)} broken inputs per policy`);

function run(name: string, property: fc.IPropertyWithHooks<[unknown]> | fc.IProperty<[unknown]>, numRuns: number, seed: number): void {
  const details = fc.check(property, { numRuns, seed });
  if (details.failed) {
    console.error(`FAILED ${name}: seed ${details.seed}, path ${JSON.stringify(details.counterexamplePath)}`);
    console.error(`counterexample: ${JSON.stringify(details.counterexample)}`);
  }
  fc.assert(property, { numRuns: 1, seed: details.seed, path: details.counterexamplePath ?? undefined, examples: [] });
  if (details.failed) throw new Error(`${name}: ${String(details.errorInstance)}`);
}

POLICIES.forEach((path, index) => {
  describe(`fuzz: compiled = interpreted: ${path}`, () => {
    let set: PolicySet;
    let compiled: CompiledModule;
    beforeAll(async () => {
      set = load(path);
      compiled = await loadCompiled(set);
    });

    it(`agrees on ${PER_POLICY} valid inputs`, () => {
      let n = 0;
      const property = fc.property(policyInput(set), (input) => compareValid(set, compiled, input, n++ % EXPLAIN_EVERY === 0));
      run(`${path} valid`, property as fc.IProperty<[unknown]>, PER_POLICY, SEED + index);
    });

    it(`agrees on ${Math.ceil(PER_POLICY / 10)} broken inputs`, () => {
      run(`${path} broken`, fc.property(anyInput(set), (input) => compareUnknown(set, compiled, input)), Math.ceil(PER_POLICY / 10), SEED + 100 + index);
    });
  });
});
