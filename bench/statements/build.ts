/**
 * Deciding a corpus and building the statement of every decision, as `bylaw replay --statements`
 * does on its main thread: with the interpreter, and with the compiled module (the same builder,
 * inlined). Best of 3 rounds.
 *
 *   npx tsx scripts/random-posts.ts policies/meta --rows 50000 --out meta.jsonl
 *   npx tsx bench/statements/build.ts policies/meta meta.jsonl
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCompiled } from '../../src/compiler/load.js';
import { decideUnknown } from '../../src/interpreter/evaluate.js';
import { statementOfReasons } from '../../src/interpreter/statements.js';
import { loadPolicy } from '../../src/load-policy.js';
import type { Deployment } from '../../src/statements/deployment.js';
import { factsFromInput } from '../../src/statements/input-facts.js';

const [policyPath, corpus] = process.argv.slice(2);
if (!policyPath || !corpus) {
  process.stderr.write('usage: npx tsx bench/statements/build.ts POLICY CORPUS.jsonl\n');
  process.exit(2);
}
const set = loadPolicy(policyPath).policy!;
const deployment = JSON.parse(readFileSync(join(policyPath, 'deployment.json'), 'utf8')) as Deployment;
const compiled = await loadCompiled(set);
const lines = readFileSync(corpus, 'utf8').trim().split('\n');
type Decided = { ok: true; decision: never } | { ok: false };
const best = new Map<string, number>();

function run(name: string, decide: (input: unknown) => Decided, build: ((decision: never, input: unknown) => unknown) | null): void {
  const start = performance.now();
  for (const line of lines) {
    const input: unknown = JSON.parse(line);
    const result = decide(input);
    if (!result.ok || !build) continue;
    try {
      build(result.decision, input);
    } catch {
      // A statement that cannot be built (a date before 2020): replay lists it and goes on.
    }
  }
  best.set(name, Math.min(best.get(name) ?? Infinity, performance.now() - start));
}

const facts = (input: unknown) => factsFromInput(input, set.dateField, deployment);
for (let round = 0; round < 3; round++) {
  run('interpreter: decide + statement', (i) => decideUnknown(set, i) as Decided, (d, i) => statementOfReasons(set, d, facts(i), deployment));
  run('compiled: decide + statement', (i) => compiled.decideUnknown(i) as Decided, (d, i) => compiled.statementOfReasons!(d, facts(i), deployment));
  run('interpreter: decide only', (i) => decideUnknown(set, i) as Decided, null);
  run('compiled: decide only', (i) => compiled.decideUnknown(i) as Decided, null);
}
for (const [name, ms] of best) console.log(`${name.padEnd(34)} ${(ms / 1000).toFixed(2)} s for ${lines.length} lines`);
