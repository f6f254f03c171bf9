import type { CheckedClause, CheckedValue, Condition, Operand, PolicySet, Program, Quantifier } from '../checker/program.js';
import { leafOf, type FiniteModel, type ModelVar } from '../logic/index.js';
import { MAX_LIST_LENGTH } from '../runtime/validate.js';
import { clausesOf } from './diff-textual.js';
import { printCondition, printOperand, shownName } from './print.js';

/**
 * The atoms of Bylaw 2 in a diff: the tests the cut model (src/logic) tracks as variables of
 * their own (counts, `@value` contexts) or as opaque bools (quantifiers, dates moved by a
 * duration, tests that relate two varying values).
 *
 * The model keys these atoms by a quantifier's id (`count#3`, `any#3`) and a value context's name
 * (`@n`). Ids are numbered per checked version and names are the author's, so two versions (or
 * the two sides of a diff) may use one key for different tests: one atom for two meanings, and a
 * change between them would go unseen. `canonicalSets` renumbers both sides by meaning first —
 * equal tests (contexts and values inlined, bound names ignored) get one id, different tests
 * different ones, and a value context whose body differs gets a name of its own (`n#2`).
 *
 * `inexactReasons` says why a diff is not exact: every opaque atom, and every count that is not
 * free to take any value whatever the other variables are (it reads an input field, or its list
 * or set is read by another test).
 */

/** The sets with quantifier ids and value context names made canonical across both sides. */
export function canonicalSets(before: PolicySet, after: PolicySet): [PolicySet, PolicySet] {
  const programs = [...before.versions, ...after.versions];
  if (!programs.some((p) => p.values.length > 0 || usesQuantifiers(p))) return [before, after];
  const canon = new Canon();
  // Value names first: a quantifier's meaning inlines the values it reads.
  for (const p of programs) for (const v of p.values) canon.valueName(p, v);
  const rewrite = (set: PolicySet): PolicySet => ({ ...set, versions: set.versions.map((p) => canon.program(p)) });
  return [rewrite(before), rewrite(after)];
}

function usesQuantifiers(p: Program): boolean {
  const text = [...p.contexts.map((c) => c.body), ...clausesOf(p).flatMap((c) => (c.unless ? [c.when, c.unless] : [c.when]))];
  return text.some(hasQuantifier);
}

function hasQuantifier(c: Condition): boolean {
  switch (c.kind) {
    case 'any':
    case 'all':
      return true;
    case 'not':
      return hasQuantifier(c.operand);
    case 'and':
    case 'or':
      return c.operands.some(hasQuantifier);
    case 'compare':
      return [c.left, c.right].some((o) => o.kind === 'count');
    case 'in':
      return c.operand.kind === 'count';
    default:
      return false;
  }
}

/** Ids above this are the inner quantifiers' (inside a `where`: never a model variable). */
const INNER = 1_000_000;

class Canon {
  private readonly ids = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private readonly used = new Set<string>();
  /** Per program: its value names → canonical names. */
  private readonly renames = new WeakMap<Program, Map<string, string>>();
  private inner = INNER;

  /** The meaning of an operand or condition: contexts and values inlined, bound names by depth. */
  private meaning(p: Program, x: Operand): string {
    return printOperand(x, { contexts: contextMap(p), values: valueMap(p), bound: 'depth' });
  }

  valueName(p: Program, v: CheckedValue): void {
    let renames = this.renames.get(p);
    if (!renames) this.renames.set(p, (renames = new Map()));
    const text = `${v.type.kind}:${this.meaning(p, v.value)}`;
    let name = this.names.get(text);
    if (name === undefined) {
      name = v.name;
      for (let k = 2; this.used.has(name); k++) name = `${v.name}#${k}`;
      this.used.add(name);
      this.names.set(text, name);
    }
    renames.set(v.name, name);
  }

