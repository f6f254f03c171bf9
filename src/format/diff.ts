import { structuredPatch, type StructuredPatchHunk } from 'diff';

/**
 * Past this many line edits jsdiff stops searching (its Myers search is O(N·D)); the file is then
 * shown as replaced in one hunk. Keeps `fmt --check` linear on a huge, wholly re-indented file.
 */
const MAX_EDIT_LENGTH = 1_000;

/**
 * A unified diff (3 lines of context) in `diff -u` form, for `bylaw fmt --check`: `patch -p0`
 * applies it. The line diff is jsdiff's; this only prints it, with GNU's hunk headers.
 */
export function unifiedDiff(before: string, after: string, name: string): string {
  if (before === after) return '';
  const patch = structuredPatch(name, name, before, after, undefined, undefined, { context: 3, maxEditLength: MAX_EDIT_LENGTH });
  const hunks = patch ? patch.hunks : [wholeFile(before, after)];
  if (hunks.length === 0) return '';
  const out = [`--- ${name}`, `+++ ${name}`];
  for (const hunk of hunks) {
    out.push(`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`, ...hunk.lines);
  }
  return `${out.join('\n')}\n`;
}

/** GNU's form: a one-line range has no count; an empty one names the line before it. */
function range(start: number, count: number): string {
  return count === 1 ? `${start}` : count === 0 ? `${start - 1},0` : `${start},${count}`;
}

/** One hunk that deletes every old line and adds every new one. */
function wholeFile(before: string, after: string): StructuredPatchHunk {
  const side = (text: string, mark: '-' | '+') => {
    if (text === '') return [];
    const lines = text.split('\n');
    const complete = lines[lines.length - 1] === '';
    if (complete) lines.pop();
    const out = lines.map((line) => `${mark}${line}`);
    if (!complete) out.push('\\ No newline at end of file');
    return out;
  };
  const oldLines = side(before, '-');
  const newLines = side(after, '+');
  const count = (lines: string[]) => lines.filter((l) => !l.startsWith('\\')).length;
  return { oldStart: 1, oldLines: count(oldLines), newStart: 1, newLines: count(newLines), lines: [...oldLines, ...newLines] };
}
