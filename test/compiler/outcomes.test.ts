/**
 * The generated module of a Bylaw 2 policy set: decisions with declared outcomes (shared, frozen,
 * durations in ISO 8601), each list walked once per decision however many clauses count it,
 * reads of absent optional fields, list and optional-field validation (the interpreter's paths
 * and messages), and explanations with the elements each quantifier matched.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { loadCompiled, type CompiledModule } from '../../src/compiler/load.js';
import { decideUnknown as interpretUnknown, evaluate } from '../../src/interpreter/evaluate.js';
import { explain as interpretExplain } from '../../src/interpreter/explain.js';
import type { OutcomesDecision } from '../../src/semantics/decision.js';
import { load } from './support.js';

type Input = Record<string, unknown>;

const strike = (date: string, over: Input = {}) => ({ date, content_posted: date, severe: false, ...over });

/** A Meta post under the 2023 ladder: hate speech, posted the day before. */
const piece = (strikes: readonly Input[], over: Input = {}): Input => ({
  date: '2023-05-10',
  posted: '2023-05-09',
  categories: ['hate_speech'],
  author: { handle: 'someone', politician: false, followers: 840, news_coverage: false, strikes },
  civil_unrest: false,
  ...over,
});

const outcomes = (d: unknown) => (d as OutcomesDecision).outcomes;

describe('compiled module: policies/meta (declared outcomes, lists, optional fields)', () => {
  let set: PolicySet;
  let m: CompiledModule;
  beforeAll(async () => {
    set = load('policies/meta');
    m = await loadCompiled(set);
  });

  it('decides every outcome like the interpreter, the duration as written', () => {
    const strikes = ['2023-05-08', '2023-04-29', '2023-03-01', '2023-01-10', '2022-12-01', '2022-09-09'].map((d) => strike(d));
    const d = m.decide(piece(strikes));
    expect(d).toEqual(evaluate(set, piece(strikes)));
    expect(outcomes(d)['account']).toEqual({
      action: 'restrict',
      duration: 'P1D',
      basis: 'rule',
      clause: 'seventh_strike',
      exemption: null,
      because: ['7 strikes: a 1-day restriction from creating content.'],
    });
    // A member without a duration has no `duration` key at all.
    expect(Object.keys(outcomes(d)['content']!)).toEqual(['action', 'basis', 'clause', 'exemption', 'because']);
    const unrest = piece([], { civil_unrest: true, categories: ['violence_incitement'], unrest_severity: 'highest', author: { handle: 'x', politician: true, followers: 1, news_coverage: false, strikes: [] } });
    expect(outcomes(m.decide(unrest))['account']).toMatchObject({ action: 'suspend', duration: 'P2Y', clause: 'unrest_highest' });
  });

  it('returns one shared, frozen decision per combination of answers', () => {
    const a = m.decide(piece([strike('2023-05-08')]));
    const b = m.decide(piece([strike('2023-04-01')], { posted: '2023-05-10' }));
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(outcomes(a))).toBe(true);
    for (const part of Object.values(outcomes(a))) expect(Object.isFrozen(part) && Object.isFrozen(part.because)).toBe(true);
    expect(m.decide(piece([]))).not.toBe(a);
  });

  it('walks the list of strikes once per decision, however many rules count it', () => {
    let reads = 0;
    const counted = (list: Input[]) =>
      new Proxy(list, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    // Six ladder rules read `strikes_on_record`; eight strikes, one walk.
    const strikes = counted(['2023-05-08', '2023-04-29', '2023-04-01', '2023-03-01', '2023-02-01', '2023-01-10', '2022-12-01', '2022-11-11'].map((d) => strike(d)));
    const d = m.decide(piece(strikes));
    expect(reads).toBe(8);
    expect(outcomes(d)['account']).toMatchObject({ action: 'restrict', duration: 'P7D', clause: 'ninth_strike' });
    reads = 0;
    // Not violating: no rule that counts strikes is reached, and the list is not walked at all.
    m.decide(piece(strikes, { categories: [] }));
    expect(reads).toBe(0);
  });

  it('never reads a field of an absent optional record, in decisions and in explanations', () => {
    // `newsworthiness` absent, then null. Explanations evaluate every condition, guarded or not:
    // `piece.newsworthiness.risk_of_harm` is read through `?.` (a plain read would throw here).
    const absent = piece([strike('2023-05-08')], { author: { handle: 'senator', politician: true, followers: 1, news_coverage: true, strikes: [] } });
    const empty = { ...absent, newsworthiness: null };
    for (const input of [absent, empty]) {
      expect(m.decide(input)).toEqual(evaluate(set, input));
      expect(JSON.stringify(m.explain(input))).toBe(JSON.stringify(interpretExplain(set, input)));
    }
    const guarded = m.explain(empty).clauses.find((c) => c.name === 'newsworthy')!;
    expect(guarded).toMatchObject({ holds: false, reason: '`piece.newsworthiness exists` is false' });
  });

  it('reports the elements each quantifier matched, as the interpreter does', () => {
    const input = piece([strike('2023-05-08'), strike('2021-01-01'), strike('2023-02-02', { content_posted: '2022-01-01' }), strike('2022-06-01', { severe: true, content_posted: '2020-01-01' })]);
    const explanation = m.explain(input);
    expect(JSON.stringify(explanation)).toBe(JSON.stringify(interpretExplain(set, input)));
    const ladder = explanation.clauses.find((c) => c.name === 'second_to_sixth_strike')!;
    const counted = ladder.quantifiers!.find((q) => q.text.includes('s in piece.author.strikes'))!;
    // The second is over a year old; the third was posted too long before its strike.
    expect(counted).toMatchObject({ matched: [0, 3], of: 4, at: { file: 'policies/meta/rules.policy' } });
    expect(explanation.clauses.find((c) => c.name === 'child_sexual_exploitation')!.quantifiers).toBeUndefined();
  });

  it('validates lists and optional fields with the interpreter’s paths and messages', () => {
    const hole: Input[] = [];
    hole[1] = strike('2023-01-01');
    const broken: unknown[] = [
      piece(new Array(10_001).fill(0) as Input[]),
      piece(hole),
      piece([strike('2023-02-30')]),
      piece([{ date: '2023-01-01' }]),
      piece([], { newsworthiness: undefined }),
      piece([], { newsworthiness: { public_interest: 'high' } }),
      piece([], { unrest_severity: 'High' }),
      piece('strikes' as unknown as Input[]),
    ];
    for (const input of broken) {
      const expected = interpretUnknown(set, input);
      expect(expected.ok).toBe(false);
      expect(m.decideUnknown(input)).toEqual(expected);
      expect(m.validate(input)).toEqual({ ok: false, errors: expected.ok ? [] : expected.errors });
    }
    expect(m.validate(broken[0])).toEqual({
      ok: false,
      errors: [{ path: 'author.strikes', message: 'a list of 10001 elements is longer than the most an input may hold, 10000' }],
    });
    expect(m.validate(broken[1])).toEqual({ ok: false, errors: [{ path: 'author.strikes[0]', message: 'missing element' }] });
    expect(m.validate(broken[4])).toEqual({
      ok: false,
      errors: [{ path: 'newsworthiness', message: 'expected an object (Review), got undefined' }],
    });
    // Absent and null are the same to a decision.
    const present = piece([], { unrest_severity: null, newsworthiness: null });
    expect(m.validate(present)).toEqual({ ok: true, value: present });
    expect(m.decide(present)).toBe(m.decide(piece([])));
  });
});

