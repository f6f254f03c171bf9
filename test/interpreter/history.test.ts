import { describe, expect, it } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { decideUnknown, evaluate } from '../../src/interpreter/evaluate.js';
import type { Decision } from '../../src/runtime/types.js';
import { checkFiles } from '../support/policies.js';

/**
 * Time, history and optional values in the interpreter (LANGUAGE-2 §4–6): dates moved by
 * calendar steps, quantifiers over lists (nested, empty), and optional fields absent or `null`.
 */

function policy(text: string): PolicySet {
  const checked = checkFiles({ 'hist/p.policy': text });
  expect(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return checked.policy!;
}

/** Whether the version's one rule fires (the action is `yes`). */
function fires(p: PolicySet, input: unknown): boolean {
  return (evaluate(p, input) as Decision).action === 'yes';
}

const ONE = 'scale Action { no < yes }\ndefault no\n';

describe('dates moved by durations (§4)', () => {
  /** A policy that fires exactly when `x.d OP N UNIT == x.e`. */
  const shift = (by: string) => policy(`${ONE}record In { d: date, e: date }\ninput x: In\nrule r when x.d ${by} == x.e then yes\n`);

  it.each([
    ['2024-02-29', '+ 1 year', '2025-02-28'],
    ['2024-02-29', '- 1 year', '2023-02-28'],
    ['2024-02-29', '+ 4 years', '2028-02-29'],
    ['2024-01-31', '+ 1 month', '2024-02-29'],
    ['2023-01-31', '+ 1 month', '2023-02-28'],
    ['2024-03-31', '- 1 month', '2024-02-29'],
    ['2024-05-31', '+ 1 month', '2024-06-30'],
    ['2024-12-31', '+ 2 months', '2025-02-28'],
    ['2024-12-15', '+ 1 month', '2025-01-15'],
    ['2025-01-15', '- 1 month', '2024-12-15'],
    ['2024-01-31', '+ 13 months', '2025-02-28'],
    ['2024-02-28', '+ 1 day', '2024-02-29'],
    ['2023-02-28', '+ 1 day', '2023-03-01'],
    ['2024-12-31', '+ 1 day', '2025-01-01'],
    ['2024-03-01', '- 90 days', '2023-12-02'],
    ['2023-03-01', '- 90 days', '2022-12-01'],
    ['2024-01-01', '+ 2 weeks', '2024-01-15'],
    ['2024-01-31', '+ 1 month + 1 month', '2024-03-29'],
    ['2024-01-31', '+ 2 months', '2024-03-31'],
    ['2024-03-31', '- 1 month + 1 month', '2024-03-29'],
  ])('%s %s = %s', (d, by, e) => {
    const p = shift(by);
    expect(fires(p, { d, e })).toBe(true);
    // …and no other day: the day before and the day after do not match.
    for (const other of [shiftDay(e, -1), shiftDay(e, 1)]) expect(fires(p, { d, e: other }), other).toBe(false);
  });

  it('a window of 90 days: the day 90 days before is out, the 89th day before is in', () => {
    const p = policy(`${ONE}record In { date: date, strike: date }\ninput x: In\nrule recent when x.strike > x.date - 90 days then yes\n`);
    expect(fires(p, { date: '2024-03-01', strike: '2023-12-02' })).toBe(false);
    expect(fires(p, { date: '2024-03-01', strike: '2023-12-03' })).toBe(true);
  });

  it('a date literal moves too, and a shift can stand on either side of a comparison', () => {
    const p = policy(`${ONE}record In { d: date }\ninput x: In\nrule r when 2024-02-29 + 1 year <= x.d - 1 day then yes\n`);
    expect(fires(p, { d: '2025-03-01' })).toBe(true);
    expect(fires(p, { d: '2025-02-28' })).toBe(false);
  });
});

/** `YYYY-MM-DD` moved by whole days, independently of the code under test. */
function shiftDay(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

describe('quantifiers (§5)', () => {
  const HISTORY = `${ONE}enum Policy { spam, hate, harassment }
record Strike { date: date, policy: Policy, severe: bool }
record Warning { date: date, policy: Policy }
record In { date: date, strikes: list<Strike>, warnings: list<Warning>, policies: set<Policy>, scores: list<int>, days: list<date> }
input x: In
`;
  const base = { date: '2024-06-01', strikes: [], warnings: [], policies: [], scores: [], days: [] };
  const strike = (date: string, policy = 'spam', severe = false) => ({ date, policy, severe });

  it('empty lists: `any` is false, `all` is true, `count` is 0', () => {
    const p = policy(`${HISTORY}context anyone = any(s in x.strikes)
context all_severe = all(s in x.strikes where s.severe)
context none_counted = count(s in x.strikes) == 0
rule r when not anyone and all_severe and none_counted then yes
`);
    expect(fires(p, base)).toBe(true);
    expect(fires(p, { ...base, strikes: [strike('2024-01-01')] })).toBe(false);
  });

  it('`all` fails on one element, `any` holds on one, `count` counts where `where` holds', () => {
    const p = (when: string) => policy(`${HISTORY}rule r when ${when} then yes\n`);
    const strikes = [strike('2024-05-01', 'spam', true), strike('2024-04-01', 'hate', false), strike('2023-01-01', 'spam', true)];
    expect(fires(p('all(s in x.strikes where s.severe)'), { ...base, strikes })).toBe(false);
    expect(fires(p('all(s in x.strikes where s.date < x.date)'), { ...base, strikes })).toBe(true);
    expect(fires(p('any(s in x.strikes where s.policy == hate)'), { ...base, strikes })).toBe(true);
    expect(fires(p('any(s in x.strikes where s.policy == harassment)'), { ...base, strikes })).toBe(false);
    expect(fires(p('count(s in x.strikes where s.severe) == 2'), { ...base, strikes })).toBe(true);
    expect(fires(p('count(s in x.strikes where s.date > x.date - 90 days) == 2'), { ...base, strikes })).toBe(true);
    expect(fires(p('count(s in x.strikes) == 3'), { ...base, strikes })).toBe(true);
  });

  it('a count in a value context, compared later', () => {
    const p = policy(`${HISTORY}context active = count(s in x.strikes where s.date > x.date - 90 days and s.date <= x.date)
rule r when active >= 2 then yes
`);
    const strikes = [strike('2024-05-01'), strike('2024-03-04'), strike('2024-03-03'), strike('2024-07-01')];
    // 2024-03-03 is 90 days before 2024-06-01: out; the July strike is after the date: out.
    expect(fires(p, { ...base, strikes })).toBe(true);
    expect(fires(p, { ...base, strikes: strikes.slice(1) })).toBe(false);
  });

  it('nested: the inner `where` sees the outer element', () => {
    const p = policy(`${HISTORY}rule r when any(w in x.warnings where any(s in x.strikes where s.policy == w.policy and s.date > w.date)) then yes\n`);
    const warnings = [{ date: '2024-01-01', policy: 'hate' }];
    expect(fires(p, { ...base, warnings, strikes: [strike('2024-02-01', 'hate')] })).toBe(true);
    expect(fires(p, { ...base, warnings, strikes: [strike('2023-12-01', 'hate')] })).toBe(false);
    expect(fires(p, { ...base, warnings, strikes: [strike('2024-02-01', 'spam')] })).toBe(false);
    expect(fires(p, { ...base, warnings: [], strikes: [strike('2024-02-01', 'hate')] })).toBe(false);
  });

  it('nested `count` inside `all`: every warning has at least two later strikes of its policy', () => {
    const p = policy(`${HISTORY}rule r when all(w in x.warnings where count(s in x.strikes where s.policy == w.policy and s.date > w.date) >= 2) then yes\n`);
    const warnings = [{ date: '2024-01-01', policy: 'hate' }, { date: '2024-02-01', policy: 'spam' }];
    const strikes = [strike('2024-03-01', 'hate'), strike('2024-03-02', 'hate'), strike('2024-03-03', 'spam')];
    expect(fires(p, { ...base, warnings, strikes })).toBe(false);
    expect(fires(p, { ...base, warnings, strikes: [...strikes, strike('2024-03-04', 'spam')] })).toBe(true);
    expect(fires(p, { ...base, warnings: [], strikes: [] })).toBe(true);
  });

  it('over a set of enums, a list of ints and a list of dates', () => {
    const p = (when: string) => policy(`${HISTORY}rule r when ${when} then yes\n`);
    expect(fires(p('count(q in x.policies) == 0'), base)).toBe(true);
    expect(fires(p('count(q in x.policies where q != spam) == 1'), { ...base, policies: ['spam', 'hate'] })).toBe(true);
    expect(fires(p('any(n in x.scores where n > 5)'), { ...base, scores: [1, 6] })).toBe(true);
    expect(fires(p('all(n in x.scores where n > 5)'), { ...base, scores: [1, 6] })).toBe(false);
    expect(fires(p('any(d in x.days where d + 1 month == x.date)'), { ...base, days: ['2024-05-01'] })).toBe(true);
  });

  it('`has any {…}` and `has all {…}`', () => {
    const p = (when: string) => policy(`${HISTORY}rule r when ${when} then yes\n`);
    expect(fires(p('x.policies has any {spam, hate}'), { ...base, policies: ['hate'] })).toBe(true);
    expect(fires(p('x.policies has any {spam, hate}'), { ...base, policies: ['harassment'] })).toBe(false);
    expect(fires(p('x.policies has all {spam, hate}'), { ...base, policies: ['hate'] })).toBe(false);
    expect(fires(p('x.policies has all {spam, hate}'), { ...base, policies: ['hate', 'harassment', 'spam'] })).toBe(true);
  });

  it('a list may be long: every element is counted, up to the input limit of 10,000', () => {
    const p = policy(`${HISTORY}rule r when count(s in x.strikes where s.severe) == 5000 then yes\n`);
    const strikes = Array.from({ length: 10_000 }, (_, i) => strike('2024-01-01', 'spam', i % 2 === 0));
    expect(fires(p, { ...base, strikes })).toBe(true);
    expect(decideUnknown(p, { ...base, strikes: [...strikes, strike('2024-01-01')] })).toEqual({
      ok: false,
      errors: [{ path: 'strikes', message: 'a list of 10001 elements is longer than the most an input may hold, 10000' }],
    });
  });
});

describe('optional fields: absent and `null` (§6)', () => {
  const OPTIONAL = `${ONE}record Review { score: int, note: string? }
record Strike { date: date, appealed: date? }
record In { date: date, review: Review?, label: string?, strikes: list<Strike> }
input x: In
`;
  const base = { date: '2024-06-01', strikes: [] };

  it('`exists` is false for an absent field and for `null`, true for any value (an empty string too)', () => {
    const p = policy(`${OPTIONAL}rule r when x.label exists then yes\n`);
    expect(fires(p, base)).toBe(false);
    expect(fires(p, { ...base, label: null })).toBe(false);
    expect(fires(p, { ...base, label: '' })).toBe(true);
  });

  it('a guarded read: absent and `null` take the `not … exists` branch alike', () => {
    const p = policy(`${OPTIONAL}rule r when not x.review exists or x.review.score < 3 then yes\n`);
    expect(fires(p, base)).toBe(true);
    expect(fires(p, { ...base, review: null })).toBe(true);
    expect(fires(p, { ...base, review: { score: 2 } })).toBe(true);
    expect(fires(p, { ...base, review: { score: 5 } })).toBe(false);
  });

  it('optional fields nested in optional records, and in list elements', () => {
    const nested = policy(`${OPTIONAL}rule r when x.review exists and x.review.note exists and x.review.note == "ok" then yes\n`);
    expect(fires(nested, { ...base, review: { score: 1 } })).toBe(false);
    expect(fires(nested, { ...base, review: { score: 1, note: null } })).toBe(false);
    expect(fires(nested, { ...base, review: { score: 1, note: 'ok' } })).toBe(true);
    const elements = policy(`${OPTIONAL}rule r when count(s in x.strikes where s.appealed exists and s.appealed > s.date) == 1 then yes\n`);
    const strikes = [{ date: '2024-01-01' }, { date: '2024-01-01', appealed: null }, { date: '2024-01-01', appealed: '2024-01-05' }];
    expect(fires(elements, { ...base, strikes })).toBe(true);
  });

  it('a guard in the `when` covers the `unless`', () => {
    const p = policy(`${OPTIONAL}rule r when x.review exists unless x.review.score > 8 then yes\n`);
    expect(fires(p, base)).toBe(false);
    expect(fires(p, { ...base, review: { score: 9 } })).toBe(false);
    expect(fires(p, { ...base, review: { score: 1 } })).toBe(true);
  });

  it('validation: an optional field may be absent or `null`; a required one may be neither', () => {
    const p = policy(`${OPTIONAL}rule r when x.label exists then yes\n`);
    expect(decideUnknown(p, { ...base, label: null, review: null })).toMatchObject({ ok: true });
    expect(decideUnknown(p, { ...base, review: { score: null } })).toEqual({ ok: false, errors: [{ path: 'review.score', message: 'expected int, got null' }] });
    expect(decideUnknown(p, { strikes: [] })).toEqual({ ok: false, errors: [{ path: 'date', message: 'missing field' }] });
    expect(decideUnknown(p, { ...base, label: 3 })).toMatchObject({ ok: false, errors: [{ path: 'label' }] });
  });
});
