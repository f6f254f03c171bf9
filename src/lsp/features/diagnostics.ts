import { resolve } from 'node:path';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../diagnostics/span.js';
import { pathToUri, rangeFromSpan, type LineMap } from '../positions.js';
import type { Analysis } from '../project.js';

/** How the server finds a file's line map to place a span (null: use the span's own line and column). */
export type LinesOf = (path: string) => LineMap | null;

/** A Bylaw diagnostic as the protocol carries it: code, `help` in the message, notes as related locations. */
export function toLspDiagnostic(d: Diagnostic, linesOf: LinesOf): LspDiagnostic {
  const range = (span: Span) => linesOf(resolve(span.file))?.range(span) ?? rangeFromSpan(span);
  const related: DiagnosticRelatedInformation[] = [];
  const extra: string[] = [];
  for (const note of d.notes) {
    if (note.span) related.push({ location: { uri: pathToUri(note.span.file), range: range(note.span) }, message: note.message });
    else extra.push(`note: ${note.message}`);
  }
  if (d.help) extra.push(`help: ${d.help}`);
  const result: LspDiagnostic = {
    range: range(d.span),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: 'bylaw',
    message: [d.message, ...extra].join('\n'),
  };
  if (related.length > 0) result.relatedInformation = related;
  return result;
}

/**
 * The diagnostics of every file the analyses read, by absolute path. A file seen by several
 * targets (a module in two policy sets, the stdlib) reports each problem once.
 */
export function diagnosticsByFile(analyses: readonly Analysis[]): Map<string, LspDiagnostic[]> {
  const byFile = new Map<string, LspDiagnostic[]>();
  const seen = new Set<string>();
  for (const analysis of analyses) {
    const linesOf: LinesOf = (path) => analysis.files.get(path)?.lines ?? null;
    for (const path of analysis.files.keys()) if (!byFile.has(path)) byFile.set(path, []);
    for (const d of analysis.diagnostics()) {
      const file = resolve(d.span.file);
      const key = `${d.code}|${file}|${d.span.start.offset}|${d.span.end.offset}|${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      (byFile.get(file) ?? byFile.set(file, []).get(file)!).push(toLspDiagnostic(d, linesOf));
    }
  }
  return byFile;
}

/**
 * Decides what to publish after a check: every open document (so a clean file is reported clean
 * once), every file with problems, and every file that had problems and has none now (cleared).
 * Unchanged lists are not sent again.
 */
export class DiagnosticsPublisher {
  private readonly published = new Map<string, string>();

  plan(byFile: ReadonlyMap<string, LspDiagnostic[]>, openPaths: Iterable<string>): { path: string; diagnostics: LspDiagnostic[] }[] {
    const open = new Set([...openPaths].map((p) => resolve(p)));
    const paths = new Set([...byFile.keys(), ...this.published.keys(), ...open]);
    const out: { path: string; diagnostics: LspDiagnostic[] }[] = [];
    for (const path of [...paths].sort()) {
      const diagnostics = byFile.get(path) ?? [];
      const key = JSON.stringify(diagnostics);
      const previous = this.published.get(path);
      if (previous === key) continue;
      if (previous === undefined && diagnostics.length === 0 && !open.has(path)) continue;
      out.push({ path, diagnostics });
      if (diagnostics.length === 0 && !open.has(path)) this.published.delete(path);
      else this.published.set(path, key);
    }
    return out;
  }

  /** A closed document that no check reads any more: clear it, once. */
  forget(path: string): boolean {
    return this.published.delete(resolve(path));
  }
}
