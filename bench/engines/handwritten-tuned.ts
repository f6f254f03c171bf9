/**
 * The Twitter policy as a tuned hand-written function: the practical floor for any decision
 * function on this data. One pass over the categories into a bit mask, early exit when nothing
 * can fire, integer severities, no allocation (the answers are preallocated, frozen objects).
 * Same answers (action and basis) as handwritten-idiomatic.ts; test/bench checks that.
 */
import { NoVersionInForceError, V1_EFFECTIVE, V2_EFFECTIVE, V3_EFFECTIVE, type Outcome, type Post } from '../types.js';

// Category bits.
const VT = 1 << 0; // violent_threat
const TER = 1 << 1; // terrorism
const VE = 1 << 2; // violent_extremism
const CSE = 1 << 3; // child_sexual_exploitation
const PI = 1 << 4; // private_information
const IM = 1 << 5; // intimate_media
const SH = 1 << 6; // self_harm
const HC = 1 << 7; // hateful_conduct
const HAR = 1 << 8; // harassment
const GOV = 1 << 9; // glorification_of_violence
const CI = 1 << 10; // civic_integrity

const SUSPEND_ALWAYS = TER | CSE; // non-speech rules at suspend (violent extremism depends on the role)
const REMOVE_ALWAYS = PI | IM | SH; // non-speech rules at remove
const REDLINE_CATEGORIES = TER | PI | IM | CSE | SH; // v3 red lines besides the direct threat
const HC_HAR = HC | HAR;

function categoryBit(c: string): number {
  switch (c) {
    case 'violent_threat':
      return VT;
    case 'terrorism':
      return TER;
    case 'violent_extremism':
      return VE;
    case 'child_sexual_exploitation':
      return CSE;
    case 'private_information':
      return PI;
    case 'intimate_media':
      return IM;
    case 'self_harm':
      return SH;
    case 'hateful_conduct':
      return HC;
    case 'harassment':
      return HAR;
    case 'glorification_of_violence':
      return GOV;
    case 'civic_integrity':
      return CI;
    default:
      return 0;
  }
}

// Severities.
const ALLOW = 0;
const NOTICE = 1;
const REMOVE = 2;
const LOCK = 3;
const SUSPEND = 4;

const ACTION_NAMES = ['allow', 'notice', 'remove', 'lock', 'suspend'] as const;
const answers = (basis: string): readonly Outcome[] =>
  ACTION_NAMES.map((action) => Object.freeze({ action, basis }));
const REDLINE = answers('redline');
const RULE = answers('rule');
const EXEMPTION = answers('exemption');
const DEFAULT: Outcome = Object.freeze({ action: 'allow', basis: 'default' });

export function decide(post: Post): Outcome {
  const date = post.date;
  if (date < V1_EFFECTIVE) throw new NoVersionInForceError(date);
  const cats = post.categories;
  const n = cats.length;
  if (n === 0) return DEFAULT; // every red line and rule needs a category

  let m = 0;
  for (let i = 0; i < n; i++) m |= categoryBit(cats[i]!);

  const author = post.author;
  const role = author.role;
  const target = post.target;
  const leader = role === 'world_leader';
  const threat = (m & VT) !== 0 && target !== 'none';
  const threatensIndividual = (m & VT) !== 0 && target === 'individual';
  const nonSpeechSuspend =
    (m & SUSPEND_ALWAYS) !== 0 ||
    ((m & VE) !== 0 &&
      !(leader || role === 'government_official' || role === 'government_entity' || role === 'military_entity'));
  const nonSpeechRemove = (m & REMOVE_ALWAYS) !== 0;
  const speech = threat || (m & (HC_HAR | GOV | CI)) !== 0;
  if (!speech && !nonSpeechSuspend && !nonSpeechRemove) return DEFAULT;

  // The most severe red line, un-exempted rule and exempted rule (-1: none fired).
  let red = -1;
  let rule = -1;
  let exempted = -1;

  if (date >= V3_EFFECTIVE) {
    if ((m & REDLINE_CATEGORIES) !== 0 || threatensIndividual) red = REMOVE;
    // No exemption reaches a non-speech rule in v3.
    if (nonSpeechSuspend) rule = SUSPEND;
    else if (nonSpeechRemove) rule = REMOVE;
    if (speech) {
      const notice =
        post.public_interest &&
        author.verified &&
        author.followers > 100_000 &&
        (leader || role === 'government_official' || role === 'candidate') &&
        !threatensIndividual &&
        post.offline_harm_risk !== 'severe';
      if (threat || (m & HC_HAR) !== 0) {
        const political =
          leader && (target === 'public_figure' || post.topic === 'political_issue' || post.topic === 'foreign_policy');
        if (political) exempted = ALLOW;
        else if (notice) exempted = NOTICE;
        else if (threat) rule = SUSPEND;
        else if (rule < REMOVE) rule = REMOVE;
      }
      if ((m & (GOV | CI)) !== 0) {
        if (notice) {
          if (exempted < NOTICE) exempted = NOTICE;
        } else {
          const zero = author.strikes === 0;
          const a = (m & GOV) !== 0 ? (zero ? LOCK : SUSPEND) : zero ? REMOVE : LOCK;
          // civic integrity never outranks glorification of violence
          if (a > rule) rule = a;
        }
      }
    }
  } else {
    // v1 and v2: "leaders are not blocked": a world leader's lock or suspend becomes remove.
    if (nonSpeechSuspend) {
      if (leader) exempted = REMOVE;
      else rule = SUSPEND;
    }
    if (nonSpeechRemove && rule < REMOVE) rule = REMOVE;
    if (speech) {
      let publicInterest: boolean;
      let publicInterestAction: number;
      if (date >= V2_EFFECTIVE) {
        publicInterest =
          post.public_interest &&
          author.verified &&
          author.followers > 100_000 &&
          (leader || role === 'government_official' || role === 'candidate') &&
          !threatensIndividual &&
          post.offline_harm_risk !== 'severe';
        publicInterestAction = NOTICE;
      } else {
        publicInterest = leader && post.public_interest && !threatensIndividual;
        publicInterestAction = ALLOW;
      }
      if (publicInterest) {
        // the least severe applicable exemption (notice/allow) beats "leaders are not blocked"
        if (exempted < publicInterestAction) exempted = publicInterestAction;
      } else {
        const zero = author.strikes === 0;
        let a = -1; // most severe speech rule that fired
        if (threat) a = SUSPEND;
        else if ((m & GOV) !== 0) a = zero ? LOCK : SUSPEND;
        else if ((m & CI) !== 0) a = zero ? REMOVE : LOCK;
        else a = REMOVE; // hateful conduct or harassment
        if (leader && a >= LOCK) {
          if (exempted < REMOVE) exempted = REMOVE;
          // a remove-level speech rule (hateful conduct, harassment, civic integrity at zero
          // strikes) that fired alongside stays un-exempted at remove
          if ((m & HC_HAR) !== 0 || ((m & CI) !== 0 && zero)) {
            if (rule < REMOVE) rule = REMOVE;
          }
        } else if (a > rule) rule = a;
      }
    }
  }

  if (red >= rule && red >= exempted) return red < 0 ? DEFAULT : REDLINE[red]!;
  if (rule >= exempted) return RULE[rule]!;
  return EXEMPTION[exempted]!;
}
