import type { CheckedClause, PolicySet, Program, RecordType, Type } from '../../checker/program.js';
import { NoVersionInForceError } from '../../semantics/errors.js';
import { SqlConditions, fieldRef, literal, mergeNecessary, necessaryMembers, needsHelpers, INPUT_ALIAS, type Necessary } from './conditions.js';
import { dialect as dialectOf, type Dialect, type DialectName } from './dialect.js';
import { Features, featureColumn } from './features.js';
import type { VersionPlan } from '../../semantics/plan.js';
import { answerDuration, numberAnswers, type NumberedAnswer, type SqlPlan } from './plan.js';
import { problemsExpression, validExpression, type FeatureAccess } from './validate.js';

export interface SqlOptions {
  /** Default `duckdb`. */
  readonly dialect?: DialectName;
  /** The input table, maybe qualified (`lake.moderation.posts`); default `posts`. */
  readonly table?: string;
  /** The view to create; default the table's name + `_decisions`, in the table's schema. */
  readonly view?: string;
  /** `view` (default): `CREATE OR REPLACE VIEW … AS SELECT …`; `select`: the query alone. */
  readonly statement?: 'view' | 'select';
  /**
   * DuckDB only: emit the portable shape Spark and Trino get (columns read directly, outcomes
   * decoded by a join) instead of helper columns. For tests that run the portable logic.
   */
  readonly portable?: boolean;
}

/** The columns a Bylaw 1 decision adds, in order. */
export const DECISION_COLUMNS = ['action', 'basis', 'clause', 'exemption', 'version', 'error'] as const;

/** The columns each declared outcome adds, as `<outcome>_<field>` (`content_action`, …). */
export const OUTCOME_FIELDS = ['action', 'duration', 'basis', 'clause', 'exemption'] as const;

/**
 * The columns the decision of a set adds, in order: Bylaw 1's `DECISION_COLUMNS`, or for a set
 * that declares outcomes `<outcome>_action`, `_duration`, `_basis`, `_clause`, `_exemption` per
 * outcome in declaration order, then `version` and `error`. No two outcomes can give the same
 * column name: no field name ends another.
 */
export function decisionColumns(set: PolicySet): string[] {
  const latest = set.versions[set.versions.length - 1]!;
  if (!latest.declaredOutcomes) return [...DECISION_COLUMNS];
  return [...latest.outcomes.flatMap((o) => OUTCOME_FIELDS.map((f) => `${o.name}_${f}`)), 'version', 'error'];
}

const DECISION_ALIAS = 'bylaw_decision';
const OUTCOME_COLUMN = 'outcome';

/**
 * The SQL pieces of a policy set's decision, for callers that compose their own queries (the
 * DuckDB runner aggregates outcome ids and decodes them itself).
 */
export interface SqlDecision {
  readonly plan: SqlPlan;
  /** The first outcome's possible answers; `outcome` evaluates to one of their ids, or NULL for an error row. */
  readonly outcomes: readonly NumberedAnswer[];
  /** An integer expression over a row of `from` (alias `bylaw_input`): the first outcome's id, NULL on an error. */
  readonly outcome: string;
  /** Every outcome's id expression, in `plan.outcomes` order (the first is `outcome`). */
  readonly outcomeIds: readonly string[];
  /** A string expression over a row of `from`: NULL, or why the row has no decision. */
  readonly error: string;
  /**
   * The helper columns a row of `from` carries (DuckDB): level 1 reads the table (features),
   * each higher level the ones below (date shifts, then quantifiers, then validity and clause
   * conditions, each computed once per row).
   */
  readonly helpers: readonly Helper[];
  /** The FROM item for a table (a quoted, maybe qualified name): the table, or a query adding features. */
  from(table: string): string;
  /** The input columns of a row of `from` (`bylaw_input.*`, without features). */
  readonly star: string;
}

export interface Helper {
  /** 1: features (read the table); 2 and up: read the levels below (date shifts, quantifiers, then conditions). */
  readonly level: number;
  /** Quoted name. */
  readonly column: string;
  readonly expr: string;
}

/** Helpers above the features (level 2 and up), one per distinct expression. */
class Computed {
  readonly list: Helper[] = [];
  private readonly byExpr = new Map<string, string>();

  constructor(
    private readonly d: Dialect,
    private readonly prefix: string,
  ) {}

