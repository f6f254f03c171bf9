import type { Parser } from 'prettier';
import type { PolicyFile } from '../ast/nodes.js';
import { renderDiagnostics } from '../diagnostics/render.js';
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
    // Prettier prints the message of what a parser throws: show our diagnostics with code frames.
    if (!ast) throw new Error(renderDiagnostics(diagnostics, { sources: new Map([[file, text]]) }));
    return { kind: 'BylawRoot', file: ast, text };
  },
  // Prettier only asks about the root: the printer handles everything below it, comments included.
  locStart: (root) => root.file.span.start.offset,
  locEnd: (root) => root.file.span.end.offset,
};
