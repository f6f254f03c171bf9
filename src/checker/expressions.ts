import type * as A from '../ast/nodes.js';
import type { DiagnosticBag } from '../diagnostics/codes.js';
import type { Span } from '../diagnostics/span.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { isoDatesFor, isValidIsoDate } from '../ast/dates.js';
import type { Condition, EnumType, Operand, RecordType, Type, Value } from './program.js';
import { hasInvalidField } from './resolve-types.js';
import { KIND_WORDS, type Scope, type Symbol } from './scope.js';
import { BOOL, comparable, DATE, isOrdered, STRING, typeName } from './types.js';

/** An expression after name resolution, before we know what its position needs. */
type Typed =
  | { readonly kind: 'operand'; readonly operand: Operand }
  | { readonly kind: 'condition'; readonly condition: Condition }
  /** A lone name that is not declared: an enum member, once the other side gives the enum. */
  | { readonly kind: 'bare'; readonly name: string; readonly span: Span }
  | { readonly kind: 'error' };

const ERROR: Typed = { kind: 'error' };

export interface ExpressionEnv {
  readonly scope: Scope;
  readonly types: ReadonlyMap<string, EnumType | RecordType>;
  readonly inputName: string | null;
  readonly inputType: RecordType | null;
  readonly bag: DiagnosticBag;
  /** Called for every context reference, for cycle and usage tracking. */
  readonly onContextReference: (name: string, span: Span) => void;
}

/** Type-checks a condition (`when`, `unless`, a context body). Returns null after reporting errors. */
export function checkCondition(expr: A.Expr, env: ExpressionEnv): Condition | null {
  return new ExpressionChecker(env).condition(expr);
}

class ExpressionChecker {
  constructor(private readonly env: ExpressionEnv) {}

