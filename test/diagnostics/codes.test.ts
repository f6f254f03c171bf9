import { describe, expect, expectTypeOf, it } from 'vitest';
import { CODES, type Code } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkFiles, checkPolicy, underlined, type Checked } from '../support/policies.js';
import { CASES } from './cases.js';
import { fixtureNames, runFixture } from './run-fixture.js';

/** Every code some test below saw emitted; the last test checks it covers CODES. */
const emitted = new Set<string>();

interface Expected {
  readonly code: Code;
  readonly underlined: string;
  readonly message: string;
  /** null: the diagnostic has no help. */
  readonly help?: string | null;
}

interface Seen {
  readonly code: string;
  readonly severity: string;
  readonly underlined: string;
  readonly message: string;
  readonly help: string | null;
}

function seen(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): Seen[] {
  for (const d of diagnostics) emitted.add(d.code);
  return diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    underlined: underlined(d, sources),
    message: d.message,
    help: d.help ?? null,
  }));
}

/** `checked` reports `expected` (among possibly others), with the registry's severity. */
function expectDiagnostic(checked: Checked, expected: Expected): void {
  const all = seen(checked.diagnostics, checked.sources);
  everyHasHelp(all);
  const want = { severity: CODES[expected.code].severity, help: null, ...expected };
  expect(all).toContainEqual(want);
}

/** `checked` reports exactly `expected`, nothing else. */
function expectOnly(checked: Checked, expected: Expected): void {
  const want = { severity: CODES[expected.code].severity, help: null, ...expected };
  const all = seen(checked.diagnostics, checked.sources);
  everyHasHelp(all);
  expect(all).toEqual([want]);
}

/** Every diagnostic says what to do about it (the house standard): none is left without a help. */
function everyHasHelp(all: ReturnType<typeof seen>): void {
  for (const d of all) expect(d.help, `${d.code}: ${d.message}`).not.toBeNull();
}

describe('one fixture per code (test/fixtures)', () => {
  it.each(CASES.map((c) => [c.code, c] as const))('%s', (code, c) => {
    const run = runFixture(c.fixture, c.options);
    const all = seen(run.diagnostics, run.sources);
    expect(all).toHaveLength(c.total ?? 1);
    const d = run.diagnostics.find((x) => x.code === code);
    expect(d, `${c.fixture} emits ${code}`).toBeDefined();
    expect(d!.severity).toBe(CODES[code].severity);
    expect(d!.span.file).toBe(c.file ?? run.root);
    expect(underlined(d!, run.sources)).toBe(c.underlined);
    expect(d!.message).toBe(c.message);
    expect(d!.help ?? null).toBe(c.help);
    expect(d!.notes.map((n) => n.message)).toEqual(c.notes ?? []);
    // A note points somewhere real: into a file that was read.
    for (const note of d!.notes) if (note.span) expect([...run.sources.keys()]).toContain(note.span.file);
  });
});

// ------------------------------------------------------------------ variants, by family

