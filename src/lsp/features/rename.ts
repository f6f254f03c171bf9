import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { KEYWORDS } from '../../syntax/tokens.js';
import type { Analysis } from '../project.js';
import type { SymbolInfo, SymbolKind } from '../symbols-index.js';
import { location } from './definition.js';

/** Names that share the one namespace of declarations. */
const TOP_LEVEL: readonly SymbolKind[] = ['context', 'redline', 'rule', 'exemption', 'enum', 'record', 'scale', 'input'];
/** Outcomes have a namespace of their own (a Decision's keys); a quantifier's bound name is local and not renamed. */
const RENAMABLE: readonly SymbolKind[] = [...TOP_LEVEL, 'field', 'member', 'action', 'outcome'];

const KIND_WORDS: Record<SymbolKind, string> = {
  context: 'a context',
  redline: 'a red line',
  rule: 'a rule',
  exemption: 'an exemption',
  enum: 'an enum',
  record: 'a record',
  scale: 'a scale',
  outcome: 'an outcome',
  input: 'the input',
  field: 'a field',
  member: 'an enum member',
  action: 'an action',
  binder: 'a bound name',
  module: 'a module',
  version: 'a version',
};

export type RenameResult = { readonly edit: WorkspaceEdit } | { readonly error: string };

/** What can be renamed at the cursor: the name's range and text, or null. */
export function prepareRename(analysis: Analysis, path: string, offset: number): { range: Range; placeholder: string } | null {
  const target = renameTarget(analysis, path, offset);
  if (!target) return null;
  return { range: location(analysis, target.occurrence).range, placeholder: target.symbol.name };
}

/**
 * Renames a declaration and every reference to it across the files of the target (a policy set:
 * its versions and the modules they use). Refuses names that are not identifiers, keywords, and
 * names already taken where the renamed one lives.
 */
export function rename(analysis: Analysis, path: string, offset: number, newName: string): RenameResult {
  const target = renameTarget(analysis, path, offset);
  if (!target) return { error: 'nothing to rename here: put the cursor on a clause, context, type, field, member, action or outcome' };
  const { symbol } = target;
  const keywordsAllowed = symbol.kind === 'field';
  if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(newName)) return { error: `\`${newName}\` is not a valid name` };
  if (!keywordsAllowed && KEYWORDS.includes(newName)) return { error: `\`${newName}\` is a keyword` };
  if (newName === symbol.name) return { edit: { changes: {} } };
  const clash = clashing(analysis, symbol, newName);
  if (clash) return { error: `\`${newName}\` is already ${KIND_WORDS[clash.kind]}${clash.container ? ` of \`${clash.container}\`` : ''} (in ${clash.file})` };
  const changes: Record<string, TextEdit[]> = {};
  for (const occurrence of analysis.index.occurrencesOf(symbol.id)) {
    const { uri, range } = location(analysis, occurrence);
    (changes[uri] ??= []).push({ range, newText: newName });
  }
  return { edit: { changes } };
}

function renameTarget(analysis: Analysis, path: string, offset: number) {
  const occurrence = analysis.index.at(path, offset);
  const symbol = occurrence ? analysis.index.symbols.get(occurrence.symbol) : undefined;
  if (!occurrence || !symbol || !RENAMABLE.includes(symbol.kind)) return null;
  return { occurrence, symbol };
}

function clashing(analysis: Analysis, symbol: SymbolInfo, newName: string): SymbolInfo | undefined {
  const others = [...analysis.index.symbols.values()].filter((s) => s.name === newName && s.id !== symbol.id);
  if (TOP_LEVEL.includes(symbol.kind)) return others.find((s) => TOP_LEVEL.includes(s.kind));
  return others.find((s) => s.kind === symbol.kind && s.container === symbol.container);
}

