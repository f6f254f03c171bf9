/**
 * What Bylaw recognises when a policy reaches for something from another language: the words
 * they match strings with (BL017). The keywords of other languages (BL011) and Bylaw's advice for
 * each are with their wording, in diagnostics/messages/bl0.ts, as are arithmetic, fractions,
 * dates in another format and `?`.
 */

/** Words other languages match strings with (lowercase). */
export const STRING_OPERATORS: ReadonlySet<string> = new Set([
  'contains',
  'includes',
  'matches',
  'match',
  'like',
  'ilike',
  'startswith',
  'starts_with',
  'endswith',
  'ends_with',
  'regex',
  'glob',
]);

