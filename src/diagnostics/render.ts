import type { Diagnostic } from './diagnostic.js';
import { escapeUnseen } from './text.js';
import { HIDDEN_PATTERN } from './unicode.js';

export interface RenderOptions {
  /** Source text by file name, for the code frame. A file missing here renders without a frame. */
  readonly sources: ReadonlyMap<string, string>;
  readonly color?: boolean;
}

const paint = (on: boolean, code: string, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/**
 * Human rendering, in the style of rustc and Cedar:
 *
 *   error[BL201]: unknown name `world_leaderr`
 *     --> policies/twitter/v3.policy:12:30
 *      |
 *   12 |  and post.author.role == world_leaderr
 *      |                         ^^^^^^^^^^^^^
 *      = help: did you mean `world_leader`?
 */
export function renderDiagnostic(d: Diagnostic, options: RenderOptions): string {
  const color = options.color ?? false;
  const head = paint(color, d.severity === 'error' ? '1;31' : '1;33', `${d.severity}[${d.code}]`);
  // Messages quote user text (names, paths, literals): no control character reaches the terminal.
  const lines = [`${head}: ${escapeUnseen(d.message)}`];
  const { file, start, end } = d.span;
  lines.push(`  --> ${escapeUnseen(file)}:${start.line}:${start.column}`);
  const source = options.sources.get(file);
  if (source !== undefined) lines.push(...codeFrame(source, d.span.start.line, start.column, end, color));
  for (const note of d.notes) {
    const where = note.span ? ` (${note.span.file}:${note.span.start.line}:${note.span.start.column})` : '';
    lines.push(`   = note: ${escapeUnseen(note.message + where)}`);
  }
  if (d.help) lines.push(`   = ${paint(color, '1;36', 'help')}: ${escapeUnseen(d.help)}`);
  return lines.join('\n');
}

function codeFrame(
  source: string,
  line: number,
  column: number,
  end: { line: number; column: number },
  color: boolean,
): string[] {
  const full = linesOf(source)[line - 1] ?? '';
  // A long line (minified, generated) is shown around the span, not whole: `…` marks the cuts.
  const [from, to] = full.length > LONG_LINE ? lineWindow(full, column - 1, end.line === line ? end.column - 1 : full.length) : [0, full.length];
  const raw = full.slice(from, to);
  const before = from > 0 ? '…' : '';
  const text = before + shown(raw) + (to < full.length ? '…' : '');
  const gutter = String(line).length;
  const pad = ' '.repeat(gutter);
  // Columns as displayed: a tab is shown as four spaces, so the `^` stay under the span.
  const start = before.length + shown(raw.slice(0, column - 1 - from)).length + 1;
  // A multi-line span is underlined to the end of its first line (as shown).
  const lastColumn =
    end.line === line && end.column - 1 <= to ? Math.max(before.length + shown(raw.slice(0, end.column - 1 - from)).length + 1, start + 1) : text.length + 1;
  const width = Math.max(1, Math.min(lastColumn, text.length + 1) - start);
  const marker = ' '.repeat(Math.max(0, start - 1)) + paint(color, '1;31', '^'.repeat(width));
  return [`${pad} |`, `${line} | ${text}`, `${pad} | ${marker}`];
}

/** Lines longer than this (in UTF-16 units) are shown in part, CONTEXT either side of the span. */
const LONG_LINE = 200;
const CONTEXT = 60;
/** At most this much of a long span is shown (underlined) before the context after it. */
const LONG_SPAN = 120;

/** The part `[from, to)` of a long line shown for a span `[start, end)`, cut between code points. */
function lineWindow(line: string, start: number, end: number): [number, number] {
  const isLow = (i: number) => i > 0 && i < line.length && (line.charCodeAt(i) & 0xfc00) === 0xdc00;
  let from = Math.max(0, start - CONTEXT);
  let to = Math.min(line.length, Math.min(Math.max(end, start + 1), start + LONG_SPAN) + CONTEXT);
  if (isLow(from)) from--;
  if (isLow(to)) to++;
  return [from, to];
}

/**
 * The lines of the last source rendered: diagnostics come sorted by file, so one split serves a
 * whole file (splitting per diagnostic made thousands of diagnostics on a big file quadratic).
 */
let lastSplit: { readonly source: string; readonly lines: readonly string[] } | null = null;
function linesOf(source: string): readonly string[] {
  if (lastSplit?.source !== source) lastSplit = { source, lines: source.split(/\r?\n/) };
  return lastSplit.lines;
}

/** A source line as the frame shows it: hidden characters as `·`, a tab as four spaces. */
function shown(text: string): string {
  return visible(text).replace(/\t/g, '    ');
}

/** Control and bidi characters would reorder or hide the frame; show them as escapes. */
function visible(line: string): string {
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\u00b7').replace(HIDDEN_PATTERN, (c) => '\u00b7'.repeat(c.length));
}

export function renderDiagnostics(diagnostics: readonly Diagnostic[], options: RenderOptions): string {
  return diagnostics.map((d) => renderDiagnostic(d, options)).join('\n\n');
}

/** Summary line: `2 errors, 1 warning`. */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** Machine rendering for `--error-format json`: one object per diagnostic, positions 1-based. */
export function diagnosticToJson(d: Diagnostic): Record<string, unknown> {
  const position = (p: { line: number; column: number; offset: number }) => ({
    line: p.line,
    column: p.column,
    offset: p.offset,
  });
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.span.file,
    start: position(d.span.start),
    end: position(d.span.end),
    ...(d.help !== undefined ? { help: d.help } : {}),
    notes: d.notes.map((n) => ({
      message: n.message,
      ...(n.span ? { file: n.span.file, start: position(n.span.start), end: position(n.span.end) } : {}),
    })),
  };
}
