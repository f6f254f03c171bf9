import type { ReplayTotals } from '../replay/totals.js';
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

/** The report printed at the end of a replay. */
export function renderReplay(totals: ReplayTotals, table: (header: readonly string[], rows: readonly (readonly string[])[]) => string, against: boolean): string {
  const out: string[] = [];
  out.push(table(['action', 'basis', 'posts', 'share'], totals.byDecision().map((r) => [r.action, r.basis, num(r.count), pct(r.count, totals.decided)])));
  if (against) {
    const transitions = totals.transitionList();
    const olds = [...new Set(transitions.map((t) => t.before))].sort();
    const news = [...new Set(transitions.map((t) => t.after))].sort();
    const cell = (b: string, a: string) => transitions.find((t) => t.before === b && t.after === a)?.count ?? 0;
    out.push('', 'old → new (rows: old decision, columns: new decision)');
    out.push(table(['old \\ new', ...news], olds.map((b) => [b, ...news.map((a) => (cell(b, a) === 0 ? '·' : num(cell(b, a))))])));
    const changed = transitions.filter((t) => t.before !== t.after);
    out.push('', changed.length === 0 ? 'no post changes decision' : `${num(changed.reduce((n, t) => n + t.count, 0))} posts change decision:`);
    for (const t of changed) out.push(`  ${t.before} → ${t.after}: ${num(t.count)} (e.g. ${t.examples.join(', ')})`);
  }
  return out.join('\n');
}
