/**
 * Date arithmetic of LANGUAGE-2 §4 (src/runtime/dates.ts), which the interpreter and generated
 * modules share: `shiftDate` and `dayNumber` against an oracle built on `Date` (UTC, proleptic
 * Gregorian, any year 0–9999), on random dates and amounts and on the days where calendar months
 * and years clamp; `dayBound` and `shiftDay` (a quantifier's loop-invariant dates as numbers)
 * compare with day numbers exactly as the text they stand for compares with dates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AFTER_ALL_DATES, BEFORE_ALL_DATES, dayBound, dayNumber, isDate, shiftDate, shiftDateOrAbsent, shiftDay } from '../../src/runtime/dates.js';

const DAY = 86_400_000;

function utc(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function iso(ms: number): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (y < 0) return BEFORE_ALL_DATES;
  if (y > 9999) return AFTER_ALL_DATES;
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** The oracle: days by milliseconds; months and years by calendar, clamped to the target month's last day. */
function oracle(date: string, amount: number, unit: 'day' | 'week' | 'month' | 'year'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (unit === 'day' || unit === 'week') return iso(utc(y, m, d) + amount * (unit === 'week' ? 7 : 1) * DAY);
  const months = y * 12 + (m - 1) + amount * (unit === 'year' ? 12 : 1);
  const ty = Math.floor(months / 12);
  const tm = months - ty * 12 + 1;
  if (ty < 0) return BEFORE_ALL_DATES;
  if (ty > 9999) return AFTER_ALL_DATES;
  const last = new Date(utc(ty, tm + 1, 0)).getUTCDate();
  return iso(utc(ty, tm, Math.min(d, last)));
}

const validDate = fc.integer({ min: utc(0, 1, 1) / DAY, max: utc(9999, 12, 31) / DAY }).map((n) => iso(n * DAY));
const nearDate = fc.integer({ min: utc(1990, 1, 1) / DAY, max: utc(2040, 12, 31) / DAY }).map((n) => iso(n * DAY));

describe('shiftDate', () => {
  it('moves by days and weeks exactly, and by calendar months and years clamped to the month end', () => {
    const unit = fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'year' as const);
    fc.assert(
      fc.property(fc.oneof(validDate, nearDate), fc.integer({ min: -5000, max: 5000 }), unit, (date, amount, u) => {
        expect(shiftDate(date, amount, u)).toBe(oracle(date, amount, u));
      }),
      { numRuns: 20_000 },
    );
  });

  it('clamps where a month has fewer days, and leaves leap days alone in leap years', () => {
    expect(shiftDate('2024-02-29', 1, 'year')).toBe('2025-02-28');
    expect(shiftDate('2024-02-29', -1, 'year')).toBe('2023-02-28');
    expect(shiftDate('2024-02-29', 4, 'year')).toBe('2028-02-29');
    expect(shiftDate('2024-02-29', -4, 'year')).toBe('2020-02-29');
    expect(shiftDate('2100-02-28', -100, 'year')).toBe('2000-02-28');
    expect(shiftDate('2024-03-31', -1, 'month')).toBe('2024-02-29');
    expect(shiftDate('2023-03-31', -1, 'month')).toBe('2023-02-28');
    expect(shiftDate('2024-01-31', 3, 'month')).toBe('2024-04-30');
    expect(shiftDate('2024-12-31', 1, 'month')).toBe('2025-01-31');
    expect(shiftDate('2024-03-01', -1, 'day')).toBe('2024-02-29');
    expect(shiftDate('2024-05-10', -90, 'day')).toBe('2024-02-10');
    expect(shiftDate('0003-02-10', -2, 'week')).toBe('0003-01-27');
  });

  it('gives a date before or after every date past the years a date can be written in', () => {
    expect(shiftDate('0000-01-05', -1, 'week')).toBe(BEFORE_ALL_DATES);
    expect(shiftDate('0000-06-15', -1, 'year')).toBe(BEFORE_ALL_DATES);
    expect(shiftDate('9999-12-31', 1, 'day')).toBe(AFTER_ALL_DATES);
    expect(shiftDate('9999-06-15', 1, 'month') < AFTER_ALL_DATES).toBe(true);
    expect(shiftDate('9999-12-15', 1, 'month')).toBe(AFTER_ALL_DATES);
    expect(shiftDate(BEFORE_ALL_DATES, 100, 'year')).toBe(BEFORE_ALL_DATES);
    expect(shiftDate(AFTER_ALL_DATES, -100, 'year')).toBe(AFTER_ALL_DATES);
    expect(BEFORE_ALL_DATES < '0000-01-01' && AFTER_ALL_DATES > '9999-12-31').toBe(true);
  });

  it('of an absent value is absent', () => {
    expect(shiftDateOrAbsent(undefined, 1, 'day')).toBeUndefined();
    expect(shiftDateOrAbsent(null, 1, 'year')).toBeUndefined();
    expect(shiftDateOrAbsent('2024-02-29', 1, 'year')).toBe('2025-02-28');
  });
});

