import { dirname, join, resolve } from 'node:path';
import type * as A from '../ast/nodes.js';
import { checkSet, type Reference, type SetResult } from '../checker/index.js';
import type { EnumType, RecordType } from '../checker/program.js';
import { resolveInputType, resolveTypes } from '../checker/resolve-types.js';
import { collectScope, type Scope } from '../checker/scope.js';
import { DiagnosticBag } from '../diagnostics/codes.js';
import { uniqueDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { diskHost, overlayHost, type SourceHost } from '../modules/host.js';
import { loadPolicySet, type LoadOptions } from '../modules/load.js';
import { parse } from '../syntax/parse.js';
import { LineMap } from './positions.js';
import { buildIndex, type SymbolIndex } from './symbols-index.js';

/** One file as the language server sees it: absolute path, text, and its tree when it parses. */
export interface FileInfo {
  readonly path: string;
  readonly text: string;
  readonly ast: A.PolicyFile | null;
  readonly lines: LineMap;
}

/** One version (or a lone file): its files in `use` order and what the checker resolves from them. */
export interface UnitView {
  readonly root: string;
  /** Absolute paths, modules first, as the loader orders them. */
  readonly files: readonly string[];
  readonly scope: Scope;
  readonly types: ReadonlyMap<string, EnumType | RecordType>;
  readonly inputName: string | null;
  readonly inputType: RecordType | null;
  /**
   * The outcomes the unit decides, in declaration order, each with its scale: the `outcome`
   * declarations whose scale is declared, or (Bylaw 1) one outcome, `action`, on the one scale.
   */
  readonly outcomes: readonly OutcomeView[];
}

export interface OutcomeView {
  readonly name: string;
  /** Null for Bylaw 1's implicit `action`. */
  readonly decl: A.OutcomeDecl | null;
  readonly scale: A.ScaleDecl;
}

/**
 * Everything known about one target (a policy set folder, or a lone file): the files read, the
 * units, and the symbol index built from them. Diagnostics come from the checker on demand.
 */
export interface Analysis {
  /** Absolute path of the folder or file given to the loader. */
  readonly root: string;
  /** True when every file parsed and every `use` resolved: the units and index are complete. */
  readonly loaded: boolean;
  readonly files: ReadonlyMap<string, FileInfo>;
  readonly units: readonly UnitView[];
  /** Built on first use, from the checker's references where the target was checked (symbols-index.ts). */
  readonly index: SymbolIndex;
  /** Load and checker diagnostics, sorted; computed once, lazily. */
  diagnostics(): readonly Diagnostic[];
  /** The checker's references (computed with the diagnostics); null when the target did not load, and so was not checked. */
  references(): readonly Reference[] | null;
}

const EXTENSION = '.policy';

/** The folder when it is a policy set (some file in it declares `effective`), else the file alone. */
export function targetFor(path: string, host: SourceHost): string {
  const folder = dirname(path);
  const names = host.list(folder).filter((n) => n.endsWith(EXTENSION));
  const candidates = new Set([...names.map((n) => join(folder, n)), path]);
  for (const file of candidates) {
    const text = host.readFile(file);
    if (text !== null && /^[ \t]*effective[ \t]+\d/m.test(text)) return resolve(folder);
  }
  return resolve(path);
}

/** Loads a target through `host` and builds its units and index. Never throws on user mistakes. */
export function analyze(root: string, host: SourceHost, options: Omit<LoadOptions, 'host'> = {}): Analysis {
  const loaded = loadPolicySet(root, { ...options, host });
  const files = new Map<string, FileInfo>();
  for (const [path, text] of loaded.sources) {
    const absolute = resolve(path);
    if (!files.has(absolute)) files.set(absolute, { path: absolute, text, ast: null, lines: new LineMap(text) });
  }
  const units: UnitView[] = [];
  for (const unit of loaded.set?.units ?? []) {
    for (const file of unit.files) {
      const absolute = resolve(file.path);
      files.set(absolute, { path: absolute, text: file.text, ast: file.ast, lines: files.get(absolute)?.lines ?? new LineMap(file.text) });
    }
    units.push(unitView(unit.root.path, unit.files.map((f) => f.ast), unit.files.map((f) => resolve(f.path)), unit.excluded));
  }
  // The loader hands out trees only inside units: parse the other files it read (modules no
  // version uses, every file when the set did not load) for their declarations and outline.
  for (const [path, info] of files) {
    if (info.ast !== null) continue;
    const ast = parse(info.text, path).ast;
    if (ast) files.set(path, { ...info, ast });
  }
  let diagnostics: readonly Diagnostic[] | null = null;
  let checked: SetResult | null | undefined;
  const check = () => (checked === undefined ? (checked = loaded.set ? checkSet(loaded.set, loaded.sources) : null) : checked);
  let index: SymbolIndex | null = null;
  return {
    root: resolve(root),
    loaded: loaded.set !== null,
    files,
    units,
    get index() {
      return (index ??= buildIndex(files, units, check()?.references ?? []));
    },
    diagnostics() {
      if (diagnostics) return diagnostics;
      diagnostics = uniqueDiagnostics([...loaded.diagnostics, ...(check()?.diagnostics ?? [])]);
      return diagnostics;
    },
    references: () => check()?.references ?? null,
  };
}

function unitView(root: string, asts: readonly A.PolicyFile[], paths: readonly string[], excluded: ReadonlyMap<string, readonly A.Identifier[]>): UnitView {
  const bag = new DiagnosticBag(); // the checker reports these; here we only want the resolution
  const scope = collectScope(asts, bag, excluded);
  const types = resolveTypes(scope, bag);
  const input = scope.byKind('input')[0]?.decl ?? null;
  const inputType = input ? resolveInputType(input, types, bag) : null;
  return { root: resolve(root), files: paths, scope, types, inputName: input?.name.name ?? null, inputType, outcomes: outcomesOf(scope) };
}

/** What the checker's resolveOutcomes finds, without its reports: declared outcomes on declared scales, else the one scale. */
function outcomesOf(scope: Scope): OutcomeView[] {
  const scaleOf = (name: string) => {
    const symbol = scope.symbols.get(name);
    return symbol?.kind === 'scale' ? symbol.decl : null;
  };
  if (scope.outcomes.length === 0) {
    const scale = scope.byKind('scale')[0]?.decl;
    return scale ? [{ name: 'action', decl: null, scale }] : [];
  }
  const outcomes: OutcomeView[] = [];
  for (const decl of scope.outcomes) {
    const scale = scaleOf(decl.scale.name);
    if (scale && !outcomes.some((o) => o.name === decl.name.name)) outcomes.push({ name: decl.name.name, decl, scale });
  }
  return outcomes;
}

export interface OpenDocument {
  readonly path: string;
  readonly text: string;
  readonly version: number;
}

/**
 * The open documents over a base host (the disk), and the analyses of the targets they belong to.
 * Analyses are rebuilt lazily after a change; the last complete analysis of each target is kept so
 * that navigation keeps working in unchanged files while another file has a syntax error.
 */
export class Workspace {
  private readonly documents = new Map<string, OpenDocument>();
  private current: Map<string, Analysis> | null = null;
  /** The analyses of the last rebuild, reused for targets whose files did not change. */
  private previous = new Map<string, Analysis>();
  private readonly lastLoaded = new Map<string, Analysis>();

  constructor(
    private readonly base: SourceHost = diskHost,
    private readonly options: Omit<LoadOptions, 'host'> = {},
  ) {}

  /** The host the loader reads through: open documents first, then the base. */
  get host(): SourceHost {
    return overlayHost(new Map([...this.documents.values()].map((d) => [d.path, d.text])), this.base);
  }

  open(path: string, text: string, version = 0): void {
    this.documents.set(resolve(path), { path: resolve(path), text, version });
    this.invalidate();
  }

  change(path: string, text: string, version = 0): void {
    this.open(path, text, version);
  }

  close(path: string): void {
    this.documents.delete(resolve(path));
    this.invalidate();
  }

  /** Forget every analysis: after an edit, or when files changed on disk. */
  invalidate(): void {
    this.current = null;
  }

  openDocuments(): OpenDocument[] {
    return [...this.documents.values()];
  }

  document(path: string): OpenDocument | undefined {
    return this.documents.get(resolve(path));
  }

  /** The text of a file: the open document, else what the base host reads. */
  textOf(path: string): string | null {
    return this.documents.get(resolve(path))?.text ?? this.base.readFile(path);
  }

  /** The analyses of every target an open document belongs to. */
  analyses(): Analysis[] {
    if (!this.current) this.current = this.rebuild();
    return [...this.current.values()];
  }

  /**
   * The analysis to answer a question about `path`: the current one when it has the file's tree,
   * else the last complete one when the file's text is unchanged since (a broken neighbour must not
   * stop navigation), else whatever current analysis holds the file.
   */
  analysisFor(path: string): Analysis | null {
    const absolute = resolve(path);
    const text = this.textOf(absolute);
    const holding = this.analyses().filter((a) => a.files.has(absolute));
    const good = holding.find((a) => a.loaded && a.units.some((u) => u.files.includes(absolute)));
    if (good) return good;
    for (const a of holding) {
      const previous = this.lastLoaded.get(a.root);
      if (previous && previous.files.get(absolute)?.text === text) return previous;
    }
    if (holding[0]) return holding[0];
    if (text === null) return null;
    return analyze(targetFor(absolute, this.host), this.host, this.options);
  }

  /**
   * Names and types for completion in `path`, whose text may not parse while it is being typed:
   * the current analysis when it loaded, else the last one that did (names rarely change mid-edit).
   */
  namesFor(path: string): Analysis | null {
    const absolute = resolve(path);
    const current = this.analysisFor(absolute);
    if (current?.loaded) return current;
    const root = current?.root ?? targetFor(absolute, this.host);
    return this.lastLoaded.get(root) ?? current;
  }

  private rebuild(): Map<string, Analysis> {
    const host = this.host;
    const previous = this.previous;
    const result = new Map<string, Analysis>();
    const get = (root: string): Analysis => {
      let analysis = result.get(root);
      if (!analysis) {
        const before = previous.get(root);
        // A target none of whose files changed keeps its analysis (and its checked diagnostics).
        analysis = before && unchanged(before, host) ? before : analyze(root, host, this.options);
        result.set(root, analysis);
      }
      return analysis;
    };
    for (const doc of this.documents.values()) {
      if (!doc.path.endsWith(EXTENSION)) continue;
      const analysis = get(targetFor(doc.path, host));
      // A module no version uses is still checked, on its own.
      if (analysis.root !== doc.path && analysis.loaded && !analysis.units.some((u) => u.files.includes(doc.path))) get(doc.path);
    }
    for (const [root, analysis] of result) if (analysis.loaded) this.lastLoaded.set(root, analysis);
    this.previous = result;
    return result;
  }
}

/** True when every file the analysis read (and, for a policy set, the set's file list) is as it was. */
function unchanged(analysis: Analysis, host: SourceHost): boolean {
  for (const [path, info] of analysis.files) if (host.readFile(path) !== info.text) return false;
  if (!host.isDirectory(analysis.root)) return true;
  const policies = host.list(analysis.root).filter((n) => n.endsWith(EXTENSION));
  return policies.every((n) => analysis.files.has(join(analysis.root, n)));
}
