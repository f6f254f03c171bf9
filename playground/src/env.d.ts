/// <reference types="vite/client" />

declare module 'virtual:bylaw-tokens' {
  import type { TokenData } from './tokenizer.js';
  /** src/syntax/tokens.ts's KEYWORDS. */
  export const KEYWORDS: TokenData['keywords'];
  /** src/syntax/tokens.ts's allTokens, in the lexer's order; a function pattern (names, keywords) is null. */
  export const TOKENS: TokenData['tokens'];
  /** Words with a token of their own that are not keywords (`statement`). */
  export const WORDS: TokenData['words'];
  /** The words that start a declaration. */
  export const DECLARATIONS: TokenData['declarations'];
  /** Keywords only inside a `statement` declaration. */
  export const CONTEXTUAL: TokenData['contextual'];
  /** The units of a duration. */
  export const UNITS: TokenData['units'];
}
