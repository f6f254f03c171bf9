import { describe, expect, it } from 'vitest';
import type { Condition, PolicySet, Program } from '../../src/checker/program.js';
import { checkFiles } from '../support/policies.js';

/**
 * The checked program of a Bylaw 2 version: what the checker hands every backend. Outcomes and
 * their scales, actions resolved to their outcome (sorted, with normalised durations), defaults
 * filled in, `from every rule` and `use … except` resolved, value contexts and quantifiers.
 */

function set(files: Record<string, string>, root?: string): PolicySet {
  const checked = checkFiles(files, root);
  expect(checked.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return checked.policy!;
}

const one = (text: string): Program => set({ 'prog/p.policy': text }).versions[0]!;

const HEADER = `scale Content { allow < screen < remove }
scale Account { none < warning < restrict(duration) < disable }
outcome content: Content
outcome account: Account
enum Policy { spam, hate }
record Strike { date: date, policy: Policy }
record In { date: date, flag: bool, strikes: list<Strike>, note: string? }
input x: In
`;

describe('outcomes and actions', () => {
  it('declared outcomes in order, with their scales and timed members', () => {
    const p = one(`${HEADER}rule r when x.flag then remove because "r"\n`);
    expect(p.declaredOutcomes).toBe(true);
    expect(p.outcomes).toEqual([
      { name: 'content', scale: { name: 'Content', members: ['allow', 'screen', 'remove'], timed: [] } },
      { name: 'account', scale: { name: 'Account', members: ['none', 'warning', 'restrict', 'disable'], timed: ['restrict'] } },
    ]);
  });

  it('a clause’s actions are sorted by outcome, with rank and a duration in its singular unit', () => {
    const p = one(`${HEADER}rule r when x.flag then Account.restrict for 3 days, remove because "r"\n`);
    expect(p.rules[0]!.actions).toEqual([
      { outcome: 0, member: 'remove', rank: 2, duration: null },
      { outcome: 1, member: 'restrict', rank: 2, duration: { count: 3, unit: 'day' } },
    ]);
    expect(p.rules[0]!.action).toBe('remove, restrict for 3 days');
  });

  it('defaults: one per outcome, the least severe member where `default` names none', () => {
    expect(one(`${HEADER}default warning\n`).defaults).toEqual([
      { outcome: 0, member: 'allow', rank: 0, duration: null },
      { outcome: 1, member: 'warning', rank: 1, duration: null },
    ]);
    expect(one(HEADER).defaults.map((d) => d.member)).toEqual(['allow', 'none']);
  });

  it('a version without outcomes has one, `action`, on its scale', () => {
    const p = one('scale Action { allow < remove }\nrecord In { flag: bool }\ninput x: In\ndefault allow\nrule r when x.flag then remove because "r"\n');
    expect(p.declaredOutcomes).toBe(false);
    expect(p.outcomes.map((o) => o.name)).toEqual(['action']);
    expect(p.rules[0]!.actions).toEqual([{ outcome: 0, member: 'remove', rank: 1, duration: null }]);
  });
});

describe('exemptions and modules', () => {
  it('`from every rule` names every rule of the version, in declaration order, modules included', () => {
    const s = set(
      {
        'm/rules.policy': `${HEADER}rule base when x.flag then remove because "b"\nexemption e from every rule when x.note exists then screen because "e"\n`,
        'm/v1.policy': 'version "1"\neffective 2024-01-01\nuse rules\nrule extra when x.flag then warning because "x"\n',
      },
      'm',
    );
    expect(s.versions[0]!.exemptions[0]!.from).toEqual(['base', 'extra']);
  });

  it('`use … except` leaves the named declarations out, and the version declares its own', () => {
    const s = set(
      {
        'm/rules.policy': `${HEADER}context hot = x.flag\nrule r when hot then remove because "r"\n`,
        'm/v1.policy': 'version "1"\neffective 2024-01-01\nuse rules\n',
        'm/v2.policy': 'version "2"\neffective 2024-06-01\nuse rules except hot\ncontext hot = x.flag and x.note exists\n',
      },
      'm',
    );
    const bodies = s.versions.map((v) => v.contexts.find((c) => c.name === 'hot')!.body.kind);
    expect(bodies).toEqual(['field', 'and']);
  });
});

describe('values and quantifiers', () => {
  it('a context of a count or a date is a value, typed', () => {
    const p = one(`${HEADER}context recent = count(s in x.strikes where s.date > x.date - 90 days)
context cutoff = x.date - 1 year
rule r when recent >= 2 and x.date > cutoff then warning because "r"
`);
    expect(p.values.map((v) => [v.name, v.type.kind, v.value.kind])).toEqual([
      ['recent', 'int', 'count'],
      ['cutoff', 'date', 'shift'],
    ]);
    const shift = p.values[1]!.value;
    expect(shift).toMatchObject({ kind: 'shift', amount: -1, unit: 'year', base: { kind: 'field', root: null, path: ['date'] } });
  });

  it('every quantifier has an id of its own; an element’s fields are read from it (root = its id)', () => {
    const p = one(`${HEADER}context a = any(s in x.strikes where s.policy == spam)
context b = all(s in x.strikes where any(t in x.strikes where t.date > s.date))
rule r when a and b then warning because "r"
`);
    const quantifiers: { id: number; name: string }[] = [];
    const walk = (c: Condition): void => {
      if (c.kind === 'any' || c.kind === 'all') {
        quantifiers.push({ id: c.quantifier.id, name: c.quantifier.name });
        if (c.quantifier.where) walk(c.quantifier.where);
      } else if (c.kind === 'and' || c.kind === 'or') c.operands.forEach(walk);
    };
    for (const context of p.contexts) walk(context.body);
    expect(quantifiers.map((q) => q.name)).toEqual(['s', 's', 't']);
    expect(new Set(quantifiers.map((q) => q.id)).size).toBe(3);
    const inner = (p.contexts.find((c) => c.name === 'b')!.body as Extract<Condition, { kind: 'any' | 'all' }>).quantifier;
    const compare = (inner.where as Extract<Condition, { kind: 'any' | 'all' }>).quantifier.where as Extract<Condition, { kind: 'compare' }>;
    expect([compare.left, compare.right]).toMatchObject([
      { kind: 'field', root: quantifiers[2]!.id, path: ['date'] },
      { kind: 'field', root: inner.id, path: ['date'] },
    ]);
  });

  it('`has any {…}` is an `or` of `has`, `has all {…}` an `and`', () => {
    const p = one(`enum Policy { spam, hate }
record In { policies: set<Policy> }
input x: In
scale Action { allow < remove }
default allow
context any_of = x.policies has any {spam, hate}
context all_of = x.policies has all {spam, hate}
rule r when any_of and all_of then remove because "r"
`);
    expect(p.contexts.map((c) => [c.body.kind, (c.body as Extract<Condition, { kind: 'and' | 'or' }>).operands.map((o) => (o as Extract<Condition, { kind: 'has' }>).member)])).toEqual([
      ['or', ['spam', 'hate']],
      ['and', ['spam', 'hate']],
    ]);
  });
});
