import type { TextEdit } from 'vscode-languageserver';
import type { LineMap } from '../positions.js';

/** The formatter's entry point (src/format/format.ts), loaded on first use: prettier is large. */
interface Formatter {
  formatPolicy(
    text: string,
    file: string,
    options?: { printWidth?: number },
  ): Promise<{ kind: 'formatted'; text: string; changed: boolean } | { kind: 'syntax-error' } | { kind: 'internal-error'; message: string }>;
}

const FORMATTER_MODULE = '../../format/format.js';
let formatter: Promise<Formatter | null> | null = null;

/** The formatter, or null when this build has none. */
export function loadFormatter(): Promise<Formatter | null> {
  formatter ??= import(/* @vite-ignore */ FORMATTER_MODULE).then(
    (module: Partial<Formatter>) => (typeof module.formatPolicy === 'function' ? (module as Formatter) : null),
    () => null,
  );
  return formatter;
}

export type FormatOutcome = { readonly edits: TextEdit[] } | { readonly error: string };

/**
 * Formats a whole document with Bylaw's formatter: one edit replacing the text, none when it is
 * already canonical or does not parse (the diagnostics already say why).
 */
export async function formatDocument(text: string, path: string, lines: LineMap, printWidth?: number): Promise<FormatOutcome> {
  const format = await loadFormatter();
  if (!format) return { error: 'this build of bylaw has no formatter' };
  const result = await format.formatPolicy(text, path, printWidth ? { printWidth } : {});
  if (result.kind === 'syntax-error') return { edits: [] };
  if (result.kind === 'internal-error') return { error: result.message };
  if (!result.changed) return { edits: [] };
  return { edits: [{ range: { start: lines.positionAt(0), end: lines.positionAt(text.length) }, newText: result.text }] };
}
