/** Explanations: their types and assembly are the runtime's (src/runtime); the human rendering is here. */
import { escapeControls } from '../runtime/text.js';
import type { Explanation } from '../runtime/types.js';
import { outcomeParts, type AnyDecision } from './decision.js';

export type { ClauseTrace, ConditionTrace, Explanation, SourceRef } from '../runtime/types.js';
export { failingCondition, notFiredReason } from '../runtime/explain.js';

export function renderExplanation(explanation: Explanation): string {
  const { decision, version } = explanation;
  const lines: string[] = [];
  const versionLine = `version: ${version.version}${version.effective ? ` (effective ${version.effective})` : ''} — ${version.file}`;
  const several = 'outcomes' in decision;
  if (several) lines.push(versionLine);
  for (const { name, part } of outcomeParts(decision)) {
    const exemption = part.exemption ? ` via exemption \`${part.exemption}\`` : '';
    const clause = part.clause ? ` by ${part.basis === 'redline' ? 'red line' : 'rule'} \`${part.clause}\`` : ' by default';
    const action = part.duration ? `${part.action} ${part.duration}` : part.action;
    lines.push(`${several ? `${name}:` : 'decision:'} ${action} (${part.basis})${clause}${exemption}`);
    if (!several) lines.push(versionLine);
    for (const text of part.because) lines.push(`${several ? '  ' : ''}because: ${JSON.stringify(text)}`);
  }
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
    for (const q of c.quantifiers ?? []) {
      const which = q.matched.length === 0 ? 'none' : `elements ${q.matched.join(', ')}`;
      lines.push(`    ${q.text}: ${q.matched.length} of ${q.of} (${which})`);
    }
  }
  // Names, the version and condition texts come from the policy: no control character reaches the terminal.
  return lines.map(escapeControls).join('\n');
}

/**
 * A decision in lines for a terminal: `remove (rule) by rule \`x\` — version V` and its
 * `because` texts; with declared outcomes, one line per outcome (`account: restrict P3D …`).
 */
export function decisionText(d: AnyDecision): string[] {
  const lines: string[] = [];
  const several = 'outcomes' in d;
  if (several) lines.push(`version ${d.version}`);
  for (const { name, part } of outcomeParts(d)) {
    const by = part.clause ? ` by ${part.basis === 'redline' ? 'red line' : 'rule'} \`${part.clause}\`` : '';
    const via = part.exemption ? ` via exemption \`${part.exemption}\`` : '';
    const action = part.duration ? `${part.action} ${part.duration}` : part.action;
    lines.push(several ? `${name}: ${action} (${part.basis})${by}${via}` : `${action} (${part.basis})${by}${via} — version ${d.version}`);
    for (const because of part.because) lines.push(`${several ? '    ' : '  '}because: ${because}`);
  }
  // Policy text (the version, `because`) may hold control characters: escaped for the terminal.
  return lines.map(escapeControls);
}
