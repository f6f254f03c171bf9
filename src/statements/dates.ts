/** Dates and durations for end dates: defined in src/runtime/statement-dates.ts, which a compiled module inlines too. */
export { parseDuration, addDuration, parseTimestamp, describeDuration, longDate, type Duration } from '../runtime/statement-dates.js';
export { isValidIsoDate } from '../ast/dates.js';
