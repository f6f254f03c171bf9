import { code, type Built } from './common.js';

/** Syntax (BL0xx). Text quoted from the file (a token, an escape) is an argument. */
export const BL0 = {
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