  program(p: Program): Program {
    const renames = this.renames.get(p) ?? new Map<string, string>();
    return rewrite(
      p,
      (name) => renames.get(name) ?? name,
      (q, top) => (top ? this.id(printCondition({ kind: 'any', quantifier: q, span: q.span }, { contexts: contextMap(p), values: valueMap(p), bound: 'depth' })) : this.inner++),
    );
  }

  private id(meaning: string): number {
    let id = this.ids.get(meaning);
    if (id === undefined) this.ids.set(meaning, (id = this.ids.size));
    return id;
  }
}

/** `program` reading the value context `from` as `to` wherever its conditions and values do. */
export function renameValue(program: Program, from: string, to: string): Program {
  return rewrite(program, (name) => (name === from ? to : name), (q) => q.id);
}

/**
 * A copy of a program with every value context name passed through `name`, and every quantifier
 * given the id `id` returns (`top`: not inside another quantifier's `where`); element reads follow
 * their quantifier's new id. A quantifier reached twice (a context read by two clauses) is
 * rewritten once.
 */
function rewrite(p: Program, name: (n: string) => string, id: (q: Quantifier, top: boolean) => number): Program {
  const memo = new Map<Quantifier, Quantifier>();
  const ids = new Map<number, number>();
  const operand = (o: Operand, top: boolean): Operand => {
    switch (o.kind) {
      case 'field':
        return o.root === null ? o : { ...o, root: ids.get(o.root) ?? o.root };
      case 'shift':
        return { ...o, base: operand(o.base, top) };
      case 'count':
        return { ...o, quantifier: quantifier(o.quantifier, top) };
      case 'value':
        return { ...o, name: name(o.name) };
      default:
        return o;
    }
  };
  const quantifier = (q: Quantifier, top: boolean): Quantifier => {
    const known = memo.get(q);
    if (known) return known;
    ids.set(q.id, id(q, top));
    const out: Quantifier = { ...q, id: ids.get(q.id)!, collection: operand(q.collection, top) as Quantifier['collection'], where: q.where && condition(q.where, false) };
    memo.set(q, out);
    return out;
  };
  const condition = (c: Condition, top: boolean): Condition => {
    switch (c.kind) {
      case 'not':
        return { ...c, operand: condition(c.operand, top) };
      case 'and':
      case 'or':
        return { ...c, operands: c.operands.map((o) => condition(o, top)) };
      case 'compare':
        return { ...c, left: operand(c.left, top), right: operand(c.right, top) };
      case 'in':
        return { ...c, operand: operand(c.operand, top) };
      case 'field':
      case 'has':
        return c.root === null ? c : { ...c, root: ids.get(c.root) ?? c.root };
      case 'contains':
        return { ...c, set: operand(c.set, top) as typeof c.set, value: operand(c.value, top) };
      case 'exists':
        return { ...c, field: operand(c.field, top) as typeof c.field };
      case 'any':
      case 'all':
        return { ...c, quantifier: quantifier(c.quantifier, top) };
      default:
        return c;
    }
  };
  const clause = <C extends CheckedClause>(c: C): C => ({ ...c, when: condition(c.when, true), unless: c.unless && condition(c.unless, true) });
  return {
    ...p,
    contexts: p.contexts.map((c) => ({ ...c, body: condition(c.body, true) })),
    values: p.values.map((v) => ({ ...v, name: name(v.name), value: operand(v.value, true) })),
    redlines: p.redlines.map(clause),
    rules: p.rules.map(clause),
    exemptions: p.exemptions.map(clause),
  };
}

const contextMaps = new WeakMap<Program, ReadonlyMap<string, Condition>>();
const valueMaps = new WeakMap<Program, ReadonlyMap<string, Operand>>();

function contextMap(p: Program): ReadonlyMap<string, Condition> {
  let m = contextMaps.get(p);
  if (!m) contextMaps.set(p, (m = new Map(p.contexts.map((c) => [c.name, c.body]))));
  return m;
}

function valueMap(p: Program): ReadonlyMap<string, Operand> {
  let m = valueMaps.get(p);
  if (!m) valueMaps.set(p, (m = new Map(p.values.map((v) => [v.name, v.value]))));
  return m;
}

