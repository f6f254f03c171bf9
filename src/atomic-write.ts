/**
 * Files written whole or not at all. The bytes go to a temporary file in the target's folder (the
 * same filesystem, so the rename is atomic), renamed onto the target once everything is written;
 * on any failure the temporary file is removed and the target is left as it was. A reader never
 * sees half a file, and a failed run never leaves one that looks finished.
 *
 * A device or a stream (`/dev/null`, `/dev/full`, a pipe, `/dev/stdout`) cannot be replaced: it
 * is written directly. The temporary name is hidden (a leading dot), says `.tmp`, and keeps the
 * target's extension, so a writer that picks a format by the name (DuckDB's COPY) picks the same.
 * No fsync: the guarantee is against a failing or interrupted run, not a power cut.
 */
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { chmod, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';

/** A hidden name next to `target`, unique to this process and call. */
export function temporaryPathFor(target: string): string {
  const base = basename(target);
  // Names are limited to 255 bytes: a long one is shortened (the suffix makes it unique).
  const stem = Buffer.byteLength(base) > 120 ? Buffer.from(base).subarray(0, 120).toString('utf8').replace(/\uFFFD+$/, '') : base;
  return join(dirname(target), `.${stem}.${process.pid}-${randomBytes(4).toString('hex')}.tmp${extname(base)}`);
}

/** Writes `data` to `target` through a temporary file renamed into place (synchronous). */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const place = placeOf(target);
  if (place.temp === null) {
    writeFileSync(target, data);
    return;
  }
  const fd = openSync(place.temp, 'wx', 0o666);
  let open = true;
  try {
    if (place.mode !== null) fchmodSync(fd, place.mode);
    writeFileSync(fd, data);
    closeSync(fd);
    open = false;
    renameSync(place.temp, place.target);
  } catch (error) {
    if (open) closeQuietly(fd);
    removeQuietly(place.temp);
    throw error;
  }
}

/** Where a write to `target` goes: a temporary file to rename onto `target`, or (temp null) `target` itself. */
interface Place {
  /** The file to replace: a symlink's target, so the link stays a link. */
  readonly target: string;
  readonly temp: string | null;
  /** The permissions of the file replaced, kept; null for a new file. */
  readonly mode: number | null;
}

function placeOf(path: string): Place {
  const stat = statSync(path, { throwIfNoEntry: false });
  // Devices, pipes and the /dev/stdout-style aliases of open descriptors are written in place.
  const absolute = resolve(path);
  if ((stat && !stat.isFile()) || absolute.startsWith('/dev/') || absolute.startsWith('/proc/')) return { target: path, temp: null, mode: null };
  // Replacing needs only the folder's permission: ask for the file's as writing in place would.
  if (stat) accessSync(path, constants.W_OK);
  const target = stat ? realpathSync(path) : path;
  return { target, temp: temporaryPathFor(target), mode: stat ? stat.mode & 0o7777 : null };
}

/**
 * An output written in pieces (`write`), then `commit`ted (renamed into place) or `abort`ed (the
 * temporary file removed). One write is in flight at a time, behind the caller: `write` resolves
 * once the previous one is done, and rejects with its error.
 */
export class OutputFile {
  private pending: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly place: Place,
    private readonly handle: FileHandle | null,
  ) {}

  /**
   * Creates the temporary file (exclusively: never someone else's). `handle: false` for a writer
   * that creates `path` itself (DuckDB): the name is then only tried, and a device or a pipe not
   * opened here at all.
   */
  static async create(target: string, options: { readonly handle?: boolean } = {}): Promise<OutputFile> {
    const place = placeOf(target);
    const wanted = options.handle ?? true;
    if (place.temp === null) return new OutputFile(place, wanted ? await open(place.target, 'w') : null);
    // Watched before it exists: a signal between the file's creation and the next line (which
    // only runs once `open` resolves) would otherwise leave it behind.
    live.add(place.temp);
    watchSignals();
    let handle;
    try {
      handle = await open(place.temp, 'wx', 0o666);
    } catch (error) {
      forget(place.temp, false);
      throw error;
    }
    if (wanted) return new OutputFile(place, handle);
    // Made (the folder is writable), then removed: a writer that finds its file already there
    // writes a temporary file of its own (DuckDB's `tmp_…`), which it leaves behind on failure.
    await handle.close().catch(() => undefined);
    await unlink(place.temp).catch(() => undefined);
    return new OutputFile(place, null);
  }

  /** The file being written: the temporary one, or the target itself when it is written in place. */
  get path(): string {
    return this.place.temp ?? this.place.target;
  }

  /** Queues `bytes`; `written` is called once they are on their way to the disk (their buffer may be reused). */
  write(bytes: Uint8Array, written?: () => void): Promise<void> {
    const previous = this.pending;
    const next = previous.then(() => this.writeAll(bytes)).then(() => written?.());
    // Its failure is reported by the next write or by commit.
    next.catch(() => undefined);
    this.pending = next;
    return previous;
  }

  /** Finishes: the last write, close, rename onto the target. On failure call `abort`. */
  async commit(): Promise<void> {
    await this.pending;
    await this.close();
    if (this.place.temp !== null) {
      // The permissions of the file replaced (set now: another writer may have made the file anew).
      if (this.place.mode !== null) await chmod(this.place.temp, this.place.mode);
      await rename(this.place.temp, this.place.target);
      forget(this.place.temp, false);
    }
  }

  /** Gives up: the target is untouched and the temporary file removed. Never throws. */
  async abort(): Promise<void> {
    await this.pending.catch(() => undefined);
    await this.close().catch(() => undefined);
    if (this.place.temp !== null) {
      await unlink(this.place.temp).catch(() => undefined);
      forget(this.place.temp, false);
    }
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle?.close();
  }

  private async writeAll(bytes: Uint8Array): Promise<void> {
    const handle = this.handle;
    if (handle === null) throw new Error('this output is written by another writer');
    for (let at = 0; at < bytes.byteLength; ) {
      const { bytesWritten } = await handle.write(bytes, at, bytes.byteLength - at);
      if (bytesWritten <= 0) throw Object.assign(new Error('EIO: nothing written'), { code: 'EIO' });
      at += bytesWritten;
    }
  }
}

/**
 * Temporary files being written: removed if the process is interrupted (Ctrl-C, kill), which then
 * ends as it would have. The handlers are there only while a file is.
 */
const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const temp of live) removeQuietly(temp);
  live.clear();
  unwatchSignals();
  process.kill(process.pid, signal);
}

function watchSignals(): void {
  if (process.listeners('SIGINT').includes(onSignal)) return;
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function unwatchSignals(): void {
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

function forget(temp: string, remove = true): void {
  if (remove) removeQuietly(temp);
  live.delete(temp);
  if (live.size === 0) unwatchSignals();
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone, or never made.
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Reported by the write that failed.
  }
}
