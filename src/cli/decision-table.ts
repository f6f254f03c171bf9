import { describeDecision, describeExpected, type CaseOutcome } from '../cases/run-cases.js';
import { outcomeParts, type AnyDecision } from '../semantics/decision.js';
import { renderTable } from './table.js';

/**
 * Every case and its decision (the interpreter's, which the compiled module matched). Decisions
 * with outcomes (Bylaw 2) get a column per outcome; Bylaw 1's one action keeps one column.
 */
export function decisionTable(outcomes: readonly CaseOutcome[]): string {
  const decisionOf = (o: CaseOutcome): AnyDecision | null => (o.kind === 'passed' || o.kind === 'failed' ? o.decision : null);
  const names: string[] = [];
  for (const o of outcomes) {
    const d = decisionOf(o);
    if (d && 'outcomes' in d) for (const { name } of outcomeParts(d)) if (!names.includes(name)) names.push(name);
  }
  const rows = outcomes.map((o) => {
    const date = (o.case.input as { date?: unknown } | null)?.date;
    const decision = decisionOf(o);
    const cells = names.length === 0 ? [decision ? describeDecision(decision) : o.kind] : names.map((name, i) => (decision ? partText(decision, name) : i === 0 ? o.kind : ''));
    return [
      o.kind === 'passed' ? '✔' : '✘',
      o.case.id,
      typeof date === 'string' ? date : '',
      decision?.version ?? '',
      ...cells,
      o.kind === 'passed' ? '' : `expected ${describeExpected(o.case.expect)}`,
    ];
  });
  return renderTable(['', 'case', 'date', 'version', ...(names.length === 0 ? ['decision'] : names), ''], rows);
}

/** One outcome's part as `describeDecision` words it (`strike P1W (rule first_strike)`); `·` where the decision has no such outcome. */
function partText(d: AnyDecision, name: string): string {
  const found = outcomeParts(d).find((p) => p.name === name);
  if (!found) return '·';
  return describeDecision({ version: d.version, outcomes: { [name]: found.part } }).replace(`${name}: `, '');
}
