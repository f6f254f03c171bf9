/**
 * Dates in quantifier loops compared as day numbers (src/compiler/loop-days.ts): what is emitted
 * (an element date parsed once, bounds computed once per call, everything else as before), and
 * that the compiled module still decides and explains as the interpreter does at the edges —
 * window bounds on the boundary day, leap days and month ends, the sentinels past the writable
 * years, absent optional dates. The random inputs of differential.test.ts cover the same fixture.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { compiledJavaScript, type CompiledModule } from '../../src/compiler/load.js';
import { generate } from '../../src/compiler/index.js';
import { evaluate } from '../../src/interpreter/evaluate.js';
import { explain } from '../../src/interpreter/explain.js';
import { clauseDecider, compareValid } from './differential.js';
import { load } from './support.js';
import { typeCheck } from './typescript.js';

const FIXTURE = 'test/compiler/fixtures/loop-days.policy';

type Strike = { date: string; posted: string; severe: boolean; appealed?: string | null };

const strike = (date: string, over: Partial<Strike> = {}): Strike => ({ date, posted: date, severe: false, ...over });

/** A loop function's text, by a line its body holds. */
function loopWith(text: string, line: string): string {
  const fn = text.split('\n\n').find((f) => f.startsWith('function $q') && f.includes(line));
  if (fn === undefined) throw new Error(`no loop function holds ${line}`);
  return fn;
}

