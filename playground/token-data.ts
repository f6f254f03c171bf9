/**
 * The lexer's token list (src/syntax/tokens.ts) as plain data, for the page's highlighter: read
 * at build time by vite.config.ts (the page gets it without Chevrotain) and by the tokenizer's test.
 */
import { UNITS } from '../src/checker/outcomes.js';
import { allTokens, CONTEXTUAL_WORDS, declarationTokens, KEYWORDS } from '../src/syntax/tokens.js';
import type { TokenData } from './src/tokenizer.js';

/** A token's word when its label is one (`statement` for the label `` `statement` ``). */
const wordOf = (label: string | undefined) => /^`([a-z]+)`$/.exec(label ?? '')?.[1] ?? null;

export function tokenData(): TokenData {
  const tokens = allTokens
    .filter((t) => t.PATTERN !== undefined)
    .map((t) => {
      const p = t.PATTERN;
      const pattern =
        typeof p === 'string'
          ? { source: p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags: '' }
          : p instanceof RegExp
            ? { source: p.source, flags: p.flags }
            : null;
      return { name: t.name, pattern };
    });
  // Words with a token of their own that are not keywords (`statement`): matched by a function too.
  const words = allTokens
    .filter((t) => typeof t.PATTERN === 'function' && wordOf(t.LABEL) !== null && !KEYWORDS.includes(wordOf(t.LABEL)!))
    .map((t) => ({ word: wordOf(t.LABEL)!, name: t.name }));
  return {
    keywords: KEYWORDS,
    tokens,
    words,
    declarations: declarationTokens.map((t) => wordOf(t.LABEL)!),
    contextual: CONTEXTUAL_WORDS,
    units: Object.keys(UNITS),
  };
}
