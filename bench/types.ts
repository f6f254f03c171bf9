/**
 * The input and output shapes shared by every benchmark engine: exactly the shape of the
 * golden cases in test/golden/twitter.cases.json (TWITTER.md, "The facts a decision reads").
 */

export const ROLES = [
  'ordinary',
  'public_figure',
  'world_leader',
  'government_official',
  'candidate',
  'government_entity',
  'military_entity',
  'violent_extremist_group',
] as const;
export type Role = (typeof ROLES)[number];

export const TARGETS = ['none', 'individual', 'public_figure', 'group', 'protected_group', 'state'] as const;
export type Target = (typeof TARGETS)[number];

export const CATEGORIES = [
  'violent_threat',
  'terrorism',
  'violent_extremism',
  'child_sexual_exploitation',
  'private_information',
  'intimate_media',
  'self_harm',
  'hateful_conduct',
  'harassment',
  'glorification_of_violence',
  'civic_integrity',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const TOPICS = ['none', 'political_issue', 'foreign_policy'] as const;
export type Topic = (typeof TOPICS)[number];

export const RISKS = ['none', 'elevated', 'severe'] as const;
export type Risk = (typeof RISKS)[number];

export interface Author {
  handle: string;
  role: Role;
  verified: boolean;
  followers: number;
  strikes: number;
}

export interface Post {
  date: string;
  author: Author;
  target: Target;
  categories: Category[];
  topic: Topic;
  public_interest: boolean;
  offline_harm_risk: Risk;
}

/** Least to most severe. */
export const ACTIONS = ['allow', 'notice', 'remove', 'lock', 'suspend'] as const;
export type Action = (typeof ACTIONS)[number];
export type Basis = 'redline' | 'rule' | 'exemption' | 'default';

/** What every engine must agree on. Engines may return more fields (clause, version, …). */
export interface Outcome {
  readonly action: string;
  readonly basis: string;
}

/** Effective dates of the three versions in TWITTER.md. */
export const V1_EFFECTIVE = '2017-09-25';
export const V2_EFFECTIVE = '2019-06-27';
export const V3_EFFECTIVE = '2019-10-15';

/** The error every hand-written engine throws for a date with no version in force. */
export class NoVersionInForceError extends RangeError {
  constructor(date: string) {
    super(`no version of the Twitter policy is in force on ${date} (the first is effective ${V1_EFFECTIVE})`);
    this.name = 'NoVersionInForceError';
  }
}
