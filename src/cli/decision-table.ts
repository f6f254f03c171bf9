import { describeDecision, describeExpected, type CaseOutcome } from '../cases/run-cases.js';
import { renderTable } from './table.js';

/** Every case and its decision (the interpreter's, which the compiled module matched). */
export function decisionTable(outcomes: readonly CaseOutcome[]): string {
  const rows = outcomes.map((o) => {
    const date = (o.case.input as { date?: unknown } | null)?.date;
    const decision = o.kind === 'passed' || o.kind === 'failed' ? o.decision : null;
    return [
      o.kind === 'passed' ? '✔' : '✘',
      o.case.id,
      typeof date === 'string' ? date : '',
      decision?.version ?? '',
      decision ? describeDecision(decision) : o.kind,
      o.kind === 'passed' ? '' : `expected ${describeExpected(o.case.expect)}`,
    ];
  });
  return renderTable(['', 'case', 'date', 'version', 'decision', ''], rows);
}
