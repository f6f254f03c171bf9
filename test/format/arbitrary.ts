import fc from 'fast-check';

/**
 * Random policies as text: every construct of the grammar, with random comments. The policies are
 * syntactically valid but mean nothing (the formatter never looks at meaning). Tokens are joined
 * by single spaces; the properties mangle the whitespace themselves.
 */
type Tokens = string[];

const name = fc.constantFrom('a', 'post', 'author', 'role', 'world_leader', 'x_1', 'ünï', 'a_rather_long_identifier_for_wrapping_lines');
/** Record fields and the parts after a `.` may be spelled like keywords. */
const anyName = fc.oneof(name, fc.constantFrom('from', 'when', 'in', 'policy'));
const int = fc.constantFrom('0', '7', '-3', '100_000', '2_500');
const date = fc.constantFrom('2019-10-15', '2024-02-29');
const string = fc.constantFrom('"text"', '"with \\"quotes\\" and // no comment"', '""', '"ünïcödé"', '"a long string that alone takes up a good part of a line"');
const commentText = fc.constantFrom('// note', '//x', '// ünï // more slashes', '//', '// trailing spaces   ', '// a longer comment that would not fit on a line with much code before it');

const joined = (parts: readonly Tokens[], separator: string): Tokens => parts.flatMap((p, i) => (i > 0 ? [separator, ...p] : p));
const dotted = fc.tuple(name, fc.array(anyName, { maxLength: 3 })).map(([head, rest]) => joined([[head], ...rest.map((r) => [r])], '.'));

/** `90 days`: any count and any unit name (the parser leaves units to the checker). */
const duration = fc.tuple(fc.constantFrom('1', '90', '1_000', '-3'), fc.constantFrom('day', 'days', 'week', 'months', 'year', 'hours', 'x'));

/** Expressions nested at most `depth` levels of parentheses, sets and quantifiers deep (bounded, so sizes stay small). */
function expressions(depth: number): { expr: fc.Arbitrary<Tokens>; set: fc.Arbitrary<Tokens> } {
  const inner = depth > 0 ? expressions(depth - 1) : null;
  const leaf = fc.oneof(dotted, fc.oneof(int, date, string, fc.constantFrom('true', 'false')).map((t) => [t]));
  const quantifier = inner
    ? fc
        .tuple(fc.constantFrom('count', 'any', 'all'), name, dotted, fc.option(inner.expr, { nil: null }))
        .map(([q, binder, list, where]) => [q, '(', binder, 'in', ...list, ...(where ? ['where', ...where] : []), ')'])
    : null;
  const atom =
    inner && quantifier
      ? fc.oneof(
          { arbitrary: leaf, weight: 6 },
          { arbitrary: inner.set, weight: 1 },
          { arbitrary: inner.expr.map((e) => ['(', ...e, ')']), weight: 1 },
          { arbitrary: quantifier, weight: 1 },
        )
      : leaf;
  // A value moved by durations: `post.date - 90 days + 1 year`. The lexer takes `+`/`-` for a
  // shift only after a value that can be a date (not after a set's `}`).
  const operand = fc
    .tuple(atom, fc.array(fc.tuple(fc.constantFrom('+', '-'), duration), { maxLength: 2 }))
    .map(([a, shifts]) => (a[a.length - 1] === '}' ? a : [...a, ...shifts.flatMap(([op, [n, unit]]) => [op, n, unit])]));
  const set = fc
    .tuple(fc.array(atom, { maxLength: 4 }), fc.boolean())
    .map(([elements, trailing]) => ['{', ...joined(elements, ','), ...(trailing && elements.length > 0 ? [','] : []), '}']);
  const comparison = fc.oneof(
    operand,
    fc.tuple(operand, fc.constantFrom('==', '!=', '<', '<=', '>', '>='), operand).map(([l, op, r]) => [...l, op, ...r]),
    fc.tuple(operand, fc.boolean(), set).map(([e, negated, s]) => [...e, ...(negated ? ['not'] : []), 'in', ...s]),
    fc.tuple(operand, atom).map(([s, m]) => [...s, 'has', ...m]),
    fc.tuple(operand, fc.constantFrom('any', 'all'), set).map(([s, mode, m]) => [...s, 'has', mode, ...m]),
    operand.map((o) => [...o, 'exists']),
  );
  const negation = fc.tuple(fc.nat(2), comparison).map(([nots, c]) => [...Array<string>(nots).fill('not'), ...c]);
  const conjunction = fc.array(negation, { minLength: 1, maxLength: 3 }).map((ops) => joined(ops, 'and'));
  const expr = fc.array(conjunction, { minLength: 1, maxLength: 3 }).map((ops) => joined(ops, 'or'));
  return { expr, set };
}
const { expr } = expressions(2);