describe('syntax (BL0xx)', () => {
  it('BL001: help for characters from other languages', () => {
    expectDiagnostic(checkPolicy('context c = post.public_interest # leaders\n'), {
      code: 'BL001',
      underlined: '#',
      message: 'unexpected character `#`',
      help: 'comments start with `//`',
    });
    expectDiagnostic(checkPolicy("rule r\n  when post.author.handle == 'x'\n  then remove\n  because \"x\"\n"), {
      code: 'BL001',
      underlined: "'",
      message: "unexpected character `'`",
      help: 'strings use double quotes `"`',
    });
    expectDiagnostic(checkPolicy('rule r\n  when post.author.handle == \u201cx\u201d\n  then remove\n  because "x"\n'), {
      code: 'BL001',
      underlined: '\u201c',
      message: 'unexpected character `\u201c`',
      help: 'strings use straight double quotes `"`',
    });
    expectDiagnostic(checkPolicy('context c = post.target in [individual]\n'), {
      code: 'BL001',
      underlined: '[',
      message: 'unexpected character `[`',
      help: 'sets are written with braces: `{a, b}`',
    });
  });

  it('BL001: control characters are named by code point, not printed', () => {
    expectDiagnostic(checkPolicy('context c = post.public_interest \u0007\n'), {
      code: 'BL001',
      underlined: '\u0007',
      message: 'unexpected character `U+0007`',
      help: 'this is a control character; delete it (inside a string, write a tab as `\\t` and a line break as `\\n`)',
    });
    // A lone surrogate (broken UTF-16) would print as `�`.
    expectDiagnostic(checkPolicy('context c = post.public_interest \ud800\n'), {
      code: 'BL001',
      underlined: '\ud800',
      message: 'unexpected character `U+D800`',
      help: 'this is half of a character that was cut in two (broken UTF-16); delete it or retype the character',
    });
  });

  it('BL002: what cannot start a declaration, however the parser gets there', () => {
    for (const [text, found] of [['context c = x = 1\n', '='], ['context c = post.public_interest post\n', 'post']]) {
      expectDiagnostic(checkPolicy(text!), {
        code: 'BL002',
        underlined: found!,
        message: `expected a declaration (\`rule\`, \`redline\`, \`exemption\`, \`context\`, \`enum\`, \`record\`, \`use\`, …), found \`${found}\``,
        help:
          found === '='
            ? '`=` names a context; to compare two values write `==`'
            : 'a policy file is a list of declarations, each starting with its keyword: `policy`, `version`, `effective`, `source`, `use`, `input`, `enum`, `record`, `scale`, `outcome`, `context`, `redline`, `rule`, `exemption`, `default` or `statement`',
      });
    }
  });

  it('BL002: `=` in a context body, a missing `then`, a missing `when`, a missing comma', () => {
    expectOnly(checkPolicy('context c = post.author.strikes = 3\nrule r\n  when c\n  then remove\n  because "x"\n'), {
      code: 'BL002',
      underlined: '=',
      message: 'expected a declaration (`rule`, `redline`, `exemption`, `context`, `enum`, `record`, `use`, …), found `=`',
      help: '`=` names a context; to compare two values write `==`',
    });
    expectOnly(checkPolicy('rule r\n  when post.public_interest\n  because "x"\n'), {
      code: 'BL002',
      underlined: 'because',
      message: 'expected `then`, found `because`',
      help: 'every clause needs `then ACTION` before `because`',
    });
    expectOnly(checkPolicy('rule r\n  then remove\n  because "x"\n'), {
      code: 'BL002',
      underlined: 'then',
      message: 'expected `when`, found `then`',
      help: 'every clause needs a `when` condition',
    });
    expectOnly(checkPolicy('context c = post.target in {individual group}\n'), {
      code: 'BL002',
      underlined: 'group',
      message: 'expected `}`, found `group`',
      help: 'separate the items with `,`',
    });
  });

  it('BL002: at the end of the file the span is empty, just after the last token', () => {
    const checked = checkPolicy('rule r\n  when post.public_interest and\n');
    const d = checked.diagnostics.find((x) => x.code === 'BL002')!;
    expectOnly(checked, {
      code: 'BL002',
      underlined: '',
      message: 'expected a condition, found the end of the file',
      // No hint fits the token: the help shows the form of what was being written.
      help: 'a rule reads `rule NAME when CONDITION unless CONDITION then ACTION because "…"`; `unless` is optional',
    });
    const text = checked.sources.get(d.span.file)!;
    expect(d.span.start.offset).toBe(text.indexOf(' and') + 4);
  });

  it('BL003: at the very end of the file', () => {
    expectOnly(checkPolicy('rule r\n  when post.public_interest\n  then remove\n  because "no end'), {
      code: 'BL003',
      underlined: '"no end',
      message: 'unterminated string',
      help: 'close the string with `"` on the same line; write a line break as `\\n`',
    });
  });

  it('BL004: a unicode escape beyond U+10FFFF', () => {
    expectOnly(checkPolicy('rule r\n  when post.author.handle == "\\u{110000}"\n  then remove\n  because "x"\n'), {
      code: 'BL004',
      underlined: '\\u',
      message: 'invalid escape `\\u` in string',
      help: 'valid escapes are `\\n`, `\\t`, `\\r`, `\\0`, `\\"`, `\\\\` and `\\u{…}`',
    });
  });

  it('BL005: a month that does not exist, in a header', () => {
    expectOnly(checkFiles({ 'fixture/v.policy': 'effective 2019-13-01\n' }), {
      code: 'BL005',
      underlined: '2019-13-01',
      message: '`2019-13-01` is not a calendar date',
      help: 'dates are written `YYYY-MM-DD`, with a month from 01 to 12 and a day that exists in that month',
    });
  });

  it('BL006: too large, leading zeros', () => {
    expectOnly(checkPolicy('context c = post.author.followers > 99999999999999999999\n'), {
      code: 'BL006',
      underlined: '99999999999999999999',
      message: 'integer literal `99999999999999999999` is too large',
      help: 'integers must lie between -9007199254740991 and 9007199254740991',
    });
    expectOnly(checkPolicy('context c = post.author.followers > 007\n'), {
      code: 'BL006',
      underlined: '007',
      message: 'invalid integer literal `007`',
      help: 'write digits with single `_` between groups, e.g. `100_000`, and no leading zeros',
    });
  });

  it('BL007: a long chain of `not`', () => {
    const checked = checkPolicy(`context c = ${'not '.repeat(101)}post.public_interest\n`);
    expectOnly(checked, {
      code: 'BL007',
      underlined: 'not',
      message: 'expression nested more than 100 levels deep',
      help: 'split the condition into named contexts',
    });
    const d = checked.diagnostics[0]!;
    expect(d.span.start.column).toBe('context c = '.length + 100 * 4 + 1);
  });

  it('BL008: each foreign operator gets its Bylaw spelling', () => {
    const cases: [string, string][] = [
      ['||', 'use `or`'],
      ['|', 'use `or`'],
      ['&', 'use `and`'],
    ];
    for (const [op, help] of cases) {
      expectOnly(checkPolicy(`context c = post.public_interest ${op} post.author.verified\nrule r\n  when c\n  then remove\n  because "x"\n`), {
        code: 'BL008',
        underlined: op,
        message: `\`${op}\` is not an operator in Bylaw`,
        help,
      });
    }
    expectOnly(checkPolicy('rule r\n  when !post.public_interest\n  then remove\n  because "x"\n'), {
      code: 'BL008',
      underlined: '!',
      message: '`!` is not an operator in Bylaw',
      help: 'use `not`',
    });
    expectOnly(checkPolicy('rule r\n  when post.target <> none\n  then remove\n  because "x"\n'), {
      code: 'BL008',
      underlined: '<>',
      message: '`<>` is not an operator in Bylaw',
      help: 'use `!=`',
    });
    expectOnly(checkPolicy('rule r\n  when post.public_interest => post.author.verified\n  then remove\n  because "x"\n'), {
      code: 'BL008',
      underlined: '=>',
      message: '`=>` is not an operator in Bylaw',
      help: 'Bylaw has no implication; write `A => B` as `not A or B`',
    });
  });
});

