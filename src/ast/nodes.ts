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

export type TypeRef = NamedType | SetType | BoundedIntType;

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

/** `x in {a, b}` / `x not in {a, b}` */
export interface InExpr extends NodeBase {
  readonly kind: 'In';
  readonly negated: boolean;
  readonly element: Expr;
  readonly set: SetLiteral;
}

/** `post.categories has violent_threat` */
export interface HasExpr extends NodeBase {
  readonly kind: 'Has';
  readonly set: Expr;
  readonly member: Expr;
}

/** Parentheses are kept so that the formatter prints the author's grouping. */
export interface ParenExpr extends NodeBase {
  readonly kind: 'Paren';
  readonly inner: Expr;
}

export type Literal = IntLiteral | StringLiteral | DateLiteral | BoolLiteral;
export type Expr = Literal | PathExpr | SetLiteral | LogicalExpr | NotExpr | CompareExpr | InExpr | HasExpr | ParenExpr;

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
}
export interface RecordDecl extends NodeBase {
  readonly kind: 'Record';
  readonly name: Identifier;
  readonly fields: readonly FieldDecl[];
}
/** `scale Action { allow < notice < remove }` — least severe first. */
export interface ScaleDecl extends NodeBase {
  readonly kind: 'Scale';
  readonly name: Identifier;
  readonly members: readonly Identifier[];
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
  readonly action: Identifier;
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
}
export interface DefaultDecl extends NodeBase {
  readonly kind: 'Default';
  readonly action: Identifier;
}

export type HeaderItem = PolicyHeader | VersionHeader | EffectiveHeader | SourceHeader;
export type Declaration =
  | UseDecl
  | InputDecl
  | EnumDecl
  | RecordDecl
  | ScaleDecl
  | ContextDecl
  | RedlineDecl
  | RuleDecl
  | ExemptionDecl
  | DefaultDecl;
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

export type Node = PolicyFile | Item | Expr | TypeRef | FieldDecl | Identifier | QualifiedName;
