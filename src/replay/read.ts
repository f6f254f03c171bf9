/**
 * `bylaw replay`'s reading side: the input file cut into chunks of whole lines, each in a
 * transferable buffer of its own (never Node's shared pool), in time linear in the input
 * whatever the length of its lines, and a line longer than `maxLine` stopped with an error.
 */
import type { FileHandle } from 'node:fs/promises';

/**
 * Buffers to read chunks into, recycled: a worker hands each chunk's buffer back with its
 * result, so the memory is allocated (and faulted in) once, not once per chunk. The same for
 * the buffers a chunk's `--output` is written into, once the file has them.
 */
export class Buffers {
  private readonly free: ArrayBuffer[] = [];

  constructor(private readonly size: number) {}

  take(bytes: number): Buffer {
    if (bytes <= this.size) {
      const recycled = this.free.pop();
      return Buffer.from(recycled ?? new ArrayBuffer(this.size), 0, bytes);
    }
    return Buffer.allocUnsafeSlow(bytes);
  }

  give(buffer: ArrayBuffer): void {
    if (buffer.byteLength === this.size && this.free.length < 16) this.free.push(buffer);
  }
}

/** A line longer than the most a line may hold. Its number is known to the caller, who counted the chunks before it. */
export class LineTooLong extends Error {
  constructor(readonly maxLine: number) {
    super(`a line longer than ${maxLine} bytes`);
    this.name = 'LineTooLong';
  }
}

/** The most a read for one long line asks for at once. */
const MAX_PIECE = 64 << 20;

/**
 * Chunks of whole lines (the last may lack its newline), about `size` bytes each, in order.
 * `size` must be at most `maxLine`: then every line is checked (one that ends in a read is
 * shorter than the read). Throws LineTooLong as soon as the line being read passes `maxLine`
 * bytes (its newline not counted), having yielded every line before it.
 */
export async function* readChunks(file: FileHandle, size: number, buffers: Buffers, maxLine: number): AsyncGenerator<Uint8Array> {
  // The unfinished line at the end of what was read: one short piece, or a long line's pieces,
  // kept apart and joined once when it ends (copied again at every read, it was quadratic).
  let pieces: Buffer[] = [];
  let carried = 0;
  for (;;) {
    if (carried <= size) {
      // Usual case: read behind the short unfinished line, into a chunk buffer.
      const buffer = buffers.take(carried + size);
      if (carried > 0) pieces[0]!.copy(buffer, 0);
      const { bytesRead } = await file.read(buffer, carried, size, null);
      const filled = carried + bytesRead;
      if (bytesRead === 0) {
        if (filled > 0) yield new Uint8Array(buffer.buffer, 0, filled);
        return;
      }
      const last = buffer.lastIndexOf(10, filled - 1);
      if (last < 0) {
        if (filled > maxLine) throw new LineTooLong(maxLine);
        pieces = [buffer.subarray(0, filled)];
        carried = filled;
        continue;
      }
      if (buffer.indexOf(10) > maxLine) throw new LineTooLong(maxLine);
      pieces = [Buffer.from(buffer.subarray(last + 1, filled))];
      carried = filled - last - 1;
      yield new Uint8Array(buffer.buffer, 0, last + 1);
      continue;
    }
    // A long line: pieces of their own, growing with it (a few reads for a line of any length).
    const piece = Buffer.allocUnsafeSlow(Math.min(Math.max(size, carried), MAX_PIECE));
    const { bytesRead } = await file.read(piece, 0, piece.length, null);
    if (bytesRead === 0) {
      yield joined(pieces, carried, null, 0);
      return;
    }
    const read = piece.subarray(0, bytesRead);
    const first = read.indexOf(10);
    if (first < 0) {
      pieces.push(read);
      carried += bytesRead;
      if (carried > maxLine) throw new LineTooLong(maxLine);
      continue;
    }
    if (carried + first > maxLine) throw new LineTooLong(maxLine);
    const last = read.lastIndexOf(10);
    const chunk = joined(pieces, carried, read, last + 1);
    pieces = [Buffer.from(read.subarray(last + 1))];
    carried = bytesRead - last - 1;
    yield chunk;
  }
}

/** `pieces` (`bytes` in all) and the first `tail` bytes of `rest`, copied once into a buffer of their own. */
function joined(pieces: readonly Buffer[], bytes: number, rest: Buffer | null, tail: number): Uint8Array {
  const out = Buffer.allocUnsafeSlow(bytes + tail);
  let at = 0;
  for (const piece of pieces) at += piece.copy(out, at);
  if (rest !== null) rest.copy(out, at, 0, tail);
  return new Uint8Array(out.buffer, 0, bytes + tail);
}

/** Lines in a chunk of whole lines (the last may lack its newline). */
export function countLines(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let lines = 0;
  for (let i = buffer.indexOf(10); i >= 0; i = buffer.indexOf(10, i + 1)) lines++;
  return bytes.byteLength > 0 && bytes[bytes.byteLength - 1] !== 10 ? lines + 1 : lines;
}
