/**
 * The golden cases through DuckDB: every case of test/golden/{twitter,youtube,meta}.cases.json
 * and of the guidelines' boundary cases (test/golden/{youtube,meta}.guidelines.cases.json),
 * loaded into a typed table (lists of structs, NULL for an absent optional field), decided by
 * the generated view in both shapes (DuckDB's helper columns, and the portable one Spark and
 * Trino get), and run as engines beside the interpreter: all must agree on the whole decision
 * and meet the case's `expect`.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCaseFile } from '../../src/cases/case-file.js';
import { runCase, type Engine } from '../../src/cases/run-cases.js';
import type { PolicySet } from '../../src/checker/program.js';
import { decideUnknown } from '../../src/interpreter/evaluate.js';
import { loadPolicy } from '../../src/load-policy.js';
import { DuckDbRunner } from '../../src/replay/duckdb/runner.js';
import { FIRST_DAYS, sampleOn } from '../golden/first-days.js';
import { decideInDuckDb, decisionOfRow, expectSameDecisions, type SqlRow } from './support/duckdb.js';
import { GOLDEN_FILES } from '../golden/files.js';

let runner: DuckDbRunner;
beforeAll(async () => {
  runner = await DuckDbRunner.open({ threads: 2 });
});
afterAll(() => runner.close());

/** An engine answering from rows the view decided for these inputs, in order. */
function viewEngine(name: string, set: PolicySet, inputs: readonly unknown[], rows: readonly SqlRow[]): Engine {
  return {
    name,
    decideUnknown(input) {
      const row = rows[inputs.indexOf(input)]!;
      const decision = decisionOfRow(set, row);
      return decision ? { ok: true, decision } : { ok: false, errors: [{ path: '(input)', message: String(row.error) }] };
    },
  };
}


for (const { name, file, least } of GOLDEN_FILES) {
  describe(`golden cases: policies/${name} in DuckDB (${file})`, () => {
    const loaded = loadPolicy(`policies/${name}`);
    const { file: cases, problems } = readCaseFile(JSON.parse(readFileSync(file, 'utf8')), file);

    it('decides every case as the interpreter does and as the case expects (both shapes)', async () => {
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(problems).toEqual([]);
      const set = loaded.policy!;
      const inputs = cases!.cases.map((c) => c.input);
      const duck = await decideInDuckDb(runner, set, inputs);
      const portable = await decideInDuckDb(runner, set, inputs, { portable: true });
      expectSameDecisions(set, inputs, duck);
      expectSameDecisions(set, inputs, portable);
      const engines: Engine[] = [
        { name: 'interpreter', decideUnknown: (input) => decideUnknown(set, input) },
        viewEngine('duckdb', set, inputs, duck),
        viewEngine('portable', set, inputs, portable),
      ];
      const outcomes = cases!.cases.map((c) => runCase(c, engines));
      expect(outcomes.filter((o) => o.kind !== 'passed').map((o) => ({ id: o.case.id, kind: o.kind }))).toEqual([]);
      expect(outcomes.length).toBeGreaterThanOrEqual(least);
    });
  });
}

for (const { name, first, before } of FIRST_DAYS) {
  it(`policies/${name} in DuckDB: the row dated ${before} is an error, the row dated ${first} is decided`, async () => {
    const set = loadPolicy(`policies/${name}`).policy!;
    for (const portable of [false, true]) {
      const [refused, decided] = await decideInDuckDb(runner, set, [sampleOn(name, before), sampleOn(name, first)], { portable });
      expect(refused).toMatchObject({ version: null, error: expect.stringContaining('no version in force') });
      expect(decided).toMatchObject({ version: first, error: null });
    }
  });
}
