/**
 * Names longer than this get no edit-distance suggestion (a case-insensitive match still counts):
 * a "did you mean" costs up to length × (2 × length / 3) steps per candidate, and nobody mistypes
 * a 30,000-character name.
 */
export const MAX_SUGGEST_LENGTH = 256;

/**
 * Damerau–Levenshtein (optimal string alignment) distance, for "did you mean" hints, when it is
 * at most `max`; otherwise some number above `max`. Only the band of cells within `max` of the
 * diagonal is computed, three rows at a time (a transposition looks two rows back), and the
 * work stops once a whole row is above `max`: memory O(length), time O(length × max).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return Math.abs(n - m);
  // Cells outside the band, or above `max`, hold `over`: the answer is then known to be > max.
  // The band moves one cell right per row, so only its edges need resetting, never whole rows.
  const over = Math.min(max + 1, n + m + 1);
  let before = new Array<number>(m + 1).fill(over);
  let previous = new Array<number>(m + 1).fill(over);
  let current = new Array<number>(m + 1).fill(over);
  for (let j = 0; j <= Math.min(m, over); j++) previous[j] = Math.min(j, over);
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - over + 1);
    const to = Math.min(m, i + over - 1);
    current[0] = Math.min(i, over);
    if (from > 1) current[from - 1] = over;
    if (to < m) current[to + 1] = over;
    let rowMin = current[0];
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        best = Math.min(best, before[j - 2]! + 1);
      }
      if (best > over) best = over;
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // Row minima never decrease (each cell is at least its upper-left neighbour): stop early.
    if (rowMin >= over) return over;
    const recycled = before;
    before = previous;
    previous = current;
    current = recycled;
  }
  return previous[m]!;
}

/**
 * The closest candidate to `name`, if it is close enough to be a plausible typo:
 * at most a third of the name's length in edits (at least one), ties broken by order given.
 */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(name.length / 3));
  const measured = name.length <= MAX_SUGGEST_LENGTH;
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const sameLetters = candidate.toLowerCase() === lower;
    // The distance is at least the difference in length: a candidate that far off can never be
    // the answer. Only a distance below the best so far can change the answer.
    if (!sameLetters && (!measured || Math.abs(candidate.length - name.length) > limit)) continue;
    const distance = sameLetters ? 0.5 : editDistance(name, candidate, Math.min(limit, Math.ceil(bestDistance) - 1));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
