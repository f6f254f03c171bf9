import { basename } from 'node:path';
import type * as A from '../ast/nodes.js';
import { DiagnosticBag } from '../diagnostics/codes.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { fileSpan, type Span } from '../diagnostics/span.js';
import type { LoadedSet, Unit } from '../modules/load.js';
import { checkBecause, checkExemptionTargets } from './checks/clauses.js';
import { checkConfusableNames } from './checks/unicode.js';
import { checkExemptionReach } from './checks/exemptions.js';
import { checkExport, UNKNOWN_IN_VERSION } from './checks/export.js';
import { checkNeverFires, checkShadowedRules } from './checks/reachability.js';
import { ContextChecker } from './context-checker.js';
import { checkCondition, type ExpressionEnv } from './expressions.js';
import { guardedWhenTrue } from './guards.js';
import { ActionResolver, actionText, resolveOutcomes, type Outcomes } from './outcomes.js';
import type { ActionRef, CheckedClause, CheckedContext, CheckedExemption, CheckedValue, Condition, PolicySet, Program, RecordType } from './program.js';
import { resolveInputType, resolveTypes } from './resolve-types.js';
import { collectScope, type Scope } from './scope.js';
import { planVersion } from '../semantics/plan.js';

export type * from './program.js';

export interface UnitResult {
  /** Null when the unit has errors, or when it is a library (only types and a scale). */
  readonly program: Program | null;
  readonly diagnostics: readonly Diagnostic[];
  /** Contexts declared in the unit's files, and those some condition refers to. */
  readonly contexts: { readonly declared: readonly A.ContextDecl[]; readonly used: ReadonlySet<string> };
  /** The unit declares only types and maybe a scale: a module to `use`, not a policy. */
  readonly library: boolean;
}

