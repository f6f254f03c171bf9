/**
 * The golden cases of every policy set, through both engines — the interpreter and the compiled
 * module — as `bylaw test` runs them (src/cases): the two must agree, and meet each case's
 * `expect` (a partial Decision; with declared outcomes, per outcome). `<set>.cases.json` holds the
 * cases taken from the sources; `<set>.guidelines.cases.json` the boundary cases written from the
 * guidelines alone (window edges, version dates, leap days, exemptions and what they never cover).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCaseFile } from '../../src/cases/case-file.js';
import { runCase, type Engine } from '../../src/cases/run-cases.js';
import type { PolicySet } from '../../src/checker/program.js';
import { loadCompiled } from '../../src/compiler/load.js';
import { decideUnknown, evaluate } from '../../src/interpreter/evaluate.js';
import { loadPolicy } from '../../src/load-policy.js';
import { FIRST_DAYS, sampleOn } from './first-days.js';
import { GOLDEN_FILES } from './files.js';


for (const { name, file, least } of GOLDEN_FILES) {
  const { file: caseFile, problems } = readCaseFile(JSON.parse(readFileSync(file, 'utf8')), file);

  describe(`golden cases: policies/${name} (${file})`, () => {
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

for (const { name, first, before } of FIRST_DAYS) {
  it(`policies/${name}: the day before ${first} is an input error in both engines; ${first} decides`, async () => {
    const policy = loadPolicy(`policies/${name}`).policy!;
    const compiled = await loadCompiled(policy);
    for (const decide of [(i: unknown) => decideUnknown(policy, i), (i: unknown) => compiled.decideUnknown(i)]) {
      const refused = decide(sampleOn(name, before));
      expect(refused).toMatchObject({ ok: false, errors: [{ path: 'date', message: expect.stringContaining(`no version in force on ${before}`) }] });
      expect(decide(sampleOn(name, first))).toMatchObject({ ok: true, decision: { version: first } });
    }
  });
}
