import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/interpreter/evaluate.js';
import { exportMappingOf, noticeOfReasons, statementOfReasons } from '../../src/interpreter/statements.js';
import { loadPolicy } from '../../src/load-policy.js';
import { addDuration, parseDuration } from '../../src/statements/dates.js';
import { checkDeployment, type Deployment } from '../../src/statements/deployment.js';
import { factsFromInput } from '../../src/statements/input-facts.js';
import { StatementError } from '../../src/statements/problems.js';
import { META_DEPLOYMENT, YOUTUBE_DEPLOYMENT } from './fixtures/platforms.js';

/**
 * Statements and notices from the policies' own `statement` declarations, through the public
 * API (`statementOfReasons(set, decision, facts, deployment)`), and the facts the command line
 * reads from an input.
 */

const input = (set: string, id: string) => JSON.parse(readFileSync(`test/golden/${set}.cases.json`, 'utf8')).cases.find((c: { id: string }) => c.id === id).input;
const youtube = loadPolicy('policies/youtube').policy!;
const meta = loadPolicy('policies/meta').policy!;

describe('notices from the policies read well', () => {
  it('YouTube: a first strike, in the words of the channel mapping', () => {
    const item = input('youtube', 'capitol-video-first-strike-2021');
    const n = noticeOfReasons(youtube, evaluate(youtube, item), { date: item.date, contentDate: item.date, id: 'video-7' }, YOUTUBE_DEPLOYMENT)!;
    expect(n.subject).toBe('We removed your video and restricted some features of your channel');
    expect(n.text).toContain('- We removed your video.\n- We froze uploading, live streaming and posting on your channel for 1 week, until 19 January 2021.');
    expect(n.text).toContain('Your video goes against our Community Guidelines. The rule says:\n\n  "Content that violates our Community Guidelines is removed."');
    expect(n.text).toContain('The action on your channel follows our Community Guidelines strike system.');
    expect(n.text).toContain('The rules we applied: https://youtube-creators.googleblog.com/2019/02/making-our-strikes-system-clear-and.html (version 2019-02-25).');
    expect(n.text).toContain('Reference for this decision: yt-i-video-7');
    // Nothing meant for machines: no database keys, clause names or empty values.
    for (const text of [n.text, n.markdown]) expect(text).not.toMatch(/DECISION_|STATEMENT_CATEGORY|first_strike|undefined|null|NaN|\[object/);
    expect(n.markdown).toContain('at <https://support.google.com/youtube/answer/185111>;');
  });

  it('Meta: the child-safety red line is illegal content, and the account disabled', () => {
    const piece = input('meta', 'child-exploitation-disables-2022');
    const decision = evaluate(meta, piece);
    const facts = { date: piece.date, contentDate: piece.posted, id: 'fb-9' };
    const statement = statementOfReasons(meta, decision, facts, META_DEPLOYMENT)!;
    expect(statement).toMatchObject({
      decision_account: 'DECISION_ACCOUNT_TERMINATED',
      end_date_account_restriction: null,
      decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
      illegal_content_legal_ground: 'Article 5 of Directive 2011/93/EU (child sexual abuse material)',
      category: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
      category_specification: ['KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL'],
    });
    const n = noticeOfReasons(meta, decision, facts, META_DEPLOYMENT)!;
    expect(n.text).toContain('- We disabled your account.');
    expect(n.text).toContain('"We remove content that sexually exploits or endangers children, and disable the accounts that share it."');
  });
});

describe('statementOfReasons(set, …)', () => {
  const piece = input('meta', 'seventh-strike-one-day-2023');
  const facts = { date: piece.date, contentDate: piece.posted, id: 'x' };

  it('refuses a decision of another policy, or of a version without a mapping', () => {
    const decision = evaluate(meta, piece);
    const twitter = loadPolicy('policies/twitter').policy!;
    expect(() => statementOfReasons(twitter, decision, facts, META_DEPLOYMENT)).toThrow('`2023-02-23` is not a version of `twitter.world_leaders`');
    const unmapped = { ...meta, versions: meta.versions.map((v) => ({ ...v, exportMapping: undefined })) };
    expect(() => exportMappingOf(unmapped, decision.version)).toThrow(StatementError);
  });

  it('checks the deployment it is given', () => {
    const bad = { ...META_DEPLOYMENT, sourceType: 'SOURCE_PIGEON' } as unknown as Deployment;
    expect(() => statementOfReasons(meta, evaluate(meta, piece), facts, bad)).toThrow('`SOURCE_PIGEON` is not a valid `sourceType`');
  });
});

describe('the facts of a decision read from its input (the command line)', () => {
  const deployment = (inputFacts?: Deployment['inputFacts']): Deployment => ({ ...META_DEPLOYMENT, ...(inputFacts ? { inputFacts } : {}) });

  it('defaults: the date field, the content posted that day, the line id', () => {
    expect(factsFromInput({ date: '2024-01-02' }, 'date', deployment(), 'line-7')).toEqual({ date: '2024-01-02', contentDate: '2024-01-02', id: 'line-7', input: { date: '2024-01-02' } });
  });

  it('reads the named fields, nested ones and numbers included', () => {
    const post = { date: '2024-01-02', posted: '2023-12-31', meta: { id: 42, at: '2024-01-02T10:00:00Z', start: '2024-01-03' } };
    expect(factsFromInput(post, 'date', deployment({ contentDate: 'posted', id: 'meta.id', decidedAt: 'meta.at', applicationDate: 'meta.start' }))).toEqual({
      date: '2024-01-02',
      contentDate: '2023-12-31',
      applicationDate: '2024-01-03',
      decidedAt: '2024-01-02T10:00:00Z',
      id: '42',
      input: post,
    });
  });

  it('says which field is missing, and that an undated policy needs one for the date', () => {
    expect(() => factsFromInput({ date: '2024-01-02' }, 'date', deployment({ contentDate: 'author.created' }))).toThrow('the input has no `author.created` for `contentDate`');
    expect(() => factsFromInput({}, null, deployment())).toThrow('the policy has no dates, so the decision date is unknown');
  });

  it('a deployment naming facts checks them', () => {
    expect(checkDeployment({ ...META_DEPLOYMENT, inputFacts: { contentDate: 'posted', when: 'x', id: '' } }).map((p) => p.path)).toEqual(['inputFacts.when', 'inputFacts.id']);
    expect(checkDeployment({ ...META_DEPLOYMENT, inputFacts: ['posted'] }).map((p) => p.path)).toEqual(['inputFacts']);
  });
});

describe('end dates on the language calendar', () => {
  it('past the last year a date can have: the last day, not an overflow', () => {
    expect(addDuration('2024-01-01', parseDuration('P9000Y')!)).toBe('9999-12-31');
    expect(addDuration('2024-01-01', parseDuration('P4000000D')!)).toBe('9999-12-31');
  });
});
