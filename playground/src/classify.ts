/**
 * What each token of a line is, for the highlighter (highlight.ts gives CodeMirror the styles):
 * the lexer's tokens (tokenizer.ts) and the little context a token needs — the keyword before a
 * name (`rule NAME`), a dot before a field, a `statement` declaration, a count before a unit.
 * No CodeMirror here, so a test runs it over every policy in Node.
 */
import { tokenizer, type TokenData } from './tokenizer.js';

/** Keywords that start a declaration or a clause and name what follows. */
const DECLARES = new Set(['policy', 'use', 'input', 'enum', 'record', 'scale', 'outcome', 'context', 'redline', 'rule', 'exemption']);
const OPERATOR_WORDS = new Set(['and', 'or', 'not', 'in', 'has', 'exists']);
/** The quantifiers, names the parser reads before `(` (`count(s in post.strikes where …)`). */
const QUANTIFIERS = new Set(['count', 'any', 'all']);
/** Type constructors, names the parser reads before `<` (`list<Strike>`, `set<Category>`). */
const COLLECTIONS = new Set(['list', 'set']);
/** Tokens after which a name is an operand, never a declaration's start (`when a and\n statement`). */
const EXPECTS_OPERAND = new Set(['and', 'or', 'not', 'when', 'unless', 'in', 'has', 'where', 'then', 'default', 'from', 'except', 'use', 'context', 'Comma', 'Colon', 'Equals', 'EqualEqual', 'NotEqual', 'Less', 'Greater', 'LessEqual', 'GreaterEqual', 'ArithmeticOperator']);

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
  QuestionMark: 'operator',
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

export interface HighlightState {
  /** The last keyword that names what follows (`rule` → the rule's name), until a name is read. */
  declaring: string | null;
  afterDot: boolean;
  /** Inside a `statement` declaration, where `category`, `ground`, `notice`, … are keywords. */
  statement: boolean;
  /** Braces and parentheses open. */
  depth: number;
  /** The previous token: a keyword by its word, any other by its token name. */
  prev: string | null;
  /** The previous token's text. */
  prevText: string | null;
}

export interface Classified {
  readonly length: number;
  /** A style name of highlight.ts's table, or null for plain text. */
  readonly style: string | null;
}

export function classifier(data: TokenData): { start(): HighlightState; token(line: string, at: number, state: HighlightState): Classified } {
  const matchToken = tokenizer(data);
  const keywords = new Set(data.keywords);
  const declarations = new Set(data.declarations);
  const contextual = new Set(data.contextual);
  const units = new Set(data.units);
  const statementWord = data.words.find((w) => w.word === 'statement')?.name ?? 'Statement';

  function style(line: string, at: number, end: number, name: string, text: string, state: HighlightState): string | null {
    const rest = line.slice(end);
    const lineStart = line.slice(0, at).trim() === '';
    const afterDot = state.afterDot;
    state.afterDot = false;
    const prev = state.prev;
    if (name === 'Dot') {
      state.afterDot = true;
      return 'separator';
    }
    if (name === 'LBrace' || name === 'LParen') state.depth++;
    if ((name === 'RBrace' || name === 'RParen') && state.depth > 0) state.depth--;
    // A declaration at the start of a line ends a `statement` (`statement version …` does not).
    if (lineStart && state.depth === 0 && declarations.has(name) && !afterDot) state.statement = false;
    if (name === statementWord && !afterDot && lineStart && state.depth === 0 && !EXPECTS_OPERAND.has(prev ?? '') && !/^\s*[:.=]/.test(rest)) {
      state.statement = true;
      state.declaring = null;
      return 'keyword';
    }
    if (keywords.has(name) && !afterDot) {
      state.declaring = DECLARES.has(name) ? name : null;
      if (name === 'true' || name === 'false') return 'bool';
      return OPERATOR_WORDS.has(name) ? 'operatorKeyword' : 'keyword';
    }
    if (name === 'ArithmeticOperator') {
      // `post.date - 90 days`: a date moved by a duration; any other arithmetic is an error.
      return (text === '+' || text === '-') && /^\s*\d[\d_]*\s+[\p{L}_]/u.test(rest) ? 'operator' : 'invalid';
    }
    if (name === 'Identifier' || name === statementWord || keywords.has(name)) {
      const declaring = state.declaring;
      state.declaring = null;
      if (afterDot) return 'propertyName';
      if (prev === 'IntLiteral' && units.has(text)) return 'unit';
      if (prev === 'has' && (text === 'any' || text === 'all')) return 'operatorKeyword';
      if (QUANTIFIERS.has(text) && /^\s*\(/.test(rest)) return 'keyword';
      if (COLLECTIONS.has(text) && /^\s*</.test(rest)) return 'typeName';
      if (state.statement && !/^\s*:/.test(rest)) {
        if (contextual.has(text) || (prev === 'Identifier' && state.prevText === 'ground')) return 'keyword';
        // The database's keys: `DECISION_ACCOUNT_SUSPENDED`, `KEYWORD_HATE_SPEECH`.
        if (/^[A-Z][A-Z0-9_]*$/.test(text)) return 'atom';
      }
      if (declaring === 'enum' || declaring === 'record' || declaring === 'scale') return 'typeName';
      if (declaring === 'policy' || declaring === 'use') return 'namespace';
      if (declaring) return 'definition';
      return 'variableName';
    }
    return STYLE[name] ?? null;
  }

  return {
    start: () => ({ declaring: null, afterDot: false, statement: false, depth: 0, prev: null, prevText: null }),
    token(line, at, state) {
      const match = matchToken(line, at);
      if (!match) return { length: 1, style: 'invalid' };
      const text = line.slice(at, at + match.length);
      const result = { length: match.length, style: style(line, at, at + match.length, match.name, text, state) };
      if (match.name !== 'WhiteSpace' && match.name !== 'Comment') {
        state.prev = match.name;
        state.prevText = text;
      }
      return result;
    },
  };
}
