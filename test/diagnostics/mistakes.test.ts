import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { KEYWORDS } from '../../src/syntax/tokens.js';
import { checkPolicy, underlined, type Checked } from '../support/policies.js';

/** BL001's help for a character no more precise help fits. */
const UNEXPECTED =
  'Bylaw text is names, numbers, dates, `"strings"`, operators and `//` comments; delete the character, or put it inside a string or a comment';

/**
 * Natural mistakes of policy authors, one test each: the code, where it points (line:column of
 * the body, after checkPolicy's three-line preamble), what it underlines and the fix it offers.
 * Each mistake gives exactly one diagnostic: no follow-on errors from the same clause.
 */

interface Expected {
  readonly code: string;
  readonly at?: string;
  readonly underlined: string;
  readonly message?: string;
  readonly help: string | null;
  readonly notes?: readonly string[];
}

/** Line:column in the body given to checkPolicy (its preamble is three lines). */
function at(d: Diagnostic): string {
  return `${d.span.start.line - 3}:${d.span.start.column}`;
}

function only(checked: Checked, expected: Expected): void {
  const seen = checked.diagnostics.map((d) => ({
    code: d.code,
    ...(expected.at ? { at: at(d) } : {}),
    underlined: underlined(d, checked.sources),
    ...(expected.message ? { message: d.message } : {}),
    help: d.help ?? null,
    ...(expected.notes ? { notes: d.notes.map((n) => `${n.message} @ ${n.span ? at({ ...d, span: n.span }) : '-'}`) } : {}),
  }));
  expect(seen).toEqual([expected]);
}

const rule = (when: string, rest = '  then remove\n  because "x"\n') => `rule r\n  when ${when}\n${rest}`;

