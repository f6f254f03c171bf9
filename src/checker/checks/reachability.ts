import type { DiagnosticBag } from '../../diagnostics/codes.js';
import { keyOf, opaqueKey } from '../finite-model.js';
import type { CheckedClause, Condition } from '../program.js';
import { implies, satisfiable, WorkMeter, type Verdict } from '../satisfiable.js';

function firingCondition(clause: CheckedClause): Condition {
  if (!clause.unless) return clause.when;
  const span = clause.span;
  return { kind: 'and', operands: [clause.when, { kind: 'not', operand: clause.unless, span }], span };
}

/**
 * Work all BL402 checks of one program may do together, and all BL403 checks together (see
 * WorkMeter): a few seconds at most, however large the policy. A policy of 10,000 ordinary
 * clauses uses a small fraction of it.
 */
export const REACHABILITY_WORK = 60_000_000;

/** Implication tests BL403 may run for one program, after the index below has ruled out the rest. */
export const MAX_SHADOW_PAIRS = 50_000;

/** Verdicts per clause: BL403 asks again about clauses BL402 has settled. */
const verdicts = new WeakMap<CheckedClause, Verdict>();

function firingVerdict(clause: CheckedClause, contexts: ReadonlyMap<string, Condition>, meter: WorkMeter): Verdict {
  let verdict = verdicts.get(clause);
  if (verdict === undefined) {
    verdict = satisfiable(firingCondition(clause), contexts, undefined, meter);
    verdicts.set(clause, verdict);
  }
  return verdict;
}

/** BL402: a clause whose condition no valid input satisfies. */
export function checkNeverFires(clauses: readonly CheckedClause[], contexts: ReadonlyMap<string, Condition>, bag: DiagnosticBag): void {
  const meter = new WorkMeter(REACHABILITY_WORK);
  for (const clause of clauses) {
    if (firingVerdict(clause, contexts, meter) !== 'unsatisfiable') continue;
    const what = clause.kind === 'exemption' ? 'apply' : 'fire';
    const cause = satisfiable(clause.when, contexts, undefined, meter) === 'unsatisfiable' ? 'its `when` condition never holds' : 'its `unless` holds whenever its `when` does';
    bag.report('BL402', `${clause.kind === 'redline' ? 'red line' : clause.kind} \`${clause.name}\` can never ${what}: ${cause}`, clause.nameSpan, {
      help: 'look for contradictory tests of the same field, such as `x == a and x == b`',
    });
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
export function checkShadowedRules(
  redlines: readonly CheckedClause[],
  rules: readonly CheckedClause[],
  contexts: ReadonlyMap<string, Condition>,
  bag: DiagnosticBag,
): void {
  const meter = new WorkMeter(REACHABILITY_WORK);
  const vars = new VariableIndex(contexts);
  const keyless: number[] = [];
  const byKey = new Map<string, number[]>();
  const redlineVars = redlines.map((r, i) => {
    const keys = vars.ofClause(r);
    const first = keys.values().next();
    if (first.done) keyless.push(i);
    else {
      const list = byKey.get(first.value);
      if (list) list.push(i);
      else byKey.set(first.value, [i]);
    }
    return keys;
  });
  let pairs = 0;
  for (const rule of rules) {
    if (pairs >= MAX_SHADOW_PAIRS) break;
    const ruleVars = vars.ofClause(rule);
    const candidates = [...keyless];
    for (const key of ruleVars) candidates.push(...(byKey.get(key) ?? []));
    if (candidates.length === 0) continue;
    if (firingVerdict(rule, contexts, meter) === 'unsatisfiable') continue;
    const ruleFires = firingCondition(rule);
    let shadow: CheckedClause | null = null;
    for (const i of candidates.sort((a, b) => a - b)) {
      const redline = redlines[i]!;
      if (redline.severity < rule.severity || !isSubset(redlineVars[i]!, ruleVars)) continue;
      if (++pairs > MAX_SHADOW_PAIRS) break;
      if (implies(ruleFires, firingCondition(redline), contexts, meter)) {
        shadow = redline;
        break;
      }
    }
    if (!shadow) continue;
    bag.report('BL403', `rule \`${rule.name}\` never decides: red line \`${shadow.name}\` fires whenever it does`, rule.nameSpan, {
      notes: [{ message: `\`${shadow.name}\` (\`${shadow.action}\`) is declared here`, span: shadow.nameSpan }],
      help: 'a red line wins ties and cannot be exempted; remove the rule or make it more severe',
    });
  }
}

function isSubset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size > b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * The model variables (finite-model.ts keys) a condition tests, through the contexts it uses;
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
      case 'const':
        return;
      case 'field':
        keys.add(keyOf(c.path));
        return;
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
      case 'has':
        keys.add(`${keyOf(c.path)}#${c.member}`);
        return;
      case 'in':
        if (c.operand.kind === 'field') keys.add(keyOf(c.operand.path));
        return;
      case 'compare':
        if (c.left.kind === 'field' && c.right.kind === 'field') keys.add(opaqueKey(c));
        else if (c.left.kind === 'field') keys.add(keyOf(c.left.path));
        else if (c.right.kind === 'field') keys.add(keyOf(c.right.path));
        return;
    }
  }
}
