/**
 * What code generation needs to know about a version beyond one condition: its contexts and
 * value contexts by name, its quantifiers by id, which reads go through optional fields (read
 * with `?.`, so no backend ever reads a field of an absent value), which roots a condition reads
 * (a quantifier's `where` passes what does not depend on its element in from outside), and which
 * conditions walk lists (kept out of the module-level functions of cached conditions, which
 * cannot see `decide`'s per-call caches).
 */
import type { Condition, Operand, Program, Quantifier, RecordType, Root, Type } from '../checker/program.js';
import { access, jsString } from './names.js';

type Node = Condition | Operand;

/** A read of a field (of a value read, a bool condition, a set tested with `has`). */
export interface Read {
  readonly root: Root;
  readonly path: readonly string[];
}

const scopes = new WeakMap<Program, Scope>();

export class Scope {
  readonly contexts: ReadonlyMap<string, Condition>;
  readonly values: ReadonlyMap<string, Operand>;
  private readonly quantifiers = new Map<number, Quantifier>();
  private readonly free = new WeakMap<object, ReadonlySet<number>>();
  private readonly lists = new WeakMap<object, boolean>();

  static of(program: Program): Scope {
    let scope = scopes.get(program);
    if (!scope) scopes.set(program, (scope = new Scope(program)));
    return scope;
  }

  private constructor(readonly program: Program) {
    this.contexts = new Map(program.contexts.map((c) => [c.name, c.body]));
    this.values = new Map(program.values.map((v) => [v.name, v.value]));
    const clauses = [...program.redlines, ...program.rules, ...program.exemptions];
    for (const c of clauses) {
      this.collect(c.when);
      if (c.unless) this.collect(c.unless);
    }
    for (const c of program.contexts) this.collect(c.body);
    for (const v of program.values) this.collect(v.value);
  }

  private collect(node: Node): void {
    forEachChild(node, (child) => this.collect(child), (q) => {
      this.quantifiers.set(q.id, q);
      if (q.where) this.collect(q.where);
    });
  }

  /** The type below a root: the input record, or a quantifier's element. */
  private rootType(root: Root): Type {
    return root === null ? this.program.inputType : this.quantifiers.get(root)!.element;
  }

  /** The type of the value a read gives. */
  typeAt(f: Read): Type {
    let type = this.rootType(f.root);
    for (const name of f.path) type = (type as RecordType).fields.find((x) => x.name === name)!.type;
    return type;
  }

  /** Whether a read may give an absent value: it reads an optional field, or goes through one. */
  readAbsent(f: Read): boolean {
    return this.optionalSteps(f).includes(true);
  }

  /** For each step of a read, whether the field it reads is declared optional. */
  private optionalSteps(f: Read): boolean[] {
    let type = this.rootType(f.root);
    return f.path.map((name) => {
      const field = (type as RecordType).fields.find((x) => x.name === name)!;
      type = field.type;
      return field.optional;
    });
  }

  /**
   * A read below `rootCode`: `input.author.role`; after an optional field `?.`, so a read
   * through an absent value gives undefined (as the interpreter's) instead of throwing.
   */
  read(f: Read, rootCode: string): string {
    const optional = this.optionalSteps(f);
    let code = rootCode;
    f.path.forEach((name, i) => {
      code = i > 0 && optional[i - 1] ? optionalAccess(code, name) : access(code, name);
    });
    return code;
  }

  /** Whether a value may be absent or null: read at or through an optional field. */
  absent(o: Operand): boolean {
    switch (o.kind) {
      case 'field':
        return this.readAbsent(o);
      case 'shift':
        return this.absent(o.base);
      case 'value':
        return this.absent(this.values.get(o.name)!);
      default:
        return false;
    }
  }

  /** The quantifiers whose elements a node reads (its own bound names excluded). */
  freeRoots(node: Node | Quantifier): ReadonlySet<number> {
    let set = this.free.get(node);
    if (set) return set;
    const found = new Set<number>();
    if ('collection' in node) {
      for (const r of this.freeRoots(node.collection)) found.add(r);
      if (node.where) for (const r of this.freeRoots(node.where)) found.add(r);
      found.delete(node.id);
    } else {
      const root = rootOf(node);
      if (root !== null) found.add(root);
      forEachChild(node, (child) => this.freeRoots(child).forEach((r) => found.add(r)), (q) => this.freeRoots(q).forEach((r) => found.add(r)));
    }
    this.free.set(node, (set = found));
    return set;
  }

  /**
   * Whether evaluating a node walks a list: a value context, or a quantifier with a `where`
   * (through contexts too). Such results are cached in `decide`'s own locals, which module-level
   * functions cannot see, so conditions that walk lists are never moved into one.
   */
  walksLists(node: Node): boolean {
    let known = this.lists.get(node);
    if (known !== undefined) return known;
    known = false;
    if (node.kind === 'value') known = true;
    else if (node.kind === 'context') known = this.walksLists(this.contexts.get(node.name)!);
    else {
      forEachChild(
        node,
        (child) => void (known ||= this.walksLists(child)),
        (q) => void (known ||= q.where !== null || this.walksLists(q.collection)),
      );
    }
    this.lists.set(node, known);
    return known;
  }
}

/** The root a leaf reads directly (`field`, `has`), if any. */
function rootOf(node: Node): Root {
  return node.kind === 'field' || node.kind === 'has' ? node.root : null;
}

/**
 * Calls `child` for each condition or operand directly below a node and `quantifier` for each
 * quantifier directly in it (not for contexts' bodies or value contexts' operands).
 */
export function forEachChild(node: Node, child: (n: Node) => void, quantifier: (q: Quantifier) => void): void {
  switch (node.kind) {
    case 'not':
      return child(node.operand);
    case 'and':
    case 'or':
      return node.operands.forEach(child);
    case 'compare':
      child(node.left);
      return child(node.right);
    case 'in':
      return child(node.operand);
    case 'contains':
      child(node.set);
      return child(node.value);
    case 'exists':
      return child(node.field);
    case 'any':
    case 'all':
    case 'count':
      return quantifier(node.quantifier);
    case 'shift':
      return child(node.base);
    default:
      return;
  }
}

/** `object?.name`, or `object?.["name"]`. */
function optionalAccess(object: string, name: string): string {
  const plain = access('', name);
  return plain.startsWith('.') ? `${object}?${plain}` : `${object}?.[${jsString(name)}]`;
}
