import { hiddenChar } from '../unicode.js';
import { code, type Built } from './common.js';

/** Syntax (BL0xx). Text quoted from the file (a token, an escape) is an argument. */
export const BL0 = {
  /** `blockComment`: the `/*` of a block comment, which Bylaw has not. */
  BL001: (a: { char: string; blockComment: boolean }): Built => ({
    message: `unexpected character ${code(printable(a.char))}`,
    help: a.blockComment ? 'Bylaw has no block comments: start each comment line with `//`' : unexpectedCharHelp(a.char),
  }),
  BL003: (): Built => ({ message: 'unterminated string', help: 'close the string with `"` on the same line; write a line break as `\\n`' }),
  /** `escape`: the character after the backslash. */
  BL004: (a: { escape: string }): Built => ({
    message: `invalid escape \`\\${a.escape}\` in string`,
    help: 'valid escapes are `\\n`, `\\t`, `\\r`, `\\0`, `\\"`, `\\\\` and `\\u{…}`',
  }),
  BL005: (a: { date: string }): Built => ({
    message: `${code(a.date)} is not a calendar date`,
    help: 'dates are written `YYYY-MM-DD`, with a month from 01 to 12 and a day that exists in that month',
  }),
  BL006: (a: { kind: 'malformed' | 'too-large'; raw: string }): Built =>
    a.kind === 'malformed'
      ? { message: `invalid integer literal ${code(a.raw)}`, help: 'write digits with single `_` between groups, e.g. `100_000`, and no leading zeros' }
      : {
          message: `integer literal ${code(a.raw)} is too large`,
          help: `integers must lie between ${Number.MIN_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`,
        },
  /** Nesting past a limit (`max`): of an expression, of records, of contexts through the contexts they use. */
  BL007: (
    a:
      | { readonly kind: 'expression'; readonly max: number }
      | { readonly kind: 'record'; readonly record: string; readonly max: number }
      | { readonly kind: 'context'; readonly context: string; readonly depth: number; readonly max: number },
  ): Built => {
    if (a.kind === 'expression') return { message: `expression nested more than ${a.max} levels deep`, help: 'split the condition into named contexts' };
    if (a.kind === 'record') {
      return {
        message: `record ${code(a.record)} is nested more than ${a.max} records deep`,
        help: 'a record inside a record inside … a hundred levels is not a post; flatten the fields into fewer records',
      };
    }
    return {
      message: `context ${code(a.context)} is nested ${a.depth} levels deep through the contexts it uses, more than ${a.max}`,
      help: 'a chain of contexts each using the one before nests one level per link; write it as fewer, wider contexts (`a and b and c`)',
    };
  },
  /** `bytes`: the first invalid sequence (`0xC3 0x28`), `length` its bytes, at `offset`; `more` other sequences, `capped` when counting stopped. */
  BL009: (a: { bytes: string; length: number; offset: number; more: number; capped: boolean }): Built => ({
    message: `invalid UTF-8: byte${a.length === 1 ? '' : 's'} ${a.bytes} at byte offset ${a.offset}`,
    notes: a.more > 0 ? [{ message: `${a.more}${a.capped ? ' or more' : ''} more invalid sequence${a.more === 1 ? '' : 's'} in the file` }] : [],
    help: 'save the file as UTF-8: Bylaw reads policies as UTF-8 and does not guess (from Windows-1252, e.g. `iconv -f WINDOWS-1252 -t UTF-8`)',
  }),
  /** `joiner`: the `and` or `or` written between them, if that is what was written; `clause`: after `then` (else `default`). */
  BL016: (a: { joiner: string | null; keyword: string; actions: readonly string[]; clause: boolean }): Built => {
    // One line of hundreds of names is not a list of actions worth printing in full.
    const list = [...a.actions.slice(0, 8), ...(a.actions.length > 8 ? ['…'] : [])].join(', ');
    return {
      message: `actions are separated by commas${a.joiner === null ? '' : `, not ${code(a.joiner)}`}`,
      help: `write \`${a.keyword} ${list}\`: one action for each outcome ${a.clause ? 'the clause decides' : 'of the version'}`,
    };
  },
  /** `use`: the operator Bylaw writes instead, if it has one. */
  BL008: (a: { operator: string; use: string | null }): Built => ({
    message: `${code(a.operator)} is not an operator in Bylaw`,
    help:
      a.use !== null
        ? `use ${code(a.use)}`
        : a.operator === '=>'
          ? 'Bylaw has no implication; write `A => B` as `not A or B`'
          : 'conditions use `and`, `or`, `not`, `==`, `!=`, `<`, `<=`, `>`, `>=`, `in` and `has`',
  }),
  /** A keyword written in capitals, or misspelt (`meant`: the keyword meant). */
  BL010: (a: { readonly kind: 'miscased'; readonly word: string } | { readonly kind: 'misspelt'; readonly word: string; readonly meant: string }): Built => ({
    message: `${code(a.word)} is not a keyword`,
    help: a.kind === 'miscased' ? `keywords are lowercase: write ${code(a.word.toLowerCase())}` : `did you mean ${code(a.meant)}?`,
  }),
  /** `join`: an operator between strings (`+`), which may join them too. */
  BL017: (a: { operator: string; join: boolean }): Built => ({
    message: `${code(a.operator)} is not an operator: Bylaw does not ${a.join ? 'join or match' : 'match'} strings`,
    help: 'classify the text upstream into an enum or a `bool` field (such as `is_spam: bool`) and test that; a string is only compared whole, with `==` or `!=`',
  }),
  /** `dates`: the `YYYY-MM-DD` dates it can mean (day first, then month first). */
  BL013: (a: { date: string; dates: readonly string[] }): Built => {
    const yearFirst = /^\d{4}/.test(a.date);
    const help =
      a.dates.length === 1
        ? `write dates ${yearFirst ? 'as' : 'year first, as'} \`YYYY-MM-DD\`: ${code(a.dates[0]!)}`
        : a.dates.length === 2
          ? `write dates year first, as \`YYYY-MM-DD\`: ${code(a.dates[0]!)} (day first) or ${code(a.dates[1]!)} (month first)`
          : 'write dates as `YYYY-MM-DD`: four digits for the year, two for the month and two for the day, as in `2024-01-15`';
    return { message: `${code(a.date)} is not a date literal`, help };
  },
  /** `operator`: the comparison before it, if any; `duration`: the number counts a duration's units. */
  BL014: (a: { number: string; operator: string | null; duration: boolean }): Built => ({
    message: `${code(a.number)} is not an integer: Bylaw has integers only`,
    help: a.duration ? `a duration counts whole units: round ${code(a.number)}, or count a smaller unit` : fractionHelp(a.number, a.operator),
  }),
  BL015: (
    a:
      /** A value of another type moved by a duration (`int` is said to have no arithmetic). */
      | { readonly kind: 'shift'; readonly type: string; readonly int: boolean }
      /** `post.date + 90`: `left op count`, short of a unit. */
      | { readonly kind: 'unitless'; readonly left: string; readonly op: string; readonly count: string }
      /** `exact`: the comparison that says the same without the arithmetic, if there is one; else what it is on. */
      | { readonly kind: 'arithmetic'; readonly operator: string; readonly exact: string | null; readonly on: 'dates' | 'fields' | 'values' },
  ): Built => {
    if (a.kind === 'shift') {
      return {
        message: `only a date moves by a duration; this is ${code(a.type)}`,
        help: a.int ? 'Bylaw has no arithmetic on numbers: compare the values directly' : 'write `a_date + 3 days`',
      };
    }
    if (a.kind === 'unitless') {
      return {
        message: `a date moves by a duration: ${code(a.count)} needs a unit`,
        help: `write the unit after the number: \`${a.left} ${a.op} ${a.count} days\` (or \`weeks\`, \`months\`, \`years\`)`,
      };
    }
    return {
      message: `${code(a.operator)} is not an operator: Bylaw has no arithmetic`,
      help: a.exact !== null ? `compare the values directly: ${code(a.exact)} says the same` : ARITHMETIC_HELP[a.on],
    };
  },
  /** `name?` in a declaration (`type`: the type after the colon), `name?` or `?.` in a read of `path`. */
  BL018: (
    a:
      | { readonly kind: 'declaration'; readonly name: string; readonly type: string | null }
      | { readonly kind: 'read'; readonly name: string; readonly path: string }
      | { readonly kind: 'question-dot'; readonly path: string },
  ): Built => {
    if (a.kind === 'declaration') return { message: `\`${a.name}?\` marks the name, not the type`, help: `the \`?\` follows the type: \`${a.name}: ${a.type ?? 'TYPE'}?\`` };
    const help = `test that the field is there before reading it: \`${a.path} exists and …\``;
    return a.kind === 'read' ? { message: `\`${a.name}?\` is not how an optional field is read`, help } : { message: '`?.` is not how an optional field is read', help };
  },
  /** `meant`: the quantifier meant, if one is; `binder` and `list` as written, for the example. */
  BL019: (a: { keyword: string; meant: string | undefined; binder: string; list: string }): Built => ({
    message: `\`${a.keyword}(…)\` is not a quantifier`,
    help: a.meant
      ? `did you mean ${code(a.meant)}, as in \`${a.meant}(${a.binder} in ${a.list} where …)\`?`
      : 'a list is counted or tested with `count(x in LIST where …)`, `any(x in LIST where …)` or `all(x in LIST where …)`; Bylaw has no other functions',
  }),
  BL020: (a: { marker: string }): Built => ({
    message: `\`(${a.marker})\` is not a mark of a scale member`,
    help: 'a member whose every use carries a duration is written `NAME(duration)`, as in `restrict(duration)`',
  }),
} as const;

