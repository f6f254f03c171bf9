import { basename, dirname, join, resolve, relative, sep } from 'node:path';
import type { EffectiveHeader, Identifier, PolicyFile, UseDecl } from '../ast/nodes.js';
import { DiagnosticBag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fileSpan } from '../diagnostics/span.js';
import { compareCodePoints } from '../diagnostics/text.js';
import { decodeSource } from '../syntax/encoding.js';
import { parse } from '../syntax/parse.js';
import type { SourceHost } from './host.js';

/** One parsed file, named by the path it was given as (relative paths stay relative, for messages). */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
  readonly ast: PolicyFile;
}

/** The files one version sees, in declaration order: modules first (depth-first, in `use` order), then itself. */
export interface Unit {
  readonly root: SourceFile;
  readonly files: readonly SourceFile[];
  readonly effective: EffectiveHeader | null;
  /** Per module file: the names a `use … except` leaves out of it. */
  readonly excluded: ReadonlyMap<string, readonly Identifier[]>;
}

export interface LoadedSet {
  readonly name: string;
  readonly root: string;
  /** One unit per version, sorted by effective date; a lone file gives one undated unit. */
  readonly units: readonly Unit[];
}

export interface LoadResult {
  readonly set: LoadedSet | null;
  readonly diagnostics: readonly Diagnostic[];
  /** Text of every file read, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
}

/** Everything the loader needs, spelled out: no default reaches for the disk or the process, so a page can load from memory. */
export interface LoaderOptions {
  readonly host: SourceHost;
  /** Folders searched for `use` after the file's own folder and enclosing `stdlib/` folders. */
  readonly libraryPaths: readonly string[];
  /** Relative paths are taken from this folder (the process's working folder for the CLI), and paths under it are shown relative to it. */
  readonly cwd: string;
}

/**
 * Loads a policy set (a folder whose files declaring `effective` are its versions) or a single
 * file, with every module they `use`. Never throws for user mistakes: they come back as diagnostics.
 */
export function loadWith(root: string, options: LoaderOptions): LoadResult {
  return new Loader(options).loadSet(root);
}

const EXTENSION = '.policy';

class Loader {
  private readonly host: SourceHost;
  private readonly libraryPaths: readonly string[];
  private readonly cwd: string;
  private readonly bag = new DiagnosticBag();
  private readonly sources = new Map<string, string>();
  /** Parsed files by absolute path; null when unreadable or with syntax errors. */
  private readonly parsed = new Map<string, SourceFile | null>();

  constructor(options: LoaderOptions) {
    this.host = options.host;
    this.libraryPaths = options.libraryPaths;
    this.cwd = options.cwd;
  }

  loadSet(root: string): LoadResult {
    const set = this.host.isDirectory(root) ? this.loadFolder(root) : this.loadFile(root);
    return { set: this.bag.hasErrors ? null : set, diagnostics: this.bag.items, sources: this.sources };
  }

  private loadFile(path: string): LoadedSet | null {
    if (!path.endsWith(EXTENSION) && !this.host.isFile(path)) {
      this.bag.emit('BL106', fileSpan(path), { path, missing: true });
      return null;
    }
    const file = this.read(path, null);
    if (!file) return null;
    const unit = this.unit(file);
    return unit ? { name: policyName(file), root: path, units: [unit] } : null;
  }

  private loadFolder(folder: string): LoadedSet | null {
    const files = this.host
      .list(folder)
      .filter((name) => name.endsWith(EXTENSION))
      .map((name) => this.read(join(folder, name), null));
    if (files.length === 0) {
      this.bag.emit('BL103', fileSpan(folder), { kind: 'empty-folder', folder });
      return null;
    }
    const loaded = files.filter((f): f is SourceFile => f !== null);
    const versions = loaded.filter((f) => effectiveOf(f.ast) !== null);
    for (const file of loaded) {
      const version = file.ast.items.find((i) => i.kind === 'VersionHeader');
      if (version && !effectiveOf(file.ast)) {
        this.bag.emit('BL103', version.span, { kind: 'no-effective', file: file.path });
      }
    }
    if (versions.length === 0 && loaded.length === files.length && !this.bag.hasErrors) {
      this.bag.emit('BL103', fileSpan(folder), { kind: 'no-version', folder });
      return null;
    }
    // No version read: every file failed to read or parse (or declares none), and that is
    // reported; there is no set, and no file to name it after.
    if (versions.length === 0) return null;
    this.checkEffectiveDates(versions);
    const units = versions
      .sort((a, b) => compareCodePoints(effectiveOf(a.ast)!.date.value, effectiveOf(b.ast)!.date.value))
      .map((v) => this.unit(v));
    if (units.some((u) => u === null)) return null;
    return { name: policyName(versions[0]!), root: folder, units: units as Unit[] };
  }