  /** A reference to a column holding `expr`, computed at `level` (above every helper it reads). */
  ref(expr: string, level = 2): string {
    let column = this.byExpr.get(expr);
    if (column === undefined) {
      column = this.d.ident(`${featureColumn(this.list.length + 1, this.prefix)}c`);
      this.byExpr.set(expr, column);
      this.list.push({ level, column, expr });
    }
    return `${this.d.ident(INPUT_ALIAS)}.${column}`;
  }
}

/** `featurePrefix` names the helper columns apart, for two decisions over one `fromAll`. */
export function sqlDecision(set: PolicySet, dialectName: DialectName = 'duckdb', featurePrefix = '', portable = false): SqlDecision {
  const d = dialectOf(dialectName);
  const plan = numberAnswers(set);
  const features = new Features(d, set.versions[set.versions.length - 1]!.inputType, featurePrefix, !portable);
  // Helper columns where DuckDB can drop them again, and where they pay: features, or lists and dates to walk once.
  const helpful = features.list.length > 0 || (!portable && d.features !== undefined && set.versions.some(needsHelpers));
  const access: Access | undefined = helpful ? { features, alias: INPUT_ALIAS, computed: new Computed(d, featurePrefix) } : undefined;
  const conditions = new Map<VersionPlan, SqlConditions>();
  const conditionsOf = (version: VersionPlan) => {
    let c = conditions.get(version);
    if (!c) {
      const reader = access ? access.features.reader(access.alias) : undefined;
      const hoist = access ? (expr: string, level: number) => access.computed.ref(expr, level) : null;
      conditions.set(version, (c = new SqlConditions(d, version.program, reader, hoist)));
    }
    return c;
  };
  const outcomeIds = plan.outcomes.map((_, o) => outcomeExpression(d, plan, o, access, conditionsOf));
  const error = errorExpression(d, set, access);
  const helpers: Helper[] = [...features.list.map((f) => ({ level: 1, column: f.column, expr: f.expr })), ...(access?.computed.list ?? [])];
  const decision: SqlDecision = {
    plan,
    outcomes: plan.answers,
    outcome: outcomeIds[0]!,
    outcomeIds,
    error,
    helpers,
    from: (table) => fromAll(d, table, [decision]),
    star: access ? d.features!.star(d.ident(INPUT_ALIAS), helpers.map((f) => f.column)) : `${d.ident(INPUT_ALIAS)}.*`,
  };
  return decision;
}

/** One FROM item carrying the features of several decisions (named apart by their prefixes). */
export function fromAll(d: Dialect | DialectName, table: string, decisions: readonly SqlDecision[]): string {
  const dialect = typeof d === 'string' ? dialectOf(d) : d;
  const alias = dialect.ident(INPUT_ALIAS);
  let from = `${table} AS ${alias}`;
  const levels = [...new Set(decisions.flatMap((x) => x.helpers.map((h) => h.level)))].sort((a, b) => a - b);
  for (const level of levels) {
    const columns = decisions.flatMap((x) => x.helpers.filter((h) => h.level === level)).map((h) => `    ${indent(h.expr, 4)} AS ${h.column}`);
    if (columns.length > 0) from = `(\n  SELECT\n    ${alias}.*,\n${columns.join(',\n')}\n  FROM ${indent(from, 2)}\n) AS ${alias}`;
  }
  return from;
}

/** Features (level 1) and the level-2 columns computed from them. */
interface Access extends FeatureAccess {
  readonly computed: Computed;
}

/** The decision view (or query) of a policy set over a table of its inputs. Same text on every run. */
export function generateSql(set: PolicySet, options: SqlOptions = {}): string {
  const d = dialectOf(options.dialect ?? 'duckdb');
  const table = splitName(options.table ?? 'posts');
  const view = options.view !== undefined ? splitName(options.view) : [...table.slice(0, -1), `${table[table.length - 1]!}_decisions`];
  const decision = sqlDecision(set, d.name, '', options.portable === true);
  const tableRef = table.map((p) => d.ident(p)).join('.');
  const select = decision.helpers.length > 0 && d.features ? helperSelect(d, decision, tableRef) : portableSelect(d, decision, tableRef);
  if (options.statement === 'select') return `${select}\n`;
  return `CREATE OR REPLACE VIEW ${view.map((p) => d.ident(p)).join('.')} AS\n${select};\n`;
}

/** The decision columns of one answer, in the order of `DECISION_COLUMNS` (Bylaw 1) or `OUTCOME_FIELDS` and `version`. */
function answerFields(sql: SqlPlan, o: NumberedAnswer): (string | null)[] {
  const { answer, version } = o;
  if (!sql.declared) return [answer.action, answer.basis, answer.clause, answer.exemption, version];
  return [answer.action, answerDuration(answer), answer.basis, answer.clause, answer.exemption, version];
}

