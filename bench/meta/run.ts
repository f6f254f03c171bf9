/**
 * The Meta section of `npm run bench` (issue 14, "Speed"): the compiled policies/meta module
 * against the tuned hand-written function of the same policy (handwritten.ts), on seeded posts
 * with 0–20 past strikes each, rounds interleaved in this process. Both are first checked
 * against each other on every post (every field of both outcomes) and the interpreter on a
 * prefix; an engine that disagrees is not timed. Goal: compiled ≤ 1.5× hand-written.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCompiled, compiledEntry } from '../engines/compiled.js';
import { nowNs, pairedRatio, stats } from '../timing.js';
import { generatePieces, META_POSTS, META_SEED } from './data.js';
import { decide as handwritten } from './handwritten.js';
import type { MetaDecision, Piece } from './types.js';
import { makePass, type Decide } from './timing.js';


const WARMUP = 3;
const ROUNDS = 11;
/** Posts the interpreter is checked on (it is about a hundred times slower). */
const INTERPRETER_CHECK = 10_000;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function firstDisagreement(reference: Decide, candidate: (p: Piece) => unknown, pieces: readonly Piece[]): string | null {
  for (let i = 0; i < pieces.length; i++) {
    let got: unknown;
    try {
      got = candidate(pieces[i]!);
    } catch (e) {
      got = `threw ${String(e)}`;
    }
    if (!same(got, reference(pieces[i]!))) return `post #${i} ${JSON.stringify(pieces[i])}: expected ${JSON.stringify(reference(pieces[i]!))}, got ${JSON.stringify(got)}`;
  }
  return null;
}

export interface MetaResult {
  readonly failed: boolean;
  /** The goal line for the bench's goal checks. */
  readonly goal: string;
}

export async function metaBench(root: string, log: (line?: string) => void): Promise<MetaResult> {
  const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
  log();
  log('## Meta (Bylaw 2): declared outcomes, strikes counted in windows');
  const t0 = performance.now();
  const pieces = generatePieces(META_POSTS);
  const strikes = pieces.reduce((n, p) => n + p.author.strikes.length, 0);
  log(`data: ${META_POSTS.toLocaleString('en-US')} random Meta posts, 0–20 past strikes each (${(strikes / pieces.length).toFixed(1)} on average), mulberry32 seed 0x${META_SEED.toString(16)}, generated in ${(performance.now() - t0).toFixed(0)} ms`);

  let compiled: Decide;
  try {
    const { ms } = buildCompiled(root, 'meta');
    const entry = compiledEntry(root, 'meta');
    compiled = ((await import(pathToFileURL(entry).href)) as { decide: Decide }).decide;
    log(`compiled: built with \`node bin/bylaw.js compile policies/meta -o .bench-data/compiled-meta --target js\` in ${ms.toFixed(0)} ms`);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    log(`compiled: not available (${why})`);
    return { failed: true, goal: `- Meta: compiled ≤ 1.5× hand-written: NOT CHECKED (compiled not available: ${why})` };
  }

  const engines: { key: string; label: string; decide: Decide }[] = [
    { key: 'handwritten', label: 'hand-written TS, tuned (bench/meta/handwritten.ts)', decide: handwritten },
    { key: 'compiled', label: 'compiled (Bylaw module, `decide`)', decide: compiled },
  ];
  const interpreterEntry = join(root, 'dist', 'index.js');
  if (existsSync(interpreterEntry)) {
    const api = (await import(pathToFileURL(interpreterEntry).href)) as {
      loadPolicy(path: string): { policy: unknown };
      evaluate(policy: unknown, input: unknown): MetaDecision;
    };
    const policy = api.loadPolicy(join(root, 'policies', 'meta')).policy;
    engines.push({ key: 'interpreter', label: 'interpreter (Bylaw, `evaluate`)', decide: (p) => api.evaluate(policy, p) });
  }

  // Agreement before timing: every field of both outcomes, and the version.
  let failed = false;
  for (const e of engines.slice(1)) {
    const checked = e.key === 'interpreter' ? pieces.slice(0, INTERPRETER_CHECK) : pieces;
    const wrong = firstDisagreement(handwritten, e.decide, checked);
    if (wrong !== null) {
      failed = true;
      log(`${e.key}: disagrees with the hand-written function; NOT TIMED. First: ${wrong}`);
      engines.splice(engines.indexOf(e), 1);
    } else {
      log(`${e.key}: agrees with the hand-written function on ${checked.length.toLocaleString('en-US')} posts (every field of both outcomes)`);
    }
  }
  // The interpreter is timed on a prefix: it is much slower.
  const timed = (key: string) => (key === 'interpreter' ? pieces.slice(0, INTERPRETER_CHECK) : pieces);
  const runs = engines.map((e) => ({ ...e, pass: makePass(e.key), on: timed(e.key), samples: [] as number[], checksum: 0 }));
  for (let w = 0; w < WARMUP; w++) for (const r of runs) r.checksum = r.pass(r.decide, r.on);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < runs.length; k++) {
      const r = runs[(round + k) % runs.length]!;
      const t = nowNs();
      const sum = r.pass(r.decide, r.on);
      r.samples.push(Number(nowNs() - t) / r.on.length);
      if (sum !== r.checksum) throw new Error(`meta ${r.key}: checksum changed between passes`);
    }
  }
  const base = runs[0]!.samples;
  log();
  log('| engine | ns/decision median | min–max | × hand-written |');
  log('|---|---:|---:|---:|');
  for (const r of runs) {
    const s = stats(r.samples);
    log(`| ${r.label} — ${r.on.length.toLocaleString('en-US')} posts × ${ROUNDS}, this process | ${fmt(s.median)} | ${fmt(s.min)}–${fmt(s.max)} | ${pairedRatio(r.samples, base).toFixed(2)}× |`);
  }
  const compiledRun = runs.find((r) => r.key === 'compiled');
  if (!compiledRun) return { failed: true, goal: '- Meta: compiled ≤ 1.5× hand-written: NOT CHECKED (compiled disagreed, see above)' };
  const ratio = pairedRatio(compiledRun.samples, base);
  return { failed, goal: `- Meta: compiled ≤ 1.5× hand-written (posts with 0–20 past strikes): ${ratio <= 1.5 ? 'PASS' : 'FAIL'} (${ratio.toFixed(2)}×)` };
}
