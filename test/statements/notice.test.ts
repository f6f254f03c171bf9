import { describe, expect, it } from 'vitest';
import { noticeOfReasons, type AnyDecision, type Deployment, type ExportMapping, type StatementFacts } from '../../src/statements/index.js';
import * as P from './fixtures/platforms.js';

const notice = (decision: AnyDecision, facts: StatementFacts, mapping: ExportMapping, deployment: Deployment) => {
  const n = noticeOfReasons(decision, facts, mapping, deployment);
  expect(n).not.toBeNull();
  return n!;
};
const TWITTER_LOCK = {
  action: 'lock',
  basis: 'rule',
  clause: 'glorification_of_violence',
  exemption: null,
  version: '2019-10-15',
  because: ['First violation: the content must be removed and the account is temporarily locked.'],
} as AnyDecision;

describe('the notice a person receives', () => {
  it('Meta: remove + a one-day restriction', async () => {
    const n = notice(P.META_SEVENTH_STRIKE, { date: '2026-11-30', contentDate: '2026-11-29', id: 'dec-7f3c9e2a' }, P.META_MAPPING, P.META_DEPLOYMENT);
    expect(n.subject).toBe('We removed your post and restricted some features of your account');
    // What was restricted, for how long, where.
    expect(n.text).toContain('- We removed your post.');
    expect(n.text).toContain('- We restricted your account from posting, commenting, going live and creating Pages for 1 day, until 1 December 2026.');
    expect(n.text).toContain('This applies in every country of the European Economic Area, from 30 November 2026.');
    // On which rule, with the because texts.
    expect(n.text).toContain('Your post goes against our Community Standards.');
    expect(n.text).toContain('"Strikes add up: at 7 strikes, a one-day restriction from creating content."');
    // How it came up and whether automated means were used.
    expect(n.text).toContain('We acted on a report sent to us under Article 16 of the Digital Services Act.');
    expect(n.text).toContain('The decision was taken by automated means, without review by a person.');
    // How to appeal.
    expect(n.text).toContain('You can appeal until 30 May 2027 (6 months) at https://www.facebook.com/help/appeals');
    expect(n.text).toContain('out-of-court dispute settlement body (Article 21 of the Digital Services Act), listed at https://digital-strategy.ec.europa.eu/');
    expect(n.text).toContain('Reference for this decision: meta-i-dec-7f3c9e2a');
    await expect(n.text).toMatchFileSnapshot('./__snapshots__/notice-meta-seventh-strike.txt');
    await expect(n.markdown).toMatchFileSnapshot('./__snapshots__/notice-meta-seventh-strike.md');
  });

  it('YouTube: age-restricted under an exception, with no strike', async () => {
    const n = notice(P.YOUTUBE_EDSA, { date: '2024-01-15', contentDate: '2024-01-14', id: 'video-1' }, P.YOUTUBE_MAPPING, P.YOUTUBE_DEPLOYMENT);
    expect(n.subject).toBe('We age-restricted your video');
    expect(n.text).toContain('We age-restricted your video: only adults can see it.');
    expect(n.text).toContain('We applied an exception to that rule, which is why the action is lighter:');
    expect(n.text).toContain('"Content with educational, documentary, scientific or artistic context may stay up, age-restricted."');
    expect(n.text).not.toContain('none');
    expect(n.text).toContain('Automated tools helped us find your video. The decision was taken with the help of automated tools and reviewed by a person.');
    await expect(n.text).toMatchFileSnapshot('./__snapshots__/notice-youtube-edsa.txt');
  });

  it('YouTube: a strike, and a warning mentioned as no restriction', () => {
    const strike = notice(P.YOUTUBE_SECOND_STRIKE, { date: '2023-12-25', contentDate: '2023-12-24', id: 'v' }, P.YOUTUBE_MAPPING, P.YOUTUBE_DEPLOYMENT);
    expect(strike.text).toContain('We gave your channel a strike: you cannot upload videos, live stream or post for 2 weeks, until 8 January 2024.');
    expect(strike.text).toContain('The action on your channel follows our Community Guidelines strike system.');
    const warned = notice(P.YOUTUBE_WARNING, { date: '2024-01-15', contentDate: '2024-01-14', id: 'v' }, P.YOUTUBE_MAPPING, P.YOUTUBE_DEPLOYMENT);
    expect(warned.subject).toBe('We removed your video');
    expect(warned.text).toContain('We also gave your channel a warning, which does not restrict anything by itself.');
  });

  it('Twitter: a 12-hour lock from the moment of the decision; the removal has no end', async () => {
    const n = notice(TWITTER_LOCK, { date: '2021-01-06', decidedAt: '2021-01-06T20:15:00Z', contentDate: '2021-01-06', id: '1346954970910707712' }, P.TWITTER_MAPPING, P.TWITTER_DEPLOYMENT);
    expect(n.subject).toBe('We removed your Tweet and restricted some features of your account');
    expect(n.text).toContain('- We removed your Tweet and locked your account for 12 hours, until 7 January 2021.');
    expect(n.text).toContain('Your Tweet goes against our Glorification of Violence Policy.');
    expect(n.text).toContain('The decision was taken with the help of automated tools and reviewed by a person.');
    await expect(n.text).toMatchFileSnapshot('./__snapshots__/notice-twitter-lock.txt');
  });

  it('Meta: illegal content terminates the account, for good', () => {
    const n = notice(P.META_CSAM, { date: '2026-11-30', contentDate: '2026-11-29', id: 'x' }, P.META_MAPPING, P.META_DEPLOYMENT);
    expect(n.text).toContain('found that it is illegal');
    expect(n.text).toContain('We consider your post illegal under Article 5 of Directive 2011/93/EU (child sexual abuse material).');
    expect(n.text).toContain('- We permanently disabled your account.');
    expect(n.text).not.toContain('until further notice');
  });

  it('a restriction with no end says so', () => {
    const mapping = { ...P.META_MAPPING, outcomes: { ...P.META_MAPPING.outcomes, account: { ...P.META_MAPPING.outcomes.account, suspend: { targets: [{ field: 'decision_account', value: 'DECISION_ACCOUNT_SUSPENDED' }] } } } } as ExportMapping;
    const { duration: _, ...account } = P.META_UNREST_TWO_YEARS.outcomes.account!;
    const decision = { ...P.META_UNREST_TWO_YEARS, outcomes: { ...P.META_UNREST_TWO_YEARS.outcomes, account } };
    const n = notice(decision, { date: '2021-06-04', contentDate: '2021-01-06', id: 'x' }, mapping, P.META_DEPLOYMENT);
    expect(n.text).toContain('- We suspended your account until further notice.');
  });

  it('Markdown escapes the policy\'s texts; URLs stay links', () => {
    const decision = { ...TWITTER_LOCK, because: ['Do *not* post <script> or [links](x) # here'] } as AnyDecision;
    const n = notice(decision, { date: '2021-01-06', contentDate: '2021-01-06', id: 'x' }, P.TWITTER_MAPPING, P.TWITTER_DEPLOYMENT);
    expect(n.markdown).toContain('> Do \\*not\\* post \\<script\\> or \\[links\\](x) \\# here');
    expect(n.markdown).toContain('<https://help.twitter.com/forms/general?subtopic=suspended>');
    expect(n.text).toContain('"Do *not* post <script> or [links](x) # here"');
  });

  it('no notice for a decision that restricts nothing', () => {
    expect(noticeOfReasons(P.META_NOTHING, { date: '2019-10-01', contentDate: '2019-10-01' }, P.META_MAPPING, P.META_DEPLOYMENT)).toBeNull();
  });
});
