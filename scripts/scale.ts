/**
 * Scale: how parse, check, compile and the compiled `decide` grow with the size of a policy.
 *
 *   npx tsx scripts/scale.ts                 # 10, 100, 1,000 and 10,000 clauses, median of 3 runs
 *   npx tsx scripts/scale.ts 100 1000 --runs 5
 *   npx tsx scripts/scale.ts --warmup 30       # time decide after 30 untimed passes (steady state)
 *
 * Generates policies of N clauses (red lines, rules and exemptions over every field of the
 * stdlib's Post) plus a chain of contexts `c_i = c_{i-1} and …` as deep as min(N, 1,000), and
 * prints one row per size. The curve should be near-linear: 10x the clauses, about 10x the time.
 * test/hardening/scale.test.ts runs the same generator at 10/100/1,000 clauses (no timings).
 */
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { checkSet } from '../src/checker/index.js';
import type { PolicySet } from '../src/checker/program.js';
import { generate } from '../src/compiler/index.js';
import { loadCompiled, type CompiledModule } from '../src/compiler/load.js';
import { decideUnknown } from '../src/interpreter/evaluate.js';
import { loadPolicySet } from '../src/modules/load.js';
import { diskHost, overlayHost } from '../src/modules/host.js';
import { parse } from '../src/syntax/parse.js';
import { resolve } from 'node:path';
import { mulberry32 } from '../bench/random.js';
import { CATEGORIES, RISKS, ROLES, TARGETS, TOPICS } from '../bench/types.js';

/** The deepest context chain generated (LANGUAGE.md: depth 1,000 must work). */
export const MAX_CHAIN = 1_000;

export interface ScalePolicy {
  readonly text: string;
  readonly clauses: number;
  readonly contexts: number;
  /** Clause counts by kind. */
  readonly redlines: number;
  readonly rules: number;
  readonly exemptions: number;
}

/**
 * A policy of `n` clauses using the stdlib's vocabulary: 20% red lines, 60% rules, 20%
 * exemptions, each testing two to four Post fields (sets, enums, bounded ints, dates, bools,
 * strings), some through contexts of the chain. Deterministic: the same `n` gives the same text.
 */
export function scalePolicy(n: number): ScalePolicy {
  const out: string[] = [`policy stress.p${n}`, 'use moderation', 'input post: Post', 'default allow', ''];
  const depth = Math.min(n, MAX_CHAIN);
  out.push('context c0 = post.author.verified');
  for (let i = 1; i < depth; i++) {
    // A different second test per link, from a bounded set of literals (as real policies repeat thresholds).
    const second = [
      `post.author.followers > ${(i % 40) * 2_500}`,
      `post.offline_harm_risk != ${i % 2 ? 'severe' : 'elevated'}`,
      `(post.target in {${TARGETS[i % 6]}, ${TARGETS[(i + 2) % 6]}} or post.public_interest)`,
      `post.author.strikes < ${(i % 4) + 6}`,
      `post.date >= 2019-${String((i % 12) + 1).padStart(2, '0')}-01`,
    ][i % 5];
    out.push(`context c${i} = c${i - 1} and ${second}`);
  }
  out.push('');
  const redlines = Math.round(n * 0.2);
  const exemptions = Math.round(n * 0.2);
  const rules = n - redlines - exemptions;
  const ctx = (k: number) => `c${(depth - 1 + k * 7919) % depth}`; // rule 0 uses the end of the chain
  for (let k = 0; k < redlines; k++) {
    const extra = k % 3 === 0 ? ` and post.author.followers > ${(k % 50) * 1_000}` : k % 3 === 1 ? ` and post.author.role == ${ROLES[k % 8]}` : '';
    out.push(`redline l${k}`);
    out.push(`  when post.categories has ${CATEGORIES[k % 11]} and post.target == ${TARGETS[(k + 1) % 6]}${extra}`);
    if (k % 4 === 0) out.push(`  unless post.author.handle == "reviewer_${k % 17}"`);
    out.push(`  then ${k % 2 === 0 ? 'remove' : 'suspend'}`);
    out.push(`  because "Red line ${k}: ${CATEGORIES[k % 11]!.replace(/_/g, ' ')} aimed at a ${TARGETS[(k + 1) % 6]}."`);
    out.push('');
  }
  for (let k = 0; k < rules; k++) {
    const tests = [
      `post.categories has ${CATEGORIES[(k * 3) % 11]}`,
      k % 2 === 0 ? ctx(k) : `post.topic != ${TOPICS[k % 3]}`,
      `post.author.role in {${ROLES[k % 8]}, ${ROLES[(k + 3) % 8]}}`,
      k % 5 === 0 ? `post.date >= 20${10 + (k % 10)}-0${(k % 9) + 1}-15` : `post.author.strikes >= ${k % 6}`,
    ].slice(0, 2 + (k % 3));
    out.push(`rule r${k}`);
    out.push(`  when ${tests.join(' and ')}`);
    if (k % 6 === 0) out.push(`  unless post.author.handle == "appeal_${k % 13}" and post.offline_harm_risk == none`);
    out.push(`  then ${['remove', 'lock', 'suspend'][k % 3]}`);
    out.push(`  because "Rule ${k}."`);
    out.push('');
  }
  for (let k = 0; k < exemptions; k++) {
    const from = [`r${k % rules}`, `r${(k * 13 + 1) % rules}`, `r${(k * 31 + 2) % rules}`].filter((r, i, all) => all.indexOf(r) === i);
    out.push(`exemption e${k}`);
    out.push(`  from ${from.slice(0, 1 + (k % 3)).join(', ')}`);
    out.push(`  when post.topic == ${TOPICS[1 + (k % 2)]} and ${k % 2 === 0 ? 'post.public_interest' : ctx(k + 1)}`);
    if (k % 5 === 0) out.push(`  unless post.offline_harm_risk == severe`);
    out.push(`  then ${k % 2 === 0 ? 'allow' : 'notice'}`);
    out.push(`  because "Exemption ${k}."`);
    out.push('');
  }
  return { text: out.join('\n'), clauses: n, contexts: depth, redlines, rules, exemptions };
}


