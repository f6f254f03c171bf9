import { describe, expect, it } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { decideUnknown, evaluate as evaluateAny } from '../../src/interpreter/evaluate.js';
import type { Decision } from '../../src/runtime/types.js';
import { explain } from '../../src/interpreter/explain.js';
import { NoVersionInForceError, InvalidInputError } from '../../src/semantics/errors.js';
import { checkFiles } from '../support/policies.js';

/** A tiny world: flags a, b, c, d and a count n; actions low < mid < high. */
const PREAMBLE = `scale Action { low < mid < high }
record In { a: bool, b: bool, c: bool, d: bool, n: int(0..) }
input x: In
default low
`;

/** The decision of a version without declared outcomes: Bylaw 1's flat shape. */
function evaluate(p: PolicySet, input: unknown): Decision {
  const decision = evaluateAny(p, input);
  expect('outcomes' in decision).toBe(false);
  return decision as Decision;
}

function policy(body: string, preamble = PREAMBLE) {
  const checked = checkFiles({ 'sem/p.policy': preamble + body });
  expect(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return checked.policy!;
}

const input = (flags: Partial<{ a: boolean; b: boolean; c: boolean; d: boolean; n: number }>) => ({
  a: false,
  b: false,
  c: false,
  d: false,
  n: 0,
  ...flags,
});

describe('decision semantics', () => {
  it('uses the default when nothing fires', () => {
    const p = policy('rule r when x.a then high because "r"');
    expect(evaluate(p, input({}))).toEqual({ action: 'low', basis: 'default', clause: null, exemption: null, version: 'p', because: [] });
  });

  it('a default can be any action on the scale', () => {
    const p = policy('rule r when x.a then high', 'scale Action { low < mid < high }\nrecord In { a: bool }\ninput x: In\ndefault mid\n');
    expect(evaluate(p, { a: false }).action).toBe('mid');
  });

  it('the most severe action that fired wins', () => {
    const p = policy('rule m when x.a then mid\nrule h when x.b then high\nredline l when x.c then mid');
    expect(evaluate(p, input({ a: true, b: true, c: true }))).toMatchObject({ action: 'high', basis: 'rule', clause: 'h' });
  });

  it('ties go to a red line before a rule', () => {
    const p = policy('rule r when x.a then high\nredline l when x.a then high');
    expect(evaluate(p, input({ a: true }))).toMatchObject({ basis: 'redline', clause: 'l' });
  });

  it('ties go to an un-exempted rule before an exempted one', () => {
    const p = policy('rule first when x.a then high\nrule second when x.a then mid\nexemption e from first when x.b then mid');
    expect(evaluate(p, input({ a: true, b: true }))).toMatchObject({ action: 'mid', basis: 'rule', clause: 'second', exemption: null });
  });

  it('ties among rules go to the first declared', () => {
    const p = policy('rule one when x.a then mid\nrule two when x.a then mid');
    expect(evaluate(p, input({ a: true })).clause).toBe('one');
  });

  it('an exempted rule takes the least severe applicable exemption', () => {
    const p = policy('rule r when x.a then high\nexemption soft from r when x.b then mid\nexemption softer from r when x.c then low');
    expect(evaluate(p, input({ a: true, b: true, c: true }))).toMatchObject({ action: 'low', basis: 'exemption', exemption: 'softer' });
    expect(evaluate(p, input({ a: true, b: true }))).toMatchObject({ action: 'mid', exemption: 'soft' });
    expect(evaluate(p, input({ a: true }))).toMatchObject({ action: 'high', basis: 'rule', exemption: null });
  });

  it('among equally lenient exemptions the first declared applies', () => {
    const p = policy('rule r when x.a then high\nexemption e1 from r when x.b then mid\nexemption e2 from r when x.b then mid');
    expect(evaluate(p, input({ a: true, b: true })).exemption).toBe('e1');
  });

  it('an exemption only touches the rules it names', () => {
    const p = policy('rule r when x.a then high\nrule s when x.a then high\nexemption e from r when x.b then low');
    expect(evaluate(p, input({ a: true, b: true }))).toMatchObject({ action: 'high', basis: 'rule', clause: 's' });
  });

  it('red lines fire even when an exemption holds for the rules', () => {
    const p = policy('redline l when x.a then mid\nrule r when x.a then high\nexemption e from r when x.b then low');
    expect(evaluate(p, input({ a: true, b: true }))).toMatchObject({ action: 'mid', basis: 'redline', clause: 'l' });
  });

  it('unless stops a clause and an exemption', () => {
    const p = policy('rule r when x.a unless x.d then high\nrule s when x.b then mid\nexemption e from s when x.c unless x.d then low');
    expect(evaluate(p, input({ a: true, d: true })).basis).toBe('default');
    expect(evaluate(p, input({ b: true, c: true }))).toMatchObject({ action: 'low', basis: 'exemption' });
    expect(evaluate(p, input({ b: true, c: true, d: true }))).toMatchObject({ action: 'mid', basis: 'rule' });
  });

  it('evaluates contexts, comparisons, in and has', () => {
    const p = policy(
      `context big = x.n > 100 and x.n <= 1_000
rule r when big and x.role not in {admin} and x.tags has hot then high`,
      `scale Action { low < mid < high }
enum Role { user, admin }
enum Tag { hot, cold }
record In { n: int, role: Role, tags: set<Tag> }
input x: In
default low
`,
    );
    const base = { n: 101, role: 'user', tags: ['hot'] };
    expect(evaluate(p, base).action).toBe('high');
    expect(evaluate(p, { ...base, n: 100 }).action).toBe('low');
    expect(evaluate(p, { ...base, n: 1000 }).action).toBe('high');
    expect(evaluate(p, { ...base, n: 1001 }).action).toBe('low');
    expect(evaluate(p, { ...base, role: 'admin' }).action).toBe('low');
    expect(evaluate(p, { ...base, tags: ['cold'] }).action).toBe('low');
    expect(evaluate(p, { ...base, tags: [] }).action).toBe('low');
  });

  it('reports the because texts of the deciding clause and its exemption', () => {
    const p = policy('rule r when x.a then high because "rule text"\nexemption e from r when x.b then mid because "exemption text"');
    expect(evaluate(p, input({ a: true, b: true })).because).toEqual(['rule text', 'exemption text']);
  });
});

describe('versions', () => {
  const shared = `scale Action { allow < remove }
record P { date: date, bad: bool }
input post: P
default allow
rule bad when post.bad then remove
`;
  const set = () => {
    const checked = checkFiles(
      {
        'set/shared.policy': shared,
        'set/v1.policy': 'version "one"\neffective 2019-01-01\nuse shared\n',
        'set/v2.policy': 'version "two"\neffective 2019-06-01\nuse shared\nexemption lenient from bad when true then allow\n',
      },
      'set',
    );
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return checked.policy!;
  };

  it('uses the latest version effective on or before the date', () => {
    const p = set();
    expect(evaluate(p, { date: '2019-05-31', bad: true })).toMatchObject({ action: 'remove', version: 'one' });
    expect(evaluate(p, { date: '2019-06-01', bad: true })).toMatchObject({ action: 'allow', version: 'two' });
    expect(evaluate(p, { date: '2030-01-01', bad: true }).version).toBe('two');
    expect(evaluate(p, { date: '2019-01-01', bad: false }).version).toBe('one');
  });

  it('refuses a date before every version', () => {
    const p = set();
    expect(() => evaluate(p, { date: '2018-12-31', bad: true })).toThrow(NoVersionInForceError);
    expect(() => evaluate(p, { date: '2018-12-31', bad: true })).toThrow('no version in force on 2018-12-31: the first version takes effect on 2019-01-01');
    expect(decideUnknown(p, { date: '2018-12-31', bad: true })).toEqual({
      ok: false,
      errors: [{ path: 'date', message: 'no version in force on 2018-12-31: the first version takes effect on 2019-01-01' }],
    });
  });
});

describe('input validation', () => {
  const p = () =>
    policy('rule r when x.a then high', `scale Action { low < high }
enum Tag { hot, cold }
record Inner { n: int(0..10), tags: set<Tag>, d: date }
record In { a: bool, inner: Inner }
input x: In
default low
`);

  it('reports every problem with its JSON path', () => {
    const result = decideUnknown(p(), { a: 'yes', inner: { n: 11, tags: ['hot', 'warm', 'hot'], d: '2019-02-30' }, extra: 1 });
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'a', message: 'expected bool, got "yes"' },
        { path: 'inner.n', message: '11 is above the maximum 10' },
        { path: 'inner.tags[1]', message: 'expected one of Tag (hot, cold), got "warm"' },
        { path: 'inner.tags[2]', message: '"hot" is listed twice' },
        { path: 'inner.d', message: 'expected a date (YYYY-MM-DD), got "2019-02-30"' },
        { path: 'extra', message: 'unknown field of In' },
      ],
    });
  });

  it('rejects missing fields, wrong roots, floats and inherited properties', () => {
    const policyUnderTest = p();
    expect(decideUnknown(policyUnderTest, null)).toEqual({ ok: false, errors: [{ path: '(input)', message: 'expected an object (In), got null' }] });
    expect(decideUnknown(policyUnderTest, [])).toMatchObject({ ok: false, errors: [{ path: '(input)' }] });
    const inherited = Object.create({ a: true }) as Record<string, unknown>;
    inherited['inner'] = { n: 1.5, tags: [], d: '2019-01-01' };
    expect(decideUnknown(policyUnderTest, inherited)).toEqual({
      ok: false,
      errors: [
        { path: 'a', message: 'missing field' },
        { path: 'inner.n', message: 'expected int, got 1.5' },
      ],
    });
    expect(() => evaluate(policyUnderTest, { a: true })).toThrow(InvalidInputError);
  });

  it('suggests the closest enum member', () => {
    const result = decideUnknown(p(), { a: true, inner: { n: 1, tags: ['hto'], d: '2019-01-01' } });
    expect(result).toMatchObject({ ok: false, errors: [{ message: 'expected one of Tag (hot, cold), got "hto"; did you mean "hot"?' }] });
  });
});

