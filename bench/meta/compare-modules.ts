/**
 * Two compiled Meta modules side by side: does a compiler change make `decide` faster?
 *
 *   npx tsx bench/meta/compare-modules.ts OLD/index.js NEW/index.js [--rounds 41] [--posts 50000]
 *
 * (build each with `node bin/bylaw.js compile policies/meta -o DIR --target js` at the two
 * commits). The Meta counterpart of bench/compare-modules.ts, with the same method: the
 * hand-written function (handwritten.ts), OLD and NEW each in a timing loop of its own, timed
 * back to back in an order rotated every round, on the Meta benchmark's posts (data.ts); the
 * figures are medians of per-round ratios, so load on the machine cancels out. OLD and NEW must
 * agree on every post (every field of both outcomes) before anything is timed. Run it twice
 * with OLD and NEW swapped; a real difference keeps its sign.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nowNs, pairedRatio, stats } from '../timing.js';
import { generatePieces } from './data.js';
import { decide as handwritten } from './handwritten.js';
import type { MetaDecision, Piece } from './types.js';

type Decide = (piece: Piece) => MetaDecision;
type Pass = (decide: Decide, pieces: readonly Piece[]) => number;

let loops = 0;
/** A timing loop of its own per engine (see ../timing.ts): checksum = Σ lengths of both actions. */
function makePass(label: string): Pass {
  return new Function(
    'decide',
    'pieces',
    `"use strict"; // timing loop: meta compare ${label} #${++loops}
     let sink = 0;
     for (let i = 0; i < pieces.length; i++) {
       const o = decide(pieces[i]).outcomes;
       sink = (sink + o.content.action.length + o.account.action.length) | 0;
     }
     return sink >>> 0;`,
  ) as Pass;
}

function option(argv: readonly string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  const value = at >= 0 ? Number(argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} takes a positive whole number`);
  return value;
}

async function main(argv: readonly string[]): Promise<void> {
  const files = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (files.length !== 2) {
    process.stderr.write('usage: npx tsx bench/meta/compare-modules.ts OLD/index.js NEW/index.js [--rounds N] [--posts N]\n');
    process.exitCode = 2;
    return;
  }
  const rounds = option(argv, '--rounds', 41);
  const pieces = generatePieces(option(argv, '--posts', 50_000));
  const load = async (file: string): Promise<Decide> => ((await import(pathToFileURL(resolve(file)).href)) as { decide: Decide }).decide;
  const engines = [
    { name: 'handwritten', decide: handwritten },
    { name: 'OLD', decide: await load(files[0]!) },
    { name: 'NEW', decide: await load(files[1]!) },
  ].map((e) => ({ ...e, pass: makePass(e.name), samples: [] as number[] }));
  for (let i = 0; i < pieces.length; i++) {
    const old = JSON.stringify(engines[1]!.decide(pieces[i]!));
    const next = JSON.stringify(engines[2]!.decide(pieces[i]!));
    if (old !== next) throw new Error(`OLD and NEW disagree on post #${i} ${JSON.stringify(pieces[i])}: ${old} against ${next}`);
  }
  for (let w = 0; w < 5; w++) for (const e of engines) e.pass(e.decide, pieces);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < engines.length; k++) {
      const e = engines[(r + k) % engines.length]!;
      const t = nowNs();
      e.pass(e.decide, pieces);
      e.samples.push(Number(nowNs() - t) / pieces.length);
    }
  }
  const [base, old, next] = engines as [(typeof engines)[0], (typeof engines)[0], (typeof engines)[0]];
  const ns = (e: typeof base): string => `${stats(e.samples).median.toFixed(1)} ns`;
  process.stdout.write(
    `${pieces.length} posts × ${rounds} rounds: hand-written ${ns(base)}, OLD ${ns(old)} (${pairedRatio(old.samples, base.samples).toFixed(2)}× hand-written), ` +
      `NEW ${ns(next)} (${pairedRatio(next.samples, base.samples).toFixed(2)}× hand-written); NEW/OLD ${pairedRatio(next.samples, old.samples).toFixed(3)}\n`,
  );
}

await main(process.argv.slice(2));
