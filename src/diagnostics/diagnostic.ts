import type { Code } from './codes.js';
import type { Span } from './span.js';
import { compareCodePoints } from './text.js';

export type Severity = 'error' | 'warning';

export interface Note {
  readonly message: string;
  readonly span?: Span;
}

/**
 * One finding about a policy. Messages follow Cedar's style: lowercase, no trailing period,
 * user text in backticks; advice goes in `help`, related places in `notes`.
 */
export interface Diagnostic {
  /** One of the registered codes (codes.ts): a code the registry lacks does not compile. */
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly help?: string;
  readonly notes: readonly Note[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * Sorted (as sortDiagnostics) and each problem once: a module that several versions of a set
 * `use` is loaded and checked once per version, and must not report its problem once per version.
 */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return sortDiagnostics(diagnostics).filter((d) => {
    const key = `${d.code}|${d.span.file}|${d.span.start.offset}|${d.span.end.offset}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Stable order: by file, then position, then code — identical on every run and machine. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareCodePoints(a.span.file, b.span.file) ||
      a.span.start.offset - b.span.start.offset ||
      a.span.end.offset - b.span.end.offset ||
      compareCodePoints(a.code, b.code) ||
      compareCodePoints(a.message, b.message),
  );
}
