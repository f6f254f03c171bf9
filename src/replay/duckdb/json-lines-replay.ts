/**
 * `replay` over JSON lines in DuckDB, line for line what the JS replay does. Lines are counted
 * and numbered as it counts them (line-scan.ts); DuckDB decides every plain line (json-lines.ts)
 * and hands back the others, one by one, as they stream out of the same pass; the JS replay's
 * own code judges those (line-judge.ts): a decision, or a bad line with its message. The two
 * halves are merged into one result, so nothing in it tells which side decided a line.
 */
import type { PolicySet } from '../../checker/program.js';
import { answerDecision, DECISION_COLUMNS, fromAll, sqlDecision, type NumberedAnswer } from '../../compiler/sql/index.js';
import { dialect } from '../../compiler/sql/dialect.js';
import type { Decision } from '../../semantics/decision.js';
import { DuckDbInputError, type DuckDbRunner, type OutcomeDecision, type ReplayCell, type ReplayOptions, type ReplayResult } from './runner.js';
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
    // One pass: a row per (decision, against decision) pair of the plain lines DuckDB decides,
    // and a row of its own (`s`, with its bytes) for every other line. The outcomes are computed
    // in the inner query, once (an alias used in its own SELECT may be computed again).
    const sql = [
      `SELECT o, a, s, count(*) AS n, min(r, ${examples}) AS firsts, ${withIds ? `min({'r': r, 'id': i}, ${examples})` : 'NULL'} AS ids, any_value(t) AS line`,
      `FROM (`,
      `  SELECT o, CASE WHEN o IS NOT NULL AND pa THEN a END AS a, r, i, CASE WHEN o IS NULL THEN r END AS s,`,
      // As bytes: the client's text decoding would drop a byte order mark at the start.
      `    CASE WHEN o IS NULL THEN encode(l) END AS t`,
      `  FROM (`,
      `    SELECT CASE WHEN ${input(PLAIN)} THEN ${current.outcome} END AS o, ${versus ? versus.outcome : 'NULL'} AS a, ${input(plainAgainst)} AS pa,`,
      `      ${input(ROW)} AS r, ${withIds ? input(ID) : 'NULL'} AS i, ${input(LINE)} AS l`,
      `    FROM ${fromAll('duckdb', d.ident(TABLE), versus ? [current, versus] : [current])}`,
      `  )`,
      `) GROUP BY ALL`,
    ].join('\n');
    const cells = new Cells(current.outcomes, versus?.outcomes ?? null);
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
          cells.add(Number(r['o']), r['a'] === null ? null : Number(r['a']), count, firsts);
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

/** Cells by (outcome, against outcome) id, from DuckDB's counts and the judged lines alike. */
class Cells {
  private readonly cells = new Map<string, { o: number; a: number | null; count: number; firsts: [number, string | null][] }>();
  private readonly nowIds: ReadonlyMap<string, number>;
  private readonly againstIds: ReadonlyMap<string, number> | null;

  constructor(
    private readonly outcomes: readonly NumberedAnswer[],
    private readonly againstOutcomes: readonly NumberedAnswer[] | null,
  ) {
    this.nowIds = idsOf(outcomes);
    this.againstIds = againstOutcomes ? idsOf(againstOutcomes) : null;
  }

  add(o: number, a: number | null, count: number, firsts: readonly [number, string | null][]): void {
    const key = `${o}:${a}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { o, a, count: 0, firsts: [] }));
    cell.count += count;
    cell.firsts.push(...firsts);
  }

  addJudged(row: number, verdict: Extract<Judged, { ok: true }>): void {
    const o = outcomeId(this.nowIds, verdict.decision);
    const a = this.againstIds && verdict.against ? outcomeId(this.againstIds, verdict.against) : null;
    this.add(o, a, 1, [[row, verdict.example]]);
  }

  /** Most frequent first, then by outcome ids; each with its first `examples` rows in input order. */
  list(examples: number): ReplayCell[] {
    return [...this.cells.values()]
      .sort((x, y) => y.count - x.count || x.o - y.o || (x.a ?? Infinity) - (y.a ?? Infinity))
      .map((cell) => {
        const firsts = cell.firsts.sort((x, y) => x[0] - y[0]).slice(0, examples);
        const base = { decision: decode(this.outcomes, cell.o), count: cell.count, firstRows: firsts.map((f) => f[0]), firstIds: firsts.map((f) => f[1]) };
        return this.againstOutcomes ? { ...base, against: cell.a === null ? null : decode(this.againstOutcomes, cell.a) } : base;
      });
  }
}

function decisionKey(d: OutcomeDecision): string {
  return JSON.stringify([d.version, d.action, d.basis, d.clause, d.exemption]);
}

function idsOf(outcomes: readonly NumberedAnswer[]): ReadonlyMap<string, number> {
  return new Map(outcomes.map((o) => [decisionKey(answerDecision(o)), o.id]));
}

function outcomeId(ids: ReadonlyMap<string, number>, decision: Decision): number {
  const id = ids.get(decisionKey(decision));
  if (id === undefined) throw new Error(`the interpreter's decision ${decisionKey(decision)} is none of the SQL outcomes`);
  return id;
}

function decode(outcomes: readonly NumberedAnswer[], id: number): OutcomeDecision {
  return answerDecision(outcomes[id - 1]!);
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
  await runner.run(`CREATE OR REPLACE TABLE ${d.ident(JUDGED)} (${d.ident(ROW)} BIGINT, ${DECISION_COLUMNS.map((c) => `${d.ident(c)} VARCHAR`).join(', ')})`);
  const appender = await runner.connection.createAppender(JUDGED);
  const text = (value: string | null) => (value === null ? appender.appendNull() : appender.appendVarchar(value));
  for (const [row, verdict] of judged) {
    appender.appendBigInt(BigInt(row));
    const decision = verdict.ok ? verdict.decision : null;
    for (const value of [decision?.action ?? null, decision?.basis ?? null, decision?.clause ?? null, decision?.exemption ?? null, decision?.version ?? null]) text(value);
    text(verdict.ok ? null : verdict.error);
    appender.endRow();
  }
  appender.closeSync();
  const view = await runner.createDecisionView(set, TABLE);
  const v = (c: string) => `v.${d.ident(c)}`;
  const j = (c: string) => `j.${d.ident(c)}`;
  const decisions = DECISION_COLUMNS.map((c) => `CASE WHEN ${j(ROW)} IS NULL THEN ${v(c)} ELSE ${j(c)} END AS ${d.ident(c)}`);
  await runner.run(
    [
      `CREATE OR REPLACE VIEW ${d.ident(OUTPUT)} AS`,
      `SELECT ${v(ROW)} + 1 AS "line", v.* EXCLUDE (${[...helpers, ...DECISION_COLUMNS].map((c) => d.ident(c)).join(', ')}),`,
      `  ${decisions.join(',\n  ')}`,
      `FROM ${d.ident(view)} AS v LEFT JOIN ${d.ident(JUDGED)} AS j ON ${j(ROW)} = ${v(ROW)}`,
      `ORDER BY ${v(ROW)}`,
    ].join('\n'),
  );
  await runner.copyTo(OUTPUT, output);
}
