/**
 * Problems with a mapping, a deployment or the facts of one decision. The checker turns mapping
 * problems into located diagnostics; the builder throws a `StatementError` for the others.
 * Defined in src/runtime/statement-errors.ts, which a compiled module inlines too.
 */
import type { StatementIssue } from '../runtime/statement-errors.js';

export { StatementError, fail, type StatementIssue } from '../runtime/statement-errors.js';

export type Problem = StatementIssue;
