/** Explanations: their types and assembly are the runtime's (src/runtime); the human rendering is here. */
import { escapeControls } from '../runtime/text.js';
import type { Explanation } from '../runtime/types.js';

export type { ClauseTrace, ConditionTrace, Explanation, SourceRef } from '../runtime/types.js';
export { failingCondition, notFiredReason } from '../runtime/explain.js';

export function renderExplanation(explanation: Explanation): string {
  const { decision, version } = explanation;
  const lines: string[] = [];
  const exemption = decision.exemption ? ` via exemption \`${decision.exemption}\`` : '';
  const clause = decision.clause ? ` by ${decision.basis === 'redline' ? 'red line' : 'rule'} \`${decision.clause}\`` : ' by default';
  lines.push(`decision: ${decision.action} (${decision.basis})${clause}${exemption}`);
  lines.push(`version: ${version.version}${version.effective ? ` (effective ${version.effective})` : ''} — ${version.file}`);
  for (const text of decision.because) lines.push(`because: ${JSON.stringify(text)}`);
  lines.push('');
  for (const c of explanation.clauses) {
    const mark = c.fired ? '✔' : '·';
    const where = `${c.at.file}:${c.at.line}:${c.at.column}`;
    const outcome = c.fired
      ? c.kind === 'exemption'
        ? `applied to ${c.appliedTo.map((r) => `\`${r}\``).join(', ')} → ${c.action}`
        : c.exemptedBy
          ? `fired (${c.action}), exempted by \`${c.exemptedBy}\``
          : `fired → ${c.action}`
      : `not ${c.kind === 'exemption' ? 'applied' : 'fired'}: ${c.reason ?? ''}`;
    lines.push(`${mark} ${c.kind.padEnd(9)} ${c.name.padEnd(28)} ${outcome}   (${where})`);
  }
  // Names, the version and condition texts come from the policy: no control character reaches the terminal.
  return lines.map(escapeControls).join('\n');
}
