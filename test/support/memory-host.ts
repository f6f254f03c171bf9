import { resolve } from 'node:path';
import { diskHost, type SourceHost } from '../../src/modules/host.js';

/**
 * A SourceHost over in-memory files (keyed by path as given), falling back to the disk for
 * anything else — so fixtures can `use moderation` from the real stdlib.
 */
export function memoryHost(files: Readonly<Record<string, string>>, fallback: SourceHost = diskHost): SourceHost {
  const byPath = new Map(Object.entries(files).map(([path, text]) => [resolve(path), text]));
  const folders = new Set([...byPath.keys()].map((p) => p.slice(0, p.lastIndexOf('/'))));
  return {
    readFile: (path) => byPath.get(resolve(path)) ?? fallback.readFile(path),
    isFile: (path) => byPath.has(resolve(path)) || fallback.isFile(path),
    isDirectory: (path) => folders.has(resolve(path)) || fallback.isDirectory(path),
    list: (path) => {
      const folder = resolve(path);
      const mine = [...byPath.keys()].filter((p) => p.slice(0, p.lastIndexOf('/')) === folder).map((p) => p.slice(folder.length + 1));
      return [...new Set([...mine, ...fallback.list(path)])].sort();
    },
  };
}
