import { basename, dirname, join, resolve } from 'node:path';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { IToken } from 'chevrotain';
import type { EnumType, RecordType, Type } from '../../checker/program.js';
import { BUILTIN_TYPES, typeName } from '../../checker/types.js';
import { DiagnosticBag } from '../../diagnostics/codes.js';
import { bundledStdlib, type SourceHost } from '../../modules/host.js';
import { lex } from '../../syntax/lexer.js';
import { KEYWORDS } from '../../syntax/tokens.js';
import type { Analysis, UnitView } from '../project.js';
import { symbolId } from '../symbols-index.js';
import { describeSymbol } from './hover.js';

export interface CompletionRequest {
  readonly path: string;
  /** The document's current text (it may not parse: completion reads tokens, not the tree). */
  readonly text: string;
  readonly offset: number;
  /** Names and types: the current analysis, or the last one that loaded when this text does not. */
  readonly analysis: Analysis | null;
  readonly host: SourceHost;
}

/** Keywords that start an item at the top level of a file. */
export const TOP_LEVEL_KEYWORDS = [
  'policy',
  'version',
  'effective',
  'source',
  'use',
  'input',
  'enum',
  'record',
  'scale',
  'context',
  'redline',
  'rule',
  'exemption',
  'default',
] as const;

const OPERATORS = ['and', 'or', 'not', 'in', 'has'] as const;
/** Tokens after which a condition (or a part of one) starts. */
const CONDITION_START = new Set(['When', 'Unless', 'And', 'Or', 'Not', 'LParen', 'Equals']);
/** Tokens that end an operand: after them an operator or the next part of the clause follows. */
const OPERAND_END = new Set(['Identifier', 'IntLiteral', 'DateLiteral', 'StringLiteral', 'True', 'False', 'RParen', 'RBrace']);
/** The tokens that say which part of an item the cursor is in. */
const GOVERNING = new Set([
  ...TOP_LEVEL_KEYWORDS.map(tokenName),
  'From',
  'When',
  'Unless',
  'Then',
  'Because',
  'Equals',
  'Colon',
]);

