import { isDate } from './dates.js';
import { StatementError, type StatementIssue } from './statement-errors.js';
import { parseDuration, parseTimestamp } from './statement-dates.js';
import {
  ACCOUNT_TYPE,
  AUTOMATED_DECISION,
  CONTENT_TYPE,
  EEA_COUNTRIES,
  KEYWORD,
  LANGUAGES,
  LIMITS,
  SOURCE_TYPE,
  STATEMENT_CATEGORY,
  type AccountTypeKey,
  type AutomatedDecisionKey,
  type CategoryKey,
  type ContentTypeKey,
  type CountryCode,
  type KeywordKey,
  type SourceTypeKey,
} from './statement-keys.js';

/**
 * What the platform supplies once, for every statement: the values a decision does not know.
 * Each of the per-input values can be overridden by the facts of one decision.
 * @public
 */
export interface Deployment {
  /** How every PUID starts: letters, digits, `-` and `_`, at most 64 (e.g. `bylaw-meta`). */
  readonly puidPrefix: string;
  /** A secret for the hashed PUID (HMAC-SHA-256), so it reveals nothing about the input. */
  readonly puidSalt?: string;
  readonly contentType: readonly ContentTypeKey[];
  /** Required with `CONTENT_TYPE_OTHER`. */
  readonly contentTypeOther?: string;
  /** Uppercase ISO 639-1, e.g. `EN`. */
  readonly contentLanguage?: string;
  /** Where the restrictions apply; all 30 EEA countries when absent. */
  readonly territorialScope?: readonly CountryCode[];
  readonly sourceType: SourceTypeKey;
  /** Who notified (no personal data); never sent with `SOURCE_VOLUNTARY`. */
  readonly sourceIdentity?: string;
  /** Were automated means used to detect the content? */
  readonly automatedDetection: boolean;
  /** `FULLY` when Bylaw decides with no human review, `PARTIALLY` with review, `NOT_AUTOMATED` when a person decided. */
  readonly automatedDecision: AutomatedDecisionKey;
  readonly accountType?: AccountTypeKey;
  /**
   * An end date after 2038-01-01 (the database's last day): `reject` (default) builds no statement
   * and says why; `indefinite` sends no end date and writes the real one into the facts text.
   */
  readonly endDateBeyondRange?: 'reject' | 'indefinite';
  /** For the notice the person receives. */
  readonly notice: NoticeConfig;
  /**
   * Where `bylaw decide` and `bylaw replay` find the facts of each decision in its input: the
   * names of input fields (`"contentDate": "posted"`, dotted for nested ones). See input-facts.ts.
   */
  readonly inputFacts?: InputFacts;
}

/**
 * Input fields holding the facts of a decision (for the command line); each absent one has a default.
 * @public
 */
export interface InputFacts {
  /** The decision date; default: the input's `date` field that picks the version. */
  readonly date?: string;
  /** The day the restrictions start, when not the decision date (a decision before 2020 needs a later one). */
  readonly applicationDate?: string;
  readonly contentDate?: string;
  readonly decidedAt?: string;
  /** The platform's id of the decision; default: a replayed line's top-level `id`. */
  readonly id?: string;
}

export const INPUT_FACTS: readonly (keyof InputFacts)[] = ['date', 'applicationDate', 'contentDate', 'decidedAt', 'id'];

/**
 * How the notice a person receives names things, and where they can appeal.
 * @public
 */
export interface NoticeConfig {
  /** The service's name, e.g. `Facebook`. */
  readonly platform: string;
  /** What the person posted, e.g. `post`, `video`, `Tweet`; `content` when absent. */
  readonly contentNoun?: string;
  /** What the person's account is called, e.g. `channel`; `account` when absent. */
  readonly accountNoun?: string;
  /** Where to appeal (the internal complaint system, Art. 20 DSA). */
  readonly appealUrl: string;
  /** How long an appeal stays open (at least six months under Art. 20), ISO 8601; `P6M` when absent. */
  readonly appealWindow?: string;
  /** Where to find certified out-of-court dispute settlement bodies (Art. 21 DSA). */
  readonly disputeSettlementUrl?: string;
  /** Who signs, e.g. `The Facebook Community Operations team`. */
  readonly signature?: string;
}

