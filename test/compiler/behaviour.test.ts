/**
 * The generated module's behaviour, on the small fixture (whose text is snapshotted in
 * compile.test.ts) and the golden cases: decisions, version dispatch, the error classes,
 * validation messages, explanations with source positions, no allocation on the hot path.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { loadCompiled, type CompiledModule } from '../../src/compiler/load.js';
import { decideUnknown as interpretUnknown, evaluate } from '../../src/interpreter/evaluate.js';
import { explain as interpretExplain } from '../../src/interpreter/explain.js';
import { validateInput } from '../../src/semantics/validate.js';
import { flat, load } from './support.js';

const message = (over: Record<string, unknown> = {}, author: Record<string, unknown> = {}) => ({
  date: '2024-08-01',
  posted: '2024-08-01',
  author: { kind: 'staff', verified: true, reports: 5, ...author },
  tags: ['spam'],
  ...over,
});

describe('compiled module: small fixture', () => {
  let set: PolicySet;
  let m: CompiledModule;
  beforeAll(async () => {
    set = load('test/compiler/fixtures/small');
    m = await loadCompiled(set);
  });

  it('decides like the interpreter, with the version in force on the date', () => {
    const cases = [
      message(), // trusted spam after July: exempted → allow
      message({ posted: '2024-06-30' }), // unless holds: the rule decides
      message({ tags: ['spam', 'threat'] }), // the red line wins
      message({ date: '2024-05-31' }), // version one: no exemption there
      message({ tags: [] }),
      message({}, { kind: 'member' }),
      message({}, { reports: 2 }),
    ];
    for (const input of cases) expect(m.decide(input)).toEqual(evaluate(set, input));
    expect(m.decide(message())).toMatchObject({ action: 'allow', basis: 'exemption', clause: 'spam', exemption: 'trusted_spam', version: 'two' });
    expect(flat(m.decide(message())).because).toEqual(['Reported spam is hidden.', 'Trusted accounts may advertise.']);
    expect(m.decide(message({ date: '2024-06-01' })).version).toBe('two');
    expect(m.decide(message({ date: '2024-05-31' })).version).toBe('one');
  });

  it('returns shared frozen answers: the hot path allocates nothing', () => {
    const a = m.decide(message());
    expect(m.decide(message())).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(flat(a).because)).toBe(true);
    expect(m.decide(message({ tags: [] }))).toBe(m.decide(message({ tags: [], date: '2024-12-31' })));
  });

  it('throws its own NoVersionInForceError before the first version', () => {
    const early = message({ date: '2023-12-31' });
    let thrown: unknown;
    try {
      m.decide(early);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(m.NoVersionInForceError);
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).toMatchObject({
      name: 'NoVersionInForceError',
      date: '2023-12-31',
      firstEffective: '2024-01-01',
      message: 'no version in force on 2023-12-31: the first version takes effect on 2024-01-01',
    });
    expect(() => evaluate(set, early)).toThrow((thrown as Error).message);
    expect(m.decideUnknown(early)).toEqual({
      ok: false,
      errors: [{ path: 'date', message: 'no version in force on 2023-12-31: the first version takes effect on 2024-01-01' }],
    });
    expect(() => m.explain(early)).toThrow(m.NoVersionInForceError);
  });

  it('validates with the interpreter’s paths and messages, and decideUnknown never throws', () => {
    const broken = [
      null,
      undefined,
      42,
      'post',
      [],
      {},
      message({ date: '2024-02-30' }),
      message({ tags: ['spam', 'spam', 'spma', 7] }),
      message({ extra: 1, Tags: [] }),
      message({}, { kind: 'Staff', reports: -1 }),
      message({}, { reports: 1.5 }),
      message({}, { reports: -0 }),
      message({ author: null }),
      { ...message(), date: undefined },
    ];
    for (const input of broken) {
      const expected = interpretUnknown(set, input);
      expect(m.decideUnknown(input)).toEqual(expected);
      expect(expected.ok).toBe(false);
      expect(m.validate(input)).toEqual({ ok: false, errors: expected.ok ? [] : expected.errors });
    }
    expect(m.validate(message({}, { kind: 'Staff' }))).toEqual({
      ok: false,
      errors: [{ path: 'author.kind', message: 'expected one of Kind (member, staff, partner), got "Staff"; did you mean "staff"?' }],
    });
    expect(m.validate(message({ tagz: [] }))).toEqual({
      ok: false,
      errors: [{ path: 'tagz', message: 'unknown field of Message; did you mean "tags"?' }],
    });
    const fine = message();
    expect(m.validate(fine)).toEqual({ ok: true, value: fine });
    expect(validateInput(set.versions[1]!.inputType, fine).ok).toBe(true);
  });

  it('explains like the interpreter, with source positions in the .policy files', () => {
    for (const input of [message(), message({ posted: '2024-06-30' }), message({ date: '2024-02-01' })]) {
      expect(JSON.stringify(m.explain(input))).toBe(JSON.stringify(interpretExplain(set, input)));
    }
    const explanation = m.explain(message({ posted: '2024-06-30' }));
    const exemption = explanation.clauses.find((c) => c.name === 'trusted_spam')!;
    expect(exemption).toMatchObject({
      kind: 'exemption',
      holds: false,
      fired: false,
      reason: 'unless `msg.posted < 2024-07-01` holds',
      at: { file: 'test/compiler/fixtures/small/v2.policy', line: 20, column: 11 },
    });
    expect(exemption.when).toMatchObject({ kind: 'context', text: 'trusted', value: true });
    expect(() => m.explain({ date: '2024-08-01' })).toThrow(m.InvalidInputError);
  });

  it('lists its versions with their sources', () => {
    expect(m.VERSIONS).toEqual([
      { version: 'one', effective: '2024-01-01', source: 'a small policy set for the snapshot', file: 'test/compiler/fixtures/small/v1.policy' },
      { version: 'two', effective: '2024-06-01', source: 'adds a red line and an exemption', file: 'test/compiler/fixtures/small/v2.policy' },
    ]);
  });
});

describe('compiled module: the golden cases (test/golden/twitter.cases.json)', () => {
  const cases = (JSON.parse(readFileSync('test/golden/twitter.cases.json', 'utf8')) as { cases: { id: string; input: unknown; expect: Record<string, unknown> }[] })
    .cases;
  let set: PolicySet;
  let m: CompiledModule;
  beforeAll(async () => {
    set = load('policies/twitter');
    m = await loadCompiled(set);
  });

  it('has the 14 cases', () => expect(cases.length).toBeGreaterThanOrEqual(14));

  for (const c of cases) {
    it(c.id, () => {
      const decision = m.decide(c.input);
      expect(decision).toMatchObject(c.expect);
      expect(decision).toEqual(evaluate(set, c.input));
      expect(m.decideUnknown(c.input)).toEqual({ ok: true, decision });
      expect(JSON.stringify(m.explain(c.input))).toBe(JSON.stringify(interpretExplain(set, c.input)));
    });
  }
});
