import type { IToken } from 'chevrotain';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { TARGET_KEYS } from '../../statements/mapping.js';
import type { Analysis, UnitView } from '../project.js';
import { ITEM_STARTS, UNITS } from './completion-scan.js';
import { DSA_KEYS } from './statement-info.js';

/**
 * Completion inside a `statement` declaration (statements of reasons), from the tokens before the
 * cursor: outcomes, clauses, `version` and `default` after `statement`; the actions of the
 * outcome not mapped yet; the keys of the right field of the DSA Transparency Database after
 * `:`, `and`, `category` and `keywords`; and the words that may come next. Null when the cursor
 * is not in a statement.
 */
export function statementCompletion(text: string, tokens: readonly IToken[], unit: UnitView | null, analysis: Analysis | null, next: readonly string[]): CompletionItem[] | null {
  const start = statementStart(text, tokens);
  if (start < 0) return null;
  const t = tokens.slice(start + 1);
  const last = t[t.length - 1];
  if (!last) return [...outcomes(unit), ...clauses(unit, []), ...words(['version', 'default'])];
  if (t[0]!.tokenType.name === 'Version') {
    if (t.length === 1) return versions(analysis);
    return t.length === 2 ? words(['at']) : t.length === 3 ? [] : words(next);
  }
  const brace = t.findIndex((k) => k.tokenType.name === 'LBrace');
  if (brace >= 0) return inActions(t, brace, unit, next);
  return inClauses(t, unit, next);
}

/** The index of the `statement` that starts the declaration the cursor is in, or -1. */
function statementStart(text: string, tokens: readonly IToken[]): number {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    const kind = token.tokenType.name;
    // `statement` starts a declaration at the start of a line; elsewhere it is a name.
    if (kind === 'Statement' && (i === 0 || text.slice(tokens[i - 1]!.endOffset! + 1, token.startOffset).includes('\n'))) return i;
    if (ITEM_STARTS.has(kind) && !(i > 0 && tokens[i - 1]!.tokenType.name === 'Statement')) return -1;
  }
  return -1;
}

/** `statement content { a: KEY, b|`: what the entry at the cursor may go on with. */
function inActions(t: readonly IToken[], brace: number, unit: UnitView | null, next: readonly string[]): CompletionItem[] {
  const outcome = unit?.outcomes.find((o) => o.name === t[0]!.image);
  const last = t[t.length - 1]!;
  if (last.tokenType.name === 'RBrace') return words(next);
  let from = t.length - 1;
  while (from > brace && t[from]!.tokenType.name !== 'Comma') from--;
  const entry = t.slice(from + 1);
  if (entry.length === 0) {
    const mapped = new Set(t.filter((k, i) => t[i + 1]?.tokenType.name === 'Colon' || (t[i + 1]?.tokenType.name === 'For' && k.tokenType.name === 'Identifier')).map((k) => k.image));
    return (outcome?.scale.members ?? [])
      .filter((m) => !mapped.has(m.name.name))
      .map((m, n) => ({ label: m.name.name, kind: CompletionItemKind.EnumMember, detail: `${outcome!.name}: (${outcome!.scale.name.name})${m.timed ? ', for a duration' : ''}`, sortText: String(n).padStart(3, '0') }));
  }
  const colon = entry.findIndex((k) => k.tokenType.name === 'Colon');
  if (colon < 0) {
    if (last.tokenType.name === 'For') return [];
    if (last.tokenType.name === 'IntLiteral') return UNITS.map((u, n) => ({ label: Number(last.image.replace(/_/g, '')) === 1 ? u : `${u}s`, kind: CompletionItemKind.Unit, sortText: String(n) }));
    const timed = outcome?.scale.members.some((m) => m.name.name === entry[0]!.image && m.timed);
    return entry.length === 1 && !timed ? words(['for']) : [];
  }
  const kind = last.tokenType.name;
  if (kind === 'Colon') return [...restrictionKeys(), ...words(['no restriction'])];
  if (kind === 'And') return restrictionKeys();
  if (last.image === 'notice' && entry.length > colon + 2) return [];
  if (last.image === 'restriction' && entry[entry.length - 2]?.image === 'no') return words(['notice']);
  if (kind === 'StringLiteral' && entry[entry.length - 2]?.image === 'notice') return [];
  // After a key, its text or `permanently`.
  return words(last.image === 'permanently' ? ['and', 'notice'] : ['and', 'permanently', 'notice']);
}

