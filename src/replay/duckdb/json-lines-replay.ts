/**
 * `replay` over JSON lines in DuckDB, line for line what the JS replay does. Lines are counted
 * and numbered as it counts them (line-scan.ts); DuckDB decides every plain line (json-lines.ts)
 * and hands back the others, one by one, as they stream out of the same pass; the JS replay's
 * own code judges those (line-judge.ts): a decision, or a bad line with its message. The two
 * halves are merged into one result, so nothing in it tells which side decided a line.
 */
import type { PolicySet } from '../../checker/program.js';
import { decisionColumns, decisionOfIds, fromAll, idsOfDecision, sqlDecision, type SqlPlan } from '../../compiler/sql/index.js';
import { dialect } from '../../compiler/sql/dialect.js';
import { outcomeParts, type AnyDecision } from '../../semantics/decision.js';
import { DuckDbInputError, type DuckDbRunner, type ReplayCell, type ReplayOptions, type ReplayResult } from './runner.js';
import { ID, jsonLinesQuery, LINE, PLAIN, PLAIN_AGAINST, ROW, sameRecords } from './json-lines.js';
import { lineJudge, type Judged } from './line-judge.js';
import { scanLines, type ScannedFile } from './line-scan.js';

const d = dialect('duckdb');
const TABLE = 'bylaw_lines';
const JUDGED = 'bylaw_judged';
const OUTPUT = 'bylaw_output';

