import { AFTER_ALL_DATES, isDate, shiftDate } from './dates.js';

/**
 * Dates and durations for end dates, with the language's calendar rules (LANGUAGE-2 §4, the
 * runtime's `shiftDate`): days and weeks are days; months and years are calendar steps, and a day
 * that does not exist in the target month becomes that month's last day (2024-01-31 + 1 month =
 * 2024-02-29).
 */

/** An ISO 8601 duration as Bylaw writes it: `P3D`, `P2W`, `P1M`, `P2Y`, `PT12H` (combinations allowed). */
export interface Duration {
  readonly text: string;
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
}

const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(\d+)H)?$/;

/** The duration, or undefined when `text` is not one (or is zero, or has no unit). */
export function parseDuration(text: string): Duration | undefined {
  const m = ISO_DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [years, months, weeks, days, hours] = m.slice(1).map((part) => (part === undefined ? 0 : Number(part))) as [number, number, number, number, number];
  if ([years, months, weeks, days, hours].some((n) => !Number.isSafeInteger(n))) return undefined;
  if (years + months + weeks + days + hours === 0) return undefined;
  return { text, years, months, weeks, days, hours };
}

/**
 * The day a restriction of `duration` starting on `start` ends. Hours need the time of day:
 * `startSeconds` (seconds after midnight UTC on `start`) when the platform gives a timestamp;
 * otherwise the hours are rounded up to whole days, so the end date is never earlier than the
 * real end (a 12-hour lock from 2021-01-06 ends on 2021-01-07 at the latest).
 */
export function addDuration(start: string, duration: Duration, startSeconds?: number): string {
  let extraDays = duration.weeks * 7 + duration.days;
  if (duration.hours > 0) {
    extraDays +=
      startSeconds === undefined ? Math.ceil(duration.hours / 24) : Math.floor((startSeconds + duration.hours * 3600) / 86_400);
  }
  const end = shiftDate(shiftDate(start, duration.years * 12 + duration.months, 'month'), extraDays, 'day');
  // Far past any date the database takes: say so without overflowing the calendar.
  return end === AFTER_ALL_DATES ? '9999-12-31' : end;
}

function isoDay(date: Date): string {
  const y = date.getUTCFullYear();
  const pad = (n: number) => String(n).padStart(2, '0');
  return '' + String(y).padStart(4, '0') + '-' + pad(date.getUTCMonth() + 1) + '-' + pad(date.getUTCDate());
}

/** The UTC day and the seconds into it of an ISO 8601 timestamp with a zone (`2021-01-06T20:15:00Z`). */
export function parseTimestamp(text: string): { day: string; seconds: number } | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  if (!isDate(text.slice(0, 10))) return undefined;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds();
  return { day: isoDay(date), seconds };
}

const UNITS: readonly [keyof Omit<Duration, 'text'>, string][] = [
  ['years', 'year'],
  ['months', 'month'],
  ['weeks', 'week'],
  ['days', 'day'],
  ['hours', 'hour'],
];

/** `1 day`, `2 weeks`, `1 year and 6 months`: for the texts people read. */
export function describeDuration(duration: Duration): string {
  const parts = UNITS.filter(([key]) => duration[key] > 0).map(([key, unit]) => '' + duration[key] + ' ' + unit + (duration[key] === 1 ? '' : 's'));
  return parts.length <= 1 ? (parts[0] ?? '') : ('' + parts.slice(0, -1).join(', ') + ' and ' + parts[parts.length - 1]);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `1 December 2026`. */
export function longDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return '' + day + ' ' + MONTHS[month - 1] + ' ' + year;
}