/** The names of the decision columns but `error`, per outcome (`version` with the first). */
function outcomeColumns(sql: SqlPlan): string[][] {
  if (!sql.declared) return [DECISION_COLUMNS.slice(0, -1)];
  return sql.outcomes.map((o, i) => [...OUTCOME_FIELDS.map((f) => `${o.name}_${f}`), ...(i === 0 ? ['version'] : [])]);
}

const nullText = (d: Dialect) => (value: string | null) => (value === null ? `CAST(NULL AS ${d.types.string})` : d.string(value));

/** DuckDB: the outcome ids are helper columns too; each decision column is a constant list indexed by one. */
function helperSelect(d: Dialect, decision: SqlDecision, tableRef: string): string {
  const text = nullText(d);
  const alias = d.ident(INPUT_ALIAS);
  const ids = decision.outcomeIds.map((_, i) => d.ident(`${featureColumn(0)}outcome${i === 0 ? '' : `_${i}`}`));
  const from = `(\n  SELECT\n    ${alias}.*,\n${decision.outcomeIds.map((expr, i) => `    ${indent(expr, 4)} AS ${ids[i]!}`).join(',\n')}\n  FROM ${indent(decision.from(tableRef), 2)}\n) AS ${alias}`;
  const star = d.features!.star(alias, [...decision.helpers.map((h) => h.column), ...ids]);
  const columns = outcomeColumns(decision.plan).flatMap((names, i) => {
    const o = `${alias}.${ids[i]!}`;
    const answers = decision.plan.outcomes[i]!.answers;
    return names.map((c, k) => `  ${d.features!.index(`[${answers.map((x) => text(answerFields(decision.plan, x)[k]!)).join(', ')}]`, o)} AS ${d.ident(c)},`);
  });
  return [
    'SELECT',
    `  ${star},`,
    ...columns,
    // A row with an outcome has no error; the explanation is built for the others only.
    `  CASE WHEN ${alias}.${ids[0]!} IS NOT NULL THEN NULL ELSE ${indent(decision.error, 2)} END AS ${d.ident('error')}`,
    `FROM ${from}`,
  ].join('\n');
}