describe('compiled module: the Bylaw 2 fixture (three outcomes, every construct)', () => {
  let set: PolicySet;
  let m: CompiledModule;
  beforeAll(async () => {
    set = load('test/compiler/fixtures/history');
    m = await loadCompiled(set);
  });

  const post = (over: Input = {}, author: Input = {}): Input => ({
    date: '2024-03-31',
    topics: ['gore', 'abuse'],
    reports: 0,
    author: { tier: 'basic', joined: '2020-01-01', strikes: [], flags: [], logins: [], muted: [], topics: [], ...author },
    ...over,
  });

  it('writes every unit of a duration as written: hours, weeks, months, years', () => {
    const cases: [Input, string][] = [
      [post(), 'PT12H'],
      [post({ topics: ['abuse'], reports: 11 }, { joined: '2024-03-20' }), 'PT168H'],
      [post({ topics: ['abuse'] }, { strikes: [{ date: '2024-03-01', topic: 'abuse', severe: false, tags: [] }] }), 'P7D'],
      [post({ topics: [] }, { flags: [3], logins: ['2024-03-30'] }), 'P1M'],
    ];
    for (const [input, duration] of cases) {
      const d = m.decide(input);
      expect(d).toEqual(evaluate(set, input));
      expect(outcomes(d)['account']!.duration).toBe(duration);
    }
  });

  it('moves dates by calendar months and years, clamped to the month’s end', () => {
    // 2024-03-31 − 1 month = 2024-02-29: a login on 2024-02-29 is not before the cutoff.
    const onCutoff = post({ topics: [] }, { flags: [5], logins: ['2024-02-29'] });
    const before = post({ topics: [] }, { flags: [5], logins: ['2024-02-28'] });
    expect(outcomes(m.decide(onCutoff))['account']).toMatchObject({ action: 'limit', clause: 'monthly' });
    expect(outcomes(m.decide(before))['account']).toMatchObject({ action: 'none', basis: 'default' });
    for (const input of [onCutoff, before]) expect(m.decide(input)).toEqual(evaluate(set, input));
  });

  it('gives the default of every outcome when nothing fires', () => {
    const d = m.decide(post({ topics: [] }));
    expect(d).toEqual({
      version: 'v2',
      outcomes: {
        content: { action: 'allow', basis: 'default', clause: null, exemption: null, because: [] },
        account: { action: 'none', basis: 'default', clause: null, exemption: null, because: [] },
        review: { action: 'skip', basis: 'default', clause: null, exemption: null, because: [] },
      },
    });
  });
});
