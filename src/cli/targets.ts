import { accessSync, constants, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { compareCodePoints } from '../diagnostics/text.js';
import { readFailureMessage, systemReason } from '../file-errors.js';
import { UsageError } from './io.js';

/**
 * What `bylaw check PATH…` checks: a file is checked alone; a folder whose `.policy` files
 * declare `effective` is one policy set; other folders contribute each file alone; subfolders
 * are searched too. Sorted, so output order is stable.
 */
export function discoverTargets(paths: readonly string[]): string[] {
  const targets: string[] = [];
  for (const path of paths) {
    if (policyPathKind(path) === 'file') {
      targets.push(path);
      continue;
    }
    const before = targets.length;
    collectFolder(path, targets);
    // A mistyped folder must not pass a CI check by containing nothing to check.
    if (targets.length === before) throw new UsageError(`no .policy files in ${path}`);
  }
  // `check a.policy ./a.policy`, `check policies policies/twitter`: each policy is checked once, where first named.
  const seen = new Set<string>();
  return targets.filter((t) => !seen.has(resolve(t)) && seen.add(resolve(t)));
}

/**
 * What a path argument names: a file (read as a policy whatever its extension: naming it says
 * so), or a folder to search for `.policy` files. A missing path or a device is a usage error.
 */
export function policyPathKind(path: string, shown = path): 'file' | 'folder' {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`no such file or folder: ${shown}`);
  }
  if (stat.isDirectory()) return 'folder';
  if (!stat.isFile()) throw new UsageError(`${shown} is not a file or a folder`);
  // A file named on the command line that cannot be read is an input error, as a missing one is.
  try {
    accessSync(path, constants.R_OK);
  } catch (error) {
    throw new UsageError(readFailureMessage(shown, error));
  }
  return 'file';
}

/** The `.policy` files under `folder`, sorted; hidden folders and node_modules are skipped, as prettier does. */
export function policyFilesUnder(folder: string): string[] {
  const files: string[] = [];
  for (const entry of sortedEntries(folder)) {
    const child = join(folder, entry.name);
    if (entry.isFile() && entry.name.endsWith('.policy')) files.push(child);
    else if (searched(entry)) files.push(...policyFilesUnder(child));
  }
  return files;
}

function collectFolder(folder: string, targets: string[]): void {
  const entries = sortedEntries(folder);
  const policies = entries.filter((e) => e.isFile() && e.name.endsWith('.policy')).map((e) => join(folder, e.name));
  if (policies.some(declaresEffective)) targets.push(folder);
  else targets.push(...policies);
  for (const entry of entries) if (searched(entry)) collectFolder(join(folder, entry.name), targets);
}

/** A folder's entries by name; one that cannot be listed (no permission) is a usage error, not a crash. */
export function sortedEntries(folder: string): Dirent[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw folderReadFailure(folder, error);
  }
  return entries.sort((a, b) => compareCodePoints(a.name, b.name));
}

/** `cannot read the folder lock: permission denied (EACCES)`, as a usage error. */
export function folderReadFailure(folder: string, error: unknown): UsageError {
  return new UsageError(`cannot read the folder ${folder}: ${systemReason(error)}`);
}

function searched(entry: Dirent): boolean {
  return entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.');
}

/** A cheap look for an `effective` line; the loader does the real parse. */
function declaresEffective(file: string): boolean {
  try {
    return /^\s*effective\s/m.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

/** Every policy set (folder with versions) under `root`, or root itself. */
export function discoverPolicySets(root: string): string[] {
  return discoverTargets([root]).filter((t) => !t.endsWith('.policy'));
}