describe('misspelt keywords (BL010)', () => {
  it.each([
    ['exemtion e\n  from r\n  when post.public_interest\n  then allow\n', 'exemtion', 'exemption'],
    ['rule r\n  whne post.public_interest\n  then remove\n', 'whne', 'when'],
    ['rule r\n  when post.public_interest\n  thne remove\n', 'thne', 'then'],
    ['rule r\n  when post.public_interest\n  then remove\n  becuase "x"\n', 'becuase', 'because'],
    ['rule r\n  when post.public_interest adn post.author.verified\n  then remove\n', 'adn', 'and'],
    ['rule r\n  when post.public_interest\n  unles post.author.verified\n  then remove\n', 'unles', 'unless'],
    ['redlien r\n  when post.public_interest\n  then remove\n', 'redlien', 'redline'],
    ['contxt c = post.public_interest\n', 'contxt', 'context'],
  ])('%j → did you mean', (body, word, keyword) => {
    only(checkPolicy(body), { code: 'BL010', underlined: word, message: `\`${word}\` is not a keyword`, help: `did you mean \`${keyword}\`?` });
  });

  /** Each keyword where it belongs, written `Capitalised` (and `UPPER`). */
  const IN_PLACE: Record<string, string> = {
    policy: 'KW p\n',
    version: 'KW "1"\n',
    effective: 'KW 2020-01-01\n',
    source: 'KW "x"\n',
    use: 'KW moderation\n',
    input: 'KW p: Post\n',
    enum: 'KW E { a }\n',
    record: 'KW R { a: int }\n',
    scale: 'KW S { a < b }\n',
    context: 'KW c = post.public_interest\n',
    redline: 'KW r\n  when post.public_interest\n  then remove\n',
    rule: 'KW r\n  when post.public_interest\n  then remove\n',
    exemption: 'rule r\n  when post.public_interest\n  then remove\nKW e\n  from r\n  when post.author.verified\n  then allow\n',
    default: 'KW allow\n',
    from: 'rule r\n  when post.public_interest\n  then remove\nexemption e\n  KW r\n  when post.author.verified\n  then allow\n',
    when: 'rule r\n  KW post.public_interest\n  then remove\n',
    unless: 'rule r\n  when post.public_interest\n  KW post.author.verified\n  then remove\n',
    then: 'rule r\n  when post.public_interest\n  KW remove\n',
    because: 'rule r\n  when post.public_interest\n  then remove\n  KW "x"\n',
    and: 'rule r\n  when post.public_interest KW post.author.verified\n  then remove\n',
    or: 'rule r\n  when post.public_interest KW post.author.verified\n  then remove\n',
    not: 'rule r\n  when KW post.public_interest\n  then remove\n',
    in: 'rule r\n  when post.target KW {individual}\n  then remove\n',
    has: 'rule r\n  when post.categories KW harassment\n  then remove\n',
    outcome: 'KW content: Action\n',
    exists: 'rule r\n  when post.public_interest KW\n  then remove\n',
    where: 'rule r\n  when any(c in post.categories KW c == terrorism)\n  then remove\n',
    except: 'use moderation KW Post\n',
    for: 'rule r\n  when post.public_interest\n  then remove KW 3 days\n',
    every: 'rule r\n  when post.public_interest\n  then remove\nexemption e\n  from KW rule\n  when post.author.verified\n  then allow\n',
  };

  it('every keyword but `true` and `false`, miscased where it belongs', () => {
    const literals = ['true', 'false'];
    expect(Object.keys(IN_PLACE).sort()).toEqual(KEYWORDS.filter((k) => !literals.includes(k)).sort());
    for (const [keyword, template] of Object.entries(IN_PLACE)) {
      for (const written of [keyword[0]!.toUpperCase() + keyword.slice(1), keyword.toUpperCase()]) {
        only(checkPolicy(template.replace('KW', written)), {
          code: 'BL010',
          underlined: written,
          message: `\`${written}\` is not a keyword`,
          help: `keywords are lowercase: write \`${keyword}\``,
        });
      }
    }
  });

  it('`True` and `False` read as names, and the checker suggests the literal', () => {
    for (const [written, literal] of [['True', 'true'], ['FALSE', 'false']]) {
      only(checkPolicy(rule(`post.public_interest == ${written}`)), {
        code: 'BL201',
        underlined: written!,
        message: `unknown name \`${written}\``,
        help: `did you mean \`${literal}\`?`,
      });
    }
  });

  it('a name where a comma belongs is a missing comma, even when it looks like a keyword', () => {
    only(checkPolicy('context c = post.target in {individual thn}\n'), { code: 'BL002', underlined: 'thn', help: 'separate the items with `,`' });
  });
});

describe('keywords of other languages (BL011)', () => {
  it.each([
    ['rule r\n  if post.public_interest\n  then remove\n', 'if', 'a condition follows `when`: `rule NAME when CONDITION then ACTION`'],
    ['rule r\n  If post.public_interest\n  then remove\n', 'If', 'a condition follows `when`: `rule NAME when CONDITION then ACTION`'],
    [
      'rule r\n  when post.public_interest\n  then remove\n  else allow\n',
      'else',
      'a clause has no `else`: when no clause fires, the `default` action decides; to leave cases out of a clause, write `unless CONDITION` before `then`',
    ],
    ['function leader() { post.author.role == world_leader }\n', 'function', 'Bylaw has no functions; to name a condition, declare `context NAME = CONDITION`'],
    ['let leader = post.author.role == world_leader\n', 'let', 'to name a condition, declare `context NAME = CONDITION`'],
    ['const leader = post.author.role == world_leader\n', 'const', 'to name a condition, declare `context NAME = CONDITION`'],
    ['var leader = post.author.role == world_leader\n', 'var', 'to name a condition, declare `context NAME = CONDITION`'],
    ['import rules\n', 'import', 'to use the declarations of another file, write `use NAME`'],
    ['include rules\n', 'include', 'to use the declarations of another file, write `use NAME`'],
    ['rule r\n  when post.public_interest\n  action remove\n', 'action', 'the action follows `then`: `then remove`'],
    ['rule r\n  when post.author.role is world_leader\n  then remove\n', 'is', 'to compare two values write `==`'],
    ['rule r\n  when post.categories contains harassment\n  then remove\n', 'contains', 'to test whether a set holds a member, write `post.categories has harassment`'],
  ])('%j', (body, word, help) => {
    only(checkPolicy(body), { code: 'BL011', underlined: word, message: `\`${word}\` is not a keyword in Bylaw`, help });
  });
});

