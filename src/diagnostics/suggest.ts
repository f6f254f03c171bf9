import { closestMatch } from '../runtime/suggest.js';

/** The edit distance and closest-match search are the runtime's: input validation suggests with them too. */
export { closestMatch, editDistance, MAX_SUGGEST_LENGTH } from '../runtime/suggest.js';

export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const match = closestMatch(name, candidates);
  return match === undefined ? undefined : `did you mean \`${match}\`?`;
}
