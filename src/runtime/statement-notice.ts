import type { AnyDecision } from './statement-decision.js';
import { addDuration, describeDuration, longDate, parseDuration } from './statement-dates.js';
import type { Deployment, StatementFacts } from './statement-deployment.js';
import { COUNTRY_NAMES, EEA_COUNTRIES, EU_COUNTRIES } from './statement-keys.js';
import { isPermanent, type ExportMapping, type Target } from './statement-mapping.js';
import { planStatement, type Restriction, type StatementPlan } from './statement-plan.js';

/**
 * The notice a person receives with a restriction (Art. 17(3) DSA): what was restricted, where
 * and for how long, the rule and its `because` texts, how the case came up and whether automated
 * means were used, and how to appeal. Built from the same plan as the database statement.
 * @public
 */
export interface Notice {
  readonly subject: string;
  readonly text: string;
  readonly markdown: string;
}

/** The notice for `decision`, or null when it restricts nothing (no statement, no notice). */
export function noticeOfReasons(decision: AnyDecision, facts: StatementFacts, mapping: ExportMapping, deployment: Deployment): Notice | null {
  const plan = planStatement(decision, facts, mapping, deployment);
  return plan && renderNotice(plan, deployment);
}

/** What a target does, as the words after "We": the headline form and the sentence form. */
function phrase(target: Target, noun: string, account: string): { short: string; detail?: string | undefined } {
  switch (target.value) {
    case 'DECISION_VISIBILITY_CONTENT_REMOVED':
      return { short: 'removed your ' + noun };
    case 'DECISION_VISIBILITY_CONTENT_DISABLED':
      return { short: 'disabled access to your ' + noun };
    case 'DECISION_VISIBILITY_CONTENT_DEMOTED':
      return { short: 'reduced the reach of your ' + noun, detail: 'it is shown to fewer people' };
    case 'DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED':
      return { short: 'age-restricted your ' + noun, detail: 'only adults can see it' };
    case 'DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED':
      return { short: 'limited interactions with your ' + noun, detail: 'people can no longer reply to it or share it' };
    case 'DECISION_VISIBILITY_CONTENT_LABELLED':
      return { short: 'put a warning label on your ' + noun, detail: 'people see the label before they can see it' };
    case 'DECISION_VISIBILITY_OTHER':
      return { short: 'restricted your ' + noun, detail: target.other };
    case 'DECISION_MONETARY_SUSPENSION':
      return { short: 'suspended your payments' };
    case 'DECISION_MONETARY_TERMINATION':
      return { short: 'ended your payments' };
    case 'DECISION_MONETARY_OTHER':
      return { short: 'restricted your payments', detail: target.other };
    case 'DECISION_PROVISION_PARTIAL_SUSPENSION':
      return { short: 'restricted some features of your ' + account };
    case 'DECISION_PROVISION_TOTAL_SUSPENSION':
      return { short: 'suspended your access to our service' };
    case 'DECISION_PROVISION_PARTIAL_TERMINATION':
      return { short: 'permanently removed some features from your ' + account };
    case 'DECISION_PROVISION_TOTAL_TERMINATION':
      return { short: 'permanently ended your access to our service' };
    case 'DECISION_ACCOUNT_SUSPENDED':
      return { short: 'suspended your ' + account };
    case 'DECISION_ACCOUNT_TERMINATED':
      return { short: 'permanently disabled your ' + account };
  }
}

interface Line {
  /** For the subject: the target's plain words, never the mapping's longer text. */
  readonly short: readonly string[];
  readonly sentence: string;
}

/** One line per restriction of the plan (per target, or the mapping's text): what we did, and until when. */
function whatWeDid(r: Restriction, noun: string, account: string): Line[] {
  const end = r.endDate ?? r.endBeyondRange;
  const timing = (target?: Target) => {
    if (target && isPermanent(target)) return '';
    if (end) return r.duration ? (' for ' + describeDuration(r.duration) + ', until ' + longDate(end)) : (' until ' + longDate(end));
    if (r.permanent || (target && target.field === 'decision_visibility')) return '';
    return ' until further notice';
  };
  if (r.mapping.notice !== undefined) {
    const timed = r.mapping.targets.find((t) => !isPermanent(t));
    const short = r.mapping.targets.map((t) => phrase(t, noun, account).short);
    return [{ short, sentence: 'We ' + r.mapping.notice.trim().replace(/[.]$/, '') + (timed ? timing(timed) : '') + '.' }];
  }
  return r.mapping.targets.map((target) => {
    const { short, detail } = phrase(target, noun, account);
    return { short: [short], sentence: 'We ' + short + timing(target) + (detail ? (': ' + detail) : '') + '.' };
  });
}

