/**
 * The compiled module is the interpreter, on random inputs: valid ones of the declared types
 * (decisions, traces) and broken ones (validation errors, paths, messages). `npm run fuzz`
 * runs the same comparisons a million times (differential.fuzz.test.ts).
 */
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { loadCompiled, type CompiledModule } from '../../src/compiler/load.js';
import { loadPolicy } from '../../src/load-policy.js';
import { anyInput, policyInput } from '../support/arbitraries.js';
import { compareUnknown, compareValid, DIFFERENTIAL_POLICIES } from './differential.js';

const VALID_RUNS = 2_000;
const ANY_RUNS = 600;

for (const path of DIFFERENTIAL_POLICIES) {
  describe(`compiled = interpreted: ${path}`, () => {
    let set: PolicySet;
    let compiled: CompiledModule;
    beforeAll(async () => {
      const loaded = loadPolicy(path);
      if (!loaded.policy) throw new Error(`${path} has errors: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
      set = loaded.policy;
      compiled = await loadCompiled(set);
    });

    it(`agrees on ${VALID_RUNS} random valid inputs (decide, explain, decideUnknown, validate)`, () => {
      fc.assert(
        fc.property(policyInput(set), (input) => compareValid(set, compiled, input)),
        { numRuns: VALID_RUNS },
      );
    });

    it(`agrees on ${ANY_RUNS} random broken inputs (validate, decideUnknown, explain)`, () => {
      fc.assert(
        fc.property(anyInput(set), (input) => compareUnknown(set, compiled, input)),
        { numRuns: ANY_RUNS },
      );
    });
  });
}
