/**
 * Which quantifiers an explanation reports for a clause (ClauseTrace.quantifiers): the ones its
 * `when` and `unless` read outside every `where` — through contexts and value contexts too —
 * each once, in the order first reached. A quantifier inside another's `where` is evaluated once
 * per outer element, so it has no one list of matches to report. The interpreter and generated
 * modules both list them from here.
 */
import type { CheckedClause, Condition, Operand, Program, Quantifier } from '../checker/program.js';

interface Known {
  readonly contexts: ReadonlyMap<string, Condition>;
  readonly values: ReadonlyMap<string, Operand>;
  /** By clause: a module's clause may be checked into several versions, with different contexts. */
  readonly lists: Map<CheckedClause, readonly Quantifier[]>;
}

const known = new WeakMap<Program, Known>();

export function clauseQuantifiers(program: Program, clause: CheckedClause): readonly Quantifier[] {
  let k = known.get(program);
  if (!k) {
    const contexts = new Map(program.contexts.map((c) => [c.name, c.body]));
    known.set(program, (k = { contexts, values: new Map(program.values.map((v) => [v.name, v.value])), lists: new Map() }));
  }
  let list = k.lists.get(clause);
  if (list) return list;
  const { contexts, values } = k;
  const found: Quantifier[] = [];
  const seen = new Set<string>();
  const operand = (o: Operand): void => {
    if (o.kind === 'shift') operand(o.base);
    else if (o.kind === 'count') quantifier(o.quantifier);
    else if (o.kind === 'value' && !seen.has(`value ${o.name}`)) {
      seen.add(`value ${o.name}`);
      operand(values.get(o.name)!);
    }
  };
  const quantifier = (q: Quantifier): void => {
    if (!found.includes(q)) found.push(q);
  };
  const condition = (c: Condition): void => {
    switch (c.kind) {
      case 'not':
        return condition(c.operand);
      case 'and':
      case 'or':
        return c.operands.forEach(condition);
      case 'context':
        if (seen.has(`context ${c.name}`)) return;
        seen.add(`context ${c.name}`);
        return condition(contexts.get(c.name)!);
      case 'compare':
        operand(c.left);
        return operand(c.right);
      case 'in':
        return operand(c.operand);
      case 'contains':
        return operand(c.value);
      case 'any':
      case 'all':
        return quantifier(c.quantifier);
      default:
        return;
    }
  };
  condition(clause.when);
  if (clause.unless) condition(clause.unless);
  k.lists.set(clause, (list = found));
  return list;
}
