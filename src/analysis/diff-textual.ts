import type { CheckedClause, CheckedExemption, Condition, Operand, PolicySet, Program } from '../checker/program.js';
import { contextsOf, valuesOf } from '../interpreter/evaluate.js';
import type { ClauseChange, TextualChanges } from './diff-types.js';
import { printCondition, printOperand } from './print.js';

/** The textual side of a diff: what was added, removed and changed, by name and by meaning. */

export function clausesOf(program: Program): CheckedClause[] {
  return [...program.redlines, ...program.rules, ...program.exemptions];
}

/** Clauses, contexts, versions and the default, compared by name and by meaning (not layout). */
export function textualChanges(before: PolicySet, after: PolicySet): TextualChanges {
  const clauseDefs = (set: PolicySet) => {
    const defs = new Map<string, { kind: CheckedClause['kind']; signatures: Map<string, Record<string, string>> }>();
    for (const program of set.versions) {
      const contexts = contextsOf(program);
      for (const clause of clausesOf(program)) {
        const parts = clauseParts(clause, contexts, valuesOf(program));
        const signature = JSON.stringify(parts);
        let entry = defs.get(clause.name);
        if (!entry) defs.set(clause.name, (entry = { kind: clause.kind, signatures: new Map() }));
        entry.signatures.set(signature, parts);
      }
    }
    return defs;
  };
  const old = clauseDefs(before);
  const now = clauseDefs(after);
  const added = [...now].filter(([name]) => !old.has(name)).map(([name, d]) => ({ name, kind: d.kind }));
  const removed = [...old].filter(([name]) => !now.has(name)).map(([name, d]) => ({ name, kind: d.kind }));
  const changed: ClauseChange[] = [];
  for (const [name, d] of now) {
    const o = old.get(name);
    if (!o) continue;
    const a = [...o.signatures.keys()].sort();
    const b = [...d.signatures.keys()].sort();
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    const what = new Set<string>();
    const oldParts = [...o.signatures.values()];
    const newParts = [...d.signatures.values()];
    for (const key of ['kind', 'when', 'unless', 'action', 'because', 'from']) {
      const x = new Set(oldParts.map((p) => p[key]));
      const y = new Set(newParts.map((p) => p[key]));
      if (x.size !== y.size || [...x].some((v) => !y.has(v))) what.add(key);
    }
    changed.push({ name, kind: d.kind, what: [...what] });
  }

  const contextDefs = (set: PolicySet) => {
    const defs = new Map<string, Set<string>>();
    const add = (name: string, text: string) => {
      let s = defs.get(name);
      if (!s) defs.set(name, (s = new Set()));
      s.add(text);
    };
    for (const program of set.versions) {
      const options = { contexts: contextsOf(program), values: valuesOf(program) };
      for (const c of program.contexts) add(c.name, printCondition(c.body, options));
      // Value contexts (`context n = count(…)`) by what they compute.
      for (const v of program.values) add(v.name, printOperand(v.value, options));
    }
    return defs;
  };
  const oldContexts = contextDefs(before);
  const newContexts = contextDefs(after);
  const sameSet = (x: Set<string>, y: Set<string>) => x.size === y.size && [...x].every((v) => y.has(v));

  const dated = before.dateField !== null && after.dateField !== null;
  const versionNames = (set: PolicySet) => set.versions.map((p) => `${p.version}${p.effective && p.effective !== p.version ? ` (effective ${p.effective})` : ''}`);
  const ov = versionNames(before);
  const nv = versionNames(after);
  const defaultOf = (set: PolicySet) => [...new Set(set.versions.map((p) => p.defaultAction.action))].join(', ');
  return {
    clauses: { added, removed, changed },
    contexts: {
      added: [...newContexts.keys()].filter((n) => !oldContexts.has(n)),
      removed: [...oldContexts.keys()].filter((n) => !newContexts.has(n)),
      changed: [...newContexts].filter(([n, s]) => oldContexts.has(n) && !sameSet(s, oldContexts.get(n)!)).map(([n]) => n),
    },
    versions: dated ? { added: nv.filter((v) => !ov.includes(v)), removed: ov.filter((v) => !nv.includes(v)) } : { added: [], removed: [] },
    defaultAction: defaultOf(before) === defaultOf(after) ? null : { before: defaultOf(before), after: defaultOf(after) },
  };
}

function clauseParts(clause: CheckedClause, contexts: ReadonlyMap<string, Condition>, values: ReadonlyMap<string, Operand>): Record<string, string> {
  return {
    kind: clause.kind,
    when: printCondition(clause.when, { contexts, values }),
    unless: clause.unless ? printCondition(clause.unless, { contexts, values }) : '',
    action: clause.action,
    because: clause.because ?? '',
    from: clause.kind === 'exemption' ? (clause as CheckedExemption).from.join(', ') : '',
  };
}
