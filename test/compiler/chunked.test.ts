/**
 * Large versions: decide emitted as chunk functions sharing one cache array (decide.ts,
 * `emitChunked`). The scale policy of 1,000 clauses is chunked at the default size; the
 * differential policies and a 100-clause scale policy are chunked here by lowering
 * `decideChunkChars` (1: every clause its own chunk). Each must still be the interpreter, on
 * random inputs, also when decide is re-entered from inside a decision (a getter on the input)
 * and when the cache epoch starts again. The scale policies' long runs are in chunked.fuzz.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { generate } from '../../src/compiler/index.js';
import { compiledJavaScript, importCompiled, loadCompiled } from '../../src/compiler/load.js';
import { evaluate } from '../../src/interpreter/evaluate.js';
import { scaleInputs } from '../../scripts/scale.js';
import { policyInput } from '../support/arbitraries.js';
import { chunks, largeChunkedAgrees, mediumChunkedAgrees, scaleSet } from './chunked.js';
import { compareValid, DIFFERENTIAL_POLICIES } from './differential.js';
import { load } from './support.js';
import { typeCheck } from './typescript.js';

/** Random inputs through the scale policies; chunked.fuzz.test.ts (`npm run fuzz`) runs 30,000 through each. */
const LARGE_RUNS = 600;
const MEDIUM_RUNS = 400;

describe('chunked decide = interpreted', () => {
  for (const path of DIFFERENTIAL_POLICIES) {
    it(`${path}, every clause its own chunk: 1,000 random valid inputs (decide, explain, decideUnknown, validate)`, async () => {
      const set = load(path);
      expect(chunks(compiledJavaScript(set))).toBe(0);
      const clauses = set.versions.reduce((n, v) => Math.max(n, v.redlines.length + v.rules.length), 0);
      expect(chunks(compiledJavaScript(set, { decideChunkChars: 1 }))).toBeGreaterThanOrEqual(clauses);
      const compiled = await loadCompiled(set, { decideChunkChars: 1 });
      fc.assert(
        fc.property(policyInput(set), (input) => compareValid(set, compiled, input)),
        { numRuns: 1_000 },
      );
    });
  }

  it(`1,000 clauses, chunked at the default size: ${LARGE_RUNS} random valid inputs and the scale inputs (decide, decideUnknown)`, () => largeChunkedAgrees(LARGE_RUNS), 180_000);

  it(`100 clauses in chunks of ~2,000 characters: ${MEDIUM_RUNS} random valid inputs, ${MEDIUM_RUNS / 10} with explain`, () => mediumChunkedAgrees(MEDIUM_RUNS), 60_000);

  /**
   * An input whose `author` getter decides other inputs: the nested calls take later epochs and
   * must neither see nor disturb the outer call's cached contexts and exemptions.
   */
  function reentrant(set: PolicySet, decide: (input: unknown) => unknown, runs: number): void {
    const input = policyInput(set);
    fc.assert(
      fc.property(input, fc.array(input, { minLength: 1, maxLength: 3 }), (outer, inner) => {
        const nested: unknown[] = [];
        const tricky = { ...outer };
        Object.defineProperty(tricky, 'author', {
          enumerable: true,
          get: () => {
            for (const i of inner) nested.push(decide(i));
            return outer['author'];
          },
        });
        const expected = evaluate(set, outer);
        expect(decide(tricky)).toEqual(expected);
        // Once per read of `author` (none when the decision needs no author field).
        nested.forEach((d, k) => expect(d).toEqual(evaluate(set, inner[k % inner.length]!)));
      }),
      { numRuns: runs },
    );
  }

  it('re-entered from a getter on the input: the outer and the nested decisions are both right', async () => {
    const set = scaleSet(100);
    const compiled = await loadCompiled(set, { decideChunkChars: 2_000 });
    reentrant(set, (i) => compiled.decide(i), 1_000);
  }, 60_000);

  it('the cache epoch starting again (every 3 calls here), nested calls included, changes no decision', async () => {
    const set = scaleSet(100);
    const text = compiledJavaScript(set, { decideChunkChars: 2_000 });
    const limit = '=== 1073741823) {';
    expect(text).toContain(limit);
    const compiled = await importCompiled(text.replace(limit, '=== 3) {'));
    reentrant(set, (i) => compiled.decide(i), 1_000);
    for (const input of scaleInputs(500, 11)) expect(compiled.decide(input)).toEqual(evaluate(set, input));
  }, 60_000);

  it('type-checks under strict TypeScript', () => {
    const files: Record<string, string> = {
      'twitter/index.ts': generate(load('policies/twitter'), { target: 'ts', decideChunkChars: 1 }).files[0]!.text,
      'versions/index.ts': generate(load('test/compiler/fixtures/versions'), { target: 'ts', decideChunkChars: 1 }).files[0]!.text,
      'scale/index.ts': generate(scaleSet(100), { target: 'ts', decideChunkChars: 2_000 }).files[0]!.text,
    };
    for (const text of Object.values(files)) expect(chunks(text)).toBeGreaterThan(0);
    expect(typeCheck(files, Object.keys(files))).toEqual([]);
  }, 60_000);
});
