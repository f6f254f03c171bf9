import { describe, expect, it } from 'vitest';
import type { Expr, Item, PolicyFile } from '../../src/ast/nodes.js';
import { parse } from '../../src/syntax/parse.js';
import { MAX_NESTING } from '../../src/syntax/lexer.js';

function ast(text: string): PolicyFile {
  const result = parse(text, 'test.policy');
  expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return result.ast!;
}

/** The AST without spans and raw text, for structural assertions. */
function shape(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'span' ? undefined : v)));
}

function item<K extends Item['kind']>(text: string, kind: K): Extract<Item, { kind: K }> {
  const found = ast(text).items.find((i) => i.kind === kind);
  expect(found).toBeDefined();
  return found as Extract<Item, { kind: K }>;
}

function condition(text: string): Expr {
  return item(`context c = ${text}`, 'Context').body;
}

describe('parser: declarations', () => {
  it('reads the header items', () => {
    const file = ast('policy twitter.world_leaders\nversion "2019-10-15"\neffective 2019-10-15\nsource "a \\"blog\\""\n');
    expect(shape(file.items)).toEqual([
      { kind: 'PolicyHeader', name: { kind: 'QualifiedName', parts: [{ kind: 'Identifier', name: 'twitter' }, { kind: 'Identifier', name: 'world_leaders' }] } },
      { kind: 'VersionHeader', value: { kind: 'StringLiteral', value: '2019-10-15', raw: '"2019-10-15"' } },
      { kind: 'EffectiveHeader', date: { kind: 'DateLiteral', value: '2019-10-15' } },
      { kind: 'SourceHeader', value: { kind: 'StringLiteral', value: 'a "blog"', raw: '"a \\"blog\\""' } },
    ]);
  });

  it('reads use, input, enum, record and scale', () => {
    const file = ast(`use moderation
input post: Post
enum Risk { none, elevated, severe, }
record Account { handle: string, followers: int(0..), tags: set<Risk>, score: int(-5..5), cap: int(..10) }
scale Action { allow < notice < remove }`);
    expect(file.items.map((i) => i.kind)).toEqual(['Use', 'Input', 'Enum', 'Record', 'Scale']);
    const record = file.items[3] as Extract<Item, { kind: 'Record' }>;
    expect(shape(record.fields.map((f) => f.type))).toEqual([
      { kind: 'NamedType', name: { kind: 'Identifier', name: 'string' } },
      { kind: 'BoundedIntType', keyword: { kind: 'Identifier', name: 'int' }, min: { kind: 'IntLiteral', value: 0, raw: '0' }, max: null },
      { kind: 'SetType', keyword: { kind: 'Identifier', name: 'set' }, element: { kind: 'NamedType', name: { kind: 'Identifier', name: 'Risk' } } },
      { kind: 'BoundedIntType', keyword: { kind: 'Identifier', name: 'int' }, min: { kind: 'IntLiteral', value: -5, raw: '-5' }, max: { kind: 'IntLiteral', value: 5, raw: '5' } },
      { kind: 'BoundedIntType', keyword: { kind: 'Identifier', name: 'int' }, min: null, max: { kind: 'IntLiteral', value: 10, raw: '10' } },
    ]);
    expect((file.items[2] as Extract<Item, { kind: 'Enum' }>).members.map((m) => m.name)).toEqual(['none', 'elevated', 'severe']);
    expect((file.items[4] as Extract<Item, { kind: 'Scale' }>).members.map((m) => [m.name.name, m.timed])).toEqual([
      ['allow', false],
      ['notice', false],
      ['remove', false],
    ]);
  });

  it('reads red lines, rules, exemptions and the default', () => {
    const file = ast(`redline r when a then remove because "why"
rule q when a unless b then lock
exemption e from q, other, when c unless d then notice because "x"
default allow`);
    const [redline, rule, exemption, fallback] = file.items as [
      Extract<Item, { kind: 'Redline' }>,
      Extract<Item, { kind: 'Rule' }>,
      Extract<Item, { kind: 'Exemption' }>,
      Extract<Item, { kind: 'Default' }>,
    ];
    expect(redline.because?.value).toBe('why');
    expect(redline.unless).toBeNull();
    expect(rule.unless).not.toBeNull();
    expect(rule.because).toBeNull();
    expect(exemption.from.map((f) => f.name)).toEqual(['q', 'other']);
    expect(exemption.everyRule).toBeNull();
    expect(shape(exemption.actions)).toEqual([{ kind: 'Action', scale: null, member: { kind: 'Identifier', name: 'notice' }, duration: null }]);
    expect(shape(fallback.actions)).toEqual([{ kind: 'Action', scale: null, member: { kind: 'Identifier', name: 'allow' }, duration: null }]);
  });

  it('allows keyword spellings as field names', () => {
    const file = ast('record R { source: string, from: int, default: bool }\ncontext c = post.default and post.from > 1');
    expect((file.items[0] as Extract<Item, { kind: 'Record' }>).fields.map((f) => f.name.name)).toEqual(['source', 'from', 'default']);
  });

  it('keeps comments with their spans, out of the tree', () => {
    const file = ast('// head\nrule r // trailing\n  when a then remove\n');
    expect(file.comments.map((c) => [c.text, c.span.start.line, c.span.start.column])).toEqual([
      ['// head', 1, 1],
      ['// trailing', 2, 8],
    ]);
  });

  it('gives every node a span', () => {
    const r = item('rule r\n  when post.x == 1\n  then remove', 'Rule');
    expect([r.span.start.line, r.span.start.column, r.span.end.line]).toEqual([1, 1, 3]);
    expect([r.when.span.start.line, r.when.span.start.column, r.when.span.end.column]).toEqual([2, 8, 19]);
  });

  it('accepts Unicode identifiers', () => {
    expect(item('context größe = ok', 'Context').name.name).toBe('größe');
  });
});

