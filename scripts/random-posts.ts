/**
 * Seeded random posts of any policy set as JSON lines, for benchmarks (scripts/bench-sql.ts):
 * the boundary-biased generator of the SQL tests (test/sql/support/inputs.ts) — lists empty,
 * short and long, optional fields absent, null or present, dates around the policy's windows.
 *
 *   npx tsx scripts/random-posts.ts policies/meta --rows 200000 --out meta.jsonl [--seed 1]
 */
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadPolicy } from '../src/load-policy.js';
import { inputGenerator } from '../test/sql/support/inputs.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rows: { type: 'string', default: '100000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
});
const set = positionals[0] === undefined ? null : loadPolicy(positionals[0]).policy;
if (!set || values.out === undefined) {
  console.error('usage: random-posts.ts <policy set> --rows N --out posts.jsonl [--seed N]');
  process.exit(2);
}
const next = inputGenerator(set, Number(values.seed));
const out = createWriteStream(values.out);
const rows = Number(values.rows);
for (let i = 0; i < rows; i++) {
  if (!out.write(`${JSON.stringify(next())}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}
out.end();