describe('modules and policy sets (BL1xx)', () => {
  const version = (n: number, date: string, body = 'use moderation\ninput post: Post\ndefault allow\n') =>
    `policy example\nversion "${n}"\neffective ${date}\n${body}`;

  it('BL101: no close name, so the help says where Bylaw looked', () => {
    expectOnly(checkFiles({ 'fixture/v.policy': 'use nothing_like_it\n' }), {
      code: 'BL101',
      underlined: 'nothing_like_it',
      message: 'cannot find module `nothing_like_it`',
      help: 'looked for `nothing_like_it.policy` next to the file and in `stdlib/`',
    });
  });

  it('BL102: a module that uses itself', () => {
    expectOnly(checkFiles({ 'fixture/v.policy': 'use moderation\nuse v\ninput post: Post\ndefault allow\n' }), {
      code: 'BL102',
      underlined: 'use v',
      message: 'import cycle: `v` → `v`',
      help: 'move what both modules need into a third module that neither uses',
    });
  });

  it('BL103: a folder where no file is a version, and a folder without policies', () => {
    expectOnly(checkFiles({ 'set/a.policy': 'use moderation\n', 'set/b.policy': 'use a\n' }, 'set'), {
      code: 'BL103',
      underlined: '',
      message: 'policy set `set` has no version: no file declares `effective`',
      help: 'a version file starts with `policy NAME`, `version "…"` and `effective YYYY-MM-DD`',
    });
    expectOnly(checkFiles({ 'empty/README.md': '# nothing here\n' }, 'empty'), {
      code: 'BL103',
      underlined: '',
      message: 'folder `empty` holds no `.policy` files',
      help: 'name a `.policy` file, or a policy set: a folder of `.policy` files, one per version',
    });
  });

  it('BL104: notes where the other version is', () => {
    const checked = checkFiles({ 'set/v1.policy': version(1, '2020-01-01'), 'set/v2.policy': version(2, '2020-01-01') }, 'set');
    const d = checked.diagnostics.find((x) => x.code === 'BL104')!;
    expect(d.span.file).toBe('set/v2.policy');
    expect(d.notes[0]!.span!.file).toBe('set/v1.policy');
    expect(underlined({ ...d, span: d.notes[0]!.span! }, checked.sources)).toBe('effective 2020-01-01');
  });

  it('BL105: a field declared twice, and a rule named like a context', () => {
    expectOnly(checkPolicy('record Appeal { reason: string, reason: string }\n'), {
      code: 'BL105',
      underlined: 'reason',
      message: 'field `reason` is declared twice in `Appeal`',
      help: 'a record has each field once; rename or delete one of them',
    });
    expectDiagnostic(checkPolicy('context harassment = post.categories has harassment\nrule harassment\n  when harassment\n  then remove\n  because "x"\n'), {
      code: 'BL105',
      underlined: 'harassment',
      message: '`harassment` is declared twice',
      help: 'names must be unique across a file and every module it uses; rename one of them',
    });
  });

  it('BL106: a path that is neither a file nor a folder', () => {
    expectOnly(checkFiles({}, 'nowhere'), {
      code: 'BL106',
      underlined: '',
      message: 'cannot read `nowhere`: no such file or folder',
      help: 'check the spelling; a relative path is read from the current folder',
    });
    expectOnly(checkFiles({}, 'nowhere.policy'), {
      code: 'BL106',
      underlined: '',
      message: 'cannot read `nowhere.policy`',
      help: 'check that the file exists, is a file and that you may read it',
    });
  });

  it('BL107: a date field of the wrong type', () => {
    const body = 'scale Action { allow < remove }\nrecord Post { date: string }\ninput post: Post\ndefault allow\n';
    expectOnly(checkFiles({ 'set/v1.policy': version(1, '2020-01-01', body) }, 'set'), {
      code: 'BL107',
      underlined: 'Post',
      message: 'the input `Post` has no `date: date` field to pick the version in force',
      help: "a policy set with `effective` dates decides by the input's date: add `date: date` to the input record",
    });
  });

  it('BL108: each header at most once', () => {
    expectOnly(checkPolicy('source "a"\nsource "b"\n'), {
      code: 'BL108',
      underlined: 'source "b"',
      message: '`source` is given twice',
      help: 'a file has at most one `source`',
    });
  });
});

