/**
 * The Twitter policy (TWITTER.md, all three versions) written the way a TypeScript developer
 * would write it without a policy language: one object per rule, red line and exemption, and a
 * generic evaluator that follows LANGUAGE.md's decision semantics literally. It is the reference
 * the other engines are checked against (and it is checked against the 14 golden cases).
 */
import {
  ACTIONS,
  NoVersionInForceError,
  V1_EFFECTIVE,
  V2_EFFECTIVE,
  V3_EFFECTIVE,
  type Action,
  type Basis,
  type Category,
  type Post,
} from '../types.js';

export interface IdiomaticDecision {
  action: Action;
  basis: Basis;
  /** The deciding red line or rule (null for the default). */
  clause: string | null;
  /** The exemption applied to the deciding rule, if any. */
  exemption: string | null;
  version: string;
}

interface Redline {
  name: string;
  when: (post: Post) => boolean;
  action: Action;
}

interface Rule {
  name: string;
  when: (post: Post) => boolean;
  action: (post: Post) => Action;
}

interface Exemption {
  name: string;
  /** The rules this exemption may apply to. */
  from: readonly string[];
  /** Holds for this post and this fired rule (whose action is `ruleAction`). */
  when: (post: Post, ruleAction: Action) => boolean;
  action: Action;
}

interface Version {
  effective: string;
  redlines: readonly Redline[];
  rules: readonly Rule[];
  exemptions: readonly Exemption[];
  defaultAction: Action;
}

const severity = (action: Action): number => ACTIONS.indexOf(action);
const has = (post: Post, category: Category): boolean => post.categories.includes(category);

// ---------------------------------------------------------------- the Twitter Rules (every version)

const NOT_VIOLENT_EXTREMISM_ROLES = ['world_leader', 'government_official', 'government_entity', 'military_entity'];

const TWITTER_RULES: readonly Rule[] = [
  { name: 'violent_threat', when: (p) => has(p, 'violent_threat') && p.target !== 'none', action: () => 'suspend' },
  { name: 'terrorism', when: (p) => has(p, 'terrorism'), action: () => 'suspend' },
  {
    name: 'violent_extremism',
    when: (p) => has(p, 'violent_extremism') && !NOT_VIOLENT_EXTREMISM_ROLES.includes(p.author.role),
    action: () => 'suspend',
  },
  { name: 'child_sexual_exploitation', when: (p) => has(p, 'child_sexual_exploitation'), action: () => 'suspend' },
  { name: 'private_information', when: (p) => has(p, 'private_information'), action: () => 'remove' },
  { name: 'intimate_media', when: (p) => has(p, 'intimate_media'), action: () => 'remove' },
  { name: 'self_harm', when: (p) => has(p, 'self_harm'), action: () => 'remove' },
  { name: 'hateful_conduct', when: (p) => has(p, 'hateful_conduct'), action: () => 'remove' },
  { name: 'harassment', when: (p) => has(p, 'harassment'), action: () => 'remove' },
  {
    name: 'glorification_of_violence',
    when: (p) => has(p, 'glorification_of_violence'),
    action: (p) => (p.author.strikes === 0 ? 'lock' : 'suspend'),
  },
  {
    name: 'civic_integrity',
    when: (p) => has(p, 'civic_integrity'),
    action: (p) => (p.author.strikes === 0 ? 'remove' : 'lock'),
  },
];

const ALL_RULES = TWITTER_RULES.map((r) => r.name);
const SPEECH_RULES = [
  'violent_threat',
  'hateful_conduct',
  'harassment',
  'glorification_of_violence',
  'civic_integrity',
];

const threatensIndividual = (p: Post): boolean => has(p, 'violent_threat') && p.target === 'individual';

// ---------------------------------------------------------------- exemptions

/** v1, v2: for a world leader, any rule whose action is lock or suspend yields remove. */
const LEADERS_NOT_BLOCKED: Exemption = {
  name: 'leaders_not_blocked',
  from: ALL_RULES,
  when: (p, ruleAction) => p.author.role === 'world_leader' && severity(ruleAction) >= severity('lock'),
  action: 'remove',
};

/** v1: a world leader's post in the public interest stays up, unless it threatens a private person. */
const NEWSWORTHY: Exemption = {
  name: 'newsworthy',
  from: SPEECH_RULES,
  when: (p) => p.author.role === 'world_leader' && p.public_interest && !threatensIndividual(p),
  action: 'allow',
};

const ELIGIBLE_ROLES = ['world_leader', 'government_official', 'candidate'];
const eligibleForNotice = (p: Post): boolean =>
  ELIGIBLE_ROLES.includes(p.author.role) && p.author.verified && p.author.followers > 100_000;

