/**
 * Generates N seeded pseudo-random posts (the stdlib `Post` record) as Parquet, by DuckDB itself:
 * every field is a function of (row number, field, seed) through DuckDB's `hash`, so the same
 * arguments give the same file, whatever the number of threads.
 *
 *   npx tsx scripts/generate-parquet.ts --rows 10000000 --out posts.parquet [--seed 1]
 *     [--jsonl sample.jsonl --jsonl-rows 100000]
 *
 * The mix: dates from 2017-01-01 to 2021-12-31 (the first Twitter version takes effect on
 * 2017-09-25, so about 15% of the rows have no version in force), most authors ordinary, most posts
 * with no category, thresholds (100,000 followers, 0/1 strikes) hit often.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROLES = ['public_figure', 'world_leader', 'government_official', 'candidate', 'government_entity', 'military_entity', 'violent_extremist_group'];
const TARGETS = ['none', 'individual', 'public_figure', 'group', 'protected_group', 'state'];
const CATEGORIES = [
  'violent_threat', 'terrorism', 'violent_extremism', 'child_sexual_exploitation', 'private_information', 'intimate_media',
  'self_harm', 'hateful_conduct', 'harassment', 'glorification_of_violence', 'civic_integrity',
];
const TOPICS = ['none', 'political_issue', 'foreign_policy'];
const RISKS = ['none', 'elevated', 'severe'];

const list = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;

/** The SELECT that makes the posts; `seed` is an integer. */
export function postsQuery(rows: number, seed: number): string {
  const h = (k: number) => `hash(i, ${k}, ${seed})`;
  /** An integer in [0, n). */
  const pick = (k: number, n: number) => `CAST(${h(k)} % ${n} AS INTEGER)`;
  const categories = CATEGORIES.map((c, k) => `CASE WHEN ${pick(20 + k, 1000)} < 35 THEN ['${c}'] ELSE [] END`);
  return `SELECT
  DATE '2017-01-01' + ${pick(1, 1826)} AS "date",
  {
    'handle': 'user' || CAST(${pick(2, 1000000)} AS VARCHAR),
    'role': CASE WHEN ${pick(3, 100)} < 70 THEN 'ordinary' ELSE ${list(ROLES)}[1 + ${pick(4, ROLES.length)}] END,
    'verified': ${pick(5, 100)} < 30,
    'followers': CASE ${pick(6, 10)}
      WHEN 0 THEN 100000 WHEN 1 THEN 100001 WHEN 2 THEN 99999
      ELSE CAST(pow(10, ${pick(7, 700)} / 100.0) AS BIGINT) END,
    'strikes': CAST(CASE WHEN ${pick(8, 100)} < 60 THEN 0 ELSE ${pick(9, 5)} END AS BIGINT)
  } AS "author",
  ${list(TARGETS)}[1 + ${pick(10, TARGETS.length)}] AS "target",
  list_concat(${categories.join(',\n    ')}) AS "categories",
  ${list(TOPICS)}[1 + ${pick(11, TOPICS.length)}] AS "topic",
  ${pick(12, 100)} < 40 AS "public_interest",
  ${list(RISKS)}[1 + ${pick(13, RISKS.length)}] AS "offline_harm_risk"
FROM range(${rows}) AS t(i)`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '10000000' },
      out: { type: 'string', default: 'posts.parquet' },
      seed: { type: 'string', default: '1' },
      jsonl: { type: 'string' },
      'jsonl-rows': { type: 'string', default: '100000' },
    },
  });
  const rows = Number(values.rows);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(rows) || rows < 0 || !Number.isSafeInteger(seed)) throw new Error('--rows and --seed must be integers');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const out = resolve(values.out).replaceAll("'", "''");
  const started = performance.now();
  await connection.run(`COPY (${postsQuery(rows, seed)}) TO '${out}' (FORMAT parquet, COMPRESSION zstd)`);
  console.log(`wrote ${rows.toLocaleString('en-US')} posts to ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (values.jsonl !== undefined) {
    const n = Number(values['jsonl-rows']);
    const jsonl = resolve(values.jsonl).replaceAll("'", "''");
    await connection.run(`COPY (SELECT * FROM read_parquet('${out}') LIMIT ${n}) TO '${jsonl}' (FORMAT json)`);
    console.log(`wrote the first ${n.toLocaleString('en-US')} as JSON lines to ${values.jsonl}`);
  }
  connection.closeSync();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
