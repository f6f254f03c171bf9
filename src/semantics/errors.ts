import type { InputProblem } from './validate.js';

/** The input does not match the declared input type. */
export class InvalidInputError extends Error {
  constructor(readonly errors: readonly InputProblem[]) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    this.name = 'InvalidInputError';
  }
}

/** The input is dated before the first version of the policy: no policy was in force. */
export class NoVersionInForceError extends Error {
  constructor(
    readonly date: string,
    readonly firstEffective: string,
  ) {
    super(`no version in force on ${date}: the first version takes effect on ${firstEffective}`);
    this.name = 'NoVersionInForceError';
  }
}
