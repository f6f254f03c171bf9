/**
 * `bylaw replay --engine duckdb` prints what the JS replay prints: the same counts, transition
 * matrix and examples, from the same posts (JSON lines here; Parquet written by DuckDB itself).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processChunk, type Decider } from '../../src/replay/chunk.js';
import { ReplayTotals } from '../../src/replay/totals.js';
import type { PolicySet } from '../../src/checker/program.js';
import { replayWithDuckDb } from '../../src/cli/replay-duckdb.js';
import { renderReplay } from '../../src/cli/replay-report.js';
import { toTotals } from '../../src/replay/duckdb/replay.js';
import { renderTable } from '../../src/cli/table.js';
import { decideUnknown } from '../../src/interpreter/evaluate.js';
import { loadPolicy } from '../../src/load-policy.js';
import { DuckDbRunner } from '../../src/replay/duckdb/runner.js';
import { compilePolicy } from '../support/policies.js';
import { inputGenerator } from './support/inputs.js';
import { decisionColumns } from '../../src/compiler/sql/index.js';

const now = loadPolicy('policies/twitter').policy!;
// An older, simpler policy over the same Post (undated: it decides every date).
const old = compilePolicy(`
rule threats when post.categories has violent_threat then suspend
rule hate when post.categories has hateful_conduct or post.categories has harassment then remove
exemption leaders from threats, hate when post.author.role == world_leader then notice
`);

let dir: string;
let jsonl: string;
let parquet: string;
const posts = (() => {
  const next = inputGenerator(now, 99);
  const list: unknown[] = Array.from({ length: 3_000 }, next);
  // Bad rows: an unknown role, a negative count.
  list[10] = { ...(list[10] as object), target: 'nobody' };
  list[20] = { ...(list[20] as object), author: { ...(list[20] as { author: object }).author, strikes: -1 } };
  return list;
})();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bylaw-replay-'));
  jsonl = join(dir, 'posts.jsonl');
  parquet = join(dir, 'posts.parquet');
  writeFileSync(jsonl, posts.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const runner = await DuckDbRunner.open();
  await runner.registerInput(now, jsonl, 'p');
  await runner.run(`COPY p TO '${parquet}' (FORMAT parquet)`);
  runner.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function jsReport(set: PolicySet, against: PolicySet | null): string {
  const decider = (s: PolicySet) => ({ decideUnknown: (input: unknown) => decideUnknown(s, input) }) as Decider;
  const chunk = processChunk(Buffer.from(posts.map((p) => JSON.stringify(p)).join('\n') + '\n'), decider(set), against ? decider(against) : null, {
    stripId: true,
    output: false,
    fast: false,
  });
  const totals = new ReplayTotals();
  totals.add(chunk);
  return renderReplay(totals, renderTable, against !== null);
}

async function duckReport(set: PolicySet, against: PolicySet | null, input: string): Promise<string> {
  const runner = await DuckDbRunner.open();
  try {
    const result = await runner.replay(set, { input, ...(against ? { against } : {}) });
    expect(result.rows).toBe(posts.length);
    return renderReplay(toTotals(result, against !== null), renderTable, against !== null);
  } finally {
    runner.close();
  }
}

describe('replay with DuckDB', () => {
  it('counts like the JS replay (JSON lines)', async () => {
    expect(await duckReport(now, null, jsonl)).toBe(jsReport(now, null));
  });

  it('prints the same transition matrix and examples against an old policy (JSON lines and Parquet)', async () => {
    const expected = jsReport(now, old);
    expect(expected).toContain('old → new');
    expect(await duckReport(now, old, jsonl)).toBe(expected);
    expect(await duckReport(now, old, parquet)).toBe(expected);
  });

  it('the CLI branch prints the summary, lists bad rows on stderr and writes decisions', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const ctx = {
      io: { stdout: { write: () => true }, stderr: { write: () => true }, stdin: process.stdin, cwd: process.cwd() },
      exit: () => {},
      out: (line: string) => out.push(line),
      err: (line: string) => err.push(line),
    };
    const output = join(dir, 'decisions.parquet');
    await replayWithDuckDb(ctx, now, old, { input: jsonl, output });
    expect(out[0]).toMatch(/^replayed 3,000 lines of .*posts\.jsonl in [\d.]+ s \([\d,]+ posts\/s, duckdb\)$/);
    expect(out[1]).toMatch(/^cpu [\d.]+ s over all threads \([\d,]+ ns per line\)$/);
    expect(out[2]).toMatch(/^decided [\d,]+, bad lines [\d,]+ \(skipped; listed on stderr\)$/);
    expect(out.slice(5).join('\n')).toBe(jsReport(now, old));
    expect(err).toContain(`${jsonl}:11: target: expected one of Target (none, individual, public_figure, group, protected_group, state), got "nobody"`);
    expect(err).toContain(`${jsonl}:21: author.strikes: -1 is below the minimum 0`);
    const runner = await DuckDbRunner.open();
    const rows = await runner.query(`SELECT count(*) AS n, count(action) AS decided FROM read_parquet('${output}')`);
    runner.close();
    expect(Number(rows[0]!['n'])).toBe(posts.length);
  });
});

describe('replay with DuckDB: sets that declare outcomes, from Parquet (lists of structs, NULL for absent)', () => {
  it('counts every whole Decision as the interpreter decides the posts, and writes every outcome column', async () => {
    for (const path of ['policies/meta', 'policies/youtube']) {
      const set = loadPolicy(path).policy!;
      const next = inputGenerator(set, 11);
      const inputs = Array.from({ length: 2_000 }, next);
      const source = join(dir, 'outcomes.jsonl');
      const file = join(dir, 'outcomes.parquet');
      writeFileSync(source, inputs.map((p) => JSON.stringify(p)).join('\n') + '\n');
      const runner = await DuckDbRunner.open();
      try {
        await runner.registerInput(set, source, 'p');
        await runner.run(`COPY p TO '${file}' (FORMAT parquet)`);
        const output = join(dir, 'outcomes-decisions.parquet');
        const result = await runner.replay(set, { input: file, output });
        const expected = new Map<string, number>();
        let errors = 0;
        for (const input of inputs) {
          const r = decideUnknown(set, input);
          if (!r.ok) errors++;
          else expected.set(JSON.stringify(r.decision), (expected.get(JSON.stringify(r.decision)) ?? 0) + 1);
        }
        expect(result.rows).toBe(inputs.length);
        expect(result.errors).toBe(errors);
        expect(new Map(result.cells.filter((c) => c.decision !== null).map((c) => [JSON.stringify(c.decision), c.count]))).toEqual(expected);
        const columns = await runner.query(`SELECT * FROM read_parquet('${output}') LIMIT 1`);
        for (const c of decisionColumns(set)) expect(Object.keys(columns[0]!), c).toContain(c);
      } finally {
        runner.close();
      }
    }
  });
});
