import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './io.js';

/**
 * What `bylaw check PATH…` checks: a file is checked alone; a folder whose `.policy` files
 * declare `effective` is one policy set; other folders contribute each file alone; subfolders
 * are searched too. Sorted, so output order is stable.
 */
export function discoverTargets(paths: readonly string[]): string[] {
  const targets: string[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`no such file or folder: ${path}`);
    }
    if (stat.isFile()) targets.push(path);
    else if (stat.isDirectory()) collectFolder(path, targets);
  }
  return targets;
}

function collectFolder(folder: string, targets: string[]): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  const policies = entries.filter((e) => e.isFile() && e.name.endsWith('.policy')).map((e) => join(folder, e.name));
  if (policies.some(declaresEffective)) targets.push(folder);
  else targets.push(...policies);
  for (const entry of entries) if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) collectFolder(join(folder, entry.name), targets);
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
