/**
 * Lines of a JSONL file, for DuckDB, exactly as the JS replay counts them: split at LF only,
 * one CR before the LF dropped, a last line without LF counted, an empty line a line.
 *
 * DuckDB reads the lines with its CSV reader (one VARCHAR column, no quoting: parallel and
 * cheap), which agrees with that on most files but not all: it also ends a line at a CR, drops
 * a byte order mark at the start of the file, stops at invalid UTF-8 or at a line longer than
 * its limit, and cuts a line at its delimiter byte. One read of the file here finds out whether
 * it has any of those. Usually not, and DuckDB reads the file itself; otherwise it reads a copy
 * (in a temp folder) with every trailing CR removed and every line it would misread left empty
 * — such a line is handed to `exceptional` (the JS replay's code judges it) instead.
 */
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The CSV reader's delimiter: a line holding this byte would be cut there. */
export const DELIMITER = 1;
/** Lines longer than this (bytes) are judged in JS: well below DuckDB's 2,000,000-byte `max_line_size`. */
export const LONGEST_LINE = 1 << 20;

const LF = 10;
const CR = 13;
const CHUNK = 1 << 22;

export interface ScannedFile {
  /** The file DuckDB reads: the input itself, or the copy. */
  readonly path: string;
  /** How many lines the JS replay counts. */
  readonly lines: number;
  /** Removes the copy, if any. */
  dispose(): void;
}

/** A line DuckDB must not read: its 0-based row and its bytes (without the LF; a CR before it kept). */
export type Exceptional = (row: number, bytes: Buffer) => void;

/**
 * Counts the lines of `path` and checks that DuckDB's CSV reader will read each one as the JS
 * replay does; when not, writes the copy and reports the lines it left empty to `exceptional`.
 */
export async function scanLines(path: string, exceptional: Exceptional): Promise<ScannedFile> {
  const plain = await forEachRegion(path, (region, first) => plainRegion(region, first));
  if (plain !== null) return { path, lines: plain, dispose: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'bylaw-lines-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  const copy = join(dir, 'lines.jsonl');
  try {
    const out = await open(copy, 'w');
    try {
      let row = 0;
      await forEachRegion(path, async (region, first) => {
        const lines = plainRegion(region, first);
        if (lines !== null) {
          row += lines;
          await out.write(region);
          return lines;
        }
        const parts: Buffer[] = [];
        for (const line of linesOf(region)) {
          const content = line.length > 0 && line[line.length - 1] === CR ? line.subarray(0, line.length - 1) : line;
          const misread = !plainLine(content) || (first && row === 0 && startsWithBom(content));
          if (misread) exceptional(row, line);
          if (!misread) parts.push(content);
          parts.push(NEWLINE);
          row++;
        }
        await out.write(Buffer.concat(parts));
        return 0;
      });
      return { path: copy, lines: row, dispose };
    } finally {
      await out.close();
    }
  } catch (error) {
    dispose();
    throw error;
  }
}

const NEWLINE = Buffer.from('\n');

/**
 * Reads `path` in regions of whole lines (the last may lack its LF) and calls `visit` on each,
 * `first` for the region at the start of the file. Returns the sum of what `visit` returns, or
 * null as soon as one returns null.
 */
async function forEachRegion(path: string, visit: (region: Buffer, first: boolean) => number | null | Promise<number | null>): Promise<number | null> {
  const file = await open(path, 'r');
  try {
    let carry: Buffer = Buffer.alloc(0);
    let first = true;
    let total = 0;
    for (;;) {
      // A line longer than a chunk doubles what is read next: linear in its length.
      const size = Math.max(CHUNK, carry.length);
      const buffer = Buffer.allocUnsafe(carry.length + size);
      carry.copy(buffer, 0);
      const { bytesRead } = await file.read(buffer, carry.length, size, null);
      const filled = carry.length + bytesRead;
      const end = bytesRead === 0 ? filled - 1 : buffer.lastIndexOf(LF, filled - 1);
      if (end < 0) {
        if (bytesRead === 0) return total;
        carry = buffer.subarray(0, filled);
        continue;
      }
      const n = await visit(buffer.subarray(0, end + 1), first);
      if (n === null) return null;
      total += n;
      if (bytesRead === 0) return total;
      first = false;
      carry = Buffer.from(buffer.subarray(end + 1, filled));
    }
  } finally {
    await file.close();
  }
}

/** The number of lines in a region DuckDB reads as the JS replay does, or null. */
function plainRegion(region: Buffer, first: boolean): number | null {
  if (region.indexOf(CR) >= 0 || region.indexOf(DELIMITER) >= 0 || !isUtf8(region)) return null;
  if (first && startsWithBom(region)) return null;
  let lines = 0;
  let start = 0;
  for (let end = region.indexOf(LF); end >= 0; end = region.indexOf(LF, start)) {
    if (end - start > LONGEST_LINE) return null;
    lines++;
    start = end + 1;
  }
  if (start < region.length) {
    if (region.length - start > LONGEST_LINE) return null;
    lines++;
  }
  return lines;
}

/** A line (without its LF and trailing CR) DuckDB reads as is. */
function plainLine(content: Buffer): boolean {
  return content.length <= LONGEST_LINE && content.indexOf(CR) < 0 && content.indexOf(DELIMITER) < 0 && isUtf8(content);
}

function startsWithBom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function* linesOf(region: Buffer): Generator<Buffer> {
  let start = 0;
  while (start < region.length) {
    let end = region.indexOf(LF, start);
    if (end < 0) end = region.length;
    yield region.subarray(start, end);
    start = end + 1;
  }
}