describe('Bylaw 2 keywords where another belongs (BL002)', () => {
  it.each([
    ['rule r\n  where post.public_interest\n  then remove\n', 'where', 'expected `when`, found `where`', "a clause's condition follows `when`; `where` tests the elements of a list inside `count`, `any` or `all`"],
    [
      'rule r\n  when post.public_interest\n  except post.author.verified\n  then remove\n',
      'except',
      'expected `then`, found `except`',
      'to leave cases out of a clause, write `unless CONDITION` before `then`; `except` leaves clauses out of a module: `use rules except NAME`',
    ],
  ])('%j', (body, word, message, help) => {
    only(checkPolicy(body), { code: 'BL002', underlined: word, message, help });
  });
});

describe('unclosed brackets (BL012)', () => {
  it('a `{` points at its opener', () => {
    only(checkPolicy(rule('post.target in {individual, group')), {
      code: 'BL012',
      at: '3:3',
      underlined: 'then',
      message: 'expected `}`, found `then`',
      help: 'close the `{` with `}` where its list ends, before `then`',
      notes: ['unclosed `{` opened here @ 2:23'],
    });
  });

  it('nested: the outer `(` is the unclosed one; at the end of the file', () => {
    only(checkPolicy('context c = ((post.public_interest) and post.author.verified\n'), {
      code: 'BL012',
      at: '1:61',
      underlined: '',
      message: 'expected `)`, found the end of the file',
      help: 'close the `(` with `)` where its condition ends, before the end of the file',
      notes: ['unclosed `(` opened here @ 1:13'],
    });
  });

  it('two conditions side by side in parentheses lack an `and` or `or`', () => {
    only(checkPolicy(rule('(post.public_interest post.author.verified)')), {
      code: 'BL002',
      underlined: 'post',
      message: 'expected `)`, found `post`',
      help: 'join two conditions with `and` or `or`',
      notes: ['unclosed `(` opened here @ 2:8'],
    });
  });
});

describe('dates written another way (BL013), and in quotes (BL205)', () => {
  it.each([
    ['2024-1-15', 'write dates as `YYYY-MM-DD`: `2024-01-15`'],
    ['2024/01/15', 'write dates as `YYYY-MM-DD`: `2024-01-15`'],
    ['2024.01.15', 'write dates as `YYYY-MM-DD`: `2024-01-15`'],
    ['15-01-2024', 'write dates year first, as `YYYY-MM-DD`: `2024-01-15`'],
    ['01/02/2024', 'write dates year first, as `YYYY-MM-DD`: `2024-02-01` (day first) or `2024-01-02` (month first)'],
    ['2024-1-45', 'write dates as `YYYY-MM-DD`: four digits for the year, two for the month and two for the day, as in `2024-01-15`'],
  ])('%s', (date, help) => {
    only(checkPolicy(rule(`post.date >= ${date}`)), { code: 'BL013', at: '2:21', underlined: date, message: `\`${date}\` is not a date literal`, help });
  });

  it('in an `effective` header too; `/` is no longer taken for a comment', () => {
    only(checkPolicy('effective 2024/01/15\n'), { code: 'BL013', underlined: '2024/01/15', help: 'write dates as `YYYY-MM-DD`: `2024-01-15`' });
  });

  it.each([
    ['post.date < "2024-01-15"', '"2024-01-15"', 'write the date without quotes: `2024-01-15`'],
    ['"2024-01-15" <= post.date', '"2024-01-15"', 'write the date without quotes: `2024-01-15`'],
    ['post.date in {2024-01-01, "2024/01/15"}', '"2024/01/15"', 'write the date without quotes: `2024-01-15`'],
    ['post.date > "yesterday"', '"yesterday"', 'a date is written without quotes, as `YYYY-MM-DD`'],
  ])('%s: a string where a date is expected', (when, literal, help) => {
    only(checkPolicy(rule(when)), { code: 'BL205', underlined: literal, message: 'expected a date, found a string', help });
  });
});

