import { InvalidArgumentError } from 'commander';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticToJson, renderDiagnostics, summarize } from '../diagnostics/render.js';
import type { CommandContext } from './io.js';

export type ErrorFormat = 'human' | 'json';

export function parseErrorFormat(value: string): ErrorFormat {
  if (value === 'human' || value === 'json') return value;
  throw new InvalidArgumentError(`unknown error format \`${value}\` (use human or json)`);
}

/** Writes diagnostics to stderr (human, with code frames) or stdout (one JSON document). */
export function printDiagnostics(
  ctx: CommandContext,
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  format: ErrorFormat = 'human',
): void {
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
