import { readdirSync, readFileSync } from 'node:fs';
import type { PolicySet } from '../../src/checker/program.js';
import { generate } from '../../src/compiler/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkFiles, type Checked } from '../support/policies.js';

/** Helpers shared by the hardening tests (hostile policies, hostile inputs, scale, determinism). */

export const PREAMBLE = 'use moderation\ninput post: Post\ndefault allow\n';
export const FILE = 'hardening/policy.policy';

/** Checks one in-memory file (using the real stdlib); never throws unless Bylaw does. */
export function checkText(text: string, file = FILE): Checked {
  return checkFiles({ [file]: text }, file);
}

/** The Twitter policy set as in-memory files under `folder`. */
export function twitterFiles(folder = 'hardening/twitter'): Record<string, string> {
  const dir = new URL('../../policies/twitter/', import.meta.url);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((n) => n.endsWith('.policy'))
      .sort()
      .map((n) => [`${folder}/${n}`, readFileSync(new URL(n, dir), 'utf8')]),
  );
}

/**
 * Everything wrong with the diagnostics' places: each span must lie inside the file it names,
 * start before it ends, and have line/column numbers that agree with its offsets (lines end at
 * `\n`). Empty when all is well.
 */
export function spanProblems(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const d of diagnostics) {
    const { file, start, end } = d.span;
    const where = `${d.code} ${d.message.slice(0, 120)} at ${file}:${start.line}:${start.column}`;
    const text = sources.get(file);
    if (!(start.offset >= 0 && start.offset <= end.offset)) problems.push(`${where}: offsets ${start.offset}..${end.offset}`);
    if (start.line < 1 || start.column < 1) problems.push(`${where}: line/column below 1`);
    if (text === undefined) {
      if (start.offset !== 0 || end.offset !== 0) problems.push(`${where}: span in a file without source`);
      continue;
    }
    if (end.offset > text.length) problems.push(`${where}: ends at ${end.offset}, past the end (${text.length})`);
    const expected = lineColumn(text, start.offset);
    if (expected.line !== start.line || expected.column !== start.column) {
      problems.push(`${where}: offset ${start.offset} is ${expected.line}:${expected.column}`);
    }
    for (const note of d.notes) {
      if (note.span && note.span.start.offset > note.span.end.offset) problems.push(`${where}: note span reversed`);
    }
  }
  return problems;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * What a check must give for any input: spans inside their files, and a policy only when there
 * is no error (no policy and no error is a library: types only, nothing to decide).
 */
export function outcomeProblems(checked: Checked): string[] {
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  const problems = spanProblems(checked.diagnostics, checked.sources);
  if (checked.policy !== null && errors.length > 0) problems.push('a policy came back together with errors');
  return problems;
}

/** The text a diagnostic underlines. */
export function underlined(d: Diagnostic, sources: ReadonlyMap<string, string>): string {
  return (sources.get(d.span.file) ?? '').slice(d.span.start.offset, d.span.end.offset);
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

// ---------------------------------------------------------------------------------- compiler

/** Every file `generate` writes for `target`, joined: what byte-identity and injection checks read. */
export function generatedText(set: PolicySet, target: 'ts' | 'js' = 'ts'): string {
  return generate(set, { target })
    .files.map((f) => `// ${f.path}\n${f.text}`)
    .join('\n');
}