describe('parser: conditions', () => {
  it('binds not tighter than and, and tighter than or', () => {
    expect(shape(condition('not a and b or c'))).toMatchObject({
      kind: 'Logical',
      op: 'or',
      operands: [{ kind: 'Logical', op: 'and', operands: [{ kind: 'Not' }, { kind: 'Path' }] }, { kind: 'Path' }],
    });
  });

  it('flattens chains of the same operator and keeps parentheses', () => {
    const e = condition('a and (b or c) and d');
    expect(e.kind).toBe('Logical');
    expect((e as Extract<Expr, { kind: 'Logical' }>).operands.map((o) => o.kind)).toEqual(['Path', 'Paren', 'Path']);
  });

  it('reads comparisons, in, not in, has and literals', () => {
    expect(shape(condition('post.n >= 100_000'))).toEqual({
      kind: 'Compare',
      op: '>=',
      left: { kind: 'Path', segments: [{ kind: 'Identifier', name: 'post' }, { kind: 'Identifier', name: 'n' }] },
      right: { kind: 'IntLiteral', value: 100000, raw: '100_000' },
    });
    expect(shape(condition('x not in {a, b}'))).toMatchObject({ kind: 'In', negated: true, set: { kind: 'SetLiteral' } });
    expect(shape(condition('x in {}'))).toMatchObject({ kind: 'In', negated: false, set: { elements: [] } });
    expect(shape(condition('s has m'))).toMatchObject({ kind: 'Has', member: { kind: 'Path' } });
    expect(shape(condition('d < 2019-10-15'))).toMatchObject({ right: { kind: 'DateLiteral', value: '2019-10-15' } });
    expect(shape(condition('t == "a\\u{1F600}\\n"'))).toMatchObject({ right: { kind: 'StringLiteral', value: 'a😀\n' } });
    expect(shape(condition('true'))).toEqual({ kind: 'BoolLiteral', value: true });
    for (const op of ['==', '!=', '<', '<=', '>', '>=']) expect(condition(`a ${op} b`)).toMatchObject({ kind: 'Compare', op });
  });
});

describe('parser: errors', () => {
  it('reports every syntax error of a file, not just the first', () => {
    const text = `rule a when x = 1 then remove
rule b when then remove
enum E { a b }
rule c when x == 1 then
default allow`;
    const result = parse(text, 'bad.policy');
    expect(result.ast).toBeNull();
    const found = result.diagnostics.map((d) => [d.code, d.span.start.line]);
    expect(found).toEqual([
      ['BL002', 1],
      ['BL002', 2],
      ['BL002', 3],
      ['BL002', 5],
    ]);
    expect(result.diagnostics[0]!.help).toContain('`==`');
    expect(result.diagnostics[2]!.help).toBe('separate the items with `,`');
  });

  it('repairs foreign operators and unterminated strings to keep going', () => {
    const result = parse('rule a when x && y then remove because "open\nrule b when !x then remove', 'bad.policy');
    expect(result.diagnostics.map((d) => [d.code, d.help])).toEqual([
      ['BL008', 'use `and`'],
      ['BL003', 'close the string with `"` on the same line; write a line break as `\\n`'],
      ['BL008', 'use `not`'],
    ]);
  });

  it('validates literals', () => {
    const codes = (text: string) => parse(text, 'x.policy').diagnostics.map((d) => d.code);
    expect(codes('effective 2019-02-30')).toEqual(['BL005']);
    expect(codes('context c = x > 1__0')).toEqual(['BL006']);
    expect(codes('context c = x > 99999999999999999999')).toEqual(['BL006']);
    expect(codes('source "bad \\q escape"')).toEqual(['BL004']);
    // `y` cannot follow `x`, but only because `#` was dropped: one mistake, one error.
    expect(codes('context c = x # y')).toEqual(['BL001']);
  });

  it('an error inside brackets nested near the limit is a diagnostic, not a stack overflow in error recovery', () => {
    for (const text of [
      `rule r when ${'( x and '.repeat(MAX_NESTING - 1)}y then remove\n`,
      `rule r when ${'( x and '.repeat(MAX_NESTING - 1)}y${')'.repeat(MAX_NESTING - 1)} = 1 then remove\n`,
    ]) {
      const result = parse(text, 'deep.policy');
      expect(result.ast).toBeNull();
      expect(result.diagnostics.length).toBe(1);
    }
    // The first: the unclosed `(` at the deepest level, found by the parser that stops at the first error.
    const unclosed = parse(`rule r when ${'( x and '.repeat(MAX_NESTING - 1)}y then remove\n`, 'deep.policy').diagnostics[0]!;
    expect([unclosed.code, unclosed.notes[0]?.span?.start.column]).toEqual(['BL012', 'rule r when '.length + (MAX_NESTING - 2) * 8 + 1]);
  });

  it('refuses deep nesting with a diagnostic instead of overflowing the stack', () => {
    const deep = `context c = ${'('.repeat(10_000)}a${')'.repeat(10_000)}`;
    const result = parse(deep, 'deep.policy');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['BL007']);
    const nots = parse(`context c = ${'not '.repeat(10_000)}a`, 'deep.policy');
    expect(nots.diagnostics.map((d) => d.code)).toEqual(['BL007']);
  });

  it('points past the last token at the end of the file', () => {
    const result = parse('rule a when x', 'eof.policy');
    const d = result.diagnostics[0]!;
    expect(d.message).toBe('expected `then`, found the end of the file');
    expect([d.span.start.line, d.span.start.column]).toEqual([1, 14]);
  });
});
