import type * as A from '../ast/nodes.js';
import type { DiagnosticBag } from '../diagnostics/codes.js';
import type { Span } from '../diagnostics/span.js';
import { closestMatch } from '../diagnostics/suggest.js';
import type { Condition, EnumType, FieldOperand, Operand, Quantifier, RecordType, Root, Type, Value } from './program.js';
import { durationOf } from './outcomes.js';
import { hasInvalidField } from './resolve-types.js';
import { KIND_WORDS, type Scope } from './scope.js';
import { BOOL, DATE, STRING, typeName } from './types.js';
import { guardKey, guardedWhenFalse, guardedWhenTrue, guardText } from './guards.js';
import { bindersIn, listsBeside, outsideWhere, shown, unknownNameHelp } from './expression-help.js';
import { ComparisonChecker } from './comparisons.js';
import { ERROR, type Typed } from './typed.js';
import type { RecordReference } from './references.js';

/** What a context is: a condition, or a value (an int or a date); null when its body has errors. */
export type ContextKind =
  /** `guards`: the optional fields known present where it holds (guards.ts). */
  | { readonly kind: 'condition'; readonly guards: readonly string[] }
  | { readonly kind: 'value'; readonly type: Type }
  | null;

export interface ExpressionEnv {
  readonly scope: Scope;
  readonly types: ReadonlyMap<string, EnumType | RecordType>;
  readonly inputName: string | null;
  readonly inputType: RecordType | null;
  readonly bag: DiagnosticBag;
  /** Called for every context reference, for cycle and usage tracking. */
  readonly onContextReference: (name: string, span: Span) => void;
  /** What a context's body is (checked on demand); null while it is being checked (a cycle) or broken. */
  readonly contextKind: (name: string) => ContextKind;
  /** A fresh quantifier id, unique within the program. */
  readonly nextQuantifier: () => number;
  /** The source text of a span, for help that quotes the policy (absent: help without quotes). */
  readonly source?: (span: Span) => string;
  /** Told each name resolved, for the side table of references (references.ts). */
  readonly resolved?: RecordReference;
}

/**
 * Type-checks a condition (`when`, `unless`, a context body). Returns null after reporting errors.
 * `guards`: optional fields known present where the condition is evaluated (an `unless` is only
 * read where its clause's `when` holds).
 */
export function checkCondition(expr: A.Expr, env: ExpressionEnv, guards: readonly string[] = []): Condition | null {
  return new ExpressionChecker(env, guards, expr).condition(expr);
}

/** Type-checks a context body: a condition, or a value (an int or a date). */
export function checkContextBody(expr: A.Expr, env: ExpressionEnv): { condition: Condition } | { value: Operand } | null {
  const checker = new ExpressionChecker(env, [], expr);
  const typed = checker.typedBody(expr);
  if (typed === null) return null;
  return typed;
}

/** A name bound by a quantifier, visible inside its `where`. */
interface Binder {
  readonly name: string;
  readonly id: number;
  readonly type: Type;
  /** The bound name as written at its quantifier. */
  readonly span: Span;
}

class ExpressionChecker extends ComparisonChecker {
  private readonly binders: Binder[] = [];
  /** Guard keys (guards.ts) of the optional fields known present here. */
  private readonly guards: Set<string>;
  /** Every quantifier of the whole condition by the name it binds: to explain a use outside its `where`. */
  private readonly quantifiers: ReadonlyMap<string, A.QuantifierExpr>;
  /** The innermost test being checked (a comparison, `in`, `has`): what a help quotes. */
  private test: A.Expr | null = null;

  constructor(
    protected readonly env: ExpressionEnv,
    guards: readonly string[],
    whole: A.Expr,
  ) {
    super();
    this.guards = new Set(guards);
    this.quantifiers = bindersIn(whole);
  }

  /** Checks a test, remembering it as the one a help quotes. */
  private testing(expr: A.Expr, check: () => Typed): Typed {
    const outer = this.test;
    this.test = expr;
    try {
      return check();
    } finally {
      this.test = outer;
    }
  }

  /** The source of the test being checked, or of `expr` when there is none (a field read as a condition). */
  private testText(expr: A.Expr): string | null {
    return shown(this.env.source, (this.test ?? expr).span);
  }

