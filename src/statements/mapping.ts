import { closestMatch } from '../diagnostics/suggest.js';
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
import type { Problem } from './problems.js';
import { LIMITS } from './schema.js';
import { PERMANENT_KEYS, SINGLE_VALUED, isPermanent, type ActionMapping, type ClauseMapping, type ExportMapping, type TargetField } from '../runtime/statement-mapping.js';

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

/** Every problem of `mapping` for the policy `shape`: errors make statements impossible or wrong, warnings may cut texts. */
export function checkMapping(mapping: ExportMapping, shape: PolicyShape): Problem[] {
  const problems: Problem[] = [];
  const add = (severity: Problem['severity'], kind: string, path: string, message: string, help: string) =>
    problems.push({ kind, severity, path, message, help });
  const restricts = (outcome: string, action: string) => (mapping.outcomes[outcome]?.[action]?.targets.length ?? 0) > 0;

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
    if (canRestrict && !mapping.clauses[clause.name]) {
      add('error', 'unmapped-clause', `clauses.${clause.name}`, `clause \`${clause.name}\` can decide a restriction but has no category or ground`,
        `give \`${clause.name}\` a category (e.g. \`STATEMENT_CATEGORY_OTHER_VIOLATION_TC\`) and its ground: the section of the terms, or the law`);
    }
    const longest = Math.max(0, ...exemptions.map((e) => textLength(e.because)));
    if (textLength(clause.because) + longest > LIMITS.explanation) {
      add('error', 'because-too-long', `clauses.${clause.name}`,
        `the \`because\` texts of \`${clause.name}\`${longest > 0 ? ' and its exemptions' : ''} are longer than the ${LIMITS.explanation} characters of the explanation`,
        `shorten them: the statement's explanation would be cut; the full rule is at the version's URL`);
    }
  }
  const known = new Set(deciding.map((c) => c.name));
  for (const [name, clause] of Object.entries(mapping.clauses)) {
    if (!known.has(name)) {
      const near = closestMatch(name, known);
      add('error', 'unknown-clause', `clauses.${name}`, `the mapping names \`${name}\`, which is not a red line or rule of the policy`,
        near ? `did you mean \`${near}\`?` : 'map only the policy\'s red lines and rules; exemptions keep the ground of the rule they exempt');
    }
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
    add('warning', 'explanation-may-overflow', 'clauses',
      `the \`because\` texts of clauses deciding different outcomes together can exceed the ${LIMITS.explanation} characters of the explanation`,
      'the statement keeps the first texts whole and cuts the rest; shorten the longest texts to keep them all');
  }

  // Versions: every version published at a URL the database accepts.
  for (const version of shape.versions) {
    if (!mapping.versions[version]) {
      add('warning', 'missing-version-url', `versions.${version}`, `version \`${version}\` has no public URL`,
        'give the URL where this version of the rules is published; statements then name it in `decision_ground_reference_url`');
    }
  }
  for (const [version, { url }] of Object.entries(mapping.versions)) {
    if (!shape.versions.includes(version)) {
      add('warning', 'unknown-version', `versions.${version}`, `the mapping gives a URL for \`${version}\`, which is not a version of the policy`,
        `the versions are ${shape.versions.map((v) => `\`${v}\``).join(', ')}`);
    }
    if (typeof url !== 'string' || !formats.uri.validate(url) || codePointLength(url) > LIMITS.text) {
      add('error', 'invalid-url', `versions.${version}.url`, `\`${String(url)}\` is not a URL the database accepts`,
        `give an absolute http(s) URL of at most ${LIMITS.text} characters`);
    }
  }
  return problems;
}

type Add = (severity: Problem['severity'], kind: string, path: string, message: string, help: string) => void;

