/** Helpers for the compiler tests: loading fixtures (TypeScript's are in typescript.ts). */
import type { PolicySet } from '../../src/checker/program.js';
import { loadPolicy } from '../../src/load-policy.js';

export function load(path: string): PolicySet {
  const loaded = loadPolicy(path);
  if (!loaded.policy) throw new Error(`${path} has errors: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return loaded.policy;
}
