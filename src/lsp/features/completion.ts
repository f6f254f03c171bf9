import { basename, dirname, join, resolve } from 'node:path';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { IToken } from 'chevrotain';
import type * as A from '../../ast/nodes.js';
import type { EnumType, RecordType, Type } from '../../checker/program.js';
import { BUILTIN_TYPES, typeName } from '../../checker/types.js';
import { DiagnosticBag } from '../../diagnostics/codes.js';
import { bundledStdlib, type SourceHost } from '../../modules/host.js';
import { lex } from '../../syntax/lexer.js';
import { KEYWORDS } from '../../syntax/tokens.js';
import type { Analysis, UnitView } from '../project.js';
import { symbolId } from '../symbols-index.js';
import { actionsText } from '../written.js';
import { actionListAt, openQuantifiers, UNITS, type ActionList, type OpenQuantifier } from './completion-scan.js';
import { statementCompletion } from './completion-statement.js';
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
  'outcome',
  'context',
  'redline',
  'rule',
  'exemption',
  'default',
  'statement',
] as const;

const OPERATORS = ['and', 'or', 'not', 'in', 'has', 'exists'] as const;
/** Tokens after which a condition (or a part of one) starts. */
const CONDITION_START = new Set(['When', 'Unless', 'And', 'Or', 'Not', 'LParen', 'Equals', 'Where']);
/** Hours do not move a date (a date is a day). */
const DATE_UNITS = UNITS.filter((u) => u !== 'hour');
/** Tokens that end an operand: after them an operator or the next part of the clause follows. */
const OPERAND_END = new Set(['Identifier', 'IntLiteral', 'DateLiteral', 'StringLiteral', 'True', 'False', 'RParen', 'RBrace']);
/** The tokens that say which part of an item the cursor is in. */
const GOVERNING = new Set([
  ...TOP_LEVEL_KEYWORDS.filter((w) => w !== 'statement').map(tokenName),
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
 * Completion by position, from the tokens before the cursor: fields after `post.` (and after a
 * quantifier's bound name inside its `where`), enum members after `==`, `!=`, `has` and inside
 * `in {…}` / `has any {…}`, rule names in `from`, the actions of every outcome after `then` and
 * `default`, units after `for 3` and in `post.date - 90 …`, modules after `use`, types after `:`,
 * scales after `outcome NAME:`, and the keywords that may come next.
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
  let head = before;
  if (last && end(last) === offset && isName(last)) {
    head = before.slice(0, last.startOffset);
    all.pop();
    last = all[all.length - 1];
  }
  // `post.date - 90 |`: the lexer drops an operator that no complete duration follows yet.
  const shift = /[\p{L}\p{N}_)][ \t]*[+-][ \t]+(-?\d[\d_]*)[ \t]+$/u.exec(head);
  if (shift) return units(DATE_UNITS, Number(shift[1]!.replace(/_/g, '')));
  const context = new Context(request, all);
  return context.items();
}

class Context {
  private readonly unit: UnitView | null;
  /** Quantifiers open at the cursor, outermost first. */
  private readonly quantifiers: readonly OpenQuantifier[];

  constructor(
    private readonly request: CompletionRequest,
    private readonly tokens: readonly IToken[],
  ) {
    const path = resolve(request.path);
    const units = request.analysis?.units ?? [];
    this.unit = units.find((u) => u.files.includes(path)) ?? units[0] ?? null;
    this.quantifiers = openQuantifiers(tokens);
  }

  items(): CompletionItem[] {
    const tokens = this.tokens;
    const last = tokens[tokens.length - 1];
    if (!last) return keywords(TOP_LEVEL_KEYWORDS);
    const statement = statementCompletion(this.request.text, tokens, this.unit, this.request.analysis, TOP_LEVEL_KEYWORDS);
    if (statement) return statement;
    const kind = last.tokenType.name;
    const i = tokens.length - 1;

    if (kind === 'Dot') return this.afterDot(this.pathEndingAt(i - 1));
    if (kind === 'EqualEqual' || kind === 'NotEqual') return this.valuesOf(this.typeOfPath(this.pathEndingAt(i - 1)));
    if (kind === 'Has') {
      const type = this.typeOfPath(this.pathEndingAt(i - 1));
      return type?.kind === 'set' ? [...this.members(type.element), ...keywords(['any', 'all'])] : [];
    }
    const set = this.openSetAfterIn();
    if (set) return this.members(set.type, set.listed);
    const from = this.fromList();
    if (from) return from.expectingName ? [...this.ruleNames(from.listed), ...keywords(from.first ? ['every'] : [])] : keywords(['when']);
    if (kind === 'Every' && tokens[i - 1]?.tokenType.name === 'From') return keywords(['rule']);
    if (kind === 'Rule' && tokens[i - 1]?.tokenType.name === 'Every') return keywords(['when']);
    const actions = actionListAt(tokens, (scale, member) => this.timed(scale, member));
    if (actions) return this.inActionList(actions);
    if (kind === 'Use') return this.modules();
    if (kind === 'Colon') return tokens[i - 2]?.tokenType.name === 'Outcome' ? this.scaleNames() : this.typeNames(false);
    if (kind === 'Less' && (tokens[i - 1]?.image === 'set' || tokens[i - 1]?.image === 'list')) return this.typeNames(tokens[i - 1]!.image === 'set');
    if (CONDITION_START.has(kind)) return this.conditionStart(kind === 'Not');
    // `count(s in |`: the list or set to go over.
    if (kind === 'In' && this.quantifiers.length > 0 && tokens[i - 2]?.tokenType.name === 'LParen') return this.values();
    if (this.insideDeclarationBraces()) return [];

    const governing = this.governing();
    const g = governing?.tokenType.name;
    const sinceGoverning = governing ? i - tokens.indexOf(governing) : 0;
    if ((g === 'Redline' || g === 'Rule') && sinceGoverning === 1) return keywords(['when']);
    if (g === 'Exemption' && sinceGoverning === 1) return keywords(['from']);
    // Inside an open quantifier: the condition goes on, or `where` after the list.
    const inner = this.quantifiers[this.quantifiers.length - 1];
    if (inner && OPERAND_END.has(kind)) return keywords(inner.inWhere ? OPERATORS : ['where']);
    if ((g === 'When' || g === 'Unless' || g === 'Equals') && OPERAND_END.has(kind)) {
      const next = g === 'When' ? ['unless', 'then'] : g === 'Unless' ? ['then'] : [...TOP_LEVEL_KEYWORDS];
      return keywords([...OPERATORS, ...next]);
    }
    if ((g === 'Context' || g === 'Enum' || g === 'Record' || g === 'Scale' || g === 'Outcome') && sinceGoverning <= 1) return [];
    return keywords(TOP_LEVEL_KEYWORDS);
  }

  /**
   * In `then …` / `default …`: an action of an outcome not named yet; `for` after an action that
   * carries a duration; the units after `for 3`; what follows a complete list.
   */
  private inActionList(list: ActionList): CompletionItem[] {
    switch (list.expecting) {
      case 'action':
        return this.actions(list.named);
      case 'count':
        return [];
      case 'unit':
        return units(UNITS, list.count ?? 0);
      case 'after-action': {
        const last = this.tokens[this.tokens.length - 1]!;
        const lastAction = list.named[list.named.length - 1];
        if (lastAction?.timed && last.tokenType.name === 'Identifier' && last.image === lastAction.member) return keywords(['for']);
        return keywords(list.keyword === 'then' ? ['because', ...TOP_LEVEL_KEYWORDS] : TOP_LEVEL_KEYWORDS);
      }
    }
  }

  /** Whether the action `member` (of `scale`, when qualified) carries a duration on the outcome scale that has it. */
  private timed(scale: string | null, member: string): boolean {
    return (this.unit?.outcomes ?? []).some(
      (o) => (scale === null || o.scale.name.name === scale) && o.scale.members.some((m) => m.name.name === member && m.timed),
    );
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

  /**
   * The type of `a.b.c`: below the input, or below a quantifier's bound name where the cursor
   * sees it (a bound name alone is its element; the input alone is no value).
   */
  private typeOfPath(names: readonly string[], depth = this.quantifiers.length): Type | null {
    const unit = this.unit;
    if (!unit || names.length === 0) return null;
    const binder = this.visibleBinder(names[0]!, depth);
    let type: Type | null = binder ? this.elementOf(binder.index) : names[0] === unit.inputName ? unit.inputType : null;
    if (!type || (!binder && names.length === 1)) return null;
    for (const name of names.slice(1)) {
      if (type.kind !== 'record') return null;
      const field: RecordType['fields'][number] | undefined = type.fields.find((f) => f.name === name);
      if (!field) return null;
      type = field.type;
    }
    return type;
  }

  /** The innermost of the first `depth` open quantifiers that binds `name` inside its `where`. */
  private visibleBinder(name: string, depth: number): { index: number } | null {
    for (let i = depth - 1; i >= 0; i--) if (this.quantifiers[i]!.inWhere && this.quantifiers[i]!.binder === name) return { index: i };
    return null;
  }

  /** The element type of the `index`th open quantifier's list or set (its path may go through outer bound names). */
  private elementOf(index: number): Type | null {
    const collection = this.typeOfPath(this.quantifiers[index]!.collection, index);
    return collection?.kind === 'list' || collection?.kind === 'set' ? collection.element : null;
  }

  private afterDot(names: readonly string[]): CompletionItem[] {
    const unit = this.unit;
    if (!unit || names.length === 0) return [];
    if (names.length === 1 && unit.types.get(names[0]!)?.kind === 'enum') return this.members(unit.types.get(names[0]!) as EnumType);
    // `then Content.`: the members of that outcome scale.
    const scale = names.length === 1 ? unit.outcomes.find((o) => o.scale.name.name === names[0]) : undefined;
    if (scale && actionListAt(this.tokens.slice(0, -2), () => false)) return this.scaleMembers(scale.scale, null);
    const type = names.length === 1 && !this.visibleBinder(names[0]!, this.quantifiers.length) ? (names[0] === unit.inputName ? unit.inputType : null) : this.typeOfPath(names);
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

  /** Inside `x in {a, b, |` or `s has any {a, |`: the enum of `x` (of `s`'s elements) and the members already listed. */
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
      if (kind !== 'LBrace') return null;
      const before = this.tokens[i - 1];
      if (before && (before.image === 'any' || before.image === 'all') && this.tokens[i - 2]?.tokenType.name === 'Has') {
        const set = this.typeOfPath(this.pathEndingAt(i - 3));
        return set?.kind === 'set' ? { type: set.element, listed } : null;
      }
      if (before?.tokenType.name !== 'In') return null;
      const operandEnd = this.tokens[i - 2]?.tokenType.name === 'Not' ? i - 3 : i - 2;
      const type = this.typeOfPath(this.pathEndingAt(operandEnd));
      return type?.kind === 'enum' ? { type, listed } : null;
    }
    return null;
  }

  /** Inside `from a, b, |`: the rules already listed, and whether a name is expected next. */
  private fromList(): { listed: string[]; expectingName: boolean; first: boolean } | null {
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
      return { listed, expectingName: lastKind === 'From' || lastKind === 'Comma', first: lastKind === 'From' };
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
        detail: `rule → ${actionsText(r.decl.actions)}`,
        ...this.documentation(symbolId('rule', r.decl.name.span)),
      }));
  }

  /**
   * The members of every outcome scale that `named` (the actions already in the list) leaves open:
   * one action per outcome. A member on two outcome scales is offered qualified (`Content.remove`).
   */
  private actions(named: ActionList['named']): CompletionItem[] {
    const outcomes = this.unit?.outcomes ?? [];
    const taken = new Set(named.flatMap((a) => outcomes.filter((o) => (a.scale === null || o.scale.name.name === a.scale) && o.scale.members.some((m) => m.name.name === a.member)).map((o) => o.name)));
    const items: CompletionItem[] = [];
    outcomes.forEach((o, n) => {
      if (taken.has(o.name)) return;
      const ambiguous = (m: A.ScaleMember) => outcomes.some((other) => other !== o && other.scale.members.some((x) => x.name.name === m.name.name));
      items.push(...this.scaleMembers(o.scale, o.decl ? o.name : null, n, ambiguous));
    });
    return items;
  }

  private scaleMembers(scale: A.ScaleDecl, outcome: string | null, order = 0, qualify: (m: A.ScaleMember) => boolean = () => false): CompletionItem[] {
    return scale.members.map((m, n) => ({
      label: qualify(m) ? `${scale.name.name}.${m.name.name}` : m.name.name,
      kind: CompletionItemKind.EnumMember,
      detail: `${outcome ? `${outcome}: ` : 'action '}(${scale.name.name})${m.timed ? ', for a duration' : ''}`,
      sortText: `${String(order).padStart(2, '0')}${String(n).padStart(3, '0')}`,
      ...this.documentation(symbolId('action', m.name.span)),
    }));
  }

  private scaleNames(): CompletionItem[] {
    return (this.unit?.scope.byKind('scale') ?? []).map((s) => ({ label: s.decl.name.name, kind: CompletionItemKind.Enum, detail: 'scale' }));
  }

  /** Where a value starts: the input and the bound names in sight. */
  private values(): CompletionItem[] {
    const items: CompletionItem[] = [];
    this.quantifiers.forEach((q, i) => {
      if (q.inWhere) items.push({ label: q.binder, kind: CompletionItemKind.Variable, detail: typeText(this.elementOf(i)) });
    });
    if (this.unit?.inputName) items.push({ label: this.unit.inputName, kind: CompletionItemKind.Variable, detail: this.unit.inputType?.name ?? 'input' });
    return items;
  }

  private conditionStart(afterNot: boolean): CompletionItem[] {
    const unit = this.unit;
    const items: CompletionItem[] = [];
    if (unit) {
      for (const { decl } of unit.scope.byKind('context')) {
        items.push({ label: decl.name.name, kind: CompletionItemKind.Variable, detail: 'context', ...this.documentation(symbolId('context', decl.name.span)) });
      }
      items.push(...this.values());
    }
    const quantifiers = ['count', 'any', 'all'].map((q) => ({ label: q, kind: CompletionItemKind.Function, detail: `${q}(x in LIST where …)` }));
    return [...items, ...quantifiers, ...keywords(afterNot ? ['true', 'false'] : ['not', 'true', 'false'])];
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

/** The units after a count: `1 day`, `3 days`. */
function units(names: readonly string[], count: number): CompletionItem[] {
  return names.map((u, n) => ({ label: count === 1 ? u : `${u}s`, kind: CompletionItemKind.Unit, sortText: String(n) }));
}

function typeText(type: Type | null): string {
  return type ? typeName(type) : '?';
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
