import { checkSet } from './checker/index.js';
import type { PolicySet } from './checker/program.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { loadPolicySet, type LoadOptions } from './modules/load.js';

export interface LoadedPolicy {
  /** Null when any error was found; warnings alone leave it usable. */
  readonly policy: PolicySet | null;
  /**
   * True when the path is a module (only types and a scale: no `input`, clause or `default`):
   * nothing wrong with it, but nothing to decide with either.
   */
  readonly library: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

/** Reads, parses and checks a policy set (a folder) or a single file: the one entry point for tools. */
export function loadPolicy(path: string, options: LoadOptions = {}): LoadedPolicy {
  const loaded = loadPolicySet(path, options);
  if (!loaded.set) return { policy: null, library: false, diagnostics: sortDiagnostics(loaded.diagnostics), sources: loaded.sources };
  const checked = checkSet(loaded.set, loaded.sources);
  return {
    policy: checked.set,
    library: checked.library && !hasErrors(loaded.diagnostics) && !hasErrors(checked.diagnostics),
    diagnostics: sortDiagnostics([...loaded.diagnostics, ...checked.diagnostics]),
    sources: loaded.sources,
  };
}
