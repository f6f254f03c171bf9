import { SINGLE_OUTCOME, type AnyDecision } from './statement-decision.js';
import { describeDuration } from './statement-dates.js';
import { codePointLength, type Deployment, type StatementFacts } from './statement-deployment.js';
import { END_DATE_FIELDS, LIMITS } from './statement-keys.js';
import { isPermanent, type ExportMapping } from './statement-mapping.js';
import { planStatement, type Restriction, type StatementPlan } from './statement-plan.js';
import type { OutcomeDecision } from './types.js';

/**
 * The JSON body of `POST /api/v1/statement`, keys in the database's documented order.
 * @public
 */
export type Statement = Record<string, unknown>;

/**
 * The statement of reasons for one decision, ready for `POST /api/v1/statement`, or null when
 * the decision restricts nothing (every outcome is at an action mapped to no restriction: an
 * `allow`, a `none`, a warning or a strike alone). Throws `StatementError` when a statement is
 * due but cannot be built (a gap in the mapping, bad facts, a date out of the database's range).
 */
export function statementOfReasons(decision: AnyDecision, facts: StatementFacts, mapping: ExportMapping, deployment: Deployment): Statement | null {
  const plan = planStatement(decision, facts, mapping, deployment);
  return plan && renderStatement(plan);
}

export function renderStatement(plan: StatementPlan): Statement {
  const s: Statement = {};
  const visibility: string[] = [];
  let visibilityEnd: string | null | undefined;
  for (const r of plan.restrictions) {
    for (const target of r.mapping.targets) {
      if (target.field === 'decision_visibility') {
        if (!visibility.includes(target.value)) visibility.push(target.value);
        if (target.other !== undefined) s['decision_visibility_other'] = target.other;
        // Several restrictions of the content: it stays restricted until the latest end; none is latest.
        const end = isPermanent(target) ? null : r.endDate;
        visibilityEnd = visibilityEnd === null || end === null ? null : visibilityEnd === undefined || end > visibilityEnd ? end : visibilityEnd;
      } else {
        s[target.field] = target.value;
        if (target.field === 'decision_monetary' && target.other !== undefined) s['decision_monetary_other'] = target.other;
        s[END_DATE_FIELDS[target.field]] = isPermanent(target) ? null : r.endDate;
      }
    }
  }
  const ordered: Statement = {};
  if (visibility.length > 0) {
    ordered['decision_visibility'] = visibility;
    if (visibility.includes('DECISION_VISIBILITY_OTHER')) ordered['decision_visibility_other'] = s['decision_visibility_other'];
    ordered['end_date_visibility_restriction'] = visibilityEnd ?? null;
  }
  for (const field of ['decision_monetary', 'decision_provision', 'decision_account'] as const) {
    if (s[field] === undefined) continue;
    ordered[field] = s[field];
    if (field === 'decision_monetary' && s[field] === 'DECISION_MONETARY_OTHER') ordered['decision_monetary_other'] = s['decision_monetary_other'];
    ordered[END_DATE_FIELDS[field]] = s[END_DATE_FIELDS[field]];
  }
  const p = plan.platform;
  if (p.accountType !== undefined) ordered['account_type'] = p.accountType;
  Object.assign(ordered, grounds(plan));
  ordered['content_type'] = [...p.contentType];
  if (p.contentTypeOther !== undefined) ordered['content_type_other'] = cut(p.contentTypeOther, LIMITS.text);
  Object.assign(ordered, categories(plan));
  ordered['territorial_scope'] = [...p.territorialScope];
  if (p.contentLanguage !== undefined) ordered['content_language'] = p.contentLanguage;
  ordered['content_date'] = plan.contentDate;
  ordered['application_date'] = plan.applicationDate;
  ordered['decision_facts'] = cut(decisionFacts(plan), LIMITS.facts);
  ordered['source_type'] = p.sourceType;
  if (p.sourceIdentity !== undefined) ordered['source_identity'] = cut(p.sourceIdentity, LIMITS.text);
  ordered['automated_detection'] = p.automatedDetection ? 'Yes' : 'No';
  ordered['automated_decision'] = p.automatedDecision;
  ordered['puid'] = plan.puid;
  if (p.ean13 !== undefined) ordered['content_id'] = { 'EAN-13': p.ean13 };
  return ordered;
}

