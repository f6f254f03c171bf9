/**
 * Where a replayed post's CPU goes, in process, over one JSONL corpus held in memory: the fast
 * reader alone, the reader and the compiled `decide`, the whole chunk loop (`processChunk`), and
 * `decide` alone on inputs read beforehand; then, for scale, a loop that only looks at each byte
 * and `JSON.parse` alone. CPU per line (user + system), after two warm-up passes; min and median.
 *
 *   npx tsx scripts/replay-parts.ts policies/meta meta.jsonl [--passes 5] [--plans] [--decide MODULE]
 *
 * The fast reader is replay's: the generated compact reader, the plan reader behind it
 * (`--plans`: the plan reader alone). `--decide` adds the `decide` that MODULE exports, alone on
 * the same inputs: `--decide bench/meta/handwritten.ts` for the tuned hand-written Meta function,
 * which with the loop over every byte gives a floor for any reader + `decide` of the Meta set.
 *
 * (corpora: scripts/generate-meta-posts.ts, scripts/generate-posts.ts)
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPolicy } from '../src/load-policy.js';
import { processChunk } from '../src/replay/chunk.js';
import { deciderFor, fastParser, prepareEngine, prepareReader } from '../src/replay/engine.js';

const argv = process.argv.slice(2);
/** The value after `flag`, and the arguments left once both are taken out. */
function option(args: string[], flag: string): [string | undefined, string[]] {
  const at = args.indexOf(flag);
  return at < 0 ? [undefined, args] : [args[at + 1], [...args.slice(0, at), ...args.slice(at + 2)]];
}
const [passesText, afterPasses] = option(argv, '--passes');
const [otherDecide, rest] = option(afterPasses, '--decide');
const passes = passesText === undefined ? 5 : Number(passesText);
const plansOnly = rest.includes('--plans');
const [policyPath, file] = rest.filter((a) => a !== '--plans');
if (!policyPath || !file || !(passes > 0)) {
  process.stderr.write('usage: npx tsx scripts/replay-parts.ts POLICY posts.jsonl [--passes N] [--plans] [--decide MODULE]\n');
  process.exit(2);
}
const policy = loadPolicy(policyPath).policy;
if (!policy) throw new Error(`${policyPath} has errors`);
const decider = await deciderFor(policy, await prepareEngine(policy, 'compiled'));
const options = { stripId: true, output: false, fast: true };
const fast = await fastParser(policy, null, options, plansOnly ? null : await prepareReader(policy, null, options));
if (!fast || !decider.decideValid) throw new Error('no fast reader or compiled decide for this policy');
const decideValid = decider.decideValid;
const bytes = readFileSync(file);
const lines: [number, number][] = [];
for (let s = 0; s < bytes.length; ) {
  let e = bytes.indexOf(10, s);
  if (e < 0) e = bytes.length;
  if (e > s) lines.push([s, e]);
  s = e + 1;
}
const inputs = lines.map(([s, e]) => {
  const { id: _id, ...input } = JSON.parse(bytes.toString('utf8', s, e)) as Record<string, unknown>;
  return input;
});

const parts: [string, () => number][] = [
  ['fast reader', () => lines.filter(([s, e]) => fast(bytes, s, e) !== null).length],
  ['reader + decide', () => lines.filter(([s, e]) => decideValid(fast(bytes, s, e)!.input) !== null).length],
  ['chunk loop (processChunk)', () => processChunk(bytes, decider, null, options, fast).decided],
  ['decide alone', () => inputs.filter((input) => decideValid(input) !== null).length],
  [
    'a loop over every byte',
    () => {
      let quotes = 0;
      for (let i = 0; i < bytes.length; i++) if (bytes[i] === 34) quotes++;
      return quotes;
    },
  ],
  ['JSON.parse alone', () => lines.filter(([s, e]) => JSON.parse(bytes.toString('latin1', s, e)) !== null).length],
];
if (otherDecide !== undefined) {
  const other = ((await import(pathToFileURL(resolve(otherDecide)).href)) as { decide: (input: unknown) => unknown }).decide;
  parts.splice(4, 0, [`${basename(otherDecide)} decide alone`, () => inputs.filter((input) => other(input) !== null).length]);
}
process.stdout.write(`${lines.length} lines, ${(bytes.length / lines.length).toFixed(0)} bytes a line\n`);
for (const [name, run] of parts) {
  run();
  run();
  const ns: number[] = [];
  for (let p = 0; p < passes; p++) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    ns.push(((used.user + used.system) * 1000) / lines.length);
  }
  ns.sort((a, b) => a - b);
  process.stdout.write(`${name.padEnd(30)} ${ns[0]!.toFixed(0).padStart(6)} ns min ${ns[ns.length >> 1]!.toFixed(0).padStart(6)} ns median per line\n`);
}
