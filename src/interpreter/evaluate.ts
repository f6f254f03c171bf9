import type { CheckedClause, Condition, Operand, PolicySet, Program } from '../checker/program.js';
import { decide, memoHolds, type AnyDecision } from '../semantics/decision.js';
import { firstEffective, planSet, versionInForce, type Holds } from '../semantics/plan.js';
import { InvalidInputError, NoVersionInForceError } from '../semantics/errors.js';
import { validateInput, type InputProblem } from '../semantics/validate.js';
import { isValidIsoDate } from '../ast/dates.js';
import { ConditionEvaluator, type Input } from './conditions.js';

const contextMaps = new WeakMap<Program, ReadonlyMap<string, Condition>>();
const valueMaps = new WeakMap<Program, ReadonlyMap<string, Operand>>();

export function contextsOf(program: Program): ReadonlyMap<string, Condition> {
  let map = contextMaps.get(program);
  if (!map) {
    map = new Map(program.contexts.map((c) => [c.name, c.body]));
    contextMaps.set(program, map);
  }
  return map;
}

/** The version's value contexts (`count(…)`, dates) by name. */
export function valuesOf(program: Program): ReadonlyMap<string, Operand> {
  let map = valueMaps.get(program);
  if (!map) {
    map = new Map(program.values.map((v) => [v.name, v.value]));
    valueMaps.set(program, map);
  }
  return map;
}

/** An evaluator of the version's conditions for one validated input. */
export function evaluatorFor(program: Program, input: Input): ConditionEvaluator {
  return new ConditionEvaluator(input, contextsOf(program), valuesOf(program));
}

/**
 * The version in force on the input's date: the latest `effective` on or before it.
 * Throws NoVersionInForceError for a date before every version. Expects a validated input.
 */
export function selectVersion(set: PolicySet, input: Input): Program {
  const plan = planSet(set);
  const date = set.dateField === null ? null : (input[set.dateField] as string);
  const index = versionInForce(plan, date);
  if (index < 0) throw new NoVersionInForceError(String(date), firstEffective(plan));
  return set.versions[index]!;
}

export function clauseHolds(clause: CheckedClause, evaluator: ConditionEvaluator): boolean {
  return evaluator.evaluate(clause.when) && !(clause.unless !== null && evaluator.evaluate(clause.unless));
}

/** Which clauses hold for the evaluator's input, each asked at most once. */
export function holdsOf(evaluator: ConditionEvaluator): Holds {
  return memoHolds((clause) => clauseHolds(clause, evaluator));
}

/** The decision of a version for a validated input. */
export function decideProgram(set: PolicySet, program: Program, input: Input): AnyDecision {
  const plan = planSet(set).versions[set.versions.indexOf(program)]!;
  return decide(plan, holdsOf(evaluatorFor(program, input)));
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
export function evaluate(set: PolicySet, input: unknown): AnyDecision {
  const prepared = prepare(set, input);
  if (!prepared.ok) throw prepared.noVersion ?? new InvalidInputError(prepared.errors);
  return decideProgram(set, prepared.program, prepared.input);
}

export type DecideResult =
  | { readonly ok: true; readonly decision: AnyDecision }
  | { readonly ok: false; readonly errors: readonly InputProblem[] };

/** Like `evaluate`, but never throws: problems come back as a list. */
export function decideUnknown(set: PolicySet, input: unknown): DecideResult {
  const prepared = prepare(set, input);
  if (!prepared.ok) return { ok: false, errors: prepared.errors };
  return { ok: true, decision: decideProgram(set, prepared.program, prepared.input) };
}
