/**
 * Quantifiers in generated code: `count`, `any` and `all` with a `where` become module-level
 * loop functions, one loop each over the list (or set), shared by every place that uses the
 * same code. A loop function takes the list and, as parameters, everything its `where` reads that does
 * not depend on the element (`post.date - 90 days`, a context, an enclosing quantifier's
 * element): the caller computes those once — `decide` from its per-call caches — instead of
 * once per element. Without a `where` a quantifier is the list's length.
 *
 * Explanations use a fourth kind, `match`: the indices of the elements `where` holds for.
 */
import type { Condition, FieldOperand, Operand, Quantifier, Type } from '../checker/program.js';
import { junction, leaf, negate, operand, type Expr, type LeafEnv } from './conditions.js';
import { ts, type Writer } from './emit.js';
import { LoopDays, type LoopReads } from './loop-days.js';
import { internal, jsNumber, jsString } from './names.js';
import type { RuntimeUse } from './runtime.js';
import type { Read, Scope } from './scope.js';
import type { TypeModel } from './types.js';

export type QuantifierUse = 'count' | 'any' | 'all' | 'match';

type Computed = Exclude<Operand, { kind: 'field' | 'literal' }>;

/**
 * A condition walker over a LeafEnv: `and`, `or`, `not` as they are (operands in the order
 * written), contexts inlined. The plain reading used by explanations and inside loop functions.
 */
export abstract class Walker implements Caller {
  constructor(
    readonly scope: Scope,
    protected readonly code: QuantifierCode,
  ) {}

  condition(c: Condition): Expr {
    switch (c.kind) {
      case 'not':
        return negate(this.condition(c.operand));
      case 'and':
      case 'or':
        return junction(c.kind, c.operands.map((o) => this.condition(o)));
      case 'context':
        return this.condition(this.scope.contexts.get(c.name)!);
      default:
        return leaf(c, this);
    }
  }

  abstract read(f: Read): string;

  absent(o: Operand): boolean {
    return this.scope.absent(o);
  }

  has(c: Extract<Condition, { kind: 'has' }>): Expr {
    return includes(this.read(c), this.scope.readAbsent(c), jsString(c.member));
  }

  computed(o: Computed): Expr {
    switch (o.kind) {
      case 'shift':
        return shift(o, this, this.code.runtime);
      case 'count':
        return this.code.call(o.quantifier, 'count', this);
      case 'value':
        return asExpr(this.scope.values.get(o.name)!, this);
    }
  }

  quantified(c: Extract<Condition, { kind: 'any' | 'all' }>): Expr {
    return this.code.call(c.quantifier, c.kind, this);
  }

  readDay(f: Read): string {
    return `${this.code.runtime.use('dayNumber')}(${this.read(f)})`;
  }

  hoisted(_o: Operand): boolean {
    return false;
  }
}

/** Plain reads below the input: explanations, which evaluate every condition and need no speed. */
export class PlainEnv extends Walker {
  read(f: Read): string {
    return inputRead(this.scope, f);
  }
}

/** A read below the input (outside every `where`, no element is in scope). */
export function inputRead(scope: Scope, f: Read): string {
  if (f.root !== null) throw new Error(`internal error: a read of quantifier ${f.root}'s element outside its where`);
  return scope.read(f, 'input');
}

/** `set.includes(member)`; a set read through an absent value holds nothing. */
export function includes(set: string, absent: boolean, member: string): Expr {
  return absent ? { code: `${set}?.includes(${member}) === true`, prec: 'cmp' } : { code: `${set}.includes(${member})`, prec: 'atom' };
}

/** A shifted date: `$shiftDate(input.post.date, -90, "day")`; a base that may be absent stays absent. */
export function shift(o: Extract<Operand, { kind: 'shift' }>, env: LeafEnv, runtime: RuntimeUse): Expr {
  const fn = runtime.use(env.absent(o.base) ? 'shiftDateOrAbsent' : 'shiftDate');
  return { code: `${fn}(${operand(o.base, env, false)}, ${jsNumber(o.amount)}, ${jsString(o.unit)})`, prec: 'atom' };
}

/** Any operand as an expression. */
export function asExpr(o: Operand, env: LeafEnv): Expr {
  return o.kind === 'field' || o.kind === 'literal' ? { code: operand(o, env, false), prec: 'atom' } : env.computed(o);
}

/** Where a quantifier is used: it computes the loop function's arguments. */
export interface Caller extends LeafEnv {
  readonly scope: Scope;
  condition(c: Condition): Expr;
}

interface Param {
  readonly name: string;
  readonly type: string;
  /** Computes the argument in the caller's environment. */
  readonly argument: (caller: Caller) => string;
  /** A date's: computes its day number instead (`dayBound` of the argument, without its text). */
  readonly day?: (caller: Caller) => string;
}

