import type { Span } from '../diagnostics/span.js';

/** Every node carries the span of the source text it came from. */
interface NodeBase {
  readonly span: Span;
}

export interface Identifier extends NodeBase {
  readonly kind: 'Identifier';
  readonly name: string;
}

/** `twitter.world_leaders` */
export interface QualifiedName extends NodeBase {
  readonly kind: 'QualifiedName';
  readonly parts: readonly Identifier[];
}

// ---------------------------------------------------------------- types

export interface NamedType extends NodeBase {
  readonly kind: 'NamedType';
  readonly name: Identifier;
}

/** `set<Category>` */
export interface SetType extends NodeBase {
  readonly kind: 'SetType';
  readonly keyword: Identifier;
  readonly element: TypeRef;
}

/** `int(0..)`, `int(..10)`, `int(1..5)` */
export interface BoundedIntType extends NodeBase {
  readonly kind: 'BoundedIntType';
  readonly keyword: Identifier;
  readonly min: IntLiteral | null;
  readonly max: IntLiteral | null;
}

/** `list<Strike>`: a list of records, enums, ints or dates (Bylaw 2). */
export interface ListType extends NodeBase {
  readonly kind: 'ListType';
  readonly keyword: Identifier;
  readonly element: TypeRef;
}

export type TypeRef = NamedType | SetType | BoundedIntType | ListType;

// ---------------------------------------------------------------- expressions

export interface IntLiteral extends NodeBase {
  readonly kind: 'IntLiteral';
  readonly value: number;
  /** As written, `100_000`: the formatter keeps the author's grouping. */
  readonly raw: string;
}

export interface StringLiteral extends NodeBase {
  readonly kind: 'StringLiteral';
  readonly value: string;
  readonly raw: string;
}

export interface DateLiteral extends NodeBase {
  readonly kind: 'DateLiteral';
  /** ISO `YYYY-MM-DD`, validated by the parser. */
  readonly value: string;
}

export interface BoolLiteral extends NodeBase {
  readonly kind: 'BoolLiteral';
  readonly value: boolean;
}

/** A name or a field access: `political_speech`, `post.author.role`, `world_leader`. */
export interface PathExpr extends NodeBase {
  readonly kind: 'Path';
  readonly segments: readonly Identifier[];
}

export interface SetLiteral extends NodeBase {
  readonly kind: 'SetLiteral';
  readonly elements: readonly Expr[];
}

/** `a and b and c` — flattened, in source order. */
export interface LogicalExpr extends NodeBase {
  readonly kind: 'Logical';
  readonly op: 'and' | 'or';
  readonly operands: readonly Expr[];
}

export interface NotExpr extends NodeBase {
  readonly kind: 'Not';
  readonly operand: Expr;
}

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export interface CompareExpr extends NodeBase {
  readonly kind: 'Compare';
  readonly op: CompareOp;
  readonly left: Expr;
  readonly right: Expr;
}

/** `3 days`, `1 week`: a positive count and a unit as written (`hour(s)` … `year(s)`). */
export interface DurationLiteral extends NodeBase {
  readonly kind: 'Duration';
  readonly count: IntLiteral;
  /** As written: `day`, `days`, `week` … (the checker checks it is a unit). */
  readonly unit: Identifier;
}

/** `post.date - 90 days`: a date moved by a duration (Bylaw 2). */
export interface ShiftExpr extends NodeBase {
  readonly kind: 'Shift';
  readonly base: Expr;
  readonly op: '+' | '-';
  readonly duration: DurationLiteral;
}

/** `x exists`: an optional value is present and not null (Bylaw 2). */
export interface ExistsExpr extends NodeBase {
  readonly kind: 'Exists';
  readonly operand: Expr;
}

/** `count(s in post.strikes where …)`, `any(…)`, `all(…)` (Bylaw 2). */
export interface QuantifierExpr extends NodeBase {
  readonly kind: 'Quantifier';
  readonly quantifier: 'count' | 'any' | 'all';
  /** The name as written (for the formatter and messages). */
  readonly keyword: Identifier;
  readonly binder: Identifier;
  readonly collection: Expr;
  /** Absent: every element (`count(p in post.policies)`). */
  readonly where: Expr | null;
}

