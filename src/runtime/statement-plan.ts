import { outcomesOf, type AnyDecision } from './statement-decision.js';
import { addDuration, parseDuration, parseTimestamp, type Duration } from './statement-dates.js';
import { checkFacts, type Deployment, type StatementFacts } from './statement-deployment.js';
import { StatementError, fail } from './statement-errors.js';
import { DATE_RANGE, EEA_COUNTRIES, type CategoryKey, type CountryCode, type KeywordKey } from './statement-keys.js';
import { SINGLE_VALUED, isPermanent, ownEntry, type ActionMapping, type ClauseMapping, type ExportMapping, type TargetField } from './statement-mapping.js';
import { statementPuid } from './statement-puid.js';
import type { OutcomeDecision } from './types.js';

/**
 * What one decision restricts, for how long and on which ground: worked out once, then written
 * as the database's JSON (build.ts) and as the person's notice (notice.ts), so the two always say
 * the same thing.
 */
export interface StatementPlan {
  readonly version: string;
  readonly restrictions: readonly Restriction[];
  /** Outcomes decided by a clause whose action restricts nothing (a warning, a strike without a freeze). */
  readonly others: readonly { readonly outcome: string; readonly decision: OutcomeDecision }[];
  /** The decision had the one outcome of a Bylaw 1 policy. */
  readonly single: boolean;
  readonly decisionDate: string;
  readonly applicationDate: string;
  readonly contentDate: string;
  readonly url: string | undefined;
  readonly puid: string;
  readonly platform: PlatformValues;
  readonly summary: string | undefined;
  /** The facts' own category and keywords, before the clauses'. */
  readonly category: CategoryKey | undefined;
  readonly keywords: readonly KeywordKey[];
}

export interface Restriction {
  readonly outcome: string;
  readonly decision: OutcomeDecision;
  readonly mapping: ActionMapping;
  readonly clause: ClauseMapping;
  /** The decision's duration, or the mapping's fixed one. */
  readonly duration: Duration | undefined;
  /** The last day: null when the restriction has no end (none given, or a termination). */
  readonly endDate: string | null;
  /** An end date past the database's range, sent as no end date (`endDateBeyondRange: indefinite`). */
  readonly endBeyondRange: string | undefined;
  /** Every target ends for good (a termination, or marked `permanent`). */
  readonly permanent: boolean;
}

export interface PlatformValues {
  readonly contentType: readonly string[];
  readonly contentTypeOther: string | undefined;
  readonly contentLanguage: string | undefined;
  readonly territorialScope: readonly CountryCode[];
  readonly sourceType: string;
  readonly sourceIdentity: string | undefined;
  readonly automatedDetection: boolean;
  readonly automatedDecision: string;
  readonly accountType: string | undefined;
  readonly ean13: string | undefined;
}

/** The plan of the statement for `decision`, or null when it restricts nothing. Throws `StatementError` when none can be built. */
export function planStatement(decision: AnyDecision, facts: StatementFacts, mapping: ExportMapping, deployment: Deployment): StatementPlan | null {
  const outcomes = outcomesOf(decision);
  const single = !('outcomes' in decision);
  const chosen = outcomes.map(([outcome, o]) => {
    const action = ownEntry(ownEntry(mapping.outcomes, outcome), o.action);
    if (!action) {
      fail('unmapped-action', 'outcomes.' + outcome + '.' + o.action, 'action `' + o.action + '` of outcome `' + outcome + '` has no mapping',
        'add it to the export mapping (map it to no restriction if it restricts nothing)');
    }
    return { outcome, decision: o, action };
  });
  if (chosen.every((c) => c.action.targets.length === 0)) return null;

  const problem = checkFacts(facts)[0];
  if (problem) throw new StatementError(problem);
  const applicationDate = facts.applicationDate ?? facts.date;
  inRange('applicationDate', applicationDate, DATE_RANGE.applicationFrom, 'the day the restrictions start');
  inRange('contentDate', facts.contentDate, DATE_RANGE.contentFrom, 'the day the content was posted');
  const stamp = facts.decidedAt === undefined ? undefined : parseTimestamp(facts.decidedAt);
  const startSeconds = stamp && stamp.day === applicationDate ? stamp.seconds : undefined;

  const restrictions: Restriction[] = [];
  const others: { outcome: string; decision: OutcomeDecision }[] = [];
  const writtenBy = new Map<TargetField, string>();
  for (const { outcome, decision: o, action } of chosen) {
    if (action.targets.length === 0) {
      if (o.basis !== 'default') others.push({ outcome, decision: o });
      continue;
    }
    for (const target of action.targets) {
      const first = writtenBy.get(target.field);
      if (first !== undefined && SINGLE_VALUED.has(target.field)) {
        const field = '`' + target.field + '`';
        const what = first === outcome ? ('action `' + o.action + '` writes ' + field + ' twice') : ('outcomes `' + first + '` and `' + outcome + '` both write ' + field);
        fail('field-written-twice', 'outcomes.' + outcome + '.' + o.action, what,
          '`' + target.field + '` holds one value per statement: map one of the actions to another field');
      }
      writtenBy.set(target.field, outcome);
    }
    restrictions.push(restriction(outcome, o, action, clauseOf(outcome, o, mapping), applicationDate, startSeconds, deployment));
  }

  return {
    version: decision.version,
    restrictions,
    others,
    single,
    decisionDate: facts.date,
    applicationDate,
    contentDate: facts.contentDate,
    url: ownEntry(mapping.versions, decision.version)?.url,
    puid: statementPuid(deployment.puidPrefix, { id: facts.id, input: facts.input, version: decision.version, salt: deployment.puidSalt }),
    platform: platformValues(facts, deployment),
    summary: facts.summary,
    category: facts.category,
    keywords: facts.keywords ?? [],
  };
}

