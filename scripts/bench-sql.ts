/**
 * Deciding posts in DuckDB with the generated SQL (docs/performance.md, "SQL / DuckDB").
 *
 *   npx tsx scripts/generate-parquet.ts --rows 10000000 --out posts.parquet
 *   npx tsx scripts/bench-sql.ts posts.parquet [--policy policies/twitter] [--threads N] [--runs 3]
 *
 * or JSON lines of any set (scripts/random-posts.ts), which `replay` reads as the JS replay does:
 *
 *   npx tsx scripts/random-posts.ts policies/meta --rows 200000 --out meta.jsonl
 *   npx tsx scripts/bench-sql.ts meta.jsonl --policy policies/meta
 *
 * Times, over the whole file, each run in the same process after one warm-up of the scan:
 *   scan      reading the columns the policy needs, no decision (the floor);
 *   replay    the runner's one-pass count of decisions (what `bylaw replay --engine duckdb` does);
 *   view      `SELECT action, basis, count(*) FROM posts_decisions GROUP BY ALL` over the view (each
 *             outcome's action, duration and basis for a set that declares outcomes);
 *   copy      `COPY (SELECT * FROM posts_decisions) TO 'decisions.parquet'`: every column of every row.
 * Prints wall time, rows/s, and the process CPU time (DuckDB's threads included), with the load
 * average, since a busy machine slows wall time but not CPU time per row.
 */
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPolicy } from '../src/load-policy.js';
import { decisionColumns, inputColumns } from '../src/compiler/sql/index.js';
import { DuckDbRunner } from '../src/replay/duckdb/runner.js';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      policy: { type: 'string', default: 'policies/twitter' },
      threads: { type: 'string' },
      runs: { type: 'string', default: '3' },
    },
  });
  const input = positionals[0];
  if (input === undefined) throw new Error('usage: bench-sql.ts posts.parquet [--policy DIR] [--threads N] [--runs N]');
  const set = loadPolicy(values.policy).policy;
  if (!set) throw new Error(`${values.policy} has errors`);
  const runner = await DuckDbRunner.open(values.threads !== undefined ? { threads: Number(values.threads) } : {});
  const threads = (await runner.query(`SELECT current_setting('threads') AS t`))[0]!['t'];
  console.log(`${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, DuckDB threads ${String(threads)}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  await runner.registerInput(set, input, 'posts');
  await runner.createDecisionView(set, 'posts');
  const rows = Number((await runner.query('SELECT count(*) AS n FROM posts'))[0]!['n']);
  const out = join(tmpdir(), `bylaw-bench-decisions-${process.pid}.parquet`);
  const columns = inputColumns(set).map((c) => `"${c.name}"`).join(', ');
  const decided = decisionColumns(set).filter((c) => c !== 'error' && !c.endsWith('_clause') && !c.endsWith('_exemption') && c !== 'clause' && c !== 'exemption' && c !== 'version');
  const cases: [string, () => Promise<unknown>][] = [
    ['scan', () => runner.query(`SELECT count(*), sum(hash(${columns})) FROM posts`)],
    ['replay', () => runner.replay(set, { input })],
    ['view', () => runner.query(`SELECT ${decided.map((c) => `"${c}"`).join(', ')}, count(*) FROM posts_decisions GROUP BY ALL`)],
    ['copy', () => runner.run(`COPY (SELECT * FROM posts_decisions) TO '${out}' (FORMAT parquet)`)],
  ];
  await cases[0]![1]();
  for (let run = 1; run <= Number(values.runs); run++) {
    for (const [name, job] of cases) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      await job();
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      console.log(
        `run ${run} ${name.padEnd(6)} ${seconds.toFixed(2).padStart(7)} s  ${Math.round(rows / seconds).toLocaleString('en-US').padStart(12)} rows/s  cpu ${cpuSeconds.toFixed(2).padStart(7)} s = ${((cpuSeconds * 1e9) / rows).toFixed(0).padStart(4)} ns/row  load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
  }
  runner.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
