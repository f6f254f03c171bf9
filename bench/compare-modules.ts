/**
 * Two compiled Twitter modules side by side: is a compiler change a slowdown?
 *
 *   npx tsx bench/compare-modules.ts OLD/index.js NEW/index.js [--rounds 41] [--posts 50000]
 *
 * (build each with `node bin/bylaw.js compile policies/twitter -o DIR --target js` at the two
 * commits). Each module gets its own timing loop (bench/timing.ts); each round times the tuned
 * hand-written function, OLD and NEW back to back, in a rotating order, and the figures printed
 * are medians of per-round ratios, so load on the machine cancels out. Two loops sharing one call
 * site would not do: the module imported second measures 10–18% slower there even when the two
 * files are byte-identical (V8's feedback at the shared site), which once read as a regression.
 * Run it twice with OLD and NEW swapped; a real difference keeps its sign.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { benchPosts } from './data.js';
import { decide as tuned } from './engines/handwritten-tuned.js';
import { makePass, pairedRatio, stats, nowNs, type SyncDecide } from './timing.js';

function option(argv: readonly string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  const value = at >= 0 ? Number(argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} takes a positive whole number`);
  return value;
}

async function main(argv: readonly string[]): Promise<void> {
  const files = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (files.length !== 2) {
    process.stderr.write('usage: npx tsx bench/compare-modules.ts OLD/index.js NEW/index.js [--rounds N] [--posts N]\n');
    process.exitCode = 2;
    return;
  }
  const rounds = option(argv, '--rounds', 41);
  const posts = benchPosts().slice(0, option(argv, '--posts', 50_000));
  const load = async (file: string): Promise<SyncDecide> => ((await import(pathToFileURL(resolve(file)).href)) as { decide: SyncDecide }).decide;
  const engines = [
    { name: 'tuned', decide: tuned as SyncDecide },
    { name: 'OLD', decide: await load(files[0]!) },
    { name: 'NEW', decide: await load(files[1]!) },
  ].map((e) => ({ ...e, pass: makePass(e.name), samples: [] as number[], checksum: 0 }));
  for (let w = 0; w < 5; w++) for (const e of engines) e.checksum = e.pass(e.decide, posts);
  if (engines[1]!.checksum !== engines[2]!.checksum) process.stdout.write('note: OLD and NEW decide differently on these posts (checksums differ)\n');
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < engines.length; k++) {
      const e = engines[(r + k) % engines.length]!;
      const t = nowNs();
      e.pass(e.decide, posts);
      e.samples.push(Number(nowNs() - t) / posts.length);
    }
  }
  const [base, old, next] = engines as [(typeof engines)[0], (typeof engines)[0], (typeof engines)[0]];
  const ns = (e: typeof base): string => `${stats(e.samples).median.toFixed(1)} ns`;
  process.stdout.write(
    `${posts.length} posts × ${rounds} rounds: tuned ${ns(base)}, OLD ${ns(old)} (${pairedRatio(old.samples, base.samples).toFixed(2)}× tuned), ` +
      `NEW ${ns(next)} (${pairedRatio(next.samples, base.samples).toFixed(2)}× tuned); NEW/OLD ${pairedRatio(next.samples, old.samples).toFixed(3)}\n`,
  );
}

await main(process.argv.slice(2));
