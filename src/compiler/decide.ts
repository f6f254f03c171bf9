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
 * - A large version (a body over 60,000 characters: V8 would not optimize it) is emitted as
 *   chunk functions of a dozen clauses or so, called in order, sharing their caches through a
 *   module-level array stamped with a per-call epoch (see `emitChunked`).
 */
import type { CheckedClause, CheckedExemption, Condition, Program } from '../checker/program.js';
import type { Answer, Contribution, OutcomePlan } from '../semantics/plan.js';
import { junction, leaf, negate, path, type Expr } from './conditions.js';
import { ts, Writer } from './emit.js';
import { comment, internal, jsString } from './names.js';
import type { RuntimeUse } from './runtime.js';

/** A possible decision of the version, built once at load time as a frozen constant. */
export interface DecisionConstant {
  readonly constant: string;
  /** Its position in `constants` (the constant is `$D<version>_<index>`). */
  readonly index: number;
  readonly answer: Answer;
}

/** Bits per mask word: small enough to stay a small integer in V8. */
const BITS_PER_WORD = 30;
/** A context or exemption condition costlier than this, used more than once, is cached. */
const CACHE_COST = 6;
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
/** A chunked decide's epoch counter starts again here: it stays a small integer (a Smi) in V8. */
const EPOCH_LIMIT = 0x3fffffff;

interface Mask {
  readonly path: readonly string[];
  /** Member → [variable, bit]. */
  readonly bits: Map<string, readonly [string, number]>;
  readonly variables: string[];
}

/** Which bits (by mask variable) must be set for a condition to hold; null: no such knowledge. */
type Needs = ReadonlyMap<string, number> | null;

export class VersionDecide {
  readonly fn: string;
  readonly defaultConstant: DecisionConstant;
  readonly constants: DecisionConstant[] = [];
  private readonly contexts: ReadonlyMap<string, Condition>;
  private readonly masks: Mask[] = [];
  private readonly cachedContexts = new Map<string, string>();
  private readonly cost = new Map<string, number>();
  private readonly constantOf = new Map<Answer, DecisionConstant>();
  private readonly helpers: string[][] = [];
  private readonly helperCalls = new Map<string, string>();
  /** Chunked: each cache local's slot in the shared cache array. Null: one function, locals. */
  private slots: Map<string, number> | null = null;

  /** `plan`: the decision plan of the version's one outcome (its order of answers and exemptions). */
  constructor(
    private readonly program: Program,
    readonly index: number,
    private readonly inputType: string,
    private readonly plan: OutcomePlan,
    private readonly runtime: RuntimeUse,
  ) {
    this.fn = internal(`decide${index}`);
    this.contexts = new Map(program.contexts.map((c) => [c.name, c.body]));
    this.defaultConstant = this.constant(plan.fallback);
    // Constants in declaration order: red lines, then each rule with its exemptions.
    const byClause = new Map(plan.contributions.map((c) => [c.clause, c]));
    for (const clause of [...program.redlines, ...program.rules]) {
      const c = byClause.get(clause);
      if (!c) continue;
      this.constant(c.answer);
      for (const x of c.exempted) this.constant(x.answer);
    }
    this.collectMasks();
    this.planContexts();
  }