/** `decision_ground` and its texts. Illegal content only when every ground is a law; else the terms, flagged illegal where one is. */
function grounds(plan: StatementPlan): Statement {
  const out: Statement = {};
  const explanation = cut(becauseTexts(plan.restrictions), LIMITS.explanation);
  if (plan.restrictions.every((r) => r.clause.ground.kind === 'law')) {
    out['decision_ground'] = 'DECISION_GROUND_ILLEGAL_CONTENT';
    if (plan.url !== undefined) out['decision_ground_reference_url'] = plan.url;
    out['illegal_content_legal_ground'] = cut(distinct(plan.restrictions.map((r) => r.clause.ground.reference)).join('; '), LIMITS.text);
    out['illegal_content_explanation'] = explanation;
    return out;
  }
  out['decision_ground'] = 'DECISION_GROUND_INCOMPATIBLE_CONTENT';
  if (plan.url !== undefined) out['decision_ground_reference_url'] = plan.url;
  out['incompatible_content_ground'] = cut([...groundParts(plan), 'policy version ' + plan.version].join('; '), LIMITS.text);
  out['incompatible_content_explanation'] = explanation;
  const illegal = plan.restrictions.map((r) => (r.clause.ground.kind === 'law' ? true : r.clause.ground.illegal));
  if (illegal.includes(true)) out['incompatible_content_illegal'] = 'Yes';
  else if (illegal.every((i) => i === false)) out['incompatible_content_illegal'] = 'No';
  return out;
}

/** `Hateful Conduct Policy, clause hate_speech (content)`: one part per clause, with the outcomes it decided. */
function groundParts(plan: StatementPlan): string[] {
  const parts = new Map<string, string[]>();
  for (const r of plan.restrictions) {
    const d = r.decision;
    const clause = d.clause === null ? 'default' : ('clause ' + d.clause);
    const key = '' + r.clause.ground.reference + ', ' + clause + (d.exemption ? (', exemption ' + d.exemption) : '');
    parts.set(key, [...(parts.get(key) ?? []), r.outcome]);
  }
  return [...parts].map(([key, outcomes]) => (plan.single ? key : ('' + key + ' (' + outcomes.join(', ') + ')')));
}

function categories(plan: StatementPlan): Statement {
  const out: Statement = {};
  const clauses = plan.restrictions.map((r) => r.clause);
  const main = plan.category ?? clauses[0]!.category;
  out['category'] = main;
  const additions = distinct(clauses.map((c) => c.category)).filter((c) => c !== main);
  if (additions.length > 0) out['category_addition'] = additions;
  const keywords = distinct([...plan.keywords, ...clauses.flatMap((c) => c.keywords ?? [])]);
  if (keywords.length > 0) out['category_specification'] = keywords;
  if (keywords.includes('KEYWORD_OTHER')) {
    out['category_specification_other'] = cut(distinct(clauses.map((c) => c.keywordOther ?? '').filter((t) => t !== '')).join('; '), LIMITS.text);
  }
  return out;
}

/** The `because` texts of the deciding clauses (and exemptions), each once, in outcome order. */
export function becauseTexts(restrictions: readonly Restriction[]): string {
  return distinct(restrictions.flatMap((r) => r.decision.because).map((t) => t.trim()).filter((t) => t !== ''))
    .map(sentence)
    .join(' ');
}

/** The facts and circumstances: what was decided, under which clauses, by which version. */
export function decisionFacts(plan: StatementPlan): string {
  const lines = ['Decision of ' + plan.decisionDate + ' under policy version ' + plan.version + '.'];
  for (const r of plan.restrictions) {
    const lasting = r.permanent || !r.duration ? '' : (' for ' + describeDuration(r.duration));
    const until = r.endDate !== null ? (', until ' + r.endDate) : r.endBeyondRange ? (', until ' + r.endBeyondRange + ' (after the database\'s last date, so sent without an end date)') : '';
    lines.push('' + label(plan, r.outcome) + ': ' + r.decision.action + lasting + until + ' (' + basisText(r.decision) + ').');
  }
  for (const { outcome, decision } of plan.others) lines.push('' + label(plan, outcome) + ': ' + decision.action + ' (' + basisText(decision) + '); not a restriction.');
  if (plan.summary !== undefined && plan.summary.trim() !== '') lines.push(plan.summary.trim());
  return lines.join(' ');
}

function label(plan: StatementPlan, outcome: string): string {
  return plan.single && outcome === SINGLE_OUTCOME ? 'Decision' : outcome.charAt(0).toUpperCase() + outcome.slice(1);
}

function basisText(d: OutcomeDecision): string {
  switch (d.basis) {
    case 'redline':
      return 'red line ' + d.clause;
    case 'rule':
      return 'rule ' + d.clause;
    case 'exemption':
      return 'rule ' + d.clause + ', exemption ' + d.exemption;
    default:
      return 'default';
  }
}

/** At most `max` code points; a cut text ends with `…`. */
export function cut(text: string, max: number): string {
  if (codePointLength(text) <= max) return text;
  const points = Array.from(text).slice(0, max - 1);
  return '' + points.join('').trimEnd() + '…';
}

function sentence(text: string): string {
  return /[.!?…"”')]$/.test(text) ? text : ('' + text + '.');
}

function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
