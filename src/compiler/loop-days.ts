/**
 * Dates inside a quantifier's loop function as day numbers, where that saves work per element.
 * An element's date field that `where` reads for every element, and turns into a day number at
 * least once (`s.content_posted >= s.date - 90 days`) and uses at least twice in all, is parsed
 * once per element (`const $d0 = $dayNumber($x.date)`); its comparisons with a loop-invariant
 * date (`s.date > piece.date - 1 year`, a parameter) or a literal then compare numbers, the
 * invariant's day number computed once per call (passed as one, or `const $b0 = $dayBound($p0)`
 * where the loop also reads its text: quantifiers.ts; the sentinels of a shift past the
 * writable years and an absent date compare as their text does). Everything
 * else stays as conditions.ts writes it: a field read once compares faster as text (measured:
 * docs/performance.md, Meta). Only fields that are never absent are parsed.
 */
import type { Condition, FieldOperand, Operand, Quantifier } from '../checker/program.js';
import { dayNumber } from '../runtime/dates.js';
import { dayShift, type Expr, type LeafEnv } from './conditions.js';
import { internal, jsNumber } from './names.js';
import type { RuntimeUse } from './runtime.js';
import type { Scope } from './scope.js';

type Compare = Extract<Condition, { kind: 'compare' }>;
type Computed = Exclude<Operand, { kind: 'field' | 'literal' }>;

/** What the plan needs of the loop's environment. */
export interface LoopReads extends LeafEnv {
  /** Whether a node does not depend on the element (computed outside, passed in). */
  outside(node: Condition | Operand): boolean;
  /** The day number of a date computed outside (a parameter's), made once per call. */
  invariantDay(o: FieldOperand | Computed): string;
}

const ORDERED = new Set(['<', '<=', '>', '>=']);

interface Uses {
  /** Read for every element: `where` reads it before anything can short-circuit. */
  sure: boolean;
  /** Turned into a day number (compared with a date moved by days). */
  parsed: number;
  /** Compared with a loop-invariant date, a literal or another element date, as text. */
  compared: number;
}

export class LoopDays {
  /** The element fields to parse once per element, by their read code. */
  private readonly planned = new Set<string>();
  /** Element day numbers made so far: read code → local (`$d0`), in order of first use. */
  private readonly elements = new Map<string, string>();

  constructor(
    private readonly scope: Scope,
    private readonly q: Quantifier,
    private readonly env: LoopReads,
    private readonly runtime: RuntimeUse,
  ) {
    if (q.where === null) return;
    const uses = new Map<string, Uses>();
    this.visit(q.where, true, (f) => {
      const code = this.code(f);
      let u = uses.get(code);
      if (!u) uses.set(code, (u = { sure: false, parsed: 0, compared: 0 }));
      return u;
    });
    for (const [code, u] of uses) if (u.sure && u.parsed >= 1 && u.parsed + u.compared >= 2) this.planned.add(code);
  }

  /** Walks `where` as the loop evaluates it: only the first operand of `and` / `or` is sure. */
  private visit(c: Condition, sure: boolean, use: (f: FieldOperand) => Uses): void {
    if (this.env.outside(c)) return;
    switch (c.kind) {
      case 'not':
        return this.visit(c.operand, sure, use);
      case 'and':
      case 'or':
        return c.operands.forEach((o, i) => this.visit(o, sure && i === 0, use));
      case 'context':
        return this.visit(this.scope.contexts.get(c.name)!, sure, use);
      case 'compare':
        return this.count(c, sure, use);
      default:
        return;
    }
  }

  private count(c: Compare, sure: boolean, use: (f: FieldOperand) => Uses): void {
    const read = [c.left, c.right].map((o) => (o.kind === 'shift' ? o.base : o)).filter((o) => this.elementDate(o));
    if (sure) for (const f of read) use(f).sure = true;
    const shifted = dayShift(c, this.env);
    if (shifted !== null) {
      for (const o of [shifted.shifted.base, shifted.other]) if (this.elementDate(o)) use(o).parsed++;
      return;
    }
    if (!ORDERED.has(c.op) || ![c.left, c.right].every((o) => this.elementDate(o) || this.invariantDate(o))) return;
    for (const o of [c.left, c.right]) if (this.elementDate(o)) use(o).compared++;
  }

  /** A date field of the element that is never absent. */
  private elementDate(o: Operand): o is FieldOperand {
    return o.kind === 'field' && o.root === this.q.id && o.type.kind === 'date' && !this.scope.absent(o);
  }

  /** A date the same for every element: a literal, or a parameter. */
  private invariantDate(o: Operand): boolean {
    return o.type.kind === 'date' && (o.kind === 'literal' || this.env.outside(o));
  }

  private code(f: FieldOperand): string {
    return this.scope.read(f, '$x');
  }

  /** The day number of an element's read (its code) when it is parsed once per element; null: parse it where it is. */
  dayOf(code: string): string | null {
    if (!this.planned.has(code)) return null;
    let local = this.elements.get(code);
    if (local === undefined) this.elements.set(code, (local = internal(`d${this.elements.size}`)));
    return local;
  }

  /** `c` on day numbers, when one side is a planned element field and the other has a day number. */
  compare(c: Compare): Expr | null {
    if (!ORDERED.has(c.op)) return null;
    const sides = [c.left, c.right];
    if (!sides.some((o) => this.elementDate(o) && this.planned.has(this.code(o)))) return null;
    if (!sides.every((o) => (this.elementDate(o) && this.planned.has(this.code(o))) || this.invariantDate(o))) return null;
    const day = (o: Operand): string => {
      if (o.kind === 'literal') return jsNumber(dayNumber(o.value as string));
      if (!this.elementDate(o)) return this.env.invariantDay(o);
      return this.dayOf(this.code(o))!; // planned, as checked above
    };
    return { code: `${day(c.left)} ${c.op} ${day(c.right)}`, prec: 'cmp' };
  }

  /** Lines at the top of the loop body, after `$x`: the element's day numbers. */
  get each(): string[] {
    const fn = () => this.runtime.use('dayNumber');
    return [...this.elements].map(([code, local]) => `    const ${local} = ${fn()}(${code});`);
  }
}
