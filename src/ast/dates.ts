/** True for an ISO `YYYY-MM-DD` string naming a day that exists (leap years included). */
export function isValidIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

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
