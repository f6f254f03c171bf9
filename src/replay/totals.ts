import { compareCodePoints } from '../diagnostics/text.js';
import { outcomeParts, type AnyDecision, type OutcomeDecision } from '../semantics/decision.js';
import type { ChunkResult } from './chunk.js';

/**
 * What a replay counts (chunk.ts decides the lines): the keys decisions and transitions are
 * counted under, the totals merged over chunks (the report: cli/replay-report.ts). Bylaw 1 decisions count by
 * action and basis; decisions with outcomes (Bylaw 2) by every outcome's part, and their
 * transitions outcome by outcome. The DuckDB replay counts under the same keys.
 */

/** Example posts kept per count. */
export const EXAMPLES = 3;
/** The old policy rejects the post. */
export const INVALID = '(invalid)';
/** The old version in force decides no outcome by this name. */
export const NO_OUTCOME = '(no such outcome)';

/**
 * Keys of decisions with outcomes (Bylaw 2): each part `name\u0001action\tbasis` (the action
 * with its duration: `restrict P1W`), parts joined by `\u0002`. Bylaw 1 keys are `action\tbasis`.
 */
const OUTCOME = '\u0001';
const PART = '\u0002';

/** One outcome's part as a key: `remove\trule`, `restrict P1W\trule`. */
function partKey(p: Pick<OutcomeDecision, 'action' | 'duration' | 'basis'>): string {
  return `${p.duration ? `${p.action} ${p.duration}` : p.action}\t${p.basis}`;
}

/** What replay counts a decision as: `action\tbasis` (Bylaw 1), or every outcome's part (Bylaw 2). */
export function countKey(d: AnyDecision): string {
  if (!('outcomes' in d)) return `${d.action}\t${d.basis}`;
  return Object.entries(d.outcomes)
    .map(([name, part]) => `${name}${OUTCOME}${partKey(part)}`)
    .join(PART);
}

/**
 * The transitions one post makes, old → new: one key `old\u0000new` between Bylaw 1 decisions;
 * with outcomes, one per outcome either side decides (`name\u0001old\u0000new`). `before` null:
 * the old policy rejects the post.
 */
export function transitionKeys(before: AnyDecision | null, after: AnyDecision): string[] {
  if (!('outcomes' in after) && (before === null || !('outcomes' in before))) return [`${before === null ? INVALID : `${before.action}\t${before.basis}`}\u0000${after.action}\t${after.basis}`];
  const old = before === null ? null : new Map(outcomeParts(before).map((p) => [p.name, p.part]));
  const now = new Map(outcomeParts(after).map((p) => [p.name, p.part]));
  const names = [...now.keys(), ...[...(old?.keys() ?? [])].filter((n) => !now.has(n))];
  return names.map((name) => {
    const b = old === null ? INVALID : old.has(name) ? partKey(old.get(name)!) : NO_OUTCOME;
    const a = now.has(name) ? partKey(now.get(name)!) : NO_OUTCOME;
    return `${name}${OUTCOME}${b}\u0000${a}`;
  });
}

export interface Transition {
  /** The outcome (Bylaw 2); absent for Bylaw 1's one. */
  readonly outcome?: string;
  readonly before: string;
  readonly after: string;
  readonly count: number;
  readonly examples: readonly string[];
}

/** Decided posts by what every outcome decided (Bylaw 2): one row per combination. */
export interface OutcomesRow {
  /** Outcome name → `action (basis)` (with the duration: `restrict P1W (rule)`). */
  readonly parts: ReadonlyMap<string, string>;
  readonly count: number;
}

/** `remove\trule` → `remove (rule)`. */
const label = (k: string) => (k === INVALID || k === NO_OUTCOME ? k : k.replace('\t', ' (') + ')');

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

  /** Whether the decisions counted have outcomes (Bylaw 2). */
  get withOutcomes(): boolean {
    return [...this.counts.keys(), ...this.transitions.keys()].some((k) => k.includes(OUTCOME));
  }

  /** Decisions by action and basis, most frequent first (Bylaw 1). */
  byDecision(): { action: string; basis: string; count: number }[] {
    return [...this.counts]
      .map(([k, count]) => {
        const [action, basis] = k.split('\t') as [string, string];
        return { action, basis, count };
      })
      .sort((a, b) => b.count - a.count || compareCodePoints(a.action, b.action) || compareCodePoints(a.basis, b.basis));
  }

  /** The outcomes decided, in the order first met (Bylaw 2); `old`: also those only the old policy decides. */
  outcomeNames(old = false): string[] {
    const names: string[] = [];
    const add = (name: string) => void (names.includes(name) || names.push(name));
    for (const k of this.counts.keys()) for (const part of k.split(PART)) if (part.includes(OUTCOME)) add(part.split(OUTCOME)[0]!);
    if (old) for (const k of this.transitions.keys()) if (k.includes(OUTCOME)) add(k.split(OUTCOME)[0]!);
    return names;
  }

  /** Decisions by what every outcome decided, most frequent first (Bylaw 2). */
  byOutcomes(): OutcomesRow[] {
    const rows = [...this.counts].map(([k, count]) => ({
      parts: new Map(k.split(PART).map((part) => part.split(OUTCOME) as [string, string]).map(([name, key]) => [name, label(key)] as const)),
      count,
      key: k,
    }));
    return rows.sort((a, b) => b.count - a.count || compareCodePoints(a.key, b.key)).map(({ parts, count }) => ({ parts, count }));
  }

  transitionList(): Transition[] {
    return [...this.transitions]
      .map(([k, v]) => {
        const named = k.includes(OUTCOME) ? k.split(OUTCOME) : null;
        const [before, after] = (named ? named[1]! : k).split('\u0000') as [string, string];
        return { ...(named ? { outcome: named[0]! } : {}), before: label(before), after: label(after), count: v.count, examples: v.examples };
      })
      .sort((a, b) => b.count - a.count);
  }
}
