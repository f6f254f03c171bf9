import { checkLoaded, type LoadedPolicy } from './check-loaded.js';
import type { CheckOptions } from './checker/index.js';
import { loadPolicySet, type LoadOptions } from './modules/load.js';

export type { LoadedPolicy };

/** Reads, parses and checks a policy set (a folder) or a single file: the one entry point for tools. */
export function loadPolicy(path: string, options: LoadOptions & CheckOptions = {}): LoadedPolicy {
  return checkLoaded(loadPolicySet(path, options), options);
}