  /** A context body: a condition where the expression is one, else a value of an ordered type. */
  typedBody(expr: A.Expr): { condition: Condition } | { value: Operand } | null {
    const typed = this.typed(expr);
    if (typed.kind === 'error') return null;
    if (typed.kind === 'operand' && typed.operand.type.kind !== 'bool') {
      if (typed.operand.type.kind === 'int' || typed.operand.type.kind === 'date') return { value: typed.operand };
    }
    const condition = this.asCondition(typed, expr);
    return condition ? { condition } : null;
  }

  condition(expr: A.Expr): Condition | null {
    return this.asCondition(this.typed(expr), expr);
  }

  private asCondition(typed: Typed, expr: A.Expr): Condition | null {
    switch (typed.kind) {
      case 'error':
        return null;
      case 'condition':
        return typed.condition;
      case 'bare':
        return this.bareCondition(typed.name, typed.span);
      case 'operand': {
        const { operand } = typed;
        if (operand.type.kind === 'bool') {
          if (operand.kind === 'field') return { kind: 'field', root: operand.root, path: operand.path, span: operand.span };
          if (operand.kind === 'literal') return { kind: 'const', value: operand.value as boolean, span: operand.span };
        }
        this.bag.emit('BL208', expr.span, { type: typeName(operand.type), kind: operand.type.kind === 'set' || operand.type.kind === 'enum' ? operand.type.kind : 'other' });
        return null;
      }
    }
  }

  protected typed(expr: A.Expr): Typed {
    switch (expr.kind) {
      case 'Paren':
        return this.typed(expr.inner);
      case 'BoolLiteral':
        return this.literal(expr.value, BOOL, expr.span);
      case 'IntLiteral':
        return this.literal(expr.value, { kind: 'int', min: null, max: null }, expr.span);
      case 'StringLiteral':
        return this.literal(expr.value, STRING, expr.span);
      case 'DateLiteral':
        return this.literal(expr.value, DATE, expr.span);
      case 'SetLiteral':
        this.bag.emit('BL205', expr.span, { kind: 'set-literal' });
        return ERROR;
      case 'Path':
        return this.path(expr);
      case 'Not': {
        const operand = this.condition(expr.operand);
        return operand ? { kind: 'condition', condition: { kind: 'not', operand, span: expr.span } } : ERROR;
      }
      case 'Logical':
        return this.logical(expr);
      case 'Shift':
        return this.shift(expr);
      case 'Exists':
        return this.exists(expr);
      case 'Quantifier':
        return this.quantifier(expr);
      case 'Compare':
        return this.testing(expr, () => this.compare(expr));
      case 'In':
        return this.testing(expr, () => this.in(expr));
      case 'Has':
        return this.testing(expr, () => this.has(expr));
    }
  }

  private literal(value: Value, type: Type, span: Span): Typed {
    return { kind: 'operand', operand: { kind: 'literal', value, type, span } };
  }

  private path(expr: A.PathExpr, readsPresence = false): Typed {
    const [head, ...rest] = expr.segments;
    const name = head!.name;
    const { inputName, inputType, scope, types } = this.env;
    const binder = this.binder(name);
    if (binder) {
      this.env.resolved?.(head!.span, 'binder', binder.span);
      return this.fieldPath(expr, binder.type, rest, binder.id, readsPresence);
    }
    // The input's type had an error (reported): anything read from the input is unknowable.
    if (name === inputName && !inputType) return ERROR;
    if (name === inputName && inputType) {
      const input = scope.symbols.get(name);
      if (input) this.env.resolved?.(head!.span, 'input', input.decl.name.span);
      if (rest.length === 0) {
        this.bag.emit('BL205', expr.span, { kind: 'whole-input', name, type: inputType.name, fields: inputType.fields.map((f) => f.name) });
        return ERROR;
      }
      return this.fieldPath(expr, inputType, rest, null, readsPresence);
    }
    // A lone name is resolved by its position: an enum member where the other side is an
    // enum, a context where a condition is expected, a value context where a value is.
    if (rest.length === 0) {
      const symbol = scope.symbols.get(name);
      if (symbol?.kind === 'context') {
        const kind = this.env.contextKind(name);
        if (kind?.kind === 'value') {
          this.env.onContextReference(name, expr.span);
          this.env.resolved?.(expr.span, 'context', symbol.decl.name.span);
          return { kind: 'operand', operand: { kind: 'value', name, type: kind.type, span: expr.span } };
        }
      }
      return { kind: 'bare', name, span: expr.span };
    }
    const symbol = scope.symbols.get(name);
    if (symbol?.kind === 'context') {
      this.bag.emit('BL202', rest[0]!.span, { kind: 'context', name });
      return ERROR;
    }
    if (symbol?.kind === 'enum') {
      // `Role.world_leader`: a qualified enum member.
      const enumType = types.get(name) as EnumType;
      this.env.resolved?.(head!.span, 'enum', symbol.decl.name.span);
      if (rest.length !== 1) {
        this.bag.emit('BL205', expr.span, { kind: 'enum-alone', name, member: String(enumType.members[0]) });
        return ERROR;
      }
      return this.enumMember(enumType, rest[0]!.name, rest[0]!.span, expr.span);
    }
    // A second `input` (BL212) or no `input` at all (BL211) is already reported: reading a field
    // of it is not a further error.
    if (symbol?.kind === 'input' || (!symbol && inputName === null)) return ERROR;
    if (symbol) {
      this.notAValue(name, head!.span);
      return ERROR;
    }
    this.unknownName(name, head!.span, expr);
    return ERROR;
  }

