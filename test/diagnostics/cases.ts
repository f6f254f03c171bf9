import type { Code } from '../../src/diagnostics/codes.js';
import type { FixtureOptions } from './run-fixture.js';

/**
 * One bad policy per diagnostic code (test/fixtures/<CODE>-<slug>[.policy]) and what Bylaw must
 * say about it. codes.test.ts checks every field; docs/diagnostics.md shows each fixture and its
 * real rendering (kept in step by docs.test.ts; regenerate with
 * `npx tsx test/diagnostics/update-docs.ts`).
 */
export interface CodeCase {
  readonly code: Code;
  /** The fixture: a file `test/fixtures/<fixture>.policy` or a folder `test/fixtures/<fixture>/`. */
  readonly fixture: string;
  /** The file the diagnostic is in, as the checker names it (`example.policy`, `example/v2.policy`). */
  readonly file?: string;
  /** The text the diagnostic underlines, exactly. */
  readonly underlined: string;
  readonly message: string;
  /** The `help` line; `null` when the diagnostic has none. */
  readonly help: string | null;
  /** Messages of the notes, in order (default: none). */
  readonly notes?: readonly string[];
  /** Diagnostics the fixture gives in all, this one included (default 1: the fixture is minimal). */
  readonly total?: number;
  readonly options?: FixtureOptions;
}

