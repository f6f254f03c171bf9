/**
 * CLI start-up: whole `bylaw` processes, timed from spawn to exit, side by side with `node -e 0`
 * in the same rounds (interleaved, order rotated every round), so each ratio compares runs made
 * under the same machine load. Part of `npm run bench`; alone: `npm run bench:startup`.
 *
 * The goals (issue 12): `--version` ≤ 1.5×, `decide` on one post ≤ 3×, `check policies/twitter`
 * ≤ 4× the time of `node -e 0`. BYLAW_BENCH_BIN=/path/to/bin/bylaw.js times another build instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stats, type Stats } from './timing.js';

const ROUNDS = 15;
const WARMUP_ROUNDS = 2;

interface Plan {
  readonly key: string;
  readonly shown: string;
  readonly args: readonly string[];
  /** The goal: at most this many times `node -e 0`. */
  readonly goal?: number;
}

export interface StartupRow {
  readonly key: string;
  readonly shown: string;
  readonly stats: Stats;
  readonly ratio: number;
  readonly goal?: number;
}

export interface StartupResult {
  readonly rounds: number;
  readonly baseline: Stats;
  readonly rows: readonly StartupRow[];
}

function plans(root: string): Plan[] {
  // One post, in the shape of the golden cases: the first case's input.
  const cases = JSON.parse(readFileSync(join(root, 'test', 'golden', 'twitter.cases.json'), 'utf8')) as { cases: { input: unknown }[] };
  const dir = join(root, '.bench-data');
  mkdirSync(dir, { recursive: true });
  const post = join(dir, 'startup-post.json');
  writeFileSync(post, JSON.stringify(cases.cases[0]!.input));
  // Another build's launcher, to compare (e.g. an older checkout): BYLAW_BENCH_BIN=/path/to/bin/bylaw.js.
  const bylaw = process.env['BYLAW_BENCH_BIN'] ?? join(root, 'bin', 'bylaw.js');
  return [
    { key: 'node', shown: 'node -e 0', args: ['-e', '0'] },
    { key: 'version', shown: 'bylaw --version', args: [bylaw, '--version'], goal: 1.5 },
    { key: 'decide', shown: 'bylaw decide policies/twitter --input post.json', args: [bylaw, 'decide', 'policies/twitter', '--input', post], goal: 3 },
    { key: 'check', shown: 'bylaw check policies/twitter', args: [bylaw, 'check', 'policies/twitter'], goal: 4 },
    { key: 'compile', shown: 'bylaw compile policies/twitter --target js', args: [bylaw, 'compile', 'policies/twitter', '-o', join(dir, 'startup-compiled'), '--target', 'js'] },
    { key: 'fmt', shown: 'bylaw fmt --check policies/twitter', args: [bylaw, 'fmt', '--check', 'policies/twitter'] },
    { key: 'help', shown: 'bylaw --help (loads every command)', args: [bylaw, '--help'] },
  ];
}

/** Wall-clock milliseconds of one whole process; throws if it fails. */
function timeOnce(root: string, plan: Plan): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, plan.args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`\`${plan.shown}\` exited with ${result.status ?? result.signal}: ${(result.stderr ?? '').trim().split('\n')[0]}`);
  return ms;
}

export function measureStartup(root: string): StartupResult {
  const all = plans(root);
  const samples = new Map<string, number[]>(all.map((p) => [p.key, []]));
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    for (let k = 0; k < all.length; k++) {
      const plan = all[(round + k) % all.length]!;
      const ms = timeOnce(root, plan);
      if (round >= WARMUP_ROUNDS) samples.get(plan.key)!.push(ms);
    }
  }
  const baseline = stats(samples.get('node')!);
  const rows = all
    .filter((p) => p.key !== 'node')
    .map((p) => {
      const s = stats(samples.get(p.key)!);
      return { key: p.key, shown: p.shown, stats: s, ratio: s.median / baseline.median, ...(p.goal !== undefined ? { goal: p.goal } : {}) };
    });
  return { rounds: ROUNDS, baseline, rows };
}

const ms = (n: number): string => `${n.toFixed(0)} ms`;

/** The table and the goal lines, as `npm run bench` prints them. */
export function startupReport(result: StartupResult): { table: string[]; goals: string[] } {
  const table = [
    `CLI start-up: whole processes, median of ${result.rounds} rounds (after ${WARMUP_ROUNDS} warm-up rounds), every command once per round in rotated order, next to \`node -e 0\`:`,
    '',
    '| command | median | min–max | × `node -e 0` |',
    '|---|---:|---:|---:|',
    `| \`node -e 0\` | ${ms(result.baseline.median)} | ${ms(result.baseline.min)}–${ms(result.baseline.max)} | 1.00× |`,
    ...result.rows.map((r) => `| \`${r.shown}\` | ${ms(r.stats.median)} | ${ms(r.stats.min)}–${ms(r.stats.max)} | ${r.ratio.toFixed(2)}× |`),
  ];
  const goals = result.rows
    .filter((r) => r.goal !== undefined)
    .map((r) => `- \`${r.shown}\` ≤ ${r.goal}× \`node -e 0\`: ${r.ratio <= r.goal! ? 'PASS' : 'FAIL'} (${r.ratio.toFixed(2)}×)`);
  return { table, goals };
}

// `tsx bench/startup.ts`: this section alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { table, goals } = startupReport(measureStartup(root));
  for (const line of [...table, '', 'Goal checks:', ...goals]) process.stdout.write(`${line}\n`);
}
