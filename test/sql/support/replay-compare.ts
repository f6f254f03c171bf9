/**
 * Replays JSON lines through the JS replay (`processChunk`: JSON.parse and validation, no fast
 * reader, deciding with the interpreter) and through DuckDB, and holds them equal: the line
 * count, every bad line with its message, the decided count, the report and the decision (or
 * error) of every line in --output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { processChunk, type Decider } from '../../../src/replay/chunk.js';
import { ReplayTotals } from '../../../src/replay/totals.js';
import type { PolicySet } from '../../../src/checker/program.js';
import { renderReplay } from '../../../src/cli/replay-report.js';
import { toTotals } from '../../../src/replay/duckdb/replay.js';
import { renderTable } from '../../../src/cli/table.js';
import { decisionColumns } from '../../../src/compiler/sql/index.js';
import { decideUnknown } from '../../../src/interpreter/evaluate.js';
import { outcomeParts } from '../../../src/semantics/decision.js';
import type { DuckDbRunner } from '../../../src/replay/duckdb/runner.js';
import { lineJudge, type Judged } from '../../../src/replay/duckdb/line-judge.js';

let files = 0;

export interface Replayed {
  readonly lines: number;
  readonly decided: number;
  /** `line: message`, every bad line in order. */
  readonly bad: readonly string[];
  readonly report: string;
  /** Per line: its decision or its error. */
  readonly perLine: readonly string[];
}

const decider = (set: PolicySet) => ({ decideUnknown: (input: unknown) => decideUnknown(set, input) }) as Decider;
const stripIdFor = (sets: readonly PolicySet[]) => !sets.some((s) => s.versions.some((v) => v.inputType.fields.some((f) => f.name === 'id')));

function perLine(rows: readonly Record<string, unknown>[]): string[] {
  return rows.map((r) => JSON.stringify([r['line'], r['action'] ?? null, r['basis'] ?? null, r['clause'] ?? null, r['exemption'] ?? null, r['version'] ?? null, r['error'] ?? null]));
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function jsReplay(set: PolicySet, against: PolicySet | null, bytes: Buffer): Replayed {
  const chunk = processChunk(bytes, decider(set), against ? decider(against) : null, { stripId: stripIdFor(against ? [set, against] : [set]), output: true, fast: false });
  const totals = new ReplayTotals();
  const bad = totals.add(chunk).map((b) => `${b.line}: ${b.reason}`);
  return { lines: totals.lines, decided: totals.decided, bad, report: renderReplay(totals, renderTable, against !== null), perLine: perLine(jsonLines(Buffer.from(chunk.output!).toString('utf8'))) };
}

async function duckReplay(runner: DuckDbRunner, dir: string, set: PolicySet, against: PolicySet | null, bytes: Buffer): Promise<Replayed & { judged: number }> {
  const input = join(dir, `posts-${++files}.jsonl`);
  const output = join(dir, `decisions-${files}.jsonl`);
  writeFileSync(input, bytes);
  const result = await runner.replay(set, { input, output, errorRows: Number.MAX_SAFE_INTEGER, ...(against ? { against } : {}) });
  return {
    lines: result.rows,
    decided: result.decided,
    bad: result.errorRows.map((e) => `${e.row + 1}: ${e.error}`),
    report: renderReplay(toTotals(result, against !== null), renderTable, against !== null),
    perLine: perLine(jsonLines(readFileSync(output, 'utf8'))),
    judged: result.judged ?? -1,
  };
}

export async function expectSame(runner: DuckDbRunner, dir: string, set: PolicySet, against: PolicySet | null, bytes: Buffer): Promise<{ js: Replayed; duck: Replayed & { judged: number } }> {
  const js = jsReplay(set, against, bytes);
  const duck = await duckReplay(runner, dir, set, against, bytes);
  expect(duck.lines).toBe(js.lines);
  expect(duck.bad).toEqual(js.bad);
  expect(duck.decided).toBe(js.decided);
  expect(duck.perLine).toEqual(js.perLine);
  expect(duck.report).toBe(js.report);
  return { js, duck };
}

/** A decision as the decision columns of `--output` hold it (`decisionColumns`), or a bad line's message. */
function columnsOf(set: PolicySet, verdict: Judged): Record<string, string | null> {
  const values: Record<string, string | null> = Object.fromEntries(decisionColumns(set).map((c) => [c, null]));
  if (!verdict.ok) return { ...values, error: verdict.error };
  const d = verdict.decision;
  const declared = 'outcomes' in d;
  values['version'] = d.version;
  for (const { name, part } of outcomeParts(d)) {
    const column = (field: string) => (declared ? `${name}_${field}` : field);
    for (const field of ['action', 'basis', 'clause', 'exemption'] as const) values[column(field)] = part[field];
    if (declared) values[column('duration')] = part.duration ?? null;
  }
  return values;
}

/**
 * For any policy set (one that declares outcomes too): the JS replay's verdict on each line
 * (`lineJudge`: processChunk's parsing, validation and messages, the interpreter's decision)
 * against DuckDB's — the line count, every bad line and its message, every line's decision
 * columns in `--output`, and the count of each (decision, against decision) pair, whole
 * Decisions compared (`because` texts included).
 */
export async function expectSameVerdicts(runner: DuckDbRunner, dir: string, set: PolicySet, against: PolicySet | null, bytes: Buffer): Promise<{ judged: number; decided: number; bad: string[] }> {
  const judge = lineJudge(set, against, stripIdFor(against ? [set, against] : [set]));
  const pieces: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(10, start);
    pieces.push(bytes.subarray(start, end < 0 ? bytes.length : end));
    start = end < 0 ? bytes.length : end + 1;
  }
  const verdicts = pieces.map((line) => judge(line));
  const pairs = new Map<string, number>();
  verdicts.forEach((v) => {
    if (!v.ok) return;
    const key = JSON.stringify([v.decision, against ? v.against : undefined]);
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  });
  const input = join(dir, `posts-${++files}.jsonl`);
  const output = join(dir, `decisions-${files}.jsonl`);
  writeFileSync(input, bytes);
  const result = await runner.replay(set, { input, output, errorRows: Number.MAX_SAFE_INTEGER, ...(against ? { against } : {}) });
  expect(result.rows).toBe(pieces.length);
  const bad = result.errorRows.map((e) => `${e.row + 1}: ${e.error}`);
  expect(bad).toEqual(verdicts.flatMap((v, i) => (v.ok ? [] : [`${i + 1}: ${v.error}`])));
  expect(result.decided).toBe(verdicts.filter((v) => v.ok).length);
  const columns = decisionColumns(set);
  const written = jsonLines(readFileSync(output, 'utf8')).map((r) => JSON.stringify([r['line'], ...columns.map((c) => r[c] ?? null)]));
  expect(written).toEqual(verdicts.map((v, i) => JSON.stringify([i + 1, ...columns.map((c) => columnsOf(set, v)[c])])));
  const cells = new Map(result.cells.filter((c) => c.decision !== null).map((c) => [JSON.stringify([c.decision, against ? (c.against ?? null) : undefined]), c.count]));
  expect(cells).toEqual(pairs);
  return { judged: result.judged ?? -1, decided: result.decided, bad };
}

/** The lines, each ended by `end`. */
export const lines = (list: readonly Buffer[], end = '\n') => Buffer.concat(list.flatMap((l) => [l, Buffer.from(end)]));
