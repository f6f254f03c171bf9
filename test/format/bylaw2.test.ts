import { describe, expect, it } from 'vitest';
import { astDifference } from '../../src/format/ast-equal.js';
import { parse } from '../../src/syntax/parse.js';
import { fmt } from './support.js';

/** The canonical style of Bylaw 2's constructs (docs/formatting.md): careless input → exact output. */
const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** Formats, then checks the two properties every layout must have: same tree, and a fixed point. */
async function canonical(input: string, width?: number): Promise<string> {
  const once = await fmt(input, width);
  expect(astDifference(parse(input, 'in.policy').ast!, parse(once, 'out.policy').ast!)).toBeNull();
  expect(await fmt(once, width)).toBe(once);
  return once;
}

describe('outcomes, scales and actions', () => {
  it('keeps consecutive `outcome` lines together, one blank line around the block', async () => {
    expect(await canonical('scale C { a < b }\noutcome content  :C\n\n\noutcome account:A\ndefault a')).toBe(
      lines('scale C { a < b }', '', 'outcome content: C', 'outcome account: A', '', 'default a'),
    );
  });

  it('prints a timed scale member with `(duration)` and no spaces', async () => {
    expect(await canonical('scale Account{none<restrict ( duration )<disable}')).toBe(lines('scale Account { none < restrict(duration) < disable }'));
    expect(await canonical('scale Account { none < restrict(duration) < disable }', 20)).toBe(
      lines('scale Account {', '  none', '  < restrict(duration)', '  < disable', '}'),
    );
  });

  it('prints several actions after `then` and `default`, qualified names and durations as written', async () => {
    expect(await canonical('rule r when a then Content . remove ,restrict  for 3   days')).toBe(
      lines('rule r', '  when a', '  then Content.remove, restrict for 3 days'),
    );
    expect(await canonical('default allow ,none')).toBe(lines('default allow, none'));
    expect(await canonical('rule r when a then suspend for 1_000 day')).toBe(lines('rule r', '  when a', '  then suspend for 1_000 day'));
  });

  it('breaks a long `then` list one action per line, indented four, as a long `from` list', async () => {
    expect(await canonical('rule r when a then remove, restrict for 3 days, Other.warning', 24)).toBe(
      lines('rule r', '  when a', '  then remove,', '    restrict for 3 days,', '    Other.warning'),
    );
  });

  it('breaks a long `default` list one action per line, indented two', async () => {
    expect(await canonical('default allow, none, nothing_at_all', 20)).toBe(lines('default allow,', '  none,', '  nothing_at_all'));
  });

  it('keeps comments between actions, which then break the list', async () => {
    expect(await canonical('rule r when a then remove, // the post\n strike for 1 week // the channel\n')).toBe(
      lines('rule r', '  when a', '  then remove, // the post', '    strike for 1 week // the channel'),
    );
    expect(await canonical('default allow // content\n, none')).toBe(lines('default allow, // content', '  none'));
  });
});

describe('modules and exemptions', () => {
  it('prints `use … except` on one line, breaking a long list of names like `from`', async () => {
    expect(await canonical('use rules except a ,b,')).toBe(lines('use rules except a, b'));
    expect(await canonical('use rules except first_name, second_name', 30)).toBe(lines('use rules except first_name,', '  second_name'));
    expect(await canonical('use a\nuse rules except x\nuse b')).toBe(lines('use a', 'use rules except x', 'use b'));
  });

  it('prints `from every rule` as a part of its own', async () => {
    expect(await canonical('exemption e from every\nrule when a then allow')).toBe(lines('exemption e', '  from every rule', '  when a', '  then allow'));
  });

  it('keeps a comment after `from every rule` on its line', async () => {
    expect(await canonical('exemption e from every rule // all of them\n when a then allow')).toBe(
      lines('exemption e', '  from every rule // all of them', '  when a', '  then allow'),
    );
    expect(await canonical('exemption e from every // all\n rule when a then allow')).toBe(
      lines('exemption e', '  from every rule // all', '  when a', '  then allow'),
    );
  });
});

