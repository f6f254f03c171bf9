/**
 * The hot path: one `decide` function per version, allocation-free.
 *
 * - Every possible answer is a frozen constant built once at load time (answers.ts); `decide`
 *   returns one of them (Bylaw 1), or finds one per outcome and returns their combination.
 * - Each set field tested with `has` is folded once per call into a bit mask (one pass over the
 *   array, a `switch` on its items); `has` is then a bit test (decide-analysis.ts).
 * - For each outcome, its red lines and rules are tried in the decision plan's order (best
 *   possible answer first: src/semantics/plan.ts). An un-exempted firing answers at once: nothing
 *   after it can beat it. An exempted one is remembered (an integer key and the answer), and the
 *   scan stops as soon as no remaining clause could beat it. A rule's exemptions are tried in
 *   the rule's preference order, so the first that holds is the one the plan applies.
 * - When every red line and rule needs some `has` to hold, a post with none of those members
 *   gets the default after the mask is built.
 * - Contexts are inlined; a costly context used more than once, an exemption shared by several
 *   rules and a clause several outcomes consult are computed at most once per call (a lazily
 *   filled local). Value contexts and quantifiers (quantifiers.ts) are too: each list is walked
 *   at most once per call, however many clauses read it.
 * - A large version (a body over 60,000 characters: V8 would not optimize it) is emitted as
 *   chunk functions of a dozen clauses or so, called in order (decide-chunked.ts).
 */
import type { CheckedClause, CheckedExemption, Condition, Operand, Program } from '../checker/program.js';
import type { Contribution, VersionPlan } from '../semantics/plan.js';
import { emitDecisions, emitOutcomes, OutcomeAnswers, type DecisionConstant } from './answers.js';
import { junction, leaf, negate, type Expr, type LeafEnv } from './conditions.js';
import { DecideAnalysis, emitGate, emitMasks } from './decide-analysis.js';
import { emitChunked } from './decide-chunked.js';
import { ts, Writer } from './emit.js';
import { comment, internal, jsString } from './names.js';
import { asExpr, includes, inputRead, shift, type QuantifierCode } from './quantifiers.js';
import type { RuntimeUse } from './runtime.js';
import { Scope, type Read } from './scope.js';

/**
 * How large a version's decide may grow, in characters of JavaScript. A body longer than
 * `single` is emitted as chunk functions of about `chunk` characters each (whole clauses).
 * V8 optimizes no function of more than 60 KB of bytecode (about 100,000 characters of this
 * code), and its optimizing compiler takes superlinear time in a function's size: a chunk of
 * ~8,000 characters (a dozen clauses) compiles in milliseconds, one of 30,000 in hundreds.
 */
export interface DecideSizes {
  readonly single: number;
  readonly chunk: number;
}

export const DECIDE_SIZES: DecideSizes = { single: 60_000, chunk: 8_000 };

/** A value or quantifier result cached per call. */
export interface CachedValue {
  readonly local: string;
  /** Its TypeScript type. */
  readonly type: string;
  readonly code: string;
}

export class VersionDecide implements LeafEnv {
  readonly fn: string;
  readonly scope: Scope;
  readonly analysis: DecideAnalysis;
  /** One per outcome (a Bylaw 1 version has one). */
  readonly outcomes: readonly OutcomeAnswers[];
  /** The version declares its outcomes: its Decision is their combination (`$outcomes<v>`). */
  readonly several: boolean;
  readonly combine: string;
  /** Module-level helper functions of this version (cached conditions, computed from the input and masks). */
  readonly helpers: string[][] = [];
  private readonly helperCalls = new Map<string, string>();
  /** Chunked: each cache local's slot in the shared cache array. Null: one function, locals. */
  slots: Map<string, number> | null = null;
  /** Declared outcomes: clauses more than one outcome consults, cached per call. */
  readonly sharedClauses = new Map<CheckedClause, string>();
  /** Values and quantifier results cached per call, in the order computed (a value after what it reads). */
  cachedValues: CachedValue[] = [];
  private cachedByKey = new Map<unknown, CachedValue>();