  /** A lone name where a condition is expected: a context, or a mistake. */
  private bareCondition(name: string, span: Span): Condition | null {
    const symbol = this.env.scope.symbols.get(name);
    if (symbol?.kind === 'context') {
      this.env.onContextReference(name, span);
      this.env.resolved?.(span, 'context', symbol.decl.name.span);
      return { kind: 'context', name, span };
    }
    if (symbol) this.notAValue(name, span);
    else this.unknownName(name, span);
    return null;
  }

  private notAValue(name: string, span: Span): void {
    const symbol = this.env.scope.symbols.get(name)!;
    this.bag.emit('BL205', span, {
      kind: 'not-a-value',
      name,
      is: KIND_WORDS[symbol.kind],
      symbol: symbol.kind,
      member: symbol.kind === 'enum' ? symbol.decl.members[0]?.name : undefined,
    });
  }

  /** The innermost quantifier that binds `name`, if any. */
  private binder(name: string): Binder | undefined {
    for (let i = this.binders.length - 1; i >= 0; i--) if (this.binders[i]!.name === name) return this.binders[i];
    return undefined;
  }

  /**
   * A field read below the input or a bound element. Every optional field on the way must be
   * known present (an `exists` guard); `readsPresence`: the read is `x exists`, which may test
   * the last field itself.
   */
  private fieldPath(expr: A.PathExpr, start: Type, segments: readonly A.Identifier[], root: Root, readsPresence = false): Typed {
    let type: Type = start;
    const path: string[] = [];
    const rootName = expr.segments[0]!.name;
    for (const [i, segment] of segments.entries()) {
      if (type.kind !== 'record') {
        // Named as written: `post.author.handle`, not `author.handle`.
        const whole = [rootName, ...path].join('.');
        this.bag.emit('BL202', segment.span, { kind: 'no-fields', path: whole, type: typeName(type), collection: type.kind === 'list' || type.kind === 'set' });
        return ERROR;
      }
      const record: RecordType = type;
      const field = record.fields.find((f) => f.name === segment.name);
      if (!field && hasInvalidField(record, segment.name)) return ERROR; // its type was reported
      if (!field) {
        this.bag.emit('BL202', segment.span, { kind: 'no-field', record: record.name, field: segment.name, fields: record.fields.map((f) => f.name) });
        return ERROR;
      }
      this.env.resolved?.(segment.span, 'field', field.span);
      path.push(segment.name);
      type = field.type;
      const last = i === segments.length - 1;
      if (field.optional && !(last && readsPresence) && !this.guards.has(guardKey(root, path))) {
        const read = [rootName, ...path].join('.');
        this.bag.emit('BL214', expr.span, { read, whole: guardText(expr, rootName, segments), test: this.testText(expr), field: field.name, declared: field.span });
        return ERROR;
      }
    }
    return { kind: 'operand', operand: { kind: 'field', root, path, type, span: expr.span } };
  }