  private checkEffectiveDates(versions: readonly SourceFile[]): void {
    const seen = new Map<string, SourceFile>();
    for (const file of versions) {
      const effective = effectiveOf(file.ast)!;
      const other = seen.get(effective.date.value);
      if (other) {
        this.bag.emit('BL104', effective.span, { date: effective.date.value, other: other.path, otherSpan: effectiveOf(other.ast)!.span });
      } else {
        seen.set(effective.date.value, file);
      }
    }
  }

  /** The file and everything it uses, depth first; reports unresolved modules and cycles. */
  private unit(root: SourceFile): Unit | null {
    const order: SourceFile[] = [];
    const done = new Set<string>();
    const stack: { file: SourceFile; via: UseDecl | null }[] = [];
    const excluded = new Map<string, Identifier[]>();
    let ok = true;
    const visit = (file: SourceFile, via: UseDecl | null): void => {
      const key = resolve(this.cwd, file.path);
      if (done.has(key)) return;
      const cycleStart = stack.findIndex((s) => resolve(this.cwd, s.file.path) === key);
      if (cycleStart >= 0) {
        const chain = [...stack.slice(cycleStart).map((s) => s.file), file].map((f) => moduleName(f.path));
        this.bag.emit('BL102', via!.span, { chain, uses: stack.slice(cycleStart + 1).map((s) => ({ module: moduleName(s.file.path), span: s.via!.span })) });
        ok = false;
        return;
      }
      stack.push({ file, via });
      for (const item of file.ast.items) {
        if (item.kind !== 'Use') continue;
        const used = this.resolveUse(file, item);
        if (used === undefined) ok = false;
        else if (used !== null) {
          // The span of every declaration carries its file's path as parsed: the key the checker looks up.
          if (item.except.length > 0) excluded.set(used.ast.span.file, [...(excluded.get(used.ast.span.file) ?? []), ...item.except]);
          visit(used, item);
        }
      }
      stack.pop();
      done.add(key);
      order.push(file);
    };
    visit(root, null);
    return ok ? { root, files: order, effective: effectiveOf(root.ast), excluded } : null;
  }

  /** The module a `use` names: a sibling file, then `stdlib/` in enclosing folders, then the bundled stdlib. */
  private resolveUse(from: SourceFile, use: UseDecl): SourceFile | null | undefined {
    const parts = use.module.parts.map((p) => p.name);
    const relativePath = join(...parts) + EXTENSION;
    for (const folder of this.searchFolders(from.path)) {
      const candidate = join(folder, relativePath);
      if (this.host.isFile(candidate)) return this.read(displayPath(candidate, this.cwd), use) ?? undefined;
    }
    const known = this.searchFolders(from.path).flatMap((f) =>
      this.host.list(f).filter((n) => n.endsWith(EXTENSION)).map((n) => n.slice(0, -EXTENSION.length)),
    );
    this.bag.emit('BL101', use.module.span, { module: parts.join('.'), looked: relativePath, known });
    return undefined;
  }

  private searchFolders(path: string): string[] {
    const folders = [dirname(path)];
    let current = resolve(this.cwd, dirname(path));
    for (;;) {
      folders.push(join(current, 'stdlib'));
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    return [...new Set([...folders, ...this.libraryPaths])];
  }

  private read(path: string, via: UseDecl | null): SourceFile | null {
    const key = resolve(this.cwd, path);
    if (this.parsed.has(key)) return this.parsed.get(key)!;
    const bytes = this.host.readBytes ? this.host.readBytes(path) : null;
    const decoded = bytes ? decodeSource(bytes, path) : null;
    if (decoded) this.bag.add(decoded.diagnostics);
    const text = this.host.readBytes ? (decoded?.text ?? null) : this.host.readFile(path);
    if (text === null) {
      this.bag.emit('BL106', via?.span ?? fileSpan(path), { path, missing: false });
      this.parsed.set(key, null);
      return null;
    }
    this.sources.set(path, text);
    const result = parse(text, path);
    this.bag.add(result.diagnostics);
    const file = result.ast ? { path, text, ast: result.ast } : null;
    this.parsed.set(key, file);
    return file;
  }
}

function effectiveOf(ast: PolicyFile): EffectiveHeader | null {
  return (ast.items.find((i) => i.kind === 'EffectiveHeader') as EffectiveHeader | undefined) ?? null;
}

function policyName(file: SourceFile): string {
  const header = file.ast.items.find((i) => i.kind === 'PolicyHeader');
  return header ? header.name.parts.map((p) => p.name).join('.') : moduleName(file.path);
}

function moduleName(path: string): string {
  return basename(path, EXTENSION);
}

/** Paths inside the working folder are shown relative to it; others absolute. */
function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, path));
  return rel.startsWith('..') || rel === '' ? resolve(cwd, path) : rel.split(sep).join('/');
}