describe('names and types (BL2xx)', () => {
  const rule = (when: string) => `rule r\n  when ${when}\n  then remove\n  because "x"\n`;

  it('BL201: a mistyped enum member where a condition is expected', () => {
    expectOnly(checkPolicy(rule('world_leaderr')), {
      code: 'BL201',
      underlined: 'world_leaderr',
      message: 'unknown name `world_leaderr`',
      help: 'did you mean `world_leader`?',
    });
  });

  it('BL201: a mistyped context (which is then unused, BL401)', () => {
    expectDiagnostic(checkPolicy(`context political = post.topic == political_issue\n${rule('politcal')}`), {
      code: 'BL201',
      underlined: 'politcal',
      message: 'unknown name `politcal`',
      help: 'did you mean `political`?',
    });
  });

  it('BL201: nothing close, so the help says what a condition may name', () => {
    expectOnly(checkPolicy(rule('zzz_unrelated')), {
      code: 'BL201',
      underlined: 'zzz_unrelated',
      message: 'unknown name `zzz_unrelated`',
      help: 'a condition names a context, a field of the input or a literal',
    });
  });

  it('BL202: fields of a context, of a string; nothing close lists the fields', () => {
    expectDiagnostic(checkPolicy(`context leader = post.author.role == world_leader\n${rule('leader.verified')}`), {
      code: 'BL202',
      underlined: 'verified',
      message: '`leader` is a context; it has no fields',
      help: 'a context is a condition: use it alone, as in `when leader`',
    });
    expectOnly(checkPolicy(rule('post.author.handle.length > 3')), {
      code: 'BL202',
      underlined: 'length',
      message: '`post.author.handle` is of type `string`, which has no fields',
      help: 'only records have fields; a `string` is used whole, as in `post.author.handle == …`',
    });
    expectOnly(checkPolicy(rule('post.author.zzzzzz')), {
      code: 'BL202',
      underlined: 'zzzzzz',
      message: '`Account` has no field `zzzzzz`',
      help: 'fields of `Account`: `handle`, `role`, `verified`, `followers`, `strikes`',
    });
  });

  it('BL203: a scale is not a type; nothing close lists the types', () => {
    expectOnly(checkPolicy('record Appeal { outcome: Action }\n'), {
      code: 'BL203',
      underlined: 'Action',
      message: '`Action` is a scale, not a type',
      help: 'types are `bool`, `int`, `string`, `date`, `set<Enum>`, `list<T>` and declared enums and records',
    });
    expectOnly(checkPolicy('record Appeal { outcome: Zzzzzz }\n'), {
      code: 'BL203',
      underlined: 'Zzzzzz',
      message: 'unknown type `Zzzzzz`',
      help: 'types are `bool`, `int`, `string`, `date`, `set<Enum>`, `list<T>` and declared enums and records',
    });
  });

  it('BL204: after `has`, qualified, in a set; nothing close lists the members', () => {
    expectOnly(checkPolicy(rule('post.categories has harasment')), {
      code: 'BL204',
      underlined: 'harasment',
      message: '`harasment` is not a member of `Category`',
      help: 'did you mean `harassment`?',
    });
    expectOnly(checkPolicy(rule('post.author.role == Role.world_leadr')), {
      code: 'BL204',
      underlined: 'world_leadr',
      message: '`world_leadr` is not a member of `Role`',
      help: 'did you mean `world_leader`?',
    });
    expectOnly(checkPolicy(rule('post.target in {individual, world_leader}')), {
      code: 'BL204',
      underlined: 'world_leader',
      message: '`world_leader` is not a member of `Target`',
      help: 'members of `Target`: `none`, `individual`, `public_figure`, `group`, `protected_group`, `state`',
    });
  });

  it('BL205: the other type errors', () => {
    const cases: [string, Omit<Expected, 'code'>][] = [
      ['world_leader == post.author.followers', { underlined: 'world_leader == post.author.followers', message: 'cannot compare `Role` with `int`', help: '`world_leader` is a `Role`; did you mean `post.author.role`?' }],
      ['post.author.handle == 3', { underlined: 'post.author.handle == 3', message: 'cannot compare `string` with `int`', help: 'both sides of a comparison must have the same type' }],
      ['post.author.followers in {1, world_leader}', { underlined: 'world_leader', message: '`Role` value in a set of `int`', help: 'every value in the set must have the type `int`, like what it is tested against' }],
      ['{individual}', { underlined: '{individual}', message: 'a set literal can only follow `in`', help: 'write `x in {a, b}`' }],
      ['post', { underlined: 'post', message: '`post` is the whole input; name one of its fields', help: 'fields of `Post`: `date`, `author`, `target`, `categories`, `topic`, `public_interest`, `offline_harm_risk`' }],
      ['1 == 1', { underlined: '1 == 1', message: 'both sides are literals; the comparison never depends on the input', help: 'compare a field of the input with a value' }],
      ['post.categories in {harassment}', { underlined: 'post.categories in {harassment}', message: '`in` tests one value; `set<Category>` is a set', help: 'to test whether the set holds it, write `post.categories has harassment`' }],
      ['post.author in {world_leader}', { underlined: 'post.author', message: 'a record cannot be tested with `in`; test one of its fields', help: 'write `RECORD.FIELD in {a, b}` with the field that holds the value' }],
      ['post.author == post.author', { underlined: 'post.author == post.author', message: 'values of type `Account` cannot be compared', help: 'compare one of its fields' }],
      ['post.categories == post.categories', { underlined: 'post.categories == post.categories', message: 'values of type `set<Category>` cannot be compared', help: 'test membership with `has`' }],
      ['post.author.followers in {post.author.strikes}', { underlined: 'post.author.strikes', message: 'the set after `in` holds literals only', help: 'to compare two fields, write `==`' }],
      ['post.categories has 3', { underlined: '3', message: 'expected a member of `Category` after `has`', help: 'members of `Category`: `violent_threat`, `terrorism`, `violent_extremism`, `child_sexual_exploitation`, `private_information`, `intimate_media`, `self_harm`, `hateful_conduct`, `harassment`, `glorification_of_violence`, `civic_integrity`' }],
    ];
    for (const [when, expected] of cases) expectOnly(checkPolicy(rule(when)), { code: 'BL205', ...expected });
  });

  it('BL205: a rule or an enum used as a value', () => {
    expectOnly(checkPolicy(`rule s\n  when post.public_interest\n  then notice\n  because "x"\n${rule('s')}`), {
      code: 'BL205',
      underlined: 's',
      message: '`s` is a rule, not a value',
      help: 'to share a condition between clauses, declare a `context`',
    });
    expectOnly(checkPolicy(rule('Role')), {
      code: 'BL205',
      underlined: 'Role',
      message: '`Role` is an enum, not a value',
      help: 'name one of its members, as in `Role.ordinary`',
    });
    expectOnly(checkPolicy(`context c = post.public_interest\n${rule('c == true')}`), {
      code: 'BL205',
      underlined: 'c',
      message: 'a condition cannot be compared; use it directly or with `not`',
      help: 'write the condition alone for `== true`, and with `not` for `== false`',
    });
  });

  it('BL206: on a number', () => {
    expectOnly(checkPolicy(rule('post.author.followers has harassment')), {
      code: 'BL206',
      underlined: 'post.author.followers',
      message: '`has` needs a set, found `int`',
      help: 'only `set<Enum>` fields have members',
    });
  });

  it('BL207: strings have no order', () => {
    expectOnly(checkPolicy(rule('post.author.handle < "m"')), {
      code: 'BL207',
      underlined: 'post.author.handle < "m"',
      message: '`<` needs ordered values, and `string` has no order',
      help: 'only `int` and `date` values are ordered',
    });
  });

  it('BL208: a set and an enum where a condition is expected', () => {
    expectOnly(checkPolicy(rule('post.categories')), {
      code: 'BL208',
      underlined: 'post.categories',
      message: 'expected a condition, found a value of type `set<Category>`',
      help: 'test membership with `has`, e.g. `post.categories has hateful_conduct`',
    });
    expectOnly(checkPolicy(rule('post.target and post.public_interest')), {
      code: 'BL208',
      underlined: 'post.target',
      message: 'expected a condition, found a value of type `Target`',
      help: 'compare it, e.g. `== member` or `in {a, b}`',
    });
  });

  it('BL209: a context that names itself', () => {
    expectOnly(checkPolicy(`context c = c or post.public_interest\n${rule('c')}`), {
      code: 'BL209',
      underlined: 'c',
      message: 'context `c` depends on itself: `c` → `c`',
      help: 'a context is a fixed condition; break the cycle by writing one of them out in full',
    });
  });

  it('BL210: every kind of invalid type', () => {
    const cases: [string, Omit<Expected, 'code'>][] = [
      ['flag: bool(0..1)', { underlined: 'bool(0..1)', message: 'only `int` takes bounds, not `bool`', help: 'write `bool` without bounds' }],
      ['count: int(5..1)', { underlined: 'int(5..1)', message: 'empty range: 5 is greater than 1', help: 'write the lower bound first: `int(LOW..HIGH)`' }],
      ['tags: set', { underlined: 'set', message: '`set` needs an element type', help: 'write `set<Enum>`' }],
      ['name: string<Role>', { underlined: 'string<Role>', message: '`string` takes no type argument', help: 'only `set<Enum>` and `list<T>` have a type argument' }],
      ['again: Appeal', { underlined: 'Appeal', message: 'record `Appeal` contains itself', help: 'records are finite trees: a record cannot have a field of its own type, directly or through others' }],
    ];
    for (const [field, expected] of cases) expectOnly(checkPolicy(`record Appeal { ${field} }\n`), { code: 'BL210', ...expected });
    expectOnly(checkFiles({ 'fixture/v.policy': 'use moderation\ninput post: int\ndefault allow\n' }), {
      code: 'BL210',
      underlined: 'int',
      message: 'the input must be a record',
      help: 'declare `record Post { … }` and write `input post: Post`',
    });
  });

  it('BL211: no input, no scale', () => {
    expectOnly(checkFiles({ 'fixture/v.policy': 'use moderation\ndefault allow\n' }), {
      code: 'BL211',
      underlined: 'use moderation',
      message: 'no `input` declared',
      help: 'declare one, e.g. `input post: Post`, here or in a module this file uses',
    });
    expectOnly(checkFiles({ 'fixture/v.policy': 'record Post { flagged: bool }\ninput post: Post\ndefault allow\n' }), {
      code: 'BL211',
      underlined: 'record Post { flagged: bool }',
      message: 'no `scale` declared',
      help: 'declare one, e.g. `scale Action { allow < remove }`, here or in a module this file uses',
    });
  });

  it('BL212: a second input, a second scale (the first in the stdlib)', () => {
    expectOnly(checkPolicy('input other: Post\n'), {
      code: 'BL212',
      underlined: 'input other: Post',
      message: '`input` is declared more than once',
      help: 'a version has exactly one `input`',
    });
    const checked = checkPolicy('scale Severity { low < high }\n');
    expectOnly(checked, {
      code: 'BL212',
      underlined: 'scale Severity { low < high }',
      message: '`scale` is declared more than once',
      help: 'a version has exactly one `scale`',
    });
    expect(checked.diagnostics[0]!.notes[0]!.span!.file).toMatch(/stdlib\/moderation\.policy$/);
  });

  it('BL213: in a set, and above a maximum', () => {
    expectOnly(checkPolicy(rule('post.author.strikes in {0, -2}')), {
      code: 'BL213',
      underlined: '-2',
      message: '`-2` is outside the bounds of `post.author.strikes`, declared `int(0..)`',
      help: 'values of `post.author.strikes` lie in `0..`; a comparison with a value outside them never depends on the input',
    });
    const preamble = 'use moderation\nrecord Report { severity: int(1..5), post: Post }\ninput report: Report\ndefault allow\n';
    expectOnly(checkPolicy('rule r\n  when 6 <= report.severity\n  then remove\n  because "x"\n', { preamble }), {
      code: 'BL213',
      underlined: '6',
      message: '`6` is outside the bounds of `report.severity`, declared `int(1..5)`',
      help: 'values of `report.severity` lie in `1..5`; a comparison with a value outside them never depends on the input',
    });
    // Within the bounds, even at the edges, is fine.
    expect(checkPolicy(rule('post.author.strikes >= 0'), {}).diagnostics).toEqual([]);
  });
});

