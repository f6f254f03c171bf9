import type { CheckedClause } from '../checker/program.js';
import type { Cube, FiniteModel } from '../logic/index.js';
import type { AnyDecision, Basis } from '../semantics/decision.js';
import type { InexactReason } from './diff-atoms.js';
import type { InputProblem } from '../semantics/validate.js';
import type { RegionGroup } from './diff-group.js';
import type { TypeChange } from './diff-input.js';

/** The data of a semantic diff (diff.ts computes it, diff-report.ts renders it). */

/** The part of a decision the diff compares and reports (version and `because` follow from them). */
export interface DiffOutcome {
  readonly action: string;
  /** ISO 8601 (`P1W`), on an action that carries a duration only. */
  readonly duration?: string;
  readonly basis: Basis;
  readonly clause: string | null;
  readonly exemption: string | null;
}

/**
 * What one side does with an input, in the outcome compared: a decision (its outcome),
 * `rejected` (the input type of the version in force does not accept it), `absent` (the version
 * in force decides no outcome by that name) or null (no version is in force on its date).
 */
export type Verdict = DiffOutcome | 'rejected' | 'absent' | null;

/** One side of a transition: a verdict, or `decided` (whatever the decision) opposite `rejected`. */
export type Side = Verdict | 'decided';

export interface Constraint {
  /** The field (`author.role`, `categories`, `date`), or the atom for a two-field comparison. */
  readonly field: string;
  /** `author.role in {world_leader, candidate}`. */
  readonly text: string;
}

export interface Region {
  /** The outcome whose decision changes (`account`); absent when both sides are Bylaw 1 (one outcome, `action`). */
  readonly outcome?: string;
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
   * exemption too; otherwise those are null). null: no version in force on that side;
   * `rejected` / `decided`: the input type of one side does not accept the region's inputs.
   */
  readonly before: Side;
  readonly after: Side;
  /** Every verdict (action, basis, clause, exemption) some input of the region gets, per side. */
  readonly outcomesBefore: readonly Verdict[];
  readonly outcomesAfter: readonly Verdict[];
  /** A valid input in the region (for the new side's input type). */
  readonly example: Record<string, unknown>;
  /** Present when the old side declares a different input type: the example for it. */
  readonly exampleBefore?: Record<string, unknown>;
  /** The interpreter's decisions on the example (null: no version in force, or rejected). */
  readonly beforeDecision: AnyDecision | null;
  readonly afterDecision: AnyDecision | null;
  /** Present when a side rejects the example: why (its validation problems). */
  readonly rejectedBefore?: readonly InputProblem[];
  readonly rejectedAfter?: readonly InputProblem[];
  /** The interpreter's decisions on the example are the region's transition. */
  readonly verified: boolean;
  /**
   * Present when no input in the region could be built: the constraints the example misses (a
   * count or quantifier no list of elements realises, say). The region may then be empty: the
   * model treats those atoms as free (see SemanticDiff.inexact).
   */
  readonly unrealised?: readonly string[];
  /** Which edits make the change, with the points of the region each explains (diff-cause.ts). */
  readonly causes: readonly Cause[];
}

/** One edit between the two sides, as attribution sees it (diff-cause.ts). */
export interface Edit {
  /** 1, 2, …: the order edits are listed in. */
  readonly id: number;
  readonly kind: 'clause' | 'use' | 'context' | 'default' | 'input' | 'order' | 'scale' | 'version';
  /** One line: `context \`eligible_for_notice\`: \`author.followers > 100_000\` → \`author.followers > 50_000\``. */
  readonly text: string;
  /** The versions (of the new side, or of the old where the new has none) it applies to. */
  readonly versions: readonly string[];
  /** Changed points it is a cause of (alone or together); 0: it changes no decision. */
  readonly points: bigint;
}

export interface Cause {
  /** Edit ids. */
  readonly edits: readonly number[];
  /**
   * false: each edit listed makes this change on its own. true: no edit does alone; these are
   * the edits it needs (without any one of them the change does not happen).
   */
  readonly together: boolean;
  /** Points of the region this cause explains (a region's causes add up to its points). */
  readonly points: bigint;
}

/** A change of the input type where no input is accepted by both sides, with one example each way. */
export interface ShapeExamples {
  /** Decided by the old side, rejected by the new one (null: no such input in the compared dates). */
  readonly nowRejected: Record<string, unknown> | null;
  readonly nowAccepted: Record<string, unknown> | null;
}

export interface InputTypeChange extends TypeChange {
  /** The dates it applies to (`date >= 2019-10-15`), or null for every input. */
  readonly dates: string | null;
  /** For shape changes: inputs one side accepts and the other rejects (both checked). */
  readonly examples?: ShapeExamples;
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
  /** As Region.outcome. */
  readonly outcome?: string;
  readonly before: Side;
  readonly after: Side;
  readonly regions: number;
  readonly points: bigint;
}

export interface SemanticDiff {
  readonly regions: readonly Region[];
  readonly transitions: readonly Transition[];
  readonly textual: TextualChanges;
  /** Changes of the input type (what inputs are accepted), field by field. */
  readonly inputTypes: readonly InputTypeChange[];
  /** Whether a side picks its version by date (edits then name the versions they apply to). */
  readonly dated: boolean;
  /** The regions grouped for reading (diff-group.ts): by kind of change, cause and transition. */
  readonly groups: readonly RegionGroup[];
  /** The edits regions are attributed to (empty when attribution was skipped: see `attribution`). */
  readonly edits: readonly Edit[];
  /** null when every region has its causes; otherwise why attribution was skipped. */
  readonly attribution: string | null;
  /** Points of the whole cut model, and those whose decision changes. */
  readonly totalPoints: bigint;
  readonly changedPoints: bigint;
  /** False when some atom is not tracked exactly (see `inexact`): regions may then over-approximate, never miss a change. */
  readonly exact: boolean;
  /** Why the diff is not exact, one reason per atom (empty when exact). */
  readonly inexact: readonly InexactReason[];
  /** The outcomes compared, by name (both sides' declared outcomes); null when both sides are Bylaw 1. */
  readonly outcomes: readonly string[] | null;
  /** The cut model both sides were compared on. */
  readonly model: FiniteModel;
  /** Sizes, for the scaling notes in docs/reviewing.md. */
  readonly stats: { readonly nodes: number; readonly paths: number };
}

export interface DiffOptions {
  /** Also report inputs whose action and basis stay but whose deciding clause or exemption changes. */
  readonly clauses?: boolean;
  /** Upper bound on diagram nodes (default 4,000,000; attribution stops there, the diff does not) and on paths enumerated (default 200,000). */
  readonly maxNodes?: number;
  readonly maxPaths?: number;
  /** Attribute regions to edits (default true; skipped past `maxEdits`, default 48). */
  readonly attribute?: boolean;
  readonly maxEdits?: number;
}
