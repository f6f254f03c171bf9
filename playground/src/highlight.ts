/**
 * Bylaw highlighting for CodeMirror: a stream language over classify.ts, which reads the lexer's
 * own token list (`virtual:bylaw-tokens`, read from src/syntax/tokens.ts when the page is built),
 * and a style for each kind of token. A test holds the token boundaries equal to the real lexer's.
 */
import { HighlightStyle, StreamLanguage, syntaxHighlighting, type StringStream } from '@codemirror/language';
import { classHighlighter, tags as t, type Tag } from '@lezer/highlight';
import { CONTEXTUAL, DECLARATIONS, KEYWORDS, TOKENS, UNITS, WORDS } from 'virtual:bylaw-tokens';
import { classifier, type HighlightState } from './classify.js';

const classify = classifier({ keywords: KEYWORDS, tokens: TOKENS, words: WORDS, declarations: DECLARATIONS, contextual: CONTEXTUAL, units: UNITS });

const language = StreamLanguage.define<HighlightState>({
  name: 'bylaw',
  startState: classify.start,
  token(stream: StringStream, state: HighlightState): string | null {
    if (stream.eatSpace()) return null;
    const { length, style } = classify.token(stream.string, stream.pos, state);
    stream.pos += length;
    return style;
  },
  languageData: { commentTokens: { line: '//' } },
  tokenTable: {
    date: t.special(t.number),
    unit: t.unit,
    atom: t.atom,
    definition: t.definition(t.variableName),
    brace: t.brace,
    paren: t.paren,
    separator: t.separator,
    operatorKeyword: t.operatorKeyword,
  },
});

const style = HighlightStyle.define([
  { tag: t.comment, color: 'var(--hl-comment)', fontStyle: 'italic' },
  { tag: t.keyword, color: 'var(--hl-keyword)', fontWeight: '600' },
  { tag: t.operatorKeyword, color: 'var(--hl-operator)', fontWeight: '600' },
  { tag: [t.string], color: 'var(--hl-string)' },
  { tag: [t.number, t.special(t.number), t.unit, t.bool], color: 'var(--hl-number)' },
  { tag: t.atom, color: 'var(--hl-type)' },
  { tag: [t.definition(t.variableName)], color: 'var(--hl-definition)', fontWeight: '600' },
  { tag: [t.typeName, t.namespace], color: 'var(--hl-type)' },
  { tag: t.propertyName, color: 'var(--hl-property)' },
  { tag: t.operator, color: 'var(--hl-operator)' },
  { tag: t.invalid, color: 'var(--hl-invalid)', textDecoration: 'underline wavy' },
] satisfies { tag: Tag | Tag[]; [style: string]: unknown }[]);

// The colours, and stable class names (`tok-keyword`, `tok-atom`) that say what a token is.
export const bylaw = [language, syntaxHighlighting(style), syntaxHighlighting(classHighlighter)];
