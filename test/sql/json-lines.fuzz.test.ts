/**
 * `npm run fuzz`: json-lines.test.ts at scale. Corpora of hostile JSON lines (fast-check
 * mutations of posts: numbers rewritten, blanks, trailing commas, repeated or dropped keys,
 * escapes, stray bytes, CRs) through the JS replay and through DuckDB, with and without
 * `--against`: the same lines, bad lines, messages, report and decision per line.
 *
 * BYLAW_FUZZ_LINES (total lines per policy, default 100,000) and BYLAW_FUZZ_SEED (default:
 * random, printed first) tune a run; a failure prints fast-check's seed and path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadPolicy } from '../../src/load-policy.js';
import { DuckDbRunner } from '../../src/replay/duckdb/runner.js';
import { compilePolicy } from '../support/policies.js';
import { hostileLine, OLD_POLICY } from './support/hostile-lines.js';
import { hostilePost } from './support/hostile-outcomes.js';
import { expectSame, expectSameVerdicts, lines } from './support/replay-compare.js';

const TOTAL = Number(process.env['BYLAW_FUZZ_LINES'] ?? 100_000);
const SEED = process.env['BYLAW_FUZZ_SEED'] !== undefined ? Number(process.env['BYLAW_FUZZ_SEED']) : (Date.now() ^ (process.pid << 16)) | 0;
const CORPUS = 2_000;

let dir: string;
let runner: DuckDbRunner;
beforeAll(async () => {
  console.log(`json-lines fuzz: ${TOTAL} lines per policy, seed ${SEED}`);
  dir = mkdtempSync(join(tmpdir(), 'bylaw-json-lines-fuzz-'));
  runner = await DuckDbRunner.open();
});
afterAll(() => {
  runner.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('JSON lines with lists and optional fields (sets that declare outcomes): the JS replay and DuckDB agree', () => {
  for (const [path, against] of [
    ['policies/youtube', null],
    ['policies/meta', null],
    ['test/sql/fixtures/history', 'test/sql/fixtures/history-old.policy'],
  ] as const) {
    it(path, async () => {
      const set = loadPolicy(path).policy!;
      const old = against === null ? null : loadPolicy(against).policy!;
      await fc.assert(
        fc.asyncProperty(fc.array(hostilePost(set), { minLength: CORPUS, maxLength: CORPUS }), fc.boolean(), fc.boolean(), async (list, crlf, versus) => {
          await expectSameVerdicts(runner, dir, set, versus ? old : null, lines(list, crlf ? '\r\n' : '\n'));
        }),
        { numRuns: Math.max(1, Math.ceil(TOTAL / CORPUS / 4)), seed: SEED },
      );
    });
  }
});

describe('JSON lines: the JS replay and DuckDB agree on hostile corpora', () => {
  const old = compilePolicy(OLD_POLICY);
  for (const [path, against] of [
    ['policies/twitter', old],
    ['test/compiler/fixtures/versions', null],
  ] as const) {
    it(path, async () => {
      const set = loadPolicy(path).policy!;
      await fc.assert(
        fc.asyncProperty(fc.array(hostileLine(set), { minLength: CORPUS, maxLength: CORPUS }), fc.boolean(), fc.boolean(), async (list, crlf, versus) => {
          await expectSame(runner, dir, set, versus ? against : null, lines(list, crlf ? '\r\n' : '\n'));
        }),
        { numRuns: Math.max(1, Math.ceil(TOTAL / CORPUS)), seed: SEED },
      );
    });
  }
});