/** `statement a, b category KEY keywords KEY, … ground terms "…" also illegal`. */
function inClauses(t: readonly IToken[], unit: UnitView | null, next: readonly string[]): CompletionItem[] {
  const last = t[t.length - 1]!;
  const at = (word: string) => t.findIndex((k, i) => k.image === word && (word !== 'category' || i === 0 || t[i - 1]!.tokenType.name !== 'Comma'));
  const category = t[0]!.tokenType.name === 'Default' ? (t.length > 1 ? 1 : -1) : at('category');
  if (category < 0 || (t[0]!.tokenType.name !== 'Default' && category === 0)) {
    if (t[0]!.tokenType.name === 'Default') return words(['category']);
    const listed = t.filter((k) => k.tokenType.name !== 'Comma').map((k) => k.image);
    return last.tokenType.name === 'Comma' ? clauses(unit, listed) : words(['category']);
  }
  const ground = at('ground');
  if (ground >= 0) {
    const after = t.length - 1 - ground;
    if (after === 0) return words(['terms', 'law']);
    if (after === 1) return [];
    if (after === 2) return words(['also illegal', 'not illegal', ...next]);
    if (last.image === 'also' || last.tokenType.name === 'Not') return words(['illegal']);
    return words(next);
  }
  const keywordsAt = at('keywords');
  if (keywordsAt >= 0) {
    if (last.image === 'keywords' || last.tokenType.name === 'Comma') {
      const listed = new Set(t.slice(keywordsAt + 1).map((k) => k.image));
      return dsaKeys('category_specification').filter((k) => !listed.has(k.label));
    }
    return words(['ground']);
  }
  if (t.length - 1 === category) return dsaKeys('category');
  return words(['keywords', 'ground']);
}

function outcomes(unit: UnitView | null): CompletionItem[] {
  return (unit?.outcomes ?? []).map((o) => ({ label: o.name, kind: CompletionItemKind.Property, detail: `outcome on ${o.scale.name.name}: its actions`, sortText: `0${o.name}` }));
}

/** The red lines and rules (exemptions keep the ground of the rule they exempt), except those listed. */
function clauses(unit: UnitView | null, listed: readonly string[]): CompletionItem[] {
  const decls = [...(unit?.scope.byKind('redline') ?? []), ...(unit?.scope.byKind('rule') ?? [])].map((s) => s.decl);
  return decls
    .filter((d) => !listed.includes(d.name.name))
    .map((d) => ({ label: d.name.name, kind: CompletionItemKind.Function, detail: d.kind === 'Redline' ? 'red line' : 'rule', sortText: `1${d.name.name}` }));
}

/** The versions of the policy set, as `statement version` writes them. */
function versions(analysis: Analysis | null): CompletionItem[] {
  const names = [...(analysis?.index.symbols.values() ?? [])].filter((s) => s.kind === 'version').map((s) => s.name);
  return [...new Set(names)].sort().map((v) => ({ label: JSON.stringify(v), kind: CompletionItemKind.Value, detail: 'version' }));
}

/** The keys of the four restriction fields. */
function restrictionKeys(): CompletionItem[] {
  return Object.keys(TARGET_KEYS).flatMap((field) => dsaKeys(field));
}

function dsaKeys(field: string): CompletionItem[] {
  const table = DSA_KEYS.find((k) => k.field === field)!.keys;
  return Object.entries(table).map(([key, label]) => ({ label: key, kind: CompletionItemKind.Constant, detail: `${field}: ${label}` }));
}

function words(list: readonly string[]): CompletionItem[] {
  return list.map((w) => ({ label: w, kind: CompletionItemKind.Keyword }));
}
