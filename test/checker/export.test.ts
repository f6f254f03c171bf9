import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/load-policy.js';
import { checkFiles, underlined, type Checked } from '../support/policies.js';

/**
 * `statement` declarations: what the checker reads into each version's export mapping, and the
 * BL5xx diagnostics beyond the one fixture per code (test/diagnostics/cases.ts).
 */

const RULES = `use moderation

input post: Post

default allow

rule harassment
  when post.categories has harassment
  then remove
  because "You may not engage in the targeted harassment of someone."

rule glorification
  when post.categories has glorification_of_violence
  then lock
  because "First violation: the Tweet is removed and the account locked."
`;

const ACTIONS = `statement action {
  allow: no restriction,
  notice: DECISION_VISIBILITY_OTHER "interstitial warning screen"
    notice "put a notice over your post",
  remove: DECISION_VISIBILITY_CONTENT_REMOVED,
  lock for 12 hours: DECISION_VISIBILITY_CONTENT_REMOVED permanently
    and DECISION_PROVISION_PARTIAL_SUSPENSION,
  suspend: DECISION_ACCOUNT_SUSPENDED,
}
`;

const CLAUSES = `statement harassment
  category STATEMENT_CATEGORY_CYBER_VIOLENCE
  keywords KEYWORD_CYBER_HARASSMENT, KEYWORD_OTHER "pile-ons"
  ground terms "Abusive Behavior Policy" not illegal

statement glorification
  category STATEMENT_CATEGORY_VIOLENCE
  ground law "Section 131 of the German Criminal Code"
`;

const one = (text: string): Checked => checkFiles({ 'p/policy.policy': text });
const seen = (c: Checked) => c.diagnostics.map((d) => `${d.code} ${underlined(d, c.sources)}: ${d.message}`);

