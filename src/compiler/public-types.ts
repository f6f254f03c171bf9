/**
 * The public types of a generated module that carry the policy's own names: `Decision` (and each
 * outcome's part, `ContentDecision`), `ClauseTrace`, `Explanation`, `DecideResult`. Their general
 * shapes are src/runtime/types.ts (what the interpreter returns); a test holds these assignable
 * to those. The types that carry no policy names (SourceRef, ConditionTrace, InputProblem,
 * Validation, Basis) come from the runtime as they are.
 *
 * A decision (Bylaw 1) and each outcome's part (declared outcomes, LANGUAGE-2 §3) is a union on
 * `basis`: `clause` is a string exactly when the basis is not `default`, and `action`, `clause`
 * and `exemption` are unions of what the plan can give with that basis — read off the plan's
 * answers (src/semantics/plan.ts), never re-derived. On a scale with members that carry a
 * duration, each such member gets its own union member with `duration` required and typed as the
 * durations the policy gives it; every other member says `duration?: never`.
 */
import type { Answer, Basis, OutcomePlan, SetPlan } from '../semantics/plan.js';
import { durationHours, isoDuration } from '../semantics/durations.js';
import { jsString, propertyKey } from './names.js';
import type { TypeModel } from './types.js';

/**
 * Decision, ClauseTrace, Explanation and DecideResult of a set. `quantifiers`: some clause reads
 * a quantifier, so explanations may carry quantifier traces.
 */
export function publicTypes(plan: SetPlan, types: TypeModel, quantifiers: boolean): string[] {
  const order = declarationOrder(plan);
  const flat = plan.versions.filter((v) => !v.program.declaredOutcomes);
  const declared = plan.versions.filter((v) => v.program.declaredOutcomes);
  const out: string[] = [];
  // Bylaw 1 versions: the decision itself is the union (its parts plus `version`).
  const flatMembers = flat.length === 0 ? [] : membersOf(flat.map((v) => v.outcomes[0]!), scaleOf(types, flat[0]!.outcomes[0]!), order, true);

  // Declared outcomes: one part type per outcome name, across the versions that declare it.
  const byOutcome = new Map<string, OutcomePlan[]>();
  for (const version of declared) {
    for (const o of version.outcomes) {
      const list = byOutcome.get(o.decl.name);
      if (list) list.push(o);
      else byOutcome.set(o.decl.name, [o]);
    }
  }
  for (const [outcome, plans] of byOutcome) {
    out.push(`/** One outcome's part of a decision: narrow on \`basis\`; \`clause\` is a string exactly when it is not "default". */`);
    out.push(`export type ${types.outcomeTypes.get(outcome)!} =`);
    out.push(...membersOf(plans, scaleOf(types, plans[0]!), order, false));
    out[out.length - 1] += ';';
    out.push('');
  }

  // One shape per distinct list of outcomes (every version of a set usually decides the same ones).
  const shapes: string[] = [];
  for (const { program } of declared) {
    const parts = program.outcomes.map((o) => `readonly ${propertyKey(o.name)}: ${types.outcomeTypes.get(o.name)!}`);
    const shape = `{ readonly version: string; readonly outcomes: { ${parts.join('; ')} } }`;
    if (!shapes.includes(shape)) shapes.push(shape);
  }
  if (flat.length === 0 && shapes.length === 1) {
    out.push('export interface Decision {');
    out.push('  /** The version in force (its `version` header). */');
    out.push('  readonly version: string;');
    out.push('  /** One part per outcome, in the order the policy declares them. */');
    out.push('  readonly outcomes: {');
    for (const o of declared[0]!.program.outcomes) out.push(`    readonly ${propertyKey(o.name)}: ${types.outcomeTypes.get(o.name)!};`);
    out.push('  };');
    out.push('}');
  } else {
    if (shapes.length === 0) {
      out.push('/** What decided, and how: narrow on `basis`; `clause` is a string exactly when it is not "default". */');
    } else {
      out.push('/** Versions decide different outcomes: one shape per version (narrow on `"outcomes" in d`, then on `basis`). */');
    }
    out.push('export type Decision =');
    out.push(...flatMembers, ...shapes.map((s) => `  | ${s}`));
    out[out.length - 1] += ';';
  }
  out.push('');
  out.push(...traceTypes(declared.length === 0 ? types.actionType : 'string', quantifiers).split('\n'));
  return out;
}

function traceTypes(action: string, quantifiers: boolean): string {
  const quantified = quantifiers
    ? `
  /** The quantifiers its conditions read (through contexts too) and the elements each matched; absent when none. */
  readonly quantifiers?: readonly { readonly text: string; readonly matched: readonly number[]; readonly of: number; readonly at: SourceRef }[];`
    : '';
  return `export interface ClauseTrace {
  readonly kind: "redline" | "rule" | "exemption";
  readonly name: string;
  readonly action: ${action};
  readonly at: SourceRef;
  readonly when: ConditionTrace;
  readonly unless: ConditionTrace | null;
  /** \`when\` holds and \`unless\` does not. */
  readonly holds: boolean;
  /** Red lines and rules: \`holds\`. Exemptions: applied to at least one fired rule. */
  readonly fired: boolean;
  /** Why it did not fire (or did not apply); null when it did. */
  readonly reason: string | null;
  /** Rules: the exemption applied to it (the one it prefers among those that hold), if any. */
  readonly exemptedBy: string | null;
  /** Exemptions: the fired rules it was applied to. */
  readonly appliedTo: readonly string[];
  readonly because: string | null;${quantified}
}

export interface Explanation {
  readonly decision: Decision;
  readonly version: { readonly version: string; readonly effective: string | null; readonly file: string };
  /** Red lines, then rules, then exemptions, each in declaration order. */
  readonly clauses: readonly ClauseTrace[];
}

export type DecideResult = { readonly ok: true; readonly decision: Decision } | { readonly ok: false; readonly errors: readonly InputProblem[] };`;
}

