/**
 * Replays JSON lines through the JS replay (`processChunk`: JSON.parse and validation, no fast
 * reader, deciding with the interpreter) and through DuckDB, and holds them equal: the line
 * count, every bad line with its message, the decided count, the report and the decision (or
 * error) of every line in --output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { processChunk } from '../../../src/replay/chunk.js';
import { ReplayTotals } from '../../../src/replay/totals.js';
import type { PolicySet } from '../../../src/checker/program.js';
import { renderReplay } from '../../../src/cli/replay-report.js';
import { toTotals } from '../../../src/replay/duckdb/replay.js';
import { renderTable } from '../../../src/cli/table.js';
import { decideUnknown } from '../../../src/interpreter/evaluate.js';
import type { DuckDbRunner } from '../../../src/replay/duckdb/runner.js';

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

const decider = (set: PolicySet) => ({ decideUnknown: (input: unknown) => decideUnknown(set, input) });
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

/** The lines, each ended by `end`. */
export const lines = (list: readonly Buffer[], end = '\n') => Buffer.concat(list.flatMap((l) => [l, Buffer.from(end)]));
