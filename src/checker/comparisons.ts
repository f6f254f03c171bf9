import type * as A from '../ast/nodes.js';
import { isoDatesFor, isValidIsoDate } from '../ast/dates.js';
import type { Span } from '../diagnostics/span.js';
import { countComparedHelp, shown } from './expression-help.js';
import type { ExpressionEnv } from './expressions.js';
import type { Condition, EnumType, FieldOperand, Operand, RecordType, Type, Value } from './program.js';
import { ERROR, type Typed } from './typed.js';
import { comparable, isOrdered, typeName } from './types.js';

/**
 * Comparisons in a condition: `==`, `<` …, `in` a set literal and `has` on a set field. The base of
 * the ExpressionChecker (expressions.ts), which resolves names and paths and types everything
 * else; kept apart to keep each file to one concern and a readable length.
 */
export abstract class ComparisonChecker {
  protected abstract readonly env: ExpressionEnv;

  protected get bag() {
    return this.env.bag;
  }

  protected abstract typed(expr: A.Expr): Typed;
  protected abstract operand(typed: Typed, expected: Type | null): Operand | null;
  protected abstract notAMember(type: EnumType, member: string, span: Span): void;

  /** Records `span` as naming `member` of the enum `type`. */
  protected memberResolved(type: EnumType, member: string, span: Span): void {
    const symbol = this.env.scope.symbols.get(type.name);
    const decl = symbol?.kind === 'enum' ? symbol.decl.members.find((m) => m.name === member) : undefined;
    if (decl) this.env.resolved?.(span, 'member', decl.span);
  }

  protected compare(expr: A.CompareExpr): Typed {
    const leftTyped = this.typed(expr.left);
    const rightTyped = this.typed(expr.right);
    // One side failed (and was reported): a lone name on the other side cannot be resolved
    // without that side's type, and calling it unknown would be a follow-on error
    // (`post.targt == individual` is one mistake, not two).
    if (leftTyped.kind === 'error' || rightTyped.kind === 'error') return ERROR;
    const typeOf = (t: Typed) => (t.kind === 'operand' ? t.operand.type : null);
    const left = this.operand(leftTyped, typeOf(rightTyped));
    const right = this.operand(rightTyped, left?.type ?? null);
    if (!left || !right) return ERROR;
    if (!comparable(left.type, right.type)) {
      const quoted = [left, right].find((o) => o.kind === 'literal' && o.type.kind === 'string');
      if (quoted && (left.type.kind === 'date' || right.type.kind === 'date')) {
        this.quotedDate(quoted);
        return ERROR;
      }
      this.bag.emit('BL205', expr.span, { kind: 'compare', left: typeName(left.type), right: typeName(right.type), help: this.mismatchHelp(left, right) });
      return ERROR;
    }
    const ordering = expr.op !== '==' && expr.op !== '!=';
    if (ordering && !isOrdered(left.type)) {
      this.bag.emit('BL207', expr.span, { op: expr.op, type: typeName(left.type), enum: left.type.kind === 'enum' });
      return ERROR;
    }
    if (left.type.kind === 'set' || left.type.kind === 'record') {
      this.bag.emit('BL205', expr.span, { kind: 'uncomparable', type: typeName(left.type), set: left.type.kind === 'set' });
      return ERROR;
    }
    if (left.kind === 'literal' && right.kind === 'literal') {
      this.bag.emit('BL205', expr.span, { kind: 'literals' });
      return ERROR;
    }
    if (!this.withinBounds(left, right) || !this.withinBounds(right, left)) return ERROR;
    return { kind: 'condition', condition: { kind: 'compare', op: expr.op, left, right, span: expr.span } };
  }

