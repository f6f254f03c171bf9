import { fail } from './statement-errors.js';
import type { Decision, OutcomeDecision, OutcomesDecision } from './types.js';

/**
 * The decisions a statement is built from, typed by their JSON shape: the Bylaw 1 Decision (one
 * outcome, flat) or the Bylaw 2 one (several outcomes, in declaration order; LANGUAGE-2 §3).
 */
export type AnyDecision = Decision | OutcomesDecision;

/** The name of the one outcome of a Bylaw 1 policy. */
export const SINGLE_OUTCOME = 'action';

/** The outcomes of a decision, in declaration order; a Bylaw 1 decision has the one outcome `action`. */
export function outcomesOf(decision: AnyDecision): [string, OutcomeDecision][] {
  if (typeof decision !== 'object' || decision === null) fail('invalid-decision', '', 'the decision is not an object', 'pass the Decision JSON that `decide` returns');
  if (typeof decision.version !== 'string') fail('invalid-decision', 'version', 'the decision has no `version`', 'pass the Decision JSON that `decide` returns');
  const entries: [string, unknown][] = 'outcomes' in decision ? Object.entries(decision.outcomes ?? {}) : [[SINGLE_OUTCOME, decision]];
  if (entries.length === 0) fail('invalid-decision', 'outcomes', 'the decision has no outcomes', 'pass the Decision JSON that `decide` returns');
  for (const [name, outcome] of entries) checkOutcome(name, outcome, 'outcomes' in decision ? 'outcomes.' + name : '');
  return entries as [string, OutcomeDecision][];
}

function checkOutcome(name: string, value: unknown, path: string): void {
  const o = value as Partial<OutcomeDecision> | null;
  const at = (field: string) => (path === '' ? field : path + '.' + field);
  const bad: (field: string, what: string) => never = (field, what) =>
    fail('invalid-decision', at(field), "the decision's outcome `" + name + '` ' + what, 'pass the Decision JSON that `decide` returns');
  if (typeof o !== 'object' || o === null) bad('', 'is not an object');
  if (typeof o.action !== 'string') bad('action', 'has no `action`');
  if (!['redline', 'rule', 'exemption', 'default'].includes(o.basis as string)) bad('basis', 'has no valid `basis`');
  if (o.clause !== null && typeof o.clause !== 'string') bad('clause', 'has an invalid `clause`');
  if (o.exemption !== null && o.exemption !== undefined && typeof o.exemption !== 'string') bad('exemption', 'has an invalid `exemption`');
  if (!Array.isArray(o.because) || o.because.some((b) => typeof b !== 'string')) bad('because', 'has no `because` list');
  if (o.duration !== undefined && typeof o.duration !== 'string') bad('duration', 'has an invalid `duration`');
}
