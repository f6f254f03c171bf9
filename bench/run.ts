/**
 * `npm run bench` (issue 3, "Measured against the field"; the Meta section: issue 14).
 *
 * Our engines (compiled, interpreter, two hand-written functions) run side by side in this
 * process over the same 200,000 seeded posts, rounds interleaved. The peers run in child
 * processes of their own (Cedar must: see PERFORMANCE.md), slow ones on a stated prefix of the
 * same posts. Every engine is first checked against the hand-written reference (action and
 * basis); one that disagrees is not timed. Cold starts are measured in fresh processes.
 *
 * Exit code 1 if an engine disagreed with the reference or a peer could not be measured;
 * goal checks are reported (PASS/FAIL) but do not change the exit code.
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { N_POSTS, SEED, benchPosts } from './data.js';
import { buildCompiled, loadCompiled } from './engines/compiled.js';
import { decide as idiomatic } from './engines/handwritten-idiomatic.js';
import { decide as tuned } from './engines/handwritten-tuned.js';
import { loadInterpreter } from './engines/interpreter.js';
import { metaBench } from './meta/run.js';
import type { ColdName, ColdRequest, ColdResult, PeerName, TimeRequest, TimeResult } from './child.js';
import { measureStartup, startupReport } from './startup.js';
import {
  agreement,
  describeDisagreement,
  makeFloorPass,
  makePass,
  nowNs,
  pairedRatio,
  stats,
  type Pass,
  type Stats,
  type SyncDecide,
} from './timing.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const JS_DIR = join(ROOT, '.bench-data', 'js');

// ------------------------------------------------------------------ settings

const OUR_WARMUP_PASSES = 3;
const OUR_ROUNDS = 11;
const COLD_RUNS = 5;
const CEDAR_FLAGS = ['--no-turbo-inline-js-wasm-calls'];

interface PeerPlan {
  name: PeerName;
  label: string;
  pkg: string;
  timed: number;
  check: number;
  rounds: number;
  warmup: number;
  flags: string[];
}

const PEERS: PeerPlan[] = [
  { name: 'cel', label: 'CEL, `@marcbachmann/cel-js` %v (parsed once)', pkg: '@marcbachmann/cel-js', timed: N_POSTS, check: N_POSTS, rounds: 7, warmup: 1, flags: [] },
  {
    name: 'cedar',
    label: 'Cedar, `@cedar-policy/cedar-wasm` %v, `statefulIsAuthorized` (preparsed)',
    pkg: '@cedar-policy/cedar-wasm',
    timed: 5_000,
    check: 20_000,
    rounds: 7,
    warmup: 1,
    flags: CEDAR_FLAGS,
  },
  { name: 'jre', label: '`json-rules-engine` %v (plain `pathResolver`)', pkg: 'json-rules-engine', timed: 2_000, check: 20_000, rounds: 7, warmup: 1, flags: [] },
];

// ------------------------------------------------------------------ helpers

const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
const fmtNs = (n: number): string => (n >= 100 ? fmtInt(n) : n.toFixed(1));
const fmtRatio = (r: number): string => (r >= 100 ? `${fmtInt(r)}×` : r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(2)}×`);
const fmtMs = (ms: number): string => (ms >= 100 ? `${fmtInt(ms)} ms` : `${ms.toFixed(1)} ms`);
const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
const log = (line = ''): void => void process.stdout.write(`${line}\n`);

function pkgVersion(pkg: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1]!.trim();
  } catch {
    /* not Linux */
  }
  return cpus()[0]?.model ?? 'unknown';
}

/** Transpile bench/**.ts to .bench-data/js/ so child processes run on plain `node`. */
function transpileBench(): void {
  rmSync(JS_DIR, { recursive: true, force: true });
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  for (const file of walk(join(ROOT, 'bench'))) {
    const out = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false },
    });
    const target = join(JS_DIR, relative(join(ROOT, 'bench'), file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, out.outputText);
  }
}

/** Run bench/child.ts (transpiled) in a fresh node process; resolves with its RESULT line. */
function runChild<T>(request: TimeRequest | ColdRequest, flags: string[], timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...flags, join(JS_DIR, 'child.js'), JSON.stringify(request)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (line) return resolve(JSON.parse(line.slice(7)) as T);
      const why = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.length > 0)
        .slice(0, 3)
        .join(' | ');
      reject(new Error(`child exited with ${code ?? signal}${why ? `: ${why}` : ''}`));
    });
  });
}

