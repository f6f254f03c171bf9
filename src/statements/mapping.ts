import type { Emission } from '../diagnostics/codes.js';
import { BL5, type Wording } from '../diagnostics/messages/bl5.js';
import type { Built } from '../diagnostics/messages/common.js';
import { parseDuration } from './dates.js';
import {
  DECISION_ACCOUNT,
  DECISION_MONETARY,
  DECISION_PROVISION,
  DECISION_VISIBILITY,
  KEYWORD,
  STATEMENT_CATEGORY,
} from './enumerations.js';
import { formats, codePointLength } from './formats.js';
import { mappingFormProblems } from './mapping-form.js';
import type { Problem } from './problems.js';
import { LIMITS } from './schema.js';
import { PERMANENT_KEYS, SINGLE_VALUED, isPermanent, ownEntry, type ActionMapping, type ClauseMapping, type ExportMapping, type TargetField } from '../runtime/statement-mapping.js';

/** The export mapping's model is in src/runtime/statement-mapping.ts (a compiled module inlines it); its checks are here. */
export { PERMANENT_KEYS, SINGLE_VALUED, isPermanent };
export type { ActionMapping, ClauseMapping, ExportMapping, LawGround, Target, TargetField, TermsGround } from '../runtime/statement-mapping.js';

export const TARGET_KEYS: Readonly<Record<TargetField, readonly string[]>> = {
  decision_visibility: Object.keys(DECISION_VISIBILITY),
  decision_monetary: Object.keys(DECISION_MONETARY),
  decision_provision: Object.keys(DECISION_PROVISION),
  decision_account: Object.keys(DECISION_ACCOUNT),
};

/** `…_OTHER` keys need their `…_other` text. */
export const OTHER_KEYS: ReadonlySet<string> = new Set(['DECISION_VISIBILITY_OTHER', 'DECISION_MONETARY_OTHER']);

/**
 * What the checker knows about a policy that the mapping must cover: its outcomes and their
 * scales (with the default action and which members carry a duration), its clauses with the
 * action they name in each outcome and their `because` texts, and its versions.
 */
export interface PolicyShape {
  readonly outcomes: readonly {
    readonly name: string;
    readonly members: readonly { readonly name: string; readonly duration: boolean }[];
    readonly default: string;
  }[];
  readonly clauses: readonly ShapeClause[];
  readonly versions: readonly string[];
}

export interface ShapeClause {
  readonly name: string;
  readonly kind: 'redline' | 'rule' | 'exemption';
  /** Outcome name → the action the clause names there (an exemption: the action it gives instead). */
  readonly actions: Readonly<Record<string, string>>;
  /** For an exemption: the rules it exempts. */
  readonly from?: readonly string[];
  readonly because: readonly string[];
}

/** A statement mapping's problem (BL5xx) as data: its code and the parts its constructor words it from. */
export type MappingEmission = Extract<Emission, { readonly code: keyof typeof BL5 }>;

/**
 * A problem of a mapping: its `kind` and place (`path`, e.g. `outcomes.account.suspend.targets.0.value`),
 * and what it is, as data: `checkMapping` words it in the model's terms, the checker where a
 * `statement` declaration wrote it. What only a mapping object can get wrong (no declaration can
 * write it: its form, mapping-form.ts) has no code and is worded with the problem.
 */
export type MappingIssue = { readonly kind: string; readonly severity: Problem['severity']; readonly path: string } & (
  | MappingEmission
  | { readonly code: null; readonly message: string; readonly help: string }
);

/**
 * Every problem of `mapping` for the policy `shape`: errors make statements impossible or wrong,
 * warnings may cut texts. Any value may be given: one not shaped as an `ExportMapping` gets
 * `invalid-mapping` problems, never an exception.
 */
export function checkMapping(mapping: unknown, shape: PolicyShape): Problem[] {
  return mappingIssues(mapping, shape).map((issue) => {
    const { kind, severity, path } = issue;
    if (issue.code === null) return { kind, severity, path, message: issue.message, help: issue.help };
    const { message, help = '' } = worded(issue, 'model');
    return { kind, severity, path, message, help };
  });
}

