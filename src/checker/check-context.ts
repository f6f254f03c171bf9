import type * as A from '../ast/nodes.js';
import { DiagnosticBag } from '../diagnostics/codes.js';
import { fileSpan, type Span } from '../diagnostics/span.js';
import type { Unit } from '../modules/load.js';
import type { VersionPlan } from '../semantics/plan.js';
import type { ContextChecker } from './context-checker.js';
import type { ExpressionEnv } from './expressions.js';
import type { ActionResolver, Outcomes } from './outcomes.js';
import type { ActionRef, CheckedClause, CheckedContext, CheckedExemption, CheckedValue, Condition, EnumType, Program, RecordType } from './program.js';
import type { RecordReference, Reference } from './references.js';
import type { Scope } from './scope.js';

/**
 * What the checker's passes (passes.ts) share while checking one version: the unit, the one
 * diagnostic bag, and what each pass found for the passes after it. A field is null until the
 * pass that fills it has run; `need` reads it, and a pass listed before the one it needs is a bug
 * of the pass list, not of the policy.
 */
export class CheckContext {
  readonly bag = new DiagnosticBag();
  readonly files: readonly A.PolicyFile[];

  scope: Scope | null = null;
  types: Map<string, EnumType | RecordType> | null = null;
  /** The unit declares only types and maybe a scale: a module to `use`, not a policy. */
  library = false;
  outcomes: Outcomes | null = null;
  input: A.InputDecl | null = null;
  inputType: RecordType | null = null;
  contexts: ContextChecker | null = null;
  env: ExpressionEnv | null = null;
  ordered: { contexts: CheckedContext[]; values: CheckedValue[] } | null = null;
  actions: ActionResolver | null = null;
  readonly redlines: CheckedClause[] = [];
  readonly rules: CheckedClause[] = [];
  readonly exemptions: CheckedExemption[] = [];
  /** Each checked exemption with its declaration, for the checks of what it names. */
  readonly exemptionDecls: [A.ExemptionDecl, CheckedExemption][] = [];
  defaultDecl: A.DefaultDecl | null = null;
  defaults: ActionRef[] | null = null;
  program: Program | null = null;
  /** The body of each context by name: what the reachability passes substitute. */
  bodies: Map<string, Condition> | null = null;
  /** The version's decision plan, for the reachability passes. */
  plan: VersionPlan | null = null;
  /** Set by a pass after which no other runs (a library; errors before the program exists). */
  stopped = false;
  /** The names resolved so far and what each refers to (references.ts). */
  readonly references: Reference[] = [];
  readonly resolved: RecordReference = (span, kind, target) => {
    this.references.push({ span, kind, target });
  };
  /** Quantifier ids handed out so far (unique within the program). */
  quantifiers = 0;

  constructor(readonly unit: Unit) {
    this.files = unit.files.map((f) => f.ast);
  }

  /** The context declarations of the unit. */
  contextDecls(): A.ContextDecl[] {
    return need(this.scope, 'scope').byKind('context').map((s) => s.decl);
  }

  /** Red lines, rules and exemptions, in that order. */
  clauses() {
    const scope = need(this.scope, 'scope');
    return [...scope.byKind('redline'), ...scope.byKind('rule'), ...scope.byKind('exemption')];
  }

  /** At most one declaration of a kind (several are reported); none is null. */
  atMostOne<T extends { span: Span }>(what: string, decls: readonly T[]): T | null {
    return decls.length === 0 ? null : this.single(what, decls, '');
  }

  /** Exactly one declaration of a kind: missing or repeated ones are reported. */
  single<T extends { span: Span }>(what: string, decls: readonly T[], example: string): T | null {
    if (decls.length === 0) {
      this.bag.emit('BL211', this.unitSpan(), { what, example });
      return null;
    }
    for (const extra of decls.slice(1)) {
      this.bag.emit('BL212', extra.span, { what, first: decls[0]!.span });
    }
    return decls[0]!;
  }

  unitSpan(): Span {
    const first = this.unit.root.ast.items[0];
    return first ? first.span : fileSpan(this.unit.root.path);
  }

  text(span: Span): string {
    const file = this.unit.files.find((f) => f.path === span.file);
    return file ? file.text.slice(span.start.offset, span.end.offset) : '';
  }
}

/** `value`, filled by the pass `pass`; a pass that reads it before is listed out of order. */
export function need<T>(value: T | null, pass: string): T {
  if (value === null) throw new Error(`checker pass order: \`${pass}\` has not run`);
  return value;
}
