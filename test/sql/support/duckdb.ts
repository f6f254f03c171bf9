import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { PolicySet } from '../../../src/checker/program.js';
import { generateSql, inputColumns } from '../../../src/compiler/sql/index.js';
import { prepare, evaluate } from '../../../src/interpreter/evaluate.js';
import { DuckDbRunner } from '../../../src/replay/duckdb/runner.js';

/** What the SQL view says about one row (its `id` is the input's index). */
export interface SqlRow {
  readonly id: number;
  readonly action: string | null;
  readonly basis: string | null;
  readonly clause: string | null;
  readonly exemption: string | null;
  readonly version: string | null;
  readonly error: string | null;
}

let counter = 0;

/**
 * Loads `inputs` into a typed DuckDB table (STRUCT, VARCHAR[], DATE, BIGINT columns: JSON lines
 * read with an explicit columns spec, plus an `id`), creates the set's decision view over it and
 * reads every row back in input order.
 */
export async function decideInDuckDb(
  runner: DuckDbRunner,
  set: PolicySet,
  inputs: readonly unknown[],
  options: { portable?: boolean } = {},
): Promise<SqlRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bylaw-sql-'));
  try {
    const file = join(dir, 'posts.jsonl');
    writeFileSync(file, inputs.map((input, id) => JSON.stringify({ id, ...(input as object) })).join('\n') + '\n');
    const table = `posts_${++counter}`;
    const columns = [{ name: 'id', type: 'BIGINT' }, ...inputColumns(set, 'duckdb')]
      .map((c) => `'${c.name}': '${c.type.replaceAll("'", "''")}'`)
      .join(', ');
    await runner.run(`CREATE TABLE ${table} AS SELECT * FROM read_json('${file}', format = 'newline_delimited', columns = {${columns}})`);
    await runner.run(generateSql(set, { table, portable: options.portable === true }));
    const rows = await runner.query(`SELECT id, action, basis, clause, exemption, version, error FROM ${table}_decisions ORDER BY id`);
    return rows.map((r) => ({
      id: Number(r['id']),
      action: r['action'] as string | null,
      basis: r['basis'] as string | null,
      clause: r['clause'] as string | null,
      exemption: r['exemption'] as string | null,
      version: r['version'] as string | null,
      error: r['error'] as string | null,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the interpreter says, in the view's terms. */
export function expectedRow(set: PolicySet, input: unknown, id: number): SqlRow {
  const prepared = prepare(set, input);
  if (!prepared.ok) {
    if (prepared.noVersion) return { id, action: null, basis: null, clause: null, exemption: null, version: null, error: prepared.noVersion.message };
    // Input problems: the SQL wording differs (docs/sql.md); the row must be an error all the same.
    return { id, action: null, basis: null, clause: null, exemption: null, version: null, error: '(invalid input)' };
  }
  const d = evaluate(set, input);
  return { id, action: d.action, basis: d.basis, clause: d.clause, exemption: d.exemption, version: d.version, error: null };
}

/** Compares every row; reports the first few differences with their inputs. */
export function expectSameDecisions(set: PolicySet, inputs: readonly unknown[], rows: readonly SqlRow[]): void {
  expect(rows.length).toBe(inputs.length);
  const differences: unknown[] = [];
  rows.forEach((row, i) => {
    const expected = expectedRow(set, inputs[i], i);
    const actual = expected.error === '(invalid input)' && row.error !== null && row.action === null ? { ...row, error: '(invalid input)' } : row;
    if (JSON.stringify(actual) !== JSON.stringify(expected) && differences.length < 5) differences.push({ input: inputs[i], expected, actual: row });
  });
  expect(differences).toEqual([]);
}
