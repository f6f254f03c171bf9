import { isAbsolute, relative, sep } from 'node:path';
import type { Diagnostic } from './diagnostic.js';

/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`
 * makes an annotation on the file in the workflow run and the pull request. The escaping is the
 * Actions toolkit's (`@actions/core`, command.ts), which does not export it: in the message `%`,
 * CR and LF; in a property also `:` and `,`.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** One workflow command; properties left undefined are omitted. */
export function workflowCommand(level: AnnotationLevel, properties: Readonly<Record<string, string | number | undefined>>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

export interface AnnotationOptions {
  /**
   * The repository's folder in the runner (`GITHUB_WORKSPACE`): absolute file names inside it are
   * made relative to it, as annotations need. Relative names are kept as given.
   */
  readonly workspace?: string;
}

/**
 * A diagnostic as an annotation: title the code, the message with its help and notes on the
 * following lines. Lines and columns are 1-based; the end is the span's last character.
 */
export function diagnosticAnnotation(d: Diagnostic, options: AnnotationOptions = {}): string {
  const { start, end } = d.span;
  let endLine = start.line;
  let endColumn: number | undefined = start.column;
  if (end.offset > start.offset) {
    // The span's end is exclusive; annotations name the last character.
    if (end.column > 1) [endLine, endColumn] = [end.line, end.column - 1];
    else [endLine, endColumn] = [Math.max(start.line, end.line - 1), undefined];
  }
  const lines = [d.message];
  for (const note of d.notes) {
    const where = note.span ? ` (${note.span.file}:${note.span.start.line}:${note.span.start.column})` : '';
    lines.push(`note: ${note.message}${where}`);
  }
  if (d.help !== undefined) lines.push(`help: ${d.help}`);
  const properties = { file: annotationPath(d.span.file, options.workspace), line: start.line, col: start.column, endLine, endColumn, title: d.code };
  return workflowCommand(d.severity === 'error' ? 'error' : 'warning', properties, lines.join('\n'));
}

function annotationPath(file: string, workspace: string | undefined): string {
  if (workspace === undefined || !isAbsolute(file)) return file;
  const inside = relative(workspace, file);
  return inside.startsWith('..') || isAbsolute(inside) ? file : inside.split(sep).join('/');
}
