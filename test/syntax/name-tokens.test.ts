/**
 * Names and keywords are lexed by matchers that read ASCII by character code (tokens.ts, for
 * start-up); the language defines them as `[\p{L}_][\p{L}\p{N}_]*` and `word(?![\p{L}\p{N}_])`.
 * Here the matchers are held to those regexes on any mix of ASCII, non-ASCII letters, digits and
 * marks, astral characters and lone surrogates, at every offset.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/codes.js';
import { lex } from '../../src/syntax/lexer.js';
import { allTokens, Identifier, KEYWORDS, Statement } from '../../src/syntax/tokens.js';

type Matcher = (text: string, offset: number) => [string] | RegExpExecArray | null;

const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;
const PIECES = ['a', 'z', 'A', 'Z', '_', '0', '9', ' ', '-', '.', '(', 'é', 'ß', 'Ω', '日', 'ª', '²', '٣', '\u0301', '\u200d', '\u00a0', '😀', '𝐀', '\ud835', '\udc00', 'and', 'or', 'not', 'in', 'statement', 'true'];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((parts) => parts.join(''));

function regexMatch(regex: RegExp, text: string, offset: number): string | null {
  regex.lastIndex = offset;
  return regex.exec(text)?.[0] ?? null;
}

function matcherOf(word: string): Matcher {
  const token = allTokens.find((t) => t.LABEL === `\`${word}\``);
  if (!token || typeof token.PATTERN !== 'function') throw new Error(`no custom matcher for \`${word}\``);
  return token.PATTERN as Matcher;
}

describe('name and keyword matchers', () => {
  it('a name is what `[\\p{L}_][\\p{L}\\p{N}_]*` matches, at every offset', () => {
    const match = Identifier.PATTERN as Matcher;
    fc.assert(
      fc.property(texts, (text) => {
        for (let offset = 0; offset <= text.length; offset++) {
          expect(match(text, offset)?.[0] ?? null).toBe(regexMatch(NAME, text, offset));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a keyword is what `word(?![\\p{L}\\p{N}_])` matches, at every offset', () => {
    const words = [...KEYWORDS, 'statement'];
    expect(matcherOf('statement')).toBe(Statement.PATTERN);
    const checks = words.map((word) => ({ match: matcherOf(word), regex: new RegExp(`${word}(?![\\p{L}\\p{N}_])`, 'uy') }));
    fc.assert(
      fc.property(texts, (text) => {
        for (let offset = 0; offset <= text.length; offset++) {
          for (const { match, regex } of checks) expect(match(text, offset)?.[0] ?? null).toBe(regexMatch(regex, text, offset));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a keyword followed by a non-ASCII letter, digit or astral letter is a name', () => {
    for (const text of ['andé', 'not٣', 'in𝐀', 'statementß', 'or_']) {
      const { tokens } = lex(text, 'x.policy', new DiagnosticBag());
      expect(tokens.map((t) => [t.tokenType.name, t.image])).toEqual([['Identifier', text]]);
    }
    const { tokens } = lex('and é', 'x.policy', new DiagnosticBag());
    expect(tokens.map((t) => [t.tokenType.name, t.image])).toEqual([['And', 'and'], ['Identifier', 'é']]);
  });
});
