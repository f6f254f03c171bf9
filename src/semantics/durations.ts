import type { Duration, DurationUnit } from '../checker/program.js';

/** Hours per unit, for severity only (LANGUAGE-2 §2): 1 week = 7 days, 1 month = 30 days, 1 year = 365 days. */
const HOURS: Readonly<Record<DurationUnit, number>> = { hour: 1, day: 24, week: 168, month: 720, year: 8760 };

/** A duration's length for comparing severities: equal lengths tie. */
export function durationHours(d: Duration): number {
  return d.count * HOURS[d.unit];
}

const ISO_UNIT: Readonly<Record<DurationUnit, string>> = { hour: 'H', day: 'D', week: 'W', month: 'M', year: 'Y' };

/** ISO 8601 with the unit as written: `PT12H`, `P3D`, `P2W`, `P1M`, `P2Y`. */
export function isoDuration(d: Duration): string {
  return d.unit === 'hour' ? `PT${d.count}H` : `P${d.count}${ISO_UNIT[d.unit]}`;
}

/** As written in a policy: `3 days`, `1 week`. */
export function durationText(d: Duration): string {
  return `${d.count} ${d.unit}${d.count === 1 ? '' : 's'}`;
}
