import { isValidIsoDate } from '../ast/dates.js';
import { codePointLength, isAbsoluteUrl } from '../runtime/statement-deployment.js';

export { codePointLength };

/**
 * The string formats the statement schema names, shared by the generated validator (which calls
 * `formats.<name>.validate`) and by the generator script that compiles the schema. Written here,
 * not taken from a formats package, so that the database's exact reading is kept: `date` is
 * Laravel's `date_format:Y-m-d` (four-digit year, a day that exists), `uri` is its `url` rule as
 * far as the facts describe it (a scheme, `://` and a host; no spaces).
 */
export const formats = {
  date: { type: 'string', validate: (text: string): boolean => isValidIsoDate(text) },
  uri: { type: 'string', validate: isAbsoluteUrl },
} as const;
