/**
 * The input types of a policy set as TypeScript declarations: an interface per record, a
 * string-literal union per enum, a union of the scale's actions. Versions may declare different
 * records under one name; equal declarations share one type. A name declared differently by
 * different versions never stands alone: each of its declarations is named after the first version
 * whose input reaches it (`Message_v1`, `Post_2023_02_23`), so the name says which version it is.
 */
import type { EnumType, PolicySet, RecordType, Type } from '../checker/program.js';
import { MAX_LIST_LENGTH } from '../runtime/validate.js';
import { jsString, propertyKey, TypeNames, versionedName } from './names.js';
import { hasStatements, STATEMENT_EXPORTS } from './statements.js';

/** A structural key: two declarations with the same key are the same TypeScript type. */
export function signature(type: Type): string {
  switch (type.kind) {
    case 'enum':
      return `enum ${JSON.stringify(type.name)}${JSON.stringify(type.members)}`;
    case 'record':
      return `record ${JSON.stringify(type.name)}{${type.fields.map((f) => `${JSON.stringify(f.name)}${f.optional ? '?' : ''}:${signature(f.type)}`).join(',')}}`;
    case 'set':
      return `set<${signature(type.element)}>`;
    case 'list':
      return `list<${signature(type.element)}>`;
    case 'int':
      return `int(${type.min ?? ''}..${type.max ?? ''})`;
    default:
      return type.kind;
  }
}

interface Declared {
  readonly name: string;
  readonly type: EnumType | RecordType;
}

export class TypeModel {
  private readonly names: TypeNames;
  private readonly bySignature = new Map<string, Declared>();
  /** In the order first reached: each version's input record, depth-first through its fields. */
  private readonly declared: Declared[] = [];
  /** The TypeScript name of the scale's actions type (the first outcome's, with declared outcomes). */
  readonly actionType: string;
  /** The scale's members across versions, in order of first appearance. */
  readonly actions: readonly string[];
  /** The TypeScript type of each version's input. */
  readonly inputTypes: readonly string[];
  /** Every scale an outcome is decided on, by name: its type's name and members across versions. */
  readonly scales = new Map<string, { readonly name: string; readonly members: string[] }>();
  /** With declared outcomes: the name of each outcome's part type (`ContentDecision`), by outcome. */
  readonly outcomeTypes = new Map<string, string>();

  constructor(set: PolicySet) {
    this.names = new TypeNames(hasStatements(set) ? STATEMENT_EXPORTS : []);
    const reached = set.versions.map((v) => reachable(v.inputType));
    const shapes = new Map<string, Set<string>>();
    for (const types of reached) {
      for (const [key, type] of types) {
        const keys = shapes.get(type.name);
        if (keys) keys.add(key);
        else shapes.set(type.name, new Set([key]));
      }
    }
    // Depth-first from each version's input, oldest first: the order names are allocated in.
    this.inputTypes = set.versions.map((v, i) => {
      for (const [key, type] of reached[i]!) {
        if (this.bySignature.has(key)) continue;
        const name = shapes.get(type.name)!.size > 1 ? versionedName(type.name, v.version) : type.name;
        const entry: Declared = { name: this.names.allocate(name), type };
        this.bySignature.set(key, entry);
        this.declared.push(entry);
      }
      return this.bySignature.get(signature(v.inputType))!.name;
    });
    const actions: string[] = [];
    for (const v of set.versions) for (const m of v.scale.members) if (!actions.includes(m)) actions.push(m);
    this.actions = actions;
    this.actionType = this.names.allocate(set.versions[0]!.scale.name);
    this.scales.set(set.versions[0]!.scale.name, { name: this.actionType, members: actions });
    if (!set.versions.some((v) => v.declaredOutcomes)) return;
    // Each scale's own members (the first scale's are `actions` only when every version is Bylaw 1).
    this.scales.clear();
    this.scales.set(set.versions[0]!.scale.name, { name: this.actionType, members: [] });
    for (const v of set.versions) {
      for (const o of v.outcomes) {
        let scale = this.scales.get(o.scale.name);
        if (!scale) this.scales.set(o.scale.name, (scale = { name: this.names.allocate(o.scale.name), members: [] }));
        for (const m of o.scale.members) if (!scale.members.includes(m)) scale.members.push(m);
      }
    }
    for (const v of set.versions) {
      if (!v.declaredOutcomes) continue;
      for (const o of v.outcomes) {
        if (!this.outcomeTypes.has(o.name)) this.outcomeTypes.set(o.name, this.names.allocate(`${o.name.charAt(0).toUpperCase()}${o.name.slice(1)}Decision`));
      }
    }
  }

