import type { PolicySet, Program, Type } from '../checker/program.js';
import { fieldKey, representative, type DecisionDiagrams, type FiniteModel } from '../logic/index.js';
import { planSet, versionInForce } from '../semantics/plan.js';
import type { AnyDecision } from '../semantics/decision.js';
import type { InputProblem } from '../semantics/validate.js';
import { decideUnknown, prepare } from '../interpreter/evaluate.js';
import { ACTION, outcomeOf } from './diff-decision.js';
import type { Side, Verdict } from './diff-types.js';

/** Example inputs for points of the cut model, and what each side really does with them (the interpreter). */

export interface Checked {
  /** In the outcome asked for. */
  readonly verdict: Verdict;
  readonly decision: AnyDecision | null;
  /** Why the side rejects the input (absent when it decides it or no version is in force). */
  readonly problems?: readonly InputProblem[];
}

/** The interpreter on one side: a decision (its part in `outcome`), a rejection with its problems, or no version in force. */
export function check(set: PolicySet, input: unknown, outcome = ACTION): Checked {
  const result = decideUnknown(set, input);
  if (result.ok) return { verdict: outcomeOf(result.decision, outcome), decision: result.decision };
  // Rarely reached: which of the two errors it was.
  const prepared = prepare(set, input);
  return !prepared.ok && prepared.noVersion ? { verdict: null, decision: null } : { verdict: 'rejected', decision: null, problems: result.errors };
}

/** Whether what a side did (`checked`) is the side of a transition (clause and exemption only when given). */
export function matches(checked: Checked, side: Side): boolean {
  const v = checked.verdict;
  if (side === 'decided') return v !== null && v !== 'rejected';
  if (v === null || typeof v === 'string' || side === null || typeof side === 'string') return v === side;
  return v.action === side.action && v.duration === side.duration && v.basis === side.basis && (side.clause === null || (v.clause === side.clause && v.exemption === side.exemption));
}

/** The date examples use for a date field no condition tests: one for both sides, so their examples agree. */
export function defaultDate(sets: readonly PolicySet[]): string {
  let date = '2020-01-01';
  for (const set of sets) for (const p of set.versions) if (p.effective !== null && p.effective > date) date = p.effective;
  return date;
}

/** A point (a class per variable) where `f` reaches a terminal `accept` takes, or null. */
export function pointWhere(dd: DecisionDiagrams, f: number, accept: (terminal: number) => boolean): number[] | null {
  const live = new Map<number, boolean>();
  const reaches = (g: number): boolean => {
    if (dd.isTerminal(g)) return accept(g);
    let r = live.get(g);
    if (r === undefined) live.set(g, (r = dd.childrenOf(g).some(reaches)));
    return r;
  };
  if (!reaches(f)) return null;
  const point = dd.model.vars.map(() => 0);
  let g = f;
  while (!dd.isTerminal(g)) {
    const kids = dd.childrenOf(g);
    const c = kids.findIndex(reaches);
    point[dd.varOf(g)] = c;
    g = kids[c]!;
  }
  return point;
}

/** The version whose input type an example for `set` on this point must follow. */
function programFor(model: FiniteModel, point: readonly number[], set: PolicySet): Program {
  // No version in force on the point: the first version's input type describes the example.
  return programAt(model, point, set) ?? set.versions[0]!;
}

/** The version of `set` in force on the point's date, or null when none is. */
export function programAt(model: FiniteModel, point: readonly number[], set: PolicySet): Program | null {
  if (set.dateField === null) return set.versions[0]!;
  const date = model.byKey.get(set.dateField)!;
  return set.versions[versionInForce(planSet(set), representative(date, point[date.index]!) as string)] ?? null;
}

/**
 * A valid input on the point: tested fields from the point's classes, every other field a valid
 * default (false, 0 or the bound nearest it, the first enum member, an empty set or list,
 * `"example"`); an optional field only where the point says it is given (`x exists`). Counts and
 * quantifiers over lists are left to the realiser (diff-realise.ts).
 */
export function exampleFor(model: FiniteModel, point: readonly number[], set: PolicySet, date = defaultDate([set])): Record<string, unknown> {
  const program = programFor(model, point, set);
  const value = (type: Type, path: readonly string[]): unknown => {
    const v = model.byKey.get(fieldKey(path));
    if (v && v.kind !== 'member' && v.kind !== 'opaque') return representative(v, point[v.index]!);
    switch (type.kind) {
      case 'bool':
        return false;
      case 'int': {
        let n = 0;
        if (type.min !== null && n < type.min) n = type.min;
        if (type.max !== null && n > type.max) n = type.max;
        return n;
      }
      case 'string':
        return 'example';
      case 'date':
        return date;
      case 'enum':
        return type.members[0];
      case 'set': {
        // The members the point holds, even one this side's enum lacks (the side then rejects the input).
        const holds = model.vars.filter((v) => v.kind === 'member' && fieldKey(v.path) === fieldKey(path) && representative(v, point[v.index]!) === true).map((v) => v.member!);
        return [...type.element.members.filter((m) => holds.includes(m)), ...holds.filter((m) => !type.element.members.includes(m))];
      }
      case 'list':
        return [];
      case 'record': {
        const out: Record<string, unknown> = {};
        for (const f of type.fields) {
          const at = [...path, f.name];
          // Whether it is given, where the point says so (a side that requires it then rejects the input).
          const given = model.byKey.get(`${fieldKey(at)}?`);
          if (given ? representative(given, point[given.index]!) !== true : f.optional) continue;
          out[f.name] = value(f.type, at);
        }
        return out;
      }
    }
  };
  return value(program.inputType, []) as Record<string, unknown>;
}
