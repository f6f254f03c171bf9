/**
 * `date ± duration` in SQL, exactly as src/runtime/dates.ts `shiftDate`: days and weeks are days,
 * months and years calendar steps clamped to the month's end (every dialect's month arithmetic
 * clamps), and a result outside 0000–9999 is one of two stand-ins that compare below (or above)
 * every date and equal to each other, and move no further — as shiftDate's `BEFORE_ALL_DATES`
 * and `AFTER_ALL_DATES` do.
 *
 * Where the result leaves the range is known in advance: a forward shift of n days leaves it
 * exactly for a date after 9999-12-31 − n days, and n months for a date after the last day of
 * the month n months before 9999-12. So the arithmetic only ever runs on dates it keeps in range
 * (an out-of-range input date in a table — an invalid row — is never moved: no overflow error).
 */
import { AFTER_ALL_DATES, BEFORE_ALL_DATES, shiftDate } from '../../runtime/dates.js';
import { literal } from './conditions.js';
import type { Dialect } from './dialect.js';

/** The first and last day shiftDate writes as a date. */
const FIRST = '0000-01-01';
const LAST = '9999-12-31';

export function shiftSql(d: Dialect, base: string, amount: number, unit: 'day' | 'week' | 'month' | 'year'): string {
  if (amount === 0) return base;
  const date = (iso: string) => literal(d, iso, { kind: 'date' });
  const months = unit === 'month' || unit === 'year';
  const n = unit === 'year' ? amount * 12 : unit === 'week' ? amount * 7 : amount;
  const step = (from: string, by: number) => (months ? shiftDate(from, by, 'month') : shiftDate(from, by, 'day'));
  const move = months ? d.addMonths(base, n) : d.addDays(base, n);
  if (n > 0) {
    const after = d.addDays(date(LAST), 1);
    // The last date that stays in range; a stand-in passes through unmoved.
    const last = step(LAST, -n);
    if (last === BEFORE_ALL_DATES) return `CASE WHEN ${base} < ${date(FIRST)} THEN ${base} ELSE ${after} END`;
    return `CASE WHEN ${base} < ${date(FIRST)} THEN ${base} WHEN ${base} > ${date(last)} THEN ${after} ELSE ${move} END`;
  }
  const before = d.addDays(date(FIRST), -1);
  const first = step(FIRST, -n);
  if (first === AFTER_ALL_DATES) return `CASE WHEN ${base} > ${date(LAST)} THEN ${base} ELSE ${before} END`;
  return `CASE WHEN ${base} > ${date(LAST)} THEN ${base} WHEN ${base} < ${date(first)} THEN ${before} ELSE ${move} END`;
}
