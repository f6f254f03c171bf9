import { resolve, sep } from 'node:path';
import type * as A from '../ast/nodes.js';
import type { EnumType, RecordType, Type } from '../checker/program.js';
import { BOOL, DATE, INT, STRING } from '../checker/types.js';
import type { Span } from '../diagnostics/span.js';
import type { UnitView } from './project.js';
import { moduleId, symbolId, type IndexBuilder } from './symbols-index.js';

/** What an expression resolves to before its position is known: a type, or a lone name. */
type Resolved = { readonly type: Type | null } | { readonly bare: A.Identifier };

/** A name a quantifier binds, visible inside its `where`. */
interface Binder {
  readonly name: string;
  readonly id: string;
  readonly type: Type | null;
}

/** Resolves the references of one unit's files through the unit's scope and types, into the index. */
export class UnitResolver {
  private readonly binders: Binder[] = [];

  constructor(
    private readonly index: IndexBuilder,
    private readonly unit: UnitView,
  ) {}

  file(ast: A.PolicyFile): void {
    for (const item of ast.items) this.item(item);
  }

  private item(item: A.Item): void {
    switch (item.kind) {
      case 'Use': {
        const target = this.moduleFile(item.module);
        if (target) {
          this.index.declare({ id: moduleId(target), kind: 'module', name: item.module.parts.map((p) => p.name).join('.'), file: target, span: fileStart(target), decl: null });
          this.index.occur(moduleId(target), item.module.span);
          // `except` names what the module declares and this unit leaves out.
          for (const name of item.except) {
            const left = this.index.declaredIn(target, name.name);
            if (left) this.index.occur(left.id, name.span);
          }
        }
        break;
      }
      case 'Input':
        this.typeRef(item.type);
        break;
      case 'Record':
        for (const f of item.fields) this.typeRef(f.type);
        break;
      case 'Outcome':
        this.symbolRef(item.scale);
        break;
      case 'Context':
        this.condition(item.body);
        break;
      case 'Redline':
      case 'Rule':
      case 'Exemption':
        if (item.kind === 'Exemption') {
          for (const name of item.from) this.symbolRef(name);
        }
        this.condition(item.when);
        if (item.unless) this.condition(item.unless);
        for (const action of item.actions) this.action(action);
        break;
      case 'Default':
        for (const action of item.actions) this.action(action);
        break;
      case 'StatementActions':
        this.statementActions(item);
        break;
      case 'StatementClauses':
        for (const name of item.clauses) this.clauseRef(name);
        break;
      case 'StatementVersion': {
        const version = this.index.versionNamed(item.version.value);
        if (version) this.index.occur(version.id, item.version.span);
        break;
      }
      default:
        break;
    }
  }

  /** The unit file a `use` resolved to: the loader puts it among the unit's files. */
  private moduleFile(name: A.QualifiedName): string | undefined {
    const suffix = `${sep}${name.parts.map((p) => p.name).join(sep)}.policy`;
    return this.unit.files.find((f) => f.endsWith(suffix));
  }

  private symbolRef(name: A.Identifier): void {
    const symbol = this.unit.scope.symbols.get(name.name);
    if (symbol) this.index.occur(symbolId(symbol.kind, symbol.decl.name.span), name.span);
  }

  /** A red line, rule or exemption named in a `statement` (a name of another kind is the checker's to report). */
  private clauseRef(name: A.Identifier): void {
    const symbol = this.unit.scope.symbols.get(name.name);
    if (symbol?.kind === 'redline' || symbol?.kind === 'rule' || symbol?.kind === 'exemption') this.symbolRef(name);
  }

  /**
   * `statement content { remove: …, }`: the outcome (Bylaw 1's implicit `action` has no
   * declaration to point at) and each action, a member of that outcome's scale.
   */
  private statementActions(decl: A.StatementActionsDecl): void {
    const outcome = this.unit.outcomes.find((o) => o.name === decl.outcome.name);
    if (outcome?.decl) this.index.occur(symbolId('outcome', outcome.decl.name.span), decl.outcome.span);
    for (const action of decl.actions) {
      if (action.duration) this.index.duration(action.duration, 'statement');
      const member = outcome?.scale.members.find((m) => m.name.name === action.name.name);
      if (member) this.index.occur(symbolId('action', member.name.span), action.name.span);
    }
  }

  /**
   * An action in `then` or `default`: a member of the one outcome scale that has it (or of the
   * scale it is qualified with). Unknown and ambiguous ones stay unresolved: the checker reports them.
   */
  private action(ref: A.ActionRef): void {
    if (ref.scale) this.symbolRef(ref.scale);
    if (ref.duration) this.index.duration(ref.duration, 'for');
    const qualifier = ref.scale?.name;
    const members = this.unit.outcomes
      .filter((o) => qualifier === undefined || o.scale.name.name === qualifier)
      .flatMap((o) => o.scale.members.filter((m) => m.name.name === ref.member.name));
    if (members.length === 1) this.index.occur(symbolId('action', members[0]!.name.span), ref.member.span, false, ref);
  }

  private typeRef(ref: A.TypeRef): void {
    if (ref.kind === 'SetType' || ref.kind === 'ListType') this.typeRef(ref.element);
    else if (ref.kind === 'NamedType') {
      const symbol = this.unit.scope.symbols.get(ref.name.name);
      if (symbol?.kind === 'enum' || symbol?.kind === 'record') this.symbolRef(ref.name);
    }
  }

