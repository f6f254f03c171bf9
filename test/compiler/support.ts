/** Helpers for the compiler tests: loading fixtures (TypeScript's are in typescript.ts). */
import type { PolicySet } from '../../src/checker/program.js';
import type { AnyDecision, Decision } from '../../src/semantics/decision.js';
import { loadPolicy } from '../../src/load-policy.js';

export function load(path: string): PolicySet {
  const loaded = loadPolicy(path);
  if (!loaded.policy) throw new Error(`${path} has errors: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return loaded.policy;
}

/** A Bylaw 1 decision (the flat shape), or a failed test. */
export function flat(d: AnyDecision): Decision {
  if ('outcomes' in d) throw new Error('expected a Bylaw 1 decision, got one with outcomes');
  return d;
}
