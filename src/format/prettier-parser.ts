import type { Parser } from 'prettier';
import type { PolicyFile } from '../ast/nodes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parse } from '../syntax/parse.js';

/**
 * What the plugin hands prettier. The file's comments stay inside `file`, out of prettier's reach:
 * the printer places them itself (prettier would otherwise attach a root `comments` array on its own).
 */
export interface BylawRoot {
  readonly kind: 'BylawRoot';
  readonly file: PolicyFile;
  readonly text: string;
}

export const bylawParser: Parser<BylawRoot> = {
  astFormat: 'bylaw-ast',
  parse(text, options) {
    const file = options.filepath ?? '<input>';
    const { ast, diagnostics } = parse(text, file);
    if (!ast) throw syntaxError(diagnostics);
    return { kind: 'BylawRoot', file: ast, text };
  },
  // Prettier only asks about the root: the printer handles everything below it, comments included.
  locStart: (root) => root.file.span.start.offset,
  locEnd: (root) => root.file.span.end.offset,
};

/**
 * A syntax error the way prettier's own parsers throw one: a SyntaxError whose `loc` holds 1-based
 * `start` and `end` positions. Prettier then prints `file: SyntaxError: message (line:column)`
 * and its code frame, and no stack trace (it prints the stack of any error without `loc`).
 */
export function syntaxError(diagnostics: readonly Diagnostic[]): SyntaxError {
  const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0]!;
  const at = (d: Diagnostic) => `${d.span.start.line}:${d.span.start.column}`;
  const lines = [`${first.code}: ${first.message} (${at(first)})`];
  if (first.help !== undefined) lines.push(`  help: ${first.help}`);
  for (const d of diagnostics) if (d !== first) lines.push(`  also ${d.code} at ${at(d)}: ${d.message}`);
  const { start, end } = first.span;
  return Object.assign(new SyntaxError(lines.join('\n')), {
    loc: { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } },
  });
}
