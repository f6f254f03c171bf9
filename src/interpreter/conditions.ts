import type { Condition, Operand, Quantifier, Root, Value } from '../checker/program.js';
import { shiftDateOrAbsent } from '../runtime/dates.js';
import { compare } from '../semantics/compare.js';

export type Input = Readonly<Record<string, unknown>>;

/**
 * Evaluates conditions and values against one input, each context at most once. `evaluate`
 * short-cuts (for decisions); the tracer in explain.ts evaluates every node, so reads never
 * throw: a read through an absent optional field gives `undefined` (the checker's guards make
 * sure a decision never depends on one).
 */
export class ConditionEvaluator {
  private readonly conditionCache = new Map<string, boolean>();
  private readonly valueCache = new Map<string, unknown>();
  /** The element each quantifier is at, by quantifier id, while its `where` is evaluated. */
  private readonly elements = new Map<number, unknown>();

  constructor(
    private readonly input: Input,
    private readonly contexts: ReadonlyMap<string, Condition>,
    private readonly values: ReadonlyMap<string, Operand> = new Map(),
  ) {}

  evaluate(c: Condition): boolean {
    switch (c.kind) {
      case 'const':
        return c.value;
      case 'field':
        return this.read(c.root, c.path) === true;
      case 'context':
        return this.context(c.name);
      case 'not':
        return !this.evaluate(c.operand);
      case 'and':
        return c.operands.every((o) => this.evaluate(o));
      case 'or':
        return c.operands.some((o) => this.evaluate(o));
      case 'compare':
        return compare(c.op, this.value(c.left) as Value, this.value(c.right) as Value);
      case 'in':
        return c.values.includes(this.value(c.operand) as Value) !== c.negated;
      case 'has':
        return includes(this.read(c.root, c.path), c.member);
      case 'contains':
        return includes(this.read(c.set.root, c.set.path), this.value(c.value));
      case 'exists': {
        const v = this.read(c.field.root, c.field.path);
        return v !== undefined && v !== null;
      }
      case 'any':
        return this.matching(c.quantifier, true) > 0;
      case 'all':
        return this.allHold(c.quantifier);
    }
  }

  /** The value of an operand (undefined only where an absent optional field was read). */
  value(o: Operand): unknown {
    switch (o.kind) {
      case 'literal':
        return o.value;
      case 'field':
        return this.read(o.root, o.path);
      case 'shift':
        return shiftDateOrAbsent(this.value(o.base), o.amount, o.unit);
      case 'count':
        return this.matching(o.quantifier, false);
      case 'value': {
        if (!this.valueCache.has(o.name)) this.valueCache.set(o.name, this.value(this.values.get(o.name)!));
        return this.valueCache.get(o.name);
      }
    }
  }

  context(name: string): boolean {
    let value = this.conditionCache.get(name);
    if (value === undefined) {
      value = this.evaluate(this.contexts.get(name)!);
      this.conditionCache.set(name, value);
    }
    return value;
  }

  /** The indices of the elements for which the quantifier's `where` holds. */
  matched(q: Quantifier): number[] {
    const hits: number[] = [];
    this.each(q, (i, holds) => void (holds && hits.push(i)));
    return hits;
  }

  /** How many elements satisfy `where`; `stopAtFirst` (for `any`): 1 at most. */
  private matching(q: Quantifier, stopAtFirst: boolean): number {
    let n = 0;
    this.each(q, (_, holds) => {
      if (holds) n++;
      return stopAtFirst && holds;
    });
    return n;
  }

  /** `all`: stops at the first element `where` fails on. */
  private allHold(q: Quantifier): boolean {
    let all = true;
    this.each(q, (_, holds) => {
      if (!holds) all = false;
      return !holds;
    });
    return all;
  }

  /** Calls `visit` with each element's index and whether `where` holds for it, until it returns true. */
  private each(q: Quantifier, visit: (index: number, holds: boolean) => boolean | void): void {
    const items = this.collection(q);
    const outer = this.elements.get(q.id);
    try {
      for (let i = 0; i < items.length; i++) {
        this.elements.set(q.id, items[i]);
        if (visit(i, q.where === null || this.evaluate(q.where)) === true) return;
      }
    } finally {
      if (outer === undefined) this.elements.delete(q.id);
      else this.elements.set(q.id, outer);
    }
  }

  collection(q: Quantifier): readonly unknown[] {
    const items = this.read(q.collection.root, q.collection.path);
    return Array.isArray(items) ? items : [];
  }

  /** A field below the input or a quantifier's element; undefined through an absent value. */
  read(root: Root, path: readonly string[]): unknown {
    let value: unknown = root === null ? this.input : this.elements.get(root);
    for (const key of path) {
      if (value === null || value === undefined) return undefined;
      value = (value as Input)[key];
    }
    return value;
  }
}

function includes(set: unknown, member: unknown): boolean {
  return Array.isArray(set) && set.includes(member);
}

/** Reads a field of a validated input (below the input root). */
export function readPath(input: Input, path: readonly string[]): unknown {
  let value: unknown = input;
  for (const key of path) value = (value as Input)[key];
  return value;
}
