import type { Span } from '../diagnostics/span.js';
import type { ExportMapping } from '../statements/mapping.js';

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
  /** `field: T?`: may be absent or null; read only under an `exists` guard (Bylaw 2). */
  readonly optional: boolean;
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
  /** `list<T>` of records, enums, ints or dates (Bylaw 2). */
  | { readonly kind: 'list'; readonly element: Type }
  | EnumType
  | RecordType;

/** A literal value: booleans, ints, strings, dates (ISO `YYYY-MM-DD` strings) and enum members (their names). */
export type Value = boolean | number | string;

/**
 * Where a field is read from: `null` for the input, or the id of the quantifier whose element it
 * is (`s.date` in `count(s in post.strikes where s.date > …)`).
 */
export type Root = number | null;

/** A field read: `path` goes below the root (`post.author.role` → ["author", "role"]; a scalar element: []). */
export interface FieldOperand {
  readonly kind: 'field';
  readonly root: Root;
  readonly path: readonly string[];
  readonly type: Type;
  readonly span: Span;
}

/** A value: a field, a literal, a date moved by a duration, a count, or a value context. */
export type Operand =
  | FieldOperand
  | { readonly kind: 'literal'; readonly value: Value; readonly type: Type; readonly span: Span }
  /** `post.date - 90 days`: `amount` is signed (−90), in `unit`s; months and years are calendar steps. */
  | {
      readonly kind: 'shift';
      readonly base: Operand;
      readonly amount: number;
      readonly unit: 'day' | 'week' | 'month' | 'year';
      readonly type: Type;
      readonly span: Span;
    }
  /** `count(s in post.strikes where …)`: an int, at least 0. */
  | { readonly kind: 'count'; readonly quantifier: Quantifier; readonly type: Type; readonly span: Span }
  /** A context whose body is a value (an int or a date), by name. */
  | { readonly kind: 'value'; readonly name: string; readonly type: Type; readonly span: Span };

/**
 * `count` / `any` / `all` over a list or set: `element` is bound to each element in turn (its
 * reads have `root` = `id`), and `where` (absent: always true) is tested on it.
 */
export interface Quantifier {
  /** Unique within the program. */
  readonly id: number;
  /** The bound name as written. */
  readonly name: string;
  readonly collection: FieldOperand;
  readonly element: Type;
  readonly where: Condition | null;
  readonly span: Span;
}

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * Typed condition. `field` paths start below the input root (`post.author.role` → ["author", "role"]).
 * Dates compare as ISO strings (the format is fixed, so string order is date order).
 */
export type Condition =
  | { readonly kind: 'const'; readonly value: boolean; readonly span: Span }
  /** A bool field used as a condition. */
  | { readonly kind: 'field'; readonly root: Root; readonly path: readonly string[]; readonly span: Span }
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
  /** `set has member` (`has any {…}` and `has all {…}` are `or` / `and` of these). */
  | {
      readonly kind: 'has';
      readonly root: Root;
      readonly path: readonly string[];
      readonly member: string;
      readonly element: EnumType;
      readonly span: Span;
    }
  /** `set has x` where `x` is a value read from an element (`post.policies has w.policy`). */
  | { readonly kind: 'contains'; readonly set: FieldOperand; readonly value: Operand; readonly span: Span }
  /** `x exists`: an optional field is present and not null. */
  | { readonly kind: 'exists'; readonly field: FieldOperand; readonly span: Span }
  /** `any(…)` / `all(…)`: `where` holds for some / every element (`all` of nothing holds). */
  | { readonly kind: 'any' | 'all'; readonly quantifier: Quantifier; readonly span: Span };

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
export interface CheckedOutcome {
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

/** A context whose body is a value, not a condition: `context active = count(…)` (an int or a date). */
export interface CheckedValue {
  readonly name: string;
  readonly value: Operand;
  readonly type: Type;
  readonly span: Span;
  readonly text: string;
}

export type ClauseKind = 'redline' | 'rule' | 'exemption';

export interface CheckedClause {
  readonly kind: ClauseKind;
  readonly name: string;
  readonly when: Condition;
  readonly unless: Condition | null;
  /** Its actions as written (`remove, restrict for 3 days`), for messages and traces. */
  readonly action: string;
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
  /** The scale of the first outcome (of the only one, in Bylaw 1). */
  readonly scale: Scale;
  /** The outcomes decided, in declaration order; a Bylaw 1 version has one, `action`, on `scale`. */
  readonly outcomes: readonly CheckedOutcome[];
  /** True when the version declares its outcomes (its Decision has `outcomes`); false: Bylaw 1. */
  readonly declaredOutcomes: boolean;
  /** In dependency order: a context comes after every context it refers to. */
  readonly contexts: readonly CheckedContext[];
  /** Value contexts, in dependency order among themselves (conditions and values may refer to each other). */
  readonly values: readonly CheckedValue[];
  /** Declaration order (modules first, in `use` order, then the file's own). */
  readonly redlines: readonly CheckedClause[];
  readonly rules: readonly CheckedClause[];
  readonly exemptions: readonly CheckedExemption[];
  /** The `default` declaration: its actions as written, and where (the version's first item when omitted). */
  readonly defaultAction: { readonly action: string; readonly span: Span };
  /** The default action of each outcome, in outcome order. */
  readonly defaults: readonly ActionRef[];
  /** What its decisions become in statements of reasons (`statement` declarations), when it has any. */
  readonly exportMapping?: ExportMapping;
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
