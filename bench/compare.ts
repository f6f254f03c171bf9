/**
 * Two compiled modules of one policy side by side (bench/compare-modules.ts for Twitter,
 * bench/meta/compare-modules.ts for Meta): each module, and the hand-written function they are
 * measured against, gets a timing loop of its own; each round times the three back to back in
 * a rotating order, and the figures printed are medians of per-round ratios, so load on the
 * machine cancels out. Two loops sharing one call site would not do: the module imported second
 * measures 10–18% slower there even when the two files are byte-identical (V8's feedback at the
 * shared site), which once read as a regression. Run it twice with OLD and NEW swapped; a real
 * difference keeps its sign.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nowNs, pairedRatio, stats } from './timing.js';

export interface Comparison<D, P> {
  /** The command, for the usage line. */
  readonly command: string;
  /** The hand-written function the modules are measured against. */
  readonly base: { readonly name: string; readonly decide: D };
  readonly posts: (count: number) => readonly P[];
  /** A fresh timing loop (one per engine): decides every post, returns a checksum. */
  readonly makePass: (label: string) => (decide: D, posts: readonly P[]) => number;
  /** Before timing: stops (throws) or notes when OLD and NEW decide differently. */
  readonly agree: (old: D, next: D, posts: readonly P[]) => void;
}

function option(argv: readonly string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  const value = at >= 0 ? Number(argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} takes a positive whole number`);
  return value;
}

/** `OLD/index.js NEW/index.js [--rounds 41] [--posts 50000]`: prints the base, OLD, NEW and NEW/OLD. */
export async function compareModules<D, P>(argv: readonly string[], c: Comparison<D, P>): Promise<void> {
  const files = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (files.length !== 2) {
    process.stderr.write(`usage: ${c.command} OLD/index.js NEW/index.js [--rounds N] [--posts N]\n`);
    process.exitCode = 2;
    return;
  }
  const rounds = option(argv, '--rounds', 41);
  const posts = c.posts(option(argv, '--posts', 50_000));
  const load = async (file: string): Promise<D> => ((await import(pathToFileURL(resolve(file)).href)) as { decide: D }).decide;
  const engines = [
    { name: c.base.name, decide: c.base.decide },
    { name: 'OLD', decide: await load(files[0]!) },
    { name: 'NEW', decide: await load(files[1]!) },
  ].map((e) => ({ ...e, pass: c.makePass(e.name), samples: [] as number[] }));
  c.agree(engines[1]!.decide, engines[2]!.decide, posts);
  for (let w = 0; w < 5; w++) for (const e of engines) e.pass(e.decide, posts);
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
    `${posts.length} posts × ${rounds} rounds: ${base.name} ${ns(base)}, OLD ${ns(old)} (${pairedRatio(old.samples, base.samples).toFixed(2)}× ${base.name}), ` +
      `NEW ${ns(next)} (${pairedRatio(next.samples, base.samples).toFixed(2)}× ${base.name}); NEW/OLD ${pairedRatio(next.samples, old.samples).toFixed(3)}\n`,
  );
}
