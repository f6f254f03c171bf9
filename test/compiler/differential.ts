/**
 * The compiled module against the interpreter, one input at a time. Used by the differential
 * tests (differential.test.ts, a few thousand runs) and the fuzz run (millions).
 * Comparisons are on JSON text first (fast, and strict about key order), with a readable
 * `toEqual` diff when they differ.
 */
import { expect } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { compiledJavaScript, importCompiled, type CompiledModule } from '../../src/compiler/load.js';
import { decideUnknown, evaluate, prepare } from '../../src/interpreter/evaluate.js';
import { explain } from '../../src/interpreter/explain.js';
import type { AnyDecision } from '../../src/semantics/decision.js';
import { NoVersionInForceError } from '../../src/semantics/errors.js';
import { load } from './support.js';

/** The policies the differential tests compare on (differential.test.ts, chunked.test.ts). */
export const DIFFERENTIAL_POLICIES = [
  'policies/twitter',
  'test/compiler/fixtures/ties.policy',
  'test/compiler/fixtures/contexts.policy',
  'test/compiler/fixtures/names.policy',
  'test/compiler/fixtures/versions',
  // Bylaw 2: declared outcomes, durations, lists, quantifiers, optional fields, date shifts.
  'policies/youtube',
  'policies/meta',
  'test/compiler/fixtures/history',
  'test/compiler/fixtures/mixed',
  // Dates in loops as day numbers: bounds past the writable years, absent bounds, leap days.
  'test/compiler/fixtures/loop-days.policy',
  // Loop parameters passed by their uses: day numbers only, and a nested loop's text.
  'test/compiler/fixtures/loop-uses.policy',
];

function sameJson(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) === JSON.stringify(expected)) return;
  expect(actual, what).toEqual(expected);
  // Equal as objects but not as JSON: a key order or an undefined-vs-missing difference.
  expect(JSON.stringify(actual), `${what} (as JSON)`).toBe(JSON.stringify(expected));
}

/** A compiled decision is shared: frozen, with every part and `because` list. */
function frozen(d: AnyDecision): boolean {
  if (!('outcomes' in d)) return Object.isFrozen(d) && Object.isFrozen(d.because);
  return Object.isFrozen(d) && Object.isFrozen(d.outcomes) && Object.values(d.outcomes).every((p) => Object.isFrozen(p) && Object.isFrozen(p.because));
}

function outcome<T>(run: () => T): { ok: true; value: T } | { ok: false; name: string; message: string } {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, name: (error as Error).name, message: (error as Error).message };
  }
}

/**
 * A valid input (possibly dated before every version): decide, explain, decideUnknown, validate
 * agree. Without `withExplain` (the fuzz run's fast lane): decide and decideUnknown only.
 */
export function compareValid(set: PolicySet, compiled: CompiledModule, input: Record<string, unknown>, withExplain = true): void {
  if (!withExplain) {
    sameJson(outcome(() => compiled.decide(input)), outcome(() => evaluate(set, input)), 'decide');
    sameJson(compiled.decideUnknown(input), decideUnknown(set, input), 'decideUnknown');
    return;
  }
  // The interpreter's explain carries its decision (evaluate's, by the same code path).
  const expected = outcome(() => explain(set, input));
  const actual = outcome(() => compiled.decide(input));
  if (!expected.ok) {
    // Only one failure is possible for a valid input: no version in force.
    expect(expected.name).toBe('NoVersionInForceError');
    expect(actual).toEqual(expected);
    expect(() => compiled.decide(input)).toThrow(compiled.NoVersionInForceError);
  } else {
    sameJson(actual.ok ? actual.value : actual, expected.value.decision, 'decide');
    if (actual.ok) expect(frozen(actual.value)).toBe(true);
    sameJson(compiled.explain(input), expected.value, 'explain');
  }
  compareUnknown(set, compiled, input);
}

/** Any input: validate, decideUnknown and explain agree (errors, paths and messages included). */
export function compareUnknown(set: PolicySet, compiled: CompiledModule, input: unknown): void {
  const prepared = prepare(set, input);
  const validation = compiled.validate(input);
  if (prepared.ok) {
    expect(validation.ok).toBe(true);
    if (validation.ok) expect(validation.value).toBe(input);
  } else {
    sameJson(validation, { ok: false, errors: prepared.errors }, 'validate');
  }
  sameJson(compiled.decideUnknown(input), decideUnknown(set, input), 'decideUnknown');
  if (!prepared.ok) {
    const expected = outcome(() => explain(set, input));
    const actual = outcome(() => compiled.explain(input));
    expect(actual).toEqual(expected);
    if (prepared.noVersion) expect(expected.ok ? null : expected.name).toBe(NoVersionInForceError.name);
  }
}

/** A fixture with one outcome `action`: its set, its compiled module, and the clause that decides a post, once decide and explain agree with the interpreter on it. */
export async function clauseDecider(fixture: string): Promise<{ set: PolicySet; m: CompiledModule; decided: (post: Record<string, unknown>) => string | null }> {
  const set = load(fixture);
  const m = await importCompiled(compiledJavaScript(set));
  const decided = (post: Record<string, unknown>): string | null => {
    compareValid(set, m, post);
    const d = m.decide(post);
    if (!('outcomes' in d)) throw new Error('expected declared outcomes');
    return d.outcomes['action']!.clause;
  };
  return { set, m, decided };
}