/** `x in {a, b}` / `x not in {a, b}` */
export interface InExpr extends NodeBase {
  readonly kind: 'In';
  readonly negated: boolean;
  readonly element: Expr;
  readonly set: SetLiteral;
}

/** `post.categories has violent_threat`; `has any {a, b}` / `has all {a, b}` (Bylaw 2). */
export interface HasExpr extends NodeBase {
  readonly kind: 'Has';
  readonly set: Expr;
  /** `one`: `has x`; `any` / `all`: `has any {…}` / `has all {…}` with `member` a set literal. */
  readonly mode: 'one' | 'any' | 'all';
  readonly member: Expr;
}

/** Parentheses are kept so that the formatter prints the author's grouping. */
export interface ParenExpr extends NodeBase {
  readonly kind: 'Paren';
  readonly inner: Expr;
}

export type Literal = IntLiteral | StringLiteral | DateLiteral | BoolLiteral;
export type Expr =
  | Literal
  | PathExpr
  | SetLiteral
  | LogicalExpr
  | NotExpr
  | CompareExpr
  | InExpr
  | HasExpr
  | ParenExpr
  | ShiftExpr
  | ExistsExpr
  | QuantifierExpr;

// ---------------------------------------------------------------- declarations

export interface PolicyHeader extends NodeBase {
  readonly kind: 'PolicyHeader';
  readonly name: QualifiedName;
}
export interface VersionHeader extends NodeBase {
  readonly kind: 'VersionHeader';
  readonly value: StringLiteral;
}
export interface EffectiveHeader extends NodeBase {
  readonly kind: 'EffectiveHeader';
  readonly date: DateLiteral;
}
export interface SourceHeader extends NodeBase {
  readonly kind: 'SourceHeader';
  readonly value: StringLiteral;
}
export interface UseDecl extends NodeBase {
  readonly kind: 'Use';
  readonly module: QualifiedName;
  /** `use rules except a, b`: declarations of the module left out (Bylaw 2). */
  readonly except: readonly Identifier[];
}
export interface InputDecl extends NodeBase {
  readonly kind: 'Input';
  readonly name: Identifier;
  readonly type: TypeRef;
}
export interface EnumDecl extends NodeBase {
  readonly kind: 'Enum';
  readonly name: Identifier;
  readonly members: readonly Identifier[];
}
export interface FieldDecl extends NodeBase {
  readonly kind: 'Field';
  readonly name: Identifier;
  readonly type: TypeRef;
  /** `field: T?`: may be absent or null (Bylaw 2). */
  readonly optional: boolean;
}
export interface RecordDecl extends NodeBase {
  readonly kind: 'Record';
  readonly name: Identifier;
  readonly fields: readonly FieldDecl[];
}
/** A scale member; `restrict(duration)` carries a duration in every use (Bylaw 2). */
export interface ScaleMember extends NodeBase {
  readonly kind: 'ScaleMember';
  readonly name: Identifier;
  readonly timed: boolean;
}

/** `scale Action { allow < notice < remove }` — least severe first. */
export interface ScaleDecl extends NodeBase {
  readonly kind: 'Scale';
  readonly name: Identifier;
  readonly members: readonly ScaleMember[];
}

/** `outcome account: Account` (Bylaw 2). */
export interface OutcomeDecl extends NodeBase {
  readonly kind: 'Outcome';
  readonly name: Identifier;
  readonly scale: Identifier;
}

/** An action in `then` or `default`: `remove`, `Content.remove`, `restrict for 3 days`. */
export interface ActionRef extends NodeBase {
  readonly kind: 'Action';
  /** `Content` in `Content.remove`; null when unqualified. */
  readonly scale: Identifier | null;
  readonly member: Identifier;
  readonly duration: DurationLiteral | null;
}
export interface ContextDecl extends NodeBase {
  readonly kind: 'Context';
  readonly name: Identifier;
  readonly body: Expr;
}

