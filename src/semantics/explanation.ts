import { escapeControls } from '../diagnostics/text.js';
import type { Decision } from './decision.js';

/** A place in a `.policy` file, 1-based, end exclusive. Plain data: it survives JSON and codegen. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** One condition node and its value for this input. Every child is evaluated (no short cut). */
export interface ConditionTrace {
  /** `test` is a leaf: a comparison, `in`, `has`, a bool field or a literal. */
  readonly kind: 'and' | 'or' | 'not' | 'context' | 'test';
  /** The condition as written; a context reference is its name. */
  readonly text: string;
  readonly value: boolean;
  readonly at: SourceRef;
  /** Operands of `and` / `or` / `not`; a context reference has its body as only child. */
  readonly children: readonly ConditionTrace[];
}

export interface ClauseTrace {
  readonly kind: 'redline' | 'rule' | 'exemption';
  readonly name: string;
  readonly action: string;
  readonly at: SourceRef;
  readonly when: ConditionTrace;
  readonly unless: ConditionTrace | null;
  /** `when` holds and `unless` does not. */
  readonly holds: boolean;
  /** Red lines and rules: `holds`. Exemptions: applied to at least one fired rule. */
  readonly fired: boolean;
  /** Why it did not fire (or did not apply); null when it did. */
  readonly reason: string | null;
  /** Rules: the exemption applied to it (the least severe applicable one), if any. */
  readonly exemptedBy: string | null;
  /** Exemptions: the fired rules it was applied to. */
  readonly appliedTo: readonly string[];
  readonly because: string | null;
}

export interface Explanation {
  readonly decision: Decision;
  readonly version: { readonly version: string; readonly effective: string | null; readonly file: string };
  /** Red lines, then rules, then exemptions, each in declaration order. */
  readonly clauses: readonly ClauseTrace[];
}

/**
 * The innermost condition that decided a false `when`: the first false operand of an `and`,
 * followed into context bodies. An `or`, a `not` or a leaf is reported whole.
 */
export function failingCondition(trace: ConditionTrace): ConditionTrace {
  if (trace.value) return trace;
  if (trace.kind === 'and') {
    const first = trace.children.find((c) => !c.value);
    return first ? failingCondition(first) : trace;
  }
  if (trace.kind === 'context') return failingCondition(trace.children[0]!);
  return trace;
}

/** Why a clause did not fire, in words: "`post.target != none` is false". */
export function notFiredReason(when: ConditionTrace, unless: ConditionTrace | null): string | null {
  if (!when.value) return `\`${failingCondition(when).text}\` is false`;
  if (unless?.value) return `unless \`${unless.text}\` holds`;
  return null;
}

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
