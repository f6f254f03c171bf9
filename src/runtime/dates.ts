/**
 * Dates are ISO `YYYY-MM-DD` strings: their string order is their order in time. Arithmetic is
 * on whole days and calendar months (LANGUAGE-2 §4), in integers — never through `Date`, whose
 * time zones and years below 100 get in the way.
 */

/** True for an ISO `YYYY-MM-DD` string naming a day that exists (leap years included). */
export function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * What a shift past the years a date can be written in gives: below every date, or above every
 * date. Comparisons with a valid date still come out as they would with the true day.
 */
export const BEFORE_ALL_DATES = '0000-00-00';
export const AFTER_ALL_DATES = '9999-99-99';

/**
 * `date` moved by `amount` units, forwards or (negative) backwards: days and weeks are days,
 * months and years calendar steps where a day the target month lacks becomes its last day
 * (2024-02-29 + 1 year = 2025-02-28). `date` must be valid.
 */
export function shiftDate(date: string, amount: number, unit: 'day' | 'week' | 'month' | 'year'): string {
  if (date === BEFORE_ALL_DATES || date === AFTER_ALL_DATES) return date;
  // Digits by character code, not by substrings: a list's every element may be shifted.
  const year = date.charCodeAt(0) * 1000 + date.charCodeAt(1) * 100 + date.charCodeAt(2) * 10 + date.charCodeAt(3) - 53328;
  const month = date.charCodeAt(5) * 10 + date.charCodeAt(6) - 528;
  const day = date.charCodeAt(8) * 10 + date.charCodeAt(9) - 528;
  if (unit === 'month' || unit === 'year') {
    const months = year * 12 + (month - 1) + (unit === 'year' ? amount * 12 : amount);
    const y = Math.floor(months / 12);
    const m = months - y * 12 + 1;
    return formatDate(y, m, Math.min(day, y >= 0 && y <= 9999 ? daysInMonth(y, m) : day));
  }
  const days = daysFromCivil(year, month, day) + (unit === 'week' ? amount * 7 : amount);
  return civilFromDays(days);
}

/**
 * `shiftDate` of a value that may be absent (an optional field read outside its guard, which
 * explanations do: they evaluate every condition): anything but a date string gives undefined.
 */
export function shiftDateOrAbsent(date: unknown, amount: number, unit: 'day' | 'week' | 'month' | 'year'): string | undefined {
  return typeof date === 'string' ? shiftDate(date, amount, unit) : undefined;
}

/**
 * Days since 1970-01-01 of a valid ISO date. `a >= b - 90 days` compares `dayNumber(a)` with
 * `dayNumber(b) - 90`: the same answer as comparing `a` with the shifted date (a day outside the
 * years a date can be written in included), without building that date's text.
 */
export function dayNumber(date: string): number {
  // Digits by character code: no substring, no closure (this runs once per list element).
  const year = date.charCodeAt(0) * 1000 + date.charCodeAt(1) * 100 + date.charCodeAt(2) * 10 + date.charCodeAt(3) - 53328;
  const month = date.charCodeAt(5) * 10 + date.charCodeAt(6) - 528;
  return daysFromCivil(year, month, date.charCodeAt(8) * 10 + date.charCodeAt(9) - 528);
}

/**
 * A loop-invariant date as a number to compare list elements' day numbers with, computed once
 * per loop: every comparison comes out as the text's would. The sentinels a shift past the
 * writable years gives are below or above every day (their `dayNumber` means nothing), and an
 * absent date (`undefined`, `null`) is NaN, which like the absent text compares false.
 */
export function dayBound(date: string | null | undefined): number {
  if (typeof date !== 'string') return NaN;
  if (date === BEFORE_ALL_DATES) return -Infinity;
  if (date === AFTER_ALL_DATES) return Infinity;
  return dayNumber(date);
}

/** The day numbers of 0000-01-01 and 9999-12-31: a shift's day outside them is a sentinel's. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;

/**
 * `dayBound(shiftDate(date, amount, unit))` without the text between them: a loop's bound
 * (`piece.date - 1 year`) computed once per call. The same calendar steps and month-end
 * clamping as `shiftDate`, the same sentinels past the writable years.
 */
export function shiftDay(date: string | null | undefined, amount: number, unit: 'day' | 'week' | 'month' | 'year'): number {
  if (typeof date !== 'string' || date === BEFORE_ALL_DATES || date === AFTER_ALL_DATES) return dayBound(date);
  if (unit === 'day' || unit === 'week') {
    const days = dayNumber(date) + (unit === 'week' ? amount * 7 : amount);
    return days < FIRST_DAY ? -Infinity : days > LAST_DAY ? Infinity : days;
  }
  const year = date.charCodeAt(0) * 1000 + date.charCodeAt(1) * 100 + date.charCodeAt(2) * 10 + date.charCodeAt(3) - 53328;
  const month = date.charCodeAt(5) * 10 + date.charCodeAt(6) - 528;
  const months = year * 12 + (month - 1) + (unit === 'year' ? amount * 12 : amount);
  const y = Math.floor(months / 12);
  const m = months - y * 12 + 1;
  if (y < 0) return -Infinity;
  if (y > 9999) return Infinity;
  return daysFromCivil(y, m, Math.min(date.charCodeAt(8) * 10 + date.charCodeAt(9) - 528, daysInMonth(y, m)));
}

/**
 * `YYYY-MM-DD`, by character codes: one flat string (a sum of pieces was a rope that the
 * comparison after it flattened again; a Meta decision shifts its date once, a severe strike's too).
 */
function formatDate(year: number, month: number, day: number): string {
  if (year < 0) return BEFORE_ALL_DATES;
  if (year > 9999) return AFTER_ALL_DATES;
  return String.fromCharCode(
    48 + ((year / 1000) | 0),
    48 + (((year / 100) | 0) % 10),
    48 + (((year / 10) | 0) % 10),
    48 + (year % 10),
    45,
    48 + ((month / 10) | 0),
    48 + (month % 10),
    45,
    48 + ((day / 10) | 0),
    48 + (day % 10),
  );
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). Its
 * divisions are of numbers ≥ 0 — but the era of a year before 0 (January or February of year 0) —
 * so `| 0` floors them, and V8 makes them integer divisions: a Meta decision turns a score of
 * strike dates into day numbers, and Math.floor of float divisions was most of their cost.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = y >= 0 ? (y / 400) | 0 : Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = (((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) | 0) + day - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day count since 1970-01-01 (`civil_from_days`). */
function civilFromDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatDate(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}