async function coldStart(engine: ColdName, flags: string[]): Promise<{ load: number; first: number; total: number }> {
  const runs: ColdResult[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    runs.push(await runChild<ColdResult>({ mode: 'cold', engine, root: ROOT }, flags, 60_000));
  }
  const total = stats(runs.map((r) => r.loadMs + r.firstMs)).median;
  return { load: stats(runs.map((r) => r.loadMs)).median, first: stats(runs.map((r) => r.firstMs)).median, total };
}

// ------------------------------------------------------------------ main

interface Row {
  key: string;
  label: string;
  detail: string;
  stats?: Stats;
  /** × tuned hand-written: the median of per-round ratios to the tuned function timed in the same process. */
  ratio?: number;
  cold?: string;
  note?: string;
}

async function main(): Promise<void> {
  const started = performance.now();
  let failed = false;
  log('# npm run bench — issue 3, "Measured against the field", and the CLI\'s start-up (issue 12)');
  log();
  log(`machine: ${cpus().length} CPU(s) (nproc), ${cpuModel()}; node ${process.version}; ${process.platform} ${process.arch}`);
  log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other processes on the machine add noise)`);

  const t0 = performance.now();
  const posts = benchPosts();
  log(`data: ${fmtInt(posts.length)} random posts, mulberry32 seed 0x${SEED.toString(16)}, generated in ${fmtMs(performance.now() - t0)}`);
  transpileBench();

  // ---------------------------------------------------------------- our engines, in this process
  interface Ours {
    key: string;
    label: string;
    decide: SyncDecide;
    pass: Pass;
    samples: number[];
    checksum: number;
  }
  const ours: Ours[] = [];
  const rows: Row[] = [];
  const unavailable = new Map<string, string>();
  const add = (key: string, label: string, decide: SyncDecide): void => {
    ours.push({ key, label, decide, pass: makePass(key), samples: [], checksum: 0 });
  };

  add('tuned', 'hand-written TS, tuned (single pass, bit masks, early exits)', tuned);
  add('idiomatic', 'hand-written TS, idiomatic (one object per rule)', idiomatic);

  try {
    const { ms } = buildCompiled(ROOT);
    const compiled = await loadCompiled(ROOT);
    log(`compiled: built with \`node bin/bylaw.js compile policies/twitter -o .bench-data/compiled --target js\` in ${fmtMs(ms)}`);
    add('compiled', 'compiled (Bylaw module, `decide`)', compiled.decide);
  } catch (e) {
    unavailable.set('compiled', errorText(e));
    log(`compiled: not available (${errorText(e)})`);
  }
  try {
    const interpreter = await loadInterpreter(ROOT);
    add('interpreter', 'interpreter (Bylaw, `loadPolicy` once + `evaluate`)', interpreter.decide);
  } catch (e) {
    unavailable.set('interpreter', errorText(e));
    log(`interpreter: not available (${errorText(e)})`);
  }

  // Agreement with the reference before any timing.
  for (const engine of [...ours]) {
    if (engine.key === 'idiomatic') continue;
    const d = await agreement(idiomatic, engine.decide, posts);
    if (d.count > 0) {
      failed = true;
      log(describeDisagreement(engine.key, d));
      ours.splice(ours.indexOf(engine), 1);
      rows.push({ key: engine.key, label: engine.label, detail: '', note: `disagrees on ${fmtInt(d.count)} of ${fmtInt(d.checked)} posts: not timed` });
    } else {
      log(`${engine.key}: agrees with the hand-written reference on all ${fmtInt(d.checked)} posts (action and basis)`);
    }
  }

  const floor = makeFloorPass();
  const floorSamples: number[] = [];
  for (let w = 0; w < OUR_WARMUP_PASSES; w++) {
    floor(posts);
    for (const e of ours) e.checksum = e.pass(e.decide, posts);
  }
  for (let r = 0; r < OUR_ROUNDS; r++) {
    // rotate the order every round, so no engine always runs first or last
    for (let k = 0; k < ours.length; k++) {
      const e = ours[(r + k) % ours.length]!;
      const t = nowNs();
      const sum = e.pass(e.decide, posts);
      e.samples.push(Number(nowNs() - t) / posts.length);
      if (sum !== e.checksum) throw new Error(`${e.key}: checksum changed between passes`);
    }
    const t = nowNs();
    floor(posts);
    floorSamples.push(Number(nowNs() - t) / posts.length);
  }
  const checksums = new Set(ours.map((e) => e.checksum));
  log(`in-process: ${ours.map((e) => e.key).join(', ')}: ${OUR_WARMUP_PASSES} warm-up passes, then ${OUR_ROUNDS} interleaved rounds over all ${fmtInt(posts.length)} posts; checksum ${[...checksums].join('/')}${checksums.size === 1 ? ' (identical)' : ' (DIFFERENT: bug)'}`);

  const tunedSamples = ours.find((e) => e.key === 'tuned')!.samples;
  const detailOurs = `${fmtInt(posts.length)} posts × ${OUR_ROUNDS}, this process`;
  for (const e of ours) rows.push({ key: e.key, label: e.label, detail: detailOurs, stats: stats(e.samples), ratio: pairedRatio(e.samples, tunedSamples) });
  for (const [key, reason] of unavailable) {
    rows.push({ key, label: key === 'compiled' ? 'compiled (Bylaw module, `decide`)' : 'interpreter (Bylaw, `evaluate`)', detail: '', note: `not available (${reason})` });
  }

  // ---------------------------------------------------------------- peers, each in its own process
  for (const peer of PEERS) {
    const version = pkgVersion(peer.pkg);
    const label = peer.label.replace('%v', version);
    const request: TimeRequest = { mode: 'time', engine: peer.name, timed: peer.timed, check: peer.check, rounds: peer.rounds, warmup: peer.warmup };
    try {
      const r = await runChild<TimeResult>(request, peer.flags, 600_000);
      if (!r.ok) {
        failed = true;
        log(r.message);
        rows.push({ key: peer.name, label, detail: '', note: `disagrees on ${fmtInt(r.disagreements)} of ${fmtInt(r.checked)} posts: not timed` });
        continue;
      }
      const sameAsOurs = r.timed === posts.length ? (checksums.has(r.checksum) ? ' (same as in-process)' : ' (DIFFERENT from in-process: bug)') : '';
      log(`${peer.name}: agrees with the hand-written reference on the first ${fmtInt(r.checked)} posts; timed on the first ${fmtInt(r.timed)}, ${peer.warmup} warm-up + ${r.samples.length} rounds, own process${peer.flags.length ? ` (node ${peer.flags.join(' ')})` : ''}; checksum ${r.checksum}${sameAsOurs}`);
      const peerStats = stats(r.samples);
      const tunedThere = stats(r.tunedSamples).median;
      const peerRatio = pairedRatio(r.samples, r.tunedSamples);
      log(`${peer.name}: the tuned hand-written function, timed in the same child between its rounds: ${fmtNs(tunedThere)} ns/decision (ratio ${fmtRatio(peerRatio)})`);
      rows.push({
        key: peer.name,
        label,
        detail: `${fmtInt(r.timed)} posts × ${r.samples.length}, own process`,
        stats: peerStats,
        ratio: peerRatio,
      });
    } catch (e) {
      failed = true;
      log(`${peer.name}: could not be measured (${errorText(e)})`);
      rows.push({ key: peer.name, label, detail: '', note: `could not be measured (${errorText(e)})` });
    }
  }

  // ---------------------------------------------------------------- cold starts
  const coldPlan: { key: ColdName; flags: string[] }[] = [
    { key: 'tuned', flags: [] },
    { key: 'idiomatic', flags: [] },
    ...(unavailable.has('compiled') ? [] : [{ key: 'compiled' as const, flags: [] }]),
    ...(unavailable.has('interpreter') ? [] : [{ key: 'interpreter' as const, flags: [] }]),
    { key: 'cel', flags: [] },
    { key: 'cedar', flags: CEDAR_FLAGS },
    { key: 'jre', flags: [] },
  ];
  for (const { key, flags } of coldPlan) {
    const row = rows.find((r) => r.key === key);
    try {
      const c = await coldStart(key, flags);
      if (row) row.cold = `${fmtMs(c.total)} (load ${fmtMs(c.load)} + first ${fmtMs(c.first)})`;
    } catch (e) {
      if (row) row.cold = `failed: ${errorText(e)}`;
    }
  }

  // ---------------------------------------------------------------- CLI start-up (bench/startup.ts)
  let startup: ReturnType<typeof startupReport> | null = null;
  try {
    startup = startupReport(measureStartup(ROOT));
  } catch (e) {
    failed = true;
    log(`CLI start-up: could not be measured (${errorText(e)})`);
  }

  // ---------------------------------------------------------------- table
  const ratioOf = (r: Row | undefined): number | undefined => (r?.stats ? r.ratio : undefined);
  const order = ['compiled', 'interpreter', 'tuned', 'idiomatic', 'cel', 'cedar', 'jre'];
  rows.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  log();
  log('| engine | ns/decision median | min–max | × tuned hand-written | cold start |');
  log('|---|---:|---:|---:|---|');
  for (const r of rows) {
    const name = r.detail ? `${r.label} — ${r.detail}` : r.label;
    if (!r.stats) {
      log(`| ${name} | – | – | – | ${r.note ?? ''} |`);
      continue;
    }
    const s = r.stats;
    log(`| ${name} | ${fmtNs(s.median)} | ${fmtNs(s.min)}–${fmtNs(s.max)} | ${fmtRatio(ratioOf(r)!)} | ${r.cold ?? '–'} |`);
  }
  const fl = stats(floorSamples);
  log(`| loop floor: read \`post.date\`, no decision — ${fmtInt(posts.length)} posts × ${OUR_ROUNDS}, this process | ${fmtNs(fl.median)} | ${fmtNs(fl.min)}–${fmtNs(fl.max)} | ${fmtRatio(pairedRatio(floorSamples, tunedSamples))} | – |`);
  log();
  log('Notes:');
  log('- ns/decision: wall time of one pass over the posts divided by their number; median and min–max over the rounds.');
  log(`- Same seeded posts for every engine (a prefix of the ${fmtInt(N_POSTS)} where stated: Cedar and json-rules-engine are 20–200× slower, so timing them on all posts would take minutes).`);
  log('- The peers run in their own processes: Cedar has to, because on Node 20.20 a hot loop over cedar-wasm aborts inside V8\'s deoptimizer unless node runs with `--no-turbo-inline-js-wasm-calls`; the others do so that no engine\'s JIT state affects another\'s.');
  log(`- × tuned: our engines against the tuned function in this process (rounds interleaved); each peer against the tuned function timed in the peer\'s own process over all ${fmtInt(N_POSTS)} posts, one pass after each of the peer\'s rounds. A ratio is the median over rounds of that round\'s ratio (the two timed back to back), so it does not depend on how loaded the machine was while that process ran, nor on a burst of load that lands on one engine\'s rounds. The goal checks compare these ratios.`);
  log('- Peers evaluate which clauses hold in their own language (one evaluation per post) and share one JavaScript function for the decision semantics (severities, exemptions, tie rules), which none of them has.');
  log(`- Cold start: median of ${COLD_RUNS} fresh \`node\` processes, from the start of \`import()\` of the engine (plus loading/parsing its policy) to the end of its first decision.`);

  if (startup) {
    log();
    for (const line of startup.table) log(line);
  }

  // ---------------------------------------------------------------- Meta: Bylaw 2 (bench/meta)
  const meta = await metaBench(ROOT, log);
  if (meta.failed) failed = true;

  // ---------------------------------------------------------------- goals
  // Ratios to the tuned function measured in the same process as each engine (see the notes).
  const ratio = (key: string): number | undefined => ratioOf(rows.find((r) => r.key === key));
  const compiled = ratio('compiled');
  const cel = ratio('cel');
  const cedar = ratio('cedar');
  log();
  log('Goal checks:');
  const check = (title: string, value: number | undefined, other: number | undefined, ok: (v: number, o: number) => boolean, show: (v: number, o: number) => string): void => {
    if (value === undefined) {
      log(`- ${title}: NOT CHECKED (compiled ${unavailable.has('compiled') ? 'not available, see above' : 'not timed'})`);
    } else if (other === undefined) {
      log(`- ${title}: NOT CHECKED (peer not measured)`);
    } else {
      log(`- ${title}: ${ok(value, other) ? 'PASS' : 'FAIL'} (${show(value, other)})`);
    }
  };
  check('compiled ≤ 1.5× tuned hand-written', compiled, 1, (v) => v <= 1.5, (v) => `${fmtRatio(v)}`);
  check('compiled ≥ 10× faster than CEL', compiled, cel, (v, o) => o / v >= 10, (v, o) => `${fmtRatio(o / v)} faster`);
  check('compiled ≥ 1,000× faster than cedar-wasm', compiled, cedar, (v, o) => o / v >= 1000, (v, o) => `${fmtRatio(o / v)} faster`);
  for (const line of startup?.goals ?? ['- CLI start-up: NOT CHECKED (see above)']) log(line);
  log(meta.goal);
  if (compiled === undefined) {
    log(`- for reference, the tuned hand-written function: ${cel ? `${fmtRatio(cel)} faster than CEL` : ''}${cedar ? `, ${fmtRatio(cedar)} faster than cedar-wasm` : ''}`);
  }
  log();
  log(`load average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  log(`total bench time ${(Math.round((performance.now() - started) / 100) / 10).toFixed(1)} s${failed ? '; some engine disagreed or could not be measured (exit code 1)' : ''}`);
  if (failed) process.exitCode = 1;
}

await main();