  /** The input type accepted by `decide`: one version's input, or the union of distinct ones. */
  get inputUnion(): string {
    return [...new Set(this.inputTypes)].join(' | ');
  }

  /** The TypeScript type for a field type. */
  typeOf(type: Type): string {
    switch (type.kind) {
      case 'bool':
        return 'boolean';
      case 'int':
        return 'number';
      case 'string':
      case 'date':
        return 'string';
      case 'set':
      case 'list':
        return `readonly ${this.typeOf(type.element)}[]`;
      case 'enum':
      case 'record':
        return this.bySignature.get(signature(type))!.name;
    }
  }

  /** The exported declarations, one per line or block. */
  declarations(): string[] {
    const out: string[] = [];
    if (this.outcomeTypes.size === 0) {
      out.push(`/** The actions of the scale, least severe first. */`);
      out.push(`export type ${this.actionType} = ${this.actions.map(jsString).join(' | ')};`);
    } else {
      for (const { name, members } of this.scales.values()) {
        out.push(`/** The actions of a scale, least severe first. */`);
        out.push(`export type ${name} = ${members.map(jsString).join(' | ')};`);
      }
    }
    for (const { name, type } of this.declared) {
      out.push('');
      if (type.kind === 'enum') {
        out.push(`export type ${name} = ${type.members.length === 0 ? 'never' : type.members.map(jsString).join(' | ')};`);
        continue;
      }
      out.push(`export interface ${name} {`);
      for (const field of type.fields) {
        const doc = fieldDoc(field.type);
        if (doc) out.push(`  /** ${doc} */`);
        // An optional field may be absent or null (LANGUAGE-2 §6).
        if (field.optional) out.push(`  readonly ${propertyKey(field.name)}?: ${this.typeOf(field.type)} | null;`);
        else out.push(`  readonly ${propertyKey(field.name)}: ${this.typeOf(field.type)};`);
      }
      out.push('}');
    }
    return out;
  }
}

/** A doc comment for types TypeScript cannot say: bounds, dates. Only numbers, never policy text. */
function fieldDoc(type: Type): string | null {
  if (type.kind === 'date') return 'An ISO date, `YYYY-MM-DD`.';
  if (type.kind === 'list') {
    const element = fieldDoc(type.element);
    return `At most ${thousands(MAX_LIST_LENGTH)} elements${element === null ? '' : `, each: ${element.charAt(0).toLowerCase()}${element.slice(1)}`}`.replace(/\.?$/, '.');
  }
  if (type.kind === 'int') {
    const bounds = [type.min !== null ? `at least ${type.min}` : null, type.max !== null ? `at most ${type.max}` : null].filter((b) => b !== null);
    return `A safe integer${bounds.length ? `, ${bounds.join(' and ')}` : ''}.`;
  }
  return null;
}

/** The records and enums a type reaches, by signature: itself first, then depth-first through its fields. */
function reachable(type: EnumType | RecordType, out = new Map<string, EnumType | RecordType>()): Map<string, EnumType | RecordType> {
  const key = signature(type);
  if (out.has(key)) return out;
  out.set(key, type);
  if (type.kind === 'record') {
    for (const field of type.fields) {
      const inner = field.type.kind === 'set' || field.type.kind === 'list' ? field.type.element : field.type;
      if (inner.kind === 'record' || inner.kind === 'enum') reachable(inner, out);
    }
  }
  return out;
}

const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