/** The message and help of a coded problem, in `wording`. */
function worded(e: MappingEmission, wording: Wording): Built {
  return (BL5[e.code] as (args: MappingEmission['args'], wording: Wording) => Built)(e.args, wording);
}

/**
 * The problems of `given` for the policy `shape`, as data (see `checkMapping`): those of its form
 * alone when it is not shaped as an `ExportMapping`, since the rules below read it as one.
 */
export function mappingIssues(given: unknown, shape: PolicyShape): MappingIssue[] {
  const malformed = mappingFormProblems(given);
  if (malformed.length > 0) return malformed.map((p) => ({ kind: 'invalid-mapping', severity: 'error', code: null, ...p }));
  const mapping = given as ExportMapping;
  const problems: MappingIssue[] = [];
  const add: Add = (severity, kind, path, what) => problems.push({ kind, severity, path, ...what });
  const restricts = (outcome: string, action: string) => (ownEntry(ownEntry(mapping.outcomes, outcome), action)?.targets.length ?? 0) > 0;

  checkOutcomes(mapping, shape, add);
  checkWrittenTwice(mapping, shape, add);

  // Clauses: every red line and rule that can end in a restriction needs a category and a ground.
  const exemptionsOf = new Map<string, ShapeClause[]>();
  for (const clause of shape.clauses) {
    if (clause.kind !== 'exemption') continue;
    for (const rule of clause.from ?? []) exemptionsOf.set(rule, [...(exemptionsOf.get(rule) ?? []), clause]);
  }
  const deciding = shape.clauses.filter((c) => c.kind !== 'exemption');
  for (const clause of deciding) {
    const exemptions = exemptionsOf.get(clause.name) ?? [];
    const canRestrict =
      Object.entries(clause.actions).some(([outcome, action]) => restricts(outcome, action)) ||
      exemptions.some((e) => Object.entries(e.actions).some(([outcome, action]) => outcome in clause.actions && restricts(outcome, action)));
    if (canRestrict && !ownEntry(mapping.clauses, clause.name)) {
      add('error', 'unmapped-clause', `clauses.${clause.name}`, { code: 'BL505', args: { clause: clause.name } });
    }
    const longest = Math.max(0, ...exemptions.map((e) => textLength(e.because)));
    if (textLength(clause.because) + longest > LIMITS.explanation) {
      add('error', 'because-too-long', `clauses.${clause.name}`, { code: 'BL504', args: { clause: clause.name, exemptions: longest > 0, limit: LIMITS.explanation } });
    }
  }
  const known = new Set(deciding.map((c) => c.name));
  for (const [name, clause] of Object.entries(mapping.clauses)) {
    if (!known.has(name)) add('error', 'unknown-clause', `clauses.${name}`, { code: 'BL555', args: { kind: 'clause', name, clauses: known } });
    checkClause(clause, `clauses.${name}`, add);
  }
  if (mapping.default) checkClause(mapping.default, 'default', add);

  // Several restricting outcomes put their texts side by side: warn when the worst case cannot fit.
  const worst = shape.outcomes.reduce((sum, outcome) => {
    const lengths = deciding.filter((c) => restricts(outcome.name, c.actions[outcome.name] ?? '')).map((c) => textLength(c.because));
    return sum + Math.max(0, ...lengths);
  }, 0);
  const single = Math.max(0, ...deciding.map((c) => textLength(c.because)));
  if (worst > LIMITS.explanation && single <= LIMITS.explanation) {
    add('warning', 'explanation-may-overflow', 'clauses', { code: 'BL551', args: { limit: LIMITS.explanation } });
  }

  // Versions: every version published at a URL the database accepts.
  for (const version of shape.versions) {
    if (!ownEntry(mapping.versions, version)) add('warning', 'missing-version-url', `versions.${version}`, { code: 'BL553', args: { version } });
  }
  for (const [version, { url }] of Object.entries(mapping.versions)) {
    if (!shape.versions.includes(version)) {
      add('warning', 'unknown-version', `versions.${version}`, { code: 'BL555', args: { kind: 'version', version, versions: shape.versions } });
    }
    if (!formats.uri.validate(url) || codePointLength(url) > LIMITS.text) {
      add('error', 'invalid-url', `versions.${version}.url`, { code: 'BL511', args: { url: String(url), limit: LIMITS.text } });
    }
  }
  return problems;
}

