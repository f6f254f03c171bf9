import { escapeUnseen } from '../diagnostics/text.js';

/** A plain-text table with aligned columns, for terminals and CI logs. */
export function renderTable(header: readonly string[], cellRows: readonly (readonly string[])[]): string {
  // Cells hold user text (case ids, names, policy strings): no control, invisible or bidi character reaches the terminal.
  const rows = cellRows.map((r) => r.map(escapeUnseen));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