  private constant(answer: Answer): DecisionConstant {
    const c: DecisionConstant = { constant: internal(`D${this.index}_${this.constants.length}`), index: this.constants.length, answer };
    this.constants.push(c);
    this.constantOf.set(answer, c);
    return c;
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

  /** The `needs` of each context, computed once (shared, hence read-only). */
  private readonly contextNeeds = new Map<string, Needs>();

  private needs(c: Condition): Needs {
    switch (c.kind) {
      case 'has': {
        const mask = this.masks.find((m) => JSON.stringify(m.path) === JSON.stringify(c.path))!;
        const [variable, bit] = mask.bits.get(c.member)!;
        return new Map([[variable, bit]]);
      }
      case 'const':
        return c.value ? null : new Map();
      case 'context': {
        // Memoised: clauses reach the same long chains of contexts again and again.
        let n = this.contextNeeds.get(c.name);
        if (n === undefined) this.contextNeeds.set(c.name, (n = this.needs(this.contexts.get(c.name)!)));
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
        return inHelper ? { code: call, prec: 'atom' } : this.lazy(local, call);
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

  emitConstants(w: Writer, version: string): void {
    const frozen = this.runtime.use('frozenDecision');
    for (const { constant, answer } of this.constants) {
      const fields = [
        `action: ${jsString(answer.action)}`,
        `basis: ${jsString(answer.basis)}`,
        `clause: ${answer.clause === null ? 'null' : jsString(answer.clause)}`,
        `exemption: ${answer.exemption === null ? 'null' : jsString(answer.exemption)}`,
        `version: ${version}`,
        `because: [${answer.because.map(jsString).join(', ')}]`,
      ];
      w.line(`const ${constant} = ${frozen}${ts('<Decision>')}({ ${fields.join(', ')} });`);
    }
  }

  /**
   * The version's decide function; a body longer than `sizes.single` characters is emitted as
   * chunk functions instead (see `emitChunked`).
   */
  emitFunction(w: Writer, sizes: DecideSizes = DECIDE_SIZES): void {
    const entries = this.plan.contributions;
    const dflt = this.defaultConstant.constant;
    if (entries.length === 0) {
      w.block(`function ${this.fn}(input${ts(`: ${this.inputType}`)})${ts(': Decision')} {`, () => {
        this.emitMasks(w);
        w.line(`return ${dflt};`);
      });
      return;
    }
    // The body first: which locals it needs is known once it is written.
    const sharedExemptions = this.planExemptionCache();
    const written = this.writeBody(entries, sharedExemptions, sizes.single);
    if (written === null) {
      this.emitChunked(w, entries, sharedExemptions, sizes.chunk);
      return;
    }
    const body = written.chunks[0]!;
    const code = body.toString();
    const uses = (name: string) => new RegExp(`\\${name}(?![\\w$])`).test(code);
    const best = uses('$best');
    const comparesKey = dropUnreadBestKey(body, code);
    body.line(`return ${best ? '$best' : dflt};`);

    this.emitHelpers(w);
    w.block(`function ${this.fn}(input${ts(`: ${this.inputType}`)})${ts(': Decision')} {`, () => {
      this.emitMasks(w);
      this.emitGate(w, entries.map((e) => e.clause));
      for (const [name, local] of this.cachedContexts) {
        if (uses(local)) w.line(`let ${local} = 2; ${comment(`context ${name}: 2 until computed, then 1 or 0`)}`);
      }
      for (const [name, local] of sharedExemptions) {
        if (uses(local)) w.line(`let ${local} = 2; ${comment(`exemption ${name}`)}`);
      }
      if (best) {
        if (comparesKey) w.line('let $bestKey = -1;');
        w.line(`let $best = ${dflt};`);
      }
      w.raw(body);
    });
  }

  private emitHelpers(w: Writer): void {
    for (const h of this.helpers) {
      w.lines_(h);
      w.line();
    }
  }

  /**
   * The entries' code: the body of one function, or (in chunked mode, `this.slots` set) chunks
   * of whole clauses of about `budget` characters each. One function: null once longer than
   * `budget` (the caller starts again, chunked).
   *
   * In one function an answer is a Decision constant and `$best` holds one. In chunks they are
   * outcome indices (`$outcomesN`): a chunk returns `~index` for a final answer, or `$best`,
   * the best exempted outcome so far (or the default, 0), for the next chunk to go on from.
   */
  private writeBody(
    entries: readonly Contribution[],
    sharedExemptions: ReadonlyMap<string, string>,
    budget: number,
  ): { chunks: Writer[]; keys: Map<number, number> } | null {
    const chunked = this.slots !== null;
    const final = (o: DecisionConstant) => (chunked ? `~${o.index}` : o.constant);
    const chunks = [new Writer(1)];
    /** Outcome index → its key, for each outcome that can become `$best`. */
    const keys = new Map<number, number>([[this.defaultConstant.index, -1]]);
    let body = chunks[0]!;
    let maxKey = -1;
    for (let position = 0; position < entries.length; position++) {
      if (body.length > budget) {
        if (!chunked) return null;
        chunks.push((body = new Writer(1)));
      }
      const entry = entries[position]!;
      const next = entries[position + 1]?.answer.key ?? -1;
      const potential = entry.answer.key;
      const { clause } = entry;
      body.line(comment(`${entry.kind} ${clause.name} -> ${entry.answer.action}`));
      if (maxKey >= potential) body.line(`if ($bestKey >= ${potential}) return ${chunked ? '~$best' : '$best'};`);
      const cond = this.holds(clause).code;
      if (entry.kind === 'redline') {
        body.line(`if (${cond}) return ${final(this.constantOf.get(entry.answer)!)};`);
        continue;
      }
      const exemptions = entry.exempted;
      const unexempted = final(this.constantOf.get(entry.answer)!);
      if (exemptions.length === 0) {
        body.line(`if (${cond}) return ${unexempted};`);
        continue;
      }
      const b = body;
      b.block(`if (${cond}) {`, () => {
        exemptions.forEach((x, i) => {
          const e = x.exemption;
          const outcome = this.constantOf.get(x.answer)!;
          const value = chunked ? String(outcome.index) : outcome.constant;
          const k = x.answer.key;
          keys.set(outcome.index, k);
          b.line(`${i === 0 ? 'if' : '} else if'} (${this.exemptionHolds(e, sharedExemptions.get(e.name))}) {`);
          b.indent(() => {
            if (k > next) {
              // Nothing later can beat it: answer now (unless an earlier exempted rule did better).
              if (maxKey < k) b.line(`return ${final(outcome)};`);
              else b.line(chunked ? `return ~($bestKey > ${k} ? $best : ${value});` : `return $bestKey > ${k} ? $best : ${value};`);
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
        b.indent(() => b.line(`return ${unexempted};`));
        b.line('}');
      });
      for (const x of exemptions) {
        if (x.answer.key <= next) maxKey = Math.max(maxKey, x.answer.key);
      }
    }
    return { chunks, keys };
  }

  /**
   * A large version: V8 does not optimize a function of more than 60 KB of bytecode, and a
   * single decide of thousands of clauses (and thousands of cache locals) stays interpreted.
   * Instead the clauses go, in the same order, into chunk functions of bounded size that
   * `$decideN` calls one after the other, passing the best outcome so far (an index) along.
   *
   * The per-call caches of contexts and exemptions live in one module-level Int32Array that
   * every chunk shares, without a per-call reset or allocation: a slot holds `t` (true) or `-t`
   * (false) where `t` is the call's epoch, a counter bumped by each call, so values of earlier
   * calls never match. A nested call (explain, or a getter on the input calling decide) gets a
   * later epoch and cannot disturb the caller's slots. Before the counter leaves V8's small
   * integers it starts again at 1 with a fresh array (a call still running keeps the old one).
   */
  private emitChunked(w: Writer, entries: readonly Contribution[], sharedExemptions: ReadonlyMap<string, string>, chunkChars: number): void {
    // Start again: the helpers written so far may have been for the one-function shape.
    this.helpers.length = 0;
    this.helperCalls.clear();
    this.slots = new Map([...this.cachedContexts.values(), ...sharedExemptions.values()].map((local, slot) => [local, slot]));
    const { chunks, keys } = this.writeBody(entries, sharedExemptions, chunkChars)!;
    const v = this.index;
    const cache = internal(`cache${v}`);
    const epoch = internal(`epoch${v}`);
    const outcomes = internal(`constants${v}`);
    const keyTable = internal(`keys${v}`);
    const slots = this.slots.size;
    const maskVars = this.masks.flatMap((m) => m.variables);
    const usesIn = (code: string, name: string) => new RegExp(`(?<![\\w$])${name.replace('$', '\\$')}(?![\\w$])`).test(code);
    const calls: string[] = [];
    const functions: Writer[] = [];
    let readsKeys = false;
    let caches = false;
    chunks.forEach((body, i) => {
      // Comments and strings may mention anything: parameters are found in the code between them.
      const code = body.toString().replace(/^\s*\/\/.*$/gm, '').replace(/"(?:[^"\\]|\\.)*"/g, '""');
      const compares = dropUnreadBestKey(body, code);
      body.line('return $best;');
      const params = [
        ...(usesIn(code, 'input') ? [`input${ts(`: ${this.inputType}`)}`] : []),
        ...maskVars.filter((m) => usesIn(code, m)).map((m) => `${m}${ts(': number')}`),
        ...(usesIn(code, '$c') ? [`$c${ts(': Int32Array')}`, `$t${ts(': number')}`] : []),
        `$best${ts(': number')}`,
      ];
      caches ||= usesIn(code, '$c');
      readsKeys ||= compares;
      const name = internal(`chunk${v}_${i}`);
      const f = new Writer();
      f.block(`function ${name}(${params.join(', ')})${ts(': number')} {`, () => {
        if (compares) f.line(`let $bestKey = ${keyTable}[$best]${ts('!')};`);
        f.raw(body);
      });
      functions.push(f);
      calls.push(`${name}(${params.map((p) => p.replace(/«.*»$/, '')).join(', ')})`);
    });

    w.line(comment(`version ${v}: ${entries.length} red lines and rules in ${chunks.length} chunks (see docs/compiling.md)`));
    if (caches) {
      w.line(`let ${epoch} = 0;`);
      w.line(`let ${cache} = new Int32Array(${slots});`);
    }
    w.line(`const ${outcomes}${ts(': readonly Decision[]')} = [${this.constants.map((o) => o.constant).join(', ')}];`);
    if (readsKeys) {
      const table = this.constants.map((o) => keys.get(o.index) ?? 0);
      w.line(`const ${keyTable} = new Int32Array([${table.join(', ')}]);`);
    }
    w.line();
    this.emitHelpers(w);
    for (const f of functions) {
      w.raw(f);
      w.line();
    }
    w.block(`function ${this.fn}(input${ts(`: ${this.inputType}`)})${ts(': Decision')} {`, () => {
      this.emitMasks(w);
      this.emitGate(w, entries.map((e) => e.clause));
      if (caches) {
        w.block(`if (++${epoch} === ${EPOCH_LIMIT}) {`, () => {
          w.line(`${cache} = new Int32Array(${slots});`);
          w.line(`${epoch} = 1;`);
        });
        w.line(`const $c = ${cache};`);
        w.line(`const $t = ${epoch};`);
      }
      w.line(`let $best = ${this.defaultConstant.index};`);
      for (const call of calls) w.line(`if (($best = ${call}) < 0) return ${outcomes}[~$best]${ts('!')};`);
      w.line(`return ${outcomes}[$best]${ts('!')};`);
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
    w.line(`if (${tests.length === 1 ? tests[0] : `(${tests.join(' | ')})`} === 0) return ${this.defaultConstant.constant};`);
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
}

/** Whether `code` (the text of `body`) ever compares `$bestKey`; if not, its writes are dead and go. */
function dropUnreadBestKey(body: Writer, code: string): boolean {
  const compares = /\$bestKey (?:>=|>|<) /.test(code);
  if (!compares) body.removeLines((line) => /^\s*\$bestKey = -?\d+;$/.test(line));
  return compares;
}

function bitCount(needs: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const bits of needs.values()) for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}
