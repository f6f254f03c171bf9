import type { IToken } from 'chevrotain';

/**
 * Reading the tokens before the cursor for completion: which quantifiers are open around it, and
 * whether it is in a list of actions. The text need not parse; these read tokens only.
 */

/** A quantifier open at the cursor: `count(s in post.strikes where …` with no `)` yet. */
export interface OpenQuantifier {
  readonly binder: string;
  /** The names of the collection's path: `post.strikes` → ["post", "strikes"]. */
  readonly collection: readonly string[];
  /** The cursor is past `where`: the bound name is visible. */
  readonly inWhere: boolean;
}

const QUANTIFIERS: ReadonlySet<string> = new Set(['count', 'any', 'all']);

/** The units of a duration, singular (the plural adds `s`). */
export const UNITS = ['hour', 'day', 'week', 'month', 'year'] as const;

/** The quantifiers whose `(` is still open at the end of `tokens`, outermost first. */
export function openQuantifiers(tokens: readonly IToken[]): OpenQuantifier[] {
  const stack: { quantifier: { binder: string; collection: string[]; inWhere: boolean } | null }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const kind = tokens[i]!.tokenType.name;
    if (kind === 'LParen') {
      const head = tokens[i - 1];
      const binder = tokens[i + 1];
      const quantifier = head && QUANTIFIERS.has(head.image) && binder?.tokenType.name === 'Identifier' && tokens[i + 2]?.tokenType.name === 'In';
      stack.push({ quantifier: quantifier ? { binder: binder!.image, collection: pathAt(tokens, i + 3), inWhere: false } : null });
    } else if (kind === 'RParen') {
      stack.pop();
    } else if (kind === 'Where') {
      const open = stack[stack.length - 1]?.quantifier;
      if (open) open.inWhere = true;
    } else if (isItemStart(kind) && tokens[i - 1]?.tokenType.name !== 'Dot') {
      stack.length = 0; // an unclosed `(` does not reach into the next declaration
    }
  }
  return stack.flatMap((s) => (s.quantifier ? [s.quantifier] : []));
}

/** The tokens that start an item (a `statement` is a name token; completion-statement.ts finds it by its line). */
export const ITEM_STARTS: ReadonlySet<string> = new Set(['Policy', 'Version', 'Effective', 'Source', 'Use', 'Input', 'Enum', 'Record', 'Scale', 'Outcome', 'Context', 'Redline', 'Rule', 'Exemption', 'Default']);

function isItemStart(kind: string): boolean {
  return ITEM_STARTS.has(kind);
}

/** The names of `a.b.c` starting at token `i`. */
function pathAt(tokens: readonly IToken[], i: number): string[] {
  const names: string[] = [];
  for (let j = i; j < tokens.length && isWord(tokens[j]!); j += 2) {
    names.push(tokens[j]!.image);
    if (tokens[j + 1]?.tokenType.name !== 'Dot') break;
  }
  return names;
}

function isWord(token: IToken): boolean {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(token.image);
}

/** The cursor is in the actions of a `then` or `default`. */
export interface ActionList {
  readonly keyword: 'then' | 'default';
  /** The actions named so far, as written: `Content.remove` → { scale: "Content", member: "remove" }. */
  readonly named: readonly { readonly scale: string | null; readonly member: string; readonly timed: boolean }[];
  /**
   * What may come next: an action (after `then`, `default` or a comma), a count (after `for`), a
   * unit (after `for 3`), or what follows a complete action.
   */
  readonly expecting: 'action' | 'count' | 'unit' | 'after-action';
  /** After `for N`: N. */
  readonly count?: number;
}

/** The action list the cursor is in, or null; `timed(scale, member)` says whether an action carries a duration. */
export function actionListAt(tokens: readonly IToken[], timed: (scale: string | null, member: string) => boolean): ActionList | null {
  let start = tokens.length - 1;
  while (start >= 0 && LIST_TOKENS.has(tokens[start]!.tokenType.name)) start--;
  const keyword = tokens[start];
  if (!keyword || (keyword.tokenType.name !== 'Then' && keyword.tokenType.name !== 'Default')) return null;
  const named: { scale: string | null; member: string; timed: boolean }[] = [];
  let expecting: ActionList['expecting'] = 'action';
  let count: number | undefined;
  for (let i = start + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.tokenType.name) {
      case 'Comma':
        expecting = 'action';
        break;
      case 'Dot':
        break;
      case 'For':
        expecting = 'count';
        break;
      case 'IntLiteral':
        expecting = 'unit';
        count = Number(token.image.replace(/_/g, ''));
        break;
      case 'Identifier':
        if (expecting === 'unit') expecting = 'after-action';
        else if (tokens[i + 1]?.tokenType.name === 'Dot') named.push({ scale: token.image, member: '', timed: false });
        else if (tokens[i - 1]?.tokenType.name === 'Dot' && named.length > 0 && named[named.length - 1]!.member === '') {
          const last = named[named.length - 1]!;
          last.member = token.image;
          last.timed = timed(last.scale, token.image);
          expecting = 'after-action';
        } else {
          named.push({ scale: null, member: token.image, timed: timed(null, token.image) });
          expecting = 'after-action';
        }
        break;
      default:
        return null;
    }
  }
  return { keyword: keyword.tokenType.name === 'Then' ? 'then' : 'default', named, expecting, ...(count !== undefined ? { count } : {}) };
}

const LIST_TOKENS: ReadonlySet<string> = new Set(['Identifier', 'Dot', 'Comma', 'For', 'IntLiteral']);
