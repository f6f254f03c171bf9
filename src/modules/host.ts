import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
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

/**
 * Policy files held in memory (path → text): for services and tools that check or compile
 * policies without touching the disk. Paths are resolved against the working directory, so
 * relative names work; folders are implied by the paths. Anything else comes from `fallback`:
 * by default only the bundled stdlib (`use moderation`) is read from the disk.
 */
export function memoryHost(files: Readonly<Record<string, string>> | ReadonlyMap<string, string>, fallback: SourceHost = stdlibHost()): SourceHost {
  const texts = new Map<string, string>();
  for (const [path, text] of files instanceof Map ? files : Object.entries(files)) texts.set(resolve(path), text);
  const children = (dir: string): string[] => {
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    const names = new Set<string>();
    for (const file of texts.keys()) if (file.startsWith(prefix)) names.add(file.slice(prefix.length).split(sep)[0]!);
    return [...names];
  };
  return {
    readFile: (path) => texts.get(resolve(path)) ?? fallback.readFile(path),
    isFile: (path) => texts.has(resolve(path)) || fallback.isFile(path),
    isDirectory: (path) => children(resolve(path)).length > 0 || fallback.isDirectory(path),
    list: (path) => [...new Set([...children(resolve(path)), ...fallback.list(path)])].sort(),
  };
}

/** The disk, but only inside the bundled stdlib: nothing else exists. */
function stdlibHost(): SourceHost {
  const stdlib = bundledStdlib();
  const inside = (path: string) => {
    const full = resolve(path);
    return full === stdlib || full.startsWith(stdlib + sep);
  };
  return {
    readFile: (path) => (inside(path) ? diskHost.readFile(path) : null),
    isFile: (path) => inside(path) && diskHost.isFile(path),
    isDirectory: (path) => inside(path) && diskHost.isDirectory(path),
    list: (path) => (inside(path) ? diskHost.list(path) : []),
  };
}

/**
 * The stdlib shipped with Bylaw: the `stdlib` folder of the package this code is part of. This
 * file runs from src/, from dist/, from the bundled CLI's chunks and from the VS Code extension's
 * server, at different depths, so look upwards, up to the package root (the first package.json).
 */
export function bundledStdlib(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = dirname(dir)) {
    const candidate = join(dir, 'stdlib');
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, 'package.json')) || dirname(dir) === dir) break;
  }
  return resolve(here, '..', '..', 'stdlib');
}