describe('loop dates as day numbers: what is emitted', () => {
  let text: string;
  beforeAll(() => {
    text = compiledJavaScript(load(FIXTURE));
  });

  it('parses an element date used several times once per element, and passes the window as day numbers', () => {
    const counted = loopWith(text, '$n++');
    expect(counted).toContain('function $q0($xs, $b0, $b1) {');
    expect(counted).toContain('    const $d0 = $dayNumber($x.date);\n');
    expect(counted).toContain('if ($d0 > $b0 && $d0 <= $b1 && ($dayNumber($x.posted) >= $d0 - 90 || ');
    // Years back stay text inside the loop: month-end clamping is shiftDate's.
    expect(counted).toContain('$x.posted >= $shiftDate($x.date, -4, "year")');
    expect(text).toContain('$q0(input.strikes, $shiftDay(input.date, -1, "year"), $dayNumber(input.date))');
  });

  it('compares with a literal, an absent bound and another element date on day numbers', () => {
    expect(loopWith(text, '$d0 >= 18321')).toContain('if ($d0 <= $b0 && $d0 >= 18321 && $dayNumber($x.posted) > $d0 - 14) return true;');
    expect(text).toContain('$dayBound(input.reviewed)');
    const posted = loopWith(text, '$d1 <= $d0 + 3');
    expect(posted).toContain('const $d0 = $dayNumber($x.posted);\n    const $d1 = $dayNumber($x.date);');
  });

  it('keeps a bound that is also compared as text a parameter, its day number made once per call', () => {
    const month = loopWith(text, '$x.posted !== $p1');
    expect(month).toMatch(/^function \$q\d+\(\$xs, \$b0, \$p1\) \{\n {2}const \$b1 = \$dayBound\(\$p1\);\n {2}for /);
  });

  it('leaves an element date read once, and optional element dates, as text', () => {
    expect(loopWith(text, '$x.date <= $p0')).not.toContain('$dayNumber');
    expect(loopWith(text, '$x.appealed != null')).toContain('$x.appealed > $shiftDate($x.date, 30, "day")');
  });

  it('is the same text every time, and type-checks under strict TypeScript', () => {
    const set = load(FIXTURE);
    expect(compiledJavaScript(set)).toBe(text);
    const ts = generate(set, { target: 'ts' }).files[0]!.text;
    expect(generate(load(FIXTURE), { target: 'ts' }).files[0]!.text).toBe(ts);
    expect(typeCheck({ 'index.ts': ts }, ['index.ts'])).toEqual([]);
  }, 60_000);
});

describe('loop dates as day numbers: decisions at the edges', () => {
  let set: PolicySet;
  let m: CompiledModule;
  let decided: (post: Record<string, unknown>) => string | null;
  beforeAll(async () => {
    ({ set, m, decided } = await clauseDecider(FIXTURE));
  });

  /** The elements `count`/`any`/`all` matched in the explanation, by the start of the quantifier's text. */
  function matched(post: Record<string, unknown>, start: string): number[] {
    const starts = (q: { text: string }) => q.text.replace(/\( /g, '(').startsWith(start);
    const found = m
      .explain(post)
      .clauses.flatMap((c) => c.quantifiers ?? [])
      .find(starts);
    if (!found) throw new Error(`no quantifier starting ${start}`);
    const reference = explain(set, post)
      .clauses.flatMap((c) => c.quantifiers ?? [])
      .find(starts);
    expect(found).toEqual(reference);
    return [...found.matched];
  }

  it('a year back from a leap day is 28 February: a strike on it is out, on the day after in', () => {
    const strikes = [strike('2023-02-28'), strike('2023-03-01'), strike('2024-02-29'), strike('2024-03-01')];
    expect(matched({ date: '2024-02-29', strikes }, 'count(s in post.strikes where s.date > post.date - 1 year')).toEqual([1, 2]);
    expect(decided({ date: '2024-02-29', strikes })).toBe('many');
    // From the day after a leap year's 28 February: 29 February is in the window, the 28th out.
    expect(matched({ date: '2025-02-28', strikes: [strike('2024-02-28'), strike('2024-02-29')] }, 'count(s in post.strikes where s.date > post.date - 1 year')).toEqual([1]);
  });

  it('counts a strike on the window bounds by the operators: after the lower, up to the upper', () => {
    const strikes = [strike('2023-06-15'), strike('2023-06-16'), strike('2024-06-15'), strike('2024-06-16')];
    expect(matched({ date: '2024-06-15', strikes }, 'count(s in post.strikes where s.date > post.date - 1 year')).toEqual([1, 2]);
    // Countable only when posted at most 90 days before the strike, or severe and 4 years.
    const old = [strike('2024-06-01', { posted: '2024-03-03' }), strike('2024-06-01', { posted: '2024-03-02' }), strike('2024-06-01', { posted: '2020-06-01', severe: true })];
    expect(matched({ date: '2024-06-15', strikes: old }, 'count(s in post.strikes where s.date > post.date - 1 year')).toEqual([0, 2]);
  });

  it('a window past the writable years (year 0 back, year 9999 ahead) holds every date on its side', () => {
    const early = [strike('0000-01-01'), strike('0000-06-15'), strike('0000-06-16')];
    expect(matched({ date: '0000-06-15', strikes: early }, 'count(s in post.strikes where s.date > post.date - 1 year')).toEqual([0, 1]);
    expect(decided({ date: '0000-06-15', strikes: early })).toBe('many');
    const late = [strike('9999-12-31', { posted: '9999-12-20' }), strike('9999-12-31', { posted: '9999-12-17' })];
    expect(matched({ date: '9999-12-28', strikes: late }, 'any(s in post.strikes where s.date <= post.date + 1 week')).toEqual([0]);
    expect(matched({ date: '9999-12-28', strikes: late }, 'all(s in post.strikes where s.date > post.date - 9000 years')).toEqual([0, 1]);
    expect(matched({ date: '0999-12-31', strikes: [strike('0001-01-01')] }, 'all(s in post.strikes where s.date > post.date - 9000 years')).toEqual([0]);
    expect(matched({ date: '9999-12-31', strikes: [strike('0999-12-31'), strike('1000-01-01')] }, 'all(s in post.strikes where s.date > post.date - 9000 years')).toEqual([1]);
  });

  it('an absent bound holds for no element, in decisions and in explanations', () => {
    const strikes = [strike('2024-01-10'), strike('2024-01-11'), strike('2024-03-01', { posted: '2024-01-01' })];
    for (const post of [{ date: '2024-06-15', strikes }, { date: '2024-06-15', reviewed: null, strikes }]) {
      expect(matched(post, 'count(s in post.strikes where s.date > post.reviewed')).toEqual([]);
      decided(post);
    }
    expect(matched({ date: '2024-06-15', reviewed: '2024-01-10', strikes }, 'count(s in post.strikes where s.date > post.reviewed')).toEqual([1]);
    // More than a year back (not counted): only the review window decides.
    expect(decided({ date: '2025-06-15', reviewed: '2024-01-10', strikes: [strike('2024-01-11', { posted: '2024-01-05' })] })).toBe('upcoming');
  });

  it('absent optional element dates are never parsed', () => {
    // Posted 121 days before: not countable, so only the late appeal decides.
    const strikes = [strike('2024-05-01', { posted: '2024-01-01', appealed: null }), strike('2024-05-01', { posted: '2024-01-01' }), strike('2024-05-01', { posted: '2024-01-01', appealed: '2024-06-01' })];
    expect(matched({ date: '2024-06-15', strikes }, 'any(s in post.strikes where s.date < post.date + 9000 years')).toEqual([2]);
    expect(decided({ date: '2024-06-15', strikes })).toBe('appealed');
  });

  it('decides as the interpreter on every day around a month end and a leap day', () => {
    const days = ['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-30', '2024-03-31', '2024-04-01'];
    for (const date of days) {
      const strikes = days.map((d, i) => strike(d, { posted: days[(i + 3) % days.length]!, severe: i % 2 === 0 }));
      const post = { date, reviewed: days[2], strikes };
      compareValid(set, m, post);
      expect(m.decide(post)).toEqual(evaluate(set, post));
    }
  });
});
