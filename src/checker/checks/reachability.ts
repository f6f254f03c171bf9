import type { DiagnosticBag } from '../../diagnostics/codes.js';
import type { CheckedClause, Condition } from '../program.js';
import { implies, satisfiable } from '../satisfiable.js';

function firingCondition(clause: CheckedClause): Condition {
  if (!clause.unless) return clause.when;
  const span = clause.span;
  return { kind: 'and', operands: [clause.when, { kind: 'not', operand: clause.unless, span }], span };
}

/** BL402: a clause whose condition no valid input satisfies. */
export function checkNeverFires(clauses: readonly CheckedClause[], contexts: ReadonlyMap<string, Condition>, bag: DiagnosticBag): void {
  for (const clause of clauses) {
    if (satisfiable(firingCondition(clause), contexts) !== 'unsatisfiable') continue;
    const what = clause.kind === 'exemption' ? 'apply' : 'fire';
    const cause = satisfiable(clause.when, contexts) === 'unsatisfiable' ? 'its `when` condition never holds' : 'its `unless` holds whenever its `when` does';
    bag.report('BL402', `${clause.kind === 'redline' ? 'red line' : clause.kind} \`${clause.name}\` can never ${what}: ${cause}`, clause.nameSpan, {
      help: 'look for contradictory tests of the same field, such as `x == a and x == b`',
    });
  }
}

/** BL403: a rule that can never decide, because a red line at least as severe fires whenever it does. */
export function checkShadowedRules(
  redlines: readonly CheckedClause[],
  rules: readonly CheckedClause[],
  contexts: ReadonlyMap<string, Condition>,
  bag: DiagnosticBag,
): void {
  for (const rule of rules) {
    const ruleFires = firingCondition(rule);
    if (satisfiable(ruleFires, contexts) === 'unsatisfiable') continue;
    const redline = redlines.find((r) => r.severity >= rule.severity && implies(ruleFires, firingCondition(r), contexts));
    if (!redline) continue;
    bag.report('BL403', `rule \`${rule.name}\` never decides: red line \`${redline.name}\` fires whenever it does`, rule.nameSpan, {
      notes: [{ message: `\`${redline.name}\` (\`${redline.action}\`) is declared here`, span: redline.nameSpan }],
      help: 'a red line wins ties and cannot be exempted; remove the rule or make it more severe',
    });
  }
}