export async function replayJsonLines(runner: DuckDbRunner, set: PolicySet, options: ReplayOptions): Promise<ReplayResult> {
  const started = performance.now();
  const against = options.against ?? null;
  // As the JS replay: a top-level `id` names the post unless an input record declares one.
  const stripId = ![set, against].some((s) => s !== null && s.versions.some((v) => v.inputType.fields.some((f) => f.name === 'id')));
  const judge = lineJudge(set, against, stripId);
  // The verdicts on the lines DuckDB did not decide, by row; kept for --output.
  const judged = new Map<number, Judged>();
  const scanned = await scan(options.input, (row, bytes) => judged.set(row, judge(bytes)));
  try {
    const view = jsonLinesQuery({ path: scanned.path, set, against, stripId });
    await runner.run(`CREATE OR REPLACE VIEW ${d.ident(TABLE)} AS\n${view.sql}`);
    const current = sqlDecision(set, 'duckdb');
    const versus = against ? sqlDecision(against, 'duckdb', 'against') : null;
    const examples = options.examples ?? 3;
    const withIds = versus !== null && stripId;
    const input = (column: string) => `${d.ident('bylaw_input')}.${d.ident(column)}`;
    const plainAgainst = against !== null && !sameRecords(set, against) ? PLAIN_AGAINST : PLAIN;
    // One pass: a row per (decision, against decision) pair of the plain lines DuckDB decides —
    // a pair being a tuple of answer ids, one per outcome on each side — and a row of its own
    // (`s`, with its bytes) for every other line. The ids are computed in the inner query, once
    // (an alias used in its own SELECT may be computed again).
    const os = current.outcomeIds.map((_, i) => `o${i}`);
    const as = versus ? versus.outcomeIds.map((_, i) => `a${i}`) : ['a0'];
    const sql = [
      `SELECT ${[...os, ...as].join(', ')}, s, count(*) AS n, min(r, ${examples}) AS firsts, ${withIds ? `min({'r': r, 'id': i}, ${examples})` : 'NULL'} AS ids, any_value(t) AS line`,
      `FROM (`,
      // A line DuckDB did not decide (o0 NULL) is handed back whole; an against side that rejects it has no ids at all.
      `  SELECT ${os.join(', ')}, ${as.map((a) => `CASE WHEN o0 IS NOT NULL AND pa AND ${as.map((x) => `${x} IS NOT NULL`).join(' AND ')} THEN ${a} END AS ${a}`).join(', ')}, r, i, CASE WHEN o0 IS NULL THEN r END AS s,`,
      // As bytes: the client's text decoding would drop a byte order mark at the start.
      `    CASE WHEN o0 IS NULL THEN encode(l) END AS t`,
      `  FROM (`,
      `    SELECT ${current.outcomeIds.map((o, i) => `CASE WHEN ${input(PLAIN)} THEN ${o} END AS o${i}`).join(', ')}, ${versus ? versus.outcomeIds.map((a, i) => `${a} AS a${i}`).join(', ') : 'NULL AS a0'}, ${input(plainAgainst)} AS pa,`,
      `      ${input(ROW)} AS r, ${withIds ? input(ID) : 'NULL'} AS i, ${input(LINE)} AS l`,
      `    FROM ${fromAll('duckdb', d.ident(TABLE), versus ? [current, versus] : [current])}`,
      `  )`,
      `) GROUP BY ALL`,
    ].join('\n');
    const cells = new Cells(current.plan, versus?.plan ?? null);
    const errors = new FirstErrors(options.errorRows ?? 20);
    let rows = 0;
    let judgedLines = 0;
    for await (const chunk of runner.stream(sql)) {
      for (const r of chunk) {
        const count = Number(r['n']);
        rows += count;
        if (r['s'] === null) {
          const ids = r['ids'] as { r: bigint; id: string | null }[] | null;
          const firsts = ids ? ids.map((x): [number, string | null] => [Number(x.r), x.id]) : (r['firsts'] as bigint[]).map((x): [number, string | null] => [Number(x), null]);
          const against = versus && r['a0'] !== null ? as.map((a) => Number(r[a])) : null;
          cells.add(os.map((o) => Number(r[o])), against, count, firsts);
          continue;
        }
        const row = Number(r['s']);
        judgedLines++;
        let verdict = judged.get(row);
        if (verdict === undefined) {
          verdict = judge((r['line'] as Uint8Array | null) ?? new Uint8Array(0));
          if (options.output !== undefined) judged.set(row, verdict);
        }
        if (verdict.ok) cells.addJudged(row, verdict);
        else errors.add(row, verdict.error);
      }
    }
    // Every line is counted once: DuckDB read what JavaScript counts, or something is badly wrong.
    if (rows !== scanned.lines) throw new Error(`DuckDB read ${rows} lines of ${options.input}, JavaScript counts ${scanned.lines}`);
    if (options.output !== undefined) await writeOutput(runner, set, view.helpers, judged, options.output);
    const decided = rows - errors.count;
    return { rows, decided, errors: errors.count, cells: cells.list(examples), errorRows: errors.first(), judged: judgedLines, seconds: (performance.now() - started) / 1000 };
  } finally {
    scanned.dispose();
  }
}

async function scan(path: string, exceptional: (row: number, bytes: Buffer) => void): Promise<ScannedFile> {
  try {
    return await scanLines(path, exceptional);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new DuckDbInputError(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read: ${code}`);
  }
}

/** Cells by (answer ids, against answer ids), from DuckDB's counts and the judged lines alike. */
class Cells {
  private readonly cells = new Map<string, { o: readonly number[]; a: readonly number[] | null; count: number; firsts: [number, string | null][] }>();

  constructor(
    private readonly now: SqlPlan,
    private readonly against: SqlPlan | null,
  ) {}

  add(o: readonly number[], a: readonly number[] | null, count: number, firsts: readonly [number, string | null][]): void {
    const key = `${o.join(',')}:${a?.join(',') ?? null}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { o, a, count: 0, firsts: [] }));
    cell.count += count;
    cell.firsts.push(...firsts);
  }

  addJudged(row: number, verdict: Extract<Judged, { ok: true }>): void {
    const a = this.against && verdict.against ? idsOfDecision(this.against, verdict.against) : null;
    this.add(idsOfDecision(this.now, verdict.decision), a, 1, [[row, verdict.example]]);
  }

  /** Most frequent first, then by answer ids; each with its first `examples` rows in input order. */
  list(examples: number): ReplayCell[] {
    return [...this.cells.values()]
      .sort((x, y) => y.count - x.count || compareIds(x.o, y.o) || compareIds(x.a, y.a))
      .map((cell) => {
        const firsts = cell.firsts.sort((x, y) => x[0] - y[0]).slice(0, examples);
        const base = { decision: decisionOfIds(this.now, cell.o), count: cell.count, firstRows: firsts.map((f) => f[0]), firstIds: firsts.map((f) => f[1]) };
        return this.against ? { ...base, against: cell.a === null ? null : decisionOfIds(this.against, cell.a) } : base;
      });
  }
}

