import type { AnyDecision } from '../semantics/decision.js';
import type { InputProblem } from '../semantics/validate.js';
import type { FastParser } from './fast-parse.js';
import { fragmentOf, OutputBytes } from './output.js';
import { countKey, EXAMPLES, transitionKeys } from './totals.js';

/**
 * Corpus replay: decide every line of a JSONL file of posts, count decisions by action and
 * basis, and (against an old policy) the old → new transitions with example ids. The work is
 * cut into chunks of whole lines; `processChunk` does one chunk (in a worker thread or in
 * process), `ReplayTotals` (totals.ts) merges chunk results in input order.
 *
 * A line is one post (a JSON object of the policy's input type). A top-level `id` field, when
 * the input type declares none, names the post and is removed before deciding (input records
 * are closed, so it would otherwise be an error); without one a post is named by its line
 * number. A bad line (not JSON, not an object, not a valid input, dated before every version)
 * is counted and reported with its line number and reason, and skipped.
 */

export interface Decider {
  decideUnknown(input: unknown): { readonly ok: true; readonly decision: AnyDecision } | { readonly ok: false; readonly errors: readonly InputProblem[] };
  /**
   * For an input already known valid (the fast reader's). null, or a throw, sends the input to
   * `decideUnknown` (for an input dated before every version: return null, throwing is slow).
   */
  decideValid?(input: Record<string, unknown>): AnyDecision | null;
}

export interface ChunkOptions {
  /** Strip and use a top-level `id` field (false when the input type declares `id`). */
  readonly stripId: boolean;
  /** Build the `--output` text: one JSON decision (or error) per line. */
  readonly output: boolean;
  /** Use the fast reader (fast-parse.ts) where it applies; off only to test that it changes nothing. */
  readonly fast: boolean;
}

/** Where an example post is: its `id`, or its line (local to the chunk until merged). */
export type ExampleRef = string | number;

export interface ChunkResult {
  /** Lines in the chunk. */
  readonly lines: number;
  readonly decided: number;
  /** `countKey` of a decision (`action\tbasis` in Bylaw 1) → count. */
  readonly counts: [string, number][];
  /** A key of `transitionKeys` (`old\u0000new` in Bylaw 1, each `action\tbasis` or `(invalid)`) → count and examples. */
  readonly transitions: [string, number, ExampleRef[]][];
  /** Bad lines: local index (0-based within the chunk) and reason. */
  readonly errors: [number, string][];
  /**
   * One JSON line per input line (a decision or an error), as UTF-8 bytes, or null without
   * `output`. A view of an ArrayBuffer of its own (never Node's shared pool), so a worker can
   * transfer it to the main thread without copying.
   */
  readonly output: Uint8Array | null;
}


