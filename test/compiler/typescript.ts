/**
 * Type-checking and scanning generated TypeScript, for the compiler tests. Apart from support.ts
 * so that a test that only loads fixtures does not load TypeScript (over a second per file).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';

/** The options generated modules are held to (one definition, with the runtime's build). */
export { STRICT_OPTIONS } from '../../scripts/build-runtime.js';
import { STRICT_OPTIONS } from '../../scripts/build-runtime.js';

/**
 * Writes `files` (relative path → text) to a fresh folder and type-checks the `roots` among
 * them in one TypeScript program. Returns the diagnostics as `file:line: message` lines.
 */
export function typeCheck(files: Readonly<Record<string, string>>, roots: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'bylaw-tsc-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text, 'utf8');
  }
  // A package.json with "type": "module" so NodeNext treats .ts/.js as ES modules.
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  const program = ts.createProgram(
    roots.map((r) => join(dir, r)),
    STRICT_OPTIONS,
  );
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
    const file = d.file ? d.file.fileName.slice(dir.length + 1) : '';
    return `${file}:${where ? where.line + 1 : 0}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** Syntax errors of a TypeScript or JavaScript text (parsing only: fast). */
export function syntaxErrors(text: string, fileName = 'index.ts'): string[] {
  const kind = fileName.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, false, kind);
  // The parser's own diagnostics (not part of the public API, but stable for years).
  const diagnostics = (file as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** Template literals in a text (the generator never emits any: policy strings go in "…"). */
export function templateLiterals(text: string): number {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, text);
  let count = 0;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral || kind === ts.SyntaxKind.TemplateHead) count++;
  }
  return count;
}
