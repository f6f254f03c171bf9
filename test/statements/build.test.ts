import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  StatementError,
  checkDeployment,
  statementBatches,
  statementOfReasons,
  validateBatch,
  validateStatement,
  type AnyDecision,
  type Deployment,
  type ExportMapping,
  type Statement,
  type StatementFacts,
} from '../../src/statements/index.js';
import * as P from './fixtures/platforms.js';

const EEA = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'];

/** Builds the statement and holds it to the database's rules and Bylaw's. */
function build(decision: AnyDecision, facts: StatementFacts, mapping: ExportMapping, deployment: Deployment): Statement {
  const statement = statementOfReasons(decision, facts, mapping, deployment);
  expect(statement).not.toBeNull();
  expect(validateStatement(statement, { profile: 'database' })).toEqual([]);
  expect(validateStatement(statement)).toEqual([]);
  return statement!;
}
const meta = (decision: AnyDecision, facts: Partial<StatementFacts> = {}) =>
  build(decision, { date: '2026-11-30', contentDate: '2026-11-29', id: 'dec-7f3c9e2a', ...facts }, P.META_MAPPING, P.META_DEPLOYMENT);
const youtube = (decision: AnyDecision, facts: Partial<StatementFacts> = {}) =>
  build(decision, { date: '2024-01-15', contentDate: '2024-01-14', id: 'video-1', ...facts }, P.YOUTUBE_MAPPING, P.YOUTUBE_DEPLOYMENT);
const twitter = (action: string, clause: string, facts: Partial<StatementFacts> = {}, extra: object = {}) =>
  statementOfReasons(
    { action, basis: 'rule', clause, exemption: null, version: '2019-10-15', because: ['Because.'], ...extra } as AnyDecision,
    { date: '2021-01-06', contentDate: '2021-01-06', id: '1346954970910707712', ...facts },
    P.TWITTER_MAPPING,
    P.TWITTER_DEPLOYMENT,
  );
const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(StatementError);
    return (error as StatementError).problem;
  }
  throw new Error('expected a StatementError');
};

