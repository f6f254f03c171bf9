/**
 * `date ± duration` in SQL is src/runtime/dates.ts `shiftDate`, day for day: run in DuckDB (and
 * in DuckDB through the shape every dialect gets) over every month's first and last days, 29
 * February, the years 0000–0002 and 9998–9999, for days, weeks, months and years either way,
 * small and huge — results past the years a date can be written in included (they compare as
 * below or above every date, and stay there when moved again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftSql } from '../../src/compiler/sql/dates.js';
import { dialect } from '../../src/compiler/sql/dialect.js';
import { AFTER_ALL_DATES, BEFORE_ALL_DATES, shiftDate } from '../../src/runtime/dates.js';
import { DuckDbRunner } from '../../src/replay/duckdb/runner.js';

type Unit = 'day' | 'week' | 'month' | 'year';

const d = dialect('duckdb');
let runner: DuckDbRunner;
beforeAll(async () => {
  runner = await DuckDbRunner.open();
});
afterAll(() => runner.close());

/** Days since 1970-01-01 of an ISO date (years 0–9999), or of the stand-ins as SQL writes them. */
function days(iso: string): number {
  if (iso === BEFORE_ALL_DATES) return days('0000-01-01') - 1;
  if (iso === AFTER_ALL_DATES) return days('9999-12-31') + 1;
  const t = new Date(0);
  t.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round(t.getTime() / 86_400_000);
}

/** The first days of each month, the 28th to the 31st where they exist, in years at the calendar's edges. */
function bases(): string[] {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return [0, 1, 2, 1900, 1999, 2000, 2019, 2020, 2023, 2024, 2100, 9998, 9999].flatMap((year) =>
    Array.from({ length: 12 }, (_, m) => [1, 28, 29, 30, 31].map((day) => `${pad(year, 4)}-${pad(m + 1, 2)}-${pad(day, 2)}`)).flat(),
  );
}

/** Whether a day exists (leap years of the proleptic Gregorian calendar, year 0 one of them). */
function exists(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const length = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= length;
}

const SHIFTS: [number, Unit][] = [
  [1, 'day'], [-1, 'day'], [90, 'day'], [-90, 'day'], [3_650_000, 'day'], [-3_650_000, 'day'],
  [1, 'week'], [-2, 'week'], [1, 'month'], [-1, 'month'], [13, 'month'], [-13, 'month'], [6, 'month'],
  [1, 'year'], [-1, 'year'], [4, 'year'], [-4, 'year'], [100, 'year'], [-100, 'year'], [9_999, 'year'], [-9_999, 'year'], [20_000, 'year'], [-20_000, 'year'],
];

describe('date shifts in SQL', () => {
  const dates = bases().filter(exists);

  it('covers the calendar’s edges', () => {
    expect(dates).toContain('2024-02-29');
    expect(dates).toContain('0000-02-29');
    expect(dates).not.toContain('2023-02-29');
    expect(dates.length).toBeGreaterThan(600);
  });

  it('equal shiftDate for every date, amount and unit', async () => {
    await runner.run(`CREATE OR REPLACE TABLE bases AS SELECT CAST(b AS DATE) AS b FROM (VALUES ${dates.map((x) => `('${x}')`).join(', ')}) t(b)`);
    const base = `"bases"."b"`;
    for (const [amount, unit] of SHIFTS) {
      const rows = await runner.query(`SELECT b - DATE '1970-01-01' AS base, ${shiftSql(d, base, amount, unit)} - DATE '1970-01-01' AS moved FROM bases`);
      const wrong = rows
        .map((r) => ({ base: Number(r['base']), moved: Number(r['moved']) }))
        .map(({ base: b, moved }) => {
          const iso = dates.find((x) => days(x) === b)!;
          return { iso, amount, unit, sql: moved, js: days(shiftDate(iso, amount, unit)) };
        })
        .filter((x) => x.sql !== x.js);
      expect(wrong.slice(0, 5), `${amount} ${unit}`).toEqual([]);
      expect(rows.length).toBe(dates.length);
    }
  });

  it('a shift of a shift: stand-ins past 9999 or before 0000 move no further', async () => {
    const pairs: [[number, Unit], [number, Unit]][] = [
      [[9_000, 'year'], [-9_000, 'year']],
      [[-5_000, 'year'], [5_000, 'year']],
      [[1, 'month'], [-1, 'month']],
      [[-90, 'day'], [1, 'year']],
      [[8_000, 'year'], [-2, 'day']],
    ];
    for (const [[a1, u1], [a2, u2]] of pairs) {
      const sql = shiftSql(d, shiftSql(d, `"bases"."b"`, a1, u1), a2, u2);
      const rows = await runner.query(`SELECT b - DATE '1970-01-01' AS base, ${sql} - DATE '1970-01-01' AS moved FROM bases`);
      const wrong = rows
        .map((r) => ({ iso: dates.find((x) => days(x) === Number(r['base']))!, sql: Number(r['moved']) }))
        .filter(({ iso, sql: moved }) => moved !== days(shiftDate(shiftDate(iso, a1, u1), a2, u2)));
      expect(wrong.slice(0, 5), `${a1} ${u1}, ${a2} ${u2}`).toEqual([]);
    }
  });

  it('an out-of-range date in a table (an invalid row) is never moved: no overflow error', async () => {
    const rows = await runner.query(
      `SELECT CAST(${shiftSql(d, `b`, -3, 'month')} AS VARCHAR) AS a, CAST(${shiftSql(d, `b`, 3, 'year')} AS VARCHAR) AS z FROM (VALUES (DATE '5000000-01-01'), (DATE '4000000-01-01 (BC)')) t(b)`,
    );
    expect(rows).toEqual([
      { a: '5000000-01-01', z: '10000-01-01' },
      { a: '0002-12-31 (BC)', z: '4000000-01-01 (BC)' },
    ]);
  });

  it('every dialect has its own functions', () => {
    expect(shiftSql(dialect('duckdb'), 'x', -3, 'month')).toContain('CAST(x + INTERVAL (-3) MONTH AS DATE)');
    expect(shiftSql(dialect('spark'), 'x', -3, 'month')).toContain('add_months(x, -3)');
    expect(shiftSql(dialect('trino'), 'x', 2, 'year')).toContain(`date_add('month', 24, x)`);
    expect(shiftSql(dialect('spark'), 'x', -90, 'day')).toContain('date_add(x, -90)');
    expect(shiftSql(dialect('trino'), 'x', 1, 'week')).toContain(`date_add('day', 7, x)`);
  });
});