export interface SetResult {
  readonly set: PolicySet | null;
  /** True when every unit is a library (types and a scale, nothing to decide): no set, and no error. */
  readonly library: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Checks a loaded policy set: each version as a program, then what spans versions (unused
 * contexts of shared modules, the date field). Diagnostics come sorted and without repeats
 * (a module used by three versions reports its problems once).
 */
export function checkSet(loaded: LoadedSet, sources: ReadonlyMap<string, string>): SetResult {
  const bag = new DiagnosticBag();
  const results = loaded.units.map((unit) => checkUnit(unit));
  bag.add(versionWideWarnings(loaded.units, results));
  reportUnusedContexts(results, bag);
  const programs = results.map((r) => r.program);
  const dated = loaded.units.some((u) => u.effective !== null);
  let dateField: string | null = null;
  if (dated && programs.every((p) => p !== null)) {
    dateField = 'date';
    for (const program of programs as Program[]) checkDateField(program, bag);
  }
  const diagnostics = dedupe(bag.items);
  const ok = !diagnostics.some((d) => d.severity === 'error') && programs.every((p) => p !== null) && programs.length > 0;
  return {
    set: ok ? { name: loaded.name, root: loaded.root, versions: programs as Program[], dateField, sources } : null,
    library: results.length > 0 && results.every((r) => r.library),
    diagnostics,
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
  bag.report('BL107', `the input \`${program.inputType.name}\` has no \`date: date\` field to pick the version in force`, program.inputType.span, {
    help: 'a policy set with `effective` dates decides by the input\'s date: add `date: date` to the input record',
  });
}

function dedupe(items: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return sortDiagnostics(items).filter((d) => {
    const key = `${d.code}|${d.span.file}|${d.span.start.offset}|${d.span.end.offset}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
    bag.report('BL401', `context \`${decl.name.name}\` is never used`, decl.name.span, {
      help: 'use it in a clause or another context, or delete it',
    });
  }
}

/** Checks one version: the root file and every module it uses, as one program. */
const HEADER_KINDS: ReadonlySet<string> = new Set<A.HeaderItem['kind']>(['PolicyHeader', 'VersionHeader', 'EffectiveHeader', 'SourceHeader']);

export function checkUnit(unit: Unit): UnitResult {
  return new UnitChecker(unit).run();
}

class UnitChecker {
  private readonly bag = new DiagnosticBag();
  private readonly scope: Scope;
  private readonly files: readonly A.PolicyFile[];

  constructor(private readonly unit: Unit) {
    this.files = unit.files.map((f) => f.ast);
    this.scope = collectScope(this.files, this.bag, unit.excluded);
    checkConfusableNames(this.files, this.bag);
  }

  run(): UnitResult {
    const { scope, bag } = this;
    const types = resolveTypes(scope, bag);
    const contextDecls = scope.byKind('context').map((s) => s.decl);
    const clauses = [...scope.byKind('redline'), ...scope.byKind('rule'), ...scope.byKind('exemption')];
    const inputs = scope.byKind('input');
    // A file with a header (`policy`, `version`, `effective`, `source`) means to be a policy:
    // declaring nothing to decide is then an error, not a library.
    const headed = this.unit.root.ast.items.some((i) => HEADER_KINDS.has(i.kind));
    const library = !headed && inputs.length === 0 && contextDecls.length === 0 && clauses.length === 0 && scope.defaults.length === 0;
    if (library) return { ...this.result(null, contextDecls, new Set()), library: true };
    const outcomes = resolveOutcomes(scope, bag, (scales) => this.single('scale', scales, 'scale Action { allow < remove }'));

    const input = this.single('input', inputs.map((i) => i.decl), 'input post: Post');
    const inputType = input ? resolveInputType(input, types, bag) : null;
    const contexts = new ContextChecker(contextDecls, bag, (decl) => this.text(decl.body.span));
    const env: ExpressionEnv = {
      scope,
      types,
      inputName: input?.name.name ?? null,
      inputType,
      bag,
      onContextReference: (name) => contexts.referenced(name),
      contextKind: (name) => contexts.kind(name),
      nextQuantifier: () => this.quantifiers++,
      source: (span) => this.text(span),
    };
    contexts.checkAll(env);
    const ordered = contexts.ordered();

    const actions = outcomes ? new ActionResolver(outcomes, bag) : null;
    const redlines: CheckedClause[] = [];
    const rules: CheckedClause[] = [];
    const exemptions: CheckedExemption[] = [];
    const exemptionDecls: [A.ExemptionDecl, CheckedExemption][] = [];
    const ruleNames = clauses.filter((c) => c.kind === 'rule').map((c) => c.decl.name.name);
    for (const { decl } of clauses) {
      checkBecause(decl, bag);
      const when = checkCondition(decl.when, env);
      // An `unless` is read only where the `when` holds: the `when`'s `exists` tests guard it.
      const unless = decl.unless ? checkCondition(decl.unless, env, when ? guardedWhenTrue(when, (n) => {
        const kind = env.contextKind(n);
        return kind?.kind === 'condition' ? kind.guards : [];
      }) : []) : null;
      const named = actions ? actions.resolve(decl.actions, decl.span) : null;
      if (!when || (decl.unless && !unless) || !named) continue;
      const base = {
        name: decl.name.name,
        when,
        unless,
        action: named.map(actionText).join(', '),
        actions: named,
        because: decl.because?.value ?? null,
        span: decl.span,
        nameSpan: decl.name.span,
      };
      if (decl.kind === 'Redline') redlines.push({ kind: 'redline', ...base });
      else if (decl.kind === 'Rule') rules.push({ kind: 'rule', ...base });
      else {
        // `from every rule`: every rule of the version, in declaration order.
        const from = decl.everyRule ? ruleNames : decl.from.map((f) => f.name);
        const exemption: CheckedExemption = { kind: 'exemption', ...base, from };
        exemptions.push(exemption);
        exemptionDecls.push([decl, exemption]);
      }
    }
    if (outcomes) {
      const ruleMap = new Map(rules.map((r) => [r.name, r]));
      for (const [decl, exemption] of exemptionDecls) checkExemptionTargets(decl, exemption, ruleMap, scope, outcomes, bag);
    }
    const defaultDecl = outcomes?.declared ? this.atMostOne('default', scope.defaults) : this.single('default', scope.defaults, 'default allow');
    const defaults = actions && (defaultDecl || outcomes?.declared) ? actions.defaults(defaultDecl) : null;

    if (bag.hasErrors || !inputType || !outcomes || !ordered || !defaults) {
      return this.result(null, contextDecls, contexts.used);
    }
    const checked = this.program(inputType, input!.name.name, types, outcomes, ordered, redlines, rules, exemptions, defaults, defaultDecl?.span ?? this.unitSpan());
    const exportMapping = checkExport(this.files, this.unit.root.ast, scope, checked, bag);
    const program = exportMapping ? { ...checked, exportMapping } : checked;
    const bodies = new Map<string, Condition>(ordered.contexts.map((c) => [c.name, c.body]));
    checkNeverFires([...redlines, ...rules, ...exemptions], bodies, bag);
    // Judged on the version's decision plan: which red line outranks which rule is the plan's to say.
    const plan = planVersion(program);
    checkShadowedRules(plan, bodies, bag);
    checkExemptionReach(plan, bodies, bag);
    return this.result(program, contextDecls, contexts.used);
  }

  private quantifiers = 0;

  private program(
    inputType: RecordType,
    inputName: string,
    types: Program['types'],
    outcomes: Outcomes,
    ordered: { contexts: CheckedContext[]; values: CheckedValue[] },
    redlines: CheckedClause[],
    rules: CheckedClause[],
    exemptions: CheckedExemption[],
    defaults: ActionRef[],
    defaultSpan: Span,
  ): Program {
    const root = this.unit.root;
    const header = <K extends A.HeaderItem['kind']>(kind: K) =>
      root.ast.items.find((i): i is Extract<A.HeaderItem, { kind: K }> => i.kind === kind);
    const effective = header('EffectiveHeader')?.date.value ?? null;
    return {
      name: header('PolicyHeader')?.name.parts.map((p) => p.name).join('.') ?? basename(root.path, '.policy'),
      version: header('VersionHeader')?.value.value ?? effective ?? basename(root.path, '.policy'),
      effective,
      source: header('SourceHeader')?.value.value ?? null,
      file: root.path,
      inputName,
      inputType,
      types,
      scale: outcomes.list[0]!.scale,
      outcomes: outcomes.list,
      declaredOutcomes: outcomes.declared,
      contexts: ordered.contexts,
      values: ordered.values,
      redlines,
      rules,
      exemptions,
      defaultAction: { action: defaults.map(actionText).join(', '), span: defaultSpan },
      defaults,
    };
  }

  /** At most one declaration of a kind (several are reported); none is null. */
  private atMostOne<T extends { span: Span }>(what: string, decls: readonly T[]): T | null {
    return decls.length === 0 ? null : this.single(what, decls, '');
  }

  /** Exactly one declaration of a kind: missing or repeated ones are reported. */
  private single<T extends { span: Span }>(what: string, decls: readonly T[], example: string): T | null {
    if (decls.length === 0) {
      this.bag.report('BL211', `no \`${what}\` declared`, this.unitSpan(), {
        help: `declare one, e.g. \`${example}\`, here or in a module this file uses`,
      });
      return null;
    }
    for (const extra of decls.slice(1)) {
      this.bag.report('BL212', `\`${what}\` is declared more than once`, extra.span, {
        notes: [{ message: 'first declared here', span: decls[0]!.span }],
        help: `a version has exactly one \`${what}\``,
      });
    }
    return decls[0]!;
  }

  private unitSpan(): Span {
    const first = this.unit.root.ast.items[0];
    return first ? first.span : fileSpan(this.unit.root.path);
  }

  private text(span: Span): string {
    const file = this.unit.files.find((f) => f.path === span.file);
    return file ? file.text.slice(span.start.offset, span.end.offset) : '';
  }

  private result(program: Program | null, declared: readonly A.ContextDecl[], used: ReadonlySet<string>): UnitResult {
    return { program, diagnostics: this.bag.items, contexts: { declared, used }, library: false };
  }
}
