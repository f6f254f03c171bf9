/**
 * The public types of a generated module that carry the policy's own names: `Decision`,
 * `ClauseTrace`, `Explanation`, `DecideResult`. Their general shapes are src/runtime/types.ts
 * (what the interpreter returns); a test holds these assignable to those. The types that carry no
 * policy names (SourceRef, ConditionTrace, InputProblem, Validation, Basis) come from the runtime
 * as they are.
 */

/** Declarations (TypeScript source and .d.ts alike); `action`: the name of the actions type. */
export function policyTypes(action: string): string[] {
  return `export interface Decision {
  readonly action: ${action};
  readonly basis: Basis;
  /** The deciding red line or rule; null for the default. */
  readonly clause: string | null;
  /** The exemption applied to the deciding rule, if any. */
  readonly exemption: string | null;
  /** The version in force (its \`version\` header). */
  readonly version: string;
  /** The \`because\` texts of the deciding clause and of its applied exemption, in that order. */
  readonly because: readonly string[];
}

export interface ClauseTrace {
  readonly kind: "redline" | "rule" | "exemption";
  readonly name: string;
  readonly action: ${action};
  readonly at: SourceRef;
  readonly when: ConditionTrace;
  readonly unless: ConditionTrace | null;
  /** \`when\` holds and \`unless\` does not. */
  readonly holds: boolean;
  /** Red lines and rules: \`holds\`. Exemptions: applied to at least one fired rule. */
  readonly fired: boolean;
  /** Why it did not fire (or did not apply); null when it did. */
  readonly reason: string | null;
  /** Rules: the exemption applied to it (the one it prefers among those that hold), if any. */
  readonly exemptedBy: string | null;
  /** Exemptions: the fired rules it was applied to. */
  readonly appliedTo: readonly string[];
  readonly because: string | null;
}

export interface Explanation {
  readonly decision: Decision;
  readonly version: { readonly version: string; readonly effective: string | null; readonly file: string };
  /** Red lines, then rules, then exemptions, each in declaration order. */
  readonly clauses: readonly ClauseTrace[];
}

export type DecideResult = { readonly ok: true; readonly decision: Decision } | { readonly ok: false; readonly errors: readonly InputProblem[] };`.split('\n');
}
