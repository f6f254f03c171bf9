import { validateBatch as runBatch, validateStatement as runStatement } from './generated/validate-statement.js';
import { batchSchema, statementSchema } from './schema.js';
import { messageFor, type StatementProblem } from './messages.js';
import { bylawProblems } from './strict.js';

export type { StatementProblem } from './messages.js';

export interface ValidateOptions {
  /** `database`: exactly what the database refuses. `bylaw` (default): that plus the documented and safety rules. */
  readonly profile?: 'database' | 'bylaw';
  /** The batch endpoint ignores `content_id_ean`; the single one takes it. */
  readonly endpoint?: 'single' | 'batch';
}

interface AjvError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
}
type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

const STATEMENT_SCHEMA = statementSchema();
const BATCH_SCHEMA = batchSchema();

/** The problems of one statement body (`POST /api/v1/statement`); none when it would be stored. */
export function validateStatement(body: unknown, options: ValidateOptions = {}): StatementProblem[] {
  const problems = schemaProblems(runStatement as Validator, body, () => STATEMENT_SCHEMA).map((p) => p.problem);
  if ((options.profile ?? 'bylaw') === 'bylaw' && isObject(body)) problems.push(...bylawProblems(body, options.endpoint ?? 'single'));
  return dedupe(problems);
}

/**
 * The problems of a batch body (`POST /api/v1/statements`), keyed as the database keys them:
 * `statements` for the call itself, `statement_<index>` for each refused statement. One problem
 * anywhere refuses the whole call.
 */
export function validateBatch(body: unknown, options: Omit<ValidateOptions, 'endpoint'> = {}): Record<string, StatementProblem[]> {
  const out: Record<string, StatementProblem[]> = {};
  const add = (key: string, problem: StatementProblem) => (out[key] ??= []).push(problem);
  for (const { problem, index } of schemaProblems(runBatch as Validator, body, (index) => (index === undefined ? BATCH_SCHEMA : STATEMENT_SCHEMA))) {
    add(index === undefined ? 'statements' : `statement_${index}`, problem);
  }
  const statements = isObject(body) && Array.isArray(body.statements) ? body.statements : [];
  const seen = new Set<unknown>();
  for (const statement of statements) {
    const puid = isObject(statement) ? statement.puid : undefined;
    if (typeof puid !== 'string') continue;
    if (seen.has(puid)) {
      add('statements', {
        field: 'puid',
        rule: 'distinct:puid',
        message: 'The platform identifier(s) are not all unique within this call.',
        source: 'database',
      });
      break;
    }
    seen.add(puid);
  }
  if ((options.profile ?? 'bylaw') === 'bylaw') {
    statements.forEach((statement, index) => {
      if (isObject(statement)) for (const problem of bylawProblems(statement, 'batch')) add(`statement_${index}`, problem);
    });
  }
  for (const key of Object.keys(out)) out[key] = dedupe(out[key]!);
  return out;
}

/** The database's 422 body for these problems: `{message, errors: {field: [messages]}}`. */
export function errorBody(problems: readonly StatementProblem[]): { message: string; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  for (const p of problems) (errors[p.field] ??= []).push(p.message);
  const rest = problems.length - 1;
  const more = rest > 0 ? ` (and ${rest} more error${rest === 1 ? '' : 's'})` : '';
  return { message: `${problems[0]?.message ?? 'The given data was invalid.'}${more}`, errors };
}

function schemaProblems(
  validate: Validator,
  body: unknown,
  schemaFor: (index: number | undefined) => Record<string, unknown>,
): { problem: StatementProblem; index: number | undefined }[] {
  if (validate(body)) return [];
  const out: { problem: StatementProblem; index: number | undefined }[] = [];
  for (const error of validate.errors ?? []) {
    if (error.keyword === 'if') continue; // a summary of the `then` errors already reported
    let segments = error.instancePath.split('/').slice(1).map(unescapePointer);
    let index: number | undefined;
    if (schemaFor(undefined) === BATCH_SCHEMA && segments[0] === 'statements' && segments.length > 1) {
      index = Number(segments[1]);
      segments = segments.slice(2);
    }
    const schema = schemaFor(index);
    const path = error.schemaPath.replace(/^#\/?/, '').split('/').filter((s) => s !== '').map(unescapePointer);
    const rule = ruleOf(error, schema, path);
    const named = segments.filter((s) => !/^\d+$/.test(s));
    if (error.keyword === 'required') named.push(String(error.params.missingProperty));
    const field = named.join('.');
    out.push({ problem: { field, rule, message: messageFor(field, rule), source: 'database' }, index });
  }
  return out;
}

/** The database rule behind an Ajv error: from the keyword, or the nearest `x-laravel` annotation. */
function ruleOf(error: AjvError, schema: Record<string, unknown>, path: string[]): string {
  const nodePath = path.slice(0, -1);
  const own = annotation(schema, nodePath);
  switch (error.keyword) {
    case 'maxLength':
      return `max:${String(error.params.limit)}`;
    case 'enum':
      return 'in';
    case 'type': {
      if (own) return own;
      const type = String(error.params.type);
      return type.includes('array') ? 'array' : type.includes('object') ? 'object' : 'string';
    }
    case 'format':
    case 'pattern':
    case 'minItems':
    case 'maxItems':
    case 'additionalProperties':
      return own ?? error.keyword;
    default:
      for (let n = nodePath.length; n >= 0; n--) {
        const found = annotation(schema, nodePath.slice(0, n));
        if (found) return found;
      }
      return 'required';
  }
}

function annotation(schema: Record<string, unknown>, path: string[]): string | undefined {
  let node: unknown = schema;
  for (const segment of path) {
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return isObject(node) && typeof node['x-laravel'] === 'string' ? node['x-laravel'] : undefined;
}

const unescapePointer = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

function dedupe(problems: StatementProblem[]): StatementProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}\u0000${p.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