describe('the export mapping read from `statement` declarations', () => {
  it('holds every action, clause and version as written', () => {
    const c = one(`version "v1"\n${RULES}\n${ACTIONS}\n${CLAUSES}\nstatement version "v1" at "https://example.com/rules/v1"\n`);
    expect(seen(c)).toEqual([]);
    expect(c.policy!.versions[0]!.exportMapping).toEqual({
      outcomes: {
        action: {
          allow: { targets: [] },
          notice: { targets: [{ field: 'decision_visibility', value: 'DECISION_VISIBILITY_OTHER', other: 'interstitial warning screen' }], notice: 'put a notice over your post' },
          remove: { targets: [{ field: 'decision_visibility', value: 'DECISION_VISIBILITY_CONTENT_REMOVED' }] },
          lock: {
            targets: [
              { field: 'decision_visibility', value: 'DECISION_VISIBILITY_CONTENT_REMOVED', permanent: true },
              { field: 'decision_provision', value: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
            ],
            duration: 'PT12H',
          },
          suspend: { targets: [{ field: 'decision_account', value: 'DECISION_ACCOUNT_SUSPENDED' }] },
        },
      },
      clauses: {
        harassment: {
          category: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
          keywords: ['KEYWORD_CYBER_HARASSMENT', 'KEYWORD_OTHER'],
          keywordOther: 'pile-ons',
          ground: { kind: 'terms', reference: 'Abusive Behavior Policy', illegal: false },
        },
        glorification: { category: 'STATEMENT_CATEGORY_VIOLENCE', ground: { kind: 'law', reference: 'Section 131 of the German Criminal Code' } },
      },
      versions: { v1: { url: 'https://example.com/rules/v1' } },
    });
  });

  it('is absent, with nothing to report, when a policy has no `statement`', () => {
    const c = one(RULES);
    expect(seen(c)).toEqual([]);
    expect(c.policy!.versions[0]!.exportMapping).toBeUndefined();
  });

  it('is absent when the mapping has errors', () => {
    const c = one(`${RULES}\n${ACTIONS.replace('DECISION_ACCOUNT_SUSPENDED', 'DECISION_ACCOUNT_SUSPEND')}\n${CLAUSES}`);
    expect(c.diagnostics.map((d) => d.code)).toContain('BL502');
    expect(c.policy).toBeNull();
  });

  it('keeps the words `statement`, `category`, `ground` usable as names', () => {
    const c = one(
      `version "v1"\n${RULES}\nstatement version "v1" at "https://example.com/v1"\ncontext statement = post.categories has harassment\nrule ground when statement then remove because "x"\n${ACTIONS}\n${CLAUSES}\nstatement ground\n  category STATEMENT_CATEGORY_CYBER_VIOLENCE\n  ground terms "x"\n`,
    );
    expect(seen(c).filter((d) => d.startsWith('BL5') || d.startsWith('BL0'))).toEqual([]);
    expect(c.policy!.versions[0]!.exportMapping!.clauses.ground!.category).toBe('STATEMENT_CATEGORY_CYBER_VIOLENCE');
  });
});

describe('a mapping shared by the versions of a set', () => {
  const version = (v: string, own = '') => `version "${v}"\neffective ${v}\n\nuse rules\nuse statements\n${own}`;
  const rules = RULES.replace('use moderation', 'use moderation').replace('input post: Post', 'input post: Post');
  const statements = `${ACTIONS}\n${CLAUSES}\nstatement version "2020-01-01" at "https://example.com/2020"\n\nstatement version "2021-01-01" at "https://example.com/2021"\n`;

  it('maps clauses and versions only some versions have, each version taking its own', () => {
    const c = checkFiles(
      {
        'set/rules.policy': rules,
        'set/statements.policy': `${statements}\nstatement doxxing\n  category STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS\n  ground terms "Private Information Policy"\n`,
        'set/v1.policy': version('2020-01-01'),
        'set/v2.policy': version('2021-01-01', '\nrule doxxing\n  when post.categories has private_information\n  then remove\n  because "No private information."\n'),
      },
      'set',
    );
    expect(seen(c)).toEqual([]);
    const [v1, v2] = c.policy!.versions;
    expect(v1!.exportMapping!.versions).toEqual({ '2020-01-01': { url: 'https://example.com/2020' } });
    expect(v2!.exportMapping!.versions).toEqual({ '2021-01-01': { url: 'https://example.com/2021' } });
    expect(Object.keys(v1!.exportMapping!.clauses)).not.toContain('doxxing');
    expect(Object.keys(v2!.exportMapping!.clauses)).toContain('doxxing');
  });

  it('reports a name no version has, and a version no version is, once', () => {
    const c = checkFiles(
      {
        'set/rules.policy': rules,
        'set/statements.policy': `${statements}\nstatement doxing\n  category STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS\n  ground terms "Private Information Policy"\n\nstatement version "2022-01-01" at "https://example.com/2022"\n`,
        'set/v1.policy': version('2020-01-01'),
        'set/v2.policy': version('2021-01-01', '\nrule doxxing\n  when post.categories has private_information\n  then remove\n  because "No private information."\n'),
      },
      'set',
    );
    expect(seen(c)).toEqual([
      'BL555 doxing: `doxing` is not a red line or rule of the policy',
      'BL555 "2022-01-01": `2022-01-01` is not a version of this policy',
      'BL505 doxxing: clause `doxxing` can decide a restriction but has no category or ground',
    ]);
  });
});

describe('a version file checked alone, with the set\'s shared mapping', () => {
  it('checks, warning about the names only other versions have (`bylaw diff v2.policy v3.policy` loads each alone)', () => {
    const loaded = loadPolicy('policies/twitter/v2_public_interest_notice.policy');
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(new Set(loaded.diagnostics.map((d) => d.code))).toEqual(new Set(['BL555']));
    expect(loaded.policy!.versions[0]!.exportMapping!.versions).toEqual({ '2019-06-27': { url: 'https://blog.twitter.com/en_us/topics/company/2019/publicinterest' } });
  });
});

describe('what the checker reports', () => {
  const report = (statements: string, rules = RULES) => seen(one(`version "v1"\n${rules}\n${statements}\nstatement version "v1" at "https://example.com/v1"\n`));

  it('an outcome with no statement at all: once, naming its actions', () => {
    const c = one(`version "v1"\n${RULES}\n${CLAUSES}\nstatement version "v1" at "https://example.com/v1"\n`);
    expect(seen(c)).toEqual(['BL501 Action: outcome `action` has no statement mapping']);
    expect(c.diagnostics[0]!.help).toBe('say what each of its actions becomes: `statement action { allow: …, notice: …, remove: …, lock: …, suspend: … }`');
  });

  it('a category or keyword written as a restriction, and a restriction as a category', () => {
    const c = one(`${RULES}\n${ACTIONS.replace('suspend: DECISION_ACCOUNT_SUSPENDED', 'suspend: STATEMENT_CATEGORY_VIOLENCE')}\n${CLAUSES.replace('category STATEMENT_CATEGORY_VIOLENCE', 'category DECISION_ACCOUNT_SUSPENDED')}`);
    const problems = c.diagnostics.filter((d) => d.code === 'BL502');
    expect(problems.map((d) => [underlined(d, c.sources), d.help])).toEqual([
      ['STATEMENT_CATEGORY_VIOLENCE', 'a category or keyword belongs to a clause: `statement CLAUSE category … keywords …`'],
      ['DECISION_ACCOUNT_SUSPENDED', 'use one of the 16 `STATEMENT_CATEGORY_…` keys'],
    ]);
  });

  it('a text after a keyword other than `KEYWORD_OTHER`', () => {
    expect(report(`${ACTIONS}\n${CLAUSES.replace('KEYWORD_CYBER_HARASSMENT,', 'KEYWORD_CYBER_HARASSMENT "doxxing",')}`)).toEqual([
      'BL552 "doxxing": the text after `KEYWORD_CYBER_HARASSMENT` is dropped by the database',
    ]);
  });

  it('`also illegal` or `not illegal` on a ground in law, and an empty reference', () => {
    expect(report(`${ACTIONS}\n${CLAUSES.replace('ground law "Section 131 of the German Criminal Code"', 'ground law "Section 131 StGB" also illegal').replace('"Abusive Behavior Policy"', '" "')}`)).toEqual([
      'BL510 " ": the ground names no reference',
      'BL510 law "Section 131 StGB" also illegal: a ground in law is illegal content: `also illegal` goes with `terms`',
    ]);
  });

  it('one action writing a one-value field twice, and the same field from two outcomes', () => {
    expect(report(`${ACTIONS.replace('suspend: DECISION_ACCOUNT_SUSPENDED', 'suspend: DECISION_ACCOUNT_SUSPENDED and DECISION_ACCOUNT_TERMINATED')}\n${CLAUSES}`)).toEqual([
      'BL503 DECISION_ACCOUNT_TERMINATED: the action writes `decision_account` twice',
    ]);
  });

  it('two outcomes both writing two one-value fields: each field where the later one writes it, its note where the earlier does', () => {
    const c = checkFiles({ 'p/policy.policy': readFileSync(new URL('../fixtures/BL503-field-written-twice.policy', import.meta.url), 'utf8')
      .replace('frozen: DECISION_PROVISION_PARTIAL_SUSPENSION,', 'frozen: DECISION_PROVISION_PARTIAL_SUSPENSION and DECISION_ACCOUNT_SUSPENDED,')
      .replace('suspended: DECISION_PROVISION_TOTAL_SUSPENSION,', 'suspended: DECISION_PROVISION_TOTAL_SUSPENSION and DECISION_ACCOUNT_TERMINATED,') });
    const notes = (d: Checked['diagnostics'][number]) => d.notes.map((n) => `${n.message} at ${underlined({ ...d, span: n.span! }, c.sources)}`);
    expect(c.diagnostics.map((d) => [underlined(d, c.sources), d.message, ...notes(d)])).toEqual([
      ['DECISION_PROVISION_TOTAL_SUSPENSION', 'outcomes `uploads` and `account` can both write `decision_provision`', '`decision_provision` is also written here at DECISION_PROVISION_PARTIAL_SUSPENSION'],
      ['DECISION_ACCOUNT_TERMINATED', 'outcomes `uploads` and `account` can both write `decision_account`', '`decision_account` is also written here at DECISION_ACCOUNT_SUSPENDED'],
    ]);
  });

  it('the same action, outcome block entry, clause, default or version given twice', () => {
    const twice = `${ACTIONS.replace('allow: no restriction,', 'allow: no restriction,\n  allow: no restriction,')}\n${CLAUSES}\nstatement default\n  category STATEMENT_CATEGORY_OTHER_VIOLATION_TC\n  ground terms "Terms"\n\nstatement default\n  category STATEMENT_CATEGORY_OTHER_VIOLATION_TC\n  ground terms "Terms"\n\nstatement version "v1" at "https://example.com/again"\n`;
    expect(report(twice).map((d) => d.replace(/:.*/, ''))).toEqual(['BL507 allow', 'BL507 default', 'BL507 "v1"']);
  });

  it('durations: a unit that is not one, a count below one, a fixed one on an action that carries its own', () => {
    expect(report(ACTIONS.replace('lock for 12 hours', 'lock for 12 fortnights') + CLAUSES)).toEqual(['BL216 fortnights: `fortnights` is not a unit of time']);
    expect(report(ACTIONS.replace('lock for 12 hours', 'lock for 0 hours') + CLAUSES)).toEqual(['BL216 0: a duration is a positive number of hours']);
  });

  it('a right-to-left override in a text is flagged like in any string', () => {
    expect(report(`${ACTIONS.replace('"put a notice over your post"', '"put a notice \u202e over your post"')}\n${CLAUSES}`)).toEqual([
      'BL406 \u202e: string contains U+202E RIGHT-TO-LEFT OVERRIDE, which changes the order in which text is displayed',
    ]);
  });

  it('hostile texts: long ones, names far from any key', () => {
    const long = 'x'.repeat(100_000);
    const lines = report(`${ACTIONS.replace('"interstitial warning screen"', `"${long}"`)}\n${CLAUSES.replace('"Abusive Behavior Policy"', `"${'é'.repeat(401)}"`).replace('KEYWORD_OTHER', `KEYWORD_${'Z'.repeat(300)}`)}`);
    expect(lines.map((d) => d.replace(/ .*?: /, ': '))).toEqual([
      'BL509: the text is longer than 500 characters',
      `BL502: \`KEYWORD_${'Z'.repeat(300)}\` is not a keyword of the database`,
      `BL552: the text after \`KEYWORD_${'Z'.repeat(300)}\` is dropped by the database`,
      'BL509: the reference is longer than 400 characters',
    ]);
  });

  it('a `because` that fits, and with its exemption does not', () => {
    const text = 'y'.repeat(1200);
    const rules = `${RULES.replace('"You may not engage in the targeted harassment of someone."', `"${text}"`)}\nexemption satire\n  from harassment\n  when post.public_interest\n  then notice\n  because "${text}"\n`;
    expect(report(`${ACTIONS}\n${CLAUSES}`, rules)).toEqual([
      'BL504 harassment: the `because` texts of `harassment` and its exemptions are longer than the 2000 characters of the explanation',
    ]);
  });
});