/** The parts shared by red lines, rules and exemptions. */
export interface ClauseBody {
  readonly when: Expr;
  readonly unless: Expr | null;
  /** One per outcome it takes part in: `then remove, restrict for 3 days`. */
  readonly actions: readonly ActionRef[];
  readonly because: StringLiteral | null;
}
export interface RedlineDecl extends NodeBase, ClauseBody {
  readonly kind: 'Redline';
  readonly name: Identifier;
}
export interface RuleDecl extends NodeBase, ClauseBody {
  readonly kind: 'Rule';
  readonly name: Identifier;
}
export interface ExemptionDecl extends NodeBase, ClauseBody {
  readonly kind: 'Exemption';
  readonly name: Identifier;
  readonly from: readonly Identifier[];
  /** `from every rule`: every rule of the version (Bylaw 2); `from` is then empty. */
  readonly everyRule: Identifier | null;
}
export interface DefaultDecl extends NodeBase {
  readonly kind: 'Default';
  /** One per outcome, in any order; outcomes left out default to their least severe member. */
  readonly actions: readonly ActionRef[];
}

// ---------------------------------------------------------------- statements of reasons (docs/statements-of-reasons.md)

/**
 * `statement content { remove: DECISION_VISIBILITY_CONTENT_REMOVED, … }`: what each action of an
 * outcome becomes in a statement of reasons for the DSA Transparency Database.
 */
export interface StatementActionsDecl extends NodeBase {
  readonly kind: 'StatementActions';
  readonly outcome: Identifier;
  readonly actions: readonly StatementAction[];
}

/** `lock for 12 hours: KEY permanently and KEY notice "…"`, or `allow: no restriction`. */
export interface StatementAction extends NodeBase {
  readonly kind: 'StatementAction';
  readonly name: Identifier;
  /** A fixed length for an action that carries no duration of its own. */
  readonly duration: DurationLiteral | null;
  /** Empty for `no restriction`. */
  readonly targets: readonly StatementTarget[];
  /** The notice's words after "We". */
  readonly notice: StringLiteral | null;
}

/** `DECISION_VISIBILITY_OTHER "interstitial warning screen" permanently`: a database key, its text, whether it ends. */
export interface StatementTarget extends NodeBase {
  readonly kind: 'StatementTarget';
  readonly key: Identifier;
  readonly other: StringLiteral | null;
  readonly permanently: Identifier | null;
}

/** `statement a, b category KEY keywords KEY, KEY ground terms "…"` (or `statement default …`). */
export interface StatementClausesDecl extends NodeBase {
  readonly kind: 'StatementClauses';
  /** The red lines and rules mapped; empty for `statement default`. */
  readonly clauses: readonly Identifier[];
  /** The `default` keyword of `statement default`, else null. */
  readonly default: Identifier | null;
  readonly category: Identifier;
  readonly keywords: readonly { readonly key: Identifier; readonly other: StringLiteral | null }[];
  readonly ground: StatementGround;
}

/** `ground terms "Hateful Conduct Policy" also illegal`, `ground law "…"`. */
export interface StatementGround extends NodeBase {
  readonly kind: 'StatementGround';
  /** `terms` or `law`, as written (the checker checks it). */
  readonly basis: Identifier;
  readonly reference: StringLiteral;
  /** `also illegal`: true; `not illegal`: false; neither: null. */
  readonly illegal: boolean | null;
}

/** `statement version "2023-08-29" at "https://…"`: where that version of the rules is published. */
export interface StatementVersionDecl extends NodeBase {
  readonly kind: 'StatementVersion';
  readonly version: StringLiteral;
  readonly url: StringLiteral;
}

export type StatementDecl = StatementActionsDecl | StatementClausesDecl | StatementVersionDecl;

export type HeaderItem = PolicyHeader | VersionHeader | EffectiveHeader | SourceHeader;
export type Declaration =
  | UseDecl
  | InputDecl
  | EnumDecl
  | RecordDecl
  | ScaleDecl
  | OutcomeDecl
  | ContextDecl
  | RedlineDecl
  | RuleDecl
  | ExemptionDecl
  | DefaultDecl
  | StatementDecl;
export type Item = HeaderItem | Declaration;
export type ClauseDecl = RedlineDecl | RuleDecl | ExemptionDecl;

/** A comment, kept out of the tree but with its place, for the formatter. */
export interface Comment {
  readonly text: string;
  readonly span: Span;
}

export interface PolicyFile extends NodeBase {
  readonly kind: 'File';
  /** Items in source order: header items and declarations. */
  readonly items: readonly Item[];
  readonly comments: readonly Comment[];
}

export type Node = PolicyFile | Item | Expr | TypeRef | FieldDecl | Identifier | QualifiedName | ScaleMember | ActionRef | DurationLiteral;