  private get bag() {
    return this.env.bag;
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
          return operand.kind === 'field'
            ? { kind: 'field', path: operand.path, span: operand.span }
            : { kind: 'const', value: operand.value as boolean, span: operand.span };
        }
        this.bag.report('BL208', `expected a condition, found a value of type \`${typeName(operand.type)}\``, expr.span, {
          help: conditionHelp(operand.type),
        });
        return null;
      }
    }
  }

  private typed(expr: A.Expr): Typed {
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
        this.bag.report('BL205', 'a set literal can only follow `in`', expr.span, { help: 'write `x in {a, b}`' });
        return ERROR;
      case 'Path':
        return this.path(expr);
      case 'Not': {
        const operand = this.condition(expr.operand);
        return operand ? { kind: 'condition', condition: { kind: 'not', operand, span: expr.span } } : ERROR;
      }
      case 'Logical': {
        const operands = expr.operands.map((o) => this.condition(o));
        if (operands.some((o) => o === null)) return ERROR;
        return { kind: 'condition', condition: { kind: expr.op, operands: operands as Condition[], span: expr.span } };
      }
      case 'Compare':
        return this.compare(expr);
      case 'In':
        return this.in(expr);
      case 'Has':
        return this.has(expr);
    }
  }

  private literal(value: Value, type: Type, span: Span): Typed {
    return { kind: 'operand', operand: { kind: 'literal', value, type, span } };
  }

  private path(expr: A.PathExpr): Typed {
    const [head, ...rest] = expr.segments;
    const name = head!.name;
    const { inputName, inputType, scope, types } = this.env;
    // The input's type had an error (reported): anything read from the input is unknowable.
    if (name === inputName && !inputType) return ERROR;
    if (name === inputName && inputType) {
      if (rest.length === 0) {
        this.bag.report('BL205', `\`${name}\` is the whole input; name one of its fields`, expr.span, {
          help: `fields of \`${inputType.name}\`: ${inputType.fields.map((f) => `\`${f.name}\``).join(', ')}`,
        });
        return ERROR;
      }
      return this.fieldPath(expr, inputType, rest);
    }
    // A lone name is resolved by its position: an enum member where the other side is an
    // enum, a context where a condition is expected.
    if (rest.length === 0) return { kind: 'bare', name, span: expr.span };
    const symbol = scope.symbols.get(name);
    if (symbol?.kind === 'context') {
      this.bag.report('BL202', `\`${name}\` is a context; it has no fields`, rest[0]!.span, {
        help: `a context is a condition: use it alone, as in \`when ${name}\``,
      });
      return ERROR;
    }
    if (symbol?.kind === 'enum') {
      // `Role.world_leader`: a qualified enum member.
      const enumType = types.get(name) as EnumType;
      if (rest.length !== 1) {
        this.bag.report('BL205', `\`${name}\` is an enum; name one of its members, as in \`${name}.${enumType.members[0]}\``, expr.span);
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
    this.unknownName(name, head!.span);
    return ERROR;
  }

  /** A lone name where a condition is expected: a context, or a mistake. */
  private bareCondition(name: string, span: Span): Condition | null {
    const symbol = this.env.scope.symbols.get(name);
    if (symbol?.kind === 'context') {
      this.env.onContextReference(name, span);
      return { kind: 'context', name, span };
    }
    if (symbol) this.notAValue(name, span);
    else this.unknownName(name, span);
    return null;
  }

  private notAValue(name: string, span: Span): void {
    const symbol = this.env.scope.symbols.get(name)!;
    this.bag.report('BL205', `\`${name}\` is ${KIND_WORDS[symbol.kind]}, not a value`, span, {
      help: notAValueHelp(symbol, name),
    });
  }

  private fieldPath(expr: A.PathExpr, root: RecordType, segments: readonly A.Identifier[]): Typed {
    let type: Type = root;
    const path: string[] = [];
    for (const segment of segments) {
      if (type.kind !== 'record') {
        // Named from the input, as written: `post.author.handle`, not `author.handle`.
        this.bag.report('BL202', `\`${[this.env.inputName, ...path].join('.')}\` is of type \`${typeName(type)}\`, which has no fields`, segment.span);
        return ERROR;
      }
      const record: RecordType = type;
      const field = record.fields.find((f) => f.name === segment.name);
      if (!field && hasInvalidField(record, segment.name)) return ERROR; // its type was reported
      if (!field) {
        this.bag.report('BL202', `\`${record.name}\` has no field \`${segment.name}\``, segment.span, {
          help:
            didYouMean(segment.name, record.fields.map((f) => f.name)) ??
            `fields of \`${record.name}\`: ${record.fields.map((f) => `\`${f.name}\``).join(', ')}`,
        });
        return ERROR;
      }
      path.push(segment.name);
      type = field.type;
    }
    return { kind: 'operand', operand: { kind: 'field', path, type, span: expr.span } };
  }

  private enumMember(type: EnumType, member: string, memberSpan: Span, span: Span): Typed {
    if (!type.members.includes(member)) {
      this.notAMember(type, member, memberSpan);
      return ERROR;
    }
    return this.literal(member, type, span);
  }

  private notAMember(type: EnumType, member: string, span: Span): void {
    this.bag.report('BL204', `\`${member}\` is not a member of \`${type.name}\``, span, {
      help: didYouMean(member, type.members) ?? `members of \`${type.name}\`: ${type.members.map((m) => `\`${m}\``).join(', ')}`,
      notes: [{ message: `\`${type.name}\` is declared here`, span: type.span }],
    });
  }

  private unknownName(name: string, span: Span): void {
    const { scope, inputName } = this.env;
    const candidates = [...scope.namesOf('context'), ...(inputName ? [inputName] : [])];
    this.bag.report('BL201', `unknown name \`${name}\``, span, {
      // `True`, `FALSE`: the literals are keywords, but a miscased one reads as a name.
      help: didYouMean(name, [...candidates, ...this.allMembers(), 'true', 'false']) ?? 'a condition names a context, a field of the input or a literal',
    });
  }

  private allMembers(): string[] {
    return [...this.env.types.values()].flatMap((t) => (t.kind === 'enum' ? t.members : []));
  }

  /** An operand for a comparison; a bare name becomes a member of `expected` when that is an enum. */
  private operand(typed: Typed, expected: Type | null): Operand | null {
    switch (typed.kind) {
      case 'error':
        return null;
      case 'operand':
        return typed.operand;
      case 'condition':
        this.bag.report('BL205', 'a condition cannot be compared; use it directly or with `not`', typed.condition.span, { help: CONDITION_COMPARED });
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
        if (condition) this.bag.report('BL205', 'a condition cannot be compared; use it directly or with `not`', typed.span, { help: CONDITION_COMPARED });
        return null;
      }
    }
  }

  private compare(expr: A.CompareExpr): Typed {
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
      this.bag.report('BL205', `cannot compare \`${typeName(left.type)}\` with \`${typeName(right.type)}\``, expr.span, {
        help: this.mismatchHelp(left, right),
      });
      return ERROR;
    }
    const ordering = expr.op !== '==' && expr.op !== '!=';
    if (ordering && !isOrdered(left.type)) {
      this.bag.report('BL207', `\`${expr.op}\` needs ordered values, and \`${typeName(left.type)}\` has no order`, expr.span, {
        help: left.type.kind === 'enum' ? `compare with \`==\`, \`!=\` or \`in {…}\`` : 'only `int` and `date` values are ordered',
      });
      return ERROR;
    }
    if (left.type.kind === 'set' || left.type.kind === 'record') {
      this.bag.report('BL205', `values of type \`${typeName(left.type)}\` cannot be compared`, expr.span, {
        help: left.type.kind === 'set' ? 'test membership with `has`' : 'compare one of its fields',
      });
      return ERROR;
    }
    if (left.kind === 'literal' && right.kind === 'literal') {
      this.bag.report('BL205', 'both sides are literals; the comparison never depends on the input', expr.span, {
        help: 'compare a field of the input with a value',
      });
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
    this.bag.report('BL213', `\`${value}\` is outside the bounds of \`${name}\`, declared \`int(${bounds})\``, literal.span, {
      help: `values of \`${name}\` lie in \`${bounds}\`; a comparison with a value outside them never depends on the input`,
    });
    return false;
  }

  /** `post.date < "2024-01-15"`: a string where a date is expected. */
  private quotedDate(literal: Operand): void {
    const text = String((literal as Extract<Operand, { kind: 'literal' }>).value);
    const dates = isValidIsoDate(text) ? [text] : isoDatesFor(text);
    this.bag.report('BL205', 'expected a date, found a string', literal.span, {
      help:
        dates.length > 0
          ? `write the date without quotes: ${dates.map((d) => `\`${d}\``).join(' or ')}`
          : 'a date is written without quotes, as `YYYY-MM-DD`',
    });
  }

  private mismatchHelp(left: Operand, right: Operand): string | undefined {
    // `post.author.followers == world_leader`: point at the field that holds that enum.
    const literal = [left, right].find((o): o is Extract<Operand, { kind: 'literal' }> => o.kind === 'literal' && o.type.kind === 'enum');
    if (literal && this.env.inputType) {
      const holder = fieldsOfType(this.env.inputType, literal.type as EnumType)[0];
      if (holder) return `\`${String(literal.value)}\` is a \`${typeName(literal.type)}\`; did you mean \`${this.env.inputName}.${holder}\`?`;
    }
    return 'both sides of a comparison must have the same type';
  }

  private in(expr: A.InExpr): Typed {
    const operand = this.operand(this.typed(expr.element), null);
    if (!operand) return ERROR;
    if (operand.type.kind === 'set') {
      this.bag.report('BL205', `\`in\` tests one value; \`${typeName(operand.type)}\` is a set`, expr.span, {
        help: `to test whether the set holds ${expr.set.elements.length === 1 ? 'it' : 'any of them'}, write ${anyOf(expr.element, expr.set.elements)}`,
      });
      return ERROR;
    }
    if (operand.type.kind === 'record') {
      this.bag.report('BL205', 'a record cannot be tested with `in`; test one of its fields', expr.element.span);
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
        this.bag.report('BL205', 'the set after `in` holds literals only', item.span, { help: 'to compare two fields, write `==`' });
        ok = false;
        continue;
      }
      if (!comparable(member.type, operand.type)) {
        if (operand.type.kind === 'date' && member.type.kind === 'string') {
          this.quotedDate(member);
          ok = false;
          continue;
        }
        this.bag.report('BL205', `\`${typeName(member.type)}\` value in a set of \`${typeName(operand.type)}\``, item.span, {
          help: `every value in the set must have the type \`${typeName(operand.type)}\`, like what it is tested against`,
        });
        ok = false;
        continue;
      }
      if (!this.withinBounds(operand, member)) {
        ok = false;
        continue;
      }
      if (listed.has(member.value)) {
        this.bag.report('BL405', `\`${String(member.value)}\` is listed twice`, item.span, { help: 'delete the repeat' });
        continue;
      }
      values.push(member.value);
      listed.add(member.value);
    }
    if (!ok) return ERROR;
    return { kind: 'condition', condition: { kind: 'in', operand, values, negated: expr.negated, span: expr.span } };
  }

  private has(expr: A.HasExpr): Typed {
    const set = this.operand(this.typed(expr.set), null);
    if (!set) return ERROR;
    if (set.type.kind !== 'set' || set.kind !== 'field') {
      this.bag.report('BL206', `\`has\` needs a set, found \`${typeName(set.type)}\``, expr.set.span, {
        help: set.type.kind === 'enum' ? 'to test a single value, write `==` or `in {…}`' : 'only `set<Enum>` fields have members',
      });
      return ERROR;
    }
    const element = set.type.element;
    if (expr.member.kind === 'SetLiteral') {
      this.bag.report('BL205', '`has` tests one member at a time', expr.member.span, {
        help: `for any of them write ${anyOf(expr.set, expr.member.elements)}; for all of them, join the tests with \`and\``,
      });
      return ERROR;
    }
    const member = this.typed(expr.member);
    let name: string | null = null;
    if (member.kind === 'bare') name = member.name;
    else if (member.kind === 'operand' && member.operand.kind === 'literal' && comparable(member.operand.type, element)) {
      name = member.operand.value as string;
    }
    if (name === null) {
      if (member.kind !== 'error') {
        this.bag.report('BL205', `expected a member of \`${element.name}\` after \`has\``, expr.member.span, {
          help: `members of \`${element.name}\`: ${element.members.map((m) => `\`${m}\``).join(', ')}`,
        });
      }
      return ERROR;
    }
    if (!element.members.includes(name)) {
      this.notAMember(element, name, expr.member.span);
      return ERROR;
    }
    return { kind: 'condition', condition: { kind: 'has', path: set.path, member: name, element, span: expr.span } };
  }
}

/** `s has a or s has b`, from the source of `s` and of the members (a placeholder when they are not simple). */
function anyOf(set: A.Expr, members: readonly A.Expr[]): string {
  const name = simpleText(set) ?? 'SET';
  const listed = members.map(simpleText);
  const shown = listed.length > 0 && listed.every((m) => m !== null) ? (listed as string[]) : ['a', 'b'];
  return `\`${shown.map((m) => `${name} has ${m}`).join(' or ')}\``;
}

function simpleText(expr: A.Expr): string | null {
  if (expr.kind === 'Path') return expr.segments.map((s) => s.name).join('.');
  if (expr.kind === 'IntLiteral' || expr.kind === 'StringLiteral') return expr.raw;
  return null;
}

const CONDITION_COMPARED = 'write the condition alone for `== true`, and with `not` for `== false`';

function notAValueHelp(symbol: Symbol, name: string): string | undefined {
  switch (symbol.kind) {
    case 'rule':
    case 'redline':
      return 'to share a condition between clauses, declare a `context`';
    case 'enum':
      return `name one of its members, as in \`${name}.${symbol.decl.members[0]?.name ?? 'member'}\``;
    default:
      return undefined;
  }
}

function conditionHelp(type: Type): string {
  if (type.kind === 'set') return 'test membership with `has`, e.g. `post.categories has hateful_conduct`';
  if (type.kind === 'enum') return 'compare it, e.g. `== member` or `in {a, b}`';
  return 'compare it with a value, e.g. `> 0`';
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
