/**
 * The types every decision and explanation has. A generated module declares the same shapes with
 * the policy's own names (its actions, clauses, exemptions) in place of `string`; a test holds
 * them assignable to these.
 */

/**
 * What decided: a red line, a rule (exempted or not), or the default.
 * @public
 */
export type Basis = 'redline' | 'rule' | 'exemption' | 'default';

export interface Decision {
  readonly action: string;
  readonly basis: Basis;
  /** The deciding red line or rule; null for the default. */
  readonly clause: string | null;
  /** The exemption applied to the deciding rule, if any. */
  readonly exemption: string | null;
  /** The version in force (its `version` header). */
  readonly version: string;
  /** The `because` texts of the deciding clause and of its applied exemption, in that order. */
  readonly because: readonly string[];
}

/** One outcome's part of the decision of a version that declares outcomes (LANGUAGE-2 §3). */
export interface OutcomeDecision {
  readonly action: string;
  /** ISO 8601 with the unit as written (`P3D`, `PT12H`); only on an action that carries a duration. */
  readonly duration?: string;
  readonly basis: Basis;
  /** The deciding red line or rule; null for the default. */
  readonly clause: string | null;
  /** The exemption applied to the deciding rule, if any. */
  readonly exemption: string | null;
  /** The `because` texts of the deciding clause and of its applied exemption, in that order. */
  readonly because: readonly string[];
}

/** The decision of a version that declares outcomes: one part per outcome, in declaration order. */
export interface OutcomesDecision {
  /** The version in force (its `version` header). */
  readonly version: string;
  readonly outcomes: Readonly<Record<string, OutcomeDecision>>;
}

/**
 * A place in a .policy file, 1-based, end exclusive.
 * @public
 */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * One condition node and its value for this input. Every child is evaluated (no short cut).
 * @public
 */
export interface ConditionTrace {
  /** `test` is a leaf: a comparison, `in`, `has`, a bool field or a literal. */
  readonly kind: 'and' | 'or' | 'not' | 'context' | 'test';
  /** The condition as written; a context reference is its name. */
  readonly text: string;
  readonly value: boolean;
  readonly at: SourceRef;
  /** Operands of and / or / not; a context reference has its body as only child. */
  readonly children: readonly ConditionTrace[];
}

export interface ClauseTrace {
  readonly kind: 'redline' | 'rule' | 'exemption';
  readonly name: string;
  readonly action: string;
  readonly at: SourceRef;
  readonly when: ConditionTrace;
  readonly unless: ConditionTrace | null;
  /** `when` holds and `unless` does not. */
  readonly holds: boolean;
  /** Red lines and rules: `holds`. Exemptions: applied to at least one fired rule. */
  readonly fired: boolean;
  /** Why it did not fire (or did not apply); null when it did. */
  readonly reason: string | null;
  /** Rules: the exemption applied to it (the one it prefers among those that hold), if any. */
  readonly exemptedBy: string | null;
  /** Exemptions: the fired rules it was applied to. */
  readonly appliedTo: readonly string[];
  readonly because: string | null;
  /** The quantifiers its conditions read (through contexts too) and the elements each counted; absent when none. */
  readonly quantifiers?: readonly QuantifierTrace[];
}

/** What one `count(…)`, `any(…)` or `all(…)` found: the indices of the elements its `where` held for. */
export interface QuantifierTrace {
  /** As written: `count(s in post.strikes where s.date > post.date - 90 days)`. */
  readonly text: string;
  readonly matched: readonly number[];
  /** How many elements the list or set had. */
  readonly of: number;
  readonly at: SourceRef;
}

export interface Explanation {
  readonly decision: Decision | OutcomesDecision;
  readonly version: { readonly version: string; readonly effective: string | null; readonly file: string };
  /** Red lines, then rules, then exemptions, each in declaration order. */
  readonly clauses: readonly ClauseTrace[];
}

/**
 * One problem with an input, located by its JSON path (`author.followers`; `(input)` for the whole).
 * @public
 */
export interface InputProblem {
  readonly path: string;
  readonly message: string;
}

/** @public */
export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly InputProblem[] };

export type DecideResult =
  | { readonly ok: true; readonly decision: Decision | OutcomesDecision }
  | { readonly ok: false; readonly errors: readonly InputProblem[] };
