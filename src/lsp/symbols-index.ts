import { resolve } from 'node:path';
import type * as A from '../ast/nodes.js';
import type { Type } from '../checker/program.js';
import type { Reference } from '../checker/references.js';
import type { Span } from '../diagnostics/span.js';
import type { FileInfo, UnitView } from './project.js';
import { UnitResolver } from './resolve-names.js';

/**
 * The one index of names for the language server: every declaration (with its node) and every
 * reference to it. Where the checker resolved a name, the index takes the checker's answer (its
 * side table of references, checker/references.ts); the server's own walk (resolve-names.ts)
 * answers the rest: a target with syntax errors, which is not type-checked, and what the checker
 * does not resolve (`use`, `statement` declarations, names where it stopped at an error). Hover,
 * definition, references, rename and completion all read it; none of them resolves names itself.
 */

export type SymbolKind =
  | 'context'
  | 'redline'
  | 'rule'
  | 'exemption'
  | 'enum'
  | 'record'
  | 'scale'
  | 'outcome'
  | 'input'
  | 'field'
  | 'member'
  | 'action'
  | 'binder'
  | 'module'
  | 'version';

export interface SymbolInfo {
  /** `kind:file:offset` of the declaring name (`module:file` for a module). */
  readonly id: string;
  readonly kind: SymbolKind;
  readonly name: string;
  /** Absolute path of the declaring file. */
  readonly file: string;
  /** The declaring name (for a module: the start of its file). */
  readonly span: Span;
  /**
   * The declaration (for a field, its FieldDecl; for a member or action, the enum or scale; for a
   * quantifier's bound name, the quantifier; for a version, its `version` header).
   */
  readonly decl: A.Item | A.FieldDecl | A.QuantifierExpr | null;
  /** The record, enum or scale a field, member or action belongs to. */
  readonly container?: string;
  /** A bound name's type: the element of the list or set it goes over (null when that has an error). */
  readonly type?: Type | null;
}

export interface Occurrence {
  readonly symbol: string;
  /** Absolute path. */
  readonly file: string;
  readonly span: Span;
  readonly declaration: boolean;
  /** For a member named in `then` or `default`: the action as written (with its duration). */
  readonly action?: A.ActionRef;
}

/** A duration as written: after `for` in an action, or moving a date. */
export interface DurationUse {
  readonly file: string;
  readonly literal: A.DurationLiteral;
  /** `for`: an action's duration; `+` / `-`: a date moved forwards or back; `statement`: an action's fixed length in a statement of reasons. */
  readonly use: 'for' | '+' | '-' | 'statement';
}

export interface SymbolIndex {
  readonly symbols: ReadonlyMap<string, SymbolInfo>;
  /** The occurrence under `offset` in `file` (the innermost, when spans nest). */
  at(file: string, offset: number): Occurrence | undefined;
  /** Every occurrence of a symbol, declarations included, by file and position. */
  occurrencesOf(id: string): Occurrence[];
  /** Every occurrence in one file, by position. */
  inFile(file: string): readonly Occurrence[];
  /** The duration under `offset` in `file`. */
  durationAt(file: string, offset: number): DurationUse | undefined;
}

export function symbolId(kind: SymbolKind, span: Span): string {
  return `${kind}:${resolve(span.file)}:${span.start.offset}`;
}

export function moduleId(path: string): string {
  return `module:${resolve(path)}`;
}

/** `checked`: the checker's references, when the target loaded and was checked; they win over the walk's. */
export function buildIndex(files: ReadonlyMap<string, FileInfo>, units: readonly UnitView[], checked: readonly Reference[] = []): SymbolIndex {
  const builder = new IndexBuilder();
  for (const info of files.values()) if (info.ast) builder.declarations(info);
  for (const unit of units) {
    for (const path of unit.files) {
      const info = files.get(path);
      if (info?.ast) new UnitResolver(builder, unit).file(info.ast);
    }
  }
  for (const r of checked) builder.resolved(symbolId(r.kind, r.target), r.span);
  return builder.finish();
}

export class IndexBuilder {
  readonly symbols = new Map<string, SymbolInfo>();
  private readonly occurrences = new Map<string, Occurrence>();
  private readonly durations = new Map<string, DurationUse>();

  declare(info: SymbolInfo): void {
    if (!this.symbols.has(info.id)) this.symbols.set(info.id, info);
    if (info.kind !== 'module') this.occur(info.id, info.span, true);
  }

