import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkFiles, underlined, type Checked } from '../support/policies.js';

/**
 * Natural mistakes with the Bylaw 2 constructs (outcomes, durations, dates, lists, optionals,
 * `use … except`), in the style of mistakes.test.ts: one diagnostic each, with where it points
 * (line:column of the body, after the preamble), what it underlines, its message, its help and
 * its notes. A help that gives a fix is checked to be one: the fixed text checks clean.
 */

const PREAMBLE = `scale Content { allow < age_restrict < remove }
scale Channel { none < warning < strike(duration) < terminate }
outcome content: Content
outcome channel: Channel
enum Policy { spam, harassment, hate_speech }
record Strike { date: date, policy: Policy, appealed: date? }
record Review { score: int(0..10), note: string? }
record Video { date: date, policies: set<Policy>, strikes: list<Strike>, strike_count: int(0..), review: Review? }
input video: Video
default allow, none
`;
const LINES = PREAMBLE.split('\n').length - 1;

const check = (body: string): Checked => checkFiles({ 'b2/video.policy': PREAMBLE + body });

interface Expected {
  readonly code: string;
  readonly at?: string;
  readonly underlined: string;
  readonly message: string;
  readonly help: string | null;
  readonly notes?: readonly string[];
  readonly severity?: 'error' | 'warning';
}

const at = (d: { span: Diagnostic['span'] }) => `${d.span.start.line - LINES}:${d.span.start.column}`;

function only(checked: Checked, expected: Expected): void {
  const seen = checked.diagnostics.map((d) => ({
    code: d.code,
    ...(expected.at ? { at: at(d) } : {}),
    underlined: underlined(d, checked.sources),
    message: d.message,
    help: d.help ?? null,
    ...(expected.notes ? { notes: d.notes.map((n) => `${n.message} @ ${n.span ? at(n as { span: Diagnostic['span'] }) : '-'}`) } : {}),
    ...(expected.severity ? { severity: d.severity } : {}),
  }));
  expect(seen).toEqual([expected]);
}

