/** True for an ISO `YYYY-MM-DD` string naming a day that exists: the runtime's check, one definition. */
import { isDate as isValidIsoDate } from '../runtime/dates.js';

export { isValidIsoDate };

/**
 * The ISO dates a date written another way may mean: `2024-1-15` and `2024/01/15` mean
 * `2024-01-15`; `15-01-2024` is day first; `01/02/2024` is either order (day first listed
 * first). Empty when the text is no date at all. Used for help texts only.
 */
export function isoDatesFor(text: string): string[] {
  const m = /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})$/.exec(text);
  if (!m) return [];
  const [, a, , b, c] = m as unknown as [string, string, string, string, string];
  const iso = (year: string, month: string, day: string) => `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const candidates = a.length === 4 ? [iso(a, b, c)] : c.length === 4 ? [iso(c, b, a), iso(c, a, b)] : [];
  return [...new Set(candidates)].filter(isValidIsoDate);
}
