import type { TextEdit } from 'vscode-languageserver';
import type { LineMap } from '../positions.js';

export type FormatOutcome = { readonly edits: TextEdit[] } | { readonly error: string };

/**
 * Formats a whole document with Bylaw's formatter (the layout of `bylaw fmt`): one edit replacing
 * the text; none when it is already canonical or does not parse (the diagnostics already say why).
 * The formatter, and prettier with it, is loaded on the first request.
 */
export async function formatDocument(text: string, path: string, lines: LineMap, printWidth?: number): Promise<FormatOutcome> {
  const { formatPolicy } = await import('../../format/format.js');
  const result = await formatPolicy(text, path, printWidth ? { printWidth } : {});
  if (result.kind === 'syntax-error') return { edits: [] };
  if (result.kind === 'internal-error') return { error: result.message };
  if (!result.changed) return { edits: [] };
  return { edits: [{ range: { start: lines.positionAt(0), end: lines.positionAt(text.length) }, newText: result.text }] };
}
