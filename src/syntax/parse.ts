import type { IRecognitionException, IToken } from 'chevrotain';
import type { Comment, PolicyFile } from '../ast/nodes.js';
import { DiagnosticBag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineIndex, Span } from '../diagnostics/span.js';
import { lex, tokenSpan } from './lexer.js';
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
  const { tokens, comments, lines } = lex(text, file, bag);
  parser.input = tokens;
  const cst = parser.file();
  for (const error of parser.errors) reportParseError(error, file, lines, tokens, bag);
  if (bag.hasErrors) return { ast: null, diagnostics: bag.items };
  const commentNodes: Comment[] = comments.map((c) => ({ text: c.image, span: tokenSpan(lines, file, c) }));
  const ast = toAst(cst, file, lines, bag, commentNodes, text);
  return { ast: bag.hasErrors ? null : ast, diagnostics: bag.items };
}

function reportParseError(error: IRecognitionException, file: string, lines: LineIndex, tokens: IToken[], bag: DiagnosticBag): void {
  const token = error.token;
  let span: Span;
  if (token.tokenType.name === 'EOF' || Number.isNaN(token.startOffset)) {
    // At the end of input point just past the last token, where the missing piece belongs. The
    // span is empty (it used to reach one character past the end of the file); the renderer
    // still draws one `^` there.
    const last = tokens[tokens.length - 1];
    const end = last ? tokenSpan(lines, file, last).end : { offset: 0, line: 1, column: 1 };
    span = { file, start: end, end };
  } else {
    span = tokenSpan(lines, file, token);
  }
  bag.report('BL002', error.message, span, { help: parseHelp(error) });
}

function parseHelp(error: IRecognitionException): string | undefined {
  const image = error.token.image;
  if (image === '=') return '`=` names a context; to compare two values write `==`';
  if (error.message.includes('`then`') && image === 'because') return 'every clause needs `then ACTION` before `because`';
  if (error.message.startsWith('expected `when`') && image === 'then') return 'every clause needs a `when` condition';
  if (error.message.startsWith('expected `}`') && error.token.tokenType.name === 'Identifier') {
    return 'separate the items with `,`';
  }
  return undefined;
}