/** `count` valid Posts, the same for the same seed. */
export function scaleInputs(count: number, seed = 1): Record<string, unknown>[] {
  const next = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, () => {
    const categories = CATEGORIES.filter(() => next() < 0.2);
    const month = 1 + Math.floor(next() * 12);
    return {
      date: `${2010 + Math.floor(next() * 12)}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
      author: {
        handle: next() < 0.1 ? `reviewer_${Math.floor(next() * 20)}` : `user_${Math.floor(next() * 1000)}`,
        role: pick(ROLES),
        verified: next() < 0.5,
        followers: Math.floor(next() * 120_000),
        strikes: Math.floor(next() * 10),
      },
      target: pick(TARGETS),
      categories,
      topic: pick(TOPICS),
      public_interest: next() < 0.3,
      offline_harm_risk: pick(RISKS),
    };
  });
}

export interface Stages {
  readonly set: PolicySet;
  readonly diagnostics: readonly { code: string; severity: string; message: string }[];
  readonly parseMs: number;
  /** Loading: parsing the policy and the modules it uses (the stdlib), resolving `use`. */
  readonly loadMs: number;
  /** Checking the loaded set (types, names, reachability warnings), after loading. */
  readonly checkMs: number;
  readonly compileMs: number;
  /** The generated JavaScript, for byte-identity checks. */
  readonly js: string;
}

/** Parse, load + check, and generate one policy, timing each stage once. */
export function runStages(policy: ScalePolicy): Stages {
  const file = resolve('scale', `p${policy.clauses}.policy`);
  const host = overlayHost(new Map([[file, policy.text]]), diskHost);
  let started = performance.now();
  const parsed = parse(policy.text, file);
  const parseMs = performance.now() - started;
  if (parsed.diagnostics.some((d) => d.severity === 'error')) throw new Error(`scale policy of ${policy.clauses} clauses does not parse`);
  started = performance.now();
  const loaded = loadPolicySet(file, { host });
  const loadMs = performance.now() - started;
  if (!loaded.set) throw new Error(`scale policy of ${policy.clauses} clauses does not load: ${loaded.diagnostics[0]?.message}`);
  started = performance.now();
  const checked = checkSet(loaded.set, loaded.sources);
  const checkMs = performance.now() - started;
  const diagnostics = [...loaded.diagnostics, ...checked.diagnostics];
  if (!checked.set) throw new Error(`scale policy of ${policy.clauses} clauses has errors: ${diagnostics.map((d) => d.message).join('; ')}`);
  started = performance.now();
  const js = generate(checked.set, { target: 'js' }).files.find((f) => f.path === 'index.js')!.text;
  const compileMs = performance.now() - started;
  return { set: checked.set, diagnostics, parseMs, loadMs, checkMs, compileMs, js };
}

/** Nanoseconds per decision of `decide` over `inputs` (median of `runs` passes). */
export function timeDecide(decide: (input: unknown) => unknown, inputs: readonly unknown[], runs: number): number {
  const samples: number[] = [];
  let sink = 0;
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    for (const input of inputs) if (decide(input) !== null) sink++;
    samples.push(((performance.now() - started) * 1e6) / inputs.length);
  }
  if (sink < 0) console.log(sink);
  return median(samples);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Row {
  readonly clauses: number;
  readonly contexts: number;
  readonly kb: number;
  readonly parseMs: number;
  readonly loadMs: number;
  readonly checkMs: number;
  readonly compileMs: number;
  /** loadCompiled: generate again, write, import. */
  readonly importMs: number;
  readonly decideNs: number;
  readonly interpretNs: number;
  readonly warnings: number;
}

/**
 * `warmup`: untimed passes of the compiled decide over the inputs first. Without them the
 * timing includes V8 getting the code ready (lazy compilation, and for a large policy the
 * optimizing compiler working through its chunk functions in the background).
 */
export async function measure(n: number, runs: number, warmup = 0): Promise<Row> {
  const policy = scalePolicy(n);
  const stages = Array.from({ length: runs }, () => runStages(policy));
  const { set } = stages[0]!;
  let started = performance.now();
  const compiled: CompiledModule = await loadCompiled(set);
  const importMs = performance.now() - started;
  const inputs = scaleInputs(n >= 10_000 ? 2_000 : 10_000);
  for (const input of inputs.slice(0, 200)) {
    const expected = decideUnknown(set, input);
    if (JSON.stringify(compiled.decideUnknown(input)) !== JSON.stringify(expected)) throw new Error(`compiled and interpreted decisions differ at ${n} clauses`);
  }
  started = performance.now();
  if (warmup > 0) timeDecide((input) => compiled.decide(input), inputs, warmup);
  const decideNs = timeDecide((input) => compiled.decide(input), inputs, runs);
  const interpretNs = timeDecide((input) => decideUnknown(set, input), inputs.slice(0, 1_000), 1);
  void started;
  return {
    clauses: n,
    contexts: policy.contexts,
    kb: Math.round(policy.text.length / 1024),
    parseMs: median(stages.map((s) => s.parseMs)),
    loadMs: median(stages.map((s) => s.loadMs)),
    checkMs: median(stages.map((s) => s.checkMs)),
    compileMs: median(stages.map((s) => s.compileMs)),
    importMs,
    decideNs,
    interpretNs,
    warnings: stages[0]!.diagnostics.length,
  };
}

function table(rows: readonly Row[]): string {
  const header = ['clauses', 'contexts', 'size', 'parse', 'load (parse + stdlib)', 'check', 'load + check', 'compile', 'loadCompiled', 'decide (compiled)', 'decide (interpreter)', 'warnings'];
  const ms = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US')} ms`;
  const ns = (v: number) => (v < 10_000 ? `${Math.round(v).toLocaleString('en-US')} ns` : `${(v / 1000).toFixed(0)} µs`);
  const lines = rows.map((r) => [
    r.clauses.toLocaleString('en-US'),
    r.contexts.toLocaleString('en-US'),
    `${r.kb.toLocaleString('en-US')} KB`,
    ms(r.parseMs),
    ms(r.loadMs),
    ms(r.checkMs),
    ms(r.loadMs + r.checkMs),
    ms(r.compileMs),
    ms(r.importMs),
    ns(r.decideNs),
    ns(r.interpretNs),
    String(r.warnings),
  ]);
  const out = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l.join(' | ')} |`)];
  return out.join('\n');
}

async function main(argv: readonly string[]): Promise<void> {
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 3;
  const warmupAt = argv.indexOf('--warmup');
  const warmup = warmupAt >= 0 ? Number(argv[warmupAt + 1]) : 0;
  const sizes = argv.filter((a, i) => /^\d+$/.test(a) && argv[i - 1] !== '--runs' && argv[i - 1] !== '--warmup').map(Number);
  const loadStart = loadavg().map((l) => l.toFixed(2)).join(' ');
  const rows: Row[] = [];
  for (const n of sizes.length > 0 ? sizes : [10, 100, 1_000, 10_000]) {
    const row = await measure(n, runs, warmup);
    rows.push(row);
    process.stderr.write(`measured ${n} clauses\n`);
  }
  console.log(`Node ${process.version}, ${cpus().length} CPUs, median of ${runs} runs${warmup > 0 ? ` after ${warmup} warm-up passes of decide` : ''}; load average ${loadStart} at the start, ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end\n`);
  console.log(table(rows));
  // Growth per step: near-linear means about the same factor as the clauses.
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    const x = (from: number, to: number) => `x${(to / from).toFixed(1)}`;
    console.log(
      `${a.clauses} -> ${b.clauses} clauses (x${b.clauses / a.clauses}, size ${x(a.kb, b.kb)}): load ${x(a.loadMs, b.loadMs)}, check ${x(a.checkMs, b.checkMs)}, compile ${x(a.compileMs, b.compileMs)}, decide ${x(a.decideNs, b.decideNs)} (compiled), ${x(a.interpretNs, b.interpretNs)} (interpreter)`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