/** A test the model makes a variable of, and a version that reads it (to evaluate it on inputs). */
export interface AtomLeaf {
  readonly condition: Condition;
  readonly program: Program;
}

/**
 * Every leaf test of the programs by model key (the first version that reads it), following
 * contexts as the model builder does. Only the keys the model has.
 */
export function leavesOf(model: FiniteModel, programs: readonly Program[]): Map<string, AtomLeaf[]> {
  const out = new Map<string, AtomLeaf[]>();
  for (const program of programs) {
    const contexts = contextMap(program);
    const seen = new Set<string>();
    const visit = (c: Condition): void => {
      switch (c.kind) {
        case 'context': {
          const body = contexts.get(c.name);
          if (body && !seen.has(c.name)) {
            seen.add(c.name);
            visit(body);
          }
          return;
        }
        case 'not':
          visit(c.operand);
          return;
        case 'and':
        case 'or':
          c.operands.forEach(visit);
          return;
      }
      const leaf = leafOf(c);
      if (leaf.kind === 'const' || !model.byKey.has(leaf.key)) return;
      const list = out.get(leaf.key);
      if (!list) out.set(leaf.key, [{ condition: c, program }]);
      else if (!list.some((l) => l.program === program)) list.push({ condition: c, program });
    };
    for (const c of clausesOf(program)) {
      visit(c.when);
      if (c.unless) visit(c.unless);
    }
    for (const c of program.contexts) visit(c.body);
  }
  return out;
}

/** The operand a tracked int/date/enum/string variable stands for in a leaf test, or null (bool-valued leaves). */
export function trackedOperand(c: Condition): Operand | null {
  if (c.kind === 'in') return c.operand;
  if (c.kind === 'compare') return c.right.kind === 'literal' ? c.left : c.right;
  return null;
}

/** A readable text of a model variable: its field, `x exists`, the value context's name, or the test an opaque atom is. */
export function atomLabel(v: ModelVar, leaves: ReadonlyMap<string, readonly AtomLeaf[]>): string {
  const leaf = leaves.get(v.key)?.[0];
  if (v.key.startsWith('@')) return shownName(v.key.slice(1));
  if (!leaf) return v.key;
  if (v.key.startsWith('count#')) {
    const o = trackedOperand(leaf.condition);
    return o ? printOperand(o) : v.key;
  }
  if (v.kind === 'opaque') {
    const c = leaf.condition;
    // A two-field comparison keeps its key's text (Bylaw 1 printed it so).
    if (c.kind === 'compare' && c.left.kind === 'field' && c.right.kind === 'field' && c.left.root === null && c.right.root === null) return v.key;
    return `(${printCondition(c)})`;
  }
  return v.key;
}

/** The reason of a comparison of two varying values (Bylaw 1's only inexact atom). */
export const TWO_VALUES = 'compares two varying values: a free true/false';

/**
 * Every variable's label (`atomLabel`), except that an opaque atom which is the whole body of a
 * context goes by the context's name (`warning_blocks`). Two variables that would read the same
 * (a context or value context whose body differs between versions) are told apart by the side
 * that reads them (`strikes_on_record@old`, `@new`), or else by the first version that does
 * (`warning_blocks@2019-02-25`).
 */
