import type { Location } from 'vscode-languageserver';
import { pathToUri } from '../positions.js';
import type { Analysis } from '../project.js';
import type { Occurrence } from '../symbols-index.js';

/** Go to definition: the declaring name of what is under the cursor; a `use` goes to the module file. */
export function definition(analysis: Analysis, path: string, offset: number): Location[] {
  const occurrence = analysis.index.at(path, offset);
  if (!occurrence) return [];
  const symbol = analysis.index.symbols.get(occurrence.symbol);
  if (!symbol) return [];
  if (symbol.kind === 'module') {
    const zero = { line: 0, character: 0 };
    return [{ uri: pathToUri(symbol.file), range: { start: zero, end: zero } }];
  }
  return [location(analysis, { symbol: symbol.id, file: symbol.file, span: symbol.span, declaration: true })];
}

/** Find references: every occurrence of the symbol under the cursor, in every file of the target. */
export function references(analysis: Analysis, path: string, offset: number, includeDeclaration: boolean): Location[] {
  const occurrence = analysis.index.at(path, offset);
  if (!occurrence) return [];
  return analysis.index
    .occurrencesOf(occurrence.symbol)
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => location(analysis, o));
}

export function location(analysis: Analysis, occurrence: Occurrence): Location {
  const lines = analysis.files.get(occurrence.file)?.lines;
  const zero = { line: 0, character: 0 };
  return { uri: pathToUri(occurrence.file), range: lines ? lines.range(occurrence.span) : { start: zero, end: zero } };
}
