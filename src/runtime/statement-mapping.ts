import type { AnyDecision } from './statement-decision.js';
import { fail } from './statement-errors.js';
import { own } from './validate.js';
import type { AccountKey, CategoryKey, KeywordKey, MonetaryKey, ProvisionKey, VisibilityKey } from './statement-keys.js';

/**
 * The export mapping a policy carries: what each action of each outcome becomes in a statement of
 * reasons, what each clause is about and on which ground, and where each version of the rules is
 * published. The policy syntax that writes it comes from the language; everything downstream (the
 * checks below, the statement, the notice) works from this model.
 */
export interface ExportMapping {
  /** Per outcome (a Bylaw 1 policy has the one outcome `action`), per action on its scale. */
  readonly outcomes: Readonly<Record<string, Readonly<Record<string, ActionMapping>>>>;
  /** Per red line or rule that can decide a restriction. Exemptions need none: the exempted rule's ground stands. */
  readonly clauses: Readonly<Record<string, ClauseMapping>>;
  /** Per policy version: the public, versioned URL of the rules (`decision_ground_reference_url`). */
  readonly versions: Readonly<Record<string, { readonly url: string }>>;
  /** The ground of an outcome decided by its default action, if a default can restrict anything. */
  readonly default?: ClauseMapping;
}

export interface ActionMapping {
  /** The restrictions the action is; `[]` for an action that restricts nothing (no statement for it). */
  readonly targets: readonly Target[];
  /**
   * How long the restriction lasts when the action carries no duration of its own (ISO 8601, e.g.
   * `PT12H` for a lock the platform always lifts after 12 hours). Absent: until further notice.
   */
  readonly duration?: string;
  /**
   * What the notice tells the person, as the words after "We", e.g. `locked your account: you can
   * read but not post`; otherwise a sentence per target.
   */
  readonly notice?: string;
}

/**
 * One restriction: a database field and its key (`other`: the text an `…_OTHER` key needs).
 * `permanent`: this part does not end with the action's duration (a lock that also removes the
 * post: the lock ends, the removal does not). Terminations are permanent anyway.
 */
export type Target = (
  | { readonly field: 'decision_visibility'; readonly value: VisibilityKey; readonly other?: string }
  | { readonly field: 'decision_monetary'; readonly value: MonetaryKey; readonly other?: string }
  | { readonly field: 'decision_provision'; readonly value: ProvisionKey }
  | { readonly field: 'decision_account'; readonly value: AccountKey }
) & { readonly permanent?: boolean };

/** The target takes no end date. */
export const isPermanent = (target: Target): boolean => target.permanent === true || PERMANENT_KEYS.has(target.value);

export type TargetField = Target['field'];

export interface ClauseMapping {
  readonly category: CategoryKey;
  readonly keywords?: readonly KeywordKey[];
  /** `category_specification_other`, with `KEYWORD_OTHER`. */
  readonly keywordOther?: string;
  readonly ground: TermsGround | LawGround;
}

/** Content incompatible with the terms and conditions: the section relied on, e.g. `Hateful Conduct Policy`. */
export interface TermsGround {
  readonly kind: 'terms';
  readonly reference: string;
  /** Also illegal (`incompatible_content_illegal`): true `Yes`, false `No`, absent not stated. */
  readonly illegal?: boolean;
}

/** Illegal content: the legal ground, e.g. `Section 130 of the German Criminal Code (Volksverhetzung)`. */
export interface LawGround {
  readonly kind: 'law';
  readonly reference: string;
}

/** Fields holding one value: two outcomes may not both write one. `decision_visibility` is a list. */
export const SINGLE_VALUED: ReadonlySet<TargetField> = new Set(['decision_monetary', 'decision_provision', 'decision_account']);

/** Restrictions that end for good: an end date makes no sense for them. */
export const PERMANENT_KEYS: ReadonlySet<string> = new Set([
  'DECISION_MONETARY_TERMINATION',
  'DECISION_PROVISION_PARTIAL_TERMINATION',
  'DECISION_PROVISION_TOTAL_TERMINATION',
  'DECISION_ACCOUNT_TERMINATED',
]);

/** `record[key]` when it is the record's own entry: a name from a decision (`constructor`, `__proto__`) never reaches an inherited one. */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && own(record, key) ? record[key] : undefined;
}

/**
 * The export mapping of the version that made `decision`, from each version's mapping (absent:
 * the version has no `statement` declarations). Throws `StatementError` when there is none, or
 * when the decision is not one.
 */
export function versionMapping(policy: string, mappings: readonly (readonly [string, ExportMapping | undefined])[], decision: AnyDecision): ExportMapping {
  if (typeof decision !== 'object' || decision === null || typeof decision.version !== 'string') {
    fail('invalid-decision', 'version', 'the decision has no `version`', 'pass the Decision JSON that `decide` returns');
  }
  const version = decision.version;
  const found = mappings.find(([v]) => v === version);
  if (!found) {
    fail('unknown-version', 'version', '`' + version + '` is not a version of `' + policy + '`',
      'pass a decision of this policy; its versions are ' + mappings.map(([v]) => '`' + v + '`').join(', '));
  }
  if (!found[1]) {
    fail('no-mapping', 'version', 'version `' + version + '` of `' + policy + '` has no `statement` declarations',
      'say what its decisions become in statements of reasons: see docs/statements-of-reasons.md');
  }
  return found[1];
}
