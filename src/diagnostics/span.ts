/** A position in a source file. `line` and `column` are 1-based; `offset` is 0-based. */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A half-open range [start, end) in one file. */
export interface Span {
  readonly file: string;
  readonly start: Position;
  readonly end: Position;
}

export function spanCovering(first: Span, last: Span): Span {
  return { file: first.file, start: first.start, end: last.end };
}

/** Builds a span from offsets by scanning the text for line breaks. Used where no token is at hand. */
export function spanFromOffsets(file: string, text: string, start: number, end: number): Span {
  return { file, start: positionAt(text, start), end: positionAt(text, end) };
}

export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const stop = Math.min(offset, text.length);
  for (let i = 0; i < stop; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** A span for a whole file when nothing more precise exists (an unreadable file, a missing version). */
export function fileSpan(file: string): Span {
  const p = { offset: 0, line: 1, column: 1 };
  return { file, start: p, end: p };
}

/**
 * Offsets to 1-based line and column by binary search over the line starts. Lines end at `\n`
 * only, everywhere in Bylaw (a `\r` before it is trailing whitespace). The lexer tracks offsets
 * only; every span of a parse comes from one of these.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    const line = lastAtOrBelow(this.starts, offset);
    return { offset, line: line + 1, column: offset - this.starts[line]! + 1 };
  }

  span(file: string, start: number, end: number): Span {
    return { file, start: this.position(start), end: this.position(end) };
  }
}

/** The index of the last element of ascending `sorted` (whose first is ≤ `value`) that is ≤ `value`. */
export function lastAtOrBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
