import type { PolicySet, Program, RecordType, Type } from '../../checker/program.js';
import { NoVersionInForceError } from '../../semantics/errors.js';
import { SqlConditions, fieldRef, literal, INPUT_ALIAS } from './conditions.js';
import { dialect as dialectOf, type Dialect, type DialectName } from './dialect.js';
import { planSet, type Outcome, type SetPlan, type VersionPlan } from './plan.js';
import { problemsExpression, validExpression } from './validate.js';

export interface SqlOptions {
  /** Default `duckdb`. */
  readonly dialect?: DialectName;
  /** The input table, maybe qualified (`lake.moderation.posts`); default `posts`. */
  readonly table?: string;
  /** The view to create; default the table's name + `_decisions`, in the table's schema. */
  readonly view?: string;
  /** `view` (default): `CREATE OR REPLACE VIEW … AS SELECT …`; `select`: the query alone. */
  readonly statement?: 'view' | 'select';
}

/** The columns the decision adds, in order. */
export const DECISION_COLUMNS = ['action', 'basis', 'clause', 'exemption', 'version', 'error'] as const;

const DECISION_ALIAS = 'bylaw_decision';
const OUTCOME_COLUMN = 'outcome';

/**
 * The SQL pieces of a policy set's decision, for callers that compose their own queries (the
 * DuckDB runner aggregates outcome ids and decodes them itself).
 */
export interface SqlDecision {
  readonly plan: SetPlan;
  /** Every possible outcome; `outcome` evaluates to one of their ids, or NULL for an error row. */
  readonly outcomes: readonly Outcome[];
  /** An integer expression over the input row (alias `bylaw_input`): the outcome id, NULL on an error. */
  readonly outcome: string;
  /** A string expression: NULL, or why the row has no decision. */
  readonly error: string;
}

export function sqlDecision(set: PolicySet, dialectName: DialectName = 'duckdb'): SqlDecision {
  const d = dialectOf(dialectName);
  const plan = planSet(set);
  return { plan, outcomes: plan.outcomes, outcome: outcomeExpression(d, plan), error: errorExpression(d, set) };
}

/** The decision view (or query) of a policy set over a table of its inputs. Same text on every run. */
export function generateSql(set: PolicySet, options: SqlOptions = {}): string {
  const d = dialectOf(options.dialect ?? 'duckdb');
  const table = splitName(options.table ?? 'posts');
  const view = options.view !== undefined ? splitName(options.view) : [...table.slice(0, -1), `${table[table.length - 1]!}_decisions`];
  const decision = sqlDecision(set, d.name);
  const a = d.ident(DECISION_ALIAS);
  const nullText = `CAST(NULL AS ${d.types.string})`;
  const text = (value: string | null) => (value === null ? nullText : d.string(value));
  const rows = decision.outcomes.map(
    (o) => `(${o.id}, ${text(o.action)}, ${text(o.basis)}, ${text(o.clause)}, ${text(o.exemption)}, ${text(o.version)})`,
  );
  const columns = [OUTCOME_COLUMN, ...DECISION_COLUMNS.slice(0, -1)].map((c) => d.ident(c)).join(', ');
  const select = [
    'SELECT',
    `  ${d.ident(INPUT_ALIAS)}.*,`,
    ...DECISION_COLUMNS.slice(0, -1).map((c) => `  ${a}.${d.ident(c)} AS ${d.ident(c)},`),
    `  ${indent(decision.error, 2)} AS ${d.ident('error')}`,
    `FROM ${table.map((p) => d.ident(p)).join('.')} AS ${d.ident(INPUT_ALIAS)}`,
    'LEFT JOIN (',
    '  VALUES',
    rows.map((r) => `    ${r}`).join(',\n'),
    `) AS ${a} (${columns})`,
    `  ON ${a}.${d.ident(OUTCOME_COLUMN)} = ${indent(decision.outcome, 2)}`,
  ].join('\n');
  if (options.statement === 'select') return `${select}\n`;
  return `CREATE OR REPLACE VIEW ${view.map((p) => d.ident(p)).join('.')} AS\n${select};\n`;
}

/** `a.b.c` → parts; a part may hold any character but a dot, and none may be empty. */
function splitName(name: string): string[] {
  const parts = name.split('.');
  if (parts.some((p) => p.trim() === '')) throw new Error(`invalid table or view name \`${name}\``);
  return parts;
}

function indent(text: string, by: number): string {
  return text.replaceAll('\n', `\n${' '.repeat(by)}`);
}

