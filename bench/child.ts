/**
 * One benchmark child process (run by bench/run.ts from its JavaScript transpilation in
 * .bench-data/js/, with plain `node`, so no TypeScript loader sits in the measurement).
 *
 *   node child.js '{"mode":"time","engine":"cel","timed":200000,"check":200000,"rounds":7,"warmup":1}'
 *   node child.js '{"mode":"cold","engine":"compiled","root":"/repo"}'
 *   node child.js '{"mode":"check","engine":"cedar","check":2000}'   (agreement only; used by test/bench)
 *
 * Prints one line `RESULT <json>` on stdout.
 */
import { pathToFileURL } from 'node:url';
import { benchPosts } from './data.js';
import { agreement, asyncPass, makePass, nowNs, type AsyncDecide, type SyncDecide } from './timing.js';
import type { Outcome, Post } from './types.js';

export type PeerName = 'cel' | 'cedar' | 'jre';
export type ColdName = PeerName | 'tuned' | 'idiomatic' | 'compiled' | 'interpreter';

export interface TimeRequest {
  mode: 'time';
  engine: PeerName;
  /** Time on the first `timed` posts, check agreement on the first `check` posts. */
  timed: number;
  check: number;
  rounds: number;
  warmup: number;
}
export interface CheckRequest {
  mode: 'check';
  engine: PeerName;
  check: number;
}
export interface CheckResult {
  engine: PeerName;
  disagreements: number;
  checked: number;
  message?: string;
}
export interface ColdRequest {
  mode: 'cold';
  engine: ColdName;
  root: string;
}

export type TimeResult =
  | { ok: true; engine: PeerName; samples: number[]; tunedSamples: number[]; checksum: number; checked: number; timed: number; version?: string }
  | { ok: false; engine: PeerName; disagreements: number; checked: number; message: string };
export interface ColdResult {
  ok: true;
  engine: ColdName;
  loadMs: number;
  firstMs: number;
}

/** A post that exercises red lines, rules and exemptions (v3), for the first decision of a cold start. */
const COLD_POST: Post = {
  date: '2020-05-29',
  author: { handle: 'leader', role: 'world_leader', verified: true, followers: 80_000_000, strikes: 1 },
  target: 'group',
  categories: ['glorification_of_violence'],
  topic: 'political_issue',
  public_interest: true,
  offline_harm_risk: 'elevated',
};

type Engine = { sync: SyncDecide } | { async: AsyncDecide };

async function createPeer(name: PeerName): Promise<{ engine: Engine; version?: string }> {
  switch (name) {
    case 'cel': {
      const { createCelEngine } = await import('./engines/cel.js');
      const e = await createCelEngine();
      return { engine: { sync: e.decide } };
    }
    case 'cedar': {
      const { createCedarEngine } = await import('./engines/cedar.js');
      const e = await createCedarEngine();
      return { engine: { sync: e.decide }, version: e.version };
    }
    case 'jre': {
      const { createJsonRulesEngine } = await import('./engines/json-rules-engine.js');
      const e = await createJsonRulesEngine();
      return { engine: { async: e.decide } };
    }
  }
}

