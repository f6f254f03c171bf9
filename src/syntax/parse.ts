import type { CstNode, IRecognitionException, IToken } from 'chevrotain';
import type { Comment, PolicyFile } from '../ast/nodes.js';
import { DiagnosticBag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { lex, tokenSpan } from './lexer.js';
import { reportParseErrors } from './parse-errors.js';
import { parser, strictParser } from './parser.js';
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
  const { cst, errors } = parseTokens(tokens);
  reportParseErrors(errors, { file, text, lines, tokens, dropped, bag });
  if (bag.hasErrors) return { ast: null, diagnostics: bag.items };
  const commentNodes: Comment[] = comments.map((c) => ({ text: c.image, span: tokenSpan(lines, file, c) }));
  const ast = toAst(cst, file, lines, bag, commentNodes, text);
  return { ast: bag.hasErrors ? null : ast, diagnostics: bag.items };
}

/**
 * Chevrotain's recovery from an error walks the grammar once for every rule open at that point:
 * inside brackets nested close to MAX_NESTING (an unclosed `(` near the limit) that exhausted the
 * stack, which nesting without an error never does. Then the file is parsed again by a parser that
 * stops at the first error: one error instead of all of them, never a crash.
 */
function parseTokens(tokens: IToken[]): { cst: CstNode; errors: IRecognitionException[] } {
  try {
    parser.input = tokens;
    return { cst: parser.file(), errors: parser.errors };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const strict = strictParser();
    strict.input = tokens;
    return { cst: strict.file(), errors: strict.errors };
  }
}
