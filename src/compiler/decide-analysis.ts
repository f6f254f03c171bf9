/**
 * What the hot path knows of a version before writing it (decide.ts): the bit masks of the set
 * fields tested with `has`, the static cost of each condition (cheap operands go first, costly
 * contexts used more than once are cached), and which mask bits a condition needs to hold (so a
 * post with none of them gets the default at once).
 */
import type { CheckedClause, Condition, Operand, Program } from '../checker/program.js';
import type { Writer } from './emit.js';
import { internal, jsString } from './names.js';
import type { Scope } from './scope.js';

/** Bits per mask word: small enough to stay a small integer in V8. */
const BITS_PER_WORD = 30;
/** A context or exemption condition costlier than this, used more than once, is cached. */
export const CACHE_COST = 6;
/** What a quantifier with a `where` costs, besides its `where`: it walks a list. */
const LIST_COST = 20;

export interface Mask {
  readonly path: readonly string[];
  /** Member → [variable, bit]. */
  readonly bits: Map<string, readonly [string, number]>;
  readonly variables: string[];
}

/** Which bits (by mask variable) must be set for a condition to hold; null: no such knowledge. */
export type Needs = ReadonlyMap<string, number> | null;

export class DecideAnalysis {
  readonly masks: Mask[] = [];
  /** Cached contexts: name → the local (or cache slot) holding their value in a call. */
  readonly cachedContexts = new Map<string, string>();
  private readonly cost = new Map<string, number>();
  /** The `needs` of each context, computed once (shared, hence read-only). */
  private readonly contextNeeds = new Map<string, Needs>();

  constructor(
    private readonly program: Program,
    private readonly scope: Scope,
  ) {
    this.collectMasks();
    this.planContexts();
  }

  private clauses() {
    return [...this.program.redlines, ...this.program.rules, ...this.program.exemptions];
  }

  /** Every condition the clauses reach, through contexts (each context once), not inside a `where`. */
  private forEachReachable(visit: (c: Condition) => void): void {
    const seenContexts = new Set<string>();
    const walk = (c: Condition): void => {
      visit(c);
      switch (c.kind) {
        case 'not':
          walk(c.operand);
          return;
        case 'and':
        case 'or':
          c.operands.forEach(walk);
          return;
        case 'context':
          if (seenContexts.has(c.name)) return;
          seenContexts.add(c.name);
          walk(this.scope.contexts.get(c.name)!);
          return;
        default:
          return;
      }
    };
    for (const clause of this.clauses()) {
      walk(clause.when);
      if (clause.unless) walk(clause.unless);
    }
  }

  /** Sets of the input tested with `has` (never through an optional field: a mask reads the set). */
  private collectMasks(): void {
    const byPath = new Map<string, Mask>();
    let words = 0;
    this.forEachReachable((c) => {
      if (c.kind !== 'has' || c.root !== null || this.scope.readAbsent(c)) return;
      const key = JSON.stringify(c.path);
      let mask = byPath.get(key);
      if (!mask) {
        mask = { path: c.path, bits: new Map(), variables: [] };
        byPath.set(key, mask);
        this.masks.push(mask);
      }
      if (mask.bits.has(c.member)) return;
      const n = mask.bits.size;
      if (n % BITS_PER_WORD === 0) mask.variables.push(internal(`m${words++}`));
      mask.bits.set(c.member, [mask.variables[mask.variables.length - 1]!, 2 ** (n % BITS_PER_WORD)]);
    });
  }

  /** The mask variable and bit of `set has member`, when the set has a mask. */
  bit(c: Extract<Condition, { kind: 'has' }>): readonly [string, number] | null {
    if (c.root !== null) return null;
    const key = JSON.stringify(c.path);
    const mask = this.masks.find((m) => JSON.stringify(m.path) === key);
    return mask?.bits.get(c.member) ?? null;
  }

  /** Static cost of evaluating a condition (leaf tests ≈ 1–2, `in` grows with its list, a list walk much more). */
  costOf(c: Condition): number {
    switch (c.kind) {
      case 'const':
        return 0;
      case 'has':
        return c.root === null ? 1 : 2;
      case 'field':
      case 'exists':
        return 2;
      case 'compare':
        return 2 + this.operandCost(c.left) + this.operandCost(c.right);
      case 'contains':
        return 3 + this.operandCost(c.value);
      case 'in':
        return 1 + c.values.length + this.operandCost(c.operand);
      case 'any':
      case 'all':
        return c.quantifier.where === null ? 2 : LIST_COST + this.costOf(c.quantifier.where);
      case 'not':
        return this.costOf(c.operand);
      case 'and':
      case 'or':
        return c.operands.reduce((sum, o) => sum + this.costOf(o), 0);
      case 'context':
        return this.cachedContexts.has(c.name) ? 2 : (this.cost.get(c.name) ?? 2);
    }
  }

