/**
 * Statements of reasons from the compiled module: for every golden case of the three policy sets,
 * and for random inputs, the compiled `statementOfReasons` and `noticeOfReasons` give the
 * interpreter's statement and notice byte for byte (or the same StatementError), and every
 * statement passes the database's validator. A policy without `statement` declarations compiles
 * exactly as before: no statement code, no statement names taken.
 */
import fc from 'fast-check';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { generate } from '../../src/compiler/index.js';
import { loadCompiled, type CompiledModule } from '../../src/compiler/load.js';
import { evaluate } from '../../src/interpreter/evaluate.js';
import { noticeOfReasons, statementOfReasons } from '../../src/interpreter/statements.js';
import { loadPolicy } from '../../src/load-policy.js';
import { validateStatement, type Deployment, type StatementFacts } from '../../src/statements/index.js';
import { META_DEPLOYMENT, TWITTER_DEPLOYMENT, YOUTUBE_DEPLOYMENT } from '../statements/fixtures/platforms.js';
import { policyInput } from '../support/arbitraries.js';
import { typeCheck } from './typescript.js';

const SETS: readonly { name: string; deployment: Deployment }[] = [
  { name: 'twitter', deployment: TWITTER_DEPLOYMENT },
  { name: 'youtube', deployment: YOUTUBE_DEPLOYMENT },
  { name: 'meta', deployment: META_DEPLOYMENT },
];

type Result = { ok: true; value: unknown } | { ok: false; name: string; message: string; problem: unknown };

function run(f: () => unknown): Result {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    const e = error as Error & { problem?: unknown };
    return { ok: false, name: e.name, message: e.message, problem: e.problem };
  }
}

/** The compiled module's statement and notice against the interpreter's, as JSON text. */
function compare(set: PolicySet, compiled: CompiledModule, input: Record<string, unknown>, facts: StatementFacts, deployment: Deployment): Result {
  const decision = evaluate(set, input);
  const compiledDecision = compiled.decide(input);
  const statement = run(() => compiled.statementOfReasons!(compiledDecision, facts, deployment));
  expect(JSON.stringify(statement)).toBe(JSON.stringify(run(() => statementOfReasons(set, decision, facts, deployment))));
  const notice = run(() => compiled.noticeOfReasons!(compiledDecision, facts, deployment));
  expect(JSON.stringify(notice)).toBe(JSON.stringify(run(() => noticeOfReasons(set, decision, facts, deployment))));
  if (!statement.ok) expect(statement.name).toBe('StatementError');
  return statement;
}

