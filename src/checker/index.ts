import type * as A from '../ast/nodes.js';
import { DiagnosticBag } from '../diagnostics/codes.js';
import { uniqueDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedSet, Unit } from '../modules/load.js';
import { CheckContext } from './check-context.js';
import { UNKNOWN_IN_VERSION } from './checks/export.js';
import { ERROR_PASSES, PASSES, runPasses, type Pass } from './passes.js';
import type { PolicySet, Program } from './program.js';
import { mergeReferences, type Reference } from './references.js';

export type * from './program.js';
export type { DeclarationKind, Reference } from './references.js';

export interface UnitResult {
  /** Null when the unit has errors, or when it is a library (only types and a scale). */
  readonly program: Program | null;
  readonly diagnostics: readonly Diagnostic[];
  /** Contexts declared in the unit's files, and those some condition refers to. */
  readonly contexts: { readonly declared: readonly A.ContextDecl[]; readonly used: ReadonlySet<string> };
  /** The unit declares only types and maybe a scale: a module to `use`, not a policy. */
  readonly library: boolean;
  /** Each name the checker resolved and the declaration it refers to (references.ts). */
  readonly references: readonly Reference[];
}

export interface SetResult {
  readonly set: PolicySet | null;
  /** True when every unit is a library (types and a scale, nothing to decide): no set, and no error. */
  readonly library: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** The references of every unit, once per place (the first version to resolve a shared module's name wins). */
  readonly references: readonly Reference[];
}

export interface CheckOptions {
  /**
   * False: only the passes that can find an error run (`ERROR_PASSES`), for a command that shows
   * diagnostics only when there is an error, and then checks again in full (start-up: the
   * reachability analysis is most of what this skips). The set, the errors and `library` are the
   * same either way; most warnings are missing.
   */
  readonly warnings?: boolean;
}

/**
 * Checks a loaded policy set: each version as a program, then what spans versions (unused
 * contexts of shared modules, the date field). Diagnostics come sorted and without repeats
 * (a module used by three versions reports its problems once).
 */
export function checkSet(loaded: LoadedSet, sources: ReadonlyMap<string, string>, options: CheckOptions = {}): SetResult {
  const bag = new DiagnosticBag();
  const warnings = options.warnings ?? true;
  const results = loaded.units.map((unit) => checkUnit(unit, warnings ? PASSES : ERROR_PASSES));
  bag.add(versionWideWarnings(loaded.units, results));
  if (warnings) reportUnusedContexts(results, bag);
  const programs = results.map((r) => r.program);
  const dated = loaded.units.some((u) => u.effective !== null);
  let dateField: string | null = null;
  if (dated && programs.every((p) => p !== null)) {
    dateField = 'date';
    for (const program of programs as Program[]) checkDateField(program, bag);
  }
  const diagnostics = uniqueDiagnostics(bag.items);
  const ok = !diagnostics.some((d) => d.severity === 'error') && programs.every((p) => p !== null) && programs.length > 0;
  return {
    set: ok ? { name: loaded.name, root: loaded.root, versions: programs as Program[], dateField, sources } : null,
    library: results.length > 0 && results.every((r) => r.library),
    diagnostics,
    references: mergeReferences(results.map((r) => r.references)),
  };
}

/**
 * Reachability warnings (BL402, BL403, BL407, BL408) depend on the version: a rule in a shared
 * module may be shadowed by one version's red line and decide in the others, an exemption
 * outranked by another only where both are used; a `statement` in a module may name a clause
 * or version only some versions have (BL555). Such a diagnostic is kept only when it holds in
 * every version that includes the file; everything else passes through.
 */
const PER_VERSION = new Set(['BL402', 'BL403', 'BL407', 'BL408', UNKNOWN_IN_VERSION]);

function versionWideWarnings(units: readonly Unit[], results: readonly UnitResult[]): Diagnostic[] {
  const kept: Diagnostic[] = [];
  const counts = new Map<string, { diagnostic: Diagnostic; count: number }>();
  results.forEach((result) => {
    for (const d of result.diagnostics) {
      if (!PER_VERSION.has(d.code)) {
        kept.push(d);
        continue;
      }
      const key = `${d.code}|${d.span.file}|${d.span.start.offset}`;
      const entry = counts.get(key) ?? { diagnostic: d, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  });
  for (const { diagnostic, count } of counts.values()) {
    const including = units.filter((u) => u.files.some((f) => f.path === diagnostic.span.file)).length;
    if (count === including) kept.push(diagnostic);
  }
  return kept;
}

function checkDateField(program: Program, bag: DiagnosticBag): void {
  const field = program.inputType.fields.find((f) => f.name === 'date');
  if (field?.type.kind === 'date') return;
  bag.emit('BL107', program.inputType.span, { input: program.inputType.name });
}

/** A context is unused when no version that sees it refers to it. */
function reportUnusedContexts(results: readonly UnitResult[], bag: DiagnosticBag): void {
  const used = new Set<string>();
  const declared = new Map<string, A.ContextDecl>();
  for (const r of results) {
    for (const name of r.contexts.used) used.add(`${name}`);
    for (const decl of r.contexts.declared) declared.set(`${decl.span.file}#${decl.name.name}`, decl);
  }
  for (const decl of declared.values()) {
    if (used.has(decl.name.name)) continue;
    bag.emit('BL401', decl.name.span, { context: decl.name.name });
  }
}

/** Checks one version, the root file and every module it uses, as one program: the checker's passes in order. */
export function checkUnit(unit: Unit, passes: readonly Pass[] = PASSES): UnitResult {
  const ctx = runPasses(new CheckContext(unit), passes);
  const declared = ctx.scope ? ctx.contextDecls() : [];
  const used = ctx.contexts?.used ?? new Set<string>();
  return { program: ctx.stopped ? null : ctx.program, diagnostics: ctx.bag.items, contexts: { declared, used }, library: ctx.library, references: ctx.references };
}
