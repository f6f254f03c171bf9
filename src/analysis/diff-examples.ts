import type { PolicySet, Program, Type } from '../checker/program.js';
import { dayNumber, keyOf, representative, type FiniteModel } from '../checker/finite-model.js';
import type { Decision } from '../semantics/decision.js';
import { decideUnknown } from '../interpreter/evaluate.js';

/** Example inputs for points of the cut model, and their real decisions (the interpreter's). */

export function decideOrNull(set: PolicySet, input: unknown): Decision | null {
  const result = decideUnknown(set, input);
  return result.ok ? result.decision : null;
}

/** The version whose input type an example for `set` on this point must follow. */
function programFor(model: FiniteModel, point: readonly number[], set: PolicySet): Program {
  if (set.dateField === null) return set.versions[0]!;
  const date = model.byKey.get(set.dateField)!;
  const day = dayNumber(representative(date, point[date.index]!) as string);
  let chosen = set.versions[0]!;
  for (const p of set.versions) if (p.effective !== null && dayNumber(p.effective) <= day) chosen = p;
  return chosen;
}

/**
 * A valid input on the point: tested fields from the point's classes, every other field a valid
 * default (false, 0 or the bound nearest it, the first enum member, an empty set, `"example"`).
 */
export function exampleFor(model: FiniteModel, point: readonly number[], set: PolicySet): Record<string, unknown> {
  const program = programFor(model, point, set);
  const defaultDate = set.versions.reduce<string>((d, p) => (p.effective && p.effective > d ? p.effective : d), '2020-01-01');
  const value = (type: Type, path: readonly string[]): unknown => {
    const v = model.byKey.get(keyOf(path));
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
        return defaultDate;
      case 'enum':
        return type.members[0];
      case 'set':
        return type.element.members.filter((m) => {
          const member = model.byKey.get(`${keyOf(path)}#${m}`);
          return member ? representative(member, point[member.index]!) === true : false;
        });
      case 'record': {
        const out: Record<string, unknown> = {};
        for (const f of type.fields) out[f.name] = value(f.type, [...path, f.name]);
        return out;
      }
    }
  };
  return value(program.inputType, []) as Record<string, unknown>;
}
