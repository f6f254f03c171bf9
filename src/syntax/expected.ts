import { EOF, type IParserErrorMessageProvider, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import { expectedFound } from '../diagnostics/messages/bl0.js';
import * as T from './tokens.js';

/**
 * What the parser expected where it failed, kept beside each error (`expectedOf`): the advice in
 * parse-errors.ts reads this record, never the message text built from it.
 */
export interface Expected {
  /**
   * `declaration`: what may start a declaration (also what "expected EOF" means at the top level);
   * `condition`: the start of a condition; `tokens`: the token types in `types`; `other`: a
   * rule's own description of its alternatives (a statement's parts).
   */
  readonly what: 'declaration' | 'condition' | 'tokens' | 'other';
  /** For `tokens`: the types the message names, distinct by label, in its order (at most six). */
  readonly types: readonly TokenType[];
  /** The keywords the message names: what did-you-mean for a misspelt keyword chooses from. */
  readonly keywords: readonly string[];
  /** The words after "expected" in the message. */
  readonly text: string;
}

/** The token the parser found instead, as a parse error names it: its text, or null at the end of the file. */
const foundText = (token: IToken): string | null => (token.tokenType === EOF ? null : token.image);
const label = (type: TokenType): string => type.LABEL ?? type.name;

/** At most this many alternatives are named ("`a`, `b` … or …"). */
const MAX_LISTED = 6;

export const DECLARATION = 'a declaration (`rule`, `redline`, `exemption`, `context`, `enum`, `record`, `use`, …)';
/** The descriptions (ERR_MSG) of the rules a condition starts in. */
export const CONDITION = 'a condition';
export const CONDITION_ATOM = 'a condition (a name, a field, a literal or `(`)';

/** The keywords that start a declaration: what "a declaration" in the messages stands for. */
export const DECLARATION_KEYWORDS: readonly string[] = T.declarationTokens.map((t) => label(t).replace(/`/g, ''));

/** The keywords and contextual words written in backticks in a label or a rule's description. */
function keywordsIn(text: string): string[] {
  return [...text.matchAll(/`([a-z]+)`/g)].map((m) => m[1]!).filter((word) => T.KEYWORDS.includes(word) || T.CONTEXTUAL_WORDS.includes(word));
}

const declaration: Expected = { what: 'declaration', types: [], keywords: DECLARATION_KEYWORDS, text: DECLARATION };

function described(description: string): Expected {
  if (description === DECLARATION) return declaration;
  const what = description === CONDITION || description === CONDITION_ATOM ? 'condition' : 'other';
  return { what, types: [], keywords: keywordsIn(description), text: description };
}

function tokens(types: readonly TokenType[]): Expected {
  const byLabel = new Map<string, TokenType>();
  for (const type of types) if (!byLabel.has(label(type))) byLabel.set(label(type), type);
  const listed = [...byLabel.values()].slice(0, MAX_LISTED);
  const labels = listed.map(label);
  let text: string;
  if (labels.length <= 1) text = labels[0] ?? 'something else';
  else if (byLabel.size > MAX_LISTED) text = `${labels.join(', ')} or …`;
  else text = `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
  return { what: 'tokens', types: listed, keywords: labels.flatMap(keywordsIn), text };
}

interface Filed {
  readonly expected: Expected;
  readonly found: string | null;
}

/** The expectation of the error being built: the message provider sets it, `recordExpected` files it. */
let pending: Filed | null = null;
const expectations = new WeakMap<IRecognitionException, Filed>();

function message(expected: Expected, actual: IToken): string {
  pending = { expected, found: foundText(actual) };
  return expectedFound(expected.text, pending.found);
}

/** Messages in Bylaw's voice: "expected `then`, found `because`". */
export const messages: IParserErrorMessageProvider = {
  // At the top level the only thing that may follow a complete declaration is another one (or the
  // end of the file): "expected EOF" there really means "this cannot start a declaration".
  buildMismatchTokenMessage: ({ expected, actual }) => message(expected === EOF ? declaration : tokens([expected]), actual),
  // Same situation as a mismatch with EOF above, reached by another path: say it the same way.
  buildNotAllInputParsedMessage: ({ firstRedundant }) => message(declaration, firstRedundant),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual, customUserDescription }) =>
    message(customUserDescription !== undefined ? described(customUserDescription) : tokens(expectedPathsPerAlt.flatMap((alt) => alt.map((path) => path[0]!))), actual[0]!),
  buildEarlyExitMessage: ({ expectedIterationPaths, actual, customUserDescription }) =>
    message(customUserDescription !== undefined ? described(customUserDescription) : tokens(expectedIterationPaths.map((path) => path[0]!)), actual[0]!),
};

/** Files the expectation whose message `error` carries (the parser calls this as it records an error). */
export function recordExpected(error: IRecognitionException): void {
  if (pending) expectations.set(error, pending);
  pending = null;
}

const unknown: Expected = { what: 'other', types: [], keywords: [], text: 'something else' };

/** What the parser expected where `error` was raised. */
export function expectedOf(error: IRecognitionException): Expected {
  return expectations.get(error)?.expected ?? unknown;
}

/** The token the parser found where `error` was raised, as its message names it (null: the end of the file). */
export function foundOf(error: IRecognitionException): string | null {
  const filed = expectations.get(error);
  return filed ? filed.found : Number.isNaN(error.token.startOffset) ? null : foundText(error.token);
}

/** The parser expected exactly one of `types` (and nothing else). */
export function expectsOnly(expected: Expected, ...types: TokenType[]): boolean {
  return expected.what === 'tokens' && expected.types.length === 1 && types.includes(expected.types[0]!);
}

/** The first thing the parser expected is `type` (other alternatives may follow). */
export function expectsFirst(expected: Expected, type: TokenType): boolean {
  return expected.what === 'tokens' && expected.types[0] === type;
}
