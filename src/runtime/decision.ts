import type { Decision } from './types.js';

/** A frozen Decision: generated modules build each possible one once, at load time. */
export function frozenDecision<D extends Decision>(decision: D): D {
  Object.freeze(decision.because);
  return Object.freeze(decision);
}
