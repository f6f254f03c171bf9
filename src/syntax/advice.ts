import { isoDatesFor } from '../ast/dates.js';

/**
 * What Bylaw says when a policy reaches for something from another language: the keywords of
 * other languages (BL011), string matching (BL017), arithmetic (BL015), fractions (BL014) and
 * dates in another format (BL013), each with the nearest thing Bylaw has.
 */

/** Keywords of other languages, by lowercase spelling, and what Bylaw writes instead. */
export const FOREIGN_KEYWORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
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
  }),
);

/** Words other languages match strings with (lowercase). */
export const STRING_OPERATORS: ReadonlySet<string> = new Set([
  'contains',
  'includes',
  'matches',
  'match',
  'like',
  'ilike',
  'startswith',
  'starts_with',
  'endswith',
  'ends_with',
  'regex',
  'glob',
]);

export const STRING_MATCHING_HELP =
  'classify the text upstream into an enum or a `bool` field (such as `is_spam: bool`) and test that; a string is only compared whole, with `==` or `!=`';

export const ARITHMETIC_HELP = {
  values: 'compare the values directly: work the arithmetic out beforehand and compare the field with the result, as in `post.author.followers > 50_000`',
  fields: 'compare the values directly; when a decision needs a sum or a difference of two fields, compute it upstream into a field of its own',
  dates: 'a date moves by a duration with its unit, as in `post.date - 90 days`; other arithmetic on dates is not in the language',
} as const;

export const OPTIONAL_HELP = {
  declaration: (name: string, type: string | null) => `the \`?\` follows the type: \`${name}: ${type ?? 'TYPE'}?\``,
  read: (path: string) => `test that the field is there before reading it: \`${path} exists and …\``,
} as const;

/** Help for a number with a fraction, from the comparison operator before it (if any). */
export function fractionHelp(image: string, operator: string | null): string {
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

/** Help for a date written another way than `YYYY-MM-DD` (`2024-1-15`, `2024/01/15`, `15-01-2024`). */
export function dateHelp(image: string): string {
  const dates = isoDatesFor(image);
  const yearFirst = /^\d{4}/.test(image);
  if (dates.length === 1) return `write dates ${yearFirst ? 'as' : 'year first, as'} \`YYYY-MM-DD\`: \`${dates[0]}\``;
  if (dates.length === 2) return `write dates year first, as \`YYYY-MM-DD\`: \`${dates[0]}\` (day first) or \`${dates[1]}\` (month first)`;
  return 'write dates as `YYYY-MM-DD`: four digits for the year, two for the month and two for the day, as in `2024-01-15`';
}
