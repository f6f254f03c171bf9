/**
 * Replay speed of the Meta set against the Twitter set (issue 14: within 2× of Twitter's posts
 * per second), on the main thread (`--jobs 0`). Each set replays a corpus of BIG posts and one of
 * SMALL posts (a prefix of the same stream); CPU per post is (cpu(BIG) − cpu(SMALL)) / (BIG −
 * SMALL), so the start-up, which includes compiling the policy, cancels out. Runs alternate
 * between the sets, ROUNDS rounds; CPU is the replay's own `cpu` line (user + system, all threads).
 *
 *   npm run build && npx tsx scripts/replay-speed.ts [--rounds 3] [--big 400000] [--small 100000] [--dir DIR] [--bin BIN]
 *
 * BIN is the `bylaw.js` to run (default this checkout's bin/bylaw.js); give `--bin` more than once
 * to compare builds (a copy of another commit's bin/ and dist/ beside its node_modules): each
 * round runs every build, in turn.
 * The corpora are written to DIR (a temporary directory by default) by scripts/generate-posts.ts
 * (seed 3) and scripts/generate-meta-posts.ts, unless already there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function option(argv: readonly string[], name: string, fallback: string): string {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1]! : fallback;
}

function corpus(dir: string, set: 'twitter' | 'meta', n: number): string {
  const file = join(dir, `${set}-${n}.jsonl`);
  if (!existsSync(file)) {
    const script = set === 'twitter' ? ['scripts/generate-posts.ts', String(n), file, '--seed', '3'] : ['scripts/generate-meta-posts.ts', String(n), file];
    execFileSync(process.execPath, ['--import', 'tsx', ...script], { cwd: ROOT, stdio: 'inherit' });
  }
  return file;
}

/** The replay's CPU seconds (its `cpu` line). */
function cpuOf(bin: string, set: string, file: string): number {
  const out = execFileSync(process.execPath, [bin, 'replay', `policies/${set}`, '--input', file, '--jobs', '0'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const m = /^cpu ([\d.]+) s/m.exec(out);
  if (!m) throw new Error(`no cpu line in the replay of ${file}:\n${out}`);
  return Number(m[1]);
}

function main(argv: readonly string[]): void {
  const rounds = Number(option(argv, '--rounds', '3'));
  const big = Number(option(argv, '--big', '400000'));
  const small = Number(option(argv, '--small', '100000'));
  const bins = argv.flatMap((a, i) => (a === '--bin' && argv[i + 1] !== undefined ? [argv[i + 1]!] : []));
  if (bins.length === 0) bins.push(join(ROOT, 'bin', 'bylaw.js'));
  const dir = option(argv, '--dir', '') || mkdtempSync(join(tmpdir(), 'bylaw-replay-speed-'));
  const sets = ['twitter', 'meta'] as const;
  const files = Object.fromEntries(sets.map((s) => [s, [corpus(dir, s, small), corpus(dir, s, big)]])) as Record<(typeof sets)[number], string[]>;
  const perPost = bins.map(() => ({ twitter: [] as number[], meta: [] as number[] }));
  process.stdout.write(`node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  for (let r = 0; r < rounds; r++) {
    bins.forEach((bin, k) => {
      // Alternate the order too, so neither set always runs after the other.
      for (const set of (r + k) % 2 === 0 ? sets : [...sets].reverse()) {
        const [s, b] = files[set];
        const ns = ((cpuOf(bin, set, b!) - cpuOf(bin, set, s!)) / (big - small)) * 1e9;
        perPost[k]![set].push(ns);
        process.stdout.write(`round ${r + 1} ${bin} ${set.padEnd(7)} ${(ns / 1000).toFixed(2)} µs CPU per post\n`);
      }
    });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  bins.forEach((bin, k) => {
    const t = median(perPost[k]!.twitter);
    const m = median(perPost[k]!.meta);
    process.stdout.write(`${bin} median: twitter ${(t / 1000).toFixed(2)} µs, meta ${(m / 1000).toFixed(2)} µs per post; meta replays at ${(t / m).toFixed(2)}× twitter's posts per second (goal ≥ 0.50×)\n`);
  });
  process.stdout.write(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
}

main(process.argv.slice(2));