  /** `partTypes`: with declared outcomes, each outcome's part type (`ContentDecision`). `mixed`: some versions declare outcomes, some do not. */
  constructor(
    readonly program: Program,
    readonly index: number,
    readonly inputType: string,
    plan: VersionPlan,
    readonly runtime: RuntimeUse,
    private readonly quantifiers: QuantifierCode,
    private readonly partTypes: readonly string[] = [],
    private readonly mixed = false,
  ) {
    this.fn = internal(`decide${index}`);
    this.scope = Scope.of(program);
    this.several = program.declaredOutcomes;
    this.combine = internal(`outcomes${index}`);
    this.outcomes = plan.outcomes.map((o) => new OutcomeAnswers(program, index, o, this.several));
    this.analysis = new DecideAnalysis(program, this.scope);
    if (this.several) this.planSharedClauses();
  }

  private planSharedClauses(): void {
    const uses = new Map<CheckedClause, number>();
    for (const o of this.outcomes) for (const c of o.plan.contributions) uses.set(c.clause, (uses.get(c.clause) ?? 0) + 1);
    for (const [clause, n] of uses) {
      const cost = this.analysis.costOf(clause.when) + (clause.unless ? this.analysis.costOf(clause.unless) : 0);
      if (n > 1 && cost > 2) this.sharedClauses.set(clause, internal(`k${this.sharedClauses.size}`));
    }
  }

  emitConstants(w: Writer, version: string): void {
    if (!this.several) emitDecisions(w, this.runtime, this.outcomes[0]!, version, this.mixed);
    else emitOutcomes(w, this.runtime, this.program, this.outcomes, this.partTypes, this.combine, this.index);
  }

  // ---- the leaves' environment (LeafEnv) -------------------------------------------------------

  read(f: Read): string {
    return inputRead(this.scope, f);
  }

  absent(o: Operand): boolean {
    return this.scope.absent(o);
  }

  has(c: Extract<Condition, { kind: 'has' }>): Expr {
    const bit = this.analysis.bit(c);
    if (bit !== null) return { code: `(${bit[0]} & ${bit[1]}) !== 0`, prec: 'cmp' };
    return includes(this.read(c), this.scope.readAbsent(c), jsString(c.member));
  }

  computed(o: Exclude<Operand, { kind: 'field' | 'literal' }>): Expr {
    switch (o.kind) {
      case 'shift':
        return shift(o, this, this.runtime);
      case 'count':
        if (o.quantifier.where === null) return this.quantifiers.call(o.quantifier, 'count', this);
        return this.cached(o.quantifier, 'number', () => this.quantifiers.call(o.quantifier, 'count', this));
      case 'value': {
        // A read, or a count (cached as a quantifier), is not cached again: only a shifted date is.
        const value = this.scope.values.get(o.name)!;
        if (value.kind !== 'shift') return asExpr(value, this);
        return this.cached(`value ${o.name}`, this.quantifiers.tsType(value, this.scope), () => asExpr(value, this));
      }
    }
  }

  quantified(c: Extract<Condition, { kind: 'any' | 'all' }>): Expr {
    const q = c.quantifier;
    if (q.where === null) return this.quantifiers.call(q, c.kind, this);
    return this.cached(q, 'boolean', () => this.quantifiers.call(q, c.kind, this));
  }

  condition(c: Condition): Expr {
    return this.expr(c);
  }

  readDay(f: Read): string {
    return `${this.runtime.use('dayNumber')}(${this.read(f)})`;
  }

  hoisted(_o: Operand): boolean {
    return false;
  }