/**
 * The values of one decision: when it was taken and about what.
 * @public
 */
export interface StatementFacts {
  /** The decision date (the input's date), `YYYY-MM-DD`. */
  readonly date: string;
  /** The moment of the decision with its zone (`2021-01-06T20:15:00Z`): makes hour durations exact. */
  readonly decidedAt?: string;
  /** When the restrictions start, if not on the decision date. */
  readonly applicationDate?: string;
  /** When the content was posted (or the account created). */
  readonly contentDate: string;
  /** The platform's id of this decision: the PUID is derived from it. A new decision (an appeal) needs a new id. */
  readonly id?: string;
  /** The input decided, for the hashed PUID when there is no id. */
  readonly input?: unknown;
  readonly contentType?: readonly ContentTypeKey[];
  readonly contentTypeOther?: string;
  readonly contentLanguage?: string;
  readonly territorialScope?: readonly CountryCode[];
  readonly sourceType?: SourceTypeKey;
  readonly sourceIdentity?: string;
  readonly automatedDetection?: boolean;
  readonly accountType?: AccountTypeKey;
  /**
   * What the content is, as found for this item, when a clause covers several kinds (one rule for
   * every violation): the statement's `category`, the clauses' categories then go to
   * `category_addition`. `keywords` come before the clauses' keywords.
   */
  readonly category?: CategoryKey;
  readonly keywords?: readonly KeywordKey[];
  /** A product's EAN-13, sent as `content_id`. */
  readonly ean13?: string;
  /** More facts and circumstances, appended to `decision_facts` (no personal data). */
  readonly summary?: string;
}

type ProblemSink = (path: string, message: string, help: string) => void;

/** The problems of a deployment config (as read from JSON): none when it can be used. */
export function checkDeployment(config: unknown): StatementIssue[] {
  const problems: StatementIssue[] = [];
  const error: ProblemSink = (path, message, help) => problems.push({ kind: 'invalid-deployment', severity: 'error', path, message, help });
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    error('', 'the deployment config is not an object', 'give a JSON object with `puidPrefix`, `contentType`, `sourceType`, `automatedDetection`, `automatedDecision` and `notice`');
    return problems;
  }
  const c = config as Record<string, unknown>;
  if (typeof c['puidPrefix'] !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(c['puidPrefix'])) {
    error('puidPrefix', 'the PUID prefix must be 1 to 64 letters, digits, `-` or `_`', 'e.g. `bylaw-meta`');
  }
  if (c['puidSalt'] !== undefined && typeof c['puidSalt'] !== 'string') error('puidSalt', 'the PUID salt must be a string', 'give a secret string');
  checkPlatformValues(c, '', error, true);
  if (c['endDateBeyondRange'] !== undefined && c['endDateBeyondRange'] !== 'reject' && c['endDateBeyondRange'] !== 'indefinite') {
    error('endDateBeyondRange', '`endDateBeyondRange` must be `reject` or `indefinite`', 'see docs/statements-of-reasons.md');
  }
  if (c['inputFacts'] !== undefined) {
    const facts = c['inputFacts'] as Record<string, unknown>;
    if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) {
      error('inputFacts', '`inputFacts` must be an object naming input fields', 'e.g. `{"contentDate": "posted"}`');
    } else {
      for (const [key, field] of Object.entries(facts)) {
        if (!(INPUT_FACTS as readonly string[]).includes(key)) {
          error('inputFacts.' + key, '`' + key + '` is not a fact read from the input', 'the facts read from the input are ' + INPUT_FACTS.map((k) => '`' + k + '`').join(', '));
        } else if (typeof field !== 'string' || !/^[^.]+(\.[^.]+)*$/.test(field)) {
          error('inputFacts.' + key, '`inputFacts.' + key + '` must name an input field', 'a field name, dotted for a nested one: `author.created`');
        }
      }
    }
  }
  const n = c['notice'] as Record<string, unknown> | undefined;
  if (typeof n !== 'object' || n === null) {
    error('notice', 'the deployment has no `notice` settings', 'give at least `platform` and `appealUrl`');
  } else {
    if (typeof n['platform'] !== 'string' || n['platform'].trim() === '') error('notice.platform', 'the notice needs the platform\'s name', 'e.g. `Facebook`');
    if (typeof n['appealUrl'] !== 'string' || !isAbsoluteUrl(n['appealUrl'])) error('notice.appealUrl', 'the notice needs the URL where people appeal', 'give an absolute https URL');
    if (n['disputeSettlementUrl'] !== undefined && (typeof n['disputeSettlementUrl'] !== 'string' || !isAbsoluteUrl(n['disputeSettlementUrl']))) {
      error('notice.disputeSettlementUrl', 'the dispute settlement URL is not a URL', 'give an absolute https URL');
    }
    if (n['appealWindow'] !== undefined && (typeof n['appealWindow'] !== 'string' || !parseDuration(n['appealWindow']))) {
      error('notice.appealWindow', 'the appeal window is not an ISO 8601 duration', 'e.g. `P6M`');
    }
    for (const key of ['contentNoun', 'accountNoun', 'signature'] as const) {
      if (n[key] !== undefined && typeof n[key] !== 'string') error('notice.' + key, '`' + key + '` must be a string', 'give a short text');
    }
  }
  return problems;
}