describe('numbers with a fraction (BL014)', () => {
  it.each([
    ['post.author.strikes > 7.5', '7.5', 'for an integer, `> 7.5` means `>= 8`; to keep fractions, store the value scaled (a rate in percent, money in cents) in an `int` field'],
    ['post.author.strikes <= 7.5', '7.5', 'for an integer, `<= 7.5` means `<= 7`; to keep fractions, store the value scaled (a rate in percent, money in cents) in an `int` field'],
    ['post.author.strikes == 0.5', '0.5', 'compare with a whole number; to keep fractions, store the value scaled (a rate in percent, money in cents) in an `int` field'],
    ['post.author.strikes > 3.0', '3.0', 'write it without the fraction: `3`'],
  ])('%s', (when, number, help) => {
    only(checkPolicy(rule(when)), { code: 'BL014', underlined: number, message: `\`${number}\` is not an integer: Bylaw has integers only`, help });
  });
});

describe('arithmetic (BL015)', () => {
  it.each([
    ['post.author.strikes - 1 >= 2', '-', 'compare the values directly: `post.author.strikes >= 3` says the same'],
    ['post.author.strikes * 2 > 5', '*', 'compare the values directly: work the arithmetic out beforehand and compare the field with the result, as in `post.author.followers > 50_000`'],
    ['post.author.followers / 1000 > 5', '/', 'compare the values directly: work the arithmetic out beforehand and compare the field with the result, as in `post.author.followers > 50_000`'],
    [
      'post.author.strikes + post.author.followers > 5',
      '+',
      'compare the values directly; when a decision needs a sum or a difference of two fields, compute it upstream into a field of its own',
    ],
    ['post.author.strikes + 1 + (2 * 3) > 5', '+', 'compare the values directly: work the arithmetic out beforehand and compare the field with the result, as in `post.author.followers > 50_000`'],
  ])('%s', (when, operator, help) => {
    only(checkPolicy(rule(when)), { code: 'BL015', underlined: operator, message: `\`${operator}\` is not an operator: Bylaw has no arithmetic`, help });
  });

  it.each([
    ['post.date + 90 > 2024-01-15', '+ 90', '+', '90'],
    ['post.date - 30 < 2024-03-01', '- 30', '-', '30'],
    ['2024-03-01 > post.date - 30', '- 30', '-', '30'],
  ])('%s: a duration without its unit', (when, underlined, op, n) => {
    only(checkPolicy(rule(when)), {
      code: 'BL015',
      underlined,
      message: `a date moves by a duration: \`${n}\` needs a unit`,
      help: `write the unit after the number: \`post.date ${op} ${n} days\` (or \`weeks\`, \`months\`, \`years\`)`,
    });
  });

  it('the fix the help gives checks', () => {
    expect(checkPolicy(rule('post.date + 90 days > 2024-01-15')).diagnostics).toEqual([]);
  });

  it('other arithmetic on dates keeps the general help', () => {
    only(checkPolicy(rule('post.date * 2 > 2024-01-15')), {
      code: 'BL015',
      underlined: '*',
      message: '`*` is not an operator: Bylaw has no arithmetic',
      help: 'a date moves by a duration with its unit, as in `post.date - 90 days`; other arithmetic on dates is not in the language',
    });
  });

  it('a block comment is not a product', () => {
    only(checkPolicy('context c = post.public_interest /* leaders */\n'), {
      code: 'BL001',
      underlined: '/*',
      help: 'Bylaw has no block comments: start each comment line with `//`',
    });
  });

  it('an operator with nothing to combine is an unexpected character; a run of them is one', () => {
    only(checkPolicy('context c = + post.public_interest\n'), { code: 'BL001', underlined: '+', help: UNEXPECTED });
    only(checkPolicy(`context c = ${'+*/*'.repeat(500)} post.public_interest\n`), { code: 'BL001', underlined: '+*/*'.repeat(500), help: UNEXPECTED });
  });
});