  /**
   * BL213: a literal compared with a bounded `int` field must lie within the field's bounds;
   * `post.author.followers < -1` (followers: `int(0..)`) never depends on the input. Reports and
   * returns false when `literal` is such an out-of-bounds literal.
   */
  private withinBounds(field: Operand, literal: Operand): boolean {
    if (field.kind !== 'field' || field.type.kind !== 'int' || literal.kind !== 'literal') return true;
    const { min, max } = field.type;
    const value = literal.value as number;
    if ((min === null || value >= min) && (max === null || value <= max)) return true;
    const bounds = `${min ?? ''}..${max ?? ''}`;
    const name = `${this.env.inputName}.${field.path.join('.')}`;
    this.bag.emit('BL213', literal.span, { value: String(value), field: name, bounds });
    return false;
  }

  /** `post.date < "2024-01-15"`: a string where a date is expected. */
  private quotedDate(literal: Operand): void {
    const text = String((literal as Extract<Operand, { kind: 'literal' }>).value);
    const dates = isValidIsoDate(text) ? [text] : isoDatesFor(text);
    this.bag.emit('BL205', literal.span, { kind: 'quoted-date', dates });
  }

  private mismatchHelp(left: Operand, right: Operand): string | undefined {
    const count = [left, right].find((o): o is Extract<Operand, { kind: 'count' }> => o.kind === 'count');
    if (count && (left.type.kind === 'date' || right.type.kind === 'date')) return countComparedHelp(count.quantifier, this.env.source);
    // `post.author.followers == world_leader`: point at the field that holds that enum.
    const literal = [left, right].find((o): o is Extract<Operand, { kind: 'literal' }> => o.kind === 'literal' && o.type.kind === 'enum');
    if (literal && this.env.inputType) {
      const holder = fieldsOfType(this.env.inputType, literal.type as EnumType)[0];
      if (holder) return `\`${String(literal.value)}\` is a \`${typeName(literal.type)}\`; did you mean \`${this.env.inputName}.${holder}\`?`;
    }
    return 'both sides of a comparison must have the same type';
  }

  protected in(expr: A.InExpr): Typed {
    const operand = this.operand(this.typed(expr.element), null);
    if (!operand) return ERROR;
    if (operand.type.kind === 'set') {
      const type = typeName(operand.type);
      const set = simpleText(expr.element) ?? 'SET';
      this.bag.emit(
        'BL205',
        expr.span,
        expr.set.elements.length === 1
          ? { kind: 'in-set', type, set, one: true, members: membersAsWritten(expr.set.elements) }
          : { kind: 'in-set', type, set, one: false, list: shown(this.env.source, expr.set.span) ?? '{…}' },
      );
      return ERROR;
    }
    if (operand.type.kind === 'record') {
      this.bag.emit('BL205', expr.element.span, { kind: 'in-record' });
      return ERROR;
    }
    const values: Value[] = [];
    const listed = new Set<Value>(); // `values.includes` made a set of 100,000 literals quadratic
    let ok = true;
    for (const item of expr.set.elements) {
      const member = this.operand(this.typed(item), operand.type);
      if (!member) {
        ok = false;
        continue;
      }
      if (member.kind !== 'literal') {
        this.bag.emit('BL205', item.span, { kind: 'in-not-literal' });
        ok = false;
        continue;
      }
      if (!comparable(member.type, operand.type)) {
        if (operand.type.kind === 'date' && member.type.kind === 'string') {
          this.quotedDate(member);
          ok = false;
          continue;
        }
        this.bag.emit('BL205', item.span, { kind: 'in-type', member: typeName(member.type), type: typeName(operand.type) });
        ok = false;
        continue;
      }
      if (!this.withinBounds(operand, member)) {
        ok = false;
        continue;
      }
      if (listed.has(member.value)) {
        this.bag.emit('BL405', item.span, { name: String(member.value), in: { list: true } });
        continue;
      }
      values.push(member.value);
      listed.add(member.value);
    }
    if (!ok) return ERROR;
    return { kind: 'condition', condition: { kind: 'in', operand, values, negated: expr.negated, span: expr.span } };
  }

