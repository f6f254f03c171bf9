import type { DiagnosticBag } from '../../diagnostics/codes.js';
import { BudgetExceeded, DecisionDiagrams, leafOf, ModelBuilder } from '../../logic/index.js';
import type { CheckedClause, Condition } from '../program.js';
import type { Verdict } from '../../logic/index.js';
import type { Contribution, VersionPlan } from '../../semantics/plan.js';

/**
 * Work (children of decision-diagram nodes built) all reachability checks of one program may do
 * together: about a second at most, however large or hostile the policy (a field cut at 100,000
 * literals makes every node 100,000 wide). The 10,000-clause policy of scripts/scale.ts needs
 * under 300,000. Once spent, the remaining checks
 * answer "unknown" and warn about nothing; checks run in declaration order, so which ones is
 * deterministic.
 */
export const REACHABILITY_WORK = 10_000_000;

/** Nodes the program's diagrams may hold (memory). */
export const REACHABILITY_NODES = 1_000_000;

/** Implication tests BL403 may run for one program, after the index below has ruled out the rest. */
export const MAX_SHADOW_PAIRS = 50_000;

/**
 * One finite model (src/logic) and one set of decision diagrams for every clause of a
 * program, shared by BL402, BL403 and the exemption checks (exemptions.ts): each context's diagram is built once, not once per clause
 * that uses it (with a chain of 1,000 contexts under 10,000 clauses, per-check models meant
 * millions of rebuilt contexts).
 */
export class Reachability {
  private readonly dd: DecisionDiagrams | null;
  private readonly firing = new Map<CheckedClause, number | null>();
  private exhausted = false;

  constructor(
    clauses: readonly CheckedClause[],
    private readonly contexts: ReadonlyMap<string, Condition>,
  ) {
    const all: Condition[] = [];
    for (const c of clauses) {
      all.push(c.when);
      if (c.unless) all.push(c.unless);
    }
    // One condition holding them all: ModelBuilder walks each context body once per call.
    const span = clauses[0]?.span;
    const model = span ? new ModelBuilder().addCondition({ kind: 'and', operands: all, span }, contexts).build() : null;
    this.dd = model ? new DecisionDiagrams(model, REACHABILITY_NODES, REACHABILITY_WORK) : null;
  }

  /** The diagram of `build()`, or null once the budget is spent. */
  private diagram(build: (dd: DecisionDiagrams) => number): number | null {
    if (this.exhausted || !this.dd) return null;
    try {
      return build(this.dd);
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      this.exhausted = true;
      return null;
    }
  }

  private firingDiagram(clause: CheckedClause): number | null {
    if (!this.firing.has(clause)) {
      this.firing.set(
        clause,
        this.diagram((dd) => {
          const when = dd.condition(clause.when, this.contexts);
          return clause.unless ? dd.and(when, dd.not(dd.condition(clause.unless, this.contexts))) : when;
        }),
      );
    }
    return this.firing.get(clause)!;
  }

  /** Whether the clause can fire (red lines, rules) or apply (exemptions) for some input. */
  fires(clause: CheckedClause): Verdict {
    const f = this.firingDiagram(clause);
    return f === null ? 'unknown' : f === DecisionDiagrams.FALSE ? 'unsatisfiable' : 'satisfiable';
  }

  /** Whether `when` alone can hold. */
  when(clause: CheckedClause): Verdict {
    const f = this.diagram((dd) => dd.condition(clause.when, this.contexts));
    return f === null ? 'unknown' : f === DecisionDiagrams.FALSE ? 'unsatisfiable' : 'satisfiable';
  }

  /**
   * Whether every clause of `all` can fire (an exemption: apply) for one input while none of
   * `none` does.
   */
  together(all: readonly CheckedClause[], none: readonly CheckedClause[] = []): Verdict {
    const diagrams = [...all, ...none].map((c) => this.firingDiagram(c));
    if (diagrams.some((d) => d === null)) return 'unknown';
    const f = this.diagram((dd) => {
      let result = DecisionDiagrams.TRUE;
      for (const d of diagrams.slice(0, all.length)) result = dd.and(result, d!);
      for (const d of diagrams.slice(all.length)) result = dd.and(result, dd.not(d!));
      return result;
    });
    return f === null ? 'unknown' : f === DecisionDiagrams.FALSE ? 'unsatisfiable' : 'satisfiable';
  }

  /** Whenever `a` fires, `b` fires too (proved; false when unknown). */
  implies(a: CheckedClause, b: CheckedClause): boolean {
    const fa = this.firingDiagram(a);
    const fb = this.firingDiagram(b);
    if (fa === null || fb === null) return false;
    return this.diagram((dd) => dd.and(fa, dd.not(fb))) === DecisionDiagrams.FALSE;
  }
}

/** The analysis of one program, shared by the checks (index.ts calls them one after the other). */
const analyses = new WeakMap<ReadonlyMap<string, Condition>, Reachability>();

export function analysis(clauses: readonly CheckedClause[], contexts: ReadonlyMap<string, Condition>): Reachability {
  let found = analyses.get(contexts);
  if (!found) {
    found = new Reachability(clauses, contexts);
    analyses.set(contexts, found);
  }
  return found;
}

