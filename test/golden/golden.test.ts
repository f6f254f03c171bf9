/**
 * The golden cases of every policy set, through both engines — the interpreter and the compiled
 * module — as `bylaw test` runs them (src/cases): the two must agree, and meet each case's
 * `expect` (a partial Decision; with declared outcomes, per outcome).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCaseFile } from '../../src/cases/case-file.js';
import { runCase, type Engine } from '../../src/cases/run-cases.js';
import type { PolicySet } from '../../src/checker/program.js';
import { loadCompiled } from '../../src/compiler/load.js';
import { decideUnknown, evaluate } from '../../src/interpreter/evaluate.js';
import { loadPolicy } from '../../src/load-policy.js';

const SETS = [
  { name: 'twitter', least: 14 },
  { name: 'youtube', least: 15 },
  { name: 'meta', least: 16 },
];

for (const { name, least } of SETS) {
  const file = `test/golden/${name}.cases.json`;
  const { file: caseFile, problems } = readCaseFile(JSON.parse(readFileSync(file, 'utf8')), file);

  describe(`golden cases: policies/${name}`, () => {
    let policy: PolicySet;
    let engines: Engine[];

    beforeAll(async () => {
      const loaded = loadPolicy(`policies/${name}`);
      expect(loaded.diagnostics).toEqual([]);
      policy = loaded.policy!;
      const compiled = await loadCompiled(policy);
      engines = [
        { name: 'interpreter', decideUnknown: (input) => decideUnknown(policy, input) },
        { name: 'compiled', decideUnknown: (input) => compiled.decideUnknown(input) },
      ];
    });

    it('the case file is well formed', () => {
      expect(problems).toEqual([]);
      expect(caseFile!.cases.length).toBeGreaterThanOrEqual(least);
    });

    for (const c of caseFile?.cases ?? []) {
      it(`${c.id} (interpreter and compiled)`, () => {
        const outcome = runCase(c, engines);
        expect(outcome.kind === 'failed' ? { kind: outcome.kind, mismatches: outcome.mismatches } : { kind: outcome.kind }).toEqual({ kind: 'passed' });
        // Both engines' decisions are the same JSON (key order included), not only the compared parts.
        const [interpreted, compiled] = engines.map((e) => JSON.stringify(e.decideUnknown(c.input)));
        expect(compiled).toBe(interpreted);
        expect(JSON.stringify(evaluate(policy, c.input))).toBe(JSON.stringify((JSON.parse(interpreted!) as { decision: unknown }).decision));
      });
    }
  });
}
