import { checkSet } from './checker/index.js';
import type { PolicySet } from './checker/program.js';
import { sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import type { LoadResult } from './modules/loader.js';

export interface LoadedPolicy {
  /** Null when any error was found; warnings alone leave it usable. */
  readonly policy: PolicySet | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

/** Type-checks what the loader read: the step after loading, from the disk (load-policy.ts) or from memory (browser.ts). */
export function checkLoaded(loaded: LoadResult): LoadedPolicy {
  if (!loaded.set) return { policy: null, diagnostics: sortDiagnostics(loaded.diagnostics), sources: loaded.sources };
  const checked = checkSet(loaded.set, loaded.sources);
  return {
    policy: checked.set,
    diagnostics: sortDiagnostics([...loaded.diagnostics, ...checked.diagnostics]),
    sources: loaded.sources,
  };
}
