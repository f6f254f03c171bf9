/**
 * The public types of a generated module that carry the policy's own names: `Decision`,
 * `ClauseTrace`, `Explanation`, `DecideResult`. Their general shapes are src/runtime/types.ts
 * (what the interpreter returns); a test holds these assignable to those. The types that carry no
 * policy names (SourceRef, ConditionTrace, InputProblem, Validation, Basis) come from the runtime
 * as they are.
 *
 * With declared outcomes (LANGUAGE-2 §3) each outcome's part is a union on `basis`: `clause` is
 * a string exactly when the basis is not `default`, and `action`, `duration`, `clause` and
 * `exemption` are unions of what the plan can give with that basis.
 */
import type { SetPlan } from '../semantics/plan.js';
import { isoDuration, durationHours } from '../semantics/durations.js';
import { jsString, propertyKey } from './names.js';
import type { TypeModel } from './types.js';

/** `quantifiers`: some clause reads a quantifier, so explanations may carry quantifier traces. */
export function policyTypes(action: string, quantifiers = false): string[] {
  return `export interface Decision {
  readonly action: ${action};
  readonly basis: Basis;
  /** The deciding red line or rule; null for the default. */
  readonly clause: string | null;
  /** The exemption applied to the deciding rule, if any. */
  readonly exemption: string | null;
  /** The version in force (its \`version\` header). */
  readonly version: string;
  /** The \`because\` texts of the deciding clause and of its applied exemption, in that order. */
  readonly because: readonly string[];
}

${traceTypes(action, quantifiers)}`.split('\n');
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

type Basis = 'redline' | 'rule' | 'exemption' | 'default';
const BASES: readonly Basis[] = ['redline', 'rule', 'exemption', 'default'];

/** What one basis of one outcome can give, across versions, in a stable order. */
interface Branch {
  readonly actions: string[];
  readonly durations: Map<string, number>;
  readonly clauses: string[];
  readonly exemptions: string[];
}

const union = (names: readonly string[]): string => (names.length === 0 ? 'never' : names.map(jsString).join(' | '));
const add = (list: string[], name: string) => void (list.includes(name) || list.push(name));

/** The public types of a set some of whose versions declare outcomes. */
export function outcomeTypes(plan: SetPlan, types: TypeModel, quantifiers: boolean): string[] {
  const out: string[] = [];
  const branches = new Map<string, Map<Basis, Branch>>();
  const scaleOf = new Map<string, string>();
  for (const version of plan.versions) {
    if (!version.program.declaredOutcomes) continue;
    for (const o of version.outcomes) {
      let byBasis = branches.get(o.decl.name);
      if (!byBasis) branches.set(o.decl.name, (byBasis = new Map()));
      if (!scaleOf.has(o.decl.name)) scaleOf.set(o.decl.name, o.decl.scale.name);
      const answers = [...o.contributions.flatMap((c) => [c.answer, ...c.exempted.map((x) => x.answer)]), o.fallback];
      for (const a of answers) {
        let b = byBasis.get(a.basis);
        if (!b) byBasis.set(a.basis, (b = { actions: [], durations: new Map(), clauses: [], exemptions: [] }));
        add(b.actions, a.action);
        if (a.duration) b.durations.set(isoDuration(a.duration), durationHours(a.duration));
        if (a.clause !== null) add(b.clauses, a.clause);
        if (a.exemption !== null) add(b.exemptions, a.exemption);
      }
    }
  }
  // Clause and exemption names in declaration order, versions oldest first.
  const declared: string[] = [];
  for (const { program } of plan.versions) for (const c of [...program.redlines, ...program.rules, ...program.exemptions]) add(declared, c.name);
  const inOrder = (names: readonly string[]) => [...names].sort((x, y) => declared.indexOf(x) - declared.indexOf(y));
  for (const [outcome, byBasis] of branches) {
    const name = types.outcomeTypes.get(outcome)!;
    const scale = types.scales.get(scaleOf.get(outcome)!)!.members;
    out.push(`/** One outcome's part of a decision: \`clause\` is a string exactly when \`basis\` is not "default". */`);
    out.push(`export type ${name} =`);
    for (const basis of BASES) {
      const b = byBasis.get(basis);
      if (!b) continue;
      const actions = [...b.actions].sort((x, y) => scale.indexOf(x) - scale.indexOf(y));
      const durations = [...b.durations].sort(([x, hx], [y, hy]) => hx - hy || (x < y ? -1 : x > y ? 1 : 0)).map(([iso]) => iso);
      out.push('  | {');
      out.push(`      readonly action: ${union(actions)};`);
      if (durations.length > 0) out.push(`      /** ISO 8601, the unit as written; only on an action that carries a duration. */`);
      if (durations.length > 0) out.push(`      readonly duration?: ${union(durations)};`);
      out.push(`      readonly basis: ${jsString(basis)};`);
      out.push(`      readonly clause: ${basis === 'default' ? 'null' : union(inOrder(b.clauses))};`);
      out.push(`      readonly exemption: ${basis === 'exemption' ? union(inOrder(b.exemptions)) : 'null'};`);
      out.push('      readonly because: readonly string[];');
      out.push('    }');
    }
    out[out.length - 1] += ';';
    out.push('');
  }
  // One shape per distinct list of outcomes (every version of a set usually decides the same ones).
  const shapes: string[] = [];
  for (const version of plan.versions) {
    const { program } = version;
    const shape = program.declaredOutcomes
      ? `{ readonly version: string; readonly outcomes: { ${program.outcomes.map((o) => `readonly ${propertyKey(o.name)}: ${types.outcomeTypes.get(o.name)!}`).join('; ')} } }`
      : `{ readonly action: ${types.scales.get(program.scale.name)!.name}; readonly basis: Basis; readonly clause: string | null; readonly exemption: string | null; readonly version: string; readonly because: readonly string[] }`;
    if (!shapes.includes(shape)) shapes.push(shape);
  }
  if (shapes.length === 1 && plan.versions[0]!.program.declaredOutcomes) {
    out.push('export interface Decision {');
    out.push('  /** The version in force (its `version` header). */');
    out.push('  readonly version: string;');
    out.push('  /** One part per outcome, in the order the policy declares them. */');
    out.push('  readonly outcomes: {');
    for (const o of plan.versions[0]!.program.outcomes) out.push(`    readonly ${propertyKey(o.name)}: ${types.outcomeTypes.get(o.name)!};`);
    out.push('  };');
    out.push('}');
  } else {
    out.push('/** Versions decide different outcomes: one shape per version. */');
    out.push(`export type Decision = ${shapes.join(' | ')};`);
  }
  out.push('');
  out.push(...traceTypes('string', quantifiers).split('\n'));
  return out;
}