/** The deployment, checked: the builder trusts it (a few field tests, cheap beside building a statement). */
export function checkedDeployment(deployment: Deployment): Deployment {
  const problem = checkDeployment(deployment)[0];
  if (problem) throw new StatementError(problem);
  return deployment;
}

/** The problems of one decision's facts. */
export function checkFacts(facts: unknown): StatementIssue[] {
  const problems: StatementIssue[] = [];
  const error: ProblemSink = (path, message, help) => problems.push({ kind: 'invalid-facts', severity: 'error', path, message, help });
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) {
    error('', 'the facts are not an object', 'give at least `date` and `contentDate`');
    return problems;
  }
  const f = facts as Record<string, unknown>;
  for (const key of ['date', 'contentDate', 'applicationDate'] as const) {
    if ((key !== 'applicationDate' || f[key] !== undefined) && (typeof f[key] !== 'string' || !isDate(f[key]))) {
      error(key, '`' + key + '` must be a date `YYYY-MM-DD`', key === 'contentDate' ? 'give the day the content was posted' : 'give the day of the decision');
    }
  }
  if (f['decidedAt'] !== undefined && (typeof f['decidedAt'] !== 'string' || !parseTimestamp(f['decidedAt']))) {
    error('decidedAt', '`decidedAt` must be an ISO 8601 timestamp with a zone', 'e.g. `2021-01-06T20:15:00Z`');
  }
  if (f['id'] !== undefined && (typeof f['id'] !== 'string' || f['id'] === '')) error('id', '`id` must be a non-empty string', 'give the platform\'s id of the decision');
  if (f['ean13'] !== undefined && (typeof f['ean13'] !== 'string' || !/^[0-9]{13}$/.test(f['ean13']))) error('ean13', '`ean13` must be 13 digits', 'give the product\'s EAN-13');
  if (f['category'] !== undefined && (typeof f['category'] !== 'string' || !(f['category'] in STATEMENT_CATEGORY))) {
    error('category', '`' + String(f['category']) + '` is not a category of the database', 'one of the 16 `STATEMENT_CATEGORY_…` keys');
  }
  if (f['keywords'] !== undefined && (!Array.isArray(f['keywords']) || f['keywords'].some((k) => typeof k !== 'string' || !(k in KEYWORD)))) {
    error('keywords', '`keywords` must be a list of the database\'s `KEYWORD_…` keys', 'e.g. `["KEYWORD_HATE_SPEECH"]`');
  } else if (f['keywords']?.includes('KEYWORD_OTHER')) {
    error('keywords', '`KEYWORD_OTHER` needs its text, which only a clause mapping gives', 'use a specific keyword, or map the clause to `KEYWORD_OTHER` with its text');
  }
  if (f['summary'] !== undefined && typeof f['summary'] !== 'string') error('summary', '`summary` must be a string', 'give a short text without personal data');
  checkPlatformValues(f, '', error, false);
  return problems;
}