async function time(req: TimeRequest): Promise<TimeResult> {
  const posts = benchPosts();
  const { decide: reference } = await import('./engines/handwritten-idiomatic.js');
  const { engine, version } = await createPeer(req.engine);
  const decide = 'sync' in engine ? engine.sync : engine.async;

  const d = await agreement(reference, decide, posts.slice(0, req.check));
  if (d.count > 0) {
    const { describeDisagreement } = await import('./timing.js');
    return { ok: false, engine: req.engine, disagreements: d.count, checked: d.checked, message: describeDisagreement(req.engine, d) };
  }

  const timed = posts.slice(0, req.timed);
  const samples: number[] = [];
  let checksum = -1;
  const same = (previous: number, sum: number): number => {
    if (previous !== -1 && previous !== sum) throw new Error(`${req.engine}: checksum changed between passes`);
    return sum;
  };
  // The tuned hand-written function, timed in this process over all the posts, one pass after
  // each round of the peer: the peer's ratio to it does not depend on how loaded the machine
  // was while this child ran.
  const { decide: tuned } = await import('./engines/handwritten-tuned.js');
  const tunedPass = makePass('tuned (reference in child)');
  const tunedSamples: number[] = [];
  const tunedRound = (): void => {
    const t0 = nowNs();
    tunedPass(tuned, posts);
    tunedSamples.push(Number(nowNs() - t0) / posts.length);
  };
  for (let w = 0; w < 3; w++) tunedPass(tuned, posts);
  if ('sync' in engine) {
    const pass = makePass(req.engine);
    for (let w = 0; w < req.warmup; w++) checksum = same(checksum, pass(engine.sync, timed));
    for (let r = 0; r < req.rounds; r++) {
      const t0 = nowNs();
      const sum = pass(engine.sync, timed);
      samples.push(Number(nowNs() - t0) / timed.length);
      checksum = same(checksum, sum);
      tunedRound();
    }
  } else {
    for (let w = 0; w < req.warmup; w++) checksum = same(checksum, await asyncPass(engine.async, timed));
    for (let r = 0; r < req.rounds; r++) {
      const t0 = nowNs();
      const sum = await asyncPass(engine.async, timed);
      samples.push(Number(nowNs() - t0) / timed.length);
      checksum = same(checksum, sum);
      tunedRound();
    }
  }
  return { ok: true, engine: req.engine, samples, tunedSamples, checksum, checked: d.checked, timed: timed.length, ...(version ? { version } : {}) };
}

/** From the start of loading the engine (import + policy load/parse) to its first decision. */
async function cold(req: ColdRequest): Promise<ColdResult> {
  const post = COLD_POST;
  let decide: (p: Post) => Outcome | Promise<Outcome>;
  const t0 = performance.now();
  switch (req.engine) {
    case 'tuned':
      decide = (await import('./engines/handwritten-tuned.js')).decide;
      break;
    case 'idiomatic':
      decide = (await import('./engines/handwritten-idiomatic.js')).decide;
      break;
    case 'compiled': {
      const { compiledEntry } = await import('./engines/compiled.js');
      const mod = (await import(pathToFileURL(compiledEntry(req.root)).href)) as { decide: SyncDecide };
      decide = mod.decide;
      break;
    }
    case 'interpreter':
      decide = (await (await import('./engines/interpreter.js')).loadInterpreter(req.root)).decide;
      break;
    default: {
      const { engine } = await createPeer(req.engine);
      decide = 'sync' in engine ? engine.sync : engine.async;
    }
  }
  const t1 = performance.now();
  const first = decide(post);
  const out = first instanceof Promise ? await first : first;
  const t2 = performance.now();
  if (typeof out?.action !== 'string') throw new Error(`${req.engine}: first decision has no action`);
  return { ok: true, engine: req.engine, loadMs: t1 - t0, firstMs: t2 - t1 };
}

async function check(req: CheckRequest): Promise<CheckResult> {
  const { generatePosts } = await import('./data.js');
  const { decide: reference } = await import('./engines/handwritten-idiomatic.js');
  const { describeDisagreement } = await import('./timing.js');
  const { engine } = await createPeer(req.engine);
  const d = await agreement(reference, 'sync' in engine ? engine.sync : engine.async, generatePosts(req.check));
  return { engine: req.engine, disagreements: d.count, checked: d.checked, ...(d.count ? { message: describeDisagreement(req.engine, d) } : {}) };
}

const req = JSON.parse(process.argv[2] ?? '{}') as TimeRequest | ColdRequest | CheckRequest;
const result = req.mode === 'time' ? await time(req) : req.mode === 'check' ? await check(req) : await cold(req);
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