describe('types', () => {
  it('prints `list<T>` and an optional field’s `?` with no spaces', async () => {
    expect(await canonical('record R { strikes: list < Strike >, edsa : Edsa ? , trained: date? }')).toBe(
      lines('record R {', '  strikes: list<Strike>,', '  edsa: Edsa?,', '  trained: date?,', '}'),
    );
  });
});

describe('conditions', () => {
  it('prints `exists`, `has any`, `has all` and date shifts with single spaces', async () => {
    expect(await canonical('context c = x.y   exists and s has any{a,b} and s has   all {c} and d > e.date -  90 days + 1 year')).toBe(
      lines('context c = x.y exists and s has any {a, b} and s has all {c} and d > e.date - 90 days + 1 year'),
    );
  });

  it('prints a quantifier on one line when it fits', async () => {
    expect(await canonical('context n = count( s in post.strikes where s.date > post.date - 90 days )')).toBe(
      lines('context n = count(s in post.strikes where s.date > post.date - 90 days)'),
    );
    expect(await canonical('context n = count(p in post.policies) > 0 and all(x in l where x.ok)')).toBe(
      lines('context n = count(p in post.policies) > 0 and all(x in l where x.ok)'),
    );
  });

  it('breaks a long quantifier: binding and `where` one level deeper, `)` on its own line', async () => {
    expect(await canonical('context n = count(s in post.strikes where s.date > post.date - 90 days) > 2', 40)).toBe(
      lines('context n =', '  count(', '    s in post.strikes', '    where s.date > post.date - 90 days', '  ) > 2'),
    );
  });

  it('breaks a long `where` condition before every `and`/`or`, two deeper than `where`', async () => {
    expect(await canonical('context n = count(s in post.strikes where s.date > d and s.date <= e and s.severe)', 30)).toBe(
      lines('context n =', '  count(', '    s in post.strikes', '    where s.date > d', '      and s.date <= e', '      and s.severe', '  )'),
    );
  });

  it('nests quantifiers, each breaking on its own', async () => {
    const input = 'rule r when any(w in post.warnings where w.date <= post.date and not any(s in post.strikes where s.policy == w.policy)) then remove';
    expect(await canonical(input, 50)).toBe(
      lines(
        'rule r',
        '  when any(',
        '    w in post.warnings',
        '    where w.date <= post.date',
        '      and not any(',
        '        s in post.strikes',
        '        where s.policy == w.policy',
        '      )',
        '  )',
        '  then remove',
      ),
    );
  });

  it('keeps comments inside a quantifier, which then breaks', async () => {
    expect(await canonical('context n = count(s in l // strikes\n where s.ok)')).toBe(
      lines('context n =', '  count(', '    s in l // strikes', '    where s.ok', '  )'),
    );
    expect(await canonical('context n = count( // the strikes\ns in l where s.ok\n// closing\n)')).toBe(
      lines('context n =', '  count( // the strikes', '    s in l', '    where s.ok', '    // closing', '  )'),
    );
  });
});

describe('the safety check tells Bylaw 2 constructs apart', () => {
  const difference = (a: string, b: string) => astDifference(parse(a, 'a.policy').ast!, parse(b, 'b.policy').ast!);

  it('names the place where two trees differ', () => {
    expect(difference('context c = s has any {a}', 'context c = s has all {a}')).toBe('items[0].body.mode');
    expect(difference('context c = d > e - 1 day', 'context c = d > e - 1 days')).toBe('items[0].body.right.duration.unit.name');
    expect(difference('context c = count(s in l where a)', 'context c = count(s in l)')).toBe('items[0].body.where');
    expect(difference('rule r when a then x, y', 'rule r when a then x')).toBe('items[0].actions.length');
    expect(difference('exemption e from every rule when a then x', 'exemption e from r when a then x')).toBe('items[0].from.length');
  });
});
