import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parse } from '../syntax/parse.js';
import { astDifference } from './ast-equal.js';

export interface FormatOptions {
  /** The line width the layout aims for; 100 unless set. */
  readonly printWidth?: number;
}

export type FormatResult =
  | { readonly kind: 'formatted'; readonly text: string; readonly changed: boolean }
  | { readonly kind: 'syntax-error'; readonly diagnostics: readonly Diagnostic[] }
  /** The formatter would have changed the policy's meaning: a bug in the formatter, never the user's. */
  | { readonly kind: 'internal-error'; readonly message: string };

/**
 * Formats one policy into the canonical layout. Safe: the output is parsed again and must give the
 * same tree (and the same comments, in order) as the input; otherwise the result is an internal
 * error and the caller must write nothing.
 */
export async function formatPolicy(text: string, file: string, options: FormatOptions = {}): Promise<FormatResult> {
  const before = parse(text, file);
  if (!before.ast) return { kind: 'syntax-error', diagnostics: before.diagnostics };
  // prettier (a peer dependency) and the plugin load on first use: importing 'bylaw' or running
  // `bylaw lsp` does not pay for them until something is formatted.
  const [{ format }, { default: plugin }] = await Promise.all([import('prettier'), import('./prettier-plugin.js')]);
  const formatted = await format(text, {
    parser: 'bylaw',
    plugins: [plugin],
    filepath: file,
    printWidth: options.printWidth ?? 100,
    endOfLine: 'lf',
  });
  const after = parse(formatted, file);
  const difference = after.ast ? astDifference(before.ast, after.ast) : 'the output does not parse';
  if (difference !== null) {
    return { kind: 'internal-error', message: `formatting \`${file}\` would change the policy (at ${difference}); nothing was written` };
  }
  return { kind: 'formatted', text: formatted, changed: formatted !== text };
}
