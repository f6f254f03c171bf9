/**
 * A unified diff (3 lines of context), for `bylaw fmt --check`. A small LCS diff rather than a
 * dependency: the common prefix and suffix are cut first, so the quadratic table only covers the
 * region the formatter changed, and policy files are a few hundred lines.
 */
export function unifiedDiff(before: string, after: string, name: string): string {
  const ops = diffLines(lines(before), lines(after));
  const hunks = hunkRanges(ops);
  if (hunks.length === 0) return '';
  const out = [`--- ${name}`, `+++ ${name}`];
  const oldLines = linesBefore(ops, '-');
  const newLines = linesBefore(ops, '+');
  for (const [start, end] of hunks) {
    out.push(`@@ -${range(oldLines, start, end)} +${range(newLines, start, end)} @@`, ...ops.slice(start, end).map((op) => `${op.kind}${op.text}`));
  }
  return `${out.join('\n')}\n`;
}

interface Op {
  readonly kind: ' ' | '-' | '+';
  readonly text: string;
}

const CONTEXT = 3;

/** For each op index, how many lines of one side (`-`: the old text, `+`: the new) come before it. */
function linesBefore(ops: readonly Op[], side: '-' | '+'): number[] {
  const counts = [0];
  for (const op of ops) counts.push(counts[counts.length - 1]! + (op.kind === ' ' || op.kind === side ? 1 : 0));
  return counts;
}

/** A hunk's `start,count` on one side; an empty side starts at the line before it, as diff -u does. */
function range(before: readonly number[], start: number, end: number): string {
  const count = before[end]! - before[start]!;
  const first = before[start]! + (count === 0 ? 0 : 1);
  return count === 1 ? `${first}` : `${first},${count}`;
}

/** Lines without their `\n`; a last line without one carries diff's marker, so it differs from one with it. */
function lines(text: string): string[] {
  if (text === '') return [];
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  else all[all.length - 1] += '\n\\ No newline at end of file';
  return all;
}

function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const same = (text: string): Op => ({ kind: ' ', text });
  return [
    ...a.slice(0, prefix).map(same),
    ...lcsOps(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix)),
    ...a.slice(a.length - suffix).map(same),
  ];
}

/** Longest common subsequence by dynamic programming; removals come before additions. */
function lcsOps(a: readonly string[], b: readonly string[]): Op[] {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', text: a[i++]! });
      j++;
    } else if (j === b.length || (i < a.length && table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) {
      ops.push({ kind: '-', text: a[i++]! });
    } else {
      ops.push({ kind: '+', text: b[j++]! });
    }
  }
  return ops;
}

/** [start, end) ranges of ops: each change with its context, overlapping ones merged. */
function hunkRanges(ops: readonly Op[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  ops.forEach((op, i) => {
    if (op.kind === ' ') return;
    const start = Math.max(0, i - CONTEXT);
    const end = Math.min(ops.length, i + CONTEXT + 1);
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1]) last[1] = end;
    else ranges.push([start, end]);
  });
  return ranges;
}
