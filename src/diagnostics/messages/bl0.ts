import type { Span } from '../span.js';
import { hiddenChar } from '../unicode.js';
import { code, type Built } from './common.js';

/** Syntax (BL0xx). Text quoted from the file (a token, an escape) is an argument. */
export const BL0 = {
  /** `blockComment`: the `/*` of a block comment, which Bylaw has not. */
  BL001: (a: { char: string; blockComment: boolean }): Built => ({
    message: `unexpected character ${code(printable(a.char))}`,
    help: a.blockComment ? 'Bylaw has no block comments: start each comment line with `//`' : unexpectedCharHelp(a.char),
  }),
  /** A parse error: what the parser expected and what it found (null: the end of the file), with help by `kind`. */
  BL002: (a: ParseError): Built => parseError(a),
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
  /** A keyword of another language: one Bylaw has advice for, `contains` on a set, or one inside a quantifier. */
  BL011: (
    a:
      | { readonly kind: 'foreign'; readonly word: string; readonly keyword: ForeignKeyword }
      | { readonly kind: 'set-member'; readonly word: string; readonly set: string; readonly member: string }
      | ({ readonly kind: 'quantifier'; readonly word: string } & Quantifier),
  ): Built => ({
    message: `${code(a.word)} is not a keyword in Bylaw`,
    help: a.kind === 'foreign' ? FOREIGN_KEYWORDS[a.keyword] : a.kind === 'set-member' ? `to test whether a set holds a member, write \`${a.set} has ${a.member}\`` : whereHelp(a),
  }),
  /** `opened`: where the bracket the parser expected the closer of was opened. */
  BL012: (a: Found & { readonly bracket: '(' | '{'; readonly opened: Span }): Built => {
    const closer = a.bracket === '(' ? ')' : '}';
    const where = a.found === null ? 'before the end of the file' : `before ${code(a.found)}`;
    return {
      message: expectedFound(a.expected, a.found),
      notes: [unclosed(a.bracket, a.opened)],
      help: `close the \`${a.bracket}\` with \`${closer}\` where ${a.bracket === '(' ? 'its condition' : 'its list'} ends, ${where}`,
    };
  },
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

function unexpectedCharHelp(char: string): string {
  const hidden = hiddenChar(char.codePointAt(0) ?? 0);
  if (hidden) return `this is ${hidden.description}, ${hidden.kind === 'bidi' ? 'which reorders the text around it' : 'which is invisible'}; delete it`;
  if (char === '\u201c' || char === '\u201d') return 'strings use straight double quotes `"`';
  if (char === "'" || char === '\u2018' || char === '\u2019') return 'strings use double quotes `"`';
  if (char === '#') return 'comments start with `//`';
  if (char === '/') return 'comments start with `//`';
  if (char === ';') return 'statements need no `;`';
  if (char === '[' || char === ']') return 'sets are written with braces: `{a, b}`';
  const point = char.codePointAt(0) ?? 0;
  if (point < 0x20 || point === 0x7f) return 'this is a control character; delete it (inside a string, write a tab as `\\t` and a line break as `\\n`)';
  if (point >= 0xd800 && point <= 0xdfff) return 'this is half of a character that was cut in two (broken UTF-16); delete it or retype the character';
  return 'Bylaw text is names, numbers, dates, `"strings"`, operators and `//` comments; delete the character, or put it inside a string or a comment';
}

/** The message of a parse error: what the grammar expected there, and what it found (null: the end of the file). */
export function expectedFound(expected: string, found: string | null): string {
  return `expected ${expected}, found ${found === null ? 'the end of the file' : code(found)}`;
}

/** What the parser expected (its words, from src/syntax/expected.ts) and the token it found instead. */
export interface Found {
  readonly expected: string;
  readonly found: string | null;
}

/** A quantifier as written: `count(s in post.strikes …)`. */
export interface Quantifier {
  readonly quantifier: string;
  readonly binder: string;
  readonly list: string;
}

/** What a syntax error (BL002) is about, as the parser's tokens and expectation show it; each has its help. */
type ParseError =
  /** `then remove, because "…"`: a comma that no action follows. */
  | { readonly kind: 'trailing-comma'; readonly found: string | null }
  | (Found &
      (
        | { readonly kind: 'has-members' }
        | { readonly kind: 'missing-then'; readonly action: string }
        /** `(a b)`: two conditions side by side inside a bracket (`opened`, when found). */
        | { readonly kind: 'two-conditions'; readonly opened: Span | null }
        | { readonly kind: 'set-in-parens' }
        /** `member in post.set`: the set field after `in` and the member before it, when they are paths. */
        | { readonly kind: 'in-field'; readonly set: string | null; readonly member: string | null }
        | { readonly kind: 'quoted-action'; readonly action: string }
        | { readonly kind: 'because-string' }
        /** A Bylaw 2 keyword where another belongs. */
        | { readonly kind: 'misplaced'; readonly keyword: 'where' | 'except' }
        /** `exists(post.note)`: `path` is the field, when it is one. */
        | { readonly kind: 'exists-call'; readonly path: string | null }
        | { readonly kind: 'every-call' }
        /** `count(post.strikes)`: the element not named. */
        | { readonly kind: 'no-binder'; readonly quantifier: string; readonly list: string }
        /** `count(s in post.strikes when …)`: the condition after something else than `where`. */
        | ({ readonly kind: 'no-where' } & Quantifier)
        /** `construct`: the innermost declaration being read, whose form the help shows when no hint fits. */
        | { readonly kind: 'other'; readonly hint: 'assign' | 'because-before-then' | 'then-before-when' | 'separate' | null; readonly construct: Construct }
      ));

function parseError(a: ParseError): Built {
  if (a.kind === 'trailing-comma') {
    return { message: expectedFound('an action after `,`', a.found), help: 'actions are separated by commas, one per outcome; delete the `,` after the last one' };
  }
  const message = expectedFound(a.expected, a.found);
  switch (a.kind) {
    case 'has-members':
      return { message, help: 'test several members with `has any {a, b}` (at least one of them) or `has all {a, b}` (every one)' };
    case 'missing-then':
      return { message, help: `the action follows \`then\`: write \`then ${a.action}\`` };
    case 'two-conditions':
      return { message, notes: a.opened ? [unclosed('(', a.opened)] : [], help: 'join two conditions with `and` or `or`' };
    case 'set-in-parens':
      return { message, help: 'sets are written with braces: `x in {a, b}`' };
    case 'in-field': {
      const rewrite = a.set !== null && a.member !== null ? code(`${a.set} has ${a.member}`) : '`SET has MEMBER`';
      return { message, help: `\`in\` tests a value against a set written in braces, \`x in {a, b}\`; to test whether a set field holds a member, write ${rewrite}` };
    }
    case 'quoted-action':
      return { message, help: `an action is a name, written without quotes: \`then ${a.action}\`` };
    case 'because-string':
      return { message, help: 'the reason after `because` is a string in double quotes: `because "…"`' };
    case 'misplaced':
      return { message, help: MISPLACED[a.keyword] };
    case 'exists-call':
      return { message, help: `\`exists\` follows the field it tests: \`${a.path ?? 'post.field'} exists\`` };
    case 'every-call':
      return { message, help: 'a condition that holds for every element is written `all(x in LIST where …)`' };
    case 'no-binder':
      return { message, help: `name each element of the list: \`${a.quantifier}(x in ${a.list})\`, then test it with \`where\`, as in \`${a.quantifier}(x in ${a.list} where …)\`` };
    case 'no-where':
      return { message, help: whereHelp(a) };
    case 'other':
      return { message, help: a.hint === null ? FORMS[a.construct] : HINTS[a.hint] };
  }
}

const unclosed = (bracket: '(' | '{', opened: Span) => ({ message: `unclosed \`${bracket}\` opened here`, span: opened });

const whereHelp = (a: Quantifier): string => `the condition on each element follows \`where\`: \`${a.quantifier}(${a.binder} in ${a.list} where …)\``;

/** Bylaw 2 keywords written where another belongs: what they are for. */
const MISPLACED = {
  where: 'a clause\'s condition follows `when`; `where` tests the elements of a list inside `count`, `any` or `all`',
  except: 'to leave cases out of a clause, write `unless CONDITION` before `then`; `except` leaves clauses out of a module: `use rules except NAME`',
} as const;

/** The declarations (and the quantifier) whose written form a syntax error's help can show. */
export type Construct = keyof typeof FORMS;

/** Each construct's form, for a syntax error that no hint fits: what the author was writing, whole. */
const FORMS = {
  file: 'a policy file is a list of declarations, each starting with its keyword: `policy`, `version`, `effective`, `source`, `use`, `input`, `enum`, `record`, `scale`, `outcome`, `context`, `redline`, `rule`, `exemption`, `default` or `statement`',
  policy: 'the policy header names it: `policy NAME`, dotted for a family, e.g. `policy twitter.world_leaders`',
  version: 'the version header is a string: `version "2019-10-15"`',
  effective: 'the first day in force is a date: `effective 2019-10-15`',
  source: 'the source header is a string: `source "…"`',
  use: 'a module is brought in with `use NAME`, or `use NAME except a, b` to leave some of its declarations out',
  input: 'the input is declared `input NAME: Type`, with a record type',
  enum: 'an enum reads `enum Name { a, b, c }`',
  record: 'a record reads `record Name { field: type, other: type? }`; `?` marks an optional field',
  scale: 'a scale lists its actions, least severe first: `scale Name { none < warning < restrict(duration) }`',
  outcome: 'an outcome reads `outcome NAME: Scale`',
  context: 'a context names a condition: `context NAME = CONDITION`',
  redline: 'a red line reads `redline NAME when CONDITION then ACTION because "…"`',
  rule: 'a rule reads `rule NAME when CONDITION unless CONDITION then ACTION because "…"`; `unless` is optional',
  exemption: 'an exemption reads `exemption NAME from RULE, … when CONDITION then ACTION because "…"`, or `from every rule`',
  default: 'the default names an action for each outcome: `default allow`, or `default allow, none`',
  quantifier: 'a quantifier reads `count(x in LIST where CONDITION)`, and likewise `any(…)` and `all(…)`',
  statement:
    'a `statement` declaration reads `statement OUTCOME { action: FIELD_VALUE, other: no restriction }`, `statement CLAUSE, … category CATEGORY ground terms "…"` or `statement version "…" at "URL"`',
} as const;

/** Help for a parse error that matches no case above, from the token found and what was expected. */
const HINTS = {
  assign: '`=` names a context; to compare two values write `==`',
  'because-before-then': 'every clause needs `then ACTION` before `because`',
  'then-before-when': 'every clause needs a `when` condition',
  separate: 'separate the items with `,`',
} as const;

/** Keywords of other languages, by lowercase spelling, and what Bylaw writes instead (BL011). */
const FOREIGN_KEYWORDS = {
  if: 'a condition follows `when`: `rule NAME when CONDITION then ACTION`',
  elif: 'each case is a clause of its own, with its own `when`',
  elsif: 'each case is a clause of its own, with its own `when`',
  elseif: 'each case is a clause of its own, with its own `when`',
  case: 'each case is a clause of its own, with its own `when`',
  switch: 'each case is a clause of its own, with its own `when`',
  else: 'a clause has no `else`: when no clause fires, the `default` action decides; to leave cases out of a clause, write `unless CONDITION` before `then`',
  otherwise: 'when no clause fires, the `default` action decides: `default allow`',
  function: 'Bylaw has no functions; to name a condition, declare `context NAME = CONDITION`',
  func: 'Bylaw has no functions; to name a condition, declare `context NAME = CONDITION`',
  fn: 'Bylaw has no functions; to name a condition, declare `context NAME = CONDITION`',
  def: 'Bylaw has no functions; to name a condition, declare `context NAME = CONDITION`',
  lambda: 'Bylaw has no functions; to name a condition, declare `context NAME = CONDITION`',
  let: 'to name a condition, declare `context NAME = CONDITION`',
  const: 'to name a condition, declare `context NAME = CONDITION`',
  var: 'to name a condition, declare `context NAME = CONDITION`',
  val: 'to name a condition, declare `context NAME = CONDITION`',
  define: 'to name a condition, declare `context NAME = CONDITION`',
  import: 'to use the declarations of another file, write `use NAME`',
  include: 'to use the declarations of another file, write `use NAME`',
  require: 'to use the declarations of another file, write `use NAME`',
  using: 'to use the declarations of another file, write `use NAME`',
  action: 'the action follows `then`: `then remove`',
  do: 'the action follows `then`: `then remove`',
  return: 'the action follows `then`: `then remove`',
  is: 'to compare two values write `==`',
  equals: 'to compare two values write `==`',
  eq: 'to compare two values write `==`',
  ne: 'to test that two values differ write `!=`',
  between: 'write a range as two comparisons: `x >= LOW and x <= HIGH`',
  neq: 'to test that two values differ write `!=`',
  reason: 'the text that justifies a clause follows `because`: `because "…"`',
  description: 'the text that justifies a clause follows `because`: `because "…"`',
  type: 'declare a record type with `record NAME { field: type, … }`',
  struct: 'declare a record type with `record NAME { field: type, … }`',
  class: 'declare a record type with `record NAME { field: type, … }`',
  interface: 'declare a record type with `record NAME { field: type, … }`',
  exempt: 'declare `exemption NAME from RULE, … when CONDITION then ACTION`',
  exception: 'declare `exemption NAME from RULE, … when CONDITION then ACTION`',
} as const;

export type ForeignKeyword = keyof typeof FOREIGN_KEYWORDS;

/** `word` (lowercase) is a keyword of another language that BL011 has advice for. */
export function isForeignKeyword(word: string): word is ForeignKeyword {
  return Object.hasOwn(FOREIGN_KEYWORDS, word);
}