function checkOutcomes(mapping: ExportMapping, shape: PolicyShape, add: Add): void {
  const outcomeNames = shape.outcomes.map((o) => o.name);
  for (const name of Object.keys(mapping.outcomes)) {
    if (!outcomeNames.includes(name)) {
      const near = closestMatch(name, outcomeNames);
      add('error', 'unknown-outcome', `outcomes.${name}`, `the policy has no outcome \`${name}\``,
        near ? `did you mean \`${near}\`?` : `the outcomes are ${outcomeNames.map((o) => `\`${o}\``).join(', ')}`);
    }
  }
  for (const outcome of shape.outcomes) {
    const actions = mapping.outcomes[outcome.name] ?? {};
    const members = outcome.members.map((m) => m.name);
    for (const member of outcome.members) {
      const path = `outcomes.${outcome.name}.${member.name}`;
      const action = actions[member.name];
      if (!action) {
        add('error', 'unmapped-action', path, `action \`${member.name}\` of outcome \`${outcome.name}\` has no mapping`,
          `say what \`${member.name}\` becomes in a statement (e.g. \`decision_visibility\` \`DECISION_VISIBILITY_CONTENT_REMOVED\`), or map it to no restriction`);
        continue;
      }
      checkAction(action, member.duration, path, add);
    }
    for (const name of Object.keys(actions)) {
      if (!members.includes(name)) {
        const near = closestMatch(name, members);
        add('error', 'unknown-action', `outcomes.${outcome.name}.${name}`, `\`${name}\` is not an action of outcome \`${outcome.name}\``,
          near ? `did you mean \`${near}\`?` : `its actions are ${members.map((m) => `\`${m}\``).join(', ')}`);
      }
    }
    if ((actions[outcome.default]?.targets.length ?? 0) > 0 && !mapping.default) {
      add('error', 'default-restricts', `outcomes.${outcome.name}.${outcome.default}`,
        `the default action \`${outcome.default}\` of outcome \`${outcome.name}\` is a restriction, but no clause decides it`,
        'give the mapping a default category and ground for restrictions decided by default');
    }
  }
}

function checkAction(action: ActionMapping, ownDuration: boolean, path: string, add: Add): void {
  if (!Array.isArray(action.targets)) {
    add('error', 'invalid-mapping', `${path}.targets`, 'the targets are not a list', 'give a list of restrictions, empty for none');
    return;
  }
  const singles = new Set<string>();
  action.targets.forEach((target, i) => {
    const at = `${path}.targets.${i}`;
    const keys = TARGET_KEYS[target.field as TargetField];
    if (!keys) {
      add('error', 'unknown-field', `${at}.field`, `\`${String(target.field)}\` is not a restriction field of the database`,
        `use one of ${Object.keys(TARGET_KEYS).map((f) => `\`${f}\``).join(', ')}`);
      return;
    }
    if (!keys.includes(target.value)) {
      const owner = Object.entries(TARGET_KEYS).find(([, list]) => list.includes(target.value))?.[0];
      const near = closestMatch(String(target.value), keys);
      add('error', 'unknown-key', `${at}.value`, `\`${String(target.value)}\` is not a key of \`${target.field}\``,
        owner ? `it is a key of \`${owner}\`: write that field` : near ? `did you mean \`${near}\`?` : `the keys are ${keys.map((k) => `\`${k}\``).join(', ')}`);
    }
    const other = 'other' in target ? target.other : undefined;
    if (OTHER_KEYS.has(target.value) && (typeof other !== 'string' || other.trim() === '')) {
      add('error', 'missing-other-text', `${at}.other`, `\`${target.value}\` needs a text saying what the restriction is`,
        `add the text (at most ${LIMITS.text} characters), e.g. \`interstitial warning screen\``);
    } else if (other !== undefined && !OTHER_KEYS.has(target.value)) {
      add('warning', 'other-text-unused', `${at}.other`, `the text is sent only with an \`…_OTHER\` key; the database drops it here`, 'remove it');
    }
    if (typeof other === 'string' && codePointLength(other) > LIMITS.text) {
      add('error', 'text-too-long', `${at}.other`, `the text is longer than ${LIMITS.text} characters`, 'shorten it');
    }
    if (SINGLE_VALUED.has(target.field)) {
      if (singles.has(target.field)) {
        add('error', 'field-written-twice', at, `the action writes \`${target.field}\` twice`, `\`${target.field}\` holds one value: keep one`);
      }
      singles.add(target.field);
    }
  });
  if (action.duration !== undefined) {
    if (!parseDuration(action.duration)) {
      add('error', 'invalid-duration', `${path}.duration`, `\`${action.duration}\` is not an ISO 8601 duration`, 'write e.g. `PT12H`, `P3D`, `P2W`, `P1M` or `P1Y`');
    } else if (ownDuration) {
      add('warning', 'duration-ignored', `${path}.duration`, 'the action carries its own duration, which the statement uses instead',
        'remove the fixed duration from the mapping');
    }
  }
}

