import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { CODES, DiagnosticBag, type Code } from '../../src/diagnostics/codes.js';
import { MESSAGES, type MessageCode } from '../../src/diagnostics/messages.js';
import type { Span } from '../../src/diagnostics/span.js';

const at = (offset: number): Span => ({ file: 'p.policy', start: { offset, line: 1, column: offset + 1 }, end: { offset: offset + 1, line: 1, column: offset + 2 } });

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the registry\'s message constructors', () => {
  it('emit builds the diagnostic from typed arguments, with the registry\'s severity', () => {
    const bag = new DiagnosticBag();
    bag.emit('BL307', at(4), { member: 'remove', scale: 'Content', written: '3 days' });
    expect(bag.items).toEqual([
      {
        code: 'BL307',
        severity: CODES.BL307.severity,
        message: '`remove` takes no duration',
        span: at(4),
        notes: [],
        help: '`Content` declares `remove` without `(duration)`: drop `for 3 days`, or declare `remove(duration)`',
      },
    ]);
  });

  it('a constructor with variants builds each one', () => {
    expect(MESSAGES.BL304({ kind: 'none' })).toEqual({ message: 'no action', help: 'name an action after `then`' });
    expect(MESSAGES.BL304({ kind: 'scale', scale: 'Contnet', scales: ['Content', 'Account'] }).help).toBe('did you mean `Content`?');
    expect(MESSAGES.BL304({ kind: 'member', member: 'zzzzzz', on: [{ name: 'A', members: ['allow', 'remove'] }, { name: 'B', members: ['none'] }] })).toEqual({
      message: '`zzzzzz` is not an action on any outcome scale',
      help: '`A`: `allow` < `remove`; `B`: `none`',
    });
    expect(MESSAGES.BL308({ kind: 'not-a-scale', scale: 'Post', declared: true, scales: [] }).message).toBe('`Post` is not a scale');
    expect(MESSAGES.BL308({ kind: 'not-a-scale', scale: 'Nope', declared: false, scales: [] }).message).toBe('unknown scale `Nope`');
  });

  it('BL306 lists at most eight of the actions written', () => {
    const written = Array.from({ length: 10 }, (_, i) => `a${i}`);
    const built = MESSAGES.BL306({ declared: true, outcome: 'content', where: 'clause', written, first: 'a0', firstSpan: at(0) });
    expect(built.message).toBe('10 actions for the outcome `content`');
    expect(built.help).toBe('a clause names at most one action per outcome: keep one of `a0`, `a1`, `a2`, `a3`, `a4`, `a5`, `a6`, `a7`, …');
    expect(built.notes).toEqual([{ message: '`a0` is its first action', span: at(0) }]);
  });

  it('BL407 and BL408 name what outranks or contradicts the exemption, in one list', () => {
    const by = ['f', 'g'].map((name, i) => ({ name, action: 'allow', declared: at(i), before: i === 0 }));
    const outranked = MESSAGES.BL407({ exemption: 'e', by, more: true, declaredOutcomes: true });
    expect(outranked.message).toBe('exemption `e` never applies: `f`, `g` and others apply whenever it would');
    expect(outranked.notes).toEqual([
      { message: '`f` (`allow`) is declared here, before it', span: at(0) },
      { message: '`g` (`allow`) is declared here', span: at(1) },
    ]);
    expect(outranked.help).toContain('compared outcome by outcome');
    expect(outranked.help).toContain('add an `unless` to them');
    const disjoint = MESSAGES.BL408({ exemption: 'e', rules: ['a', 'b', 'c'].map((name, i) => ({ name, declared: at(i) })), noted: 2 });
    expect(disjoint.message).toBe('exemption `e` never applies: its condition never holds when `a`, `b` or `c` fires');
    expect(disjoint.notes).toHaveLength(2);
  });

  it('BL406 words each kind of suspicious character by where it is', () => {
    const zwsp = { bidi: false, description: 'U+200B ZERO WIDTH SPACE', code: 0x200b } as const;
    const rlo = { bidi: true, description: 'U+202E RIGHT-TO-LEFT OVERRIDE', code: 0x202e } as const;
    expect(MESSAGES.BL406({ kind: 'hidden', ...zwsp, in: 'string' })).toEqual({
      message: 'string contains the invisible character U+200B ZERO WIDTH SPACE',
      help: 'the string can display differently from how Bylaw reads it; delete the character, or if it is meant write it as the escape `\\u{200B}`',
    });
    expect(MESSAGES.BL406({ kind: 'hidden', ...rlo, in: 'comment' })).toEqual({
      message: 'comment contains U+202E RIGHT-TO-LEFT OVERRIDE, which changes the order in which text is displayed',
      help: 'it can make the code after it display in a different order from how Bylaw reads it; delete it',
    });
    expect(MESSAGES.BL406({ kind: 'hidden', ...zwsp, in: 'comment' }).help).toBe('a comment has no use for it; delete it');
    expect(MESSAGES.BL406({ kind: 'hidden', ...zwsp, in: { name: 'ab' } })).toEqual({
      message: 'name `ab` contains the invisible character U+200B ZERO WIDTH SPACE',
      help: 'two names that look the same can differ by it; retype the name without it',
    });
    expect(MESSAGES.BL406({ kind: 'control', description: 'U+001B ESCAPE', code: 0x1b, in: 'string' }).help).toContain('write it as the escape `\\u{1B}`');
    expect(MESSAGES.BL406({ kind: 'more', skipped: 1, listed: 20 }).message).toBe('1 more suspicious character in this file');
  });

  it('syntax (BL0xx): the converted codes word each case from its arguments', () => {
    expect(MESSAGES.BL004({ escape: 'q' })).toEqual({ message: 'invalid escape `\\q` in string', help: 'valid escapes are `\\n`, `\\t`, `\\r`, `\\0`, `\\"`, `\\\\` and `\\u{…}`' });
    expect(MESSAGES.BL006({ kind: 'too-large', raw: '9'.repeat(20) }).help).toBe('integers must lie between -9007199254740991 and 9007199254740991');
    expect(MESSAGES.BL007({ kind: 'context', context: 'c', depth: 101, max: 100 }).message).toBe('context `c` is nested 101 levels deep through the contexts it uses, more than 100');
    expect(MESSAGES.BL009({ bytes: '0xFF', length: 1, offset: 3, more: 0, capped: false })).toMatchObject({ message: 'invalid UTF-8: byte 0xFF at byte offset 3', notes: [] });
    expect(MESSAGES.BL009({ bytes: '0xC3 0x28', length: 2, offset: 0, more: 100, capped: true }).notes).toEqual([{ message: '100 or more more invalid sequences in the file' }]);
    expect(MESSAGES.BL013({ date: '15/01/2024', dates: ['2024-01-15'] }).help).toBe('write dates year first, as `YYYY-MM-DD`: `2024-01-15`');
    expect(MESSAGES.BL013({ date: '01/02/2024', dates: ['2024-02-01', '2024-01-02'] }).help).toBe(
      'write dates year first, as `YYYY-MM-DD`: `2024-02-01` (day first) or `2024-01-02` (month first)',
    );
    expect(MESSAGES.BL014({ number: '2.5', operator: '>', duration: false }).help).toMatch(/^for an integer, `> 2.5` means `>= 3`; /);
    expect(MESSAGES.BL014({ number: '2.0', operator: null, duration: false }).help).toBe('write it without the fraction: `2`');
    expect(MESSAGES.BL014({ number: '1.5', operator: null, duration: true }).help).toBe('a duration counts whole units: round `1.5`, or count a smaller unit');
    expect(MESSAGES.BL015({ kind: 'unitless', left: 'post.date', op: '-', count: '90' })).toEqual({
      message: 'a date moves by a duration: `90` needs a unit',
      help: 'write the unit after the number: `post.date - 90 days` (or `weeks`, `months`, `years`)',
    });
    expect(MESSAGES.BL015({ kind: 'arithmetic', operator: '+', exact: 'post.n > 9', on: 'values' }).help).toBe('compare the values directly: `post.n > 9` says the same');
    expect(MESSAGES.BL018({ kind: 'declaration', name: 'note', type: null }).help).toBe('the `?` follows the type: `note: TYPE?`');
    expect(MESSAGES.BL008({ operator: '&&', use: 'and' }).help).toBe('use `and`');
    expect(MESSAGES.BL008({ operator: '=>', use: null }).help).toBe('Bylaw has no implication; write `A => B` as `not A or B`');
    expect(MESSAGES.BL008({ operator: '^^', use: null }).help).toMatch(/^conditions use `and`/);
    expect(MESSAGES.BL010({ kind: 'miscased', word: 'WHEN' })).toEqual({ message: '`WHEN` is not a keyword', help: 'keywords are lowercase: write `when`' });
    expect(MESSAGES.BL010({ kind: 'misspelt', word: 'exemtion', meant: 'exemption' }).help).toBe('did you mean `exemption`?');
    expect(MESSAGES.BL017({ operator: '+', join: true }).message).toBe('`+` is not an operator: Bylaw does not join or match strings');
    expect(MESSAGES.BL017({ operator: '=~', join: false }).message).toBe('`=~` is not an operator: Bylaw does not match strings');
    expect(MESSAGES.BL001({ char: '\u200b', blockComment: false })).toEqual({
      message: 'unexpected character `U+200B`',
      help: 'this is U+200B ZERO WIDTH SPACE, which is invisible; delete it',
    });
    expect(MESSAGES.BL001({ char: '/', blockComment: true }).help).toBe('Bylaw has no block comments: start each comment line with `//`');
    expect(MESSAGES.BL001({ char: '@', blockComment: false }).help).toBe(
      'Bylaw text is names, numbers, dates, `"strings"`, operators and `//` comments; delete the character, or put it inside a string or a comment',
    );
    expect(MESSAGES.BL001({ char: '\ud800', blockComment: false }).help).toBe('this is half of a character that was cut in two (broken UTF-16); delete it or retype the character');
    const actions = Array.from({ length: 9 }, (_, i) => `a${i}`);
    expect(MESSAGES.BL016({ joiner: 'and', keyword: 'then', actions, clause: true })).toEqual({
      message: 'actions are separated by commas, not `and`',
      help: 'write `then a0, a1, a2, a3, a4, a5, a6, a7, …`: one action for each outcome the clause decides',
    });
    expect(MESSAGES.BL016({ joiner: null, keyword: 'default', actions: ['a', 'b'], clause: false }).message).toBe('actions are separated by commas');
    expect(MESSAGES.BL019({ keyword: 'sum', meant: 'count', binder: 's', list: 'post.strikes' }).help).toBe('did you mean `count`, as in `count(s in post.strikes where …)`?');
    expect(MESSAGES.BL019({ keyword: 'zzz', meant: undefined, binder: 's', list: 'LIST' }).help).toMatch(/Bylaw has no other functions$/);
  });

  it('modules and policy sets (BL1xx): each case of a code keeps its wording', () => {
    const cycle = MESSAGES.BL102({ chain: ['a', 'b', 'a'], uses: [{ module: 'b', span: at(3) }] });
    expect(cycle).toEqual({
      message: 'import cycle: `a` → `b` → `a`',
      notes: [{ message: '`b` is used here', span: at(3) }],
      help: 'move what both modules need into a third module that neither uses',
    });
    expect(MESSAGES.BL101({ module: 'zzz', looked: 'zzz.policy', known: [] }).help).toBe('looked for `zzz.policy` next to the file and in `stdlib/`');
    expect(MESSAGES.BL103({ kind: 'empty-folder', folder: 'p' })).toEqual({
      message: 'folder `p` holds no `.policy` files',
      help: 'name a `.policy` file, or a policy set: a folder of `.policy` files, one per version',
    });
    expect(MESSAGES.BL105({ kind: 'name', name: 'x', is: 'a context', first: at(1) }).notes).toEqual([{ message: 'a context `x` is declared here', span: at(1) }]);
    expect(MESSAGES.BL106({ path: 'p', missing: true })).toEqual({
      message: 'cannot read `p`: no such file or folder',
      help: 'check the spelling; a relative path is read from the current folder',
    });
    const candidates = Array.from({ length: 9 }, (_, i) => `c${i}`);
    expect(MESSAGES.BL109({ kind: 'undeclared', name: 'q', module: 'm', meant: undefined, candidates }).help).toBe(
      '`except` names clauses and contexts that `m` itself declares: `c0`, `c1`, `c2`, `c3`, `c4`, `c5`, `c6`, `c7`, …',
    );
    expect(MESSAGES.BL109({ kind: 'undeclared', name: 'q', module: 'm', meant: undefined, candidates: [] }).help).toBe('`except` names clauses and contexts that `m` itself declares');
    expect(MESSAGES.BL109({ kind: 'undeclared', name: 'c00', module: 'm', meant: 'c0', candidates }).help).toBe('did you mean `c0`?');
  });

  it('names and types (BL2xx): a code with several wordings builds each from its case', () => {
    expect(MESSAGES.BL201({ kind: 'unknown', name: 'folowers', candidates: ['followers'], otherwise: 'x' }).help).toBe('did you mean `followers`?');
    expect(MESSAGES.BL201({ kind: 'outside', name: 's', head: 'count(s in post.strikes', where: '', test: 's.date > x', bound: at(2) })).toEqual({
      message: '`s` is known only inside `count(s in post.strikes where …)`',
      help: 'test the element inside the `where`: `count(s in post.strikes where s.date > x)`',
      notes: [{ message: '`s` is bound here', span: at(2) }],
    });
    expect(MESSAGES.BL202({ kind: 'no-fields', path: 'post.id', type: 'int', collection: false }).help).toBe('only records have fields; a `int` is used whole, as in `post.id == …`');
    expect(MESSAGES.BL202({ kind: 'no-field', record: 'Post', field: 'zzzz', fields: ['id', 'date'] }).help).toBe('fields of `Post`: `id`, `date`');
    expect(MESSAGES.BL203({ kind: 'unknown', name: 'Zzz', candidates: [], input: true }).help).toBe('the input is a record: declare `record Zzz { … }`, or `use` the module that declares it');
    expect(MESSAGES.BL203({ kind: 'unknown', name: 'Zzz', candidates: [], input: false }).help).toMatch(/^types are /);
    expect(MESSAGES.BL205({ kind: 'in-set', type: 'set<Tag>', set: 'post.tags', one: true, members: ['a', 'b'] }).help).toBe(
      'to test whether the set holds it, write `post.tags has a or post.tags has b`',
    );
    expect(MESSAGES.BL205({ kind: 'in-set', type: 'set<Tag>', set: 'post.tags', one: false, list: '{a, b}' }).help).toBe(
      'to test whether the set holds any of them, write `post.tags has any {a, b}`',
    );
    expect(MESSAGES.BL205({ kind: 'not-a-value', name: 'Role', is: 'an enum', symbol: 'enum', member: undefined }).help).toBe('name one of its members, as in `Role.member`');
    expect(MESSAGES.BL205({ kind: 'has-empty', mode: 'all', members: ['a', 'b', 'c'] }).help).toBe('`has all {}` would always hold: list the members to test, as in `has all {a, b}`');
    const cycle = MESSAGES.BL209({ cycle: ['a', 'b', 'c', 'a'].map((name, i) => ({ name, declared: at(i) })) });
    expect(cycle.message).toBe('context `a` depends on itself: `a` → `b` → `c` → `a`');
    expect(cycle.notes).toEqual([{ message: '`b` is declared here', span: at(1) }, { message: '`c` is declared here', span: at(2) }]);
    expect(MESSAGES.BL214({ read: 'post.review', whole: 'post.review.score', test: null, field: 'review', declared: at(0) }).help).toBe(
      'test it first, in the same `and`: `post.review exists and post.review.score …`',
    );
    expect(MESSAGES.BL216({ kind: 'hours', moved: 'post.date + 2 days', hours: 36 }).help).toBe('move it by whole days instead: `post.date + 2 days` (36 hours, rounded up)');
    expect(MESSAGES.BL216({ kind: 'hours', moved: '1 day', hours: 24 }).help).toBe('move it by whole days instead: `1 day`');
    const lists = Array.from({ length: 9 }, (_, i) => `l${i}`);
    expect(MESSAGES.BL217({ keyword: 'any', type: 'int', near: undefined, lists }).help).toBe(
      'lists and sets beside it: `l0`, `l1`, `l2`, `l3`, `l4`, `l5`, `l6`, `l7`, …',
    );
  });

  it('syntax errors (BL002, BL011, BL012): the parser\'s expectation and the token found make the message; the case, the help', () => {
    const parsed = { expected: '`then`', found: 'because' };
    expect(MESSAGES.BL002({ ...parsed, kind: 'other', hint: 'because-before-then', construct: 'rule' })).toEqual({
      message: 'expected `then`, found `because`',
      help: 'every clause needs `then ACTION` before `because`',
    });
    // No hint fits: the help shows the whole form of what was being written.
    expect(MESSAGES.BL002({ ...parsed, found: null, kind: 'other', hint: null, construct: 'rule' })).toEqual({
      message: 'expected `then`, found the end of the file',
      help: 'a rule reads `rule NAME when CONDITION unless CONDITION then ACTION because "…"`; `unless` is optional',
    });
    expect(MESSAGES.BL002({ kind: 'trailing-comma', found: 'because' })).toEqual({
      message: 'expected an action after `,`, found `because`',
      help: 'actions are separated by commas, one per outcome; delete the `,` after the last one',
    });
    expect(MESSAGES.BL002({ ...parsed, kind: 'two-conditions', opened: at(3) }).notes).toEqual([{ message: 'unclosed `(` opened here', span: at(3) }]);
    expect(MESSAGES.BL002({ ...parsed, kind: 'two-conditions', opened: null }).notes).toEqual([]);
    expect(MESSAGES.BL002({ ...parsed, kind: 'in-field', set: 'post.categories', member: 'spam' }).help).toMatch(/write `post\.categories has spam`$/);
    expect(MESSAGES.BL002({ ...parsed, kind: 'in-field', set: 'post.categories', member: null }).help).toMatch(/write `SET has MEMBER`$/);
    expect(MESSAGES.BL002({ ...parsed, kind: 'exists-call', path: null }).help).toBe('`exists` follows the field it tests: `post.field exists`');
    expect(MESSAGES.BL002({ ...parsed, kind: 'no-where', quantifier: 'any', binder: 's', list: 'post.strikes' }).help).toBe(
      'the condition on each element follows `where`: `any(s in post.strikes where …)`',
    );
    expect(MESSAGES.BL011({ kind: 'foreign', word: 'ELSE', keyword: 'else' })).toEqual({
      message: '`ELSE` is not a keyword in Bylaw',
      help: 'a clause has no `else`: when no clause fires, the `default` action decides; to leave cases out of a clause, write `unless CONDITION` before `then`',
    });
    expect(MESSAGES.BL011({ kind: 'set-member', word: 'contains', set: 'post.tags', member: 'spam' }).help).toBe('to test whether a set holds a member, write `post.tags has spam`');
    expect(MESSAGES.BL011({ kind: 'quantifier', word: 'if', quantifier: 'count', binder: 's', list: 'LIST' }).help).toBe(
      'the condition on each element follows `where`: `count(s in LIST where …)`',
    );
    expect(MESSAGES.BL012({ expected: '`}`', found: null, bracket: '{', opened: at(5) })).toEqual({
      message: 'expected `}`, found the end of the file',
      notes: [{ message: 'unclosed `{` opened here', span: at(5) }],
      help: 'close the `{` with `}` where its list ends, before the end of the file',
    });
  });

  it('statements of reasons (BL5xx): the checker\'s help names `statement` declarations, checkMapping\'s the mapping object\'s fields', () => {
    expect(MESSAGES.BL501({ kind: 'action', outcome: 'account', action: 'suspend' }).help).toBe(
      'add `suspend: DECISION_…` to `statement account { … }`, or `suspend: no restriction`',
    );
    expect(MESSAGES.BL501({ kind: 'action', outcome: 'account', action: 'suspend' }, 'model').help).toMatch(/^say what `suspend` becomes in a statement/);
    expect(MESSAGES.BL501({ kind: 'outcome', outcome: 'account', members: ['none', 'suspend'] })).toEqual({
      message: 'outcome `account` has no statement mapping',
      help: 'say what each of its actions becomes: `statement account { none: …, suspend: … }`',
    });
    expect(MESSAGES.BL553({ version: 'v1.2' }).help).toBe('add `statement version "v1.2" at "https://…"`: statements and notices link to the rules in force');
    const clause = { kind: 'clause', name: 'zzz', clauses: ['violation'] } as const;
    expect(MESSAGES.BL555(clause).message).toBe('`zzz` is not a red line or rule of the policy');
    expect(MESSAGES.BL555(clause, 'model').message).toBe('the mapping names `zzz`, which is not a red line or rule of the policy');
    expect(MESSAGES.BL555({ kind: 'version', version: 'v9', versions: ['v1', 'v2'] }, 'model')).toEqual({
      message: 'the mapping gives a URL for `v9`, which is not a version of the policy',
      help: 'the versions are `v1`, `v2`',
    });
    expect(MESSAGES.BL510({ kind: 'no-reference', basis: 'law' }, 'model').help).toBe('name the law, e.g. the article and the act');
    expect(MESSAGES.BL510({ kind: 'no-reference', basis: 'law' }).help).toMatch(/^name what the ground rests on/);
    expect(MESSAGES.BL510({ kind: 'not-a-ground', basis: 'lawx' }).help).toBe('did you mean `law`?');
    expect(MESSAGES.BL502({ kind: 'restriction', key: 'KEYWORD_OTHER', clausal: true, nothing: false, keys: [] }).help).toBe(
      'a category or keyword belongs to a clause: `statement CLAUSE category … keywords …`',
    );
    expect(MESSAGES.BL502({ kind: 'restriction', key: 'none', clausal: false, nothing: true, keys: [] }).help).toBe('an action that restricts nothing is written `no restriction`');
    expect(MESSAGES.BL502({ kind: 'target', key: 'ZZZZZZ', field: 'decision_account', owner: undefined, keys: ['AB', 'CD'] }).help).toBe('the keys are `AB`, `CD`');
    const twice = { kind: 'outcomes', field: 'decision_account', first: 'content', outcome: 'account' } as const;
    expect(MESSAGES.BL503(twice).notes).toEqual([]);
    expect(MESSAGES.BL503({ ...twice, also: at(2) }).notes).toEqual([{ message: '`decision_account` is also written here', span: at(2) }]);
    expect(MESSAGES.BL507({ kind: 'default', first: at(1) })).toEqual({
      message: 'the default ground is mapped twice',
      notes: [{ message: 'first mapped here', span: at(1) }],
      help: 'give each clause one category and ground: delete it from one `statement`',
    });
  });

  it('every message is lowercase and has no trailing period (the house style)', () => {
    const built = [
      MESSAGES.BL002({ kind: 'trailing-comma', found: null }),
      MESSAGES.BL002({ expected: 'a condition', found: 'then', kind: 'every-call' }),
      MESSAGES.BL011({ kind: 'foreign', word: 'If', keyword: 'if' }),
      MESSAGES.BL012({ expected: '`)`', found: 'then', bracket: '(', opened: at(0) }),
      MESSAGES.BL504({ clause: 'r', exemptions: true, limit: 2000 }),
      MESSAGES.BL505({ clause: 'r' }),
      MESSAGES.BL507({ kind: 'version', version: 'v1', first: at(0) }),
      MESSAGES.BL508({ kind: 'keyword', limit: 500 }),
      MESSAGES.BL509({ kind: 'reference', max: 400, limit: 500 }),
      MESSAGES.BL510({ kind: 'law-illegal', illegal: false }),
      MESSAGES.BL511({ url: 'x', limit: 500 }),
      MESSAGES.BL512({ outcome: 'content', action: 'screen' }, 'model'),
      MESSAGES.BL551({ limit: 2000 }),
      MESSAGES.BL552({ kind: 'keyword', key: 'KEYWORD_HATE_SPEECH' }),
      MESSAGES.BL554({ action: 'restrict' }),
      MESSAGES.BL555({ kind: 'action', name: 'x', outcome: 'content', actions: ['allow'] }),
      MESSAGES.BL013({ date: '2024/1/1', dates: [] }),
      MESSAGES.BL015({ kind: 'shift', type: 'int', int: true }),
      MESSAGES.BL018({ kind: 'question-dot', path: 'post.x' }),
      MESSAGES.BL003(),
      MESSAGES.BL005({ date: '2024-02-30' }),
      MESSAGES.BL006({ kind: 'malformed', raw: '01' }),
      MESSAGES.BL007({ kind: 'expression', max: 100 }),
      MESSAGES.BL007({ kind: 'record', record: 'R', max: 100 }),
      MESSAGES.BL020({ marker: 'timed' }),
      MESSAGES.BL101({ module: 'm', looked: 'm.policy', known: [] }),
      MESSAGES.BL103({ kind: 'no-version', folder: 'p' }),
      MESSAGES.BL104({ date: '2024-01-01', other: 'v1.policy', otherSpan: at(0) }),
      MESSAGES.BL105({ kind: 'field', field: 'f', record: 'R', first: at(0) }),
      MESSAGES.BL107({ input: 'Post' }),
      MESSAGES.BL108({ header: 'version', first: at(0) }),
      MESSAGES.BL109({ kind: 'not-exceptable', name: 'T', is: 'a record', declared: at(0) }),
      MESSAGES.BL201({ kind: 'unknown', name: 'x', candidates: [], otherwise: 'y' }),
      MESSAGES.BL202({ kind: 'context', name: 'c' }),
      MESSAGES.BL203({ kind: 'not-a-type', name: 'c', is: 'a context' }),
      MESSAGES.BL204({ member: 'm', enum: 'E', members: ['a'], declared: at(0) }),
      MESSAGES.BL205({ kind: 'literals' }),
      MESSAGES.BL205({ kind: 'compare', left: 'int', right: 'date', help: undefined }),
      MESSAGES.BL206({ type: 'int', holds: 'other', list: 'x' }),
      MESSAGES.BL207({ op: '<', type: 'Role', enum: true }),
      MESSAGES.BL208({ type: 'int', kind: 'other' }),
      MESSAGES.BL210({ kind: 'empty-range', min: 3, max: 1 }),
      MESSAGES.BL211({ what: 'input', example: 'input post: Post' }),
      MESSAGES.BL212({ what: 'input', first: at(0) }),
      MESSAGES.BL213({ value: '-1', field: 'post.n', bounds: '0..' }),
      MESSAGES.BL216({ kind: 'not-positive', unit: 'day' }),
      MESSAGES.BL218({ name: 's', what: 'the input' }),
      MESSAGES.BL301({ exemption: 'e', redline: 'r', declared: at(0) }),
      MESSAGES.BL302({ name: 'x', is: null, context: false, rules: [] }),
      MESSAGES.BL303({ exemption: 'e', mine: 'remove', rule: 'r', theirs: 'screen', outcome: null, scale: ['allow', 'screen', 'remove'], ruleDeclared: at(0) }),
      MESSAGES.BL305({ member: 'm', outcomes: [{ outcome: 'a', scale: 'A' }, { outcome: 'b', scale: 'B' }] }),
      MESSAGES.BL307({ member: 'restrict', scale: 'Account', written: null }),
      MESSAGES.BL309({ member: 'restrict', scale: 'Account' }),
      MESSAGES.BL401({ context: 'c' }),
      MESSAGES.BL402({ kind: 'redline', clause: 'r', never: 'unless' }),
      MESSAGES.BL403({ rule: 'r', outcome: 'content', redline: 'l', action: 'remove', redlineDeclared: at(0) }),
      MESSAGES.BL404({ kind: 'Exemption', clause: 'e' }),
      MESSAGES.BL405({ name: 'a', in: { enum: 'E' } }),
      MESSAGES.BL407({ exemption: 'e', by: [{ name: 'f', action: 'allow', declared: at(0), before: true }], more: false, declaredOutcomes: false }),
      MESSAGES.BL408({ exemption: 'e', rules: [{ name: 'r', declared: at(0) }], noted: 3 }),
      MESSAGES.BL410({ path: 'post.note' }),
    ];
    for (const { message } of built) {
      expect(message[0]).toBe(message[0]!.toLowerCase());
      expect(message.endsWith('.')).toBe(false);
    }
  });

  it('every registered code has its message constructor, and the registry has none for a code it lacks', () => {
    expect(Object.keys(CODES).filter((code) => !(code in MESSAGES))).toEqual([]);
    expect(Object.keys(MESSAGES).filter((code) => !(code in CODES))).toEqual([]);
    expectTypeOf<MessageCode>().toEqualTypeOf<Code>();
    // Nothing reports a code with a text of its own: the bag takes a code and its arguments only.
    expect('report' in new DiagnosticBag()).toBe(false);
  });

  it('a code with a constructor is reported through it everywhere, never with its text written at the site (nor described with one, as parse errors are)', () => {
    const codes = Object.keys(MESSAGES);
    const offending = sources(SRC).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return codes.filter((code) => new RegExp(`(\\.report|\\bdiagnostic)\\(\\s*'${code}'|\\bcode: '${code}', message\\b`).test(text)).map((code) => `${code} in ${file.slice(SRC.length + 1)}`);
    });
    expect(offending).toEqual([]);
  });
});
