import type { Condition, Operand, PolicySet, Quantifier, RecordType, Type } from '../checker/program.js';

/**
 * What the fast reader (fast-parse.ts) needs to know of the policies before reading: whether
 * their versions share one input type (`signature`), whether it contains itself (`recursive`),
 * and which string fields some condition reads (`collectPaths`: others are checked, not copied).
 */

/** A type's shape, for telling whether versions declare the same input type. */
export function signature(type: Type): string {
  switch (type.kind) {
    case 'record':
      return `{${type.fields.map((f) => `${f.name}${f.optional ? '?' : ''}:${signature(f.type)}`).join(',')}}`;
    case 'enum':
      return `enum(${type.members.join(',')})`;
    case 'set':
      return `set(${signature(type.element)})`;
    case 'list':
      return `list(${signature(type.element)})`;
    case 'int':
      return `int(${type.min}..${type.max})`;
    default:
      return type.kind;
  }
}

/** Whether a record contains itself (through lists or optional fields): the fast reader leaves those to the slow path. */
export function recursive(type: RecordType, above: readonly RecordType[] = []): boolean {
  if (above.includes(type)) return true;
  const inner = (t: Type): boolean => (t.kind === 'record' ? recursive(t, [...above, type]) : t.kind === 'list' ? inner(t.element) : false);
  return type.fields.some((f) => inner(f.type));
}

/**
 * The paths a condition reads, below the input: a quantifier's element reads are below its
 * collection (`channel.warnings.policy` for `w.policy` in `w in item.channel.warnings`).
 */
export function collectPaths(c: Condition, into: Set<string>, roots: Map<number, readonly string[]>): void {
  const at = (root: number | null, path: readonly string[]) => [...(root === null ? [] : (roots.get(root) ?? [])), ...path].join('.');
  switch (c.kind) {
    case 'field':
    case 'has':
      into.add(at(c.root, c.path));
      return;
    case 'not':
      collectPaths(c.operand, into, roots);
      return;
    case 'and':
    case 'or':
      for (const o of c.operands) collectPaths(o, into, roots);
      return;
    case 'compare':
      collectOperand(c.left, into, roots);
      collectOperand(c.right, into, roots);
      return;
    case 'in':
      collectOperand(c.operand, into, roots);
      return;
    case 'contains':
      collectOperand(c.set, into, roots);
      collectOperand(c.value, into, roots);
      return;
    case 'exists':
      collectOperand(c.field, into, roots);
      return;
    case 'any':
    case 'all':
      collectQuantifier(c.quantifier, into, roots);
      return;
    default:
      return;
  }
}

export function collectOperand(o: Operand, into: Set<string>, roots: Map<number, readonly string[]>): void {
  if (o.kind === 'field') into.add([...(o.root === null ? [] : (roots.get(o.root) ?? [])), ...o.path].join('.'));
  else if (o.kind === 'shift') collectOperand(o.base, into, roots);
  else if (o.kind === 'count') collectQuantifier(o.quantifier, into, roots);
}

function collectQuantifier(q: Quantifier, into: Set<string>, roots: Map<number, readonly string[]>): void {
  collectOperand(q.collection, into, roots);
  const c = q.collection;
  roots.set(q.id, [...(c.root === null ? [] : (roots.get(c.root) ?? [])), ...c.path]);
  if (q.where) collectPaths(q.where, into, roots);
}

/**
 * What a fast reader of the sets' input is made from: the input type their versions share, and
 * the paths of the fields some condition or value reads (a string no one reads is checked, not
 * copied). Null when the versions declare different input types (the version is only known after
 * reading the date) or the type contains itself: the slow path reads those.
 */
export function readerInput(sets: readonly PolicySet[]): { readonly type: RecordType; readonly read: ReadonlySet<string> } | null {
  const types = sets.flatMap((s) => s.versions.map((v) => v.inputType));
  if (new Set(types.map(signature)).size !== 1 || recursive(types[0]!)) return null;
  const paths = new Set<string>();
  for (const set of sets) {
    for (const v of set.versions) {
      const roots = new Map<number, readonly string[]>();
      for (const c of [...v.contexts.map((x) => x.body), ...[...v.redlines, ...v.rules, ...v.exemptions].flatMap((x) => (x.unless ? [x.when, x.unless] : [x.when]))]) {
        collectPaths(c, paths, roots);
      }
      for (const x of v.values) collectOperand(x.value, paths, roots);
    }
  }
  return { type: types[0]!, read: paths };
}
