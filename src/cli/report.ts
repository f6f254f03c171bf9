import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticAnnotation } from '../diagnostics/github.js';
import { diagnosticToJson, renderDiagnostics, summarize } from '../diagnostics/render.js';
import type { CommandContext } from './io.js';

/** How diagnostics are printed: `--format` (src/cli/format-option.ts). */
export type ErrorFormat = 'human' | 'json' | 'github';

export const ERROR_FORMATS: readonly ErrorFormat[] = ['human', 'json', 'github'];

/**
 * Writes diagnostics to stderr (human, with code frames) or stdout (one JSON document, or one
 * GitHub Actions annotation per diagnostic).
 */
export function printDiagnostics(
  ctx: CommandContext,
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  format: ErrorFormat = 'human',
): void {
  if (format === 'github') {
    const workspace = process.env['GITHUB_WORKSPACE'];
    for (const d of diagnostics) ctx.out(diagnosticAnnotation(d, workspace ? { workspace } : {}));
    return;
  }
  if (format === 'json') {
    ctx.out(JSON.stringify({ diagnostics: diagnostics.map(diagnosticToJson) }, null, 2));
    return;
  }
  if (diagnostics.length === 0) return;
  const color = Boolean(ctx.io.stderr.isTTY) && !process.env['NO_COLOR'];
  ctx.err(renderDiagnostics(diagnostics, { sources, color }));
  ctx.err('');
}

export { summarize };