const BASES: readonly Basis[] = ['redline', 'rule', 'exemption', 'default'];

/** What the answers of one basis give: with one action that carries a duration (`timed`), or with the others. */
interface Member {
  readonly basis: Basis;
  readonly timed: string | null;
  readonly actions: Set<string>;
  /** ISO text → hours, to list them shortest first. */
  readonly durations: Map<string, number>;
  readonly clauses: Set<string>;
  readonly exemptions: Set<string>;
}

/** Clause and exemption names in declaration order, versions oldest first. */
function declarationOrder(plan: SetPlan): Map<string, number> {
  const order = new Map<string, number>();
  for (const { program } of plan.versions) {
    for (const c of [...program.redlines, ...program.rules, ...program.exemptions]) if (!order.has(c.name)) order.set(c.name, order.size);
  }
  return order;
}

/** The members of the outcome's scale, least severe first, across versions. */
function scaleOf(types: TypeModel, o: OutcomePlan): readonly string[] {
  return types.scales.get(o.decl.scale.name)?.members ?? types.actions;
}

/** Every answer the plan can give in an outcome: each contribution, what its exemptions give instead, the default. */
function answersOf(o: OutcomePlan): Answer[] {
  return [...o.contributions.flatMap((c) => [c.answer, ...c.exempted.map((x) => x.answer)]), o.fallback];
}

/**
 * The union members (`  | { … }` lines) of the answers of `outcomes` (one outcome, across
 * versions). `flat`: a Bylaw 1 decision, which also carries `version`.
 */
function membersOf(outcomes: readonly OutcomePlan[], scale: readonly string[], order: ReadonlyMap<string, number>, flat: boolean): string[] {
  const members = new Map<string, Member>();
  for (const o of outcomes) {
    for (const a of answersOf(o)) {
      const timed = a.duration === null ? null : a.action;
      const key = `${a.basis}\u0000${timed ?? ''}`;
      let m = members.get(key);
      if (!m) members.set(key, (m = { basis: a.basis, timed, actions: new Set(), durations: new Map(), clauses: new Set(), exemptions: new Set() }));
      m.actions.add(a.action);
      if (a.duration) m.durations.set(isoDuration(a.duration), durationHours(a.duration));
      if (a.clause !== null) m.clauses.add(a.clause);
      if (a.exemption !== null) m.exemptions.add(a.exemption);
    }
  }
  const rank = (action: string | null) => (action === null ? -1 : scale.indexOf(action));
  const sorted = [...members.values()].sort((x, y) => BASES.indexOf(x.basis) - BASES.indexOf(y.basis) || rank(x.timed) - rank(y.timed));
  const anyTimed = sorted.some((m) => m.timed !== null);
  const byScale = (names: Iterable<string>) => [...names].sort((x, y) => scale.indexOf(x) - scale.indexOf(y));
  const byDeclaration = (names: Iterable<string>) => [...names].sort((x, y) => order.get(x)! - order.get(y)!);
  const lines: string[] = [];
  for (const m of sorted) {
    const durations = [...m.durations].sort(([x, hx], [y, hy]) => hx - hy || (x < y ? -1 : x > y ? 1 : 0)).map(([iso]) => iso);
    lines.push('  | {');
    lines.push(`      readonly action: ${union(byScale(m.actions))};`);
    if (m.timed !== null) {
      lines.push('      /** ISO 8601, the unit as written. */');
      lines.push(`      readonly duration: ${union(durations)};`);
    } else if (anyTimed) {
      lines.push('      readonly duration?: never;');
    }
    lines.push(`      readonly basis: ${jsString(m.basis)};`);
    if (m.basis !== 'default') lines.push(`      /** ${CLAUSE_DOC[m.basis]} */`);
    lines.push(`      readonly clause: ${m.basis === 'default' ? 'null' : union(byDeclaration(m.clauses))};`);
    if (m.basis === 'exemption') lines.push('      /** The exemption applied to it: the one it prefers among those that hold. */');
    lines.push(`      readonly exemption: ${m.basis === 'exemption' ? union(byDeclaration(m.exemptions)) : 'null'};`);
    if (flat) {
      lines.push('      /** The version in force (its `version` header). */');
      lines.push('      readonly version: string;');
    }
    lines.push(`      /** ${BECAUSE_DOC[m.basis]} */`);
    lines.push('      readonly because: readonly string[];');
    lines.push('    }');
  }
  return lines;
}

const CLAUSE_DOC: Readonly<Record<Exclude<Basis, 'default'>, string>> = {
  redline: 'The red line that decided.',
  rule: 'The rule that decided.',
  exemption: 'The rule that decided, exempted.',
};

const BECAUSE_DOC: Readonly<Record<Basis, string>> = {
  redline: "The red line's `because`, if it has one.",
  rule: "The rule's `because`, if it has one.",
  exemption: "The rule's `because`, then the exemption's, each if it has one.",
  default: 'Empty: nothing decided.',
};

const union = (names: readonly string[]): string => (names.length === 0 ? 'never' : names.map(jsString).join(' | '));