/** v2, v3: an eligible account's post in the public interest stays up behind a notice. */
const PUBLIC_INTEREST_NOTICE: Exemption = {
  name: 'public_interest_notice',
  from: SPEECH_RULES,
  when: (p) =>
    eligibleForNotice(p) && p.public_interest && !(threatensIndividual(p) || p.offline_harm_risk === 'severe'),
  action: 'notice',
};

/** v3: political speech by a world leader is generally not a violation. */
const POLITICAL_SPEECH: Exemption = {
  name: 'political_speech',
  from: ['violent_threat', 'hateful_conduct', 'harassment'],
  when: (p) =>
    p.author.role === 'world_leader' &&
    (p.target === 'public_figure' || p.topic === 'political_issue' || p.topic === 'foreign_policy'),
  action: 'allow',
};

// ---------------------------------------------------------------- red lines (v3)

const V3_REDLINES: readonly Redline[] = [
  { name: 'terrorism_redline', when: (p) => has(p, 'terrorism'), action: 'remove' },
  { name: 'direct_threat', when: threatensIndividual, action: 'remove' },
  { name: 'private_information_redline', when: (p) => has(p, 'private_information'), action: 'remove' },
  { name: 'intimate_media_redline', when: (p) => has(p, 'intimate_media'), action: 'remove' },
  { name: 'child_sexual_exploitation_redline', when: (p) => has(p, 'child_sexual_exploitation'), action: 'remove' },
  { name: 'self_harm_redline', when: (p) => has(p, 'self_harm'), action: 'remove' },
];

// ---------------------------------------------------------------- versions

/** Latest first, so the first whose effective date is on or before the post's date is in force. */
const VERSIONS: readonly Version[] = [
  {
    effective: V3_EFFECTIVE,
    redlines: V3_REDLINES,
    rules: TWITTER_RULES,
    exemptions: [PUBLIC_INTEREST_NOTICE, POLITICAL_SPEECH],
    defaultAction: 'allow',
  },
  {
    effective: V2_EFFECTIVE,
    redlines: [],
    rules: TWITTER_RULES,
    exemptions: [LEADERS_NOT_BLOCKED, PUBLIC_INTEREST_NOTICE],
    defaultAction: 'allow',
  },
  {
    effective: V1_EFFECTIVE,
    redlines: [],
    rules: TWITTER_RULES,
    exemptions: [LEADERS_NOT_BLOCKED, NEWSWORTHY],
    defaultAction: 'allow',
  },
];

export function versionInForce(date: string): Version {
  // ISO dates (YYYY-MM-DD) order as strings.
  const version = VERSIONS.find((v) => v.effective <= date);
  if (!version) throw new NoVersionInForceError(date);
  return version;
}

// ---------------------------------------------------------------- decision semantics

interface Candidate {
  action: Action;
  basis: Exclude<Basis, 'default'>;
  clause: string;
  exemption: string | null;
}

const TIE_RANK = { redline: 0, rule: 1, exemption: 2 } as const;

export function decide(post: Post): IdiomaticDecision {
  const version = versionInForce(post.date);
  const candidates: Candidate[] = [];

  // 1. Red lines fire at their action; they are never exempted.
  for (const redline of version.redlines) {
    if (redline.when(post)) {
      candidates.push({ action: redline.action, basis: 'redline', clause: redline.name, exemption: null });
    }
  }

  // 2. Rules fire; a fired rule with applicable exemptions takes the least severe of their actions
  //    (ties: the first declared).
  for (const rule of version.rules) {
    if (!rule.when(post)) continue;
    const ruleAction = rule.action(post);
    const applicable = version.exemptions.filter((e) => e.from.includes(rule.name) && e.when(post, ruleAction));
    if (applicable.length === 0) {
      candidates.push({ action: ruleAction, basis: 'rule', clause: rule.name, exemption: null });
    } else {
      const least = applicable.reduce((best, e) => (severity(e.action) < severity(best.action) ? e : best));
      candidates.push({ action: least.action, basis: 'exemption', clause: rule.name, exemption: least.name });
    }
  }

  // 4. Nothing fired: the default.
  if (candidates.length === 0) {
    return { action: version.defaultAction, basis: 'default', clause: null, exemption: null, version: version.effective };
  }

  // 3. The most severe action wins; ties go to a red line, then an un-exempted rule, then an
  //    exempted rule, then declaration order (candidates are in declaration order; keep the first).
  const decisive = candidates.reduce((best, c) => {
    const d = severity(c.action) - severity(best.action);
    if (d > 0) return c;
    if (d === 0 && TIE_RANK[c.basis] < TIE_RANK[best.basis]) return c;
    return best;
  });
  return {
    action: decisive.action,
    basis: decisive.basis,
    clause: decisive.clause,
    exemption: decisive.exemption,
    version: version.effective,
  };
}
