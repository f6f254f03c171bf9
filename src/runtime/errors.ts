import type { InputProblem } from './types.js';

/**
 * The input is dated before the first version of the policy: no version was in force.
 * @public
 */
export class NoVersionInForceError extends Error {
  readonly date: string;
  readonly firstEffective: string;
  constructor(date: string, firstEffective: string) {
    super('no version in force on ' + date + ': the first version takes effect on ' + firstEffective);
    this.date = date;
    this.firstEffective = firstEffective;
    this.name = 'NoVersionInForceError';
  }
}

/**
 * The input does not match the declared input type (thrown by `explain`).
 * @public
 */
export class InvalidInputError extends Error {
  readonly errors: readonly InputProblem[];
  constructor(errors: readonly InputProblem[]) {
    super(errors.map((e) => e.path + ': ' + e.message).join('\n'));
    this.errors = errors;
    this.name = 'InvalidInputError';
  }
}