type Add = (severity: Problem['severity'], kind: string, path: string, what: MappingEmission | { readonly code: null; readonly message: string; readonly help: string }) => void;

function checkOutcomes(mapping: ExportMapping, shape: PolicyShape, add: Add): void {
  const outcomeNames = shape.outcomes.map((o) => o.name);
  for (const name of Object.keys(mapping.outcomes)) {
    if (!outcomeNames.includes(name)) add('error', 'unknown-outcome', `outcomes.${name}`, { code: 'BL555', args: { kind: 'outcome', name, outcomes: outcomeNames } });
  }
  for (const outcome of shape.outcomes) {
    const actions = ownEntry(mapping.outcomes, outcome.name) ?? {};
    const members = outcome.members.map((m) => m.name);
    for (const member of outcome.members) {
      const path = `outcomes.${outcome.name}.${member.name}`;
      const action = ownEntry(actions, member.name);
      if (!action) {
        add('error', 'unmapped-action', path, { code: 'BL501', args: { kind: 'action', outcome: outcome.name, action: member.name } });
        continue;
      }
      checkAction(action, member, path, add);
    }
    for (const name of Object.keys(actions)) {
      if (!members.includes(name)) {
        add('error', 'unknown-action', `outcomes.${outcome.name}.${name}`, { code: 'BL555', args: { kind: 'action', name, outcome: outcome.name, actions: members } });
      }
    }
    if ((ownEntry(actions, outcome.default)?.targets.length ?? 0) > 0 && !mapping.default) {
      add('error', 'default-restricts', `outcomes.${outcome.name}.${outcome.default}`, { code: 'BL512', args: { outcome: outcome.name, action: outcome.default } });
    }
  }
}

function checkAction(action: ActionMapping, member: PolicyShape['outcomes'][number]['members'][number], path: string, add: Add): void {
  const singles = new Set<string>();
  action.targets.forEach((target, i) => {
    const at = `${path}.targets.${i}`;
    const keys = TARGET_KEYS[target.field as TargetField];
    if (!keys) {
      add('error', 'unknown-field', `${at}.field`, {
        code: null,
        message: `\`${String(target.field)}\` is not a restriction field of the database`,
        help: `use one of ${Object.keys(TARGET_KEYS).map((f) => `\`${f}\``).join(', ')}`,
      });
      return;
    }
    if (!keys.includes(target.value)) {
      const owner = Object.entries(TARGET_KEYS).find(([, list]) => list.includes(target.value))?.[0];
      add('error', 'unknown-key', `${at}.value`, { code: 'BL502', args: { kind: 'target', key: String(target.value), field: target.field, owner, keys } });
    }
    const other = 'other' in target ? target.other : undefined;
    if (OTHER_KEYS.has(target.value) && (typeof other !== 'string' || other.trim() === '')) {
      add('error', 'missing-other-text', `${at}.other`, { code: 'BL508', args: { kind: 'target', key: target.value, limit: LIMITS.text } });
    } else if (other !== undefined && !OTHER_KEYS.has(target.value)) {
      add('warning', 'other-text-unused', `${at}.other`, { code: 'BL552', args: { kind: 'target' } });
    }
    if (typeof other === 'string' && codePointLength(other) > LIMITS.text) {
      add('error', 'text-too-long', `${at}.other`, { code: 'BL509', args: { kind: 'text', limit: LIMITS.text } });
    }
    if (SINGLE_VALUED.has(target.field)) {
      if (singles.has(target.field)) add('error', 'field-written-twice', at, { code: 'BL503', args: { kind: 'action', field: target.field } });
      singles.add(target.field);
    }
  });
  if (action.duration !== undefined) {
    if (!parseDuration(action.duration)) {
      add('error', 'invalid-duration', `${path}.duration`, {
        code: null,
        message: `\`${action.duration}\` is not an ISO 8601 duration`,
        help: 'write e.g. `PT12H`, `P3D`, `P2W`, `P1M` or `P1Y`',
      });
    } else if (member.duration) {
      add('warning', 'duration-ignored', `${path}.duration`, { code: 'BL554', args: { action: member.name } });
    }
  }
}