function clean(body: string): void {
  expect(check(body).diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
}

const rule = (when: string, then = 'remove') => `rule r\n  when ${when}\n  then ${then}\n  because "x"\n`;

describe('optional fields (BL214, BL410)', () => {
  it('an unguarded read: the help shows the guard before the very test that reads', () => {
    only(check(rule('video.review.score > 3')), {
      code: 'BL214',
      at: '2:8',
      underlined: 'video.review.score',
      message: '`video.review` may be absent: it is read without an `exists` test',
      help: 'test it first, in the same `and`: `video.review exists and video.review.score > 3`',
      notes: ['`review` is declared optional (`?`) here @ -2:98'],
    });
    clean(rule('video.review exists and video.review.score > 3'));
  });

  it('the same inside a quantifier, quoting the element’s own test (not the comparison around it)', () => {
    only(check(rule('count(s in video.strikes where s.appealed > video.date - 30 days) >= 2')), {
      code: 'BL214',
      underlined: 's.appealed',
      message: '`s.appealed` may be absent: it is read without an `exists` test',
      help: 'test it first, in the same `and`: `s.appealed exists and s.appealed > video.date - 30 days`',
    });
    clean(rule('count(s in video.strikes where s.appealed exists and s.appealed > video.date - 30 days) >= 2'));
  });

  it('a guard to the right comes too late; `not … exists or` guards; so does the clause’s `when` for its `unless`', () => {
    only(check(rule('video.review.note == "x" and video.review exists')), {
      code: 'BL214',
      underlined: 'video.review.note',
      message: '`video.review` may be absent: it is read without an `exists` test',
      help: 'test it first, in the same `and`: `video.review exists and video.review.note == "x"`',
    });
    clean(rule('not video.review exists or video.review.score < 2'));
    clean('rule r\n  when video.review exists\n  unless video.review.score > 8\n  then remove\n  because "x"\n');
    // Guarded once, the next optional field on the path needs its own test.
    only(check(rule('video.review exists and video.review.note == "x"')), {
      code: 'BL214',
      underlined: 'video.review.note',
      message: '`video.review.note` may be absent: it is read without an `exists` test',
      help: 'test it first, in the same `and`: `video.review.note exists and video.review.note == "x"`',
    });
  });

  it('`exists` on a field that is never absent is a warning (BL410), and the policy stays usable', () => {
    const checked = check(rule('video.strike_count exists and video.strike_count > 2'));
    only(checked, {
      code: 'BL410',
      severity: 'warning',
      underlined: 'video.strike_count exists',
      message: '`video.strike_count` is never absent: `exists` is always true here',
      help: 'only a field declared optional (`field: T?`) may be absent; drop the test',
    });
    expect(checked.policy).not.toBeNull();
  });

  it('`== null` names no value: the help says how an absent value is tested', () => {
    only(check(rule('video.date == null')), {
      code: 'BL201',
      underlined: 'null',
      message: 'unknown name `null`',
      help: 'an optional field (`field: T?`) that is absent or null is tested with `exists`: `not x exists`',
    });
  });
});

describe('durations and dates (BL015, BL216)', () => {
  it('hours in date arithmetic: a date is a day, moved by whole days', () => {
    only(check(rule('video.date - 36 hours > 2024-01-01')), {
      code: 'BL216',
      at: '2:21',
      underlined: '36 hours',
      message: 'a date is a day: it cannot move by hours',
      help: 'move it by whole days instead: `video.date - 2 days` (36 hours, rounded up)',
    });
    only(check(rule('video.date + 48 hours > 2024-01-01')), {
      code: 'BL216',
      underlined: '48 hours',
      message: 'a date is a day: it cannot move by hours',
      help: 'move it by whole days instead: `video.date + 2 days`',
    });
    clean(rule('video.date + 2 days > 2024-01-01'));
    // Hours are for actions.
    clean(rule('video.policies has spam', 'remove, strike for 12 hours'));
  });

  it('an unknown unit: did you mean the plural after a count other than 1, the singular after 1', () => {
    only(check(rule('video.policies has spam', 'remove, strike for 3 dayz')), {
      code: 'BL216',
      underlined: 'dayz',
      message: '`dayz` is not a unit of time',
      help: 'did you mean `days`?',
    });
    only(check(rule('video.date > 2024-01-01 + 1 yeer')), { code: 'BL216', underlined: 'yeer', message: '`yeer` is not a unit of time', help: 'did you mean `year`?' });
    only(check(rule('video.policies has spam', 'remove, strike for 2 fortnights')), {
      code: 'BL216',
      underlined: 'fortnights',
      message: '`fortnights` is not a unit of time',
      help: 'units: `hours`, `days`, `weeks`, `months`, `years` (or the singular)',
    });
  });

  it('a duration is a positive count', () => {
    only(check(rule('video.policies has spam', 'remove, strike for 0 weeks')), {
      code: 'BL216',
      underlined: '0',
      message: 'a duration is a positive number of weeks',
      help: 'write at least `1 week`',
    });
  });

  it('a fraction in a duration (BL014): whole units', () => {
    only(check(rule('video.policies has spam', 'remove, strike for 1.5 weeks')), {
      code: 'BL014',
      underlined: '1.5',
      message: '`1.5` is not an integer: Bylaw has integers only',
      help: 'a duration counts whole units: round `1.5`, or count a smaller unit',
    });
  });

  it('only a date moves by a duration (BL015)', () => {
    only(check(rule('video.strike_count + 2 days > 3')), {
      code: 'BL015',
      underlined: 'video.strike_count + 2 days',
      message: 'only a date moves by a duration; this is `int`',
      help: 'Bylaw has no arithmetic on numbers: compare the values directly',
    });
  });

  it('Bylaw has no clock: `today` is a date of the input', () => {
    only(check(rule('video.date > today - 90 days')), {
      code: 'BL201',
      underlined: 'today',
      message: 'unknown name `today`',
      help: 'Bylaw has no clock: a decision depends on its input alone, so compare with a date of the input, as in `video.date - 90 days`',
    });
  });
});

describe('outcomes and actions (BL305–BL307, BL303)', () => {
  it('a timed member without a duration, an untimed one with one', () => {
    only(check(rule('video.policies has spam', 'remove, strike')), {
      code: 'BL307',
      at: '3:16',
      underlined: 'strike',
      message: '`strike` needs a duration',
      help: '`Channel` declares `strike(duration)`: give it one, as in `strike for 1 week`',
    });
    only(check(rule('video.policies has spam', 'remove, warning for 90 days')), {
      code: 'BL307',
      underlined: '90 days',
      message: '`warning` takes no duration',
      help: '`Channel` declares `warning` without `(duration)`: drop `for 90 days`, or declare `warning(duration)`',
    });
    clean(rule('video.policies has spam', 'remove, strike for 1 week'));
  });

  it('a member on two outcome scales must be qualified', () => {
    const twice = 'scale Audience { everyone < adults < remove }\noutcome audience: Audience\n';
    only(check(twice + rule('video.policies has spam')), {
      code: 'BL305',
      underlined: 'remove',
      message: '`remove` is on the scales of `content` and `audience`',
      help: 'say which: `Content.remove` or `Audience.remove`',
    });
    clean(twice + rule('video.policies has spam', 'Content.remove'));
  });

  it('a qualified member that is not on the scale it names, and a scale that is no outcome’s', () => {
    only(check(rule('video.policies has spam', 'Content.strike for 1 week')), {
      code: 'BL304',
      underlined: 'strike',
      message: '`strike` is not an action on the scale `Content`',
      help: '`Content`: `allow` < `age_restrict` < `remove`',
    });
    only(check(rule('video.policies has spam', 'Chanel.warning')), {
      code: 'BL304',
      underlined: 'Chanel',
      message: '`Chanel` is not the scale of an outcome',
      help: 'did you mean `Channel`?',
    });
  });

  it('two actions for one outcome: one report, over every extra action', () => {
    only(check(rule('video.policies has spam', 'remove, warning, age_restrict')), {
      code: 'BL306',
      underlined: 'age_restrict',
      message: 'two actions for the outcome `content`',
      help: 'a clause names at most one action per outcome: keep `remove` or `age_restrict`',
      notes: ['`remove` is its first action @ 3:8'],
    });
    only(check(rule('video.policies has spam', 'warning, strike for 1 week, terminate')), {
      code: 'BL306',
      underlined: 'strike for 1 week, terminate',
      message: '3 actions for the outcome `channel`',
      help: 'a clause names at most one action per outcome: keep `warning`, `strike for 1 week` or `terminate`',
      notes: ['`warning` is its first action @ 3:8'],
    });
  });

  it('a thousand actions for one outcome: one report, and a help of bounded length', () => {
    const checked = check(rule('video.policies has spam', Array.from({ length: 1000 }, () => 'warning').join(', ')));
    expect(checked.diagnostics.map((d) => [d.code, d.message])).toEqual([['BL306', '1000 actions for the outcome `channel`']]);
    expect(checked.diagnostics[0]!.help).toBe(`a clause names at most one action per outcome: keep one of ${Array.from({ length: 8 }, () => '`warning`').join(', ')}, …`);
  });

  it('an exemption more severe than its rule in one outcome (BL303, per outcome)', () => {
    const body =
      rule('video.policies has harassment', 'remove, warning') +
      'exemption e\n  from r\n  when video.strike_count == 0\n  then age_restrict, strike for 1 week\n  because "y"\n';
    only(check(body), {
      code: 'BL303',
      at: '8:22',
      underlined: 'strike for 1 week',
      message: 'exemption `e` (`strike for 1 week`) is more severe than rule `r` (`warning`) in `channel`',
      help: 'an exemption softens a rule; use an action no more severe than `warning` (scale: `none` < `warning` < `strike` < `terminate`)',
      notes: ['`r` is declared here @ 1:6'],
    });
  });

  it('within one timed member, a longer duration is more severe; an equal length is not', () => {
    const exempt = (action: string) =>
      rule('video.policies has harassment', 'remove, strike for 1 week') + `exemption e\n  from r\n  when video.strike_count == 0\n  then allow, ${action}\n  because "y"\n`;
    only(check(exempt('strike for 8 days')), {
      code: 'BL303',
      underlined: 'strike for 8 days',
      message: 'exemption `e` (`strike for 8 days`) is more severe than rule `r` (`strike for 1 week`) in `channel`',
      help: 'an exemption softens a rule; use an action no more severe than `strike for 1 week` (scale: `none` < `warning` < `strike` < `terminate`)',
    });
    clean(exempt('strike for 7 days'));
    clean(exempt('strike for 168 hours'));
    clean(exempt('strike for 6 days'));
  });

  it('outcome declarations (BL308): twice, on something that is not a scale, two on one scale', () => {
    only(check('outcome content: Channel\n'), {
      code: 'BL308',
      underlined: 'content',
      message: 'outcome `content` is declared twice',
      help: 'each outcome is decided once; rename one of them',
      notes: ['first declared here @ -7:9'],
    });
    only(check('outcome topic: Policy\n'), {
      code: 'BL308',
      underlined: 'Policy',
      message: '`Policy` is not a scale',
      help: 'an outcome is decided on a scale: declare `scale Name { a < b }`',
    });
    only(check('outcome audience: Content\n'), {
      code: 'BL308',
      underlined: 'Content',
      message: 'outcomes `content` and `audience` share the scale `Content`',
      help: 'an action names its outcome by its scale: give each outcome a scale of its own',
      notes: ['`content` is declared here @ -7:1'],
    });
  });

  it('a scale whose least severe member is timed (BL309)', () => {
    only(check('scale Trust { probation(duration) < banned }\noutcome trust: Trust\n'), {
      code: 'BL309',
      underlined: 'probation(duration)',
      message: '`probation`, the least severe action of `Trust`, carries a duration',
      help: 'the least severe member is what an outcome gets when nothing decides it: put an action without a duration first, such as `none`',
    });
  });

  it('a rule shadowed by a red line in one outcome (BL403, per outcome): the other outcome still decides', () => {
    const checked = check('redline l\n  when video.policies has spam\n  then remove\n  because "x"\n' + rule('video.policies has spam and video.strike_count > 3', 'remove, warning'));
    only(checked, {
      code: 'BL403',
      severity: 'warning',
      underlined: 'r',
      message: 'rule `r` never decides in `content`: red line `l` fires whenever it does',
      help: 'a red line wins ties and cannot be exempted; remove the rule or make it more severe',
      notes: ['`l` (`remove`) is declared here @ 1:9'],
    });
    expect(checked.policy).not.toBeNull();
  });

  it('an outcome the rule does not name is not compared', () => {
    clean(rule('video.policies has harassment', 'remove') + 'exemption e\n  from r\n  when video.strike_count == 0\n  then age_restrict, terminate\n  because "y"\n');
  });
});

describe('lists and quantifiers (BL201, BL205, BL206, BL217, BL218)', () => {
  it('the element named outside `where`: the help moves the test inside', () => {
    only(check(rule('count(s in video.strikes where s.policy == spam) > 0 and s.date > 2024-01-01')), {
      code: 'BL201',
      at: '2:65',
      underlined: 's',
      message: '`s` is known only inside `count(s in video.strikes where …)`',
      help: 'test the element inside the `where`: `count(s in video.strikes where s.policy == spam and s.date > 2024-01-01)`',
      notes: ['`s` is bound here @ 2:14'],
    });
    clean(rule('count(s in video.strikes where s.policy == spam and s.date > 2024-01-01) > 0'));
  });

  it('named before its quantifier, too', () => {
    only(check(rule('s.policy == spam and any(s in video.strikes)')), {
      code: 'BL201',
      underlined: 's',
      message: '`s` is known only inside `any(s in video.strikes where …)`',
      help: 'test the element inside the `where`: `any(s in video.strikes where s.policy == spam)`',
      notes: ['`s` is bound here @ 2:33'],
    });
  });

  it('`count` compared with a date', () => {
    only(check(rule('count(s in video.strikes) > 2024-01-01')), {
      code: 'BL205',
      underlined: 'count(s in video.strikes) > 2024-01-01',
      message: 'cannot compare `int` with `date`',
      help: '`count(…)` is a number of elements; to test the elements, compare inside its `where`, as in `count(s in video.strikes where s.date > …) > 0`',
    });
  });

  it('`count` used as a condition', () => {
    only(check(rule('count(s in video.strikes)')), {
      code: 'BL208',
      underlined: 'count(s in video.strikes)',
      message: 'expected a condition, found a value of type `int`',
      help: 'compare it with a value, e.g. `> 0`',
    });
  });

  it('`has any {}` and `has all {}` name no member', () => {
    only(check(rule('video.policies has any {}')), {
      code: 'BL205',
      underlined: '{}',
      message: '`has any {}` names no member',
      help: '`has any {}` would never hold: list the members to test, as in `has any {spam, harassment}`',
    });
    only(check(rule('video.policies has all {}')), {
      code: 'BL205',
      underlined: '{}',
      message: '`has all {}` names no member',
      help: '`has all {}` would always hold: list the members to test, as in `has all {spam, harassment}`',
    });
    only(check(rule('video.policies has any {spam, harasment}')), {
      code: 'BL204',
      underlined: 'harasment',
      message: '`harasment` is not a member of `Policy`',
      help: 'did you mean `harassment`?',
    });
  });

  it('`has` on a list, and a list read as a record', () => {
    only(check(rule('video.strikes has spam')), {
      code: 'BL206',
      underlined: 'video.strikes',
      message: '`has` needs a set, found `list<Strike>`',
      help: 'to test the elements of a list, write `any(x in video.strikes where …)`',
    });
    only(check(rule('video.strikes.length > 2')), {
      code: 'BL202',
      underlined: 'length',
      message: '`video.strikes` is of type `list<Strike>`, which has no fields',
      help: 'to count its elements, write `count(x in video.strikes)`',
    });
  });

  it('a quantifier over a value that is not a list (BL217): the lists beside it', () => {
    only(check(rule('count(s in video.strike_count) > 2')), {
      code: 'BL217',
      underlined: 'video.strike_count',
      message: '`count` goes over a list or a set, not `int`',
      help: 'lists and sets beside it: `video.policies`, `video.strikes`',
    });
    only(check(rule('any(s in video.strike where s.policy == spam)')), {
      code: 'BL202',
      underlined: 'strike',
      message: '`Video` has no field `strike`',
      help: 'did you mean `strikes`?',
    });
  });

  it('an element named like the input or an enclosing element (BL218)', () => {
    only(check(rule('any(video in video.strikes where video.policy == spam)')), {
      code: 'BL218',
      underlined: 'video',
      message: '`video` already names the input',
      help: 'give the element a name of its own, such as a single letter',
    });
    clean(rule('any(s in video.strikes where any(t in video.strikes where t.date > s.date and t.policy == s.policy))'));
  });
});

describe('`use … except` (BL109)', () => {
  const rules = `${PREAMBLE}context warned = any(s in video.strikes)\n${rule('video.policies has spam and not warned')}`;
  const set = (v2: string) =>
    checkFiles({ 'b2/rules.policy': rules, 'b2/v2.policy': `version "2"\neffective 2024-01-01\n${v2}` }, 'b2/v2.policy');

  it('a name the module does not declare: did you mean, and no second error for the version’s own declaration', () => {
    only(set('use rules except warnd\ncontext warned = any(s in video.strikes where s.policy == spam)\n'), {
      code: 'BL109',
      underlined: 'warnd',
      message: 'module `rules` declares no `warnd`',
      help: 'did you mean `warned`?',
    });
    expect(set('use rules except warned\ncontext warned = any(s in video.strikes where s.policy == spam)\n').diagnostics).toEqual([]);
  });

  it('nothing close: the help lists what can be left out', () => {
    only(set('use rules except zzz\n'), {
      code: 'BL109',
      underlined: 'zzz',
      message: 'module `rules` declares no `zzz`',
      help: '`except` names clauses and contexts that `rules` itself declares: `warned`, `r`',
    });
  });

  it('a type cannot be left out', () => {
    const checked = set('use rules except Strike\n');
    expect(checked.diagnostics.map((d) => [d.code, underlined(d, checked.sources), d.message])).toEqual([
      ['BL109', 'Strike', '`Strike` is a record: `except` leaves out clauses and contexts only'],
    ]);
  });
});

describe('parse mistakes around the new syntax', () => {
  it.each([
    ['context c = some(s in video.strikes where s.policy == spam)', 'BL019', 'some', '`some(…)` is not a quantifier', 'did you mean `any`, as in `any(s in video.strikes where …)`?'],
    ['context c = size(s in video.strikes) > 2', 'BL019', 'size', '`size(…)` is not a quantifier', 'did you mean `count`, as in `count(s in video.strikes where …)`?'],
    [
      'context c = tally(s in video.strikes) > 2',
      'BL019',
      'tally',
      '`tally(…)` is not a quantifier',
      'a list is counted or tested with `count(x in LIST where …)`, `any(x in LIST where …)` or `all(x in LIST where …)`; Bylaw has no other functions',
    ],
    ['context c = every(s in video.strikes where s.policy == spam)', 'BL002', 'every', 'expected a condition, found `every`', 'a condition that holds for every element is written `all(x in LIST where …)`'],
    ['context c = exists(video.review)', 'BL002', 'exists', 'expected a condition, found `exists`', '`exists` follows the field it tests: `video.review exists`'],
    ['context c = count(video.strikes) > 2', 'BL002', '.', 'expected `in`, found `.`', 'name each element of the list: `count(x in video.strikes)`, then test it with `where`, as in `count(x in video.strikes where …)`'],
    ['context c = count(s in video.strikes when s.policy == spam) > 2', 'BL002', 'when', 'expected `)`, found `when`', 'the condition on each element follows `where`: `count(s in video.strikes where …)`'],
    ['context c = count(s in video.strikes if s.policy == spam) > 2', 'BL011', 'if', '`if` is not a keyword in Bylaw', 'the condition on each element follows `where`: `count(s in video.strikes where …)`'],
    ['context c = video.policies has some {spam}', 'BL002', '{', 'expected a declaration (`rule`, `redline`, `exemption`, `context`, `enum`, `record`, `use`, …), found `{`', 'test several members with `has any {a, b}` (at least one of them) or `has all {a, b}` (every one)'],
    ['scale Trust { none < probation(weeks) }', 'BL020', 'weeks', '`(weeks)` is not a mark of a scale member', 'a member whose every use carries a duration is written `NAME(duration)`, as in `restrict(duration)`'],
    ['record Appeal { note?: string }', 'BL018', 'note?', '`note?` marks the name, not the type', 'the `?` follows the type: `note: string?`'],
    ['context c = video.review?.score > 3', 'BL018', 'review?', '`review?` is not how an optional field is read', 'test that the field is there before reading it: `video.review exists and …`'],
  ])('%s', (body, code, word, message, help) => {
    only(check(`${body}\n`), { code, underlined: word, message, help });
  });

  it('actions joined by `and` (BL016) in a `then` with durations', () => {
    only(check(rule('video.policies has spam', 'remove and strike for 1 week')), {
      code: 'BL016',
      underlined: 'and strike for 1 week',
      message: 'actions are separated by commas, not `and`',
      help: 'write `then remove, strike for 1 week`: one action for each outcome the clause decides',
    });
  });
});
