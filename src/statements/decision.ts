/**
 * The decisions a statement is built from (defined in src/runtime/statement-decision.ts, which a
 * compiled module inlines too).
 */
import type { Decision } from '../runtime/types.js';

export { SINGLE_OUTCOME, outcomesOf, type AnyDecision } from '../runtime/statement-decision.js';
export type { Basis, OutcomeDecision, OutcomesDecision } from '../runtime/types.js';

/** Bylaw 1: one outcome, flat. */
export type SingleDecision = Decision;
