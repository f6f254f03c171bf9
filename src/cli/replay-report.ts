import type { ReplayTotals, Transition } from '../replay/totals.js';
import type { CommandContext } from './io.js';
import { renderTable } from './table.js';

/** Bad lines (or rows) printed one by one; past this many only the count grows. */
export const SHOWN_ERRORS = 20;

/** How a replay went, whatever decided it (the compiled module, the interpreter, DuckDB). */
export interface ReplayRun {
  readonly input: string;
  /** What one post of the input is: a JSON line, or a Parquet row. */
  readonly unit: 'lines' | 'rows';
  readonly records: number;
  readonly decided: number;
  readonly bad: number;
  /** Bad ones read but not listed on stderr (past SHOWN_ERRORS). */
  readonly unlisted: number;
  readonly seconds: number;
  /** How it ran: `2 workers, compiled`, `duckdb`… */
  readonly how: string;
  /** `process.cpuUsage()` at the start: the CPU time of every thread since then is reported. */
  readonly cpuStart: NodeJS.CpuUsage;
  readonly output: string | undefined;
}

/** The end of every replay: the summary lines, then the counts and (`against`) the transition matrix. */
export function printReplay(ctx: CommandContext, run: ReplayRun, totals: ReplayTotals, against: boolean): void {
  const n = (v: number) => v.toLocaleString('en-US');
  if (run.unlisted > 0) ctx.err(`… and ${n(run.unlisted)} more bad ${run.unit}`);
  const rate = run.seconds > 0 ? Math.round(run.records / run.seconds) : 0;
  ctx.out(`replayed ${n(run.records)} ${run.unit} of ${run.input} in ${run.seconds.toFixed(2)} s (${n(rate)} posts/s, ${run.how})`);
  // CPU time of every thread (DuckDB's included): what a loaded machine cannot inflate much.
  const cpu = process.cpuUsage(run.cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const perPost = run.records > 0 ? n(Math.round((cpuSeconds * 1e9) / run.records)) : '0';
  ctx.out(`cpu ${cpuSeconds.toFixed(2)} s over all threads (${perPost} ns per ${run.unit.slice(0, -1)})`);
  ctx.out(`decided ${n(run.decided)}, bad ${run.unit} ${n(run.bad)}${run.bad > 0 ? ' (skipped; listed on stderr)' : ''}`);
  if (run.output !== undefined) ctx.out(`decisions written to ${run.output}`);
  ctx.out('');
  ctx.out(renderReplay(totals, renderTable, against));
}

const num = (n: number) => n.toLocaleString('en-US');
const pct = (n: number, total: number) => (total === 0 ? '0.0%' : `${((n / total) * 100).toFixed(1)}%`);

type Table = (header: readonly string[], rows: readonly (readonly string[])[]) => string;

/** The report printed at the end of a replay. */
export function renderReplay(totals: ReplayTotals, table: Table, against: boolean): string {
  if (totals.withOutcomes) return renderOutcomes(totals, table, against);
  const out: string[] = [];
  out.push(table(['action', 'basis', 'posts', 'share'], totals.byDecision().map((r) => [r.action, r.basis, num(r.count), pct(r.count, totals.decided)])));
  if (against) out.push(...matrix(totals.transitionList(), table, ''));
  return out.join('\n');
}

/** Bylaw 2: a column per outcome (each combination of decisions a row), then a transition matrix per outcome. */
function renderOutcomes(totals: ReplayTotals, table: Table, against: boolean): string {
  const names = totals.outcomeNames();
  const out: string[] = [];
  const rows = totals.byOutcomes().map((r) => [...names.map((n) => r.parts.get(n) ?? '·'), num(r.count), pct(r.count, totals.decided)]);
  out.push(table([...names, 'posts', 'share'], rows));
  if (against) {
    const transitions = totals.transitionList();
    for (const name of totals.outcomeNames(true)) out.push(...matrix(transitions.filter((t) => t.outcome === name), table, name));
  }
  return out.join('\n');
}

/** The old → new matrix of one outcome (`name`; '' for Bylaw 1's one) and the posts that change. */
function matrix(transitions: readonly Transition[], table: Table, name: string): string[] {
  const out: string[] = [];
  const olds = [...new Set(transitions.map((t) => t.before))].sort();
  const news = [...new Set(transitions.map((t) => t.after))].sort();
  const cell = (b: string, a: string) => transitions.find((t) => t.before === b && t.after === a)?.count ?? 0;
  const prefix = name === '' ? '' : `${name}: `;
  out.push('', `${prefix}old → new (rows: old decision, columns: new decision)`);
  out.push(table(['old \\ new', ...news], olds.map((b) => [b, ...news.map((a) => (cell(b, a) === 0 ? '·' : num(cell(b, a))))])));
  const changed = transitions.filter((t) => t.before !== t.after);
  const where = name === '' ? '' : ` in ${name}`;
  out.push('', changed.length === 0 ? `no post changes decision${where}` : `${num(changed.reduce((n, t) => n + t.count, 0))} posts change decision${where}:`);
  for (const t of changed) out.push(`  ${t.before} → ${t.after}: ${num(t.count)} (e.g. ${t.examples.join(', ')})`);
  return out;
}