export function renderNotice(plan: StatementPlan, deployment: Deployment): Notice {
  const n = deployment.notice;
  const noun = n.contentNoun ?? 'content';
  const account = n.accountNoun ?? 'account';
  const lines = plan.restrictions.flatMap((r) => whatWeDid(r, noun, account));
  const shorts = [...new Set(lines.flatMap((l) => l.short))];
  const subject = 'We ' + joinAnd(shorts);
  const window = parseDuration(n.appealWindow ?? 'P6M') ?? parseDuration('P6M')!;
  const appealUntil = addDuration(plan.decisionDate, window);

  const doc: Block[] = [
    { kind: 'heading', text: subject },
    { kind: 'para', text: 'Hello,' },
    {
      kind: 'para',
      text: 'We reviewed your ' + noun + ' of ' + longDate(plan.contentDate) + ' and found that it ' + (plan.restrictions.every((r) => r.clause.ground.kind === 'law') ? 'is illegal' : 'goes against our rules') + '. This message explains what we did, why, and what you can do if you disagree.',
    },
    { kind: 'section', text: 'What we did' },
    { kind: 'list', items: lines.map((l) => l.sentence) },
    { kind: 'para', text: 'This applies ' + scopeText(plan.platform.territorialScope) + ', from ' + longDate(plan.applicationDate) + '.' },
    { kind: 'section', text: 'Why' },
    ...why(plan, noun, account),
    { kind: 'section', text: 'How we decided' },
    { kind: 'para', text: '' + source(plan.platform.sourceType) + ' ' + detection(plan.platform.automatedDetection, noun) + ' ' + decidedBy(plan.platform.automatedDecision) },
    { kind: 'section', text: 'If you think we got this wrong' },
    {
      kind: 'para',
      text: 'You can appeal until ' + longDate(appealUntil) + ' (' + describeDuration(window) + ') at ' + n.appealUrl + '; a person will review your appeal.',
    },
    {
      kind: 'para',
      text: 'You can also take this decision to a certified out-of-court dispute settlement body (Article 21 of the Digital Services Act)' + (n.disputeSettlementUrl ? (', listed at ' + n.disputeSettlementUrl + ',') : '') + ' or to a court.',
    },
    {
      kind: 'lines',
      items: [
        plan.url ? ('The rules we applied: ' + plan.url + ' (version ' + plan.version + ').') : ('The rules we applied: version ' + plan.version + '.'),
        'Reference for this decision: ' + plan.puid,
      ],
    },
    { kind: 'para', text: n.signature ?? ('The ' + n.platform + ' team') },
  ];
  return { subject, text: toText(doc), markdown: toMarkdown(doc) };
}

/** Per deciding clause: its rule and the `because` texts, an exemption's text apart. */
function why(plan: StatementPlan, noun: string, account: string): Block[] {
  const blocks: Block[] = [];
  const seen = new Set<string>();
  for (const r of plan.restrictions) {
    const d = r.decision;
    const key = '' + d.clause + '\u0000' + d.exemption;
    if (seen.has(key)) continue;
    seen.add(key);
    const ground = r.clause.ground;
    const onAccount = !plan.single && r.mapping.targets.every((t) => t.field !== 'decision_visibility');
    const intro =
      ground.kind === 'law'
        ? ('We consider your ' + noun + ' illegal under ' + ground.reference + '.')
        : onAccount
          ? ('The action on your ' + account + ' follows our ' + ground.reference + '.')
          : ('Your ' + noun + ' goes against our ' + ground.reference + '.');
    const texts = d.because.map((t) => t.trim()).filter((t) => t !== '');
    const exemptionText = d.basis === 'exemption' && texts.length >= 2 ? texts.pop() : undefined;
    blocks.push({ kind: 'para', text: texts.length > 0 ? ('' + intro + ' The rule says:') : intro });
    if (texts.length > 0) blocks.push({ kind: 'quote', items: texts });
    if (exemptionText) {
      blocks.push({ kind: 'para', text: 'We applied an exception to that rule, which is why the action is lighter:' });
      blocks.push({ kind: 'quote', items: [exemptionText] });
    }
  }
  // A warning or a strike decided by a rule is worth knowing; an exemption's "nothing" is not.
  for (const { outcome, decision } of plan.others) {
    if (decision.basis === 'exemption') continue;
    const who = outcome === 'content' ? ('your ' + noun) : ('your ' + account);
    blocks.push({ kind: 'para', text: 'We also gave ' + who + ' a ' + decision.action.replace(/_/g, ' ') + ', which does not restrict anything by itself.' });
  }
  return blocks;
}

