import { resolve } from 'node:path';
import type { Reference } from '../checker/references.js';

/**
 * The checker's side table of references (checker/references.ts), by file, for the language
 * server to look names up in instead of resolving them again. It exists only for a target that
 * loaded: a file with syntax errors is not type-checked, and there the features fall back to the
 * server's own index (symbols-index.ts), which also covers what the checker does not resolve
 * (declaring names, `use`, actions, `statement` declarations, names in clauses with errors).
 */
export interface CheckedReferences {
  /** The reference under `offset` in `file` (the innermost, when spans nest). */
  at(file: string, offset: number): Reference | undefined;
  /** Every reference, in the checker's order. */
  readonly all: readonly Reference[];
}

export function checkedReferences(references: readonly Reference[]): CheckedReferences {
  const byFile = new Map<string, Reference[]>();
  for (const r of references) {
    const file = resolve(r.span.file);
    (byFile.get(file) ?? byFile.set(file, []).get(file)!).push(r);
  }
  return {
    all: references,
    at(file, offset) {
      let best: Reference | undefined;
      for (const r of byFile.get(resolve(file)) ?? []) {
        if (r.span.start.offset <= offset && offset <= r.span.end.offset) {
          if (!best || r.span.end.offset - r.span.start.offset < best.span.end.offset - best.span.start.offset) best = r;
        }
      }
      return best;
    },
  };
}
