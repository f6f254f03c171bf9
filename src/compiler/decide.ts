/**
 * The hot path: one `decide` function per version, allocation-free.
 *
 * - Every possible answer (default, each red line, each rule, each rule with each exemption
 *   that names it) is a frozen Decision built once at load time; `decide` returns one of them.
 * - Each set field tested with `has` is folded once per call into a bit mask (one pass over the
 *   array, a `switch` on its items); `has` is then a bit test.
 * - Red lines and rules are tried in descending order of the best outcome they could give
 *   (severity, then red line > rule > exempted rule, then declaration order: exactly the
 *   order `combine()` ranks outcomes in). An un-exempted firing returns at once: nothing after
 *   it can beat it. An exempted one is remembered (an integer key and the answer), and the
 *   scan stops as soon as no remaining clause could beat it.
 * - A rule's exemptions are tried least severe first (ties: first declared), so the first that
 *   holds is the one `applicableExemption()` picks.
 * - When every red line and rule needs some `has` to hold, a post with none of those members
 *   gets the default after the mask is built.
 * - Contexts are inlined; a costly context used more than once, and an exemption shared by
 *   several rules, is computed at most once per call (a lazily filled local).
 */
import type { CheckedClause, CheckedExemption, Condition, Program } from '../checker/program.js';
import { junction, leaf, negate, path, type Expr } from './conditions.js';
import { ts, Writer } from './emit.js';
import { comment, internal, jsString } from './names.js';

export interface Outcome {
  readonly constant: string;
  readonly action: string;
  readonly basis: 'redline' | 'rule' | 'exemption' | 'default';
  readonly clause: string | null;
  readonly exemption: string | null;
  readonly because: readonly string[];
}

/** Bits per mask word: small enough to stay a small integer in V8. */
const BITS_PER_WORD = 30;
/** A context or exemption condition costlier than this, used more than once, is cached. */
const CACHE_COST = 6;

interface Mask {
  readonly path: readonly string[];
  /** Member → [variable, bit]. */
  readonly bits: Map<string, readonly [string, number]>;
  readonly variables: string[];
}

/** Which bits (by mask variable) must be set for a condition to hold; null: no such knowledge. */
type Needs = Map<string, number> | null;

export class VersionDecide {
  readonly fn: string;
  readonly defaultOutcome: Outcome;
  readonly outcomes: Outcome[] = [];
  private readonly contexts: ReadonlyMap<string, Condition>;
  private readonly masks: Mask[] = [];
  private readonly cachedContexts = new Map<string, string>();
  private readonly cost = new Map<string, number>();
  private readonly outcomeOf = new Map<string, Outcome>();
  private readonly helpers: string[][] = [];
  private readonly helperCalls = new Map<string, string>();

  constructor(
    private readonly program: Program,
    readonly index: number,
    private readonly inputType: string,
  ) {
    this.fn = internal(`decide${index}`);
    this.contexts = new Map(program.contexts.map((c) => [c.name, c.body]));
    this.defaultOutcome = this.outcome('default', null, null);
    for (const r of program.redlines) this.outcome('redline', r, null);
    for (const r of program.rules) {
      this.outcome('rule', r, null);
      for (const e of this.exemptionsOf(r)) this.outcome('exemption', r, e);
    }
    this.collectMasks();
    this.planContexts();
  }

  private outcome(basis: Outcome['basis'], clause: CheckedClause | null, exemption: CheckedExemption | null): Outcome {
    const because: string[] = [];
    if (clause?.because != null) because.push(clause.because);
    if (exemption?.because != null) because.push(exemption.because);
    const severity = exemption?.severity ?? clause?.severity ?? this.program.defaultAction.severity;
    const o: Outcome = {
      constant: internal(`D${this.index}_${this.outcomes.length}`),
      action: this.program.scale.members[severity]!,
      basis,
      clause: clause?.name ?? null,
      exemption: exemption?.name ?? null,
      because,
    };
    this.outcomes.push(o);
    this.outcomeOf.set(`${basis}|${clause?.name ?? ''}|${exemption?.name ?? ''}`, o);
    return o;
  }

  private find(basis: Outcome['basis'], clause: CheckedClause, exemption: CheckedExemption | null): Outcome {
    return this.outcomeOf.get(`${basis}|${clause.name}|${exemption?.name ?? ''}`)!;
  }

