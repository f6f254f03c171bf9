/**
 * The generated DuckDB SQL is the interpreter (and the compiled module), row for row: random
 * valid inputs — boundary dates (effective dates ± 1 day, before the first version), thresholds
 * ± 1, empty sets — loaded into a typed table (STRUCT, VARCHAR[], DATE, BIGINT) and decided by
 * the view; action, basis, clause, exemption, version and the error text compared on every row.
 * Both shapes run: DuckDB's (helper columns) and the portable one Spark and Trino get.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { loadCompiled } from '../../src/compiler/load.js';
import { loadPolicy } from '../../src/load-policy.js';
import { DuckDbRunner } from '../../src/replay/duckdb/runner.js';
import { policyInput } from '../support/arbitraries.js';
import { compilePolicy } from '../support/policies.js';
import { decideInDuckDb, expectSameDecisions, type SqlRow } from './support/duckdb.js';
import { inputGenerator } from './support/inputs.js';
import { randomPolicy } from './support/random-policy.js';

let runner: DuckDbRunner;
beforeAll(async () => {
  runner = await DuckDbRunner.open({ threads: 2 });
});
afterAll(() => runner.close());

function load(path: string): PolicySet {
  const loaded = loadPolicy(path);
  if (!loaded.policy) throw new Error(`${path}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return loaded.policy;
}

/**
 * `n` inputs: half from the shared fast-check arbitraries, half from our boundary generator. Ours
 * uses the latest version's record; where versions declare different records, a field the
 * version in force does not declare is an error to the interpreter but just a column the view
 * does not read (docs/sql.md), so there only the per-version arbitraries are used.
 */
function inputsFor(set: PolicySet, n: number, seed: number): Record<string, unknown>[] {
  const sameRecords = set.versions.every((v) => JSON.stringify(v.inputType.fields.map((f) => f.name)) === JSON.stringify(set.versions[0]!.inputType.fields.map((f) => f.name)));
  if (!sameRecords) return fc.sample(policyInput(set), { numRuns: n, seed });
  const next = inputGenerator(set, seed);
  const ours = Array.from({ length: Math.ceil(n / 2) }, next);
  const shared = fc.sample(policyInput(set), { numRuns: Math.floor(n / 2), seed });
  return [...ours, ...shared];
}

describe('Twitter policy set: 12,000 random posts', () => {
  const set = load('policies/twitter');
  const inputs = inputsFor(set, 12_000, 20191015);

  it('covers what matters: every version, rows before the first, exemptions, red lines, defaults', async () => {
    const rows = await decideInDuckDb(runner, set, inputs);
    const count = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length;
    for (const v of set.versions) expect(count((r) => r.version === v.version)).toBeGreaterThan(500);
    expect(count((r) => r.error?.startsWith('no version in force') === true)).toBeGreaterThan(200);
    expect(count((r) => r.basis === 'exemption')).toBeGreaterThan(100);
    expect(count((r) => r.basis === 'redline')).toBeGreaterThan(100);
    expect(count((r) => r.basis === 'default')).toBeGreaterThan(100);
  });

  it('DuckDB shape: same decision and error text as the interpreter on every row', async () => {
    expectSameDecisions(set, inputs, await decideInDuckDb(runner, set, inputs));
  });

  it('portable shape (what Spark and Trino get): same on every row', async () => {
    expectSameDecisions(set, inputs, await decideInDuckDb(runner, set, inputs, { portable: true }));
  });

  it('same as the compiled module on every row', async () => {
    const compiled = await loadCompiled(set);
    const rows = await decideInDuckDb(runner, set, inputs);
    const differences = rows.filter((row, i) => {
      const result = compiled.decideUnknown(inputs[i]);
      if (!result.ok) return row.action !== null || row.error === null;
      const d = result.decision;
      if ('outcomes' in d) throw new Error('the Twitter set decides one outcome');
      return JSON.stringify([d.action, d.basis, d.clause, d.exemption, d.version]) !== JSON.stringify([row.action, row.basis, row.clause, row.exemption, row.version]);
    });
    expect(differences.slice(0, 5)).toEqual([]);
  });
});

/** How many rows give each value of a decision column. */
function tally(rows: readonly SqlRow[], column: string): Map<string | number | null, number> {
  const counts = new Map<string | number | null, number>();
  for (const r of rows) counts.set(r[column] ?? null, (counts.get(r[column] ?? null) ?? 0) + 1);
  return counts;
}

/**
 * Bylaw 2: lists (empty, short, long), optional fields (absent, null, present) and dates around
 * every window of the policy (a day either side; month ends and 29 February), decided by the view
 * in both shapes and by the interpreter, every decision column and error text compared.
 */