/** BL402: a clause whose condition no valid input satisfies. */
export function checkNeverFires(clauses: readonly CheckedClause[], contexts: ReadonlyMap<string, Condition>, bag: DiagnosticBag): void {
  const reach = analysis(clauses, contexts);
  for (const clause of clauses) {
    if (reach.fires(clause) !== 'unsatisfiable') continue;
    bag.emit('BL402', clause.nameSpan, { kind: clause.kind, clause: clause.name, never: reach.when(clause) === 'unsatisfiable' ? 'when' : 'unless' });
  }
}

/**
 * BL403: a rule that can never decide, because a red line at least as severe fires whenever it
 * does.
 *
 * Comparing every rule with every red line is quadratic (10,000 clauses: millions of
 * implication tests), so red lines are indexed by the tests (model variables) they depend on:
 * a red line is tried for a rule only when every variable it tests is one the rule tests too.
 * A red line that also tests something the rule leaves free could shadow the rule only if its
 * condition held whatever that free part is — a tautology in it, which nobody writes — so the
 * index can miss a warning only for such a red line, and never gives a false one. At most
 * MAX_SHADOW_PAIRS implications are tested per program, in declaration order.
 */
export function checkShadowedRules(plan: VersionPlan, contexts: ReadonlyMap<string, Condition>, bag: DiagnosticBag): void {
  const { program } = plan;
  const reach = analysis([...program.redlines, ...program.rules], contexts);
  const vars = new VariableIndex(contexts);
  let pairs = 0;
  for (const outcome of plan.outcomes) {
    const redlines = outcome.contributions.filter((c) => c.kind === 'redline').sort((a, b) => a.index - b.index);
    const rules = outcome.contributions.filter((c) => c.kind === 'rule').sort((a, b) => a.index - b.index);
    const keyless: number[] = [];
    const byKey = new Map<string, number[]>();
    const redlineVars = redlines.map((r, i) => {
      const keys = vars.ofClause(r.clause);
      const first = keys.values().next();
      if (first.done) keyless.push(i);
      else {
        const list = byKey.get(first.value);
        if (list) list.push(i);
        else byKey.set(first.value, [i]);
      }
      return keys;
    });
    for (const rule of rules) {
      if (pairs >= MAX_SHADOW_PAIRS) break;
      const ruleVars = vars.ofClause(rule.clause);
      const candidates = [...keyless];
      for (const key of ruleVars) candidates.push(...(byKey.get(key) ?? []));
      if (candidates.length === 0) continue;
      if (reach.fires(rule.clause) !== 'unsatisfiable') {
        let shadow: Contribution | null = null;
        for (const i of candidates.sort((a, b) => a - b)) {
          const redline = redlines[i]!;
          // At least as severe: it wins the tie, being a red line.
          if (redline.answer.level < rule.answer.level || !isSubset(redlineVars[i]!, ruleVars)) continue;
          if (++pairs > MAX_SHADOW_PAIRS) break;
          if (reach.implies(rule.clause, redline.clause)) {
            shadow = redline;
            break;
          }
        }
        if (shadow) reportShadowed(rule, shadow, plan, bag);
      }
    }
  }
}

function reportShadowed(rule: Contribution, shadow: Contribution, plan: VersionPlan, bag: DiagnosticBag): void {
  bag.emit('BL403', rule.clause.nameSpan, {
    rule: rule.clause.name,
    outcome: plan.program.declaredOutcomes ? plan.outcomes[rule.answer.outcome]!.decl.name : null,
    redline: shadow.clause.name,
    action: shadow.answer.action,
    redlineDeclared: shadow.clause.nameSpan,
  });
}

function isSubset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size > b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * The model variables (src/logic model keys) a condition tests, through the contexts it uses;
 * each context's set is computed once.
 */
class VariableIndex {
  private readonly ofContext = new Map<string, ReadonlySet<string>>();

  constructor(private readonly contexts: ReadonlyMap<string, Condition>) {}

  ofClause(clause: CheckedClause): ReadonlySet<string> {
    const keys = new Set<string>();
    this.collect(clause.when, keys);
    if (clause.unless) this.collect(clause.unless, keys);
    return keys;
  }

  private context(name: string): ReadonlySet<string> {
    let keys = this.ofContext.get(name);
    if (!keys) {
      // Mark first: a cycle (already an error elsewhere) must not loop.
      this.ofContext.set(name, new Set());
      const fresh = new Set<string>();
      const body = this.contexts.get(name);
      if (body) this.collect(body, fresh);
      this.ofContext.set(name, fresh);
      keys = fresh;
    }
    return keys;
  }

  private collect(c: Condition, keys: Set<string>): void {
    switch (c.kind) {
      case 'context':
        for (const k of this.context(c.name)) keys.add(k);
        return;
      case 'not':
        this.collect(c.operand, keys);
        return;
      case 'and':
      case 'or':
        for (const o of c.operands) this.collect(o, keys);
        return;
      default: {
        const leaf = leafOf(c);
        if (leaf.kind !== 'const') keys.add(leaf.key);
      }
    }
  }
}
