import type * as A from '../ast/nodes.js';
import { planVersion } from '../semantics/plan.js';
import { CheckContext, need } from './check-context.js';
import { checkBecause, checkExemptionTargets } from './checks/clauses.js';
import { checkExemptionReach } from './checks/exemptions.js';
import { checkExport } from './checks/export.js';
import { checkNeverFires, checkShadowedRules } from './checks/reachability.js';
import { checkConfusableNames } from './checks/unicode.js';
import { ContextChecker } from './context-checker.js';
import { checkCondition } from './expressions.js';
import { guardedWhenTrue } from './guards.js';
import { ActionResolver, actionText, resolveOutcomes } from './outcomes.js';
import { buildProgram } from './build-program.js';
import type { CheckedExemption, Condition } from './program.js';
import { resolveInputType, resolveTypes } from './resolve-types.js';
import { collectScope } from './scope.js';

/**
 * One step of checking a version. The checker runs PASSES in order on one CheckContext; each
 * pass reads what earlier ones left there, reports into its bag and leaves its own findings.
 */
export interface Pass {
  readonly name: string;
  run(ctx: CheckContext): void;
  /** The pass finds only warnings (or what only such passes read): skipped when nobody shows warnings. */
  readonly warnsOnly?: true;
}

/** Declarations by name (a name declared twice is reported here). */
const scope: Pass = {
  name: 'scope',
  run: (ctx) => {
    ctx.scope = collectScope(ctx.files, ctx.bag, ctx.unit.excluded);
  },
};

const confusableNames: Pass = { name: 'confusable-names', warnsOnly: true, run: (ctx) => checkConfusableNames(ctx.files, ctx.bag) };

const types: Pass = {
  name: 'types',
  run: (ctx) => {
    ctx.types = resolveTypes(need(ctx.scope, 'scope'), ctx.bag, ctx.resolved);
  },
};

const HEADER_KINDS: ReadonlySet<string> = new Set<A.HeaderItem['kind']>(['PolicyHeader', 'VersionHeader', 'EffectiveHeader', 'SourceHeader']);

/** A unit that declares only types and maybe a scale is a library: nothing more to check. */
const library: Pass = {
  name: 'library',
  run: (ctx) => {
    const s = need(ctx.scope, 'scope');
    // A file with a header (`policy`, `version`, `effective`, `source`) means to be a policy:
    // declaring nothing to decide is then an error, not a library.
    const headed = ctx.unit.root.ast.items.some((i) => HEADER_KINDS.has(i.kind));
    if (headed || s.byKind('input').length > 0 || ctx.contextDecls().length > 0 || ctx.clauses().length > 0 || s.defaults.length > 0) return;
    ctx.library = true;
    ctx.stopped = true;
  },
};

const outcomes: Pass = {
  name: 'outcomes',
  run: (ctx) => {
    ctx.outcomes = resolveOutcomes(need(ctx.scope, 'scope'), ctx.bag, (scales) => ctx.single('scale', scales, 'scale Action { allow < remove }'), ctx.resolved);
  },
};

const input: Pass = {
  name: 'input',
  run: (ctx) => {
    ctx.input = ctx.single('input', need(ctx.scope, 'scope').byKind('input').map((i) => i.decl), 'input post: Post');
    ctx.inputType = ctx.input ? resolveInputType(ctx.input, need(ctx.types, 'types'), ctx.bag, ctx.resolved) : null;
  },
};

/** Contexts in dependency order (cycles, depth, what each one is); the environment clauses are checked in. */
const contexts: Pass = {
  name: 'contexts',
  run: (ctx) => {
    const checker = new ContextChecker(ctx.contextDecls(), ctx.bag, (decl) => ctx.text(decl.body.span));
    ctx.contexts = checker;
    ctx.env = {
      scope: need(ctx.scope, 'scope'),
      types: need(ctx.types, 'types'),
      inputName: ctx.input?.name.name ?? null,
      inputType: ctx.inputType,
      bag: ctx.bag,
      onContextReference: (name) => checker.referenced(name),
      contextKind: (name) => checker.kind(name),
      nextQuantifier: () => ctx.quantifiers++,
      source: (span) => ctx.text(span),
      resolved: ctx.resolved,
    };
    checker.checkAll(ctx.env);
    ctx.ordered = checker.ordered();
  },
};