describe('Meta: remove + restrict P1D, the facts\' own example', () => {
  it('is the statement the mapping example describes', () => {
    const statement = meta(P.META_SEVENTH_STRIKE, { category: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', keywords: ['KEYWORD_HATE_SPEECH'] });
    const example = JSON.parse(readFileSync(new URL('./fixtures/facts-example.json', import.meta.url), 'utf8'));
    for (const field of ['decision_visibility', 'end_date_visibility_restriction', 'decision_provision', 'end_date_service_restriction', 'decision_ground', 'category', 'category_specification', 'content_type', 'content_date', 'application_date', 'territorial_scope', 'content_language', 'source_type', 'automated_detection', 'automated_decision', 'account_type']) {
      expect(statement[field], field).toEqual(example[field]);
    }
    expect(statement).toEqual({
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
      end_date_visibility_restriction: null,
      decision_provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION',
      end_date_service_restriction: '2026-12-01',
      account_type: 'ACCOUNT_TYPE_PRIVATE',
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      decision_ground_reference_url: 'https://transparency.meta.com/enforcement/taking-action/counting-strikes',
      incompatible_content_ground:
        'Community Standards, clause violation (content); strike policy (counting strikes), clause strike_ladder (account); policy version 2023-02-23',
      incompatible_content_explanation:
        'Content that goes against the Community Standards is removed. Strikes add up: at 7 strikes, a one-day restriction from creating content.',
      content_type: ['CONTENT_TYPE_TEXT'],
      category: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
      category_addition: ['STATEMENT_CATEGORY_OTHER_VIOLATION_TC'],
      category_specification: ['KEYWORD_HATE_SPEECH'],
      territorial_scope: EEA,
      content_language: 'EN',
      content_date: '2026-11-29',
      application_date: '2026-11-30',
      decision_facts:
        'Decision of 2026-11-30 under policy version 2023-02-23. Content: remove (rule violation). Account: restrict for 1 day, until 2026-12-01 (rule strike_ladder).',
      source_type: 'SOURCE_ARTICLE_16',
      automated_detection: 'No',
      automated_decision: 'AUTOMATED_DECISION_FULLY',
      puid: 'meta-i-dec-7f3c9e2a',
    });
  });

  it('is byte-identical each time', () => {
    const a = JSON.stringify(statementOfReasons(P.META_SEVENTH_STRIKE, { date: '2026-11-30', contentDate: '2026-11-29', input: { post: 1 } }, P.META_MAPPING, P.META_DEPLOYMENT));
    const b = JSON.stringify(statementOfReasons(P.META_SEVENTH_STRIKE, { date: '2026-11-30', contentDate: '2026-11-29', input: { post: 1 } }, P.META_MAPPING, P.META_DEPLOYMENT));
    expect(a).toBe(b);
    expect(JSON.parse(a).puid).toMatch(/^meta-h-[0-9a-f]{64}$/);
  });
});

describe('end dates by calendar arithmetic, and the ground that goes with them', () => {
  it('Meta: the civil-unrest protocol suspends for two years', () => {
    const s = meta(P.META_UNREST_TWO_YEARS, { date: '2021-06-04', contentDate: '2021-01-06' });
    expect(s.decision_account).toBe('DECISION_ACCOUNT_SUSPENDED');
    expect(s.end_date_account_restriction).toBe('2023-06-04');
    expect(s.decision_provision).toBeUndefined();
    expect(s.category).toBe('STATEMENT_CATEGORY_OTHER_VIOLATION_TC');
    expect(s.category_addition).toEqual(['STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY']);
    expect(s.category_specification).toEqual(['KEYWORD_INCITEMENT_VIOLENCE_HATRED']);
  });

  it('Meta: one month from 31 January ends on 29 February', () => {
    expect(meta(P.META_UNREST_ONE_MONTH, { date: '2024-01-31', contentDate: '2024-01-30' }).end_date_account_restriction).toBe('2024-02-29');
  });

  it('Meta: the warning screen of a newsworthy graphic video, no account restriction', () => {
    const s = meta(P.META_WARNING_SCREEN);
    expect(s.decision_visibility).toEqual(['DECISION_VISIBILITY_CONTENT_LABELLED']);
    expect(Object.keys(s).filter((k) => /^decision_(monetary|provision|account)$/.test(k))).toEqual([]);
    expect(s.incompatible_content_ground).toBe('Community Standards, clause violation, exemption newsworthiness_allowance (content); policy version 2021-06-04');
    expect(s.incompatible_content_explanation).toContain('Newsworthy content can stay up');
    expect(s.decision_facts).toContain('Account: none (rule strike_ladder, exemption newsworthiness_allowance); not a restriction.');
  });

  it('Meta: the child-safety red line is illegal content, with the account terminated for good', () => {
    const s = meta(P.META_CSAM);
    expect(s.decision_ground).toBe('DECISION_GROUND_ILLEGAL_CONTENT');
    expect(s.illegal_content_legal_ground).toBe('Article 5 of Directive 2011/93/EU (child sexual abuse material)');
    expect(s.illegal_content_explanation).toContain('sexually exploits');
    expect(s.incompatible_content_ground).toBeUndefined();
    expect([s.decision_account, s.end_date_account_restriction]).toEqual(['DECISION_ACCOUNT_TERMINATED', null]);
  });

  it('YouTube: strikes freeze the channel for one and two weeks; the third terminates it', () => {
    const first = youtube(P.YOUTUBE_FIRST_STRIKE);
    expect([first.decision_provision, first.end_date_service_restriction]).toEqual(['DECISION_PROVISION_PARTIAL_SUSPENSION', '2024-01-22']);
    expect(youtube(P.YOUTUBE_SECOND_STRIKE, { date: '2023-12-25', contentDate: '2023-12-24' }).end_date_service_restriction).toBe('2024-01-08');
    const third = youtube(P.YOUTUBE_THIRD_STRIKE);
    expect([third.decision_account, third.end_date_account_restriction, third.decision_provision]).toEqual(['DECISION_ACCOUNT_TERMINATED', null, undefined]);
    expect(third.incompatible_content_ground).toContain('clause third_strike (channel)');
  });

  it('YouTube: severe abuse terminates without warning, on the red line', () => {
    const s = youtube(P.YOUTUBE_SEVERE_ABUSE);
    expect(s.decision_account).toBe('DECISION_ACCOUNT_TERMINATED');
    expect(s.incompatible_content_ground).toBe('Community Guidelines (severe abuse), clause severe_abuse (content, channel); policy version 2023-08-29');
    expect(s.decision_facts).toContain('Channel: terminate (red line severe_abuse).');
  });

  it('YouTube: a documentary with context is age-restricted, with no strike', () => {
    const s = youtube(P.YOUTUBE_EDSA);
    expect(s.decision_visibility).toEqual(['DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED']);
    expect(s.decision_provision).toBeUndefined();
    expect(s.source_identity).toBeUndefined();
  });

  it('YouTube: the one-time warning is no restriction, the removal still is', () => {
    const s = youtube(P.YOUTUBE_WARNING);
    expect(s.decision_visibility).toEqual(['DECISION_VISIBILITY_CONTENT_REMOVED']);
    expect(s.decision_provision).toBeUndefined();
    expect(s.incompatible_content_ground).toBe('Community Guidelines, clause violation (content); policy version 2023-08-29');
    expect(s.decision_facts).toContain('Channel: warning (rule one_time_warning); not a restriction.');
  });

  it('Twitter (one outcome): remove, a 12-hour lock, a permanent suspension, a public-interest notice', () => {
    const remove = twitter('remove', 'hateful_conduct')!;
    expect(validateStatement(remove)).toEqual([]);
    expect(remove.decision_visibility).toEqual(['DECISION_VISIBILITY_CONTENT_REMOVED']);
    expect(remove.incompatible_content_ground).toBe('Hateful Conduct Policy, clause hateful_conduct; policy version 2019-10-15');
    expect(remove.decision_facts).toContain('Decision: remove (rule hateful_conduct).');

    const lock = twitter('lock', 'glorification_of_violence', { decidedAt: '2021-01-06T20:15:00Z' })!;
    expect(validateStatement(lock)).toEqual([]);
    expect(lock).toMatchObject({ end_date_visibility_restriction: null, decision_provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION', end_date_service_restriction: '2021-01-07' });
    expect(twitter('lock', 'glorification_of_violence', { decidedAt: '2021-01-06T08:00:00Z' })!.end_date_service_restriction).toBe('2021-01-06');

    const suspend = twitter('suspend', 'glorification_of_violence_repeated', { date: '2021-01-08', contentDate: '2021-01-08' })!;
    expect(validateStatement(suspend)).toEqual([]);
    expect(suspend).toMatchObject({ decision_account: 'DECISION_ACCOUNT_SUSPENDED', end_date_account_restriction: null });

    const notice = twitter('notice', 'hateful_conduct', {}, { basis: 'exemption', exemption: 'public_interest_notice', because: ['A.', 'B.'] })!;
    expect(validateStatement(notice)).toEqual([]);
    expect(notice.decision_visibility).toEqual(['DECISION_VISIBILITY_CONTENT_LABELLED', 'DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED']);
    expect(notice.incompatible_content_ground).toBe('Hateful Conduct Policy, clause hateful_conduct, exemption public_interest_notice; policy version 2019-10-15');
    expect(notice.incompatible_content_explanation).toBe('A. B.');

    const terror = twitter('suspend', 'terrorism')!;
    expect(terror.incompatible_content_illegal).toBe('Yes');
    expect(twitter('remove', 'child_exploitation')!.decision_ground).toBe('DECISION_GROUND_ILLEGAL_CONTENT');
  });
});

describe('no statement for a decision that restricts nothing', () => {
  it('allow + none, allow on its own, a warning only', () => {
    expect(statementOfReasons(P.META_NOTHING, { date: '2019-10-01', contentDate: '2019-10-01' }, P.META_MAPPING, P.META_DEPLOYMENT)).toBeNull();
    expect(twitter('allow', 'x', {}, { basis: 'default', clause: null })).toBeNull();
    const warningOnly = { version: '2023-08-29', outcomes: { content: { action: 'allow', basis: 'default', clause: null, exemption: null, because: [] }, channel: { action: 'warning', basis: 'rule', clause: 'one_time_warning', exemption: null, because: [] } } } as AnyDecision;
    expect(statementOfReasons(warningOnly, { date: '2024-01-15', contentDate: '2024-01-14' }, P.YOUTUBE_MAPPING, P.YOUTUBE_DEPLOYMENT)).toBeNull();
  });
});

describe('a statement that cannot be built is a clear error, never a wrong statement', () => {
  it('an action with no mapping', () => {
    const problem = thrown(() => twitter('ban', 'hateful_conduct'));
    expect(problem).toMatchObject({ kind: 'unmapped-action', path: 'outcomes.action.ban' });
  });

  it('a clause with no ground', () => {
    expect(thrown(() => twitter('remove', 'spam'))).toMatchObject({ kind: 'unmapped-clause', path: 'clauses.spam' });
  });

  it('a decision before the database\'s range, unless the restriction is applied later', () => {
    const old = () => twitter('remove', 'hateful_conduct', { date: '2019-11-20', contentDate: '2019-11-20' });
    expect(thrown(old)).toMatchObject({ kind: 'date-out-of-range', path: 'applicationDate' });
    const applied = twitter('remove', 'hateful_conduct', { date: '2019-11-20', contentDate: '2019-11-20', applicationDate: '2024-02-17' })!;
    expect([applied.application_date, validateStatement(applied)]).toEqual(['2024-02-17', []]);
    expect(thrown(() => twitter('remove', 'hateful_conduct', { contentDate: '1999-12-31' }))).toMatchObject({ kind: 'date-out-of-range', path: 'contentDate' });
  });

  it('an end date past 2038-01-01: refused, or sent as indefinite with the real date in the facts', () => {
    const late = () => meta(P.META_UNREST_TWO_YEARS, { date: '2036-06-04', contentDate: '2036-06-01' });
    expect(thrown(late)).toMatchObject({ kind: 'end-date-out-of-range' });
    const indefinite = build(P.META_UNREST_TWO_YEARS, { date: '2036-06-04', contentDate: '2036-06-01', id: 'x' }, P.META_MAPPING, { ...P.META_DEPLOYMENT, endDateBeyondRange: 'indefinite' });
    expect(indefinite.end_date_account_restriction).toBeNull();
    expect(indefinite.decision_facts).toContain("until 2038-06-04 (after the database's last date, so sent without an end date)");
  });

  it('bad facts, a bad duration, a malformed decision', () => {
    expect(thrown(() => meta(P.META_SEVENTH_STRIKE, { date: '2026-02-30' }))).toMatchObject({ kind: 'invalid-facts', path: 'date' });
    expect(thrown(() => meta(P.META_SEVENTH_STRIKE, { decidedAt: 'noon' }))).toMatchObject({ kind: 'invalid-facts', path: 'decidedAt' });
    const bad = { ...P.META_SEVENTH_STRIKE, outcomes: { ...P.META_SEVENTH_STRIKE.outcomes, account: { ...P.META_SEVENTH_STRIKE.outcomes.account!, duration: '1 day' } } };
    expect(thrown(() => meta(bad))).toMatchObject({ kind: 'invalid-duration', path: 'outcomes.account.duration' });
    expect(thrown(() => meta({ version: '2023-02-23', outcomes: { content: { action: 'remove' } } } as unknown as AnyDecision))).toMatchObject({ kind: 'invalid-decision' });
  });

  it('two outcomes writing one single-valued field', () => {
    const mapping = { ...P.META_MAPPING, outcomes: { ...P.META_MAPPING.outcomes, content: { ...P.META_MAPPING.outcomes.content, remove: { targets: [{ field: 'decision_provision', value: 'DECISION_PROVISION_TOTAL_SUSPENSION' }] } } } } as ExportMapping;
    expect(thrown(() => statementOfReasons(P.META_SEVENTH_STRIKE, { date: '2026-11-30', contentDate: '2026-11-29', id: 'x' }, mapping, P.META_DEPLOYMENT))).toMatchObject({
      kind: 'field-written-twice',
      message: 'outcomes `content` and `account` both write `decision_provision`',
    });
  });
});

describe('texts and platform values', () => {
  it('cuts a text that cannot fit, keeping the statement valid', () => {
    const long = { ...P.META_SEVENTH_STRIKE, outcomes: { ...P.META_SEVENTH_STRIKE.outcomes, content: { ...P.META_SEVENTH_STRIKE.outcomes.content!, because: ['word '.repeat(600)] } } };
    const s = meta(long);
    expect([...(s.incompatible_content_explanation as string)].length).toBeLessThanOrEqual(2000);
    expect(s.incompatible_content_explanation).toMatch(/…$/);
  });

  it('a terms ground that is also illegal, and one that is declared legal', () => {
    const mixed = { ...P.META_MAPPING, clauses: { ...P.META_MAPPING.clauses, strike_ladder: { category: 'STATEMENT_CATEGORY_VIOLENCE', ground: { kind: 'law', reference: 'Section 130 StGB' } } } } as ExportMapping;
    const s = build(P.META_SEVENTH_STRIKE, { date: '2026-11-30', contentDate: '2026-11-29', id: 'x' }, mixed, P.META_DEPLOYMENT);
    expect([s.decision_ground, s.incompatible_content_illegal]).toEqual(['DECISION_GROUND_INCOMPATIBLE_CONTENT', 'Yes']);
    expect(s.incompatible_content_ground).toContain('Section 130 StGB, clause strike_ladder (account)');
    const legal = { ...P.META_MAPPING, clauses: Object.fromEntries(Object.entries(P.META_MAPPING.clauses).map(([k, c]) => [k, { ...c, ground: { kind: 'terms', reference: 'Terms', illegal: false } }])) } as ExportMapping;
    expect(build(P.META_SEVENTH_STRIKE, { date: '2026-11-30', contentDate: '2026-11-29', id: 'x' }, legal, P.META_DEPLOYMENT).incompatible_content_illegal).toBe('No');
  });

  it('KEYWORD_OTHER travels with its text', () => {
    const other = { ...P.META_MAPPING, clauses: { ...P.META_MAPPING.clauses, violation: { ...P.META_MAPPING.clauses.violation!, keywords: ['KEYWORD_OTHER'], keywordOther: 'Spam' } } } as ExportMapping;
    const s = build(P.META_SEVENTH_STRIKE, { date: '2026-11-30', contentDate: '2026-11-29', id: 'x' }, other, P.META_DEPLOYMENT);
    expect([s.category_specification, s.category_specification_other]).toEqual([['KEYWORD_OTHER'], 'Spam']);
  });

  it('the facts override the deployment: scope (sorted, once each), source, type, language, product id', () => {
    const s = meta(P.META_SEVENTH_STRIKE, {
      territorialScope: ['FR', 'DE', 'FR'],
      sourceType: 'SOURCE_TRUSTED_FLAGGER',
      sourceIdentity: 'A trusted flagger',
      contentType: ['CONTENT_TYPE_PRODUCT', 'CONTENT_TYPE_OTHER', 'CONTENT_TYPE_PRODUCT'],
      contentTypeOther: 'Listing',
      contentLanguage: 'DE',
      automatedDetection: true,
      ean13: '4006381333931',
    });
    expect(s).toMatchObject({
      territorial_scope: ['DE', 'FR'],
      source_type: 'SOURCE_TRUSTED_FLAGGER',
      source_identity: 'A trusted flagger',
      content_type: ['CONTENT_TYPE_PRODUCT', 'CONTENT_TYPE_OTHER'],
      content_type_other: 'Listing',
      content_language: 'DE',
      automated_detection: 'Yes',
      content_id: { 'EAN-13': '4006381333931' },
    });
    expect(thrown(() => meta(P.META_SEVENTH_STRIKE, { contentType: ['CONTENT_TYPE_OTHER'] }))).toMatchObject({ kind: 'missing-other-text' });
  });
});

describe('batches for POST /api/v1/statements', () => {
  const statements = Array.from({ length: 250 }, (_, i) => meta(P.META_SEVENTH_STRIKE, { id: `dec-${i}` }));

  it('splits at 100, in order, each batch valid', () => {
    const batches = statementBatches(statements);
    expect(batches.map((b) => b.statements.length)).toEqual([100, 100, 50]);
    expect(batches.flatMap((b) => b.statements)).toEqual(statements);
    for (const batch of batches) expect(validateBatch(batch)).toEqual({});
    expect(statementBatches(statements.slice(0, 100)).length).toBe(1);
    expect(statementBatches([])).toEqual([]);
    expect(statementBatches(statements, 40).map((b) => b.statements.length)).toEqual([40, 40, 40, 40, 40, 40, 10]);
  });

  it('refuses a repeated PUID and a batch size the database does not take', () => {
    expect(thrown(() => statementBatches([statements[0]!, statements[0]!]))).toMatchObject({ kind: 'duplicate-puid' });
    expect(() => statementBatches(statements, 101)).toThrow(RangeError);
    expect(() => statementBatches(statements, 0)).toThrow(RangeError);
  });
});

describe('deployment configs', () => {
  it('the fixtures are valid', () => {
    for (const d of [P.META_DEPLOYMENT, P.YOUTUBE_DEPLOYMENT, P.TWITTER_DEPLOYMENT]) expect(checkDeployment(d)).toEqual([]);
  });

  it('names every problem of a bad one', () => {
    const problems = checkDeployment({
      puidPrefix: 'meta.eu',
      contentType: ['CONTENT_TYPE_POST'],
      territorialScope: ['EL'],
      sourceType: 'SOURCE_NOTICE',
      automatedDetection: 'No',
      automatedDecision: 'AUTOMATED_DECISION_FULLY',
      contentLanguage: 'en',
      notice: { platform: 'Facebook', appealUrl: 'facebook.com/appeal', appealWindow: '6 months' },
    });
    expect(problems.map((p) => p.path)).toEqual(['puidPrefix', 'contentType', 'territorialScope', 'sourceType', 'contentLanguage', 'automatedDetection', 'notice.appealUrl', 'notice.appealWindow']);
    expect(checkDeployment(null)).toEqual([expect.objectContaining({ kind: 'invalid-deployment', path: '' })]);
  });
});