export function atomLabels(model: FiniteModel, leaves: ReadonlyMap<string, readonly AtomLeaf[]>, old: ReadonlySet<Program>): Map<string, string> {
  const base = new Map<string, string>();
  for (const v of model.vars) {
    let label = atomLabel(v, leaves);
    if (v.kind === 'opaque') {
      for (const leaf of leaves.get(v.key) ?? []) {
        const context = leaf.program.contexts.find((c) => c.body === leaf.condition);
        if (context) {
          label = context.name;
          break;
        }
      }
    }
    base.set(v.key, label);
  }
  const uses = new Map<string, ModelVar[]>();
  for (const v of model.vars) uses.set(base.get(v.key)!, [...(uses.get(base.get(v.key)!) ?? []), v]);
  const out = new Map<string, string>();
  for (const [label, vars] of uses) {
    if (vars.length === 1) {
      out.set(vars[0]!.key, label);
      continue;
    }
    const sides = vars.map((v) => {
      const programs = (leaves.get(v.key) ?? []).map((l) => l.program);
      const inOld = programs.some((p) => old.has(p));
      const inNew = programs.some((p) => !old.has(p));
      return inOld && !inNew ? 'old' : inNew && !inOld ? 'new' : null;
    });
    const bySide = sides.every((x) => x !== null) && new Set(sides).size === sides.length;
    vars.forEach((v, i) => out.set(v.key, `${label}@${bySide ? sides[i] : (leaves.get(v.key)?.[0]?.program.version ?? i + 1)}`));
  }
  return out;
}

/** Why a diff is not exact: one reason per atom the model cannot track exactly. */
export interface InexactReason {
  /** The atom as the regions print it. */
  readonly atom: string;
  /** The test it stands for, where the atom goes by another name (a context's, a value context's). */
  readonly test?: string;
  readonly why: string;
}

/** The reasons (in model order); none: every point of the model is some input, and the diff is exact. */
export function inexactReasons(model: FiniteModel, leaves: ReadonlyMap<string, readonly AtomLeaf[]>, labels: ReadonlyMap<string, string>): InexactReason[] {
  const out: InexactReason[] = [];
  const label = (v: ModelVar) => labels.get(v.key) ?? v.key;
  const test = (v: ModelVar): { test?: string } => {
    const own = atomLabel(v, leaves);
    const leaf = leaves.get(v.key)?.[0];
    if (v.key.startsWith('@') && leaf) {
      const o = trackedOperand(leaf.condition);
      const body = o?.kind === 'value' ? valueMap(leaf.program).get(o.name) : undefined;
      return body ? { test: printOperand(body) } : {};
    }
    return own !== label(v) ? { test: own.startsWith('(') && own.endsWith(')') ? own.slice(1, -1) : own } : {};
  };
  const counts = model.vars.flatMap((v) => {
    const q = countOf(v, leaves);
    return q ? [{ v, q }] : [];
  });
  for (const v of model.vars) {
    const atom = label(v);
    const leaf = leaves.get(v.key)?.[0];
    if (v.kind === 'opaque') {
      out.push({ atom, ...test(v), why: leaf ? opaqueWhy(leaf.condition) : 'a test the model treats as a free true/false' });
      continue;
    }
    if (v.key.startsWith('@') && leaf) {
      const o = trackedOperand(leaf.condition);
      const value = o?.kind === 'value' ? valueMap(leaf.program).get(o.name) : undefined;
      if (value && value.kind !== 'count') out.push({ atom, ...test(v), why: 'a value context computed from other values, tracked as a free variable' });
    }
  }
  for (const { v, q } of counts) {
    const atom = label(v);
    const collection = q.collection.path.join('.');
    const reads = [...inputReads(q.where, leaves.get(v.key)![0]!.program)];
    if (reads.length > 0) {
      out.push({ atom, ...test(v), why: `its \`where\` reads ${reads.map((r) => `\`${r}\``).join(', ')}: the count is not free whatever those are` });
      continue;
    }
    const others = model.vars.filter((w) => w !== v && readsCollection(w, collection, leaves));
    if (others.length > 0) {
      out.push({ atom, ...test(v), why: `\`${collection}\` is also read by ${others.map((w) => `\`${describeVar(w, label)}\``).join(', ')}` });
      continue;
    }
    const most = q.collection.type.kind === 'set' ? q.collection.type.element.members.length : MAX_LIST_LENGTH;
    if (v.classes.some((c) => c.kind === 'range' && c.lo > most)) out.push({ atom, ...test(v), why: `\`${collection}\` holds at most ${most} elements` });
  }
  return out;
}

