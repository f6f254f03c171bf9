import { describe, expect, it } from 'vitest';
import { loadCompiled } from '../../src/compiler/load.js';
import { decideUnknown } from '../../src/interpreter/evaluate.js';
import { explain } from '../../src/interpreter/explain.js';
import { stringifyDeep } from '../../src/cli/json.js';
import { MAX_CHAIN, runStages, scaleInputs, scalePolicy } from '../../scripts/scale.js';

/**
 * The bounded version of `npx tsx scripts/scale.ts`: policies of 10, 100 and 1,000 clauses
 * (with context chains as deep as the clause count, up to 1,000) parse, check, compile and
 * decide, and the compiled module agrees with the interpreter. No timing assertions: the
 * measured curve is in docs/performance.md ("Scale").
 */
describe('scale', () => {
  it.each([10, 100, 1_000])('%i clauses: checks clean, compiles, and both engines agree', async (n) => {
    const policy = scalePolicy(n);
    expect(policy.redlines + policy.rules + policy.exemptions).toBe(n);
    expect(policy.contexts).toBe(Math.min(n, MAX_CHAIN));
    const stages = runStages(policy);
    expect(stages.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const program = stages.set.versions[0]!;
    expect(program.rules.length + program.redlines.length + program.exemptions.length).toBe(n);

    const compiled = await loadCompiled(stages.set);
    const inputs = scaleInputs(300, n);
    const actions = new Set<string>();
    for (const input of inputs) {
      const interpreted = decideUnknown(stages.set, input);
      expect(interpreted.ok).toBe(true);
      expect(compiled.decideUnknown(input)).toEqual(interpreted);
      if (interpreted.ok) {
        expect(compiled.decide(input)).toEqual(interpreted.decision);
        if ('action' in interpreted.decision) actions.add(interpreted.decision.action);
      }
    }
    // The generated inputs reach more than the default.
    expect(actions.size).toBeGreaterThan(1);
    // Explanations agree too. (Each clause's trace holds the whole context chain it uses, so at
    // 1,000 clauses one explanation is tens of megabytes: compared at the smaller sizes.)
    if (n <= 100) expect(stringifyDeep(compiled.explain(inputs[0]))).toBe(stringifyDeep(explain(stages.set, inputs[0])));
  }, 180_000);

  it('the generator is deterministic', () => {
    expect(scalePolicy(100).text).toBe(scalePolicy(100).text);
    expect(scaleInputs(5, 3)).toEqual(scaleInputs(5, 3));
  });
});
