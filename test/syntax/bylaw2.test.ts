import { describe, expect, it } from 'vitest';
import type { Expr, Item, PolicyFile } from '../../src/ast/nodes.js';
import { parse } from '../../src/syntax/parse.js';

/** The Bylaw 2 syntax (LANGUAGE-2): the tree each construct parses to. Mistakes are in test/diagnostics. */

function ast(text: string): PolicyFile {
  const result = parse(text, 'test.policy');
  expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return result.ast!;
}

/** The AST without spans, for structural assertions. */
function shape(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'span' ? undefined : v)));
}

function item<K extends Item['kind']>(text: string, kind: K): Extract<Item, { kind: K }> {
  const found = ast(text).items.find((i) => i.kind === kind);
  expect(found).toBeDefined();
  return found as Extract<Item, { kind: K }>;
}

const condition = (text: string): Expr => item(`context c = ${text}`, 'Context').body;
const id = (name: string) => ({ kind: 'Identifier', name });
const path = (...names: string[]) => ({ kind: 'Path', segments: names.map(id) });
const int = (value: number) => ({ kind: 'IntLiteral', value, raw: String(value) });
const duration = (count: number, unit: string) => ({ kind: 'Duration', count: int(count), unit: id(unit) });

describe('outcomes and actions (§1–2)', () => {
  it('`outcome NAME: Scale`, and members marked `(duration)`', () => {
    const file = ast('scale Account { none < warning < restrict(duration) < disable }\noutcome account: Account\n');
    expect(shape(file.items)).toEqual([
      {
        kind: 'Scale',
        name: id('Account'),
        members: [
          { kind: 'ScaleMember', name: id('none'), timed: false },
          { kind: 'ScaleMember', name: id('warning'), timed: false },
          { kind: 'ScaleMember', name: id('restrict'), timed: true },
          { kind: 'ScaleMember', name: id('disable'), timed: false },
        ],
      },
      { kind: 'Outcome', name: id('account'), scale: id('Account') },
    ]);
  });

  it('`then` names actions separated by commas: plain, qualified, with a duration', () => {
    const rule = item('rule r when x then remove, Account.restrict for 3 days because "y"', 'Rule');
    expect(shape(rule.actions)).toEqual([
      { kind: 'Action', scale: null, member: id('remove'), duration: null },
      { kind: 'Action', scale: id('Account'), member: id('restrict'), duration: duration(3, 'days') },
    ]);
    expect(rule.because?.value).toBe('y');
  });

  it('a duration keeps its unit as written, every unit and number', () => {
    for (const unit of ['hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'dayz']) {
      const rule = item(`rule r when x then lock for 12 ${unit}`, 'Rule');
      expect(shape(rule.actions[0]!.duration)).toEqual(duration(12, unit));
    }
    expect(shape(item('rule r when x then lock for 1_000 hours', 'Rule').actions[0]!.duration)).toEqual({
      kind: 'Duration',
      count: { kind: 'IntLiteral', value: 1000, raw: '1_000' },
      unit: id('hours'),
    });
  });

  it('`default` names one action per outcome, in any order', () => {
    expect(shape(item('default none, allow', 'Default').actions)).toEqual([
      { kind: 'Action', scale: null, member: id('none'), duration: null },
      { kind: 'Action', scale: null, member: id('allow'), duration: null },
    ]);
  });

  it('`from every rule`', () => {
    const exemption = item('exemption e from every rule when x then allow', 'Exemption');
    expect(exemption.from).toEqual([]);
    expect(exemption.everyRule?.name).toBe('every');
    expect(item('exemption e from every_rule when x then allow', 'Exemption').from.map((f) => f.name)).toEqual(['every_rule']);
  });

  it('`use M except a, b`', () => {
    expect(shape(item('use rules except warning_blocks, harassment,', 'Use'))).toEqual({
      kind: 'Use',
      module: { kind: 'QualifiedName', parts: [id('rules')] },
      except: [id('warning_blocks'), id('harassment')],
    });
    expect(item('use rules', 'Use').except).toEqual([]);
  });
});

describe('types (§5–6)', () => {
  it('`list<T>` and an optional field `T?`', () => {
    const record = item('record R { strikes: list<Strike>, dates: list<date>, note: string?, review: Review ?, limit: int(0..)? }', 'Record');
    expect(shape(record.fields.map((f) => [f.name.name, f.type.kind, f.optional]))).toEqual([
      ['strikes', 'ListType', false],
      ['dates', 'ListType', false],
      ['note', 'NamedType', true],
      ['review', 'NamedType', true],
      ['limit', 'BoundedIntType', true],
    ]);
    expect(shape(record.fields[0]!.type)).toEqual({ kind: 'ListType', keyword: id('list'), element: { kind: 'NamedType', name: id('Strike') } });
  });

  it('the new keywords are field names too, declared and read', () => {
    const record = item('record R { outcome: string, where: int, except: bool, for: date, every: int, exists: bool }', 'Record');
    expect(record.fields.map((f) => f.name.name)).toEqual(['outcome', 'where', 'except', 'for', 'every', 'exists']);
    expect(shape(condition('post.where > 1 and post.exists'))).toMatchObject({
      kind: 'Logical',
      operands: [{ kind: 'Compare', left: path('post', 'where') }, path('post', 'exists')],
    });
  });

  it('`count`, `any` and `all` are names, not keywords, outside a quantifier', () => {
    expect(shape(condition('post.any == count'))).toEqual({ kind: 'Compare', op: '==', left: path('post', 'any'), right: path('count') });
    expect(shape(condition('post.tags has any'))).toEqual({ kind: 'Has', set: path('post', 'tags'), mode: 'one', member: path('any') });
  });
});

describe('conditions (§4–6)', () => {
  it('`x exists` and `not x exists`', () => {
    expect(shape(condition('post.review exists'))).toEqual({ kind: 'Exists', operand: path('post', 'review') });
    expect(shape(condition('not post.review exists or post.review.score > 1'))).toMatchObject({
      kind: 'Logical',
      op: 'or',
      operands: [{ kind: 'Not', operand: { kind: 'Exists' } }, { kind: 'Compare' }],
    });
  });

  it('a date moved by durations, left to right, on either side of a comparison', () => {
    expect(shape(condition('post.date - 1 year + 2 days < s.date'))).toEqual({
      kind: 'Compare',
      op: '<',
      left: {
        kind: 'Shift',
        base: { kind: 'Shift', base: path('post', 'date'), op: '-', duration: duration(1, 'year') },
        op: '+',
        duration: duration(2, 'days'),
      },
      right: path('s', 'date'),
    });
    expect(shape(condition('s.date > 2024-02-29 + 1 year'))).toMatchObject({ right: { kind: 'Shift', base: { kind: 'DateLiteral', value: '2024-02-29' }, op: '+' } });
  });

  it('a shift spans its base and its duration', () => {
    const shift = (condition('post.date - 90 days > x') as Extract<Expr, { kind: 'Compare' }>).left;
    expect([shift.kind, shift.span.start.column, shift.span.end.column]).toEqual(['Shift', 13, 32]);
  });

  it('a `-` starts a shift only before a space; `-90` is a negative number', () => {
    expect(shape(condition('post.n > -90'))).toMatchObject({ right: { kind: 'IntLiteral', value: -90 } });
    const result = parse('context c = post.date -90 days', 'x.policy');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['BL002']);
  });

  it('`count`, `any`, `all` with and without `where`, nested, with every enclosing name visible', () => {
    expect(shape(condition('count(s in post.strikes where s.date > post.date - 90 days) >= 2'))).toEqual({
      kind: 'Compare',
      op: '>=',
      left: {
        kind: 'Quantifier',
        quantifier: 'count',
        keyword: id('count'),
        binder: id('s'),
        collection: path('post', 'strikes'),
        where: {
          kind: 'Compare',
          op: '>',
          left: path('s', 'date'),
          right: { kind: 'Shift', base: path('post', 'date'), op: '-', duration: duration(90, 'days') },
        },
      },
      right: int(2),
    });
    expect(shape(condition('any(p in post.policies)'))).toMatchObject({ kind: 'Quantifier', quantifier: 'any', where: null });
    expect(shape(condition('all(w in post.warnings where any(s in post.strikes where s.policy == w.policy))'))).toMatchObject({
      kind: 'Quantifier',
      quantifier: 'all',
      binder: id('w'),
      where: { kind: 'Quantifier', quantifier: 'any', binder: id('s'), where: { kind: 'Compare', right: path('w', 'policy') } },
    });
  });

  it('`has any {…}` and `has all {…}`; an empty set parses (the checker refuses it)', () => {
    expect(shape(condition('post.tags has any {a, b}'))).toEqual({
      kind: 'Has',
      set: path('post', 'tags'),
      mode: 'any',
      member: { kind: 'SetLiteral', elements: [path('a'), path('b')] },
    });
    expect(shape(condition('post.tags has all {a}'))).toMatchObject({ mode: 'all', member: { elements: [path('a')] } });
    expect(shape(condition('post.tags has any {}'))).toMatchObject({ mode: 'any', member: { elements: [] } });
  });
});
