/** Messages between the page and its worker (worker.ts). Plain data: they cross by structured clone. */
import type { ClauseTrace, Decision, RecordType } from '../../src/browser.js';

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

export interface DecisionView {
  readonly decision: Decision;
  readonly version: { readonly version: string; readonly effective: string | null; readonly file: string };
  readonly clauses: readonly ClauseTrace[];
  /** The CLI's `decide --explain` text, for copying. */
  readonly text: string;
}

export type DecideReply = { readonly ok: true; readonly result: DecisionView } | { readonly ok: false; readonly problems: readonly string[] };

export interface DiffSide {
  /** A folder (a policy set, dated) or a file (one undated version), as `bylaw diff` takes them. */
  readonly root: string;
  readonly files: Files;
}

export type Request =
  | { readonly kind: 'check'; readonly root: string; readonly files: Files }
  | { readonly kind: 'decide'; readonly input: unknown }
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
