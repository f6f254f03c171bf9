import { resolve, sep } from 'node:path';
import type * as A from '../ast/nodes.js';
import type { EnumType, RecordType, Type } from '../checker/program.js';
import { BOOL, DATE, STRING } from '../checker/types.js';
import type { Span } from '../diagnostics/span.js';
import type { FileInfo, UnitView } from './project.js';

/**
 * The one index of names for the language server: every declaration (with its node) and every
 * reference to it, resolved the way the checker resolves them — through each version's scope and
 * types, so `none` in `post.target != none` is `Target.none` and not `Risk.none`. Hover,
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
  | 'input'
  | 'field'
  | 'member'
  | 'action'
  | 'module';

export interface SymbolInfo {
  /** `kind:file:offset` of the declaring name (`module:file` for a module). */
  readonly id: string;
  readonly kind: SymbolKind;
  readonly name: string;
  /** Absolute path of the declaring file. */
  readonly file: string;
  /** The declaring name (for a module: the start of its file). */
  readonly span: Span;
  /** The declaration (for a field, its FieldDecl; for a member or action, the enum or scale). */
  readonly decl: A.Item | A.FieldDecl | null;
  /** The record, enum or scale a field, member or action belongs to. */
  readonly container?: string;
}

export interface Occurrence {
  readonly symbol: string;
  /** Absolute path. */
  readonly file: string;
  readonly span: Span;
  readonly declaration: boolean;
}

export interface SymbolIndex {
  readonly symbols: ReadonlyMap<string, SymbolInfo>;
  /** The occurrence under `offset` in `file` (the innermost, when spans nest). */
  at(file: string, offset: number): Occurrence | undefined;
  /** Every occurrence of a symbol, declarations included, by file and position. */
  occurrencesOf(id: string): Occurrence[];
  /** Every occurrence in one file, by position. */
  inFile(file: string): readonly Occurrence[];
}

export function symbolId(kind: SymbolKind, span: Span): string {
  return `${kind}:${resolve(span.file)}:${span.start.offset}`;
}

export function moduleId(path: string): string {
  return `module:${resolve(path)}`;
}

export function buildIndex(files: ReadonlyMap<string, FileInfo>, units: readonly UnitView[]): SymbolIndex {
  const builder = new IndexBuilder();
  for (const info of files.values()) if (info.ast) builder.declarations(info);
  for (const unit of units) {
    for (const path of unit.files) {
      const info = files.get(path);
      if (info?.ast) new UnitResolver(builder, unit).file(info.ast);
    }
  }
  return builder.finish();
}

class IndexBuilder {
  readonly symbols = new Map<string, SymbolInfo>();
  private readonly occurrences = new Map<string, Occurrence>();

  declare(info: SymbolInfo): void {
    if (!this.symbols.has(info.id)) this.symbols.set(info.id, info);
    if (info.kind !== 'module') this.occur(info.id, info.span, true);
  }

  occur(symbol: string, span: Span, declaration = false): void {
    const file = resolve(span.file);
    const key = `${file}:${span.start.offset}:${span.end.offset}`;
    if (!this.occurrences.has(key)) this.occurrences.set(key, { symbol, file, span, declaration });
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
          for (const m of item.members) put('action', m, item, { container: item.name.name });
          break;
        case 'Record':
          put('record', item.name, item);
          for (const f of item.fields) put('field', f.name, f, { container: item.name.name });
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
    };
  }
}

/** What an expression resolves to before its position is known: a type, or a lone name. */
type Resolved = { readonly type: Type | null } | { readonly bare: A.Identifier };

const INT: Type = { kind: 'int', min: null, max: null };

/** Resolves the references of one unit's files through the unit's scope and types. */
class UnitResolver {
  constructor(
    private readonly index: IndexBuilder,
    private readonly unit: UnitView,
  ) {}

  file(ast: A.PolicyFile): void {
    for (const item of ast.items) this.item(item);
  }

  private item(item: A.Item): void {
    switch (item.kind) {
      case 'Use': {
        const target = this.moduleFile(item.module);
        if (target) {
          this.index.declare({ id: moduleId(target), kind: 'module', name: item.module.parts.map((p) => p.name).join('.'), file: target, span: fileStart(target), decl: null });
          this.index.occur(moduleId(target), item.module.span);
        }
        break;
      }
      case 'Input':
        this.typeRef(item.type);
        break;
      case 'Record':
        for (const f of item.fields) this.typeRef(f.type);
        break;
      case 'Context':
        this.condition(item.body);
        break;
      case 'Redline':
      case 'Rule':
      case 'Exemption':
        if (item.kind === 'Exemption') {
          for (const name of item.from) this.symbolRef(name);
        }
        this.condition(item.when);
        if (item.unless) this.condition(item.unless);
        this.action(item.action);
        break;
      case 'Default':
        this.action(item.action);
        break;
      default:
        break;
    }
  }