describe('explain', () => {
  it('traces every clause, fired or not, and why not', () => {
    const p = policy(`context both = x.a and x.b
redline l when x.c then high because "l"
rule r when both then mid
rule s when x.a unless x.d then mid
exemption e from r when x.n > 3 then low`);
    const explanation = explain(p, input({ a: true, b: true, d: true, n: 5 }));
    expect(explanation.decision).toMatchObject({ action: 'low', basis: 'exemption', clause: 'r', exemption: 'e' });
    const byName = Object.fromEntries(explanation.clauses.map((c) => [c.name, c]));
    expect(explanation.clauses.map((c) => c.name)).toEqual(['l', 'r', 's', 'e']);
    expect(byName['l']).toMatchObject({ fired: false, reason: '`x.c` is false' });
    expect(byName['r']).toMatchObject({ fired: true, reason: null, exemptedBy: 'e' });
    expect(byName['s']).toMatchObject({ fired: false, reason: 'unless `x.d` holds' });
    expect(byName['e']).toMatchObject({ fired: true, appliedTo: ['r'] });
    expect(byName['r']!.when).toMatchObject({ kind: 'context', text: 'both', value: true, children: [{ kind: 'and', text: 'x.a and x.b' }] });
    expect(byName['l']!.at).toEqual({ file: 'sem/p.policy', line: 6, column: 9, endLine: 6, endColumn: 10 });
    const none = explain(p, input({ a: true, b: false }));
    expect(Object.fromEntries(none.clauses.map((c) => [c.name, c.reason]))).toMatchObject({ r: '`x.b` is false', e: '`x.n > 3` is false' });
  });
});
