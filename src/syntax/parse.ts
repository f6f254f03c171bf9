import type { Comment, PolicyFile } from '../ast/nodes.js';
import { DiagnosticBag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { lex, tokenSpan } from './lexer.js';
import { reportParseErrors } from './parse-errors.js';
import { parser } from './parser.js';
import { toAst } from './to-ast.js';

export interface ParseResult {
  /** Null when the file has syntax errors; every error is in `diagnostics`. */
  readonly ast: PolicyFile | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses one file. Never throws on any input: every problem is a diagnostic with a span in the file. */
export function parse(text: string, file: string): ParseResult {
  const bag = new DiagnosticBag();
  const { tokens, comments, lines, dropped } = lex(text, file, bag);
  parser.input = tokens;
  const cst = parser.file();
  reportParseErrors(parser.errors, { file, text, lines, tokens, dropped, bag });
  if (bag.hasErrors) return { ast: null, diagnostics: bag.items };
  const commentNodes: Comment[] = comments.map((c) => ({ text: c.image, span: tokenSpan(lines, file, c) }));
  const ast = toAst(cst, file, lines, bag, commentNodes, text);
  return { ast: bag.hasErrors ? null : ast, diagnostics: bag.items };
}