  /** The unit file a `use` resolved to: the loader puts it among the unit's files. */
  private moduleFile(name: A.QualifiedName): string | undefined {
    const suffix = `${sep}${name.parts.map((p) => p.name).join(sep)}.policy`;
    return this.unit.files.find((f) => f.endsWith(suffix));
  }

  private symbolRef(name: A.Identifier): void {
    const symbol = this.unit.scope.symbols.get(name.name);
    if (symbol) this.index.occur(symbolId(symbol.kind, symbol.decl.name.span), name.span);
  }

  private action(name: A.Identifier): void {
    const member = this.unit.scale?.members.find((m) => m.name === name.name);
    if (member) this.index.occur(symbolId('action', member.span), name.span);
  }

  private typeRef(ref: A.TypeRef): void {
    if (ref.kind === 'SetType') this.typeRef(ref.element);
    else if (ref.kind === 'NamedType') {
      const symbol = this.unit.scope.symbols.get(ref.name.name);
      if (symbol?.kind === 'enum' || symbol?.kind === 'record') this.symbolRef(ref.name);
    }
  }

  private condition(expr: A.Expr): void {
    this.bind(this.walk(expr), null);
  }

  private walk(expr: A.Expr): Resolved {
    switch (expr.kind) {
      case 'Paren':
        return this.walk(expr.inner);
      case 'BoolLiteral':
        return { type: BOOL };
      case 'IntLiteral':
        return { type: INT };
      case 'StringLiteral':
        return { type: STRING };
      case 'DateLiteral':
        return { type: DATE };
      case 'SetLiteral':
        for (const e of expr.elements) this.bind(this.walk(e), null);
        return { type: null };
      case 'Not':
        this.condition(expr.operand);
        return { type: BOOL };
      case 'Logical':
        for (const o of expr.operands) this.condition(o);
        return { type: BOOL };
      case 'Compare': {
        const left = this.walk(expr.left);
        const right = this.walk(expr.right);
        this.bind(left, typeOf(right));
        this.bind(right, typeOf(left));
        return { type: BOOL };
      }
      case 'In': {
        const element = this.walk(expr.element);
        this.bind(element, null);
        for (const e of expr.set.elements) this.bind(this.walk(e), typeOf(element));
        return { type: BOOL };
      }
      case 'Has': {
        const set = this.walk(expr.set);
        this.bind(set, null);
        const type = typeOf(set);
        this.bind(this.walk(expr.member), type?.kind === 'set' ? type.element : null);
        return { type: BOOL };
      }
      case 'Path':
        return this.path(expr);
    }
  }

  private path(expr: A.PathExpr): Resolved {
    const [head, ...rest] = expr.segments;
    const { inputName, inputType, scope, types } = this.unit;
    if (head!.name === inputName && inputType) {
      const input = scope.symbols.get(head!.name);
      if (input) this.index.occur(symbolId('input', input.decl.name.span), head!.span);
      let type: Type | null = inputType;
      for (const segment of rest) {
        if (type?.kind !== 'record') return { type: null };
        const field: RecordType['fields'][number] | undefined = type.fields.find((f) => f.name === segment.name);
        if (!field) return { type: null };
        this.index.occur(symbolId('field', field.span), segment.span);
        type = field.type;
      }
      return { type: rest.length === 0 ? null : type };
    }
    if (rest.length === 0) return { bare: head! };
    const symbol = scope.symbols.get(head!.name);
    if (symbol?.kind === 'enum' && rest.length === 1) {
      this.symbolRef(head!);
      const type = types.get(head!.name) as EnumType;
      this.member(type, rest[0]!);
      return { type };
    }
    if (symbol) this.symbolRef(head!);
    return { type: null };
  }

  /** A lone name gets its meaning from its position: a member of the expected enum, else a declared name. */
  private bind(resolved: Resolved, expected: Type | null): void {
    if (!('bare' in resolved)) return;
    const name = resolved.bare;
    if (expected?.kind === 'enum' && this.member(expected, name)) return;
    this.symbolRef(name);
  }

  private member(type: EnumType, name: A.Identifier): boolean {
    const symbol = this.unit.scope.symbols.get(type.name);
    if (symbol?.kind !== 'enum') return false;
    const member = symbol.decl.members.find((m) => m.name === name.name);
    if (!member) return false;
    this.index.occur(symbolId('member', member.span), name.span);
    return true;
  }
}

function typeOf(resolved: Resolved): Type | null {
  return 'type' in resolved ? resolved.type : null;
}

function fileStart(file: string): Span {
  const start = { offset: 0, line: 1, column: 1 };
  return { file, start, end: start };
}