describe('clauses (BL3xx)', () => {
  const clause = (kind: string, name: string, when: string, action: string, from = '') =>
    `${kind} ${name}\n${from ? `  from ${from}\n` : ''}  when ${when}\n  then ${action}\n  because "x"\n`;

  it('BL301: a red line among rules in the `from` list', () => {
    const checked = checkPolicy(
      clause('redline', 'terror', 'post.categories has terrorism', 'suspend') +
        clause('rule', 'harassment', 'post.categories has harassment', 'remove') +
        clause('exemption', 'e', 'post.public_interest', 'notice', 'harassment, terror'),
    );
    expectOnly(checked, {
      code: 'BL301',
      underlined: 'terror',
      message: 'exemption `e` names red line `terror`',
      help: 'red lines cannot be exempted; to allow exceptions, make it a `rule`',
    });
  });

  it('BL302: nothing close, so the help says what `from` may name', () => {
    expectOnly(checkPolicy(clause('exemption', 'e', 'post.public_interest', 'allow', 'zzz_unrelated')), {
      code: 'BL302',
      underlined: 'zzz_unrelated',
      message: 'unknown rule `zzz_unrelated`',
      help: "an exemption's `from` names rules declared in this file or a module it uses",
    });
  });

  it('BL302: a context is not a rule', () => {
    expectOnly(checkPolicy(`context c = post.public_interest\n${clause('exemption', 'e', 'c', 'allow', 'c')}`), {
      code: 'BL302',
      underlined: 'c',
      message: '`c` is a context, not a rule',
      help: "an exemption's `from` names rules; to exempt only when `c` holds, write `when c`",
    });
  });

  it('BL303: one exemption, two rules, only the softer one reported', () => {
    const checked = checkPolicy(
      clause('rule', 'soft', 'post.categories has harassment', 'notice') +
        clause('rule', 'hard', 'post.categories has terrorism', 'suspend') +
        clause('exemption', 'e', 'post.public_interest', 'remove', 'soft, hard'),
    );
    expectOnly(checked, {
      code: 'BL303',
      underlined: 'remove',
      message: 'exemption `e` (`remove`) is more severe than rule `soft` (`notice`)',
      help: 'an exemption softens a rule; use an action no more severe than `notice` (scale: `allow` < `notice` < `remove` < `lock` < `suspend`)',
    });
  });

  it('BL304: in `default`; nothing close lists the scale', () => {
    expectOnly(checkFiles({ 'fixture/v.policy': 'use moderation\ninput post: Post\ndefault alow\n' }), {
      code: 'BL304',
      underlined: 'alow',
      message: '`alow` is not an action on the scale `Action`',
      help: 'did you mean `allow`?',
    });
    expectOnly(checkPolicy(clause('rule', 'r', 'post.public_interest', 'obliterate')), {
      code: 'BL304',
      underlined: 'obliterate',
      message: '`obliterate` is not an action on the scale `Action`',
      help: '`Action`: `allow` < `notice` < `remove` < `lock` < `suspend`',
    });
  });
});

