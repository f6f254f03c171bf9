import type { Span } from '../diagnostics/span.js';

/**
 * The checked program: what the checker hands to the interpreter, the compiler and the analyses.
 * Every name is resolved, every expression typed; nothing here can fail at run time except
 * input validation and date dispatch.
 */

export interface EnumType {
  readonly kind: 'enum';
  readonly name: string;
  /** In declaration order. */
  readonly members: readonly string[];
  readonly span: Span;
}

export interface RecordField {
  readonly name: string;
  readonly type: Type;
  readonly span: Span;
}

export interface RecordType {
  readonly kind: 'record';
  readonly name: string;
  /** In declaration order. */
  readonly fields: readonly RecordField[];
  readonly span: Span;
}

export type Type =
  | { readonly kind: 'bool' }
  | { readonly kind: 'string' }
  | { readonly kind: 'date' }
  | { readonly kind: 'int'; readonly min: number | null; readonly max: number | null }
  | { readonly kind: 'set'; readonly element: EnumType }
  | EnumType
  | RecordType;

/** A literal value: booleans, ints, strings, dates (ISO `YYYY-MM-DD` strings) and enum members (their names). */
export type Value = boolean | number | string;

/** An operand of a comparison: a field of the input or a literal. */
export type Operand =
  | { readonly kind: 'field'; readonly path: readonly string[]; readonly type: Type; readonly span: Span }
  | { readonly kind: 'literal'; readonly value: Value; readonly type: Type; readonly span: Span };

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * Typed condition. `field` paths start below the input root (`post.author.role` → ["author", "role"]).
 * Dates compare as ISO strings (the format is fixed, so string order is date order).
 */
export type Condition =
  | { readonly kind: 'const'; readonly value: boolean; readonly span: Span }
  /** A bool field used as a condition. */
  | { readonly kind: 'field'; readonly path: readonly string[]; readonly span: Span }
  | { readonly kind: 'context'; readonly name: string; readonly span: Span }
  | { readonly kind: 'not'; readonly operand: Condition; readonly span: Span }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly Condition[]; readonly span: Span }
  | {
      readonly kind: 'compare';
      readonly op: CompareOp;
      readonly left: Operand;
      readonly right: Operand;
      readonly span: Span;
    }
  /** `x in {a, b}` (or `not in` when negated); `values` are literal values of the operand's type. */
  | {
      readonly kind: 'in';
      readonly operand: Operand;
      readonly values: readonly Value[];
      readonly negated: boolean;
      readonly span: Span;
    }
  /** `set has member`. */
  | {
      readonly kind: 'has';
      readonly path: readonly string[];
      readonly member: string;
      readonly element: EnumType;
      readonly span: Span;
    };

/** The units a duration may be written in (LANGUAGE-2 §2). */
export type DurationUnit = 'hour' | 'day' | 'week' | 'month' | 'year';

/** `3 days`: a positive count of a unit, kept as written (its JSON form keeps the unit). */
export interface Duration {
  readonly count: number;
  readonly unit: DurationUnit;
}

/** An ordered scale of actions, least severe first. */
export interface Scale {
  readonly name: string;
  readonly members: readonly string[];
  /** The members declared `member(duration)`: each use of them names a duration. */
  readonly timed: readonly string[];
}

/** One outcome a version decides (`outcome account: Account`); a Bylaw 1 version has one, `action`. */
export interface OutcomeDecl {
  readonly name: string;
  readonly scale: Scale;
}

/** An action a clause (or the default) names in one outcome. */
export interface ActionRef {
  /** Index into `Program.outcomes`. */
  readonly outcome: number;
  readonly member: string;
  /** Index of `member` on the outcome's scale: 0 is the least severe. */
  readonly rank: number;
  /** Present exactly when the member is declared with `(duration)`. */
  readonly duration: Duration | null;
}

export interface CheckedContext {
  readonly name: string;
  readonly body: Condition;
  readonly span: Span;
  /** The source text of the body, for explanations. */
  readonly text: string;
}

export type ClauseKind = 'redline' | 'rule' | 'exemption';

export interface CheckedClause {
  readonly kind: ClauseKind;
  readonly name: string;
  readonly when: Condition;
  readonly unless: Condition | null;
  readonly action: string;
  /** Index of `action` on the scale: 0 is the least severe. */
  readonly severity: number;
  /** The actions it names, one per outcome it takes part in, in outcome order. */
  readonly actions: readonly ActionRef[];
  readonly because: string | null;
  /** The whole clause. */
  readonly span: Span;
  readonly nameSpan: Span;
}

export interface CheckedExemption extends CheckedClause {
  readonly kind: 'exemption';
  /** Names of the rules it exempts, in the author's order. */
  readonly from: readonly string[];
}

/** One version of a policy (or a lone policy file): everything it sees, resolved. */
export interface Program {
  /** `policy` header name, or the file's base name. */
  readonly name: string;
  /** `version` header, or the effective date, or the file's base name. */
  readonly version: string;
  /** ISO date, or null for a file without `effective`. */
  readonly effective: string | null;
  readonly source: string | null;
  /** The file that declares this version. */
  readonly file: string;
  readonly inputName: string;
  readonly inputType: RecordType;
  /** Every declared type by name (enums and records). */
  readonly types: ReadonlyMap<string, EnumType | RecordType>;
  readonly scale: { readonly name: string; readonly members: readonly string[] };
  /** The outcomes decided, in declaration order; a Bylaw 1 version has one, `action`, on `scale`. */
  readonly outcomes: readonly OutcomeDecl[];
  /** True when the version declares its outcomes (its Decision has `outcomes`); false: Bylaw 1. */
  readonly declaredOutcomes: boolean;
  /** In dependency order: a context comes after every context it refers to. */
  readonly contexts: readonly CheckedContext[];
  /** Declaration order (modules first, in `use` order, then the file's own). */
  readonly redlines: readonly CheckedClause[];
  readonly rules: readonly CheckedClause[];
  readonly exemptions: readonly CheckedExemption[];
  readonly defaultAction: { readonly action: string; readonly severity: number; readonly span: Span };
  /** The default action of each outcome, in outcome order. */
  readonly defaults: readonly ActionRef[];
}

/** A policy set: its versions sorted by effective date (a lone file is a set of one undated version). */
export interface PolicySet {
  readonly name: string;
  /** The folder or file it was loaded from, as given. */
  readonly root: string;
  readonly versions: readonly Program[];
  /** The input field that picks the version (`date`), or null for a single undated version. */
  readonly dateField: string | null;
  /** Source text of every file the set was built from, for code frames and explanations. */
  readonly sources: ReadonlyMap<string, string>;
}