/**
 * Inside one quantifier's loop: its element is `$x`; whatever does not depend on it is a
 * parameter; some dates are compared as day numbers (loop-days.ts). Each parameter's uses are
 * recorded as they are emitted, as text or as a day number, and decide what the loop is passed:
 * a parameter's name leaves this class only through `text`, so no use of it goes unrecorded.
 */
class LoopEnv extends Walker implements LoopReads {
  readonly params: Param[] = [];
  private readonly byKey = new Map<unknown, string>();
  /** Parameters whose name the body holds: read as text. */
  private readonly asText = new Set<string>();
  /** Parameters read as day numbers: parameter → its day number's local (`$b0`), in order of first use. */
  private readonly asDay = new Map<string, string>();
  /** Whether `where` reads the element (`$x`). */
  private element = false;
  readonly days: LoopDays;

  constructor(
    scope: Scope,
    code: QuantifierCode,
    private readonly q: Quantifier,
  ) {
    super(scope, code);
    this.days = new LoopDays(scope, q, this, code.runtime);
  }

  /** Whether a node can be computed outside the loop. */
  outside(node: Condition | Operand): boolean {
    return node.kind !== 'const' && node.kind !== 'literal' && !this.scope.freeRoots(node).has(this.q.id);
  }

  private param(key: unknown, type: string, argument: (caller: Caller) => string, day?: (caller: Caller) => string): string {
    let name = this.byKey.get(key);
    if (name === undefined) {
      name = internal(`p${this.params.length}`);
      this.byKey.set(key, name);
      this.params.push(day === undefined ? { name, type, argument } : { name, type, argument, day });
    }
    return name;
  }

  /** A parameter as text: its name, a use recorded. */
  private text(name: string): string {
    this.asText.add(name);
    return name;
  }

  /** A parameter as a day number: its local (`$b0`), a use recorded. */
  private day(name: string): string {
    let local = this.asDay.get(name);
    if (local === undefined) this.asDay.set(name, (local = internal(`b${this.asDay.size}`)));
    return local;
  }

  /**
   * The loop function's parameters, and the lines before its loop: a date the loop reads only
   * as a day number is passed as one (`$shiftDay(input.date, -1, "year")`, no text built and
   * parsed again); one also read as text gets its day number once per call.
   */
  signature(): { params: Param[]; before: string[] } {
    const params: Param[] = [];
    const before: string[] = [];
    for (const p of this.params) {
      const local = this.asDay.get(p.name);
      if (local === undefined) params.push(p);
      else if (p.day !== undefined && !this.asText.has(p.name)) params.push({ name: local, type: 'number', argument: p.day });
      else {
        params.push(p);
        before.push(`  const ${local} = ${this.code.runtime.use('dayBound')}(${p.name});`);
      }
    }
    return { params, before };
  }

  /** Whether the body needs `const $x = $xs[$i]`: `where` reads the element, or `days.each` parses its dates. */
  get readsElement(): boolean {
    return this.element || this.days.each.length > 0;
  }

  override condition(c: Condition): Expr {
    if (!this.outside(c)) return (c.kind === 'compare' ? this.days.compare(c) : null) ?? super.condition(c);
    return { code: this.text(this.param(c, 'boolean', (caller) => caller.condition(c).code)), prec: 'atom' };
  }

  read(f: Read): string {
    if (f.root !== this.q.id) return this.text(this.readParam(f));
    this.element = true;
    return this.scope.read(f, '$x');
  }

  override readDay(f: Read): string {
    if (f.root !== this.q.id) return this.day(this.readParam(f));
    return this.days.dayOf(this.scope.read(f, '$x')) ?? super.readDay(f);
  }

  /** A date computed or read outside the loop as a day number: its parameter's, made once per call. */
  invariantDay(o: FieldOperand | Computed): string {
    return o.kind === 'field' ? this.readDay(o) : this.day(this.computedParam(o));
  }

  private readParam(f: Read): string {
    const absent = this.scope.readAbsent(f);
    const type = this.scope.typeAt(f);
    // A date never absent is a valid day: no sentinel, no null.
    const day = type.kind === 'date' ? (caller: Caller) => `${this.code.runtime.use(absent ? 'dayBound' : 'dayNumber')}(${caller.read(f)})` : undefined;
    return this.param(`${f.root} ${JSON.stringify(f.path)}`, this.code.typeOf(type, absent), (caller) => caller.read(f), day);
  }

  override hoisted(o: Operand): boolean {
    return this.outside(o);
  }

  override computed(o: Computed): Expr {
    if (!this.outside(o)) return super.computed(o);
    return { code: this.text(this.computedParam(o)), prec: 'atom' };
  }

  private computedParam(o: Computed): string {
    return this.param(o, this.code.tsType(o, this.scope), (caller) => asExpr(o, caller).code, this.callerDay(o));
  }

