import { compareCodePoints } from '../diagnostics/text.js';
import type { ChunkResult } from './chunk.js';

/** Examples kept per transition: the first posts, in input order. */
export const EXAMPLES = 3;
/** A post the old policy rejects, as the old side of a transition. */
export const INVALID = '(invalid)';

export interface Transition {
  readonly before: string;
  readonly after: string;
  readonly count: number;
  readonly examples: readonly string[];
}

/** Totals over chunks merged in input order (line numbers are 1-based). */
export class ReplayTotals {
  lines = 0;
  decided = 0;
  readonly counts = new Map<string, number>();
  readonly transitions = new Map<string, { count: number; examples: string[] }>();
  badLines = 0;

  /** Adds the next chunk; returns its bad lines with global line numbers. */
  add(chunk: ChunkResult): { line: number; reason: string }[] {
    const base = this.lines;
    this.lines += chunk.lines;
    this.decided += chunk.decided;
    for (const [k, n] of chunk.counts) this.counts.set(k, (this.counts.get(k) ?? 0) + n);
    for (const [k, n, examples] of chunk.transitions) {
      let entry = this.transitions.get(k);
      if (!entry) this.transitions.set(k, (entry = { count: 0, examples: [] }));
      entry.count += n;
      for (const e of examples) if (entry.examples.length < EXAMPLES) entry.examples.push(typeof e === 'number' ? `line ${base + e + 1}` : e);
    }
    this.badLines += chunk.errors.length;
    return chunk.errors.map(([i, why]) => ({ line: base + i + 1, reason: why }));
  }

  /** Decisions by action and basis, most frequent first. */
  byDecision(): { action: string; basis: string; count: number }[] {
    return [...this.counts]
      .map(([k, count]) => {
        const [action, basis] = k.split('\t') as [string, string];
        return { action, basis, count };
      })
      .sort((a, b) => b.count - a.count || compareCodePoints(a.action, b.action) || compareCodePoints(a.basis, b.basis));
  }

  transitionList(): Transition[] {
    const label = (k: string) => (k === INVALID ? INVALID : k.replace('\t', ' (') + ')');
    return [...this.transitions]
      .map(([k, v]) => {
        const [before, after] = k.split('\u0000') as [string, string];
        return { before: label(before), after: label(after), count: v.count, examples: v.examples };
      })
      .sort((a, b) => b.count - a.count);
  }
}
