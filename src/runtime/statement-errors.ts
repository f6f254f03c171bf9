/**
 * A problem with a mapping, a deployment config or the facts of one decision: a code-like `kind`,
 * where it is (`path`, a dotted path into the object checked), a message in the diagnostics' style
 * (lowercase, no trailing period, names in backticks) and a help text.
 * @public
 */
export interface StatementIssue {
  readonly kind: string;
  readonly severity: 'error' | 'warning';
  readonly path: string;
  readonly message: string;
  readonly help: string;
}

/**
 * Why no statement could be built for one decision: bad facts or deployment, a mapping gap, a date out of range.
 * @public
 */
export class StatementError extends Error {
  readonly problem: StatementIssue;
  constructor(problem: StatementIssue) {
    super(problem.message + ' (' + problem.kind + ' at ' + problem.path + ')');
    this.problem = problem;
    this.name = 'StatementError';
  }
}

export function fail(kind: string, path: string, message: string, help: string): never {
  throw new StatementError({ kind, severity: 'error', path, message, help });
}
