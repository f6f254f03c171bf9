/** Messages between the page and its worker (worker.ts). Plain data: they cross by structured clone. */
import type { AnyDecision, Basis, ClauseTrace, Notice, RecordType, Statement } from '../../src/browser.js';

/** Files of the in-memory tree, by path from its root: `twitter/rules.policy`, `stdlib/moderation.policy`. */
export type Files = readonly (readonly [path: string, text: string])[];

export interface DiagnosticView {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly help: string | null;
  readonly notes: readonly string[];
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly from: number;
  readonly to: number;
}

export interface VersionView {
  readonly version: string;
  readonly effective: string | null;
  readonly file: string;
}

export interface CheckReply {
  readonly diagnostics: readonly DiagnosticView[];
  /** False when an error stops deciding. */
  readonly ok: boolean;
  readonly versions: readonly VersionView[];
  /** The latest version's input type (every version of a set declares the same one), when ok. */
  readonly inputType: RecordType | null;
  readonly inputName: string | null;
}

/** One outcome's part of a decision (a Bylaw 1 version has one, named `action`). */
export interface OutcomeView {
  readonly name: string;
  readonly action: string;
  /** On a timed action: as the decision writes it (`P1D`) and in words (`1 day`). */
  readonly duration: { readonly iso: string; readonly words: string } | null;
  readonly basis: Basis;
  readonly clause: string | null;
  readonly exemption: string | null;
  readonly because: readonly string[];
}

export interface DecisionView {
  /** The decision as `bylaw decide --format json` prints it. */
  readonly decision: AnyDecision;
  /** True when the version declares outcomes (Bylaw 2): one part per outcome, by name. */
  readonly declared: boolean;
  readonly outcomes: readonly OutcomeView[];
  readonly version: { readonly version: string; readonly effective: string | null; readonly file: string };
  readonly clauses: readonly ClauseTrace[];
  /** The CLI's `decide --explain` text, for copying. */
  readonly text: string;
  readonly statement: StatementView;
}

/**
 * The statement of reasons for the decision (`bylaw decide --statement-of-reasons`) and the
 * person's notice, from the set's `statement` declarations and deployment: null when nothing is
 * restricted; or why there is none.
 */
export type StatementView =
  | { readonly ok: true; readonly statement: Statement | null; readonly notice: Notice | null }
  | { readonly ok: false; readonly message: string; readonly help: string };

export type DecideReply = { readonly ok: true; readonly result: DecisionView } | { readonly ok: false; readonly problems: readonly string[] };

export interface DiffSide {
  /** A folder (a policy set, dated) or a file (one undated version), as `bylaw diff` takes them. */
  readonly root: string;
  readonly files: Files;
}

export type Request =
  | { readonly kind: 'check'; readonly root: string; readonly files: Files }
  /** `deployment`: the set's deployment.json, for the statement of reasons (null: none). */
  | { readonly kind: 'decide'; readonly input: unknown; readonly deployment: unknown }
  | { readonly kind: 'compile' }
  | { readonly kind: 'diff'; readonly before: DiffSide; readonly after: DiffSide }
  | { readonly kind: 'format'; readonly path: string; readonly text: string };

export interface Replies {
  readonly check: CheckReply;
  readonly decide: DecideReply;
  readonly compile: { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };
  readonly diff: { readonly ok: true; readonly markdown: string; readonly regions: number } | { readonly ok: false; readonly message: string };
  readonly format: { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };
}

export type Envelope = { readonly id: number; readonly request: Request };
export type ReplyEnvelope = { readonly id: number; readonly reply: Replies[Request['kind']] } | { readonly id: number; readonly crash: string };