  private condition(expr: A.Expr): void {
    this.bind(this.walk(expr), null);
  }

  private walk(expr: A.Expr): Resolved {
    switch (expr.kind) {
      case 'Paren':
        return this.walk(expr.inner);
      case 'BoolLiteral':
        return { type: BOOL };
      case 'IntLiteral':
        return { type: INT };
      case 'StringLiteral':
        return { type: STRING };
      case 'DateLiteral':
        return { type: DATE };
      case 'SetLiteral':
        for (const e of expr.elements) this.bind(this.walk(e), null);
        return { type: null };
      case 'Not':
        this.condition(expr.operand);
        return { type: BOOL };
      case 'Logical':
        for (const o of expr.operands) this.condition(o);
        return { type: BOOL };
      case 'Compare': {
        const left = this.walk(expr.left);
        const right = this.walk(expr.right);
        this.bind(left, typeOf(right));
        this.bind(right, typeOf(left));
        return { type: BOOL };
      }
      case 'In': {
        const element = this.walk(expr.element);
        this.bind(element, null);
        for (const e of expr.set.elements) this.bind(this.walk(e), typeOf(element));
        return { type: BOOL };
      }
      case 'Has': {
        const set = this.walk(expr.set);
        this.bind(set, null);
        const type = typeOf(set);
        const element = type?.kind === 'set' ? type.element : null;
        // `has any {a, b}`: each member of the set literal is a member of the set's enum.
        const members = expr.mode === 'one' ? [expr.member] : expr.member.kind === 'SetLiteral' ? expr.member.elements : [];
        for (const m of members) this.bind(this.walk(m), element);
        return { type: BOOL };
      }
      case 'Exists':
        this.bind(this.walk(expr.operand), null);
        return { type: BOOL };
      case 'Shift':
        this.bind(this.walk(expr.base), null);
        this.index.duration(expr.duration, expr.op);
        return { type: DATE };
      case 'Quantifier':
        return this.quantifier(expr);
      case 'Path':
        return this.path(expr);
    }
  }

  /** The bound name is declared at the quantifier and visible inside its `where` only. */
  private quantifier(expr: A.QuantifierExpr): Resolved {
    const collection = this.walk(expr.collection);
    this.bind(collection, null);
    const type = typeOf(collection);
    const element = type?.kind === 'list' || type?.kind === 'set' ? type.element : null;
    const id = symbolId('binder', expr.binder.span);
    this.index.declare({ id, kind: 'binder', name: expr.binder.name, file: resolve(expr.binder.span.file), span: expr.binder.span, decl: expr, type: element });
    if (expr.where) {
      this.binders.push({ name: expr.binder.name, id, type: element });
      this.condition(expr.where);
      this.binders.pop();
    }
    return { type: expr.quantifier === 'count' ? INT : BOOL };
  }

  private path(expr: A.PathExpr): Resolved {
    const [head, ...rest] = expr.segments;
    const { inputName, inputType, scope, types } = this.unit;
    const binder = this.binder(head!.name);
    if (binder) {
      this.index.occur(binder.id, head!.span);
      return { type: this.fields(binder.type, rest) };
    }
    if (head!.name === inputName && inputType) {
      const input = scope.symbols.get(head!.name);
      if (input) this.index.occur(symbolId('input', input.decl.name.span), head!.span);
      // The input as a whole is no value.
      return { type: rest.length === 0 ? null : this.fields(inputType, rest) };
    }
    if (rest.length === 0) return { bare: head! };
    const symbol = scope.symbols.get(head!.name);
    if (symbol?.kind === 'enum' && rest.length === 1) {
      this.symbolRef(head!);
      const type = types.get(head!.name) as EnumType;
      this.member(type, rest[0]!);
      return { type };
    }
    if (symbol) this.symbolRef(head!);
    return { type: null };
  }

  /** Walks `segments` down from a value of `type`, indexing each field; the type reached, or null. */
  private fields(type: Type | null, segments: readonly A.Identifier[]): Type | null {
    for (const segment of segments) {
      if (type?.kind !== 'record') return null;
      const field: RecordType['fields'][number] | undefined = type.fields.find((f) => f.name === segment.name);
      if (!field) return null;
      this.index.occur(symbolId('field', field.span), segment.span);
      type = field.type;
    }
    return type;
  }

  private binder(name: string): Binder | undefined {
    for (let i = this.binders.length - 1; i >= 0; i--) if (this.binders[i]!.name === name) return this.binders[i];
    return undefined;
  }

  /** A lone name gets its meaning from its position: a member of the expected enum, else a declared name. */
  private bind(resolved: Resolved, expected: Type | null): void {
    if (!('bare' in resolved)) return;
    const name = resolved.bare;
    if (expected?.kind === 'enum' && this.member(expected, name)) return;
    this.symbolRef(name);
  }

  private member(type: EnumType, name: A.Identifier): boolean {
    const symbol = this.unit.scope.symbols.get(type.name);
    if (symbol?.kind !== 'enum') return false;
    const member = symbol.decl.members.find((m) => m.name === name.name);
    if (!member) return false;
    this.index.occur(symbolId('member', member.span), name.span);
    return true;
  }
}

function typeOf(resolved: Resolved): Type | null {
  return 'type' in resolved ? resolved.type : null;
}

function fileStart(file: string): Span {
  const start = { offset: 0, line: 1, column: 1 };
  return { file, start, end: start };
}