function scopeText(codes: readonly string[]): string {
  const set = new Set(codes);
  if (EEA_COUNTRIES.every((c) => set.has(c)) && set.size === EEA_COUNTRIES.length) return 'in every country of the European Economic Area';
  if (EU_COUNTRIES.every((c) => set.has(c)) && set.size === EU_COUNTRIES.length) return 'in every country of the European Union';
  return 'in ' + joinAnd(codes.map((c) => COUNTRY_NAMES[c as keyof typeof COUNTRY_NAMES] ?? c));
}

function source(sourceType: string): string {
  switch (sourceType) {
    case 'SOURCE_ARTICLE_16':
      return 'We acted on a report sent to us under Article 16 of the Digital Services Act.';
    case 'SOURCE_TRUSTED_FLAGGER':
      return 'We acted on a report from a trusted flagger (an organisation recognised under the Digital Services Act).';
    case 'SOURCE_TYPE_OTHER_NOTIFICATION':
      return 'We acted on a notification we received.';
    default:
      return 'We found this on our own initiative.';
  }
}

function detection(automated: boolean, noun: string): string {
  return automated ? ('Automated tools helped us find your ' + noun + '.') : ('Your ' + noun + ' was not found by automated tools.');
}

function decidedBy(key: string): string {
  switch (key) {
    case 'AUTOMATED_DECISION_FULLY':
      return 'The decision was taken by automated means, without review by a person.';
    case 'AUTOMATED_DECISION_PARTIALLY':
      return 'The decision was taken with the help of automated tools and reviewed by a person.';
    default:
      return 'The decision was taken by a person on our team.';
  }
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : ('' + items.slice(0, -1).join(', ') + ' and ' + items[items.length - 1]);
}

type Block =
  | { kind: 'heading' | 'section' | 'para'; text: string }
  | { kind: 'list' | 'quote' | 'lines'; items: readonly string[] };

function toText(doc: readonly Block[]): string {
  const out: string[] = [];
  for (const b of doc) {
    if (b.kind === 'heading') out.push(b.text, '');
    else if (b.kind === 'section') out.push(b.text.toUpperCase());
    else if (b.kind === 'para') out.push(b.text, '');
    else if (b.kind === 'list') out.push(...b.items.map((i) => '- ' + i), '');
    else if (b.kind === 'quote') out.push(...b.items.map((i) => '  "' + i + '"'), '');
    else if (b.kind === 'lines') out.push(...b.items, '');
  }
  return '' + out.join('\n').trimEnd() + '\n';
}

function toMarkdown(doc: readonly Block[]): string {
  const out: string[] = [];
  for (const b of doc) {
    if (b.kind === 'heading') out.push('## ' + md(b.text), '');
    else if (b.kind === 'section') out.push('### ' + md(b.text), '');
    else if (b.kind === 'para') out.push(md(b.text), '');
    else if (b.kind === 'list') out.push(...b.items.map((i) => '- ' + md(i)), '');
    else if (b.kind === 'quote') out.push(b.items.map((i) => '> ' + md(i)).join('\n>\n'), '');
    else if (b.kind === 'lines') out.push(b.items.map(md).join('  \n'), '');
  }
  return '' + out.join('\n').trimEnd() + '\n';
}

/** Markdown-escapes a text (rules, names and URLs come from the policy and the config), URLs left as autolinks. */
function md(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/)
    // `\x60` is a backtick: written so, no scanner takes the class for a template literal.
    .map((part, i) => (i % 2 === 1 ? ('<' + part + '>') : part.replace(/[\\\x60*_[\]<>#|~]/g, '\\$&').replace(/^([-+]|\d+[.)])(\s)/, '\\$1$2')))
    .join('')
    .replace(/\r?\n/g, ' ');
}