/** Two outcomes whose actions can write the same one-value field: one statement cannot carry both. */
function checkWrittenTwice(mapping: ExportMapping, shape: PolicyShape, add: Add): void {
  const writers = new Map<string, string>();
  for (const outcome of shape.outcomes) {
    const fields = new Set<string>();
    for (const action of Object.values(mapping.outcomes[outcome.name] ?? {})) {
      for (const target of Array.isArray(action.targets) ? action.targets : []) if (SINGLE_VALUED.has(target.field)) fields.add(target.field);
    }
    for (const field of fields) {
      const first = writers.get(field);
      if (first) {
        add('error', 'field-written-twice', `outcomes.${outcome.name}`, `outcomes \`${first}\` and \`${outcome.name}\` can both write \`${field}\``,
          `\`${field}\` holds one value per statement: map one of them to another field`);
      } else writers.set(field, outcome.name);
    }
  }
}

function checkClause(clause: ClauseMapping, path: string, add: Add): void {
  if (!(clause.category in STATEMENT_CATEGORY)) {
    const near = closestMatch(String(clause.category), Object.keys(STATEMENT_CATEGORY));
    add('error', 'unknown-key', `${path}.category`, `\`${String(clause.category)}\` is not a category of the database`,
      near ? `did you mean \`${near}\`?` : 'use one of the 16 `STATEMENT_CATEGORY_…` keys');
  }
  (clause.keywords ?? []).forEach((keyword, i) => {
    if (!(keyword in KEYWORD)) {
      const near = closestMatch(String(keyword), Object.keys(KEYWORD));
      add('error', 'unknown-key', `${path}.keywords.${i}`, `\`${String(keyword)}\` is not a keyword of the database`,
        near ? `did you mean \`${near}\`?` : 'use one of the 69 `KEYWORD_…` keys');
    }
  });
  const hasOther = (clause.keywords ?? []).includes('KEYWORD_OTHER');
  if (hasOther && (clause.keywordOther ?? '').trim() === '') {
    add('error', 'missing-other-text', `${path}.keywordOther`, '`KEYWORD_OTHER` needs a text naming the kind of content',
      `add it (at most ${LIMITS.text} characters)`);
  } else if (!hasOther && clause.keywordOther !== undefined) {
    add('warning', 'other-text-unused', `${path}.keywordOther`, 'the text is kept only with `KEYWORD_OTHER`; the database drops it', 'add `KEYWORD_OTHER` or remove the text');
  }
  if (clause.keywordOther !== undefined && codePointLength(clause.keywordOther) > LIMITS.text) {
    add('error', 'text-too-long', `${path}.keywordOther`, `the text is longer than ${LIMITS.text} characters`, 'shorten it');
  }
  const reference = clause.ground?.reference;
  if (clause.ground?.kind !== 'terms' && clause.ground?.kind !== 'law') {
    add('error', 'invalid-ground', `${path}.ground`, 'the ground is neither the terms and conditions nor the law', 'give `terms` with the section relied on, or `law` with the legal ground');
  } else if (typeof reference !== 'string' || reference.trim() === '') {
    add('error', 'invalid-ground', `${path}.ground.reference`, 'the ground names no reference', clause.ground.kind === 'terms' ? 'name the section of the terms, e.g. `Hateful Conduct Policy`' : 'name the law, e.g. the article and the act');
  } else if (codePointLength(reference) > LIMITS.text - 100) {
    // The ground field (500) also names the clause, the outcome and the version.
    add('error', 'text-too-long', `${path}.ground.reference`, `the reference is longer than ${LIMITS.text - 100} characters`,
      `the ground field holds ${LIMITS.text} characters with the clause and version: shorten the reference`);
  }
}

/** The length of `because` texts joined as the explanation joins them. */
export function textLength(texts: readonly string[]): number {
  return texts.reduce((sum, t) => sum + codePointLength(t), 0) + Math.max(0, texts.length - 1);
}