/** The quantifier of a count variable (`count#…`, or `@n` whose body is a count), if it is one. */
export function countOf(v: ModelVar, leaves: ReadonlyMap<string, readonly AtomLeaf[]>): Quantifier | null {
  const leaf = leaves.get(v.key)?.[0];
  if (!leaf) return null;
  let o = trackedOperand(leaf.condition);
  for (let depth = 0; o?.kind === 'value' && depth < 32; depth++) o = valueMap(leaf.program).get(o.name) ?? null;
  return o?.kind === 'count' ? o.quantifier : null;
}

/** The quantifier of an `any` / `all` atom, if it is one. */
export function quantifierOf(v: ModelVar, leaves: ReadonlyMap<string, readonly AtomLeaf[]>): Quantifier | null {
  const c = leaves.get(v.key)?.[0]?.condition;
  return c && (c.kind === 'any' || c.kind === 'all') ? c.quantifier : countOf(v, leaves);
}

/** A variable as a test: `categories has x` for a set member, else its label. */
function describeVar(w: ModelVar, label: (v: ModelVar) => string): string {
  return w.kind === 'member' ? `${w.path.join('.')} has ${w.member}` : label(w);
}

function readsCollection(w: ModelVar, collection: string, leaves: ReadonlyMap<string, readonly AtomLeaf[]>): boolean {
  const q = quantifierOf(w, leaves);
  const under = (path: readonly string[]) => {
    const p = path.join('.');
    return p === collection || p.startsWith(`${collection}.`) || collection.startsWith(`${p}.`);
  };
  if (q) return under(q.collection.path);
  const leaf = leaves.get(w.key)?.[0];
  if (w.kind === 'opaque') return leaf !== undefined && [...inputReads(leaf.condition, leaf.program)].some((p) => under(p.split('.')));
  return w.path.length > 0 && under(w.path);
}

function opaqueWhy(c: Condition): string {
  switch (c.kind) {
    case 'any':
    case 'all':
      return `a quantifier (\`${c.kind}\`), treated as a free true/false`;
    case 'contains':
      return 'a set tested with a varying value, treated as a free true/false';
    case 'compare': {
      const shifted = [c.left, c.right].some((o) => o.kind === 'shift');
      return shifted ? 'a date moved by a duration, compared with another varying value: a free true/false' : TWO_VALUES;
    }
    default:
      return 'a test the model treats as a free true/false';
  }
}

/** The input fields (root: the input) a condition reads, through the contexts and values of `program`. */
export function inputReads(c: Condition | null, program: Program): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  const operand = (o: Operand): void => {
    if (o.kind === 'field' && o.root === null) out.add(o.path.join('.'));
    else if (o.kind === 'shift') operand(o.base);
    else if (o.kind === 'count') quantifier(o.quantifier);
    else if (o.kind === 'value' && !seen.has(`@${o.name}`)) {
      seen.add(`@${o.name}`);
      const body = valueMap(program).get(o.name);
      if (body) operand(body);
    }
  };
  const quantifier = (q: Quantifier) => {
    operand(q.collection);
    if (q.where) condition(q.where);
  };
  const condition = (x: Condition): void => {
    switch (x.kind) {
      case 'field':
      case 'has':
        if (x.root === null) out.add(x.path.join('.'));
        return;
      case 'not':
        condition(x.operand);
        return;
      case 'and':
      case 'or':
        x.operands.forEach(condition);
        return;
      case 'compare':
        operand(x.left);
        operand(x.right);
        return;
      case 'in':
        operand(x.operand);
        return;
      case 'contains':
        operand(x.set);
        operand(x.value);
        return;
      case 'exists':
        operand(x.field);
        return;
      case 'any':
      case 'all':
        quantifier(x.quantifier);
        return;
      case 'context': {
        const body = contextMap(program).get(x.name);
        if (body && !seen.has(x.name)) {
          seen.add(x.name);
          condition(body);
        }
        return;
      }
      default:
        return;
    }
  };
  if (c) condition(c);
  return out;
}
