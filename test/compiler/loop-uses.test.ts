/**
 * What a quantifier's loop function is passed follows the uses its body records as it is
 * emitted (src/compiler/quantifiers.ts), not a search of the emitted text: a date read only as
 * a day number is passed as one even where a string in the body reads like its name; a date a
 * nested loop's arguments read as text is passed as text, its day number made once per call.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/compiler/index.js';
import { compiledJavaScript } from '../../src/compiler/load.js';
import { clauseDecider } from './differential.js';
import { load } from './support.js';
import { typeCheck } from './typescript.js';

const FIXTURE = 'test/compiler/fixtures/loop-uses.policy';

/** The loop functions whose body holds `line`. */
function loopsWith(text: string, line: string): string[] {
  const found = text.split('\n\n').filter((f) => f.startsWith('function $q') && f.includes(line));
  if (found.length === 0) throw new Error(`no loop function holds ${line}`);
  return found;
}

type Strike = { date: string; posted: string; note: string; reviews: string[] };

const strike = (date: string, over: Partial<Strike> = {}): Strike => ({ date, posted: date, note: '$p0', reviews: [], ...over });

describe('loop parameters by their recorded uses: what is emitted', () => {
  let text: string;
  beforeAll(() => {
    text = compiledJavaScript(load(FIXTURE));
  });

  it('passes dates read only as day numbers as day numbers, beside strings that read like parameter names', () => {
    // `count` in decide, `match` in explain: both loops.
    const named = loopsWith(text, '$x.note === "$p0" || $x.note === "$p1" || $x.note === "$b0"');
    expect(named).toHaveLength(2);
    for (const loop of named) {
      expect(loop).toMatch(/^function \$q\d+\(\$xs, \$b0, \$b1\) \{\n/);
      expect(loop).not.toContain('$dayBound');
    }
    expect(text).toContain('(input.strikes, $shiftDay(input.date, -1, "year"), $dayNumber(input.date))');
    // No date is shifted as text anywhere in the module.
    expect(text).not.toContain('$shiftDate');
  });

  it("passes a date a nested loop's arguments read as text as text, its day number made once per call", () => {
    const nested = loopsWith(text, '$d0 <= $b0 && $dayNumber($x.posted) >= $d0 - 7');
    expect(nested).toHaveLength(2);
    for (const loop of nested) {
      expect(loop).toMatch(/^function \$q\d+\(\$xs, \$p0, \$p1\) \{\n(.*\n)? {2}const \$b0 = \$dayBound\(\$p0\);\n {2}for /);
      expect(loop).toMatch(/\$q\d+\(\$p1, \$x\.date, \$p0\)/);
    }
  });

  it('reads no element in a loop whose where reads none (an `all` without `where` holds)', () => {
    const loops = loopsWith(text, '$n++').filter((f) => f.includes('if (true) $n++'));
    expect(loops).toHaveLength(1);
    expect(loops[0]).not.toContain('const $x');
  });

  it('is the same text every time, and type-checks under strict TypeScript', () => {
    expect(compiledJavaScript(load(FIXTURE))).toBe(text);
    const ts = generate(load(FIXTURE), { target: 'ts' }).files[0]!.text;
    expect(typeCheck({ 'index.ts': ts }, ['index.ts'])).toEqual([]);
  }, 60_000);
});

describe('loop parameters by their recorded uses: decisions', () => {
  let decided: (post: Record<string, unknown>) => string | null;
  beforeAll(async () => {
    ({ decided } = await clauseDecider(FIXTURE));
  });

  it('counts strikes in the year by day numbers, their notes compared as text', () => {
    // The window is after 2023-06-15, up to 2024-06-15.
    const strikes = [strike('2023-06-15'), strike('2023-06-16', { note: '$p1' }), strike('2024-06-15', { note: '$b0' }), strike('2024-06-16')];
    expect(decided({ date: '2024-06-15', strikes: strikes.slice(1, 3) })).toBe('named_strikes');
    // On the lower bound, or after the upper: not counted.
    expect(decided({ date: '2024-06-15', strikes: [strikes[0]!, strikes[1]!] })).toBe(null);
    expect(decided({ date: '2024-06-15', strikes: [strikes[1]!, strikes[3]!] })).toBe(null);
    expect(decided({ date: '2024-06-15', strikes: strikes.slice(1, 3).map((s) => ({ ...s, note: '$b1' })) })).toBe(null);
  });

  it('compares the nested loop with the outer date as text', () => {
    const shared = [strike('2024-06-10', { posted: '2024-06-05', note: 'x' }), strike('2024-06-10', { posted: '2024-06-01', note: 'y' })];
    expect(decided({ date: '2024-06-15', strikes: shared })).toBe('nested_strikes');
    // The day itself: posted on it is not before it.
    expect(decided({ date: '2024-06-05', strikes: shared.map((s) => ({ ...s, date: '2024-06-05' })) })).toBe(null);
    expect(decided({ date: '2024-06-15', strikes: [strike('2024-06-10', { note: 'x' }), strike('2024-06-11', { note: 'y' }), strike('2024-06-12', { note: 'z' })] })).toBe('many');
  });
});