function tokenName(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/**
 * Completion by position, from the tokens before the cursor: fields after `post.`, enum members
 * after `==`, `!=`, `has` and inside `in {…}`, rule names in `from`, actions after `then` and
 * `default`, modules after `use`, types after `:`, and the keywords that may come next.
 */
export function completion(request: CompletionRequest): CompletionItem[] {
  const { text, offset } = request;
  const before = text.slice(0, offset);
  const { tokens, comments } = lex(before, request.path, new DiagnosticBag());
  const lastComment = comments[comments.length - 1];
  if (lastComment && end(lastComment) >= offset && !/[\r\n]/.test(before.slice(end(lastComment)))) return [];
  const all = [...tokens];
  let last = all[all.length - 1];
  if (last && last.tokenType.name === 'StringLiteral' && end(last) === offset && !closedString(last.image)) return [];
  // The word being typed is the prefix the client filters with, not context.
  if (last && end(last) === offset && isName(last)) {
    all.pop();
    last = all[all.length - 1];
  }
  const context = new Context(request, all);
  return context.items();
}

class Context {
  private readonly unit: UnitView | null;

  constructor(
    private readonly request: CompletionRequest,
    private readonly tokens: readonly IToken[],
  ) {
    const path = resolve(request.path);
    const units = request.analysis?.units ?? [];
    this.unit = units.find((u) => u.files.includes(path)) ?? units[0] ?? null;
  }

  items(): CompletionItem[] {
    const tokens = this.tokens;
    const last = tokens[tokens.length - 1];
    if (!last) return keywords(TOP_LEVEL_KEYWORDS);
    const kind = last.tokenType.name;
    const i = tokens.length - 1;

    if (kind === 'Dot') return this.afterDot(this.pathEndingAt(i - 1));
    if (kind === 'EqualEqual' || kind === 'NotEqual') return this.valuesOf(this.typeOfPath(this.pathEndingAt(i - 1)));
    if (kind === 'Has') {
      const type = this.typeOfPath(this.pathEndingAt(i - 1));
      return type?.kind === 'set' ? this.members(type.element) : [];
    }
    const set = this.openSetAfterIn();
    if (set) return this.members(set.type, set.listed);
    const from = this.fromList();
    if (from) return from.expectingName ? this.ruleNames(from.listed) : keywords(['when']);
    if (kind === 'Then' || kind === 'Default') return this.actions();
    if (kind === 'Use') return this.modules();
    if (kind === 'Colon') return this.typeNames(false);
    if (kind === 'Less' && tokens[i - 1]?.image === 'set') return this.typeNames(true);
    if (CONDITION_START.has(kind)) return this.conditionStart(kind === 'Not');
    if (this.insideDeclarationBraces()) return [];

    const governing = this.governing();
    const g = governing?.tokenType.name;
    const sinceGoverning = governing ? i - tokens.indexOf(governing) : 0;
    if ((g === 'Redline' || g === 'Rule') && sinceGoverning === 1) return keywords(['when']);
    if (g === 'Exemption' && sinceGoverning === 1) return keywords(['from']);
    if ((g === 'When' || g === 'Unless' || g === 'Equals') && OPERAND_END.has(kind)) {
      const next = g === 'When' ? ['unless', 'then'] : g === 'Unless' ? ['then'] : [...TOP_LEVEL_KEYWORDS];
      return keywords([...OPERATORS, ...next]);
    }
    if (g === 'Then' && sinceGoverning === 1) return keywords(['because', ...TOP_LEVEL_KEYWORDS]);
    if ((g === 'Context' || g === 'Enum' || g === 'Record' || g === 'Scale') && sinceGoverning <= 1) return [];
    return keywords(TOP_LEVEL_KEYWORDS);
  }

  /** Inside the braces of an `enum`, `record` or `scale`: names are being declared, nothing to offer. */
  private insideDeclarationBraces(): boolean {
    let depth = 0;
    for (let i = this.tokens.length - 1; i >= 0; i--) {
      const kind = this.tokens[i]!.tokenType.name;
      if (kind === 'RBrace') depth++;
      else if (kind === 'LBrace' && depth-- === 0) {
        const keyword = this.tokens[i - 2]?.tokenType.name;
        return keyword === 'Enum' || keyword === 'Record' || keyword === 'Scale';
      }
    }
    return false;
  }

  /** The last token that says which part of an item this is. */
  private governing(): IToken | undefined {
    for (let i = this.tokens.length - 1; i >= 0; i--) {
      const token = this.tokens[i]!;
      if (GOVERNING.has(token.tokenType.name) && !this.isFieldName(i)) return token;
    }
    return undefined;
  }

  /** A keyword spelled after a dot is a field name, not a keyword. */
  private isFieldName(i: number): boolean {
    return this.tokens[i - 1]?.tokenType.name === 'Dot';
  }

  /** The names of `a.b.c` ending at token `i` (empty when there is no path there). */
  private pathEndingAt(i: number): string[] {
    const names: string[] = [];
    let j = i;
    while (j >= 0 && isName(this.tokens[j]!)) {
      names.unshift(this.tokens[j]!.image);
      if (this.tokens[j - 1]?.tokenType.name !== 'Dot') break;
      j -= 2;
    }
    return names;
  }

  private typeOfPath(names: readonly string[]): Type | null {
    const unit = this.unit;
    if (!unit || names.length === 0) return null;
    if (names[0] === unit.inputName && unit.inputType) {
      let type: Type = unit.inputType;
      for (const name of names.slice(1)) {
        if (type.kind !== 'record') return null;
        const field: RecordType['fields'][number] | undefined = type.fields.find((f) => f.name === name);
        if (!field) return null;
        type = field.type;
      }
      return names.length > 1 ? type : null;
    }
    return null;
  }

  private afterDot(names: readonly string[]): CompletionItem[] {
    const unit = this.unit;
    if (!unit || names.length === 0) return [];
    if (names.length === 1 && unit.types.get(names[0]!)?.kind === 'enum') return this.members(unit.types.get(names[0]!) as EnumType);
    const type = names[0] === unit.inputName ? (names.length === 1 ? unit.inputType : this.typeOfPath(names)) : null;
    if (type?.kind !== 'record') return [];
    return type.fields.map((f, n) => ({
      label: f.name,
      kind: CompletionItemKind.Field,
      detail: typeName(f.type),
      sortText: String(n).padStart(3, '0'),
      ...this.documentation(symbolId('field', f.span)),
    }));
  }

  private valuesOf(type: Type | null): CompletionItem[] {
    if (type?.kind === 'enum') return this.members(type);
    if (type?.kind === 'bool') return keywords(['true', 'false']);
    return [];
  }

  private members(type: EnumType, exclude: readonly string[] = []): CompletionItem[] {
    const decl = this.unit?.scope.symbols.get(type.name);
    return type.members
      .filter((m) => !exclude.includes(m))
      .map((m) => {
        const span = decl?.kind === 'enum' ? decl.decl.members.find((d) => d.name === m)?.span : undefined;
        return {
          label: m,
          kind: CompletionItemKind.EnumMember,
          detail: type.name,
          sortText: String(type.members.indexOf(m)).padStart(3, '0'),
          ...(span ? this.documentation(symbolId('member', span)) : {}),
        };
      });
  }

  /** Inside `x in {a, b, |`: the enum of `x` and the members already listed. */
  private openSetAfterIn(): { type: EnumType; listed: string[] } | null {
    const listed: string[] = [];
    for (let i = this.tokens.length - 1; i >= 0; i--) {
      const token = this.tokens[i]!;
      const kind = token.tokenType.name;
      if (kind === 'Comma') continue;
      if (kind === 'Identifier') {
        listed.push(token.image);
        continue;
      }
      if (kind !== 'LBrace' || this.tokens[i - 1]?.tokenType.name !== 'In') return null;
      const operandEnd = this.tokens[i - 2]?.tokenType.name === 'Not' ? i - 3 : i - 2;
      const type = this.typeOfPath(this.pathEndingAt(operandEnd));
      return type?.kind === 'enum' ? { type, listed } : null;
    }
    return null;
  }

  /** Inside `from a, b, |`: the rules already listed, and whether a name is expected next. */
  private fromList(): { listed: string[]; expectingName: boolean } | null {
    const listed: string[] = [];
    const lastKind = this.tokens[this.tokens.length - 1]?.tokenType.name;
    for (let i = this.tokens.length - 1; i >= 0; i--) {
      const kind = this.tokens[i]!.tokenType.name;
      if (kind === 'Comma') continue;
      if (kind === 'Identifier') {
        listed.push(this.tokens[i]!.image);
        continue;
      }
      if (kind !== 'From') return null;
      return { listed, expectingName: lastKind === 'From' || lastKind === 'Comma' };
    }
    return null;
  }

  private ruleNames(exclude: readonly string[]): CompletionItem[] {
    const unit = this.unit;
    if (!unit) return [];
    return unit.scope
      .byKind('rule')
      .filter((r) => !exclude.includes(r.decl.name.name))
      .map((r) => ({
        label: r.decl.name.name,
        kind: CompletionItemKind.Function,
        detail: `rule → ${r.decl.action.name}`,
        ...this.documentation(symbolId('rule', r.decl.name.span)),
      }));
  }

  private actions(): CompletionItem[] {
    const scale = this.unit?.scale;
    if (!scale) return [];
    return scale.members.map((m, n) => ({
      label: m.name,
      kind: CompletionItemKind.EnumMember,
      detail: `action (${scale.name.name})`,
      sortText: String(n).padStart(3, '0'),
    }));
  }

  private conditionStart(afterNot: boolean): CompletionItem[] {
    const unit = this.unit;
    const items: CompletionItem[] = [];
    if (unit) {
      for (const { decl } of unit.scope.byKind('context')) {
        items.push({ label: decl.name.name, kind: CompletionItemKind.Variable, detail: 'context', ...this.documentation(symbolId('context', decl.name.span)) });
      }
      if (unit.inputName) items.push({ label: unit.inputName, kind: CompletionItemKind.Variable, detail: unit.inputType?.name ?? 'input' });
    }
    return [...items, ...keywords(afterNot ? ['true', 'false'] : ['not', 'true', 'false'])];
  }

  private typeNames(enumsOnly: boolean): CompletionItem[] {
    const declared = this.unit ? [...this.unit.types.values()] : [];
    const items: CompletionItem[] = declared
      .filter((t) => !enumsOnly || t.kind === 'enum')
      .map((t) => ({ label: t.name, kind: t.kind === 'enum' ? CompletionItemKind.Enum : CompletionItemKind.Struct, detail: t.kind }));
    if (!enumsOnly) items.push(...BUILTIN_TYPES.map((t) => ({ label: t, kind: CompletionItemKind.TypeParameter, detail: 'builtin type' })));
    return items;
  }

  /** Modules a `use` can name: sibling files, then `stdlib/` folders up the tree and the bundled stdlib. */
  private modules(): CompletionItem[] {
    const { host } = this.request;
    const path = resolve(this.request.path);
    const folders = [dirname(path)];
    for (let current = dirname(path); ; current = dirname(current)) {
      folders.push(join(current, 'stdlib'));
      if (dirname(current) === current) break;
    }
    folders.push(bundledStdlib());
    const seen = new Set<string>([basename(path, '.policy')]);
    const items: CompletionItem[] = [];
    for (const folder of folders) {
      for (const name of host.list(folder)) {
        if (!name.endsWith('.policy')) continue;
        const module = name.slice(0, -'.policy'.length);
        if (seen.has(module)) continue;
        seen.add(module);
        items.push({ label: module, kind: CompletionItemKind.Module, detail: join(folder, name) });
      }
    }
    return items;
  }

  private documentation(id: string): Pick<CompletionItem, 'documentation'> {
    const analysis = this.request.analysis;
    const symbol = analysis?.index.symbols.get(id);
    const value = analysis && symbol ? describeSymbol(analysis, symbol) : null;
    return value ? { documentation: { kind: 'markdown', value } } : {};
  }
}

function keywords(words: readonly string[]): CompletionItem[] {
  return words.map((w) => ({ label: w, kind: CompletionItemKind.Keyword }));
}

function isName(token: IToken): boolean {
  return token.tokenType.name === 'Identifier' || KEYWORDS.includes(token.image);
}

function end(token: IToken): number {
  return (token.endOffset ?? token.startOffset) + 1;
}

function closedString(image: string): boolean {
  return image.length >= 2 && image.endsWith('"') && !/(^|[^\\])(\\\\)*\\"$/.test(image);
}