/** Tuples of ids in order, a missing one (null) last. */
function compareIds(x: readonly number[] | null, y: readonly number[] | null): number {
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

/** How many bad lines, and the first few (by line) with their messages, however many there are. */
class FirstErrors {
  count = 0;
  private kept: { row: number; error: string }[] = [];

  constructor(private readonly limit: number) {}

  add(row: number, error: string): void {
    this.count++;
    this.kept.push({ row, error });
    if (this.kept.length > 2 * this.limit + 64) this.kept = this.first();
  }

  first(): { row: number; error: string }[] {
    return this.kept.sort((x, y) => x.row - y.row).slice(0, this.limit);
  }
}

/**
 * `--output`: every line, numbered (`line`, from 1), with the input columns DuckDB read (NULL
 * for a line it did not decide) and the decision columns — DuckDB's, or the judged line's.
 */
async function writeOutput(runner: DuckDbRunner, set: PolicySet, helpers: readonly string[], judged: ReadonlyMap<number, Judged>, output: string): Promise<void> {
  const columns = decisionColumns(set);
  await runner.run(`CREATE OR REPLACE TABLE ${d.ident(JUDGED)} (${d.ident(ROW)} BIGINT, ${columns.map((c) => `${d.ident(c)} VARCHAR`).join(', ')})`);
  const appender = await runner.connection.createAppender(JUDGED);
  const text = (value: string | null) => (value === null ? appender.appendNull() : appender.appendVarchar(value));
  for (const [row, verdict] of judged) {
    appender.appendBigInt(BigInt(row));
    const values = verdict.ok ? decisionValues(verdict.decision) : { error: verdict.error };
    for (const c of columns) text(values[c] ?? null);
    appender.endRow();
  }
  appender.closeSync();
  const view = await runner.createDecisionView(set, TABLE);
  const v = (c: string) => `v.${d.ident(c)}`;
  const j = (c: string) => `j.${d.ident(c)}`;
  const decisions = columns.map((c) => `CASE WHEN ${j(ROW)} IS NULL THEN ${v(c)} ELSE ${j(c)} END AS ${d.ident(c)}`);
  await runner.run(
    [
      `CREATE OR REPLACE VIEW ${d.ident(OUTPUT)} AS`,
      `SELECT ${v(ROW)} + 1 AS "line", v.* EXCLUDE (${[...helpers, ...columns].map((c) => d.ident(c)).join(', ')}),`,
      `  ${decisions.join(',\n  ')}`,
      `FROM ${d.ident(view)} AS v LEFT JOIN ${d.ident(JUDGED)} AS j ON ${j(ROW)} = ${v(ROW)}`,
      `ORDER BY ${v(ROW)}`,
    ].join('\n'),
  );
  await runner.copyTo(OUTPUT, output);
}

/** A Decision as the view's decision columns hold it (`decisionColumns`). */
function decisionValues(decision: AnyDecision): Record<string, string | null> {
  const values: Record<string, string | null> = { version: decision.version, error: null };
  const declared = 'outcomes' in decision;
  for (const { name, part } of outcomeParts(decision)) {
    const column = (field: string) => (declared ? `${name}_${field}` : field);
    values[column('action')] = part.action;
    if (declared) values[column('duration')] = part.duration ?? null;
    values[column('basis')] = part.basis;
    values[column('clause')] = part.clause;
    values[column('exemption')] = part.exemption;
  }
  return values;
}
