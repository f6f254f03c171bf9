import type { CheckedClause } from '../checker/program.js';
import type { Cube, FiniteModel } from '../checker/finite-model.js';
import type { Basis, Decision } from '../semantics/decision.js';

/** The data of a semantic diff (diff.ts computes it, diff-report.ts renders it). */

/** The part of a decision the diff compares and reports (version and `because` follow from them). */
export interface Outcome {
  readonly action: string;
  readonly basis: Basis;
  readonly clause: string | null;
  readonly exemption: string | null;
}

export interface Constraint {
  /** The field (`author.role`, `categories`, `date`), or the atom for a two-field comparison. */
  readonly field: string;
  /** `author.role in {world_leader, candidate}`. */
  readonly text: string;
}

export interface Region {
  /** The constraints, in model order; none means "every input". */
  readonly constraints: readonly Constraint[];
  /** The constraints joined with `and` (or `every input`). */
  readonly text: string;
  /** Points of the cut model in the region (regions of one transition may overlap). */
  readonly points: bigint;
  /** The region as a cube of the model: allowed classes per variable (see SemanticDiff.model). */
  readonly cube: Cube;
  /**
   * The transition: action and basis before and after (with `clauses`, the deciding clause and
   * exemption too; otherwise those are null). null: no version in force on that side.
   */
  readonly before: Outcome | null;
  readonly after: Outcome | null;
  /** Every decision (action, basis, clause, exemption) some input of the region gets, per side. */
  readonly outcomesBefore: readonly (Outcome | null)[];
  readonly outcomesAfter: readonly (Outcome | null)[];
  /** A valid input in the region (for the new side's input type). */
  readonly example: Record<string, unknown>;
  /** Present when the old side declares a different input type: the example for it. */
  readonly exampleBefore?: Record<string, unknown>;
  /** The interpreter's decisions on the example (null: no version in force). */
  readonly beforeDecision: Decision | null;
  readonly afterDecision: Decision | null;
  /** The interpreter's decisions on the example are the region's transition. */
  readonly verified: boolean;
}

export interface ClauseRef {
  readonly name: string;
  readonly kind: CheckedClause['kind'];
}
export interface ClauseChange extends ClauseRef {
  /** What differs: `kind`, `when`, `unless`, `action`, `because`, `from`. */
  readonly what: readonly string[];
}

export interface TextualChanges {
  readonly clauses: { readonly added: ClauseRef[]; readonly removed: ClauseRef[]; readonly changed: ClauseChange[] };
  readonly contexts: { readonly added: string[]; readonly removed: string[]; readonly changed: string[] };
  /** `version (effective date)` of versions only one side has (dated sides only). */
  readonly versions: { readonly added: string[]; readonly removed: string[] };
  readonly defaultAction: { readonly before: string; readonly after: string } | null;
}

export interface Transition {
  readonly before: Outcome | null;
  readonly after: Outcome | null;
  readonly regions: number;
  readonly points: bigint;
}

export interface SemanticDiff {
  readonly regions: readonly Region[];
  readonly transitions: readonly Transition[];
  readonly textual: TextualChanges;
  /** Points of the whole cut model, and those whose decision changes. */
  readonly totalPoints: bigint;
  readonly changedPoints: bigint;
  /** False when a condition compares two fields (treated as independent atoms). */
  readonly exact: boolean;
  /** The cut model both sides were compared on. */
  readonly model: FiniteModel;
  /** Sizes, for the scaling notes in docs/reviewing.md. */
  readonly stats: { readonly nodes: number; readonly paths: number };
}

export interface DiffOptions {
  /** Also report inputs whose action and basis stay but whose deciding clause or exemption changes. */
  readonly clauses?: boolean;
  /** Upper bound on diagram nodes (default 2,000,000) and on paths enumerated (default 200,000). */
  readonly maxNodes?: number;
  readonly maxPaths?: number;
}
