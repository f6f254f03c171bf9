import { bundledStdlib, diskHost, type SourceHost } from './host.js';
import { loadWith, type LoadResult } from './loader.js';

export type { LoadedSet, LoadResult, SourceFile, Unit } from './loader.js';

export interface LoadOptions {
  readonly host?: SourceHost;
  /** Extra folders searched for `use` after the file's own folder and enclosing `stdlib/` folders. */
  readonly libraryPaths?: readonly string[];
}

/**
 * Loads a policy set (a folder whose files declaring `effective` are its versions) or a single
 * file, with every module they `use`, from the disk unless `host` says otherwise; the bundled
 * stdlib is searched last. The loader itself (loader.ts) touches neither disk nor process.
 */
export function loadPolicySet(root: string, options: LoadOptions = {}): LoadResult {
  return loadWith(root, {
    host: options.host ?? diskHost,
    libraryPaths: [...(options.libraryPaths ?? []), bundledStdlib()],
    cwd: process.cwd(),
  });
}
