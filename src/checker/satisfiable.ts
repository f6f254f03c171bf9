import type { Condition, Operand, Type, Value } from './program.js';

/**
 * Decides whether a condition can hold for some valid input, by search over a finite model:
 * every field is cut at the literals the condition compares it with, so a handful of
 * representative values per field covers every case. Used for "can never fire" warnings and
 * implication checks ("whenever this rule fires, that red line fires too").
 *
 * The search is exact for comparisons of a field with literals. Comparisons of two fields are
 * treated as free atoms, which can only make a condition look satisfiable, never the reverse.
 */
export type Verdict = 'satisfiable' | 'unsatisfiable' | 'unknown';

export function satisfiable(
  condition: Condition,
  contexts: ReadonlyMap<string, Condition>,
  budget = 50_000,
): Verdict {
  const vars = new Map<string, Var>();
  collect(condition, contexts, vars, new Set());
  const order = [...vars.values()].map((v) => ({ key: v.key, domain: representatives(v.type, v.literals) }));
  const assignment = new Map<string, Value>();
  let steps = 0;
  const search = (index: number): boolean | null => {
    if (++steps > budget) return null;
    const value = evaluate(condition, contexts, assignment);
    if (value === true) return true;
    if (value === false) return false;
    const v = order[index];
    if (!v) return false;
    let unknown = false;
    for (const candidate of v.domain) {
      assignment.set(v.key, candidate);
      const found = search(index + 1);
      if (found === true) return true;
      if (found === null) unknown = true;
    }
    assignment.delete(v.key);
    return unknown ? null : false;
  };
  const result = search(0);
  return result === null ? 'unknown' : result ? 'satisfiable' : 'unsatisfiable';
}

/** `a` implies `b` for every input (and the search could prove it). */
export function implies(a: Condition, b: Condition, contexts: ReadonlyMap<string, Condition>): boolean {
  const span = a.span;
  return satisfiable({ kind: 'and', operands: [a, { kind: 'not', operand: b, span }], span }, contexts) === 'unsatisfiable';
}

interface Var {
  readonly key: string;
  readonly type: Type;
  readonly literals: Value[];
}

const keyOf = (path: readonly string[]) => path.join('.');

function collect(c: Condition, contexts: ReadonlyMap<string, Condition>, vars: Map<string, Var>, seen: Set<string>): void {
  switch (c.kind) {
    case 'const':
      return;
    case 'field':
      addVar(vars, keyOf(c.path), { kind: 'bool' }, []);
      return;
    case 'context': {
      const body = contexts.get(c.name);
      if (body && !seen.has(c.name)) {
        seen.add(c.name);
        collect(body, contexts, vars, seen);
      }
      return;
    }
    case 'not':
      collect(c.operand, contexts, vars, seen);
      return;
    case 'and':
    case 'or':
      for (const o of c.operands) collect(o, contexts, vars, seen);
      return;
    case 'has':
      addVar(vars, `${keyOf(c.path)}#${c.member}`, { kind: 'bool' }, []);
      return;
    case 'in':
      if (c.operand.kind === 'field') addVar(vars, keyOf(c.operand.path), c.operand.type, c.values);
      return;
    case 'compare': {
      const { left, right } = c;
      if (left.kind === 'field' && right.kind === 'field') {
        addVar(vars, opaqueKey(c), { kind: 'bool' }, []);
        return;
      }
      const field = (left.kind === 'field' ? left : right) as Extract<Operand, { kind: 'field' }>;
      const literal = left.kind === 'literal' ? left : right;
      addVar(vars, keyOf(field.path), field.type, [(literal as { value: Value }).value]);
      return;
    }
  }
}

function opaqueKey(c: Extract<Condition, { kind: 'compare' }>): string {
  const side = (o: Operand) => (o.kind === 'field' ? keyOf(o.path) : String(o.value));
  return `(${side(c.left)} ${c.op} ${side(c.right)})`;
}

function addVar(vars: Map<string, Var>, key: string, type: Type, literals: readonly Value[]): void {
  const existing = vars.get(key);
  if (existing) existing.literals.push(...literals);
  else vars.set(key, { key, type, literals: [...literals] });
}

/** Enough values to land in every region the literals cut the type into. */
function representatives(type: Type, literals: readonly Value[]): Value[] {
  switch (type.kind) {
    case 'bool':
      return [false, true];
    case 'enum':
      return [...type.members];
    case 'string':
      return [...new Set([...literals, '\u0000other'])];
    case 'int': {
      const min = type.min ?? Number.MIN_SAFE_INTEGER;
      const max = type.max ?? Number.MAX_SAFE_INTEGER;
      const points = new Set<number>([min, max]);
      for (const l of literals as number[]) for (const p of [l - 1, l, l + 1]) if (p >= min && p <= max) points.add(p);
      return [...points].sort((a, b) => a - b);
    }
    case 'date': {
      const points = new Set<number>([dayNumber('0001-01-01'), dayNumber('9999-12-31')]);
      for (const l of literals as string[]) for (const d of [-1, 0, 1]) points.add(dayNumber(l) + d);
      return [...points].sort((a, b) => a - b).map(isoDate);
    }
    default:
      return [];
  }
}

function dayNumber(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}
function isoDate(day: number): string {
  const d = new Date(day * 86_400_000);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Three-valued evaluation under a partial assignment: undefined means "not yet known". */
function evaluate(c: Condition, contexts: ReadonlyMap<string, Condition>, a: ReadonlyMap<string, Value>): boolean | undefined {
  switch (c.kind) {
    case 'const':
      return c.value;
    case 'field':
      return a.get(keyOf(c.path)) as boolean | undefined;
    case 'context': {
      const body = contexts.get(c.name);
      return body ? evaluate(body, contexts, a) : undefined;
    }
    case 'not': {
      const v = evaluate(c.operand, contexts, a);
      return v === undefined ? undefined : !v;
    }
    case 'and': {
      let unknown = false;
      for (const o of c.operands) {
        const v = evaluate(o, contexts, a);
        if (v === false) return false;
        if (v === undefined) unknown = true;
      }
      return unknown ? undefined : true;
    }
    case 'or': {
      let unknown = false;
      for (const o of c.operands) {
        const v = evaluate(o, contexts, a);
        if (v === true) return true;
        if (v === undefined) unknown = true;
      }
      return unknown ? undefined : false;
    }
    case 'has':
      return a.get(`${keyOf(c.path)}#${c.member}`) as boolean | undefined;
    case 'in': {
      if (c.operand.kind !== 'field') return undefined;
      const v = a.get(keyOf(c.operand.path));
      if (v === undefined) return undefined;
      return c.values.includes(v) !== c.negated;
    }
    case 'compare': {
      if (c.left.kind === 'field' && c.right.kind === 'field') return a.get(opaqueKey(c)) as boolean | undefined;
      const l = c.left.kind === 'field' ? a.get(keyOf(c.left.path)) : c.left.value;
      const r = c.right.kind === 'field' ? a.get(keyOf(c.right.path)) : c.right.value;
      if (l === undefined || r === undefined) return undefined;
      return compareValues(c.op, l, r);
    }
  }
}

export function compareValues(op: string, l: Value, r: Value): boolean {
  switch (op) {
    case '==':
      return l === r;
    case '!=':
      return l !== r;
    case '<':
      return l < r;
    case '<=':
      return l <= r;
    case '>':
      return l > r;
    default:
      return l >= r;
  }
}