const typeRef: fc.Arbitrary<Tokens> = fc.oneof(
  name.map((n) => [n]),
  name.map((n) => ['set', '<', n, '>']),
  name.map((n) => ['set', '<', 'set', '<', n, '>', '>']),
  name.map((n) => ['list', '<', n, '>']),
  fc.tuple(fc.option(int), fc.option(int)).map(([min, max]) => ['int', '(', ...(min ? [min] : []), '..', ...(max ? [max] : []), ')']),
);

const nameList = fc
  .tuple(fc.array(name, { minLength: 1, maxLength: 8 }), fc.boolean())
  .map(([names, trailing]) => [...joined(names.map((n) => [n]), ','), ...(trailing ? [','] : [])]);

/** `remove`, `Content.remove`, `restrict for 3 days`. */
const action = fc
  .tuple(fc.option(name, { nil: null }), name, fc.option(duration, { nil: null }))
  .map(([scale, member, d]) => [...(scale ? [scale, '.'] : []), member, ...(d ? ['for', ...d] : [])]);
const actions = fc.array(action, { minLength: 1, maxLength: 4 }).map((list) => joined(list, ','));

const clauseBody = fc
  .tuple(expr, fc.option(expr), actions, fc.option(string))
  .map(([when, unless, then, because]) => [
    'when',
    ...when,
    ...(unless ? ['unless', ...unless] : []),
    'then',
    ...then,
    ...(because ? ['because', because] : []),
  ]);

const scaleMember = fc.tuple(name, fc.boolean()).map(([n, timed]) => (timed ? [n, '(', 'duration', ')'] : [n]));

const item: fc.Arbitrary<Tokens> = fc.oneof(
  dotted.map((q) => ['policy', ...q]),
  string.map((s) => ['version', s]),
  date.map((d) => ['effective', d]),
  string.map((s) => ['source', s]),
  dotted.map((q) => ['use', ...q]),
  fc.tuple(dotted, nameList).map(([q, except]) => ['use', ...q, 'except', ...except]),
  fc.tuple(name, typeRef).map(([n, t]) => ['input', n, ':', ...t]),
  fc.tuple(name, nameList).map(([n, members]) => ['enum', n, '{', ...members, '}']),
  fc
    .tuple(name, fc.array(fc.tuple(anyName, typeRef, fc.boolean()), { minLength: 1, maxLength: 5 }), fc.boolean())
    .map(([n, fields, trailing]) => [
      'record',
      n,
      '{',
      ...joined(fields.map(([f, t, optional]) => [f, ':', ...t, ...(optional ? ['?'] : [])]), ','),
      ...(trailing ? [','] : []),
      '}',
    ]),
  fc.tuple(name, fc.array(scaleMember, { minLength: 1, maxLength: 6 })).map(([n, members]) => ['scale', n, '{', ...joined(members, '<'), '}']),
  fc.tuple(name, name).map(([n, scale]) => ['outcome', n, ':', scale]),
  fc.tuple(name, expr).map(([n, e]) => ['context', n, '=', ...e]),
  fc.tuple(fc.constantFrom('redline', 'rule'), name, clauseBody).map(([kw, n, body]) => [kw, n, ...body]),
  fc.tuple(name, nameList, clauseBody).map(([n, from, body]) => ['exemption', n, 'from', ...from, ...body]),
  fc.tuple(name, clauseBody).map(([n, body]) => ['exemption', n, 'from', 'every', 'rule', ...body]),
  actions.map((list) => ['default', ...list]),
);

const comment = fc.record({ at: fc.nat(), endOfLine: fc.boolean(), text: commentText });

/** A policy's text: items one per line, comments at random places between tokens. */
export const policyText: fc.Arbitrary<string> = fc
  .tuple(fc.array(item, { maxLength: 10 }), fc.array(comment, { maxLength: 6 }))
  .map(([items, comments]) => {
    const tokens = items.flatMap((tokens) => tokens.map((t, i) => ({ text: t, startsItem: i === 0 })));
    let out = '';
    for (let gap = 0; gap <= tokens.length; gap++) {
      for (const c of comments.filter((c) => c.at % (tokens.length + 1) === gap)) {
        // A comment at the very start has no code before it, so it cannot end a line of code; one
        // right after a `-` must (the lexer reads `-` as an operator only before a space or tab).
        const endOfLine = (c.endOfLine || out.endsWith('-')) && out !== '' && !out.endsWith('\n');
        out += endOfLine ? ` ${c.text}\n` : `${out === '' || out.endsWith('\n') ? '' : '\n'}${c.text}\n`;
      }
      const token = tokens[gap];
      if (!token) break;
      out += (out === '' || out.endsWith('\n') ? '' : token.startsItem ? '\n' : ' ') + token.text;
    }
    return out;
  });