function restriction(
  outcome: string,
  o: OutcomeDecision,
  action: ActionMapping,
  clause: ClauseMapping,
  applicationDate: string,
  startSeconds: number | undefined,
  deployment: Deployment,
): Restriction {
  const text = o.duration ?? action.duration;
  const duration = text === undefined ? undefined : parseDuration(text);
  if (text !== undefined && !duration) {
    fail('invalid-duration', o.duration !== undefined ? ('outcomes.' + outcome + '.duration') : ('outcomes.' + outcome + '.' + o.action + '.duration'),
      '`' + text + '` is not an ISO 8601 duration', 'durations look like `PT12H`, `P3D`, `P2W`, `P1M`, `P2Y`');
  }
  const permanent = action.targets.every(isPermanent);
  let endDate = duration && !permanent ? addDuration(applicationDate, duration, startSeconds) : null;
  let endBeyondRange: string | undefined;
  if (endDate !== null && endDate > DATE_RANGE.until) {
    if ((deployment.endDateBeyondRange ?? 'reject') === 'reject') {
      fail('end-date-out-of-range', 'outcomes.' + outcome,
        'the ' + o.action + ' ends on ' + endDate + ', after the database\'s last date ' + DATE_RANGE.until,
        'set `endDateBeyondRange: "indefinite"` in the deployment to send it without an end date (the facts text keeps the real one)');
    }
    endBeyondRange = endDate;
    endDate = null;
  }
  return { outcome, decision: o, mapping: action, clause, duration, endDate, endBeyondRange, permanent };
}

function clauseOf(outcome: string, o: OutcomeDecision, mapping: ExportMapping): ClauseMapping {
  if (o.basis === 'default' || o.clause === null) {
    if (mapping.default) return mapping.default;
    return fail('no-ground', 'outcomes.' + outcome, 'outcome `' + outcome + '` restricts by default, with no clause to give the ground',
      'give the mapping a default category and ground');
  }
  const clause = ownEntry(mapping.clauses, o.clause);
  if (!clause) {
    fail('unmapped-clause', 'clauses.' + o.clause, 'clause `' + o.clause + '` decided a restriction but has no category or ground',
      'add the clause to the export mapping');
  }
  return clause;
}

function inRange(field: string, date: string, from: string, what: string): void {
  if (date < from || date > DATE_RANGE.until) {
    fail('date-out-of-range', field, '`' + field + '` ' + date + ' is outside the database\'s range ' + from + ' to ' + DATE_RANGE.until,
      'the database takes ' + what + ' from ' + from + ' to ' + DATE_RANGE.until);
  }
}

function platformValues(facts: StatementFacts, d: Deployment): PlatformValues {
  const contentType = [...new Set(facts.contentType ?? d.contentType)];
  const contentTypeOther = contentType.includes('CONTENT_TYPE_OTHER') ? (facts.contentTypeOther ?? d.contentTypeOther) : undefined;
  if (contentType.includes('CONTENT_TYPE_OTHER') && (contentTypeOther ?? '').trim() === '') {
    fail('missing-other-text', 'contentTypeOther', '`CONTENT_TYPE_OTHER` needs a text naming the type of content', 'set `contentTypeOther`');
  }
  const sourceType = facts.sourceType ?? d.sourceType;
  const scope = facts.territorialScope ?? d.territorialScope ?? EEA_COUNTRIES;
  return {
    contentType,
    contentTypeOther,
    contentLanguage: facts.contentLanguage ?? d.contentLanguage,
    // The database stores the scope sorted: send it that way so what is stored is what was sent.
    territorialScope: [...new Set(scope)].sort(),
    sourceType,
    sourceIdentity: sourceType === 'SOURCE_VOLUNTARY' ? undefined : (facts.sourceIdentity ?? d.sourceIdentity),
    automatedDetection: facts.automatedDetection ?? d.automatedDetection,
    automatedDecision: d.automatedDecision,
    accountType: facts.accountType ?? d.accountType,
    ean13: facts.ean13,
  };
}
