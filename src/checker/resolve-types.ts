import type * as A from '../ast/nodes.js';
import type { DiagnosticBag } from '../diagnostics/codes.js';
import type { EnumType, RecordField, RecordType, Type } from './program.js';
import { KIND_WORDS, type Scope } from './scope.js';
import { BOOL, BUILTIN_TYPES, DATE, STRING, typeName } from './types.js';
import type { RecordReference } from './references.js';

/**
 * Fields left out of a record because their type had an error (already reported). A condition
 * that reads one must not add "no field `x`" (BL202) to the error about its type.
 */
const invalidFields = new WeakMap<RecordType, ReadonlySet<string>>();

/** True when `record` declares `field` but its type could not be resolved. */
export function hasInvalidField(record: RecordType, field: string): boolean {
  return invalidFields.get(record)?.has(field) ?? false;
}

/**
 * Records nested deeper than this are refused (BL007): resolving, validating and compiling them
 * recurse once per level, so a chain of 10,000 records would overflow the stack.
 */
export const MAX_RECORD_DEPTH = 100;

/** Resolves every enum and record declaration to a type; unknown or invalid types are reported. */
/** `resolved`: told each declared type a type reference names, for the side table of references. */
export function resolveTypes(scope: Scope, bag: DiagnosticBag, resolved?: RecordReference): Map<string, EnumType | RecordType> {
  const types = new Map<string, EnumType | RecordType>();
  for (const { decl } of scope.byKind('enum')) {
    const seen = new Set<string>();
    for (const member of decl.members) {
      if (seen.has(member.name)) bag.emit('BL405', member.span, { name: member.name, in: { enum: decl.name.name } });
      seen.add(member.name);
    }
    types.set(decl.name.name, { kind: 'enum', name: decl.name.name, members: [...seen], span: decl.name.span });
  }
  const resolving = new Set<string>();
  const resolveRecord = (decl: A.RecordDecl): RecordType | null => {
    const name = decl.name.name;
    const done = types.get(name);
    if (done) return done as RecordType;
    if (resolving.size >= MAX_RECORD_DEPTH) {
      bag.emit('BL007', decl.name.span, { kind: 'record', record: name, max: MAX_RECORD_DEPTH });
      return null;
    }
    if (resolving.has(name)) {
      bag.emit('BL210', decl.name.span, { kind: 'contains-itself', record: name });
      return null;
    }
    resolving.add(name);
    const fields: RecordField[] = [];
    const invalid = new Set<string>();
    const seen = new Map<string, A.FieldDecl>();
    for (const field of decl.fields) {
      const first = seen.get(field.name.name);
      if (first) {
        bag.emit('BL105', field.name.span, { kind: 'field', field: field.name.name, record: name, first: first.name.span });
        continue;
      }
      seen.set(field.name.name, field);
      const type = resolveType(field.type);
      if (type) fields.push({ name: field.name.name, type, optional: field.optional, span: field.name.span });
      else invalid.add(field.name.name);
    }
    resolving.delete(name);
    const record: RecordType = { kind: 'record', name, fields, span: decl.name.span };
    if (invalid.size > 0) invalidFields.set(record, invalid);
    types.set(name, record);
    return record;
  };
  const resolveType = (ref: A.TypeRef): Type | null => {
    switch (ref.kind) {
      case 'BoundedIntType': {
        if (ref.keyword.name !== 'int') {
          bag.emit('BL210', ref.span, { kind: 'bounds', keyword: ref.keyword.name });
          return null;
        }
        const min = ref.min?.value ?? null;
        const max = ref.max?.value ?? null;
        if (min !== null && max !== null && min > max) {
          bag.emit('BL210', ref.span, { kind: 'empty-range', min, max });
          return null;
        }
        return { kind: 'int', min, max };
      }
      case 'SetType': {
        if (ref.keyword.name !== 'set') {
          bag.emit('BL210', ref.span, { kind: 'argument', keyword: ref.keyword.name });
          return null;
        }
        const element = resolveType(ref.element);
        if (!element) return null;
        if (element.kind !== 'enum') {
          bag.emit('BL210', ref.element.span, { kind: 'set-element' });
          return null;
        }
        return { kind: 'set', element };
      }
      case 'ListType': {
        if (ref.keyword.name !== 'list') {
          bag.emit('BL210', ref.span, { kind: 'argument', keyword: ref.keyword.name });
          return null;
        }
        const element = resolveType(ref.element);
        if (!element) return null;
        if (element.kind !== 'record' && element.kind !== 'enum' && element.kind !== 'int' && element.kind !== 'date') {
          bag.emit('BL210', ref.element.span, { kind: 'list-element', type: typeName(element), list: element.kind === 'list' });
          return null;
        }
        return { kind: 'list', element };
      }
      case 'NamedType':
        return resolveNamed(ref.name);
    }
  };
  const resolveNamed = (name: A.Identifier): Type | null => {
    switch (name.name) {
      case 'bool':
        return BOOL;
      case 'string':
        return STRING;
      case 'date':
        return DATE;
      case 'int':
        return { kind: 'int', min: null, max: null };
      case 'set':
        bag.emit('BL210', name.span, { kind: 'bare', keyword: 'set' });
        return null;
      case 'list':
        bag.emit('BL210', name.span, { kind: 'bare', keyword: 'list' });
        return null;
    }
    const symbol = scope.symbols.get(name.name);
    if (symbol?.kind === 'enum' || symbol?.kind === 'record') resolved?.(name.span, symbol.kind, symbol.decl.name.span);
    if (symbol?.kind === 'enum') return types.get(name.name)!;
    if (symbol?.kind === 'record') return resolveRecord(symbol.decl);
    if (symbol) {
      bag.emit('BL203', name.span, { kind: 'not-a-type', name: name.name, is: KIND_WORDS[symbol.kind] });
      return null;
    }
    const candidates = [...BUILTIN_TYPES, ...scope.namesOf('enum', 'record')];
    bag.emit('BL203', name.span, { kind: 'unknown', name: name.name, candidates, input: false });
    return null;
  };
  for (const { decl } of scope.byKind('record')) resolveRecord(decl);
  return types;
}

/** The type of the `input` declaration, which must be a record. */
export function resolveInputType(decl: A.InputDecl, types: ReadonlyMap<string, EnumType | RecordType>, bag: DiagnosticBag, resolved?: RecordReference): RecordType | null {
  if (decl.type.kind === 'NamedType') {
    const type = types.get(decl.type.name.name);
    if (type?.kind === 'record') {
      resolved?.(decl.type.name.span, 'record', type.span);
      return type;
    }
    if (!type && !['bool', 'int', 'string', 'date', 'set', 'list'].includes(decl.type.name.name)) {
      bag.emit('BL203', decl.type.span, { kind: 'unknown', name: decl.type.name.name, candidates: [...types.keys()], input: true });
      return null;
    }
  }
  bag.emit('BL210', decl.type.span, { kind: 'input' });
  return null;
}