describe('actions not separated by commas (BL016)', () => {
  it.each([
    ['then remove and suspend', '3:15', 'and suspend', 'actions are separated by commas, not `and`', 'then remove, suspend'],
    ['then remove or suspend', '3:15', 'or suspend', 'actions are separated by commas, not `or`', 'then remove, suspend'],
    ['then remove suspend', '3:15', 'suspend', 'actions are separated by commas', 'then remove, suspend'],
    ['then notice, remove and lock for 3 days', '3:23', 'and lock for 3 days', 'actions are separated by commas, not `and`', 'then notice, remove, lock for 3 days'],
  ])('%s', (then, where, extra, message, fixed) => {
    only(checkPolicy(`rule r\n  when post.public_interest\n  ${then}\n  because "x"\n`), {
      code: 'BL016',
      at: where,
      underlined: extra,
      message,
      help: `write \`${fixed}\`: one action for each outcome the clause decides`,
    });
  });

  it('in a `default`', () => {
    only(checkPolicy('', { preamble: 'use moderation\ninput post: Post\ndefault allow and notice\n' }), {
      code: 'BL016',
      underlined: 'and notice',
      message: 'actions are separated by commas, not `and`',
      help: 'write `default allow, notice`: one action for each outcome of the version',
    });
  });

  it('with commas, a one-outcome policy still has one action per clause (BL306), with every choice', () => {
    only(checkPolicy('rule r\n  when post.public_interest\n  then notice, remove, lock\n  because "x"\n'), {
      code: 'BL306',
      at: '3:16',
      underlined: 'remove, lock',
      message: 'a clause of a one-outcome policy has one action',
      help: 'keep `notice`, `remove` or `lock`; to decide several things at once, declare outcomes (`outcome content: Content`) on scales of their own',
      notes: ['`notice` is its first action @ 3:8'],
    });
  });
});

describe('near misses of BL016 stay syntax errors (BL002)', () => {
  it('a stray comma after the action', () => {
    only(checkPolicy('rule r\n  when post.public_interest\n  then remove,\n  because "x"\n'), {
      code: 'BL002',
      underlined: ',',
      message: 'expected an action after `,`, found `because`',
      help: 'actions are separated by commas, one per outcome; delete the `,` after the last one',
    });
  });

  it('an action without `then`', () => {
    only(checkPolicy('rule r\n  when post.public_interest\n  remove\n  because "x"\n'), {
      code: 'BL002',
      underlined: 'remove',
      message: 'expected `then`, found `remove`',
      help: 'the action follows `then`: write `then remove`',
    });
  });
});

describe('other near misses get a help of their own (BL002)', () => {
  it.each([
    ['rule r\n  when post.target in (individual, group)\n  then remove\n', '(', 'sets are written with braces: `x in {a, b}`'],
    ['rule r\n  when post.public_interest\n  then "remove"\n', '"remove"', 'an action is a name, written without quotes: `then remove`'],
    ['rule r\n  when post.public_interest\n  then remove\n  because newsworthy\n', 'newsworthy', 'the reason after `because` is a string in double quotes: `because "…"`'],
  ])('%j', (body, found, help) => {
    only(checkPolicy(body), { code: 'BL002', underlined: found, help });
  });

  it('`between` is BL011', () => {
    only(checkPolicy(rule('post.author.followers between 10 and 100')), {
      code: 'BL011',
      underlined: 'between',
      help: 'write a range as two comparisons: `x >= LOW and x <= HIGH`',
    });
  });
});

