import { checkSet, type CheckOptions } from './checker/index.js';
import type { PolicySet } from './checker/program.js';
import { hasErrors, uniqueDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import type { LoadResult } from './modules/loader.js';

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

/** Type-checks what the loader read: the step after loading, from the disk (load-policy.ts) or from memory (browser.ts). */
export function checkLoaded(loaded: LoadResult, options: CheckOptions = {}): LoadedPolicy {
  if (!loaded.set) return { policy: null, library: false, diagnostics: uniqueDiagnostics(loaded.diagnostics), sources: loaded.sources };
  const checked = checkSet(loaded.set, loaded.sources, options);
  return {
    policy: checked.set,
    library: checked.library && !hasErrors(loaded.diagnostics) && !hasErrors(checked.diagnostics),
    diagnostics: uniqueDiagnostics([...loaded.diagnostics, ...checked.diagnostics]),
    sources: loaded.sources,
  };
}
