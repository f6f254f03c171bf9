import { closeSync, mkdirSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readFailureMessage, writeFailureMessage } from '../file-errors.js';
import { UsageError, type CommandContext } from './io.js';

/** Reads a text file or fails with a one-line usage error (exit 2). */
export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw readFailure(path, error);
  }
}

function readFailure(path: string, error: unknown): UsageError {
  return new UsageError(readFailureMessage(path, error));
}

/**
 * `mkdir -p` that always ends. Node's own `mkdirSync(dir, { recursive: true })` spins forever
 * when a parent exists but refuses children with ENOENT (anything under `/proc`): it takes the
 * ENOENT for a missing parent, "creates" the parent (EEXIST) and retries. Here a missing parent
 * is made once; ENOENT after that is final.
 */
export function makeDirectory(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
    makeDirectory(parent);
    mkdirSync(dir);
  }
}

/**
 * The most one JSON value may take: all of `decide`'s input, one line of `replay`'s. Well under
 * the longest string V8 makes (2^29 - 24 characters), so a value this size can still be decoded
 * and parsed; past it the command stops with a plain error instead of running out of memory.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;
export const MAX_INPUT_SHOWN = '256 MiB';

function tooLarge(source: string): UsageError {
  return new UsageError(`${source}: more than ${MAX_INPUT_SHOWN} of input (the most \`decide\` reads); decide one post at a time, or many with \`bylaw replay\``);
}

/**
 * All of `decide`'s input as text: the file, or standard input without a path. Reads at most
 * MAX_INPUT_BYTES and stops there (a device like /dev/zero never ends).
 */
export async function readInputText(path: string | undefined, ctx: CommandContext): Promise<string> {
  const source = path ?? '<stdin>';
  const chunks: Buffer[] = [];
  let total = 0;
  const add = (chunk: Buffer) => {
    total += chunk.length;
    if (total > MAX_INPUT_BYTES) throw tooLarge(source);
    chunks.push(chunk);
  };
  if (path === undefined) {
    for await (const chunk of ctx.io.stdin) add(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw readFailure(path, error);
  }
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, MAX_INPUT_BYTES + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      add(chunk.subarray(0, n));
    }
  } catch (error) {
    throw error instanceof UsageError ? error : readFailure(path, error);
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null; // unreachable or not a folder on the way: opening it reports why
  }
}

/**
 * Refuses an output that is one of the files the command reads (`reads`: its input, its policy
 * files), by identity — device and inode, so a symlink, a hard link or `/dev/stdout` redirected
 * to the input are caught — or a folder. Called before anything is opened for writing. `shown`
 * names the output in the message (the flag and its value by default), `instead` what to do.
 */
export function checkOutputPath(output: string, reads: Iterable<string>, shown = `\`--output ${output}\``, instead = 'write to another file'): void {
  const out = statOrNull(output);
  if (out === null) return;
  if (out.isDirectory()) throw new UsageError(`cannot write ${output}: it is a folder, not a file`);
  // A terminal or /dev/null may be read and written at once; a file or a pipe may not.
  if (out.isCharacterDevice()) return;
  for (const path of reads) {
    const read = statOrNull(path);
    if (read !== null && read.dev === out.dev && read.ino === out.ino) {
      throw new UsageError(`${shown} would overwrite \`${path}\`, which this command reads; ${instead}`);
    }
  }
}

/**
 * Refuses two outputs of one run that are one file (`--output` and `--statements`): the second
 * written would replace the first. Compared by identity when the file exists, else by path; a device
 * or a pipe is written in place, one after the other, and may be both.
 */
export function checkDistinctOutputs(a: { flag: string; path: string }, b: { flag: string; path: string }): void {
  const x = statOrNull(a.path);
  const y = statOrNull(b.path);
  const same = x !== null && y !== null ? x.isFile() && x.dev === y.dev && x.ino === y.ino : resolve(a.path) === resolve(b.path);
  if (same) throw new UsageError(`\`${a.flag} ${a.path}\` and \`${b.flag} ${b.path}\` are the same file: the second would replace the first; give each its own`);
}

/** A failed write as a usage error: `cannot write out.jsonl: no space left on device (ENOSPC)`. */
export function writeFailure(path: string, error: unknown): UsageError {
  if (error instanceof UsageError) return error;
  return new UsageError(writeFailureMessage(path, error));
}
