import type { Decision, OutcomeDecision } from './types.js';

/** A frozen Decision: generated modules build each possible one once, at load time. */
export function frozenDecision<D extends Decision>(decision: D): D {
  Object.freeze(decision.because);
  return Object.freeze(decision);
}

/** One outcome's part of a decision, frozen: generated modules build each possible one once. */
export function frozenPart<P extends OutcomeDecision>(part: P): P {
  Object.freeze(part.because);
  return Object.freeze(part);
}

/** A decision with declared outcomes, frozen (its parts are frozen already). */
export function frozenOutcomes<O extends Readonly<Record<string, OutcomeDecision>>>(
  version: string,
  outcomes: O,
): { readonly version: string; readonly outcomes: O } {
  return Object.freeze({ version, outcomes: Object.freeze(outcomes) });
}
