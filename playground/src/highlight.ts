/**
 * Bylaw highlighting for CodeMirror: a stream tokenizer (tokenizer.ts) over the lexer's own
 * token list (`virtual:bylaw-tokens`, read from src/syntax/tokens.ts when the page is built),
 * and a style for each token. A test holds the token boundaries equal to the real lexer's.
 */
import { HighlightStyle, StreamLanguage, syntaxHighlighting, type StringStream } from '@codemirror/language';
import { tags as t, type Tag } from '@lezer/highlight';
import { KEYWORDS, TOKENS } from 'virtual:bylaw-tokens';
import { tokenizer } from './tokenizer.js';

/** Keywords that start a declaration or a clause and name what follows. */
const DECLARES = new Set(['policy', 'use', 'input', 'enum', 'record', 'scale', 'context', 'redline', 'rule', 'exemption']);
const OPERATOR_WORDS = new Set(['and', 'or', 'not', 'in', 'has']);
const KEYWORD_SET = new Set(KEYWORDS);
const matchToken = tokenizer({ keywords: KEYWORDS, tokens: TOKENS });

/** How each token of the list is shown; tokens not listed (whitespace, the lexer's error tokens) are plain. */
const STYLE: Readonly<Record<string, string>> = {
  Comment: 'comment',
  DateLiteral: 'date',
  IntLiteral: 'number',
  StringLiteral: 'string',
  UnterminatedString: 'string',
  EqualEqual: 'operator',
  NotEqual: 'operator',
  LessEqual: 'operator',
  GreaterEqual: 'operator',
  Less: 'operator',
  Greater: 'operator',
  Equals: 'operator',
  ForeignOperator: 'invalid',
  LBrace: 'brace',
  RBrace: 'brace',
  LParen: 'paren',
  RParen: 'paren',
  Comma: 'separator',
  DotDot: 'operator',
  Dot: 'separator',
  Colon: 'separator',
};

interface State {
  /** The last keyword that names what follows (`rule` → the rule's name), until a name is read. */
  declaring: string | null;
  afterDot: boolean;
}

const language = StreamLanguage.define<State>({
  name: 'bylaw',
  startState: () => ({ declaring: null, afterDot: false }),
  token(stream: StringStream, state: State): string | null {
    if (stream.eatSpace()) return null;
    const match = matchToken(stream.string, stream.pos);
    if (!match) {
      stream.next();
      return 'invalid';
    }
    stream.pos += match.length;
    const { name } = match;
    if (name === 'Dot') {
      state.afterDot = true;
      return 'separator';
    }
    const afterDot = state.afterDot;
    state.afterDot = false;
    if (KEYWORD_SET.has(name) && !afterDot) {
      state.declaring = DECLARES.has(name) ? name : null;
      if (name === 'true' || name === 'false') return 'bool';
      return OPERATOR_WORDS.has(name) ? 'operatorKeyword' : 'keyword';
    }
    if (name === 'Identifier' || KEYWORD_SET.has(name)) {
      const declaring = state.declaring;
      state.declaring = null;
      if (afterDot) return 'propertyName';
      if (declaring === 'enum' || declaring === 'record' || declaring === 'scale') return 'typeName';
      if (declaring === 'policy' || declaring === 'use') return 'namespace';
      if (declaring) return 'definition';
      return 'variableName';
    }
    return STYLE[name] ?? null;
  },
  languageData: { commentTokens: { line: '//' } },
  tokenTable: {
    date: t.special(t.number),
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
  { tag: [t.number, t.special(t.number), t.bool], color: 'var(--hl-number)' },
  { tag: [t.definition(t.variableName)], color: 'var(--hl-definition)', fontWeight: '600' },
  { tag: [t.typeName, t.namespace], color: 'var(--hl-type)' },
  { tag: t.propertyName, color: 'var(--hl-property)' },
  { tag: t.operator, color: 'var(--hl-operator)' },
  { tag: t.invalid, color: 'var(--hl-invalid)', textDecoration: 'underline wavy' },
] satisfies { tag: Tag | Tag[]; [style: string]: unknown }[]);

export const bylaw = [language, syntaxHighlighting(style)];
