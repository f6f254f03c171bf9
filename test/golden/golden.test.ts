import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCaseFile, type GoldenCase } from '../../src/cases/case-file.js';
import type { PolicySet } from '../../src/checker/program.js';
import { loadCompiled, type CompiledModule } from '../../src/compiler/load.js';
import { evaluate } from '../../src/interpreter/evaluate.js';
import { loadPolicy } from '../../src/load-policy.js';

const file = 'test/golden/twitter.cases.json';
const { file: caseFile, problems } = readCaseFile(JSON.parse(readFileSync(file, 'utf8')), file);

describe('golden cases: policies/twitter', () => {
  let policy: PolicySet;
  let compiled: CompiledModule;

  beforeAll(async () => {
    const loaded = loadPolicy('policies/twitter');
    expect(loaded.diagnostics).toEqual([]);
    policy = loaded.policy!;
    compiled = await loadCompiled(policy);
  });

  it('the case file is well formed', () => {
    expect(problems).toEqual([]);
    expect(caseFile!.cases.length).toBeGreaterThanOrEqual(14);
  });

  const check = (c: GoldenCase, decide: (input: unknown) => Record<string, unknown>) => {
    const decision = decide(c.input);
    for (const [key, value] of Object.entries(c.expect)) expect(decision[key], `${c.id}: ${key}`).toEqual(value);
  };

  for (const c of caseFile?.cases ?? []) {
    it(`${c.id} (interpreter)`, () => check(c, (input) => ({ ...evaluate(policy, input) })));
    it(`${c.id} (compiled)`, () => check(c, (input) => ({ ...compiled.decide(input as never) })));
  }
});
