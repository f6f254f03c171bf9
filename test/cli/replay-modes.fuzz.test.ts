/**
 * `npm run fuzz`: `bylaw replay` in every mode over hostile JSONL corpora — the main thread,
 * worker threads with tiny chunks, without the fast reader, against an old policy, with the
 * interpreter — gives the same decisions, the same bad-line reports and the same `--output`
 * bytes, equal to the interpreter's reading of each line.
 *
 *   BYLAW_FUZZ_REPLAY_RUNS=200 npm run fuzz -- test/cli     # corpora (default 40)
 *   BYLAW_FUZZ_SEED=123 npm run fuzz -- test/cli            # replay a printed seed
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processChunk } from '../../src/replay/chunk.js';
import { decideUnknown } from '../../src/interpreter/evaluate.js';
import { loadPolicy } from '../../src/load-policy.js';
import { hostileLine } from '../analysis/fast-parse-properties.js';
import { runCli } from '../support/cli.js';

const RUNS = Number(process.env['BYLAW_FUZZ_REPLAY_RUNS'] ?? 40);
const SEED = process.env['BYLAW_FUZZ_SEED'] !== undefined ? Number(process.env['BYLAW_FUZZ_SEED']) : (Date.now() ^ (process.pid << 16)) | 0;

console.log(`replay modes fuzz: seed ${SEED}, ${RUNS} corpora`);

const twitter = loadPolicy('policies/twitter').policy!;
const dir = mkdtempSync(join(tmpdir(), 'bylaw-replay-modes-'));

const MODES = [
  ['--jobs', '0'],
  ['--jobs', '2', '--chunk-bytes', '1024'],
  ['--jobs', '1', '--chunk-bytes', '4096', '--no-fast'],
  ['--jobs', '0', '--against', 'policies/twitter'],
  ['--jobs', '2', '--chunk-bytes', '2048', '--engine', 'interpreter'],
];

/** A corpus: hostile lines, blank ones, CRLF ends, now and then a long line, maybe no final newline. */
const corpus = fc
  .tuple(
    fc.array(
      fc.oneof(
        { arbitrary: hostileLine(twitter, true), weight: 20 },
        { arbitrary: fc.constantFrom(Buffer.from(''), Buffer.from('\r'), Buffer.from('   ')), weight: 1 },
        { arbitrary: fc.nat({ max: 20_000 }).map((n) => Buffer.from(`{"id":"long","pad":"${'x'.repeat(n)}"}`)), weight: 1 },
      ),
      { minLength: 1, maxLength: 300 },
    ),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([lines, crlf, ended]) => Buffer.concat(lines.flatMap((l, i) => [l, Buffer.from(i === lines.length - 1 && !ended ? '' : crlf ? '\r\n' : '\n')])));

/** The parts of a report that do not depend on the mode: the summary line of counts, and the table. */
function report(stdout: string): string {
  const lines = stdout.split('\n');
  const decided = lines.find((l) => l.startsWith('decided '))!;
  const table = lines.slice(lines.indexOf('') + 1);
  const end = table.indexOf('');
  return [decided, ...(end < 0 ? table : table.slice(0, end))].join('\n');
}

let runs = 0;

async function holds(bytes: Buffer): Promise<void> {
  const input = join(dir, `corpus-${runs}.jsonl`);
  writeFileSync(input, bytes);
  const results: { report: string; stderr: string; output: Buffer }[] = [];
  for (const mode of MODES) {
    const output = join(dir, `out-${runs}-${results.length}.jsonl`);
    const result = await runCli(['replay', 'policies/twitter', '--input', input, '--output', output, ...mode]);
    expect(result.code, result.stderr).toBe(0);
    results.push({ report: report(result.stdout), stderr: result.stderr, output: readFileSync(output) });
  }
  runs++;
  for (const other of results.slice(1)) {
    expect(other.report).toBe(results[0]!.report);
    expect(other.stderr).toBe(results[0]!.stderr);
    expect(other.output.equals(results[0]!.output)).toBe(true);
  }
  // And what the interpreter makes of the corpus as one chunk.
  const reference = processChunk(bytes, { decideUnknown: (x) => decideUnknown(twitter, x) }, null, { stripId: true, output: true, fast: false });
  expect(results[0]!.output.equals(Buffer.from(reference.output!))).toBe(true);
  expect(results[0]!.report).toContain(`decided ${reference.decided.toLocaleString('en-US')}, bad lines ${reference.errors.length.toLocaleString('en-US')}`);
}

describe('fuzz: replay gives the same answers in every mode', () => {
  it('main thread, workers, --no-fast, --against, the interpreter', async () => {
    const details = await fc.check(fc.asyncProperty(corpus, holds), { numRuns: RUNS, seed: SEED });
    if (details.failed) {
      console.error(`FAILED: BYLAW_FUZZ_SEED=${details.seed}, path ${JSON.stringify(details.counterexamplePath)}`);
      await fc.assert(fc.asyncProperty(corpus, holds), { numRuns: 1, seed: details.seed, path: details.counterexamplePath ?? undefined });
    }
    console.log(`replay modes: ${details.numRuns} corpora passed`);
  });
});
