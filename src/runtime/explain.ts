/**
 * Explanations: condition traces (every node evaluated, no short cut) and the assembly of a
 * version's trace from them — what fired, which exemption each fired rule took, and why a clause
 * did not fire or apply. The interpreter and generated modules both build theirs here.
 */
import type { ClauseTrace, ConditionTrace, Decision, Explanation, OutcomesDecision, QuantifierTrace, SourceRef } from './types.js';

export function sourceRef(file: string, line: number, column: number, endLine: number, endColumn: number): SourceRef {
  return { file, line, column, endLine, endColumn };
}

export function traceTest(text: string, value: boolean, at: SourceRef): ConditionTrace {
  return { kind: 'test', text, value, at, children: [] };
}

export function traceAnd(text: string, at: SourceRef, children: ConditionTrace[]): ConditionTrace {
  return { kind: 'and', text, value: children.every((t) => t.value), at, children };
}

export function traceOr(text: string, at: SourceRef, children: ConditionTrace[]): ConditionTrace {
  return { kind: 'or', text, value: children.some((t) => t.value), at, children };
}

export function traceNot(text: string, at: SourceRef, child: ConditionTrace): ConditionTrace {
  return { kind: 'not', text, value: !child.value, at, children: [child] };
}

export function traceContext(name: string, at: SourceRef, body: ConditionTrace): ConditionTrace {
  return { kind: 'context', text: name, value: body.value, at, children: [body] };
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
  if (!when.value) return '`' + failingCondition(when).text + '` is false';
  if (unless !== null && unless.value) return 'unless `' + unless.text + '` holds';
  return null;
}

/**
 * What an explanation needs to know of a version besides the traces: its clauses (red lines,
 * then rules, then exemptions, each in declaration order) and, for each rule, the exemptions
 * naming it in the order it prefers them (the decision plan's order).
 */
export interface ExplainMeta {
  readonly version: string;
  readonly effective: string | null;
  readonly file: string;
  readonly redlines: number;
  readonly rules: number;
  readonly kinds: readonly ('redline' | 'rule' | 'exemption')[];
  readonly names: readonly string[];
  readonly actions: readonly string[];
  readonly at: readonly SourceRef[];
  readonly because: readonly (string | null)[];
  /** Per rule (index among rules): indices among exemptions, most preferred first. */
  readonly preference: readonly (readonly number[])[];
}

/** A version's explanation from the traces of every clause's `when` and `unless`, in `meta`'s order. */
export function explainVersion(
  meta: ExplainMeta,
  decision: Decision | OutcomesDecision,
  when: readonly ConditionTrace[],
  unless: readonly (ConditionTrace | null)[],
): Explanation {
  const n = meta.names.length;
  const firstExemption = meta.redlines + meta.rules;
  const holds: boolean[] = [];
  const exemptedBy: (string | null)[] = [];
  const appliedTo: string[][] = [];
  for (let k = 0; k < n; k++) {
    const u = unless[k]!;
    holds.push(when[k]!.value && !(u !== null && u.value));
    exemptedBy.push(null);
    appliedTo.push([]);
  }
  for (let r = 0; r < meta.rules; r++) {
    const i = meta.redlines + r;
    if (!holds[i]) continue;
    const applied = meta.preference[r]!.find((e) => holds[firstExemption + e]);
    if (applied === undefined) continue;
    exemptedBy[i] = meta.names[firstExemption + applied]!;
    appliedTo[firstExemption + applied]!.push(meta.names[i]!);
  }
  const clauses: ClauseTrace[] = [];
  for (let k = 0; k < n; k++) {
    const w = when[k]!;
    const u = unless[k]!;
    const isExemption = k >= firstExemption;
    const applied = appliedTo[k]!;
    const fired = isExemption ? applied.length > 0 : holds[k]!;
    let reason = notFiredReason(w, u);
    if (isExemption && holds[k] && !fired) {
      const e = k - firstExemption;
      let anyFired = false;
      for (let r = 0; r < meta.rules; r++) if (holds[meta.redlines + r] && meta.preference[r]!.includes(e)) anyFired = true;
      reason = anyFired ? 'a less severe exemption applied to each rule it names' : 'none of the rules it exempts fired';
    }
    clauses.push({
      kind: meta.kinds[k]!,
      name: meta.names[k]!,
      action: meta.actions[k]!,
      at: meta.at[k]!,
      when: w,
      unless: u,
      holds: holds[k]!,
      fired,
      reason: fired ? null : reason,
      exemptedBy: exemptedBy[k]!,
      appliedTo: applied,
      because: meta.because[k]!,
    });
  }
  return { decision, version: { version: meta.version, effective: meta.effective, file: meta.file }, clauses };
}

/** What one quantifier found for an input: `of` elements, `where` held for those at `matched`. */
export function quantifierTrace(text: string, at: SourceRef, of: number, matched: readonly number[]): QuantifierTrace {
  return { text, matched, of, at };
}

/**
 * The explanation with each clause's quantifier traces (`quantifiers[k]` for clause k, in the
 * explanation's order); a clause whose list is empty is left as it is (no `quantifiers` key).
 */
export function withQuantifiers(explanation: Explanation, quantifiers: readonly (readonly QuantifierTrace[])[]): Explanation {
  const clauses = explanation.clauses.map((clause, k): ClauseTrace => {
    const found = quantifiers[k]!;
    return found.length === 0 ? clause : { ...clause, quantifiers: found };
  });
  return { ...explanation, clauses };
}