/** Two outcomes whose actions can write the same one-value field: one statement cannot carry both. */
function checkWrittenTwice(mapping: ExportMapping, shape: PolicyShape, add: Add): void {
  const writers = new Map<string, string>();
  for (const outcome of shape.outcomes) {
    const fields = new Set<string>();
    for (const action of Object.values(ownEntry(mapping.outcomes, outcome.name) ?? {})) {
      for (const target of action.targets) if (SINGLE_VALUED.has(target.field)) fields.add(target.field);
    }
    for (const field of fields) {
      const first = writers.get(field);
      if (first) {
        add('error', 'field-written-twice', `outcomes.${outcome.name}`, { code: 'BL503', args: { kind: 'outcomes', field, first, outcome: outcome.name } });
      } else writers.set(field, outcome.name);
    }
  }
}

function checkClause(clause: ClauseMapping, path: string, add: Add): void {
  if (!(clause.category in STATEMENT_CATEGORY)) {
    add('error', 'unknown-key', `${path}.category`, { code: 'BL502', args: { kind: 'category', key: String(clause.category), keys: Object.keys(STATEMENT_CATEGORY) } });
  }
  (clause.keywords ?? []).forEach((keyword, i) => {
    if (!(keyword in KEYWORD)) add('error', 'unknown-key', `${path}.keywords.${i}`, { code: 'BL502', args: { kind: 'keyword', key: String(keyword), keys: Object.keys(KEYWORD) } });
  });
  const hasOther = (clause.keywords ?? []).includes('KEYWORD_OTHER');
  if (hasOther && (clause.keywordOther ?? '').trim() === '') {
    add('error', 'missing-other-text', `${path}.keywordOther`, { code: 'BL508', args: { kind: 'keyword', limit: LIMITS.text } });
  } else if (!hasOther && clause.keywordOther !== undefined) {
    add('warning', 'other-text-unused', `${path}.keywordOther`, { code: 'BL552', args: { kind: 'keyword-other' } });
  }
  if (clause.keywordOther !== undefined && codePointLength(clause.keywordOther) > LIMITS.text) {
    add('error', 'text-too-long', `${path}.keywordOther`, { code: 'BL509', args: { kind: 'text', limit: LIMITS.text } });
  }
  const reference = clause.ground?.reference;
  if (clause.ground?.kind !== 'terms' && clause.ground?.kind !== 'law') {
    add('error', 'invalid-ground', `${path}.ground`, { code: 'BL510', args: { kind: 'basis' } });
  } else if (typeof reference !== 'string' || reference.trim() === '') {
    add('error', 'invalid-ground', `${path}.ground.reference`, { code: 'BL510', args: { kind: 'no-reference', basis: clause.ground.kind } });
  } else if (codePointLength(reference) > LIMITS.text - 100) {
    // The ground field (500) also names the clause, the outcome and the version.
    add('error', 'text-too-long', `${path}.ground.reference`, { code: 'BL509', args: { kind: 'reference', max: LIMITS.text - 100, limit: LIMITS.text } });
  }
}

/** The length of `because` texts joined as the explanation joins them. */
export function textLength(texts: readonly string[]): number {
  return texts.reduce((sum, t) => sum + codePointLength(t), 0) + Math.max(0, texts.length - 1);
}