/** Portable: each outcome id decoded by joining a VALUES table of its answers. */
function portableSelect(d: Dialect, decision: SqlDecision, tableRef: string): string {
  const text = nullText(d);
  const sql = decision.plan;
  const names = outcomeColumns(sql);
  const aliases = sql.outcomes.map((_, i) => d.ident(sql.declared ? `${DECISION_ALIAS}_${i}` : DECISION_ALIAS));
  const joins = sql.outcomes.flatMap((outcome, i) => {
    const a = aliases[i]!;
    const rows = outcome.answers.map((o) => `(${o.id}, ${answerFields(sql, o).map(text).join(', ')})`);
    const fields = sql.declared ? [...OUTCOME_FIELDS, 'version'] : DECISION_COLUMNS.slice(0, -1);
    const columns = [OUTCOME_COLUMN, ...fields].map((c) => d.ident(c)).join(', ');
    return ['LEFT JOIN (', '  VALUES', rows.map((r) => `    ${r}`).join(',\n'), `) AS ${a} (${columns})`, `  ON ${a}.${d.ident(OUTCOME_COLUMN)} = ${indent(decision.outcomeIds[i]!, 2)}`];
  });
  const fieldOf = (c: string, i: number) => (sql.declared ? (c === 'version' ? 'version' : c.slice(sql.outcomes[i]!.name.length + 1)) : c);
  return [
    'SELECT',
    `  ${decision.star},`,
    ...names.flatMap((list, i) => list.map((c) => `  ${aliases[i]!}.${d.ident(fieldOf(c, i))} AS ${d.ident(c)},`)),
    `  CASE WHEN ${aliases[0]!}.${d.ident(OUTCOME_COLUMN)} IS NOT NULL THEN NULL ELSE ${indent(decision.error, 2)} END AS ${d.ident('error')}`,
    `FROM ${decision.from(tableRef)}`,
    ...joins,
  ].join('\n');
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

/** Outcome `o`'s id: the version CASE around each version's validity check and cascade. */
function outcomeExpression(d: Dialect, sql: SqlPlan, o: number, access: Access | undefined, conditionsOf: (v: VersionPlan) => SqlConditions): string {
  const { set, versions, dispatch } = sql.plan;
  if (set.dateField === null) {
    return versionOutcome(d, sql, versions[0]!, o, access, conditionsOf(versions[0]!));
  }
  const date = fieldRef(d, [set.dateField]);
  const branches = dispatch.map(
    ({ effective, version }) =>
      `  WHEN ${date} >= ${literal(d, effective, { kind: 'date' })} THEN ${indent(versionOutcome(d, sql, versions[version]!, o, access, conditionsOf(versions[version]!)), 2)}`,
  );
  return ['CASE', ...branches, 'END'].join('\n');
}

function versionOutcome(d: Dialect, sql: SqlPlan, version: VersionPlan, o: number, access: Access | undefined, conditions: SqlConditions): string {
  const outcome = version.outcomes[o]!;
  // With helper columns, each clause condition is computed once per row, not once per use.
  const clause = (c: CheckedClause) => (access ? conditions.hoistedClause(c) : conditions.clause(c));
  const lines = ['CASE', `  WHEN NOT ${indent(valid(d, version.program.inputType, access), 4)} THEN NULL`];
  const skip = access ? nothingFires(version, access) : null;
  if (skip !== null) lines.push(`  WHEN ${skip} THEN ${sql.idOf(outcome.fallback)}`);
  for (const step of outcome.cascade) {
    const when = step.when.map((l) => (l.holds ? clause(l.clause) : `NOT ${clause(l.clause)}`)).join(' AND ');
    lines.push(`  WHEN ${when} THEN ${sql.idOf(step.answer)}`);
  }
  lines.push(`  ELSE ${sql.idOf(outcome.fallback)}`, 'END');
  return lines.join('\n');
}

/**
 * A cheap test that no red line or rule of the version can fire: when each of them needs some
 * member in a set (`post.categories has …`), a row whose sets hold none of those members gets
 * the default without running the cascade. Null when some red line or rule needs no member.
 */
function nothingFires(version: VersionPlan, access: Access): string | null {
  const { program } = version;
  const contexts = new Map(program.contexts.map((c) => [c.name, c.body]));
  const needs = [...program.redlines, ...program.rules].map((c) => necessaryMembers(c.when, contexts));
  if (needs.length === 0 || needs.some((n) => n === null)) return null;
  const tests: string[] = [];
  for (const { path, element, members } of mergeNecessary(needs as Necessary[]).values()) {
    const feature = access.features.find(path, 'set', element.members);
    if (!feature) return null;
    const bits = element.members.reduce((sum, m, k) => (members.has(m) ? sum + 2 ** k : sum), 0);
    tests.push(`(${access.features.ref(feature, access.alias)} & ${bits}) = 0`);
  }
  return tests.join(' AND ');
}

/**
 * Why a row has no decision: the input problems of the version in force (of the latest version
 * when there is no date to pick one), or the date being before every version — in the words of
 * NoVersionInForceError.
 */
/** The validity of a row as a parenthesised condition (a helper column where there are helpers). */
function valid(d: Dialect, type: RecordType, access: Access | undefined): string {
  const expr = `(${validExpression(d, type, access)})`;
  return access ? access.computed.ref(expr) : expr;
}

function errorExpression(d: Dialect, set: PolicySet, access: Access | undefined): string {
  const latest = set.versions[set.versions.length - 1]!;
  const checked = (p: Program, by: number) =>
    indent(`CASE WHEN ${indent(valid(d, p.inputType, access), 2)}\nTHEN NULL\nELSE ${indent(problemsExpression(d, p.inputType, access), 2)} END`, by);
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

/** A type's structure as text: two input records with the same key validate alike. */
export function typeKey(type: Type): string {
  switch (type.kind) {
    case 'record':
      return `{${type.name}:${type.fields.map((f) => `${f.name}${f.optional ? '?' : ''}:${typeKey(f.type)}`).join(',')}}`;
    case 'enum':
      return `enum ${type.name}(${type.members.join(',')})`;
    case 'set':
      return `set<${typeKey(type.element)}>`;
    case 'list':
      return `list<${typeKey(type.element)}>`;
    case 'int':
      return `int(${type.min ?? ''}..${type.max ?? ''})`;
    default:
      return type.kind;
  }
}

/**
 * The SQL type of a Bylaw type: records as STRUCT/ROW, sets as lists of strings, enums as
 * strings, `list<T>` as a list of T's type. An optional field is a nullable column or struct
 * field like any other: NULL is absent.
 */
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
    case 'list':
      return d.types.list(sqlType(type.element, dialectName));
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
