import { readFileSync } from 'node:fs';

/**
 * The first day of each Bylaw 2 policy set, from its guidelines: "An item dated before 2019-02-25
 * has no version in force: that is an error, not a decision" (YOUTUBE.md); "A decision dated
 * before 2019-09-24 has no policy in force: an error, not a default" (META.md). A case file can
 * only expect decisions, so the golden tests check these days apart.
 */
export const FIRST_DAYS = [
  { name: 'youtube', first: '2019-02-25', before: '2019-02-24' },
  { name: 'meta', first: '2019-09-24', before: '2019-09-23' },
];

/** The set's first guideline case, moved to `date` (and, for Meta, posted that day). */
export function sampleOn(name: string, date: string): Record<string, unknown> {
  const file = `test/golden/${name}.guidelines.cases.json`;
  const sample = (JSON.parse(readFileSync(file, 'utf8')) as { cases: { input: Record<string, unknown> }[] }).cases[0]!.input;
  return { ...sample, date, ...('posted' in sample ? { posted: date } : {}) };
}