function reason(errors: readonly InputProblem[]): string {
  const shown = errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`);
  return errors.length > 3 ? `${shown.join('; ')}; and ${errors.length - 3} more` : shown.join('; ');
}

/**
 * Decides every line of a chunk (UTF-8 bytes of whole lines). Lines the fast reader accepts
 * skip `JSON.parse` and validation; every other line takes the slow path, which gives the same
 * result, so `fast` only changes the speed.
 */
export function processChunk(
  bytes: Uint8Array,
  now: Decider,
  old: Decider | null,
  options: ChunkOptions,
  fast: FastParser | null = null,
  firstLine = 1,
  /** A buffer to write the output into (recycled from an earlier chunk's output), if any. */
  into: ArrayBuffer | null = null,
): ChunkResult {
  // Counted by decision object first (the compiled module returns shared, frozen decisions):
  // no string per post. Keys are made once per distinct decision at the end.
  const counts = new Map<AnyDecision, number>();
  const pairs = new Map<AnyDecision | null, Map<AnyDecision, [number, [number, ExampleRef][]]>>();
  const errors: [number, string][] = [];
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = options.output ? new OutputBytes(buffer.length, into) : null;
  let decided = 0;
  let local = 0;
  let start = 0;
  const n = buffer.length;

  const fail = (index: number, why: string) => {
    errors.push([index, why]);
    if (out) out.error(firstLine + index, why);
  };

  while (start < n) {
    let end = buffer.indexOf(10, start);
    if (end < 0) end = n;
    const lineEnd = end > start && buffer[end - 1] === 13 ? end - 1 : end;
    const index = local++;
    const lineStart = start;
    start = end + 1;

    let id: unknown;
    // The id's JSON text in the line, when the fast reader found it copyable as is.
    let idStart = -1;
    let idEnd = -1;
    let input: Record<string, unknown>;
    const parsed = fast !== null ? fast(buffer, lineStart, lineEnd) : null;
    if (parsed !== null) {
      input = parsed.input;
      id = parsed.id;
      idStart = parsed.idStart;
      idEnd = parsed.idEnd;
    } else {
      const line = buffer.toString('utf8', lineStart, lineEnd);
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        fail(index, line.trim() === '' ? 'empty line' : `invalid JSON: ${(error as Error).message}`);
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        fail(index, 'expected a JSON object (one post per line)');
        continue;
      }
      input = value as Record<string, unknown>;
      if (options.stripId && Object.prototype.hasOwnProperty.call(input, 'id')) {
        const { id: given, ...rest } = input;
        id = given;
        input = rest;
      }
      if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') {
        fail(index, '`id` must be a string or a number');
        continue;
      }
    }
    let d = parsed !== null ? decideValid(now, input) : undefined;
    if (d == null) {
      const result = now.decideUnknown(input);
      if (!result.ok) {
        fail(index, reason(result.errors));
        continue;
      }
      d = result.decision;
    }
    decided++;
    counts.set(d, (counts.get(d) ?? 0) + 1);
    if (old !== null) {
      // null from decideValid: valid, but no version in force on the old side.
      let before = parsed !== null ? decideValid(old, input) : undefined;
      if (before === undefined) {
        const result = old.decideUnknown(input);
        before = result.ok ? result.decision : null;
      }
      // By decision identity first; keys are made once per distinct pair at the end.
      let row = pairs.get(before);
      if (!row) pairs.set(before, (row = new Map()));
      let entry = row.get(d);
      if (!entry) row.set(d, (entry = [0, []]));
      entry[0]++;
      if (entry[1].length < EXAMPLES) entry[1].push([index, id === undefined ? index : String(id)]);
    }
    if (out !== null) {
      const fragment = fragmentOf(d);
      if (idStart >= 0) out.decisionCopyingId(firstLine + index, buffer, idStart, idEnd, fragment);
      else out.decision(firstLine + index, id as string | number | undefined, fragment);
    }
  }
  const cells = new Map<string, [number, [number, ExampleRef][]]>();
  for (const [before, row] of pairs) {
    for (const [after, [count, examples]] of row) {
      for (const cell of transitionKeys(before, after)) {
        let entry = cells.get(cell);
        if (!entry) cells.set(cell, (entry = [0, []]));
        entry[0] += count;
        entry[1].push(...examples);
      }
    }
  }
  // Examples in input order: the first lines of the chunk that fell in the cell.
  const transitions = new Map<string, [number, ExampleRef[]]>();
  for (const [cell, [count, examples]] of cells) {
    transitions.set(cell, [count, examples.sort((a, b) => a[0] - b[0]).slice(0, EXAMPLES).map(([, ref]) => ref)]);
  }
  const byKey = new Map<string, number>();
  for (const [d, count] of counts) {
    const key = countKey(d);
    byKey.set(key, (byKey.get(key) ?? 0) + count);
  }
  return {
    lines: local,
    decided,
    counts: [...byKey],
    transitions: [...transitions].map(([k, [count, examples]]) => [k, count, examples]),
    errors,
    output: out ? out.bytes() : null,
  };
}

/**
 * The decision for an input the fast reader validated: a Decision; null when the decider says
 * no version is in force; undefined to take the slow path (no fast decider, or it threw).
 */
function decideValid(decider: Decider, input: Record<string, unknown>): AnyDecision | null | undefined {
  if (decider.decideValid === undefined) return undefined;
  try {
    return decider.decideValid(input);
  } catch {
    return undefined;
  }
}
