/**
 * The Meta policy set's input and decision shapes (policies/meta, the facts table of META.md),
 * shared by the Meta benchmark's engines: exactly the shape of test/golden/meta.cases.json.
 */

export const CATEGORIES = [
  'child_sexual_exploitation',
  'dangerous_organizations',
  'violence_incitement',
  'hate_speech',
  'bullying_harassment',
  'graphic_violence',
  'adult_nudity',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Interest = 'none' | 'low' | 'high';
export type Harm = 'none' | 'low' | 'high' | 'violence';
export type Unrest = 'low' | 'medium' | 'high' | 'highest';

export interface Strike {
  date: string;
  content_posted: string;
  severe: boolean;
}

export interface Piece {
  date: string;
  posted: string;
  categories: Category[];
  author: { handle: string; politician: boolean; followers: number; news_coverage: boolean; strikes: Strike[] };
  civil_unrest: boolean;
  unrest_severity?: Unrest | null;
  newsworthiness?: { public_interest: Interest; risk_of_harm: Harm } | null;
}

/** One outcome's part of a decision (the Decision JSON of LANGUAGE-2 §3). */
export interface Part {
  readonly action: string;
  readonly duration?: string;
  readonly basis: 'redline' | 'rule' | 'exemption' | 'default';
  readonly clause: string | null;
  readonly exemption: string | null;
  readonly because: readonly string[];
}

export interface MetaDecision {
  readonly version: string;
  readonly outcomes: { readonly content: Part; readonly account: Part };
}

/** Effective dates of the three versions. */
export const V1 = '2019-09-24';
export const V2 = '2021-06-04';
export const V3 = '2023-02-23';
