/// <reference types="vite/client" />

declare module 'virtual:bylaw-tokens' {
  /** src/syntax/tokens.ts's KEYWORDS. */
  export const KEYWORDS: readonly string[];
  /** src/syntax/tokens.ts's allTokens, in the lexer's order; a function pattern (names, keywords) is null. */
  export const TOKENS: readonly { readonly name: string; readonly pattern: { readonly source: string; readonly flags: string } | null }[];
}
