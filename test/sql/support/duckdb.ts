import { expect } from 'vitest';
import type { PolicySet } from '../../../src/checker/program.js';
import { answerDuration, decisionColumns, decisionOfIds, generateSql } from '../../../src/compiler/sql/index.js';
import { numberAnswers } from '../../../src/compiler/sql/plan.js';
import { prepare, evaluate } from '../../../src/interpreter/evaluate.js';
import { outcomeParts, type AnyDecision } from '../../../src/semantics/decision.js';
import { DuckDbRunner } from '../../../src/replay/duckdb/runner.js';
import { CASE, loadInputTable } from '../../../src/replay/duckdb/cases.js';

/**
 * What the SQL view says about one row (its `id` is the input's index): every decision column
 * (`action`, `basis`, … for Bylaw 1; `content_action`, `content_duration`, … per declared outcome).
 */
export interface SqlRow {
  readonly id: number;
  readonly version: string | null;
  readonly error: string | null;
  readonly [column: string]: string | number | null;
}

let counter = 0;

/**
 * Loads `inputs` into a typed DuckDB table (`loadInputTable`, as `bylaw test --duckdb` does),
 * creates the set's decision view over it and reads every row back in input order.
 */
export async function decideInDuckDb(
  runner: DuckDbRunner,
  set: PolicySet,
  inputs: readonly unknown[],
  options: { portable?: boolean } = {},
): Promise<SqlRow[]> {
  const table = `posts_${++counter}`;
  await loadInputTable(runner, set, inputs, table);
  await runner.run(generateSql(set, { table, portable: options.portable === true }));
  const decided = decisionColumns(set);
  const rows = await runner.query(`SELECT "${CASE}" AS id, ${decided.map((c) => `"${c}"`).join(', ')} FROM ${table}_decisions ORDER BY id`);
  return rows.map((r) => ({ id: Number(r['id']), ...Object.fromEntries(decided.map((c) => [c, r[c] as string | null])) }) as SqlRow);
}

/** What the interpreter says, in the view's terms. */
export function expectedRow(set: PolicySet, input: unknown, id: number): SqlRow {
  const columns = decisionColumns(set);
  const nulls = Object.fromEntries(columns.map((c) => [c, null]));
  const prepared = prepare(set, input);
  if (!prepared.ok) {
    if (prepared.noVersion) return { id, ...nulls, error: prepared.noVersion.message } as SqlRow;
    // Input problems: the SQL wording differs (docs/sql.md); the row must be an error all the same.
    return { id, ...nulls, error: '(invalid input)' } as SqlRow;
  }
  const d = evaluate(set, input);
  const declared = 'outcomes' in d;
  const values: Record<string, string | null> = { ...nulls, version: d.version, error: null };
  for (const { name, part } of outcomeParts(d)) {
    const column = (field: string) => (declared ? `${name}_${field}` : field);
    values[column('action')] = part.action;
    if (declared) values[column('duration')] = part.duration ?? null;
    values[column('basis')] = part.basis;
    values[column('clause')] = part.clause;
    values[column('exemption')] = part.exemption;
  }
  return { id, ...Object.fromEntries(columns.map((c) => [c, values[c]!])) } as SqlRow;
}

/** Compares every row; reports the first few differences with their inputs. */
export function expectSameDecisions(set: PolicySet, inputs: readonly unknown[], rows: readonly SqlRow[]): void {
  expect(rows.length).toBe(inputs.length);
  const differences: unknown[] = [];
  rows.forEach((row, i) => {
    const expected = expectedRow(set, inputs[i], i);
    const undecided = decisionColumns(set).every((c) => c === 'error' || row[c] === null);
    const actual = expected.error === '(invalid input)' && row.error !== null && undecided ? { ...row, error: '(invalid input)' } : row;
    if (JSON.stringify(actual) !== JSON.stringify(expected) && differences.length < 5) differences.push({ input: inputs[i], expected, actual: row });
  });
  expect(differences).toEqual([]);
}

/**
 * The whole Decision a row of the view stands for: each outcome's columns matched to the one
 * answer of the plan they name (so `because` comes back too), or null for a row without one.
 */
export function decisionOfRow(set: PolicySet, row: SqlRow): AnyDecision | null {
  if (row.error !== null) return null;
  const sql = numberAnswers(set);
  const ids = sql.outcomes.map((o) => {
    const column = (field: string) => row[sql.declared ? `${o.name}_${field}` : field] ?? null;
    const found = o.answers.filter(
      ({ answer, version }) =>
        version === row.version &&
        answer.action === column('action') &&
        answer.basis === column('basis') &&
        answer.clause === column('clause') &&
        answer.exemption === column('exemption') &&
        (!sql.declared || answerDuration(answer) === column('duration')),
    );
    if (found.length !== 1) throw new Error(`row ${row.id}: ${found.length} answers of \`${o.name}\` match ${JSON.stringify(row)}`);
    return found[0]!.id;
  });
  return decisionOfIds(sql, ids);
}