  /** What computing an operand adds to a test (a read or a literal: nothing). */
  private operandCost(o: Operand): number {
    switch (o.kind) {
      case 'field':
      case 'literal':
        return 0;
      case 'shift':
        return 4 + this.operandCost(o.base);
      case 'count':
        return o.quantifier.where === null ? 1 : LIST_COST + this.costOf(o.quantifier.where);
      case 'value':
        // Cached per call after its first use.
        return 3;
    }
  }

  /** Caches a costly context used more than once; the rest are inlined. */
  private planContexts(): void {
    const uses = new Map<string, number>();
    const count = (c: Condition): void => {
      if (c.kind === 'context') uses.set(c.name, (uses.get(c.name) ?? 0) + 1);
      else if (c.kind === 'not') count(c.operand);
      else if (c.kind === 'and' || c.kind === 'or') c.operands.forEach(count);
    };
    for (const clause of this.clauses()) {
      count(clause.when);
      if (clause.unless) count(clause.unless);
    }
    for (const ctx of this.program.contexts) count(ctx.body);
    // Dependency order: a context's cost is known before anything that uses it.
    for (const ctx of this.program.contexts) {
      const cost = this.costOf(ctx.body);
      this.cost.set(ctx.name, cost);
      if (cost > CACHE_COST && (uses.get(ctx.name) ?? 0) > 1) this.cachedContexts.set(ctx.name, internal(`c${this.cachedContexts.size}`));
    }
  }

  needs(c: Condition): Needs {
    switch (c.kind) {
      case 'has': {
        const bit = this.bit(c);
        return bit === null ? null : new Map([[bit[0], bit[1]]]);
      }
      case 'const':
        return c.value ? null : new Map();
      case 'context': {
        // Memoised: clauses reach the same long chains of contexts again and again.
        let n = this.contextNeeds.get(c.name);
        if (n === undefined) this.contextNeeds.set(c.name, (n = this.needs(this.scope.contexts.get(c.name)!)));
        return n;
      }
      case 'and': {
        let best: Needs = null;
        for (const o of c.operands) {
          const n = this.needs(o);
          if (n !== null && (best === null || bitCount(n) < bitCount(best))) best = n;
        }
        return best;
      }
      case 'or': {
        const union = new Map<string, number>();
        for (const o of c.operands) {
          const n = this.needs(o);
          if (n === null) return null;
          for (const [v, bits] of n) union.set(v, (union.get(v) ?? 0) | bits);
        }
        return union;
      }
      default:
        return null;
    }
  }
}

function bitCount(needs: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const bits of needs.values()) for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

/** Each set field's mask, one pass over its array: a `switch` sets the bit of each member tested. */
export function emitMasks(w: Writer, analysis: DecideAnalysis, scope: Scope): void {
  analysis.masks.forEach((mask, i) => {
    const items = internal(`s${i}`);
    w.line(`const ${items} = ${scope.read({ root: null, path: mask.path }, 'input')};`);
    for (const v of mask.variables) w.line(`let ${v} = 0;`);
    w.block(`for (let $i = 0; $i < ${items}.length; $i++) {`, () => {
      w.block(`switch (${items}[$i]) {`, () => {
        for (const [member, [variable, bit]] of mask.bits) w.line(`case ${jsString(member)}: ${variable} |= ${bit}; break;`);
      });
    });
  });
}

/** Early default (`dflt`): when every red line and rule needs a bit, and none of those bits is set. */
export function emitGate(w: Writer, analysis: DecideAnalysis, clauses: readonly CheckedClause[], dflt: string): void {
  const union = new Map<string, number>();
  for (const clause of clauses) {
    const n = analysis.needs(clause.when);
    if (n === null) return;
    for (const [v, bits] of n) union.set(v, (union.get(v) ?? 0) | bits);
  }
  if (union.size === 0) return;
  const tests = [...union].map(([v, bits]) => `(${v} & ${bits})`);
  w.line(`if (${tests.length === 1 ? tests[0] : `(${tests.join(' | ')})`} === 0) return ${dflt};`);
}
