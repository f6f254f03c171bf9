import type { CheckedClause, Condition, PolicySet, Program } from '../checker/program.js';
import { combine, type Decision, type Firings } from '../semantics/decision.js';
import { InvalidInputError, NoVersionInForceError } from '../semantics/errors.js';
import { validateInput, type InputProblem } from '../semantics/validate.js';
import { isValidIsoDate } from '../ast/dates.js';
import { ConditionEvaluator, type Input } from './conditions.js';

const contextMaps = new WeakMap<Program, ReadonlyMap<string, Condition>>();

export function contextsOf(program: Program): ReadonlyMap<string, Condition> {
  let map = contextMaps.get(program);
  if (!map) {
    map = new Map(program.contexts.map((c) => [c.name, c.body]));
    contextMaps.set(program, map);
  }
  return map;
}

/**
 * The version in force on the input's date: the latest `effective` on or before it.
 * Throws NoVersionInForceError for a date before every version. Expects a validated input.
 */
export function selectVersion(set: PolicySet, input: Input): Program {
  if (set.dateField === null) return set.versions[0]!;
  const date = input[set.dateField] as string;
  let chosen: Program | null = null;
  for (const version of set.versions) if (version.effective !== null && version.effective <= date) chosen = version;
  if (!chosen) throw new NoVersionInForceError(date, set.versions[0]!.effective!);
  return chosen;
}

export function clauseHolds(clause: CheckedClause, evaluator: ConditionEvaluator): boolean {
  return evaluator.evaluate(clause.when) && !(clause.unless !== null && evaluator.evaluate(clause.unless));
}

export function firings(program: Program, evaluator: ConditionEvaluator): Firings {
  return {
    redlines: program.redlines.map((c) => clauseHolds(c, evaluator)),
    rules: program.rules.map((c) => clauseHolds(c, evaluator)),
    exemptions: program.exemptions.map((c) => clauseHolds(c, evaluator)),
  };
}

export type Prepared =
  | { readonly ok: true; readonly program: Program; readonly input: Input }
  | { readonly ok: false; readonly errors: readonly InputProblem[]; readonly noVersion?: NoVersionInForceError };

/**
 * Validates untrusted input and picks its version. The date is read first (versions may declare
 * different input records), then the whole input is checked against that version's record.
 */
export function prepare(set: PolicySet, input: unknown): Prepared {
  const latest = set.versions[set.versions.length - 1]!;
  let program = latest;
  if (set.dateField !== null) {
    const date = isRecord(input) && Object.prototype.hasOwnProperty.call(input, set.dateField) ? input[set.dateField] : undefined;
    if (typeof date !== 'string' || !isValidIsoDate(date)) {
      const full = validateInput(latest.inputType, input);
      return { ok: false, errors: full.ok ? [] : full.errors };
    }
    try {
      program = selectVersion(set, input as Input);
    } catch (error) {
      if (!(error instanceof NoVersionInForceError)) throw error;
      return { ok: false, errors: [{ path: set.dateField, message: error.message }], noVersion: error };
    }
  }
  const valid = validateInput(program.inputType, input);
  return valid.ok ? { ok: true, program, input: valid.value } : { ok: false, errors: valid.errors };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The reference decision: validates the input, picks the version in force and applies the
 * decision semantics. Throws InvalidInputError or NoVersionInForceError.
 */
export function evaluate(set: PolicySet, input: unknown): Decision {
  const prepared = prepare(set, input);
  if (!prepared.ok) throw prepared.noVersion ?? new InvalidInputError(prepared.errors);
  const { program } = prepared;
  return combine(program, firings(program, new ConditionEvaluator(prepared.input, contextsOf(program))));
}

export type DecideResult =
  | { readonly ok: true; readonly decision: Decision }
  | { readonly ok: false; readonly errors: readonly InputProblem[] };

/** Like `evaluate`, but never throws: problems come back as a list. */
export function decideUnknown(set: PolicySet, input: unknown): DecideResult {
  const prepared = prepare(set, input);
  if (!prepared.ok) return { ok: false, errors: prepared.errors };
  const { program } = prepared;
  return { ok: true, decision: combine(program, firings(program, new ConditionEvaluator(prepared.input, contextsOf(program)))) };
}