  /**
   * `a and b and c`: an `exists` test guards the reads to its right (`x exists and x.y == 1`);
   * `not x exists or x.y == 1` likewise in an `or`.
   */
  private logical(expr: A.LogicalExpr): Typed {
    const added: string[] = [];
    const operands: (Condition | null)[] = [];
    for (const o of expr.operands) {
      const c = this.condition(o);
      operands.push(c);
      if (!c) continue;
      const contextGuards = (name: string) => {
        const kind = this.env.contextKind(name);
        return kind?.kind === 'condition' ? kind.guards : [];
      };
      for (const key of expr.op === 'and' ? guardedWhenTrue(c, contextGuards) : guardedWhenFalse(c, contextGuards)) {
        if (!this.guards.has(key)) {
          this.guards.add(key);
          added.push(key);
        }
      }
    }
    for (const key of added) this.guards.delete(key);
    if (operands.some((o) => o === null)) return ERROR;
    return { kind: 'condition', condition: { kind: expr.op, operands: operands as Condition[], span: expr.span } };
  }

  /** `post.date - 90 days`: a date moved by whole days, weeks, months or years. */
  private shift(expr: A.ShiftExpr): Typed {
    const base = this.operand(this.typed(expr.base), DATE);
    const duration = durationOf(expr.duration, this.bag);
    if (!base || !duration) return ERROR;
    if (base.type.kind !== 'date') {
      this.bag.emit('BL015', expr.span, { kind: 'shift', type: typeName(base.type), int: base.type.kind === 'int' });
      return ERROR;
    }
    if (duration.unit === 'hour') {
      const days = Math.ceil(duration.count / 24);
      const base = shown(this.env.source, expr.base.span);
      const moved = `${base ? `${base} ${expr.op} ` : ''}${days} day${days === 1 ? '' : 's'}`;
      this.bag.emit('BL216', expr.duration.span, { kind: 'hours', moved, hours: duration.count });
      return ERROR;
    }
    const amount = (expr.op === '+' ? 1 : -1) * duration.count;
    return { kind: 'operand', operand: { kind: 'shift', base, amount, unit: duration.unit, type: DATE, span: expr.span } };
  }

  /** `x exists`: `x` names an optional field, reached through guarded ones. */
  private exists(expr: A.ExistsExpr): Typed {
    const target = expr.operand.kind === 'Paren' ? expr.operand.inner : expr.operand;
    if (target.kind !== 'Path' || target.segments.length < 2) {
      this.bag.emit('BL205', expr.operand.span, { kind: 'exists' });
      return ERROR;
    }
    const typed = this.path(target, true);
    if (typed.kind !== 'operand' || typed.operand.kind !== 'field') return ERROR;
    const field = typed.operand;
    if (!this.isOptional(field, target)) {
      this.bag.emit('BL410', expr.span, { path: target.segments.map((s) => s.name).join('.') });
    }
    return { kind: 'condition', condition: { kind: 'exists', field, span: expr.span } };
  }

  /** Whether the last field of a read is declared optional. */
  private isOptional(field: FieldOperand, target: A.PathExpr): boolean {
    let type: Type | null = field.root === null ? this.env.inputType : (this.binder(target.segments[0]!.name)?.type ?? null);
    let optional = false;
    for (const name of field.path) {
      if (type?.kind !== 'record') return false;
      const f: { type: Type; optional: boolean } | undefined = type.fields.find((x) => x.name === name);
      if (!f) return false;
      optional = f.optional;
      type = f.type;
    }
    return optional;
  }

