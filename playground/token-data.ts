/**
 * The lexer's token list (src/syntax/tokens.ts) as plain data, for the page's highlighter: read
 * at build time by vite.config.ts (the page gets it without Chevrotain) and by the tokenizer's test.
 */
import { allTokens, KEYWORDS } from '../src/syntax/tokens.js';
import type { TokenData } from './src/tokenizer.js';

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
  return { keywords: KEYWORDS, tokens };
}