describe('string matching (BL017)', () => {
  const help = 'classify the text upstream into an enum or a `bool` field (such as `is_spam: bool`) and test that; a string is only compared whole, with `==` or `!=`';
  it.each([
    ['post.author.handle contains "bot"', 'contains', 'Bylaw does not match strings'],
    ['post.author.handle matches "^bot"', 'matches', 'Bylaw does not match strings'],
    ['post.author.handle like "bot%"', 'like', 'Bylaw does not match strings'],
    ['post.author.handle startsWith "bot"', 'startsWith', 'Bylaw does not match strings'],
    ['post.author.handle =~ "bot"', '=~', 'Bylaw does not match strings'],
    ['post.author.handle + "_bot" == "x_bot"', '+', 'Bylaw does not join or match strings'],
  ])('%s', (when, operator, says) => {
    only(checkPolicy(rule(when)), { code: 'BL017', underlined: operator, message: `\`${operator}\` is not an operator: ${says}`, help });
  });
});

describe('optional fields written another way (BL018)', () => {
  it('`note?: T` in a record: the `?` follows the type', () => {
    only(checkPolicy('record Extra { note?: string }\n'), { code: 'BL018', underlined: 'note?', message: '`note?` marks the name, not the type', help: 'the `?` follows the type: `note: string?`' });
    only(checkPolicy('record Extra { notes?: list<Post> }\n'), { code: 'BL018', underlined: 'notes?', help: 'the `?` follows the type: `notes: TYPE?`' });
    expect(checkPolicy('record Extra { note: string? }\n').diagnostics).toEqual([]);
  });

  it('`x?` and `x?.y` where a field is read: the guard is `exists`', () => {
    only(checkPolicy(rule('post.author.handle? == "x"')), {
      code: 'BL018',
      underlined: 'handle?',
      message: '`handle?` is not how an optional field is read',
      help: 'test that the field is there before reading it: `post.author.handle exists and …`',
    });
    only(checkPolicy(rule('post.author?.handle == "x"')), {
      code: 'BL018',
      underlined: 'author?',
      message: '`author?` is not how an optional field is read',
      help: 'test that the field is there before reading it: `post.author exists and …`',
    });
  });

  it('a `?` anywhere else is an unexpected character', () => {
    only(checkPolicy(rule('post.public_interest ? post.author.verified')), { code: 'BL001', underlined: '?', help: UNEXPECTED });
  });
});

describe('`has` and `in`: each points at the other without a loop', () => {
  it('`has {a, b}` suggests an `or` of `has`, which checks', () => {
    only(checkPolicy(rule('post.categories has {harassment, terrorism}')), {
      code: 'BL205',
      underlined: '{harassment, terrorism}',
      message: '`has` tests one member at a time',
      help: 'for any of them write `post.categories has any {harassment, terrorism}`; for all of them, `post.categories has all {harassment, terrorism}`',
    });
    expect(checkPolicy(rule('post.categories has harassment or post.categories has terrorism')).diagnostics).toEqual([]);
    expect(checkPolicy(rule('post.categories has any {harassment, terrorism}')).diagnostics).toEqual([]);
    expect(checkPolicy(rule('post.categories has all {harassment, terrorism}')).diagnostics).toEqual([]);
  });

  it('a set `in {a, b}` suggests the same', () => {
    only(checkPolicy(rule('post.categories in {harassment, terrorism}')), {
      code: 'BL205',
      underlined: 'post.categories in {harassment, terrorism}',
      help: 'to test whether the set holds any of them, write `post.categories has any {harassment, terrorism}`',
    });
  });

  it('`x in set` suggests `set has x`, which checks', () => {
    only(checkPolicy(rule('harassment in post.categories')), {
      code: 'BL002',
      underlined: 'post',
      message: 'expected `{`, found `post`',
      help: '`in` tests a value against a set written in braces, `x in {a, b}`; to test whether a set field holds a member, write `post.categories has harassment`',
    });
    expect(checkPolicy(rule('post.categories has harassment')).diagnostics).toEqual([]);
  });
});
