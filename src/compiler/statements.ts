/**
 * Statements of reasons in a generated module: `statementOfReasons(decision, facts, deployment)`
 * and `noticeOfReasons(…)`, exported only when a version of the policy has `statement`
 * declarations (a policy without them compiles exactly as before). The builder is the
 * interpreter's own (src/runtime/statement-*.ts, inlined like the rest of the runtime); the
 * module adds each version's export mapping as a literal, every string through `jsString`.
 */
import type { PolicySet } from '../checker/program.js';
import type { ExportMapping } from '../runtime/statement-mapping.js';
import { ts, type Writer } from './emit.js';
import { comment, internal, jsNumber, jsString, propertyKey } from './names.js';
import type { RuntimeUse } from './runtime.js';

/** The public runtime pieces a module with statements exports (their types, and the error class). */
const PUBLIC_PIECES = ['Statement', 'Notice', 'StatementFacts', 'Deployment', 'StatementError'] as const;

/**
 * Names a module with statements exports, which a policy type must not take: the functions, and
 * the public types the pieces above bring along (StatementFacts and Deployment name the database's key types).
 */
export const STATEMENT_EXPORTS = [
  'statementOfReasons', 'noticeOfReasons', 'Statement', 'Notice', 'StatementFacts', 'Deployment', 'NoticeConfig',
  'InputFacts', 'StatementError', 'StatementIssue', 'ContentTypeKey', 'CategoryKey', 'KeywordKey', 'SourceTypeKey',
  'AutomatedDecisionKey', 'AccountTypeKey', 'CountryCode',
] as const;

export function hasStatements(set: PolicySet): boolean {
  return set.versions.some((v) => v.exportMapping !== undefined);
}

/** Marks the public pieces used (for a .d.ts, which declares them). */
export function useStatementTypes(runtime: RuntimeUse): void {
  for (const piece of PUBLIC_PIECES) runtime.use(piece);
}

const DOC_STATEMENT = [
  '/**',
  ' * The statement of reasons for a decision of this policy: the JSON body of `POST /api/v1/statement`',
  ' * of the DSA Transparency Database, or null when the decision restricts nothing. The same statement',
  ' * as `bylaw decide --statement-of-reasons`. Throws StatementError when none can be built (the',
  ' * version has no `statement` declarations, invalid facts or deployment, a date out of range).',
  ' */',
];

const DOC_NOTICE = [
  '/**',
  ' * The notice the person receives for a decision (plain text and Markdown), or null when it restricts',
  ' * nothing. Throws StatementError as statementOfReasons does.',
  ' */',
];

/** The mappings, `statementOfReasons` and `noticeOfReasons`. */
export function emitStatements(w: Writer, set: PolicySet, runtime: RuntimeUse): void {
  useStatementTypes(runtime);
  const mappings = internal('STATEMENT_MAPPINGS');
  const mappingOf = `${runtime.use('versionMapping')}(${jsString(set.name)}, ${mappings}, decision)`;
  const deployment = `${runtime.use('checkedDeployment')}(deployment)`;
  w.line(comment('---- statements of reasons: each version\'s `statement` declarations (docs/statements-of-reasons.md) ----'));
  w.line();
  w.line(`const ${mappings}${ts(`: readonly (readonly [string, ${runtime.use('ExportMapping')} | undefined])[]`)} = [`);
  w.indent(() => {
    for (const v of set.versions) w.line(`[${jsString(v.version)}, ${v.exportMapping ? literal(v.exportMapping) : 'undefined'}],`);
  });
  w.line('];');
  w.line();
  const params = `decision${ts(': Decision')}, facts${ts(': StatementFacts')}, deployment${ts(': Deployment')}`;
  w.lines_(DOC_STATEMENT);
  w.block(`export function statementOfReasons(${params})${ts(': Statement | null')} {`, () => {
    w.line(`return ${runtime.use('statementOfReasons')}(decision, facts, ${mappingOf}, ${deployment});`);
  });
  w.line();
  w.lines_(DOC_NOTICE);
  w.block(`export function noticeOfReasons(${params})${ts(': Notice | null')} {`, () => {
    w.line(`return ${runtime.use('noticeOfReasons')}(decision, facts, ${mappingOf}, ${deployment});`);
  });
  w.line();
}

/** The two functions in a .d.ts. */
export function statementDeclarations(): string[] {
  return [
    ...DOC_STATEMENT,
    'export declare function statementOfReasons(decision: Decision, facts: StatementFacts, deployment: Deployment): Statement | null;',
    ...DOC_NOTICE,
    'export declare function noticeOfReasons(decision: Decision, facts: StatementFacts, deployment: Deployment): Notice | null;',
  ];
}

/**
 * A mapping as a JavaScript literal with the same value: keys in the same order, absent fields
 * left out. A `__proto__` key is computed, so it stays an own property as in the checker's object.
 */
function literal(value: unknown): string {
  if (typeof value === 'string') return jsString(value);
  if (typeof value === 'number') return jsNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as ExportMapping).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const key = (k: string) => (k === '__proto__' ? `[${jsString(k)}]` : propertyKey(k));
    return `{ ${entries.map(([k, v]) => `${key(k)}: ${literal(v)}`).join(', ')} }`;
  }
  throw new Error(`an export mapping holds no ${typeof value}`);
}
