import type { DiagnosticBag } from '../../diagnostics/codes.js';
import type { VersionPlan } from '../../semantics/plan.js';
import type { CheckedClause, CheckedExemption, Condition } from '../program.js';
import { analysis } from './reachability.js';

/** Rules named in notes of one BL408, at most. */
const MAX_NOTED_RULES = 3;

/**
 * Outranking exemptions named by one BL407, at most, and candidates tried to find one that
 * outranks alone: naming is for the message, and without a bound a rule named by thousands of
 * exemptions would make it quadratic.
 */
const MAX_NAMED = 5;
const MAX_TRIED = 16;

/**
 * Exemptions that can apply for some input but never to any rule they name, so that no decision
 * ever shows them:
 *
 * - BL407: a fired rule takes the first applicable exemption in its preference order (the
 *   decision plan's, semantics/plan.ts); an exemption that applies to a fired rule only when one
 *   preferred to it does too is never chosen.
 * - BL408: the exemption's condition and the conditions of the rules it names never hold
 *   together.
 *
 * Exact over the finite model the other reachability checks use (one analysis per program, one
 * work budget: past it, nothing is reported). Rules that never fire, and exemptions that never
 * apply at all, are BL402's and left out here.
 */
export function checkExemptionReach(plan: VersionPlan, contexts: ReadonlyMap<string, Condition>, bag: DiagnosticBag): void {
  const { rules, exemptions } = plan.program;
  if (exemptions.length === 0) return;
  const reach = analysis([...rules, ...exemptions], contexts);
  const ruleByName = new Map(rules.map((r) => [r.name, r]));

  exemptions.forEach((exemption, index) => {
    if (reach.fires(exemption) !== 'satisfiable') return;
    const targets = [...new Set(exemption.from)]
      .map((name) => ruleByName.get(name))
      .filter((r): r is CheckedClause => r !== undefined && reach.fires(r) === 'satisfiable');
    if (targets.length === 0) return;
    const outranking = new Set<number>();
    let more = false;
    let meets = false;
    for (const rule of targets) {
      const both = reach.together([rule, exemption]);
      if (both === 'unknown') return;
      if (both === 'unsatisfiable') continue;
      meets = true;
      const order = plan.preference.get(rule.name) ?? [];
      const better = order.slice(0, Math.max(0, order.indexOf(index))).sort((a, b) => a - b);
      // Applies to this rule whenever no better exemption does: it decides for some input.
      if (better.length === 0 || reach.together([rule, exemption], better.map((j) => exemptions[j]!)) !== 'unsatisfiable') return;
      // Name one exemption that alone outranks it if there is one, else those that take a part.
      const single = better.slice(0, MAX_TRIED).find((j) => reach.together([rule, exemption], [exemptions[j]!]) === 'unsatisfiable');
      if (single !== undefined) outranking.add(single);
      else {
        for (const j of better) {
          if (outranking.size >= MAX_NAMED) {
            more = true;
            break;
          }
          if (reach.together([rule, exemption, exemptions[j]!]) === 'satisfiable') outranking.add(j);
        }
      }
    }
    if (meets) reportOutranked(plan, index, [...outranking].sort((a, b) => a - b), more, bag);
    else reportDisjoint(exemption, targets, bag);
  });
}

function reportOutranked(plan: VersionPlan, index: number, outranking: readonly number[], more: boolean, bag: DiagnosticBag): void {
  const { exemptions } = plan.program;
  const exemption = exemptions[index]!;
  // `before it` only where the order decides: between exemptions equally severe in every outcome.
  const levels = plan.exemptionLevels;
  const tie = (j: number) => levels[j]!.every((level, o) => level === levels[index]![o]);
  bag.emit('BL407', exemption.nameSpan, {
    exemption: exemption.name,
    by: outranking.map((j) => ({ name: exemptions[j]!.name, action: exemptions[j]!.action, declared: exemptions[j]!.nameSpan, before: tie(j) })),
    more,
    declaredOutcomes: plan.program.declaredOutcomes,
  });
}

function reportDisjoint(exemption: CheckedExemption, rules: readonly CheckedClause[], bag: DiagnosticBag): void {
  bag.emit('BL408', exemption.nameSpan, { exemption: exemption.name, rules: rules.map((r) => ({ name: r.name, declared: r.nameSpan })), noted: MAX_NOTED_RULES });
}
