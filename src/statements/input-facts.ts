import type { Deployment, StatementFacts } from './deployment.js';
import { fail } from './problems.js';

/**
 * The facts of one decision read from its input, for the command line (`bylaw decide
 * --statement-of-reasons`, `bylaw replay --statements`), where no caller hands them over. The
 * deployment's `inputFacts` names the input fields; what it does not name has a default:
 *
 * - `date`: the input's date field that picks the version (a policy without dates needs `inputFacts.date`);
 * - `applicationDate`: the decision date (the database takes none before 2020);
 * - `contentDate`: the decision date — a platform that records when the content was posted names
 *   that field, since `content_date` is that day;
 * - `decidedAt`: none (hour durations then round up to whole days);
 * - `id`: `lineId` (a replayed line's top-level `id`), else none, and the PUID is hashed from the input.
 */
export function factsFromInput(input: unknown, dateField: string | null, deployment: Deployment, lineId?: string): StatementFacts {
  const fields = deployment.inputFacts ?? {};
  const read = (fact: string, path: string | undefined): unknown => {
    if (path === undefined) return undefined;
    let value: unknown = input;
    for (const part of path.split('.')) {
      value = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[part] : undefined;
    }
    if (value === undefined || value === null) {
      fail('missing-fact', fact, `the input has no \`${path}\` for \`${fact}\``, `the deployment's \`inputFacts.${fact}\` names \`${path}\`: give it in every input, or change the deployment`);
    }
    return value;
  };
  const date = read('date', fields.date ?? dateField ?? undefined);
  if (date === undefined) {
    fail('missing-fact', 'date', 'the policy has no dates, so the decision date is unknown',
      'name the input field holding it in the deployment: `"inputFacts": {"date": "…"}`');
  }
  const id = read('id', fields.id) ?? lineId;
  const decidedAt = read('decidedAt', fields.decidedAt);
  const applicationDate = read('applicationDate', fields.applicationDate);
  return {
    date: String(date),
    contentDate: String(read('contentDate', fields.contentDate) ?? date),
    ...(applicationDate !== undefined ? { applicationDate: String(applicationDate) } : {}),
    ...(decidedAt !== undefined ? { decidedAt: String(decidedAt) } : {}),
    ...(id !== undefined ? { id: String(id) } : {}),
    input,
  };
}
