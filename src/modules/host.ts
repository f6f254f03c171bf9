import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareCodePoints } from '../diagnostics/text.js';

/**
 * How the module loader sees files. The CLI uses the disk; the language server and tests can
 * overlay unsaved or in-memory text.
 */
export interface SourceHost {
  /** The file's text, or null when it does not exist or cannot be read. */
  readFile(path: string): string | null;
  /**
   * The file's bytes, where the host has them (the disk): the loader then decodes them itself
   * and reports invalid UTF-8 (BL009) instead of reading U+FFFD. Hosts without it give text.
   */
  readBytes?(path: string): Uint8Array | null;
  isDirectory(path: string): boolean;
  isFile(path: string): boolean;
  /** Entries of a directory (names only), or [] when it cannot be listed. */
  list(path: string): string[];
}

export const diskHost: SourceHost = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  },
  readBytes(path) {
    try {
      return readFileSync(path);
    } catch {
      return null;
    }
  },
  isDirectory(path) {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
  isFile(path) {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
  list(path) {
    try {
      return readdirSync(path).sort(compareCodePoints);
    } catch {
      return [];
    }
  },
};

/** A host that reads `overlay` first (e.g. an editor's unsaved buffers), then falls back. */
export function overlayHost(overlay: ReadonlyMap<string, string>, fallback: SourceHost = diskHost): SourceHost {
  return {
    readFile: (path) => overlay.get(resolve(path)) ?? fallback.readFile(path),
    // An editor's buffer is text already; files it has not opened are read as bytes, as from disk.
    readBytes: (path) => {
      const open = overlay.get(resolve(path));
      if (open !== undefined) return Buffer.from(open, 'utf8');
      if (fallback.readBytes) return fallback.readBytes(path);
      const text = fallback.readFile(path);
      return text === null ? null : Buffer.from(text, 'utf8');
    },
    isDirectory: (path) => fallback.isDirectory(path),
    isFile: (path) => overlay.has(resolve(path)) || fallback.isFile(path),
    list: (path) => fallback.list(path),
  };
}

/** The stdlib shipped with Bylaw (works from src/ under vitest and from dist/ when installed). */
export function bundledStdlib(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidate = resolve(here, '..', '..', 'stdlib');
  return existsSync(candidate) ? candidate : join(here, 'stdlib');
}