for (const { name, deployment } of SETS) {
  describe(`compiled statements of reasons: policies/${name}`, () => {
    const cases: { id: string; input: Record<string, unknown> & { date: string; posted?: string } }[] = JSON.parse(
      readFileSync(`test/golden/${name}.cases.json`, 'utf8'),
    ).cases;
    let set: PolicySet;
    let compiled: CompiledModule;
    beforeAll(async () => {
      set = loadPolicy(`policies/${name}`).policy!;
      compiled = await loadCompiled(set);
    });

    it('every golden case: the interpreter\'s statement and notice, byte for byte, and valid', () => {
      let statements = 0;
      for (const c of cases) {
        const facts: StatementFacts = { date: c.input.date, contentDate: c.input.posted ?? c.input.date, id: c.id, input: c.input };
        const early = compare(set, compiled, c.input, facts, deployment);
        // Before 2020 the database needs the day the restriction applies: the same error, then a statement.
        const applied = c.input.date < '2020-01-01' ? { ...facts, applicationDate: '2024-02-17' } : facts;
        if (applied !== facts && !early.ok) expect((early.problem as { kind: string }).kind).toBe('date-out-of-range');
        const result = compare(set, compiled, c.input, applied, deployment);
        expect(result.ok, c.id).toBe(true);
        if (result.ok && result.value !== null) {
          statements++;
          expect(validateStatement(result.value as Record<string, unknown>, { profile: 'database' }), c.id).toEqual([]);
          expect(validateStatement(result.value as Record<string, unknown>), c.id).toEqual([]);
        }
      }
      expect(statements).toBeGreaterThan(5);
    });

    it('random inputs, with hashed PUIDs (a salt or none) and ids: the same statement, notice or error', () => {
      const field = set.dateField!;
      const first = set.versions.map((v) => v.effective!).sort()[0]!;
      let built = 0;
      fc.assert(
        fc.property(policyInput(set), fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), fc.boolean(), (input, id, salted) => {
          const date = String(input[field]);
          // Dated before every version: no decision, so no statement (the differential tests cover decide).
          if (date < first) return;
          const facts: StatementFacts = {
            date,
            contentDate: date,
            ...(date < '2020-01-01' ? { applicationDate: '2024-02-17' } : {}),
            ...(id !== undefined ? { id } : {}),
            input,
          };
          const result = compare(set, compiled, input, facts, salted ? { ...deployment, puidSalt: 'a secret ü' } : deployment);
          if (result.ok && result.value !== null) {
            built++;
            expect(validateStatement(result.value as Record<string, unknown>)).toEqual([]);
          }
        }),
        { numRuns: 300 },
      );
      expect(built).toBeGreaterThan(0);
    });

    it('the same StatementError for bad facts, a bad deployment and a version without a mapping', () => {
      const input = cases[0]!.input;
      const facts: StatementFacts = { date: input.date, contentDate: input.date, id: 'x' };
      const bad = [
        () => compare(set, compiled, input, { ...facts, contentDate: 'yesterday' }, deployment),
        () => compare(set, compiled, input, facts, { ...deployment, puidPrefix: 'no spaces allowed' }),
      ];
      for (const attempt of bad) {
        const result = attempt();
        // A case that restricts nothing builds nothing, so only the deployment is checked.
        if (!result.ok) expect(result.name).toBe('StatementError');
      }
      const decision = { ...(compiled.decide(input) as object), version: 'no-such-version' };
      expect(() => compiled.statementOfReasons!(decision as never, facts, deployment)).toThrow(compiled.StatementError!);
      expect(JSON.stringify(run(() => compiled.statementOfReasons!(decision as never, facts, deployment)))).toBe(
        JSON.stringify(run(() => statementOfReasons(set, decision as never, facts, deployment))),
      );
    });

    it('a hostile decision is a StatementError in both, never a crash: not an object, inherited names as outcomes, actions or clauses', () => {
      const input = cases.find((c) => c.input.date >= '2020-01-01')!.input;
      const facts: StatementFacts = { date: input.date, contentDate: input.date, id: 'x' };
      const version = compiled.decide(input).version;
      const part = (action: string, clause: string | null) => ({ action, basis: 'rule', clause, exemption: null, because: [] });
      const hostile: unknown[] = [
        null,
        42,
        { version: 7 },
        JSON.parse(`{"version": ${JSON.stringify(version)}, "outcomes": {"constructor": ${JSON.stringify(part('toString', 'x'))}}}`),
        JSON.parse(`{"version": ${JSON.stringify(version)}, "outcomes": {"__proto__": ${JSON.stringify(part('valueOf', 'x'))}}}`),
        { version, ...part('toString', 'hasOwnProperty') },
        { version: 'constructor', ...part('remove', 'x') },
        { version: '__proto__', ...part('remove', 'x') },
      ];
      for (const decision of hostile) {
        for (const f of [
          () => compiled.statementOfReasons!(decision as never, facts, deployment),
          () => compiled.noticeOfReasons!(decision as never, facts, deployment),
          () => statementOfReasons(set, decision as never, facts, deployment),
          () => noticeOfReasons(set, decision as never, facts, deployment),
        ]) {
          const result = run(f);
          expect(result.ok ? 'built' : result.name, JSON.stringify(decision)).toBe('StatementError');
        }
      }
    });

    it('the generated TypeScript and .d.ts type-check under strict options, and output is byte-identical run to run', () => {
      const ts = generate(set, { target: 'ts' }).files[0]!.text;
      expect(generate(set, { target: 'ts' }).files[0]!.text).toBe(ts);
      const js = generate(set, { target: 'js' }).files;
      const consumer = [
        "import { decide, statementOfReasons, noticeOfReasons, StatementError, type Deployment, type StatementFacts, type Statement, type Notice } from './index.js';",
        'export function both(input: Parameters<typeof decide>[0], facts: StatementFacts, deployment: Deployment): [Statement | null, Notice | null] | StatementError {',
        '  try { return [statementOfReasons(decide(input), facts, deployment), noticeOfReasons(decide(input), facts, deployment)]; }',
        '  catch (e) { if (e instanceof StatementError) return e; throw e; }',
        '}',
      ].join('\n');
      expect(typeCheck({ 'index.ts': ts, 'use.ts': consumer }, ['index.ts', 'use.ts'])).toEqual([]);
      const files = Object.fromEntries(js.map((f) => [f.path, f.text]));
      expect(typeCheck({ ...files, 'use.ts': consumer }, ['use.ts'])).toEqual([]);
      expect(js.find((f) => f.path === 'index.js')!.text).not.toMatch(/\bimport\b|\beval\(|new Function/);
    });
  });
}

describe('a policy without `statement` declarations', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bylaw-no-statements-'));
    cpSync('policies/twitter', dir, { recursive: true, filter: (f) => !f.endsWith('statements.policy') });
    const rules = join(dir, 'rules.policy');
    writeFileSync(rules, readFileSync(rules, 'utf8').replace(/^use statements$/m, ''));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compiles with no statement code and no statement names taken', () => {
    const set = loadPolicy(dir).policy!;
    expect(set.versions.every((v) => v.exportMapping === undefined)).toBe(true);
    for (const target of ['ts', 'js'] as const) {
      for (const file of generate(set, { target }).files) {
        expect(file.text).not.toMatch(/statementOfReasons|noticeOfReasons|StatementError|STATEMENT_MAPPINGS|sha256|Deployment/);
      }
    }
  });
});