describe('warnings (BL4xx)', () => {
  const clause = (kind: string, name: string, when: string, rest = '  then remove\n  because "x"\n', from = '') =>
    `${kind} ${name}\n${from ? `  from ${from}\n` : ''}  when ${when}\n${rest}`;

  it('warnings leave the policy usable', () => {
    const checked = checkPolicy(clause('rule', 'r', 'post.public_interest', '  then remove\n'));
    expect(checked.diagnostics.map((d) => d.code)).toEqual(['BL404']);
    expect(checked.policy).not.toBeNull();
  });

  it('BL401: a context used only by an unused context is used', () => {
    const checked = checkPolicy('context a = post.public_interest\ncontext b = a\n');
    expectOnly(checked, { code: 'BL401', underlined: 'b', message: 'context `b` is never used', help: 'use it in a clause or another context, or delete it' });
  });

  it('BL402: an `unless` that always holds, an exemption that never applies', () => {
    expectOnly(checkPolicy(clause('rule', 'r', 'post.categories has harassment\n  unless post.public_interest or not post.public_interest')), {
      code: 'BL402',
      underlined: 'r',
      message: 'rule `r` can never fire: its `unless` holds whenever its `when` does',
      help: 'look for contradictory tests of the same field, such as `x == a and x == b`',
    });
    const checked = checkPolicy(
      clause('rule', 'harassment', 'post.categories has harassment') +
        clause('exemption', 'e', 'post.author.followers > 10 and post.author.followers < 5', '  then allow\n  because "x"\n', 'harassment'),
    );
    expectOnly(checked, {
      code: 'BL402',
      underlined: 'e',
      message: 'exemption `e` can never apply: its `when` condition never holds',
      help: 'look for contradictory tests of the same field, such as `x == a and x == b`',
    });
  });

  it('BL403: not when the red line is less severe', () => {
    const checked = checkPolicy(
      clause('redline', 'terror', 'post.categories has terrorism', '  then notice\n  because "x"\n') +
        clause('rule', 'verified_terror', 'post.categories has terrorism and post.author.verified', '  then remove\n  because "x"\n'),
    );
    expect(checked.diagnostics).toEqual([]);
  });

  it('BL404: red lines and exemptions too', () => {
    expectOnly(checkPolicy(clause('redline', 'terror', 'post.categories has terrorism', '  then suspend\n')), {
      code: 'BL404',
      underlined: 'terror',
      message: 'red line `terror` has no `because`',
      help: 'add `because "…"` quoting the guideline it enforces; decisions and appeals show it',
    });
    const checked = checkPolicy(
      clause('rule', 'harassment', 'post.categories has harassment') +
        clause('exemption', 'e', 'post.public_interest', '  then notice\n', 'harassment'),
    );
    expectOnly(checked, {
      code: 'BL404',
      underlined: 'e',
      message: 'exemption `e` has no `because`',
      help: 'add `because "…"` quoting the guideline it enforces; decisions and appeals show it',
    });
  });

  it('BL405: in an enum, on the scale, in a `from` list', () => {
    expectOnly(checkPolicy('enum Mood { calm, angry, calm }\n'), {
      code: 'BL405',
      underlined: 'calm',
      message: '`calm` is listed twice in enum `Mood`',
      help: 'delete the repeat',
    });
    const own = 'scale Action { allow < remove < allow }\nrecord Post { flagged: bool }\ninput post: Post\ndefault allow\n';
    expectOnly(checkFiles({ 'fixture/v.policy': own }), {
      code: 'BL405',
      underlined: 'allow',
      message: '`allow` is on the scale twice',
      help: 'a scale lists each action once; delete the repeat',
    });
    const checked = checkPolicy(
      clause('rule', 'harassment', 'post.categories has harassment') +
        clause('exemption', 'e', 'post.public_interest', '  then notice\n  because "x"\n', 'harassment, harassment'),
    );
    expectOnly(checked, { code: 'BL405', underlined: 'harassment', message: '`harassment` is listed twice', help: 'delete the repeat' });
  });

  it('BL406: in a comment, and in a name that mixes scripts', () => {
    const comment = checkPolicy('// leaders \u202e are exempt\n');
    expect(seen(comment.diagnostics, comment.sources).map((d) => [d.code, d.severity, d.underlined])).toEqual([['BL406', 'warning', '\u202e']]);
    // `pоst_leader` with a Cyrillic `о`
    const name = checkPolicy(`context p\u043est_leader = post.public_interest\n${clause('rule', 'r', 'p\u043est_leader')}`);
    expect(seen(name.diagnostics, name.sources).map((d) => [d.code, d.severity])).toContainEqual(['BL406', 'warning']);
  });
});

