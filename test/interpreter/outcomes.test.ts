import { describe, expect, it } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { evaluate } from '../../src/interpreter/evaluate.js';
import type { OutcomeDecision, OutcomesDecision } from '../../src/runtime/types.js';
import { checkFiles } from '../support/policies.js';

/**
 * The decision rules of LANGUAGE-2 §1–3 for a version with declared outcomes, as the interpreter
 * (the oracle every backend is compared with) applies them: each outcome decided separately, an
 * exemption replacing the whole outcome of the rule it exempts, the least severe exemption chosen
 * outcome by outcome in declaration order, durations compared in hours.
 */

const SCALES = `scale Content { allow < screen < remove }
scale Account { none < warning < restrict(duration) < disable }
`;
const OUTCOMES = 'outcome content: Content\noutcome account: Account\n';
const INPUT = 'record In { a: bool, b: bool, c: bool, d: bool }\ninput x: In\n';

function policy(body: string, { outcomes = OUTCOMES, fallback = 'default allow, none\n' } = {}): PolicySet {
  const checked = checkFiles({ 'sem/p.policy': SCALES + outcomes + INPUT + fallback + body });
  expect(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return checked.policy!;
}

const input = (flags: Partial<Record<'a' | 'b' | 'c' | 'd', boolean>>) => ({ a: false, b: false, c: false, d: false, ...flags });

function decide(p: PolicySet, flags: Partial<Record<'a' | 'b' | 'c' | 'd', boolean>>): Readonly<Record<string, OutcomeDecision>> {
  const decision = evaluate(p, input(flags));
  expect('outcomes' in decision).toBe(true);
  return (decision as OutcomesDecision).outcomes;
}

/** An outcome's action as written back: `remove`, `restrict P3D`. */
const actionOf = (o: OutcomeDecision | undefined) => (o?.duration ? `${o.action} ${o.duration}` : o?.action);

describe('each outcome is decided separately (§3)', () => {
  it('nothing fires: every outcome takes its default, basis `default`; no `duration` on an untimed action', () => {
    const p = policy('rule r when x.a then remove because "r"');
    expect(evaluate(p, input({}))).toEqual({
      version: 'p',
      outcomes: {
        content: { action: 'allow', basis: 'default', clause: null, exemption: null, because: [] },
        account: { action: 'none', basis: 'default', clause: null, exemption: null, because: [] },
      },
    });
  });

  it('the outcomes keep their declaration order, whatever the order of `then`', () => {
    const p = policy('rule r when x.a then restrict for 3 days, remove because "r"', { outcomes: 'outcome account: Account\noutcome content: Content\n' });
    expect(Object.keys(decide(p, { a: true }))).toEqual(['account', 'content']);
  });

  it('a clause takes part only in the outcomes its `then` names', () => {
    const p = policy('rule r when x.a then remove because "r"');
    expect(decide(p, { a: true })).toEqual({
      content: { action: 'remove', basis: 'rule', clause: 'r', exemption: null, because: ['r'] },
      account: { action: 'none', basis: 'default', clause: null, exemption: null, because: [] },
    });
  });

  it('two outcomes can be decided by two different clauses', () => {
    const p = policy('rule r1 when x.a then screen, restrict for 3 days\nrule r2 when x.b then remove, warning');
    const both = decide(p, { a: true, b: true });
    expect([both.content!.clause, actionOf(both.content)]).toEqual(['r2', 'remove']);
    expect([both.account!.clause, actionOf(both.account)]).toEqual(['r1', 'restrict P3D']);
  });

  it('ties in an outcome: a red line, then a rule not exempted, then an exempted rule, then declaration order', () => {
    const p = policy(`rule r1 when x.a then remove, warning
redline l when x.b then remove
rule r2 when x.a then remove, warning
exemption e from r1 when x.c then remove, warning`);
    expect(decide(p, { a: true, b: true }).content).toMatchObject({ basis: 'redline', clause: 'l' });
    expect(decide(p, { a: true }).account).toMatchObject({ basis: 'rule', clause: 'r1' });
    // r1 exempted to the same actions: r2, not exempted, wins the tie in both outcomes.
    expect(decide(p, { a: true, c: true })).toMatchObject({ content: { basis: 'rule', clause: 'r2' }, account: { basis: 'rule', clause: 'r2' } });
  });

  it('a red line is never exempted, in any outcome', () => {
    const p = policy('redline l when x.a then remove, disable\nrule r when x.a then remove, disable\nexemption e from r when x.b then allow, none');
    expect(decide(p, { a: true, b: true })).toMatchObject({ content: { action: 'remove', basis: 'redline' }, account: { action: 'disable', basis: 'redline' } });
  });
});

describe('durations: severity by rank, then by length in hours (§2)', () => {
  const longer = (first: string, second: string) =>
    policy(`rule r1 when x.a then restrict for ${first}\nrule r2 when x.b then restrict for ${second}`);

  it.each([
    ['1 week', '6 days', 'r1', 'P1W'],
    ['1 month', '4 weeks', 'r1', 'P1M'], // 720 hours against 672
    ['1 year', '12 months', 'r1', 'P1Y'], // 8760 against 8640
    ['29 days', '1 month', 'r2', 'P1M'],
    ['25 hours', '1 day', 'r1', 'PT25H'],
    ['2 years', '730 days', 'r1', 'P2Y'], // equal: the first declared
    ['730 days', '2 years', 'r1', 'P730D'],
  ])('%s against %s: %s decides', (first, second, clause, duration) => {
    const account = decide(longer(first, second), { a: true, b: true }).account!;
    expect([account.clause, account.duration]).toEqual([clause, duration]);
  });

  it('equal lengths tie, and the tie rules decide: 1 month = 30 days, 1 week = 7 days = 168 hours, 1 year = 365 days', () => {
    for (const [first, second] of [
      ['30 days', '1 month'],
      ['1 month', '30 days'],
      ['7 days', '1 week'],
      ['168 hours', '1 week'],
      ['365 days', '1 year'],
      ['1 day', '24 hours'],
    ]) {
      const account = decide(longer(first!, second!), { a: true, b: true }).account!;
      expect(account.clause, `${first} against ${second}`).toBe('r1');
    }
    // A red line wins the tie whatever the unit it is written in.
    const p = policy('rule r when x.a then restrict for 7 days\nredline l when x.a then restrict for 1 week');
    expect(decide(p, { a: true }).account).toMatchObject({ basis: 'redline', clause: 'l', duration: 'P1W' });
  });

  it('rank comes first: any length of a member is less severe than the next member', () => {
    const p = policy('rule r1 when x.a then restrict for 100 years\nrule r2 when x.b then disable');
    expect(actionOf(decide(p, { a: true, b: true }).account)).toBe('disable');
  });

  it('the duration is ISO 8601 in the unit as written', () => {
    const units: [string, string][] = [['12 hours', 'PT12H'], ['3 days', 'P3D'], ['2 weeks', 'P2W'], ['1 month', 'P1M'], ['2 years', 'P2Y'], ['1 hour', 'PT1H']];
    for (const [written, iso] of units) {
      expect(decide(policy(`rule r when x.a then restrict for ${written}`), { a: true }).account!.duration).toBe(iso);
    }
  });
});

describe('exemptions replace the whole outcome of the rule they exempt (§3)', () => {
  it('an outcome the exemption names no action in: the outcome’s least severe member, basis `exemption`', () => {
    const p = policy('rule r when x.a then remove, restrict for 7 days because "rule"\nexemption e from r when x.b then screen because "exemption"');
    expect(decide(p, { a: true, b: true })).toEqual({
      content: { action: 'screen', basis: 'exemption', clause: 'r', exemption: 'e', because: ['rule', 'exemption'] },
      account: { action: 'none', basis: 'exemption', clause: 'r', exemption: 'e', because: ['rule', 'exemption'] },
    });
  });

  it('that contribution counts even below the default: nothing else contributed, so the default does not decide', () => {
    const p = policy('rule r when x.a then remove, restrict for 7 days\nexemption e from r when x.b then screen', { fallback: 'default allow, warning\n' });
    expect(decide(p, {}).account).toMatchObject({ action: 'warning', basis: 'default' });
    expect(decide(p, { a: true, b: true }).account).toMatchObject({ action: 'none', basis: 'exemption', clause: 'r', exemption: 'e' });
  });

  it('another rule still decides an outcome the exempted rule gives up', () => {
    const p = policy('rule r when x.a then remove, restrict for 7 days\nrule w when x.c then warning\nexemption e from r when x.b then screen');
    expect(decide(p, { a: true, b: true, c: true })).toMatchObject({
      content: { action: 'screen', basis: 'exemption', clause: 'r' },
      account: { action: 'warning', basis: 'rule', clause: 'w' },
    });
  });

  it('an action the exemption names in an outcome the rule does not name is not given', () => {
    const p = policy('rule r when x.a then remove\nexemption e from r when x.b then screen, warning');
    expect(decide(p, { a: true, b: true })).toMatchObject({
      content: { action: 'screen', basis: 'exemption' },
      account: { action: 'none', basis: 'default' },
    });
  });

  it('the least severe exemption, compared outcome by outcome in the order the outcomes are declared', () => {
    const body = 'rule r when x.a then remove, disable\nexemption e1 from r when x.b then screen, none\nexemption e2 from r when x.c then allow, warning';
    // content first: e2's `allow` is less severe than e1's `screen`, whatever the account.
    expect(decide(policy(body), { a: true, b: true, c: true })).toMatchObject({
      content: { action: 'allow', exemption: 'e2' },
      account: { action: 'warning', exemption: 'e2' },
    });
    // account first: e1's `none` is less severe than e2's `warning`.
    const accountFirst = policy(body, { outcomes: 'outcome account: Account\noutcome content: Content\n' });
    expect(decide(accountFirst, { a: true, b: true, c: true })).toMatchObject({
      account: { action: 'none', exemption: 'e1' },
      content: { action: 'screen', exemption: 'e1' },
    });
    // Only one applies: that one.
    expect(decide(policy(body), { a: true, b: true })).toMatchObject({ content: { exemption: 'e1' }, account: { exemption: 'e1' } });
  });

  it('an outcome an exemption names nothing in compares as its least severe member', () => {
    const p = policy('rule r when x.a then remove, disable\nexemption e1 from r when x.b then screen, warning\nexemption e2 from r when x.c then screen');
    expect(decide(p, { a: true, b: true, c: true })).toMatchObject({ content: { exemption: 'e2' }, account: { action: 'none', exemption: 'e2' } });
  });

  it('a tie in the first outcome is decided by the next; a tie in every outcome by declaration order', () => {
    const p = policy(
      'rule r when x.a then remove, disable\nexemption e1 from r when x.b then screen, restrict for 2 weeks\nexemption e2 from r when x.c then screen, restrict for 10 days\nexemption e3 from r when x.d then screen, restrict for 240 hours',
    );
    expect(decide(p, { a: true, b: true, c: true }).account).toMatchObject({ exemption: 'e2', duration: 'P10D' });
    // e2 and e3 are equally severe in every outcome (10 days = 240 hours): the first declared.
    expect(decide(p, { a: true, b: true, c: true, d: true }).account).toMatchObject({ exemption: 'e2' });
    expect(decide(p, { a: true, b: true, d: true }).account).toMatchObject({ exemption: 'e3', duration: 'PT240H' });
  });

  it('`from every rule` exempts each rule of the version, each in the outcomes it names', () => {
    const p = policy('rule r1 when x.a then remove\nrule r2 when x.a then warning\nexemption e from every rule when x.b then screen');
    expect(decide(p, { a: true, b: true })).toMatchObject({
      content: { action: 'screen', basis: 'exemption', clause: 'r1', exemption: 'e' },
      account: { action: 'none', basis: 'exemption', clause: 'r2', exemption: 'e' },
    });
  });
});

describe('defaults (§1)', () => {
  it('an outcome the `default` leaves out defaults to its least severe member', () => {
    const p = policy('rule r when x.a then remove', { fallback: 'default screen\n' });
    expect(decide(p, {})).toMatchObject({ content: { action: 'screen', basis: 'default' }, account: { action: 'none', basis: 'default' } });
  });

  it('without a `default`, every outcome defaults to its least severe member', () => {
    const p = policy('rule r when x.a then remove', { fallback: '' });
    expect(decide(p, {})).toMatchObject({ content: { action: 'allow', basis: 'default' }, account: { action: 'none', basis: 'default' } });
  });

  it('a timed default carries its duration', () => {
    const p = policy('rule r when x.a then remove', { fallback: 'default restrict for 1 day\n' });
    expect(decide(p, {}).account).toEqual({ action: 'restrict', duration: 'P1D', basis: 'default', clause: null, exemption: null, because: [] });
  });
});

describe('versions with and without declared outcomes in one set', () => {
  it('each version decides in its own shape', () => {
    const checked = checkFiles(
      {
        'mixed/v1.policy': 'version "one"\neffective 2020-01-01\nscale Action { allow < remove }\nrecord P { date: date, bad: bool }\ninput post: P\ndefault allow\nrule bad when post.bad then remove because "x"\n',
        'mixed/v2.policy':
          'version "two"\neffective 2021-01-01\nscale Content { allow < remove }\nscale Account { none < lock(duration) }\noutcome content: Content\noutcome account: Account\nrecord P { date: date, bad: bool }\ninput post: P\nrule bad when post.bad then remove, lock for 12 hours because "x"\n',
      },
      'mixed',
    );
    expect(checked.diagnostics).toEqual([]);
    expect(evaluate(checked.policy!, { date: '2020-06-01', bad: true })).toEqual({ action: 'remove', basis: 'rule', clause: 'bad', exemption: null, version: 'one', because: ['x'] });
    expect(evaluate(checked.policy!, { date: '2021-06-01', bad: true })).toMatchObject({ version: 'two', outcomes: { account: { action: 'lock', duration: 'PT12H' } } });
  });
});