  /** The first unit to resolve a place wins (a module's text is resolved once per version using it). */
  occur(symbol: string, span: Span, declaration = false, action?: A.ActionRef): void {
    const file = resolve(span.file);
    const key = `${file}:${span.start.offset}:${span.end.offset}`;
    if (!this.occurrences.has(key)) this.occurrences.set(key, { symbol, file, span, declaration, ...(action ? { action } : {}) });
  }

  /** A name as the checker resolved it: replaces what the walk found there (a declared symbol only). */
  resolved(symbol: string, span: Span): void {
    if (!this.symbols.has(symbol)) return;
    const file = resolve(span.file);
    const key = `${file}:${span.start.offset}:${span.end.offset}`;
    const walked = this.occurrences.get(key);
    if (walked?.declaration) return;
    this.occurrences.set(key, { symbol, file, span, declaration: false, ...(walked?.action ? { action: walked.action } : {}) });
  }

  duration(literal: A.DurationLiteral, use: DurationUse['use']): void {
    const file = resolve(literal.span.file);
    const key = `${file}:${literal.span.start.offset}`;
    if (!this.durations.has(key)) this.durations.set(key, { file, literal, use });
  }

  /** The `version` header whose value is `name`, if any (a policy set has one per version). */
  versionNamed(name: string): SymbolInfo | undefined {
    for (const symbol of this.symbols.values()) if (symbol.kind === 'version' && symbol.name === name) return symbol;
    return undefined;
  }

  /** The top-level declaration of `name` in `file`, if any (for the names `use … except` leaves out). */
  declaredIn(file: string, name: string): SymbolInfo | undefined {
    const path = resolve(file);
    for (const symbol of this.symbols.values()) {
      if (symbol.file === path && symbol.name === name && symbol.container === undefined && symbol.kind !== 'binder' && symbol.kind !== 'version') return symbol;
    }
    return undefined;
  }

  declarations(info: FileInfo): void {
    const file = info.path;
    const put = (kind: SymbolKind, name: A.Identifier, decl: SymbolInfo['decl'], extra: Partial<SymbolInfo> = {}) =>
      this.declare({ id: symbolId(kind, name.span), kind, name: name.name, file, span: name.span, decl, ...extra });
    for (const item of info.ast!.items) {
      switch (item.kind) {
        case 'Context':
        case 'Input':
          put(item.kind === 'Context' ? 'context' : 'input', item.name, item);
          break;
        case 'Redline':
        case 'Rule':
        case 'Exemption':
          put(item.kind.toLowerCase() as SymbolKind, item.name, item);
          break;
        case 'Enum':
          put('enum', item.name, item);
          for (const m of item.members) put('member', m, item, { container: item.name.name });
          break;
        case 'Scale':
          put('scale', item.name, item);
          for (const m of item.members) put('action', m.name, item, { container: item.name.name });
          break;
        case 'Outcome':
          put('outcome', item.name, item);
          break;
        case 'Record':
          put('record', item.name, item);
          for (const f of item.fields) put('field', f.name, f, { container: item.name.name });
          break;
        case 'VersionHeader':
          // Named by its value: `statement version "…"` refers to it.
          this.declare({ id: symbolId('version', item.value.span), kind: 'version', name: item.value.value, file, span: item.value.span, decl: item });
          break;
        default:
          break;
      }
    }
  }

  finish(): SymbolIndex {
    const all = [...this.occurrences.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start.offset - b.span.start.offset));
    const byFile = new Map<string, Occurrence[]>();
    const bySymbol = new Map<string, Occurrence[]>();
    for (const o of all) {
      (byFile.get(o.file) ?? byFile.set(o.file, []).get(o.file)!).push(o);
      (bySymbol.get(o.symbol) ?? bySymbol.set(o.symbol, []).get(o.symbol)!).push(o);
    }
    const durations = [...this.durations.values()];
    return {
      symbols: this.symbols,
      at(file, offset) {
        let best: Occurrence | undefined;
        for (const o of byFile.get(resolve(file)) ?? []) {
          if (o.span.start.offset <= offset && offset <= o.span.end.offset) {
            if (!best || o.span.end.offset - o.span.start.offset < best.span.end.offset - best.span.start.offset) best = o;
          }
        }
        return best;
      },
      occurrencesOf: (id) => [...(bySymbol.get(id) ?? [])],
      inFile: (file) => byFile.get(resolve(file)) ?? [],
      durationAt(file, offset) {
        const path = resolve(file);
        return durations.find((d) => d.file === path && d.literal.span.start.offset <= offset && offset <= d.literal.span.end.offset);
      },
    };
  }
}