/** The values a deployment sets and a decision's facts may override. */
function checkPlatformValues(c: Record<string, unknown>, at: string, error: ProblemSink, required: boolean): void {
  const path = (key: string) => '' + at + key;
  const oneOf = (key: string, keys: readonly string[], help: string) => {
    if (c[key] === undefined) {
      if (required) error(path(key), '`' + key + '` is missing', help);
    } else if (typeof c[key] !== 'string' || !keys.includes(c[key] as string)) error(path(key), '`' + String(c[key]) + '` is not a valid `' + key + '`', help);
  };
  const listOf = (key: string, keys: readonly string[], help: string, needed: boolean) => {
    const value = c[key];
    if (value === undefined) {
      if (needed) error(path(key), '`' + key + '` is missing', help);
    } else if (!Array.isArray(value) || value.length === 0 || value.some((v) => !keys.includes(v))) {
      error(path(key), '`' + key + '` must be a non-empty list of keys', help);
    }
  };
  listOf('contentType', Object.keys(CONTENT_TYPE), 'e.g. `["CONTENT_TYPE_TEXT"]`', required);
  listOf('territorialScope', EEA_COUNTRIES, 'two-letter EEA codes, e.g. `["DE", "FR"]` (Greece is `GR`)', false);
  oneOf('sourceType', Object.keys(SOURCE_TYPE), 'one of ' + Object.keys(SOURCE_TYPE).map((k) => '`' + k + '`').join(', '));
  oneOf('automatedDecision', Object.keys(AUTOMATED_DECISION), 'one of ' + Object.keys(AUTOMATED_DECISION).map((k) => '`' + k + '`').join(', '));
  if (c['accountType'] !== undefined) oneOf('accountType', Object.keys(ACCOUNT_TYPE), '`ACCOUNT_TYPE_BUSINESS` or `ACCOUNT_TYPE_PRIVATE`');
  if (c['contentLanguage'] !== undefined && (typeof c['contentLanguage'] !== 'string' || !LANGUAGES.includes(c['contentLanguage']))) {
    error(path('contentLanguage'), '`' + String(c['contentLanguage']) + '` is not a language code of the database', 'an uppercase ISO 639-1 code, e.g. `EN`');
  }
  if (required ? typeof c['automatedDetection'] !== 'boolean' : c['automatedDetection'] !== undefined && typeof c['automatedDetection'] !== 'boolean') {
    error(path('automatedDetection'), '`automatedDetection` must be true or false', 'were automated means used to detect the content?');
  }
  for (const key of ['contentTypeOther', 'sourceIdentity'] as const) {
    const value = c[key];
    if (value !== undefined && (typeof value !== 'string' || codePointLength(value) > LIMITS.text)) {
      error(path(key), '`' + key + '` must be a text of at most ' + LIMITS.text + ' characters', 'shorten it');
    }
  }
}

/**
 * The database's `url` rule as far as its facts describe it: a scheme, `://` and a host; no spaces.
 * `URL` is read from `globalThis` (Node and browsers have it) so that this file needs no DOM types.
 */
export function isAbsoluteUrl(text: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/?#]+[^\s]*$/.test(text)) return false;
  const Parser = (globalThis as unknown as { URL: new (input: string) => { readonly host: string } }).URL;
  try {
    return new Parser(text).host !== '';
  } catch {
    return false;
  }
}

/**
 * Characters as the database counts them (PHP `mb_strlen`: Unicode code points), so an emoji
 * counts once. The generated validator uses it for every `maxLength`; the builder uses it to cut
 * texts to their limits.
 */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