  /** The exemptions naming a rule, in the order they are tried: least severe, then first declared. */
  private exemptionsOf(rule: CheckedClause): CheckedExemption[] {
    return (this.exemptionsByRule().get(rule.name) ?? [])
      .map((i) => ({ e: this.program.exemptions[i]!, i }))
      .sort((a, b) => a.e.severity - b.e.severity || a.i - b.i)
      .map(({ e }) => e);
  }

  /**
   * Indices of the exemptions naming each rule, in declaration order. Filtering every exemption
   * for every rule (and every rule for every exemption) was quadratic: seconds of a
   * 10,000-clause compile.
   */
  private byRule: Map<string, number[]> | null = null;
  private exemptionsByRule(): ReadonlyMap<string, readonly number[]> {
    if (!this.byRule) {
      this.byRule = new Map();
      this.program.exemptions.forEach((e, i) => {
        for (const name of new Set(e.from)) {
          const list = this.byRule!.get(name);
          if (list) list.push(i);
          else this.byRule!.set(name, [i]);
        }
      });
    }
    return this.byRule;
  }

  // ---- analysis ----------------------------------------------------------------------------

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
          walk(this.contexts.get(c.name)!);
          return;
        default:
          return;
      }
    };
    for (const clause of [...this.program.redlines, ...this.program.rules, ...this.program.exemptions]) {
      walk(clause.when);
      if (clause.unless) walk(clause.unless);
    }
  }

  private collectMasks(): void {
    const byPath = new Map<string, Mask>();
    let words = 0;
    this.forEachReachable((c) => {
      if (c.kind !== 'has') return;
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

  /** Static cost of evaluating a condition (leaf tests ≈ 1–2, `in` grows with its list). */
  private costOf(c: Condition): number {
    switch (c.kind) {
      case 'const':
        return 0;
      case 'has':
        return 1;
      case 'field':
      case 'compare':
        return 2;
      case 'in':
        return 1 + c.values.length;
      case 'not':
        return this.costOf(c.operand);
      case 'and':
      case 'or':
        return c.operands.reduce((sum, o) => sum + this.costOf(o), 0);
      case 'context':
        return this.cachedContexts.has(c.name) ? 2 : (this.cost.get(c.name) ?? 2);
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
    for (const clause of [...this.program.redlines, ...this.program.rules, ...this.program.exemptions]) {
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

  private needs(c: Condition): Needs {
    switch (c.kind) {
      case 'has': {
        const mask = this.masks.find((m) => JSON.stringify(m.path) === JSON.stringify(c.path))!;
        const [variable, bit] = mask.bits.get(c.member)!;
        return new Map([[variable, bit]]);
      }
      case 'const':
        return c.value ? null : new Map();
      case 'context':
        return this.needs(this.contexts.get(c.name)!);
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

  // ---- expressions -------------------------------------------------------------------------

  /**
   * A condition as an expression. Inside a helper (`inHelper`) there are no per-call locals:
   * a cached context is a plain call there.
   */
  expr(c: Condition, inHelper = false): Expr {
    switch (c.kind) {
      case 'not':
        return negate(this.expr(c.operand, inHelper));
      case 'and':
      case 'or': {
        // Pure and total on valid input: cheapest operands first (bit tests, then reads).
        const ordered = c.operands
          .map((o, i) => ({ o, i, cost: this.costOf(o) }))
          .sort((a, b) => a.cost - b.cost || a.i - b.i)
          .map(({ o }) => this.expr(o, inHelper));
        return junction(c.kind, ordered);
      }
      case 'context': {
        const local = this.cachedContexts.get(c.name);
        if (!local) return this.expr(this.contexts.get(c.name)!, inHelper);
        const call = this.helper(`context ${c.name}`, () => this.expr(this.contexts.get(c.name)!, true));
        return inHelper ? { code: call, prec: 'atom' } : lazy(local, call);
      }
      default:
        return leaf(c, 'input', (p, member) => {
          const mask = this.masks.find((m) => JSON.stringify(m.path) === JSON.stringify(p))!;
          const [variable, bit] = mask.bits.get(member)!;
          return { code: `(${variable} & ${bit}) !== 0`, prec: 'cmp' };
        });
    }
  }

  /**
   * A module-level function computing a condition from the input and the masks it reads; returns
   * the call. Identical bodies share one function.
   */
  private helper(what: string, body: () => Expr): string {
    const known = this.helperCalls.get(what);
    if (known) return known;
    const code = body().code;
    const masks = this.masks.flatMap((m) => m.variables).filter((v) => new RegExp(`\\${v}(?![\\w$])`).test(code));
    const name = internal(`h${this.index}_${this.helpers.length}`);
    const params = [`input${ts(`: ${this.inputType}`)}`, ...masks.map((m) => `${m}${ts(': number')}`)];
    this.helpers.push([comment(what), `function ${name}(${params.join(', ')})${ts(': boolean')} {`, `  return ${code};`, '}']);
    const call = `${name}(${['input', ...masks].join(', ')})`;
    this.helperCalls.set(what, call);
    return call;
  }

  /** `when` holds and `unless` does not. */
  private holds(clause: CheckedClause, inHelper = false): Expr {
    const when = this.expr(clause.when, inHelper);
    if (!clause.unless) return when;
    return junction('and', [when, negate(this.expr(clause.unless, inHelper))]);
  }

  // ---- emission ----------------------------------------------------------------------------

  emitOutcomes(w: Writer, version: string): void {
    for (const o of this.outcomes) {
      const args = [
        jsString(o.action),
        jsString(o.basis),
        o.clause === null ? 'null' : jsString(o.clause),
        o.exemption === null ? 'null' : jsString(o.exemption),
        version,
        `[${o.because.map(jsString).join(', ')}]`,
      ];
      w.line(`const ${o.constant} = ${internal('decision')}(${args.join(', ')});`);
    }
  }

  emitFunction(w: Writer): void {
    const { program } = this;
    const M = Math.max(program.redlines.length, program.rules.length) + 1;
    const key = (severity: number, rank: number, index: number) => (severity * 3 + rank) * M + (M - 1 - index);
    type Entry = { readonly clause: CheckedClause; readonly redline: boolean; readonly index: number; readonly potential: number };
    const entries: Entry[] = [
      ...program.redlines.map((clause, index) => ({ clause, redline: true, index, potential: key(clause.severity, 2, index) })),
      ...program.rules.map((clause, index) => ({ clause, redline: false, index, potential: key(clause.severity, 1, index) })),
    ].sort((a, b) => b.potential - a.potential);
    const dflt = this.defaultOutcome.constant;

    // The body first: which locals it needs is known once it is written.
    const body = new Writer(1);
    const sharedExemptions = this.planExemptionCache();
    let maxKey = -1;
    entries.forEach((entry, position) => {
      const next = entries[position + 1]?.potential ?? -1;
      const { clause } = entry;
      body.line(comment(`${entry.redline ? 'redline' : 'rule'} ${clause.name} -> ${clause.action}`));
      if (maxKey >= entry.potential) body.line(`if ($bestKey >= ${entry.potential}) return $best;`);
      const cond = this.holds(clause).code;
      if (entry.redline) {
        body.line(`if (${cond}) return ${this.find('redline', clause, null).constant};`);
        return;
      }
      const exemptions = this.exemptionsOf(clause);
      const unexempted = this.find('rule', clause, null).constant;
      if (exemptions.length === 0) {
        body.line(`if (${cond}) return ${unexempted};`);
        return;
      }
      body.block(`if (${cond}) {`, () => {
        exemptions.forEach((e, i) => {
          const outcome = this.find('exemption', clause, e).constant;
          const k = key(e.severity, 0, entry.index);
          body.line(`${i === 0 ? 'if' : '} else if'} (${this.exemptionHolds(e, sharedExemptions.get(e.name))}) {`);
          body.indent(() => {
            if (k > next) {
              // Nothing later can beat it: answer now (unless an earlier exempted rule did better).
              body.line(maxKey < k ? `return ${outcome};` : `return $bestKey > ${k} ? $best : ${outcome};`);
            } else if (maxKey < k) {
              body.line(`$bestKey = ${k};`);
              body.line(`$best = ${outcome};`);
            } else {
              body.block(`if ($bestKey < ${k}) {`, () => {
                body.line(`$bestKey = ${k};`);
                body.line(`$best = ${outcome};`);
              });
            }
          });
        });
        body.line('} else {');
        body.indent(() => body.line(`return ${unexempted};`));
        body.line('}');
      });
      for (const e of exemptions) {
        const k = key(e.severity, 0, entry.index);
        if (k <= next) maxKey = Math.max(maxKey, k);
      }
    });
    const code = body.toString();
    const uses = (name: string) => new RegExp(`\\${name}(?![\\w$])`).test(code);
    const best = uses('$best');
    // `$bestKey` only written, never compared: the writes go.
    if (!/\$bestKey (?:>=|>|<) /.test(code)) body.removeLines((line) => /^\s*\$bestKey = -?\d+;$/.test(line));
    body.line(`return ${best ? '$best' : dflt};`);

    for (const h of this.helpers) {
      w.lines_(h);
      w.line();
    }
    w.block(`function ${this.fn}(input${ts(`: ${this.inputType}`)})${ts(': Decision')} {`, () => {
      this.emitMasks(w);
      if (entries.length === 0) {
        w.line(`return ${dflt};`);
        return;
      }
      this.emitGate(w, entries.map((e) => e.clause));
      for (const [name, local] of this.cachedContexts) {
        if (uses(local)) w.line(`let ${local} = 2; ${comment(`context ${name}: 2 until computed, then 1 or 0`)}`);
      }
      for (const [name, local] of sharedExemptions) {
        if (uses(local)) w.line(`let ${local} = 2; ${comment(`exemption ${name}`)}`);
      }
      if (best) {
        if (/\$bestKey (?:>=|>|<) /.test(code)) w.line('let $bestKey = -1;');
        w.line(`let $best = ${dflt};`);
      }
      w.raw(body);
    });
  }

  private emitMasks(w: Writer): void {
    this.masks.forEach((mask, i) => {
      const items = internal(`s${i}`);
      w.line(`const ${items} = ${path('input', mask.path)};`);
      for (const v of mask.variables) w.line(`let ${v} = 0;`);
      w.block(`for (let $i = 0; $i < ${items}.length; $i++) {`, () => {
        w.block(`switch (${items}[$i]) {`, () => {
          for (const [member, [variable, bit]] of mask.bits) w.line(`case ${jsString(member)}: ${variable} |= ${bit}; break;`);
        });
      });
    });
  }

  /** Early default: when every red line and rule needs a bit, and none of those bits is set. */
  private emitGate(w: Writer, clauses: readonly CheckedClause[]): void {
    const union = new Map<string, number>();
    for (const clause of clauses) {
      const n = this.needs(clause.when);
      if (n === null) return;
      for (const [v, bits] of n) union.set(v, (union.get(v) ?? 0) | bits);
    }
    if (union.size === 0) return;
    const tests = [...union].map(([v, bits]) => `(${v} & ${bits})`);
    w.line(`if (${tests.length === 1 ? tests[0] : `(${tests.join(' | ')})`} === 0) return ${this.defaultOutcome.constant};`);
  }

  /** Exemptions that several rules consult, worth caching. */
  private ruleNamesCache: Set<string> | null = null;
  private ruleNames(): ReadonlySet<string> {
    return (this.ruleNamesCache ??= new Set(this.program.rules.map((r) => r.name)));
  }

  private planExemptionCache(): Map<string, string> {
    const cache = new Map<string, string>();
    this.program.exemptions.forEach((e, i) => {
      const users = [...new Set(e.from)].filter((name) => this.ruleNames().has(name)).length;
      const cost = this.costOf(e.when) + (e.unless ? this.costOf(e.unless) : 0);
      if (users > 1 && cost > 2) cache.set(e.name, internal(`e${i}`));
    });
    return cache;
  }

  private exemptionHolds(e: CheckedExemption, cached: string | undefined): string {
    if (!cached) return this.holds(e).code;
    return lazy(cached, this.helper(`exemption ${e.name}`, () => this.holds(e, true))).code;
  }
}

/** A condition computed at most once per call: `local` is 2 until then, 1 or 0 after. */
function lazy(local: string, call: string): Expr {
  return { code: `(${local} === 2 ? (${local} = ${call} ? 1 : 0) : ${local}) === 1`, prec: 'cmp' };
}

function bitCount(needs: Map<string, number>): number {
  let n = 0;
  for (const bits of needs.values()) for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}
