import type { EnumType, RecordType, Type } from './program.js';

export const BUILTIN_TYPES = ['bool', 'int', 'string', 'date', 'set', 'list'] as const;

export const BOOL: Type = { kind: 'bool' };
export const STRING: Type = { kind: 'string' };
export const DATE: Type = { kind: 'date' };
export const INT: Type = { kind: 'int', min: null, max: null };

/** How a type is written in messages: `int`, `Role`, `set<Category>`. */
export function typeName(type: Type): string {
  switch (type.kind) {
    case 'enum':
    case 'record':
      return type.name;
    case 'set':
      return `set<${type.element.name}>`;
    case 'list':
      return `list<${typeName(type.element)}>`;
    default:
      return type.kind;
  }
}

/** Values of these types can be compared with each other (bounds on ints do not matter). */
export function comparable(a: Type, b: Type): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'enum' || a.kind === 'record') return a.name === (b as EnumType | RecordType).name;
  if (a.kind === 'set') return a.element.name === (b as { element: EnumType }).element.name;
  if (a.kind === 'list') return comparable(a.element, (b as { element: Type }).element);
  return true;
}

export function isOrdered(type: Type): boolean {
  return type.kind === 'int' || type.kind === 'date';
}

export function fieldOf(record: RecordType, name: string): Type | undefined {
  return record.fields.find((f) => f.name === name)?.type;
}