  /**
   * A value computed at most once per call. One function: a local filled on first use
   * (`($v0 ??= …)`). Chunked: computed at the start of `decide` and passed to the chunks.
   */
  private cached(key: unknown, type: string, make: () => Expr): Expr {
    let item = this.cachedByKey.get(key);
    if (!item) {
      const local = internal(`v${this.cachedByKey.size}`);
      this.cachedByKey.set(key, { local, type, code: '' });
      // Made after its name is taken: what it reads is cached before it, in `cachedValues`.
      item = { local, type, code: make().code };
      this.cachedByKey.set(key, item);
      this.cachedValues.push(item);
    }
    return this.slots === null ? { code: `(${item.local} ??= ${item.code})`, prec: 'atom' } : { code: item.local, prec: 'atom' };
  }

  /** Forgets the cached values (and helpers): the chunked form writes them again. */
  restart(): void {
    this.helpers.length = 0;
    this.helperCalls.clear();
    this.cachedValues = [];
    this.cachedByKey = new Map();
  }

  // ---- expressions -------------------------------------------------------------------------

  /**
   * A condition as an expression. Inside a helper (`inHelper`) there are no per-call locals:
   * a cached context is a plain call there. Helpers never hold what walks a list.
   */
  expr(c: Condition, inHelper = false): Expr {
    switch (c.kind) {
      case 'not':
        return negate(this.expr(c.operand, inHelper));
      case 'and':
      case 'or': {
        // Pure and total: cheapest operands first (bit tests, then reads, then lists).
        const ordered = c.operands
          .map((o, i) => ({ o, i, cost: this.analysis.costOf(o) }))
          .sort((a, b) => a.cost - b.cost || a.i - b.i)
          .map(({ o }) => this.expr(o, inHelper));
        return junction(c.kind, ordered);
      }
      case 'context': {
        const body = this.scope.contexts.get(c.name)!;
        const local = this.analysis.cachedContexts.get(c.name);
        if (!local) return this.expr(body, inHelper);
        if (this.scope.walksLists(body)) return this.lazy(local, parenthesized(this.expr(body)));
        const call = this.helper(`context ${c.name}`, () => this.expr(body, true));
        return inHelper ? { code: call, prec: 'atom' } : this.lazy(local, call);
      }
      default:
        return leaf(c, this);
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
    const masks = this.analysis.masks.flatMap((m) => m.variables).filter((v) => new RegExp(`\\${v}(?![\\w$])`).test(code));
    const name = internal(`h${this.index}_${this.helpers.length}`);
    const params = [`input${ts(`: ${this.inputType}`)}`, ...masks.map((m) => `${m}${ts(': number')}`)];
    this.helpers.push([comment(what), `function ${name}(${params.join(', ')})${ts(': boolean')} {`, `  return ${code};`, '}']);
    const call = `${name}(${['input', ...masks].join(', ')})`;
    this.helperCalls.set(what, call);
    return call;
  }

  /** `when` holds and `unless` does not; a clause several outcomes consult, once per call. */
  holds(clause: CheckedClause, inHelper = false): Expr {
    const shared = this.sharedClauses.get(clause);
    if (!shared || inHelper) return this.bare(clause, inHelper);
    if (this.walksLists(clause)) return this.lazy(shared, parenthesized(this.bare(clause)));
    return this.lazy(shared, this.helper(`clause ${clause.name}`, () => this.bare(clause, true)));
  }

  private bare(clause: CheckedClause, inHelper = false): Expr {
    const when = this.expr(clause.when, inHelper);
    if (!clause.unless) return when;
    return junction('and', [when, negate(this.expr(clause.unless, inHelper))]);
  }

  private walksLists(clause: CheckedClause): boolean {
    return this.scope.walksLists(clause.when) || (clause.unless !== null && this.scope.walksLists(clause.unless));
  }

  /** Exemptions that several rules consult (in any outcome), worth caching. */
  planExemptionCache(): Map<string, string> {
    const users = new Map<CheckedExemption, number>();
    for (const o of this.outcomes) {
      for (const c of o.plan.contributions) for (const x of c.exempted) users.set(x.exemption, (users.get(x.exemption) ?? 0) + 1);
    }
    const cache = new Map<string, string>();
    this.program.exemptions.forEach((e, i) => {
      const cost = this.analysis.costOf(e.when) + (e.unless ? this.analysis.costOf(e.unless) : 0);
      if ((users.get(e) ?? 0) > 1 && cost > 2) cache.set(e.name, internal(`e${i}`));
    });
    return cache;
  }

  private exemptionHolds(e: CheckedExemption, cached: string | undefined): string {
    if (!cached) return this.holds(e).code;
    if (this.walksLists(e)) return this.lazy(cached, parenthesized(this.bare(e))).code;
    return this.lazy(cached, this.helper(`exemption ${e.name}`, () => this.holds(e, true))).code;
  }

  /**
   * A condition computed at most once per call. One function: the local `local` is 2 until
   * then, 1 or 0 after. Chunked: its slot in the cache array `$c` holds `$t` (true) or `-$t`
   * (false) once computed in this call, anything else before.
   */
  private lazy(local: string, call: string): Expr {
    const slot = this.slots?.get(local);
    if (slot === undefined) return { code: `(${local} === 2 ? (${local} = ${call} ? 1 : 0) : ${local}) === 1`, prec: 'cmp' };
    const at = `$c[${slot}]`;
    return { code: `${at} === $t || ${at} !== -$t && (${at} = ${call} ? $t : -$t) > 0`, prec: 'or' };
  }

  // ---- emission ----------------------------------------------------------------------------

  /**
   * The version's decide function; a body longer than `sizes.single` characters is emitted as
   * chunk functions instead (decide-chunked.ts).
   */
  emitFunction(w: Writer, sizes: DecideSizes = DECIDE_SIZES): void {
    if (this.several) {
      this.emitSeveral(w, sizes);
      return;
    }
    const answers = this.outcomes[0]!;
    const entries = answers.plan.contributions;
    const dflt = answers.defaultConstant.constant;
    if (entries.length === 0) {
      w.block(`function ${this.fn}(input${ts(`: ${this.inputType}`)})${ts(': Decision')} {`, () => {
        this.emitMasks(w);
        w.line(`return ${dflt};`);
      });
      return;
    }
    // The body first: which locals it needs is known once it is written.
    const sharedExemptions = this.planExemptionCache();
    const written = this.writeBody(answers, 0, sharedExemptions, sizes.single);
    if (written === null) {
      emitChunked(this, w, sharedExemptions, sizes.chunk);
      return;
    }
    const body = written.chunks[0]!;
    const code = body.toString();
    const uses = usesIn(code);
    const best = uses('$best');
    const comparesKey = dropUnreadBestKey(body, code);
    body.line(`return ${best ? '$best' : dflt};`);

    this.emitHelpers(w);
    w.block(`function ${this.fn}(input${ts(`: ${this.inputType}`)})${ts(': Decision')} {`, () => {
      this.emitMasks(w);
      this.emitGate(w, dflt);
      this.emitLocals(w, uses, sharedExemptions);
      if (best) {
        if (comparesKey) w.line('let $bestKey = -1;');
        w.line(`let $best = ${dflt};`);
      }
      w.raw(body);
    });
  }

  /** Declared outcomes in one function: each outcome's scan in a labelled block, setting `$a<o>`. */
  private emitSeveral(w: Writer, sizes: DecideSizes): void {
    const sharedExemptions = this.planExemptionCache();
    const bodies: (Writer | null)[] = [];
    let length = 0;
    for (const [o, answers] of this.outcomes.entries()) {
      if (answers.plan.contributions.length === 0) {
        bodies.push(null);
        continue;
      }
      const written = this.writeBody(answers, o, sharedExemptions, sizes.single - length);
      if (written === null) {
        emitChunked(this, w, sharedExemptions, sizes.chunk);
        return;
      }
      bodies.push(written.chunks[0]!);
      length += written.chunks[0]!.length;
    }
    const code = bodies.map((b) => b?.toString() ?? '').join('\n');
    const uses = usesIn(code);
    this.emitHelpers(w);
    w.block(`function ${this.fn}(input${ts(`: ${this.inputType}`)})${ts(': Decision')} {`, () => {
      this.emitMasks(w);
      this.emitGate(w, `${this.combine}(${this.outcomes.map(() => '0').join(', ')})`);
      this.emitLocals(w, uses, sharedExemptions);
      bodies.forEach((body, o) => {
        if (body === null) {
          w.line(`const $a${o} = 0;`);
          return;
        }
        const text = body.toString();
        const best = usesIn(text)('$best');
        const comparesKey = dropUnreadBestKey(body, text);
        if (best) body.line(`$a${o} = $best;`);
        w.line(`let $a${o} = 0;`);
        const block = () => {
          if (best && comparesKey) w.line('let $bestKey = -1;');
          if (best) w.line('let $best = 0;');
          w.raw(body);
        };
        // A block nothing breaks out of needs no label.
        if (text.includes(`break $o${o};`)) w.block(`$o${o}: {`, block);
        else w.block('{', block);
      });
      w.line(`return ${this.combine}(${this.outcomes.map((_, o) => `$a${o}`).join(', ')});`);
    });
  }

  /** The per-call locals the code uses: cached contexts, exemptions and clauses, then values. */
  private emitLocals(w: Writer, uses: (name: string) => boolean, sharedExemptions: ReadonlyMap<string, string>): void {
    for (const [name, local] of this.analysis.cachedContexts) {
      if (uses(local)) w.line(`let ${local} = 2; ${comment(`context ${name}: 2 until computed, then 1 or 0`)}`);
    }
    for (const [name, local] of sharedExemptions) {
      if (uses(local)) w.line(`let ${local} = 2; ${comment(`exemption ${name}`)}`);
    }
    for (const [clause, local] of this.sharedClauses) {
      if (uses(local)) w.line(`let ${local} = 2; ${comment(`${clause.kind} ${clause.name}`)}`);
    }
    for (const v of this.cachedValues) {
      if (uses(v.local)) w.line(`let ${v.local}${ts(`: ${v.type} | undefined`)};`);
    }
  }

  emitHelpers(w: Writer): void {
    for (const h of this.helpers) {
      w.lines_(h);
      w.line();
    }
  }

  /**
   * One outcome's entries: the body of one function, or (in chunked mode, `this.slots` set)
   * chunks of whole clauses of about `budget` characters each. One function: null once longer
   * than `budget` (the caller starts again, chunked).
   *
   * Bylaw 1 in one function: an answer is a Decision constant and `$best` holds one. Otherwise
   * answers are indices: a chunk returns `~index` for a final answer, or `$best`, the best
   * exempted answer so far (or the default, 0), for the next chunk to go on from; with declared
   * outcomes in one function the scan sets `$a<o>` and leaves its block.
   */
  writeBody(
    answers: OutcomeAnswers,
    o: number,
    sharedExemptions: ReadonlyMap<string, string>,
    budget: number,
  ): { chunks: Writer[]; keys: Map<number, number> } | null {
    const chunked = this.slots !== null;
    const blocks = this.several && !chunked;
    const final = (c: DecisionConstant) => (chunked ? `~${c.index}` : blocks ? String(c.index) : c.constant);
    const valueOf = (c: DecisionConstant) => (chunked || blocks ? String(c.index) : c.constant);
    // Ends the scan with an answer: alone on a line, or after an `if (…)`.
    const stop = (x: string) => (blocks ? `$a${o} = ${x}; break $o${o};` : `return ${x};`);
    const stopIf = (x: string) => (blocks ? `{ ${stop(x)} }` : stop(x));
    const entries = answers.plan.contributions;
    const depth = blocks ? 2 : 1;
    const chunks = [new Writer(depth)];
    /** Answer index → its key, for each answer that can become `$best`. */
    const keys = new Map<number, number>([[answers.defaultConstant.index, -1]]);
    let body = chunks[0]!;
    let maxKey = -1;
    for (let position = 0; position < entries.length; position++) {
      if (body.length > budget) {
        if (!chunked) return null;
        chunks.push((body = new Writer(depth)));
      }
      const entry: Contribution = entries[position]!;
      const next = entries[position + 1]?.answer.key ?? -1;
      const potential = entry.answer.key;
      const { clause } = entry;
      body.line(comment(`${entry.kind} ${clause.name} -> ${entry.answer.action}`));
      if (maxKey >= potential) body.line(`if ($bestKey >= ${potential}) ${stopIf(chunked ? '~$best' : '$best')}`);
      const cond = this.holds(clause).code;
      if (entry.kind === 'redline') {
        body.line(`if (${cond}) ${stopIf(final(answers.of(entry.answer)))}`);
        continue;
      }
      const exemptions = entry.exempted;
      const unexempted = final(answers.of(entry.answer));
      if (exemptions.length === 0) {
        body.line(`if (${cond}) ${stopIf(unexempted)}`);
        continue;
      }
      const b = body;
      b.block(`if (${cond}) {`, () => {
        exemptions.forEach((x, i) => {
          const e = x.exemption;
          const answer = answers.of(x.answer);
          const value = valueOf(answer);
          const k = x.answer.key;
          keys.set(answer.index, k);
          b.line(`${i === 0 ? 'if' : '} else if'} (${this.exemptionHolds(e, sharedExemptions.get(e.name))}) {`);
          b.indent(() => {
            if (k > next) {
              // Nothing later can beat it: answer now (unless an earlier exempted rule did better).
              if (maxKey < k) b.line(stop(final(answer)));
              else b.line(chunked ? `return ~($bestKey > ${k} ? $best : ${value});` : stop(`$bestKey > ${k} ? $best : ${value}`));
            } else if (maxKey < k) {
              b.line(`$bestKey = ${k};`);
              b.line(`$best = ${value};`);
            } else {
              b.block(`if ($bestKey < ${k}) {`, () => {
                b.line(`$bestKey = ${k};`);
                b.line(`$best = ${value};`);
              });
            }
          });
        });
        b.line('} else {');
        b.indent(() => b.line(stop(unexempted)));
        b.line('}');
      });
      for (const x of exemptions) {
        if (x.answer.key <= next) maxKey = Math.max(maxKey, x.answer.key);
      }
    }
    return { chunks, keys };
  }

  emitMasks(w: Writer): void {
    emitMasks(w, this.analysis, this.scope);
  }

  /** Early default: when every red line and rule needs a bit, and none of those bits is set. */
  emitGate(w: Writer, dflt: string): void {
    emitGate(w, this.analysis, this.outcomes.flatMap((o) => o.plan.contributions.map((c) => c.clause)), dflt);
  }
}

/** Whether a name occurs in code (not as part of a longer name). */
export function usesIn(code: string): (name: string) => boolean {
  return (name) => new RegExp(`\\${name}(?![\\w$])`).test(code);
}

/** Whether `code` (the text of `body`) ever compares `$bestKey`; if not, its writes are dead and go. */
export function dropUnreadBestKey(body: Writer, code: string): boolean {
  const compares = /\$bestKey (?:>=|>|<) /.test(code);
  if (!compares) body.removeLines((line) => /^\s*\$bestKey = -?\d+;$/.test(line));
  return compares;
}

const parenthesized = (e: Expr): string => (e.prec === 'atom' ? e.code : `(${e.code})`);