const ARITHMETIC_HELP = {
  values: 'compare the values directly: work the arithmetic out beforehand and compare the field with the result, as in `post.author.followers > 50_000`',
  fields: 'compare the values directly; when a decision needs a sum or a difference of two fields, compute it upstream into a field of its own',
  dates: 'a date moves by a duration with its unit, as in `post.date - 90 days`; other arithmetic on dates is not in the language',
} as const;

/** Help for a number with a fraction, from the comparison operator before it (if any). */
function fractionHelp(image: string, operator: string | null): string {
  const value = Number(image.replace(/_/g, ''));
  if (Number.isInteger(value)) return `write it without the fraction: \`${value}\``;
  const scaled = 'to keep fractions, store the value scaled (a rate in percent, money in cents) in an `int` field';
  switch (operator) {
    case '>':
    case '>=':
      return `for an integer, \`${operator} ${image}\` means \`>= ${Math.ceil(value)}\`; ${scaled}`;
    case '<':
    case '<=':
      return `for an integer, \`${operator} ${image}\` means \`<= ${Math.floor(value)}\`; ${scaled}`;
    default:
      return `compare with a whole number; ${scaled}`;
  }
}

/** A character as a message shows it: itself, or `U+XXXX` when it is invisible or a control. */
function printable(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  // Lone surrogates (U+D800–DFFF, from broken UTF-16) cannot be printed either: they came out as `�`.
  return code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff) || (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0xfeff
    ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    : char;
}

function unexpectedCharHelp(char: string): string | undefined {
  const hidden = hiddenChar(char.codePointAt(0) ?? 0);
  if (hidden) return `this is ${hidden.description}, ${hidden.kind === 'bidi' ? 'which reorders the text around it' : 'which is invisible'}; delete it`;
  if (char === '\u201c' || char === '\u201d') return 'strings use straight double quotes `"`';
  if (char === "'" || char === '\u2018' || char === '\u2019') return 'strings use double quotes `"`';
  if (char === '#') return 'comments start with `//`';
  if (char === '/') return 'comments start with `//`';
  if (char === ';') return 'statements need no `;`';
  if (char === '[' || char === ']') return 'sets are written with braces: `{a, b}`';
  return undefined;
}