describe('dayNumber', () => {
  it('counts days from 1970-01-01, so day numbers compare as the dates do', () => {
    fc.assert(
      fc.property(validDate, validDate, fc.integer({ min: -400, max: 400 }), (a, b, n) => {
        expect(dayNumber(a)).toBe(Math.round(utc(...(a.split('-').map(Number) as [number, number, number])) / DAY));
        // `a >= b + n days`, as numbers and as text, for any n.
        expect(dayNumber(a) >= dayNumber(b) + n).toBe(a >= shiftDate(b, n, 'day'));
      }),
      { numRuns: 10_000 },
    );
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-02-29')).toBe(19_782);
    expect(isDate('2024-02-29') && !isDate('2023-02-29')).toBe(true);
  });

  it('is exact at the ends of the years a date can be written in (its divisions floor negative numbers too)', () => {
    // January and February of year 0 fall in the year before 0 of the day count's eras.
    expect(['0000-01-01', '0000-02-29', '0000-03-01', '0001-01-01', '1600-02-29', '1899-12-31', '9999-12-31'].map(dayNumber)).toEqual([
      -719_528, -719_469, -719_468, -719_162, -135_081, -25_568, 2_932_896,
    ]);
    expect(shiftDate('0000-03-01', -1, 'day')).toBe('0000-02-29');
    expect(shiftDate('0000-01-01', 1, 'day')).toBe('0000-01-02');
  });
});

const OPS = ['<', '<=', '>', '>='] as const;
type Op = (typeof OPS)[number];

function compare(op: Op, a: unknown, b: unknown): boolean {
  const [l, r] = [a as string, b as string];
  return op === '<' ? l < r : op === '<=' ? l <= r : op === '>' ? l > r : l >= r;
}

describe('dayBound', () => {
  it('compares with day numbers as its text compares with dates: the sentinels and absent values too', () => {
    const bound = fc.oneof(validDate, nearDate, fc.constantFrom(BEFORE_ALL_DATES, AFTER_ALL_DATES, '0000-01-01', '9999-12-31', undefined, null));
    fc.assert(
      fc.property(validDate, bound, fc.constantFrom(...OPS), (a, b, op) => {
        expect(compare(op, dayNumber(a), dayBound(b))).toBe(compare(op, a, b));
        expect(compare(op, dayBound(b), dayNumber(a))).toBe(compare(op, b, a));
      }),
      { numRuns: 10_000 },
    );
  });

  it('is below and above every day for the sentinels, NaN for an absent date, the day number of a date', () => {
    expect(dayBound(BEFORE_ALL_DATES)).toBe(-Infinity);
    expect(dayBound(AFTER_ALL_DATES)).toBe(Infinity);
    expect(dayBound(undefined)).toBeNaN();
    expect(dayBound(null)).toBeNaN();
    expect(dayBound('2024-02-29')).toBe(19_782);
  });
});

describe('shiftDay', () => {
  const unit = fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'year' as const);

  it('is the day bound of the shifted date: the same calendar steps, clamping and sentinels', () => {
    const base = fc.oneof(validDate, nearDate, fc.constantFrom('0000-01-01', '0000-02-29', '9999-12-31', '2024-02-29', '2023-03-31'));
    fc.assert(
      fc.property(base, fc.integer({ min: -5000, max: 5000 }), unit, (date, amount, u) => {
        expect(shiftDay(date, amount, u)).toBe(dayBound(shiftDate(date, amount, u)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('compares with day numbers as the shifted text compares with dates', () => {
    fc.assert(
      fc.property(validDate, fc.oneof(validDate, nearDate), fc.integer({ min: -12_000, max: 12_000 }), unit, fc.constantFrom(...OPS), (a, b, n, u, op) => {
        expect(compare(op, dayNumber(a), shiftDay(b, n, u))).toBe(compare(op, a, shiftDate(b, n, u)));
      }),
      { numRuns: 10_000 },
    );
  });

  it('clamps to the month end, and gives the sentinels past the writable years, at the edges', () => {
    expect(shiftDay('2024-02-29', -1, 'year')).toBe(dayNumber('2023-02-28'));
    expect(shiftDay('2024-02-29', -4, 'year')).toBe(dayNumber('2020-02-29'));
    expect(shiftDay('2024-03-31', -1, 'month')).toBe(dayNumber('2024-02-29'));
    expect(shiftDay('0000-01-01', -1, 'day')).toBe(-Infinity);
    expect(shiftDay('0000-01-02', -1, 'day')).toBe(dayNumber('0000-01-01'));
    expect(shiftDay('0000-06-15', -1, 'year')).toBe(-Infinity);
    expect(shiftDay('9999-12-31', 1, 'day')).toBe(Infinity);
    expect(shiftDay('9999-12-30', 1, 'day')).toBe(dayNumber('9999-12-31'));
    expect(shiftDay('9999-12-15', 1, 'month')).toBe(Infinity);
    expect(shiftDay(BEFORE_ALL_DATES, 100, 'year')).toBe(-Infinity);
    expect(shiftDay(AFTER_ALL_DATES, -100, 'day')).toBe(Infinity);
    expect(shiftDay(undefined, 1, 'day')).toBeNaN();
    expect(shiftDay(null, 1, 'year')).toBeNaN();
  });
});