  /** A computed date's day number in the caller's environment. */
  private callerDay(o: Computed): ((caller: Caller) => string) | undefined {
    if (o.type.kind !== 'date') return undefined;
    const rt = this.code.runtime;
    if (o.kind !== 'shift') return (caller) => `${rt.use('dayBound')}(${asExpr(o, caller).code})`;
    return (caller) => `${rt.use('shiftDay')}(${operand(o.base, caller, false)}, ${jsNumber(o.amount)}, ${jsString(o.unit)})`;
  }
}

/** The loop functions of a module, each emitted once however many versions use it. */
export class QuantifierCode {
  private readonly functions: string[] = [];
  private readonly byText = new Map<string, string>();

  constructor(
    readonly runtime: RuntimeUse,
    private readonly types: TypeModel,
  ) {}

  /** The TypeScript type of an operand's value (absent: also null or undefined). */
  tsType(o: Operand, scope: Scope): string {
    return this.typeOf(o.type, scope.absent(o));
  }

  typeOf(type: Type, absent: boolean): string {
    const base = this.types.typeOf(type);
    return absent ? `${base} | null | undefined` : base;
  }

  /** A quantifier in `caller`'s environment: a loop function's call, or the list's length when there is no `where`. */
  call(q: Quantifier, use: QuantifierUse, caller: Caller): Expr {
    const scope = caller.scope;
    // Read only where the list is: a loop counts its parameters' uses as they are emitted.
    if (q.where === null && use === 'all') return { code: 'true', prec: 'atom' };
    const list = caller.read(q.collection);
    const absent = scope.absent(q.collection);
    const length = absent ? `(${list}?.length ?? 0)` : `${list}.length`;
    if (q.where === null && use !== 'match') return use === 'count' ? { code: length, prec: 'atom' } : { code: `${length} > 0`, prec: 'cmp' };
    const env = new LoopEnv(scope, this, q);
    const where: Expr = q.where === null ? { code: 'true', prec: 'atom' } : env.condition(q.where);
    const { params, before } = env.signature();
    const name = this.loop(use, q, where, absent, params, before, env.days.each, env.readsElement);
    const args = [list, ...params.map((p) => p.argument(caller))];
    const call = `${name}(${args.join(', ')})`;
    if (use === 'match' || params.length === 0) return { code: call, prec: 'atom' };
    // An empty list needs none of the arguments (a date a year back takes work to compute).
    const empty = use === 'count' ? '0' : String(use === 'all');
    return { code: `(${length} === 0 ? ${empty} : ${call})`, prec: 'atom' };
  }

  private loop(use: QuantifierUse, q: Quantifier, holds: Expr, absent: boolean, params: readonly Param[], before: readonly string[], each: readonly string[], readsElement: boolean): string {
    const where = holds.code;
    const element = this.types.typeOf(q.element);
    const listType = `readonly ${element}[]${absent ? ' | null | undefined' : ''}`;
    const signature = [`$xs${ts(`: ${listType}`)}`, ...params.map((p) => `${p.name}${ts(`: ${p.type}`)}`)].join(', ');
    const returns = use === 'count' ? 'number' : use === 'match' ? 'number[]' : 'boolean';
    const empty = use === 'count' ? '0' : use === 'match' ? '[]' : String(use === 'all');
    const lines = [`function \u0000(${signature})${ts(`: ${returns}`)} {`];
    if (absent) lines.push(`  if ($xs === undefined || $xs === null) return ${empty};`);
    if (use === 'count') lines.push('  let $n = 0;');
    if (use === 'match') lines.push(`  const $hits${ts(': number[]')} = [];`);
    lines.push(...before);
    lines.push('  for (let $i = 0; $i < $xs.length; $i++) {');
    if (readsElement) lines.push(`    const $x = $xs[$i]${ts('!')};`);
    lines.push(...each);
    if (use === 'count') lines.push(`    if (${where}) $n++;`);
    else if (use === 'match') lines.push(where === 'true' ? '    $hits.push($i);' : `    if (${where}) $hits.push($i);`);
    else if (use === 'any') lines.push(`    if (${where}) return true;`);
    else lines.push(`    if (${negate(holds).code}) return false;`);
    lines.push('  }');
    lines.push(`  return ${use === 'count' ? '$n' : use === 'match' ? '$hits' : String(use === 'all')};`);
    lines.push('}');
    const text = lines.join('\n');
    let name = this.byText.get(text);
    if (!name) {
      name = internal(`q${this.byText.size}`);
      this.byText.set(text, name);
      this.functions.push(text.replace('\u0000', name));
    }
    return name;
  }

  get empty(): boolean {
    return this.functions.length === 0;
  }

  emitFunctions(w: Writer): void {
    for (const f of this.functions) {
      w.lines_(f.split('\n'));
      w.line();
    }
  }
}
