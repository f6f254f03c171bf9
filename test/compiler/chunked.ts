/**
 * The chunked-decide properties on the scale policies, shared by chunked.test.ts (`npm test`,
 * hundreds of inputs) and chunked.fuzz.test.ts (`npm run fuzz`, tens of thousands): the same
 * policies, chunk sizes and generators, only the number of runs differs.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { compiledJavaScript, loadCompiled } from '../../src/compiler/load.js';
import { evaluate } from '../../src/interpreter/evaluate.js';
import { outcomeParts } from '../../src/semantics/decision.js';
import { runStages, scaleInputs, scalePolicy } from '../../scripts/scale.js';
import { policyInput } from '../support/arbitraries.js';
import { compareValid } from './differential.js';

const scaleSets = new Map<number, PolicySet>();

/** The scale policy of `n` clauses, checked once per test file (it is never mutated). */
export function scaleSet(n: number): PolicySet {
  let set = scaleSets.get(n);
  if (!set) scaleSets.set(n, (set = runStages(scalePolicy(n)).set));
  return set;
}

/** The number of decide chunk functions in a generated module. */
export const chunks = (text: string) => (text.match(/^function \$chunk\d+_\d+\(/gm) ?? []).length;

/** 1,000 clauses chunked at the default size: `runs` random valid inputs, then the scale inputs (decide, decideUnknown). */
export async function largeChunkedAgrees(runs: number): Promise<void> {
  const set = scaleSet(1_000);
  const text = compiledJavaScript(set);
  expect(chunks(text)).toBeGreaterThan(2);
  expect(compiledJavaScript(set)).toBe(text);
  const compiled = await loadCompiled(set);
  fc.assert(
    fc.property(policyInput(set), (input) => compareValid(set, compiled, input, false)),
    { numRuns: runs },
  );
  const actions = new Set<string>();
  for (const input of scaleInputs(1_000, 7)) {
    compareValid(set, compiled, input, false);
    actions.add(outcomeParts(evaluate(set, input))[0]!.part.action);
  }
  expect(actions.size).toBeGreaterThan(2);
}

/** 100 clauses in chunks of ~2,000 characters: `runs` random valid inputs, every 10th with explain. */
export async function mediumChunkedAgrees(runs: number): Promise<void> {
  const set = scaleSet(100);
  expect(chunks(compiledJavaScript(set))).toBe(0);
  expect(chunks(compiledJavaScript(set, { decideChunkChars: 2_000 }))).toBeGreaterThan(5);
  const compiled = await loadCompiled(set, { decideChunkChars: 2_000 });
  // Explanations of this policy are large (every clause's trace holds its context chain).
  let n = 0;
  fc.assert(
    fc.property(policyInput(set), (input) => compareValid(set, compiled, input, n++ % 10 === 0)),
    { numRuns: runs },
  );
}
