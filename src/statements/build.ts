import type { Statement } from '../runtime/statement-build.js';
import { fail } from './problems.js';
import { BATCH_LIMIT } from './schema.js';

/** The statement itself is built in src/runtime/statement-build.ts, which a compiled module inlines too. */
export { statementOfReasons, renderStatement, becauseTexts, decisionFacts, cut, type Statement } from '../runtime/statement-build.js';

/**
 * The bodies of `POST /api/v1/statements` for these statements: at most 100 per call, in order.
 * The database refuses a whole call when two statements share a PUID, so a repeated PUID is an
 * error here rather than a refused call later.
 */
export function statementBatches(statements: readonly Statement[], size = BATCH_LIMIT): { statements: Statement[] }[] {
  if (!Number.isInteger(size) || size < 1 || size > BATCH_LIMIT) throw new RangeError(`a batch holds 1 to ${BATCH_LIMIT} statements, not ${size}`);
  const seen = new Set<unknown>();
  for (const s of statements) {
    if (seen.has(s.puid)) {
      fail('duplicate-puid', 'puid', `two statements share the PUID \`${String(s.puid)}\``,
        'the database refuses a call with a repeated PUID and never takes one twice: give each decision its own id');
    }
    seen.add(s.puid);
  }
  const batches: { statements: Statement[] }[] = [];
  for (let i = 0; i < statements.length; i += size) batches.push({ statements: statements.slice(i, i + size) });
  return batches;
}