  /** `count(s in post.strikes where …)` (an int), `any(…)` and `all(…)` (conditions). */
  private quantifier(expr: A.QuantifierExpr): Typed {
    const collection = this.operand(this.typed(expr.collection), null);
    if (!collection) return ERROR;
    if (collection.kind !== 'field' || (collection.type.kind !== 'list' && collection.type.kind !== 'set')) {
      const root = collection.kind !== 'field' ? null : collection.root === null ? this.env.inputType : this.binders.find((b) => b.id === collection.root)?.type;
      const lists = collection.kind === 'field' ? listsBeside(root ?? null, collection.path, expr.collection) : [];
      const near = collection.kind === 'field' ? closestMatch(collection.path.join('.'), lists.map((l) => l.path)) : undefined;
      this.bag.emit('BL217', expr.collection.span, {
        keyword: expr.keyword.name,
        type: typeName(collection.type),
        near: near ? lists.find((l) => l.path === near)!.text : undefined,
        lists: lists.map((l) => l.text),
      });
      return ERROR;
    }
    const name = expr.binder.name;
    if (this.binder(name) || name === this.env.inputName || this.env.scope.symbols.has(name)) {
      const what = this.binder(name) ? 'an enclosing quantifier' : name === this.env.inputName ? 'the input' : KIND_WORDS[this.env.scope.symbols.get(name)!.kind];
      this.bag.emit('BL218', expr.binder.span, { name, what });
      return ERROR;
    }
    const element = collection.type.element;
    const id = this.env.nextQuantifier();
    this.binders.push({ name, id, type: element, span: expr.binder.span });
    // Inside `where`, a help quotes the element's own test, not the comparison around the quantifier.
    const outer = this.test;
    this.test = null;
    const where = expr.where ? this.condition(expr.where) : null;
    this.test = outer;
    this.binders.pop();
    if (expr.where && !where) return ERROR;
    const quantifier: Quantifier = { id, name, collection, element, where, span: expr.span };
    if (expr.quantifier === 'count') {
      return { kind: 'operand', operand: { kind: 'count', quantifier, type: { kind: 'int', min: 0, max: null }, span: expr.span } };
    }
    return { kind: 'condition', condition: { kind: expr.quantifier, quantifier, span: expr.span } };
  }

  private enumMember(type: EnumType, member: string, memberSpan: Span, span: Span): Typed {
    if (!type.members.includes(member)) {
      this.notAMember(type, member, memberSpan);
      return ERROR;
    }
    this.memberResolved(type, member, memberSpan);
    return this.literal(member, type, span);
  }

  protected notAMember(type: EnumType, member: string, span: Span): void {
    this.bag.emit('BL204', span, { member, enum: type.name, members: type.members, declared: type.span });
  }

  private unknownName(name: string, span: Span, read?: A.Expr): void {
    const { scope, inputName } = this.env;
    const quantifier = this.quantifiers.get(name);
    if (quantifier) {
      // `count(s in … where …) > 0 and s.date > …`: the element is named outside its quantifier.
      const test = read ? this.testText(read) : this.test ? shown(this.env.source, this.test.span) : name;
      this.bag.emit('BL201', span, { kind: 'outside', name, ...outsideWhere(quantifier, this.env.source), test, bound: quantifier.binder.span });
      return;
    }
    const candidates = [...scope.namesOf('context'), ...(inputName ? [inputName] : [])];
    this.bag.emit('BL201', span, {
      kind: 'unknown',
      name,
      // `True`, `FALSE`: the literals are keywords, but a miscased one reads as a name.
      candidates: [...candidates, ...this.allMembers(), 'true', 'false'],
      otherwise: unknownNameHelp(name, this.env.inputName, this.env.inputType),
    });
  }

  private allMembers(): string[] {
    return [...this.env.types.values()].flatMap((t) => (t.kind === 'enum' ? t.members : []));
  }

  /** An operand for a comparison; a bare name becomes a member of `expected` when that is an enum. */
  protected operand(typed: Typed, expected: Type | null): Operand | null {
    switch (typed.kind) {
      case 'error':
        return null;
      case 'operand':
        return typed.operand;
      case 'condition':
        this.bag.emit('BL205', typed.condition.span, { kind: 'condition-compared' });
        return null;
      case 'bare': {
        if (expected?.kind === 'enum') {
          const member = this.enumMember(expected, typed.name, typed.span, typed.span);
          return member.kind === 'operand' ? member.operand : null;
        }
        // `post.author.followers == world_leader`: an undeclared name that is a member of some
        // enum, compared with a non-enum, is a type mismatch (BL205, which suggests the field that
        // holds that enum), not an unknown name.
        if (expected !== null && !this.env.scope.symbols.has(typed.name)) {
          const owner = [...this.env.types.values()].find((t): t is EnumType => t.kind === 'enum' && t.members.includes(typed.name));
          if (owner) return { kind: 'literal', value: typed.name, type: owner, span: typed.span };
        }
        const condition = this.bareCondition(typed.name, typed.span);
        if (condition) this.bag.emit('BL205', typed.span, { kind: 'condition-compared' });
        return null;
      }
    }
  }
}

