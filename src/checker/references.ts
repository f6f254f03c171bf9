import type { Span } from '../diagnostics/span.js';
import type { Symbol } from './scope.js';

/**
 * The checker's name-resolution side table: for each name it resolves, the declaration it
 * refers to. The language server reads it (go to definition) instead of resolving again.
 */

/** What a name can refer to: a top-level declaration, a record's field, an enum's member, a scale's member (`action`), or a quantifier's bound name. */
export type DeclarationKind = Symbol['kind'] | 'field' | 'member' | 'action' | 'binder';

export interface Reference {
  /** The name as written. */
  readonly span: Span;
  readonly kind: DeclarationKind;
  /** The declaring name (its span carries the file). */
  readonly target: Span;
}

/** Records one resolved name; the passes and the expression checker call it as they resolve. */
export type RecordReference = (span: Span, kind: DeclarationKind, target: Span) => void;

/** The references of several units as one table: a module's text is resolved once per version using it; the first wins. */
export function mergeReferences(tables: readonly (readonly Reference[])[]): Reference[] {
  const seen = new Set<string>();
  const merged: Reference[] = [];
  for (const table of tables) {
    for (const r of table) {
      const key = `${r.span.file}:${r.span.start.offset}:${r.span.end.offset}`;
      if (seen.has(key)) continue;
      seen.add(key);
      merged.push(r);
    }
  }
  return merged;
}