/** Each red line, rule and exemption: its `because`, its conditions and its actions. */
const clauses: Pass = {
  name: 'clauses',
  run: (ctx) => {
    const env = need(ctx.env, 'contexts');
    ctx.actions = ctx.outcomes ? new ActionResolver(ctx.outcomes, ctx.bag, need(ctx.scope, 'scope'), ctx.resolved) : null;
    const all = ctx.clauses();
    const ruleNames = all.filter((c) => c.kind === 'rule').map((c) => c.decl.name.name);
    for (const { decl } of all) {
      checkBecause(decl, ctx.bag);
      const when = checkCondition(decl.when, env);
      // An `unless` is read only where the `when` holds: the `when`'s `exists` tests guard it.
      const unless = decl.unless ? checkCondition(decl.unless, env, when ? guardedWhenTrue(when, (n) => {
        const kind = env.contextKind(n);
        return kind?.kind === 'condition' ? kind.guards : [];
      }) : []) : null;
      const named = ctx.actions ? ctx.actions.resolve(decl.actions, decl.span) : null;
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
      if (decl.kind === 'Redline') ctx.redlines.push({ kind: 'redline', ...base });
      else if (decl.kind === 'Rule') ctx.rules.push({ kind: 'rule', ...base });
      else {
        // `from every rule`: every rule of the version, in declaration order.
        const from = decl.everyRule ? ruleNames : decl.from.map((f) => f.name);
        const exemption: CheckedExemption = { kind: 'exemption', ...base, from };
        ctx.exemptions.push(exemption);
        ctx.exemptionDecls.push([decl, exemption]);
      }
    }
  },
};

/** What each exemption names: rules of the version, no red line, no more severe action. */
const exemptionTargets: Pass = {
  name: 'exemption-targets',
  run: (ctx) => {
    if (!ctx.outcomes) return;
    const ruleMap = new Map(ctx.rules.map((r) => [r.name, r]));
    for (const [decl, exemption] of ctx.exemptionDecls) checkExemptionTargets(decl, exemption, ruleMap, need(ctx.scope, 'scope'), ctx.outcomes, ctx.bag, ctx.resolved);
  },
};

const defaults: Pass = {
  name: 'defaults',
  run: (ctx) => {
    const declared = ctx.outcomes?.declared;
    const decls = need(ctx.scope, 'scope').defaults;
    ctx.defaultDecl = declared ? ctx.atMostOne('default', decls) : ctx.single('default', decls, 'default allow');
    ctx.defaults = ctx.actions && (ctx.defaultDecl || declared) ? ctx.actions.defaults(ctx.defaultDecl) : null;
  },
};

/** The checked program, once nothing above reported an error; else the check stops here. */
const program: Pass = {
  name: 'program',
  run: (ctx) => {
    if (ctx.bag.hasErrors || !ctx.inputType || !ctx.outcomes || !ctx.ordered || !ctx.defaults) {
      ctx.stopped = true;
      return;
    }
    ctx.program = buildProgram(ctx, ctx.inputType, ctx.outcomes, ctx.ordered, ctx.defaults);
    ctx.bodies = new Map<string, Condition>(ctx.ordered.contexts.map((c) => [c.name, c.body]));
  },
};

/** The `statement` declarations (statements of reasons), checked against the program. */
const exportMapping: Pass = {
  name: 'export',
  run: (ctx) => {
    const checked = need(ctx.program, 'program');
    const mapping = checkExport(ctx.files, ctx.unit.root.ast, need(ctx.scope, 'scope'), checked, ctx.bag);
    if (mapping) ctx.program = { ...checked, exportMapping: mapping };
  },
};

const neverFires: Pass = {
  name: 'never-fires',
  warnsOnly: true,
  run: (ctx) => checkNeverFires([...ctx.redlines, ...ctx.rules, ...ctx.exemptions], need(ctx.bodies, 'program'), ctx.bag),
};

// Judged on the version's decision plan: which red line outranks which rule is the plan's to say.
const plan: Pass = {
  name: 'plan',
  warnsOnly: true,
  run: (ctx) => {
    ctx.plan = planVersion(need(ctx.program, 'program'));
  },
};

const shadowedRules: Pass = {
  name: 'shadowed-rules',
  warnsOnly: true,
  run: (ctx) => checkShadowedRules(need(ctx.plan, 'plan'), need(ctx.bodies, 'program'), ctx.bag),
};

const exemptionReach: Pass = {
  name: 'exemption-reach',
  warnsOnly: true,
  run: (ctx) => checkExemptionReach(need(ctx.plan, 'plan'), need(ctx.bodies, 'program'), ctx.bag),
};

/** The checker's passes, in the order they run (docs/architecture.md lists them). */
export const PASSES: readonly Pass[] = [
  scope,
  confusableNames,
  types,
  library,
  outcomes,
  input,
  contexts,
  clauses,
  exemptionTargets,
  defaults,
  program,
  exportMapping,
  neverFires,
  plan,
  shadowedRules,
  exemptionReach,
];

/** The passes that can report an error: what a command that shows no warnings needs. */
export const ERROR_PASSES: readonly Pass[] = PASSES.filter((p) => !p.warnsOnly);

/** Runs `passes` in order on a fresh context for `unit`, until one stops the check. */
export function runPasses(ctx: CheckContext, passes: readonly Pass[] = PASSES): CheckContext {
  for (const pass of passes) {
    pass.run(ctx);
    if (ctx.stopped) break;
  }
  return ctx;
}