describe('several outcomes, lists, optionals and date windows: random inputs', () => {
  const cases: [string, number, (rows: readonly SqlRow[]) => void][] = [
    [
      'policies/youtube',
      6_000,
      (rows) => {
        const channel = tally(rows, 'channel_action');
        for (const action of ['none', 'warning', 'strike', 'terminate']) expect(channel.get(action), action).toBeGreaterThan(100);
        const durations = tally(rows, 'channel_duration');
        for (const duration of ['P1W', 'P2W']) expect(durations.get(duration), duration).toBeGreaterThan(100);
        expect(tally(rows, 'content_basis').get('exemption')).toBeGreaterThan(100);
        expect(tally(rows, 'version').size).toBe(3);
      },
    ],
    [
      'policies/meta',
      6_000,
      (rows) => {
        const durations = tally(rows, 'account_duration');
        for (const duration of ['P1D', 'P3D', 'P7D', 'P30D', 'P1M', 'P6M', 'P1Y', 'P2Y']) expect(durations.get(duration), duration).toBeGreaterThan(5);
        expect(tally(rows, 'account_action').get('feature_limit')).toBeGreaterThan(100);
        expect(tally(rows, 'content_action').get('warning_screen')).toBeGreaterThan(20);
        expect(tally(rows, 'version').size).toBe(4);
      },
    ],
    [
      'test/sql/fixtures/history',
      6_000,
      (rows) => {
        for (const action of ['none', 'warn', 'lock', 'ban']) expect(tally(rows, 'account_action').get(action), action).toBeGreaterThan(30);
        for (const clause of ['repeat', 'heavy', 'scored', 'noted', 'topics', 'followed']) {
          expect(rows.filter((r) => r['account_clause'] === clause || r['content_clause'] === clause).length, clause).toBeGreaterThan(10);
        }
        expect(rows.filter((r) => r['account_exemption'] === 'lenient').length).toBeGreaterThan(10);
      },
    ],
    [
      'test/sql/fixtures/constructs.policy',
      3_000,
      (rows) => {
        for (const clause of ['nested', 'quantities']) expect(rows.filter((r) => r['account_clause'] === clause).length, clause).toBeGreaterThan(30);
        expect(rows.filter((r) => r['account_exemption'] === 'reviewed').length).toBeGreaterThan(10);
      },
    ],
  ];
  for (const [path, n, covers] of cases) {
    it(`${path}: ${n} inputs, both shapes`, async () => {
      const set = load(path);
      const inputs = Array.from({ length: n }, inputGenerator(set, 2023));
      const rows = await decideInDuckDb(runner, set, inputs);
      covers(rows);
      expectSameDecisions(set, inputs, rows);
      expectSameDecisions(set, inputs, await decideInDuckDb(runner, set, inputs, { portable: true }));
    });
  }
});

describe('the compiler fixtures (ties, contexts, odd names, versions with different records)', () => {
  for (const path of ['test/compiler/fixtures/ties.policy', 'test/compiler/fixtures/contexts.policy', 'test/compiler/fixtures/names.policy', 'test/compiler/fixtures/versions']) {
    it(path, async () => {
      const set = load(path);
      const inputs = inputsFor(set, 3_000, 7);
      expectSameDecisions(set, inputs, await decideInDuckDb(runner, set, inputs));
      expectSameDecisions(set, inputs, await decideInDuckDb(runner, set, inputs, { portable: true }));
    });
  }
});

describe('random policies: ties between red lines, rules and exemptions', () => {
  it('24 random policies × 500 posts, both shapes', async () => {
    for (let seed = 1; seed <= 24; seed++) {
      const set = compilePolicy('', { preamble: randomPolicy(seed) });
      const inputs = Array.from({ length: 500 }, inputGenerator(set, seed));
      expectSameDecisions(set, inputs, await decideInDuckDb(runner, set, inputs));
      expectSameDecisions(set, inputs, await decideInDuckDb(runner, set, inputs, { portable: true }));
    }
  });
});

describe('rows that cannot be decided', () => {
  const set = load('policies/twitter');
  const good = {
    date: '2019-11-01',
    author: { handle: 'a', role: 'world_leader', verified: true, followers: 100_001, strikes: 0 },
    target: 'individual',
    categories: ['violent_threat'],
    topic: 'none',
    public_interest: true,
    offline_harm_risk: 'none',
  };
  const broken: [string, unknown, string][] = [
    ['a missing field', { ...good, topic: undefined }, 'topic: missing value (NULL)'],
    ['a missing struct', { ...good, author: undefined }, 'author: missing value (NULL)'],
    ['a missing nested field', { ...good, author: { ...good.author, role: undefined } }, 'author.role: missing value (NULL)'],
    [
      'a string that is not a member',
      { ...good, target: 'everyone' },
      'target: expected one of Target (none, individual, public_figure, group, protected_group, state), got "everyone"',
    ],
    ['an int below its bound', { ...good, author: { ...good.author, strikes: -1 } }, 'author.strikes: -1 is below the minimum 0'],
    [
      'a duplicated set member',
      { ...good, categories: ['harassment', 'harassment'] },
      'categories: expected a list of distinct members of Category (violent_threat, terrorism, violent_extremism, child_sexual_exploitation, private_information, intimate_media, self_harm, hateful_conduct, harassment, glorification_of_violence, civic_integrity)',
    ],
    ['a set member that is not one', { ...good, categories: ['spam'] }, 'categories: expected a list of distinct members'],
    ['a NULL set element', { ...good, categories: [null] }, 'categories: expected a list of distinct members'],
    ['no date', { ...good, date: undefined }, 'date: missing value (NULL)'],
    ['a date before every version', { ...good, date: '2017-09-24' }, 'no version in force on 2017-09-24: the first version takes effect on 2017-09-25'],
  ];
  for (const portable of [false, true]) {
    it(`get NULL decisions and say why (${portable ? 'portable' : 'DuckDB'} shape)`, async () => {
      const inputs = [good, ...broken.map(([, input]) => input)];
      const rows = await decideInDuckDb(runner, set, inputs, { portable });
      expect(rows[0]!.error).toBeNull();
      broken.forEach(([what, , message], i) => {
        const row = rows[i + 1]!;
        expect({ what, action: row.action, basis: row.basis, version: row.version }).toEqual({ what, action: null, basis: null, version: null });
        expect(row.error, what).toContain(message);
      });
      expectSameDecisions(set, inputs, rows);
    });
  }

  it('report every problem of a row, in field order', async () => {
    const [row] = await decideInDuckDb(runner, set, [{ ...good, topic: 'x', author: { ...good.author, strikes: -2, followers: undefined } }]);
    expect(row!.error).toBe(
      'author.followers: missing value (NULL); author.strikes: -2 is below the minimum 0; topic: expected one of Topic (none, political_issue, foreign_policy), got "x"',
    );
  });
});