export const CASES: readonly CodeCase[] = [
  // ---------------------------------------------------------------- syntax
  {
    code: 'BL001',
    fixture: 'BL001-unexpected-character',
    underlined: ';',
    message: 'unexpected character `;`',
    help: 'statements need no `;`',
  },
  {
    code: 'BL002',
    fixture: 'BL002-syntax-error',
    underlined: '=',
    message: 'expected `then`, found `=`',
    help: '`=` names a context; to compare two values write `==`',
  },
  {
    code: 'BL003',
    fixture: 'BL003-unterminated-string',
    underlined: '"You may not make specific threats of violence',
    message: 'unterminated string',
    help: 'close the string with `"` on the same line; write a line break as `\\n`',
  },
  {
    code: 'BL004',
    fixture: 'BL004-invalid-escape',
    underlined: '\\_',
    message: 'invalid escape `\\_` in string',
    help: 'valid escapes are `\\n`, `\\t`, `\\r`, `\\0`, `\\"`, `\\\\` and `\\u{…}`',
  },
  {
    code: 'BL005',
    fixture: 'BL005-invalid-date',
    underlined: '2019-02-30',
    message: '`2019-02-30` is not a calendar date',
    help: 'dates are written `YYYY-MM-DD`, with a month from 01 to 12 and a day that exists in that month',
  },
  {
    code: 'BL006',
    fixture: 'BL006-invalid-integer',
    underlined: '100__000',
    message: 'invalid integer literal `100__000`',
    help: 'write digits with single `_` between groups, e.g. `100_000`, and no leading zeros',
  },
  {
    code: 'BL007',
    fixture: 'BL007-too-deeply-nested',
    underlined: '(',
    message: 'expression nested more than 100 levels deep',
    help: 'split the condition into named contexts',
  },
  {
    code: 'BL008',
    fixture: 'BL008-foreign-operator',
    underlined: '&&',
    message: '`&&` is not an operator in Bylaw',
    help: 'use `and`',
  },
  {
    code: 'BL009',
    fixture: 'BL009-invalid-utf8',
    underlined: '\ufffd',
    message: 'invalid UTF-8: byte 0xE9 at byte offset 143',
    help: 'save the file as UTF-8: Bylaw reads policies as UTF-8 and does not guess (from Windows-1252, e.g. `iconv -f WINDOWS-1252 -t UTF-8`)',
  },
  {
    code: 'BL010',
    fixture: 'BL010-misspelt-keyword',
    underlined: 'exemtion',
    message: '`exemtion` is not a keyword',
    help: 'did you mean `exemption`?',
  },
  {
    code: 'BL011',
    fixture: 'BL011-foreign-keyword',
    underlined: 'if',
    message: '`if` is not a keyword in Bylaw',
    help: 'a condition follows `when`: `rule NAME when CONDITION then ACTION`',
  },
  {
    code: 'BL012',
    fixture: 'BL012-unclosed-bracket',
    underlined: 'then',
    message: 'expected `)`, found `then`',
    help: 'close the `(` with `)` where its condition ends, before `then`',
    notes: ['unclosed `(` opened here'],
  },
  {
    code: 'BL013',
    fixture: 'BL013-malformed-date',
    underlined: '2024/01/15',
    message: '`2024/01/15` is not a date literal',
    help: 'write dates as `YYYY-MM-DD`: `2024-01-15`',
  },
  {
    code: 'BL014',
    fixture: 'BL014-fraction',
    underlined: '2.5',
    message: '`2.5` is not an integer: Bylaw has integers only',
    help: 'for an integer, `> 2.5` means `>= 3`; to keep fractions, store the value scaled (a rate in percent, money in cents) in an `int` field',
  },
  {
    code: 'BL015',
    fixture: 'BL015-arithmetic',
    underlined: '+',
    message: '`+` is not an operator: Bylaw has no arithmetic',
    help: 'compare the date directly: `post.date > 2024-08-07` says the same',
  },
  {
    code: 'BL016',
    fixture: 'BL016-several-actions',
    underlined: ', suspend',
    message: 'a clause has one action',
    help: 'keep one, `then remove` or `then suspend`; when several clauses fire, the most severe action decides, so another clause can decide the other',
  },
  {
    code: 'BL017',
    fixture: 'BL017-string-matching',
    underlined: 'contains',
    message: '`contains` is not an operator: Bylaw does not match strings',
    help: 'classify the text upstream into an enum or a `bool` field (such as `is_spam: bool`) and test that; a string is only compared whole, with `==` or `!=`',
  },
  {
    code: 'BL018',
    fixture: 'BL018-optional-field',
    underlined: 'reply_to?',
    message: '`reply_to?` is an optional field, which Bylaw does not support',
    help: 'every field is always present: give the field a value that means "not given" and test that, such as a `none` member of an enum, `0` for a count, or a `bool` such as `has_note`',
  },
  // ---------------------------------------------------------------- modules and policy sets
  {
    code: 'BL101',
    fixture: 'BL101-unresolved-module',
    underlined: 'moderatoin',
    message: 'cannot find module `moderatoin`',
    help: 'did you mean `moderation`?',
  },
  {
    code: 'BL102',
    fixture: 'BL102-import-cycle',
    file: 'example/b.policy',
    underlined: 'use a',
    message: 'import cycle: `a` → `b` → `a`',
    help: 'move what both modules need into a third module that neither uses',
    notes: ['`b` is used here'],
  },
  {
    code: 'BL103',
    fixture: 'BL103-missing-effective-date',
    file: 'example/v2.policy',
    underlined: 'version "2"',
    message: '`example/v2.policy` declares a `version` but no `effective` date',
    help: 'add `effective YYYY-MM-DD`: the first day this version is in force',
  },
  {
    code: 'BL104',
    fixture: 'BL104-duplicate-effective-date',
    file: 'example/v2.policy',
    underlined: 'effective 2020-01-01',
    message: 'two versions take effect on `2020-01-01`',
    help: 'each version needs its own effective date; a decision would not know which to use',
    notes: ['`example/v1.policy` is also effective on that day'],
  },
  {
    code: 'BL105',
    fixture: 'BL105-name-declared-twice',
    file: 'example/v1.policy',
    underlined: 'leader',
    message: '`leader` is declared twice',
    help: 'names must be unique across a file and every module it uses; rename one of them',
    notes: ['a context `leader` is declared here'],
  },
  {
    code: 'BL106',
    fixture: 'BL106-unreadable-file',
    file: 'example/rules.policy',
    underlined: '',
    message: 'cannot read `example/rules.policy`',
    help: 'check that the file exists, is a file and that you may read it',
    options: { unreadable: ['rules.policy'] },
  },
  {
    code: 'BL107',
    fixture: 'BL107-no-date-field',
    file: 'example/v1.policy',
    underlined: 'Comment',
    message: 'the input `Comment` has no `date: date` field to pick the version in force',
    help: "a policy set with `effective` dates decides by the input's date: add `date: date` to the input record",
  },
  {
    code: 'BL108',
    fixture: 'BL108-duplicate-header',
    file: 'example/v1.policy',
    underlined: 'version "2"',
    message: '`version` is given twice',
    help: 'a file has at most one `version`',
    notes: ['first given here'],
  },
  // ---------------------------------------------------------------- names and types
  {
    code: 'BL201',
    fixture: 'BL201-unknown-name',
    underlined: 'posts',
    message: 'unknown name `posts`',
    help: 'did you mean `post`?',
  },
  {
    code: 'BL202',
    fixture: 'BL202-unknown-field',
    underlined: 'folowers',
    message: '`Account` has no field `folowers`',
    help: 'did you mean `followers`?',
  },
  {
    code: 'BL203',
    fixture: 'BL203-unknown-type',
    underlined: 'Pots',
    message: 'unknown type `Pots`',
    help: 'did you mean `Post`?',
  },
  {
    code: 'BL204',
    fixture: 'BL204-not-a-member',
    underlined: 'world_leadr',
    message: '`world_leadr` is not a member of `Role`',
    help: 'did you mean `world_leader`?',
    notes: ['`Role` is declared here'],
  },
  {
    code: 'BL205',
    fixture: 'BL205-mismatched-types',
    underlined: 'post.author.followers == world_leader',
    message: 'cannot compare `int` with `Role`',
    help: '`world_leader` is a `Role`; did you mean `post.author.role`?',
  },
  {
    code: 'BL206',
    fixture: 'BL206-has-on-non-set',
    underlined: 'post.topic',
    message: '`has` needs a set, found `Topic`',
    help: 'to test a single value, write `==` or `in {…}`',
  },
  {
    code: 'BL207',
    fixture: 'BL207-unordered-comparison',
    underlined: 'post.offline_harm_risk > elevated',
    message: '`>` needs ordered values, and `Risk` has no order',
    help: 'compare with `==`, `!=` or `in {…}`',
  },
  {
    code: 'BL208',
    fixture: 'BL208-not-a-condition',
    underlined: 'post.author.followers',
    message: 'expected a condition, found a value of type `int`',
    help: 'compare it with a value, e.g. `> 0`',
  },
  {
    code: 'BL209',
    fixture: 'BL209-context-cycle',
    underlined: 'leader',
    message: 'context `leader` depends on itself: `leader` → `ordinary_account` → `leader`',
    help: 'a context is a fixed condition; break the cycle by writing one of them out in full',
    notes: ['`ordinary_account` is declared here'],
  },
  {
    code: 'BL210',
    fixture: 'BL210-invalid-type',
    underlined: 'string',
    message: 'sets hold members of an enum',
    help: 'declare an enum and write `set<ThatEnum>`',
  },
  {
    code: 'BL211',
    fixture: 'BL211-missing-declaration',
    underlined: 'use moderation',
    message: 'no `default` declared',
    help: 'declare one, e.g. `default allow`, here or in a module this file uses',
  },
  {
    code: 'BL212',
    fixture: 'BL212-declared-more-than-once',
    underlined: 'default remove',
    message: '`default` is declared more than once',
    help: 'a version has exactly one `default`',
    notes: ['first declared here'],
  },
  {
    code: 'BL213',
    fixture: 'BL213-value-out-of-bounds',
    underlined: '-1',
    message: '`-1` is outside the bounds of `post.author.followers`, declared `int(0..)`',
    help: 'values of `post.author.followers` lie in `0..`; a comparison with a value outside them never depends on the input',
  },
  // ---------------------------------------------------------------- clauses
  {
    code: 'BL301',
    fixture: 'BL301-exemption-names-red-line',
    underlined: 'direct_threat',
    message: 'exemption `leaders` names red line `direct_threat`',
    help: 'red lines cannot be exempted; to allow exceptions, make it a `rule`',
    notes: ['the red line is declared here'],
  },
  {
    code: 'BL302',
    fixture: 'BL302-exemption-names-unknown-rule',
    underlined: 'harassmnet',
    message: 'unknown rule `harassmnet`',
    help: 'did you mean `harassment`?',
  },
  {
    code: 'BL303',
    fixture: 'BL303-exemption-more-severe',
    underlined: 'suspend',
    message: 'exemption `repeat_offenders` (`suspend`) is more severe than rule `harassment` (`remove`)',
    help: 'an exemption softens a rule; use an action no more severe than `remove` (scale: `allow` < `notice` < `remove` < `lock` < `suspend`)',
    notes: ['`harassment` is declared here'],
  },
  {
    code: 'BL304',
    fixture: 'BL304-action-not-on-scale',
    underlined: 'remvoe',
    message: '`remvoe` is not an action on the scale `Action`',
    help: 'did you mean `remove`?',
  },
  // ---------------------------------------------------------------- warnings
  {
    code: 'BL401',
    fixture: 'BL401-unused-context',
    underlined: 'eligible_for_notice',
    message: 'context `eligible_for_notice` is never used',
    help: 'use it in a clause or another context, or delete it',
  },
  {
    code: 'BL402',
    fixture: 'BL402-never-fires',
    underlined: 'leader_targets_leader',
    message: 'rule `leader_targets_leader` can never fire: its `when` condition never holds',
    help: 'look for contradictory tests of the same field, such as `x == a and x == b`',
  },
  {
    code: 'BL403',
    fixture: 'BL403-shadowed-by-red-line',
    underlined: 'verified_terrorism',
    message: 'rule `verified_terrorism` never decides: red line `terrorism` fires whenever it does',
    help: 'a red line wins ties and cannot be exempted; remove the rule or make it more severe',
    notes: ['`terrorism` (`suspend`) is declared here'],
  },
  {
    code: 'BL404',
    fixture: 'BL404-no-because',
    underlined: 'harassment',
    message: 'rule `harassment` has no `because`',
    help: 'add `because "…"` quoting the guideline it enforces; decisions and appeals show it',
  },
  {
    code: 'BL405',
    fixture: 'BL405-repeated-member',
    underlined: 'world_leader',
    message: '`world_leader` is listed twice',
    help: 'delete the repeat',
  },
  {
    code: 'BL406',
    fixture: 'BL406-suspicious-unicode',
    underlined: '\u202e',
    message: 'string contains U+202E RIGHT-TO-LEFT OVERRIDE, which changes the order in which text is displayed',
    help: 'the string can display differently from how Bylaw reads it; delete the character, or if it is meant write it as the escape `\\u{202E}`',
  },
  {
    code: 'BL407',
    fixture: 'BL407-exemption-superseded',
    underlined: 'leader_notice',
    message: 'exemption `leader_notice` never applies: `political_speech` applies whenever it would',
    help: 'a fired rule takes the least severe exemption that applies to it (the first declared of equally severe ones); delete `leader_notice`, or add an `unless` to `political_speech` for the cases `leader_notice` should decide',
    notes: ['`political_speech` (`allow`) is declared here'],
  },
  {
    code: 'BL408',
    fixture: 'BL408-exemption-disjoint',
    underlined: 'satire',
    message: 'exemption `satire` never applies: its condition never holds when `terrorism` fires',
    help: 'an exemption applies only to a fired rule that it names; its `when` contradicts the conditions of the rules in its `from` list — check both',
    notes: ['`terrorism` is declared here'],
  },
];
