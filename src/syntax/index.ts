export { parse, type ParseResult } from './parse.js';
export { KEYWORDS } from './tokens.js';
export { MAX_NESTING } from './lexer.js';