  protected has(expr: A.HasExpr): Typed {
    const set = this.operand(this.typed(expr.set), null);
    if (!set) return ERROR;
    if (set.type.kind !== 'set' || set.kind !== 'field') {
      const list = shown(this.env.source, expr.set.span) ?? 'LIST';
      this.bag.emit('BL206', expr.set.span, { type: typeName(set.type), holds: set.type.kind === 'enum' || set.type.kind === 'list' ? set.type.kind : 'other', list });
      return ERROR;
    }
    const element = set.type.element;
    if (expr.mode === 'one' && expr.member.kind === 'SetLiteral') {
      const named = simpleText(expr.set) ?? 'SET';
      const members = shown(this.env.source, expr.member.span) ?? '{…}';
      this.bag.emit('BL205', expr.member.span, { kind: 'has-one', set: named, members });
      return ERROR;
    }
    if (expr.mode !== 'one') {
      // `has any {a, b}` is `has a or has b`; `has all {a, b}` is `has a and has b`.
      const members = expr.member.kind === 'SetLiteral' ? expr.member.elements : [expr.member];
      const tests = members.map((m) => this.member(set, element, m, m.span));
      if (tests.some((t) => t === null)) return ERROR;
      if (tests.length === 0) {
        this.bag.emit('BL205', expr.member.span, { kind: 'has-empty', mode: expr.mode, members: element.members });
        return ERROR;
      }
      const operands = tests as Condition[];
      return { kind: 'condition', condition: operands.length === 1 ? operands[0]! : { kind: expr.mode === 'any' ? 'or' : 'and', operands, span: expr.span } };
    }
    const test = this.member(set, element, expr.member, expr.span);
    return test ? { kind: 'condition', condition: test } : ERROR;
  }

  /** `set has member`: a member of the set's enum, or an enum value read from an element. */
  private member(set: FieldOperand, element: EnumType, expr: A.Expr, span: Span): Condition | null {
    const member = this.typed(expr);
    if (member.kind === 'operand' && member.operand.kind !== 'literal' && comparable(member.operand.type, element)) {
      return { kind: 'contains', set, value: member.operand, span };
    }
    let name: string | null = null;
    if (member.kind === 'bare') name = member.name;
    else if (member.kind === 'operand' && member.operand.kind === 'literal' && comparable(member.operand.type, element)) {
      name = member.operand.value as string;
    }
    if (name === null) {
      if (member.kind !== 'error') {
        this.bag.emit('BL205', expr.span, { kind: 'has-no-member', enum: element.name, members: element.members });
      }
      return null;
    }
    if (!element.members.includes(name)) {
      this.notAMember(element, name, expr.span);
      return null;
    }
    if (member.kind === 'bare') this.memberResolved(element, name, expr.span);
    return { kind: 'has', root: set.root, path: set.path, member: name, element, span };
  }
}

/** The members of a set literal as written, or `a`, `b` when one is not simply written. */
function membersAsWritten(members: readonly A.Expr[]): string[] {
  const listed = members.map(simpleText);
  return listed.length > 0 && listed.every((m) => m !== null) ? (listed as string[]) : ['a', 'b'];
}

/** The source of a path or a number or string literal, rebuilt from the AST; null for anything else. */
function simpleText(expr: A.Expr): string | null {
  if (expr.kind === 'Path') return expr.segments.map((s) => s.name).join('.');
  if (expr.kind === 'IntLiteral' || expr.kind === 'StringLiteral') return expr.raw;
  return null;
}

/** Paths (dotted, below the input) of fields holding values of `target`. */
function fieldsOfType(record: RecordType, target: EnumType, prefix = ''): string[] {
  return record.fields.flatMap((f) => {
    const path = prefix + f.name;
    if (f.type.kind === 'enum' && f.type.name === target.name) return [path];
    if (f.type.kind === 'record') return fieldsOfType(f.type, target, `${path}.`);
    return [];
  });
}