/** The version CASE around each version's validity check and cascade. */
function outcomeExpression(d: Dialect, plan: SetPlan): string {
  const { set } = plan;
  if (set.dateField === null) {
    return versionOutcome(d, plan.versions[0]!);
  }
  const date = fieldRef(d, [set.dateField]);
  const branches = [...plan.versions]
    .reverse()
    .map((v) => `  WHEN ${date} >= ${literal(d, v.program.effective!, { kind: 'date' })} THEN ${indent(versionOutcome(d, v), 2)}`);
  return ['CASE', ...branches, 'END'].join('\n');
}

function versionOutcome(d: Dialect, version: VersionPlan): string {
  const conditions = new SqlConditions(d, version.program);
  const lines = ['CASE', `  WHEN NOT (${indent(validExpression(d, version.program.inputType), 4)}) THEN NULL`];
  for (const step of version.cascade) {
    const when = step.when.map((l) => (l.holds ? conditions.clause(l.clause) : `NOT ${conditions.clause(l.clause)}`)).join(' AND ');
    lines.push(`  WHEN ${when} THEN ${step.outcome.id}`);
  }
  lines.push(`  ELSE ${version.fallback.id}`, 'END');
  return lines.join('\n');
}

/**
 * Why a row has no decision: the input problems of the version in force (of the latest version
 * when there is no date to pick one), or the date being before every version — in the words of
 * NoVersionInForceError.
 */
function errorExpression(d: Dialect, set: PolicySet): string {
  const latest = set.versions[set.versions.length - 1]!;
  const checked = (p: Program, by: number) =>
    indent(`CASE WHEN ${indent(validExpression(d, p.inputType), 2)}\nTHEN NULL\nELSE ${indent(problemsExpression(d, p.inputType), 2)} END`, by);
  if (set.dateField === null) return checked(latest, 0);
  const date = fieldRef(d, [set.dateField]);
  const first = set.versions[0]!.effective!;
  // The message of NoVersionInForceError, with the row's date spliced in.
  const [before, after] = new NoVersionInForceError('\u0001', first).message.split('\u0001') as [string, string];
  const noVersion = `${d.string(before)} || CAST(${date} AS ${d.types.string}) || ${d.string(after)}`;
  const lines = ['CASE', `  WHEN ${date} IS NULL THEN ${checked(latest, 2)}`, `  WHEN ${date} < ${literal(d, first, { kind: 'date' })} THEN ${noVersion}`];
  // Versions with the same input record (the usual case) share one validation.
  if (new Set(set.versions.map((p) => typeKey(p.inputType))).size === 1) {
    lines.push(`  ELSE ${checked(latest, 2)}`);
  } else {
    for (const p of [...set.versions].reverse()) {
      lines.push(`  WHEN ${date} >= ${literal(d, p.effective!, { kind: 'date' })} THEN ${checked(p, 2)}`);
    }
  }
  lines.push('END');
  return lines.join('\n');
}

function typeKey(type: Type): string {
  switch (type.kind) {
    case 'record':
      return `{${type.name}:${type.fields.map((f) => `${f.name}:${typeKey(f.type)}`).join(',')}}`;
    case 'enum':
      return `enum ${type.name}(${type.members.join(',')})`;
    case 'set':
      return `set<${typeKey(type.element)}>`;
    case 'int':
      return `int(${type.min ?? ''}..${type.max ?? ''})`;
    default:
      return type.kind;
  }
}

/** The SQL type of a Bylaw type: records as STRUCT/ROW, sets as lists of strings, enums as strings. */
export function sqlType(type: Type, dialectName: DialectName = 'duckdb'): string {
  const d = dialectOf(dialectName);
  switch (type.kind) {
    case 'bool':
      return d.types.bool;
    case 'string':
    case 'enum':
      return d.types.string;
    case 'date':
      return d.types.date;
    case 'int':
      return d.types.int;
    case 'set':
      return d.types.list(d.types.string);
    case 'record':
      return d.types.struct(type.fields.map((f) => ({ name: f.name, type: sqlType(f.type, dialectName) })));
  }
}

/** The input table's columns (those of the latest version's input record), name and SQL type. */
export function inputColumns(set: PolicySet, dialectName: DialectName = 'duckdb'): { name: string; type: string }[] {
  const type: RecordType = set.versions[set.versions.length - 1]!.inputType;
  return type.fields.map((f) => ({ name: f.name, type: sqlType(f.type, dialectName) }));
}

/** `CREATE TABLE <table> (…)` for the input records of a policy set. */
export function createTableSql(set: PolicySet, options: { dialect?: DialectName; table?: string } = {}): string {
  const dialectName = options.dialect ?? 'duckdb';
  const d = dialectOf(dialectName);
  const table = splitName(options.table ?? 'posts');
  const columns = inputColumns(set, dialectName).map((c) => `  ${d.ident(c.name)} ${c.type}`);
  return `CREATE TABLE ${table.map((p) => d.ident(p)).join('.')} (\n${columns.join(',\n')}\n);\n`;
}