describe('the registry', () => {
  it('has a fixture case for every code, and no case for a code it lacks', () => {
    expect(CASES.map((c) => c.code).sort()).toEqual(Object.keys(CODES).sort());
  });

  it('every fixture in test/fixtures belongs to a case, named after its code', () => {
    expect(fixtureNames()).toEqual(CASES.map((c) => c.fixture).sort());
    for (const c of CASES) expect(c.fixture.startsWith(`${c.code}-`), c.fixture).toBe(true);
  });

  it('every code was emitted by some test above', () => {
    const missing = Object.keys(CODES).filter((code) => !emitted.has(code));
    expect(missing).toEqual([]);
    const unknown = [...emitted].filter((code) => !(code in CODES));
    expect(unknown).toEqual([]);
  });

  it('types a diagnostic\'s code as a registered code: one the registry lacks does not compile', () => {
    expectTypeOf<Diagnostic['code']>().toEqualTypeOf<Code>();
    expectTypeOf<'BL999'>().not.toMatchTypeOf<Diagnostic['code']>();
  });

  it('severities and titles follow the house style (lowercase, no trailing period)', () => {
    for (const [code, { severity, title }] of Object.entries(CODES)) {
      // Warnings: BL4xx, and BL55x among the statements of reasons' BL5xx.
      expect(severity, code).toBe(code.startsWith('BL4') || code.startsWith('BL55') ? 'warning' : 'error');
      expect(title[0], code).toBe(title[0]!.toLowerCase());
      expect(title.endsWith('.'), code).toBe(false);
    }
  });
});
