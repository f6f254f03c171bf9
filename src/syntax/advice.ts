/**
 * What Bylaw says when a policy reaches for something from another language: the keywords of
 * other languages (BL011) and the words they match strings with (BL017, worded with arithmetic,
 * fractions, dates in another format and `?` in diagnostics/messages/bl0.ts).
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

