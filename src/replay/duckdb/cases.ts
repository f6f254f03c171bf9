/**
 * Golden cases in DuckDB (`bylaw test --duckdb`, `bylaw verify --duckdb`): the inputs loaded into
 * a typed table, decided by the set's generated view, and each row's answer ids turned back into
 * the whole Decision, so the case runner compares DuckDB's decisions with the other engines'.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PolicySet } from '../../checker/program.js';
import { INPUT_ALIAS } from '../../compiler/sql/conditions.js';
import { fromAll, inputColumns, sqlDecision } from '../../compiler/sql/index.js';
import type { AnyDecision } from '../../semantics/decision.js';
import { decodeRow, DuckDbRunner, ident, idColumns, sqlString } from './runner.js';

/** The column numbering the inputs (`$` keeps it apart from any field of a policy). */
export const CASE = '$case';

/**
 * Loads `inputs` into the table `table`, typed by the set's input record (STRUCT, lists, DATE,
 * BIGINT; NULL for an absent optional field), each row numbered by `CASE` from 0 in input order.
 */
export async function loadInputTable(runner: DuckDbRunner, set: PolicySet, inputs: readonly unknown[], table: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bylaw-cases-'));
  try {
    const file = join(dir, 'inputs.jsonl');
    writeFileSync(file, inputs.map((input, n) => JSON.stringify({ ...(input as object), [CASE]: n })).join('\n') + '\n');
    const columns = [{ name: CASE, type: 'BIGINT' }, ...inputColumns(set, 'duckdb')].map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ');
    await runner.run(`CREATE TABLE ${ident(table)} AS SELECT * FROM read_json(${sqlString(file)}, format = 'newline_delimited', columns = {${columns}})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * DuckDB's decision for each of `inputs` (valid inputs of `set`: DuckDB's JSON reader converts
 * where validation would refuse), in order; null where no version is in force.
 */
export async function decideInDuckDb(set: PolicySet, inputs: readonly unknown[]): Promise<(AnyDecision | null)[]> {
  if (inputs.length === 0) return [];
  const runner = await DuckDbRunner.open({ threads: 1 });
  try {
    await loadInputTable(runner, set, inputs, 'cases');
    const decision = sqlDecision(set, 'duckdb');
    const ids = idColumns(decision, 'o');
    const from = fromAll('duckdb', 'cases', [decision]);
    const rows = await runner.query(`SELECT ${ident(INPUT_ALIAS)}.${ident(CASE)} AS n, ${ids.map(([name, expr]) => `${expr} AS ${name}`).join(', ')} FROM ${from} ORDER BY n`);
    const decided: (AnyDecision | null)[] = inputs.map(() => null);
    for (const row of rows) decided[Number(row['n'])] = decodeRow(decision, row, 'o');
    return decided;
  } finally {
    runner.close();
  }
}
