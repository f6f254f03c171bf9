export { parse, type ParseResult } from './parse.js';
export { KEYWORDS } from './tokens.js';
export { isValidIsoDate } from './to-ast.js';
export { MAX_NESTING } from './lexer.js';
