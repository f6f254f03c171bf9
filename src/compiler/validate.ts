/**
 * Input validation, generated per declared type: one checking function per record and per
 * enum, calling the runtime's ports of src/semantics/validate.ts so paths and messages match
 * the interpreter's exactly. Equal types (by structure) share one function across versions.
 */
import type { EnumType, RecordType, Type } from '../checker/program.js';
import { ts, type Writer } from './emit.js';
import { internal, jsNumber, jsString } from './names.js';
import { signature } from './types.js';

const CHECK_PARAMS = `value${ts(': unknown')}, path${ts(': string')}, problems${ts(': InputProblem[]')}`;

export class ValidationCode {
  private readonly bySignature = new Map<string, string>();
  private readonly blocks: string[][] = [];

  /** The name of the function checking a record or enum (generated on first use). */
  checker(type: RecordType | EnumType): string {
    const key = signature(type);
    const known = this.bySignature.get(key);
    if (known) return known;
    const n = this.blocks.length;
    const name = internal(`check${n}`);
    this.bySignature.set(key, name);
    const block: string[] = [];
    this.blocks.push(block);
    if (type.kind === 'enum') {
      const members = internal(`members${n}`);
      block.push(`const ${members} = [${type.members.map(jsString).join(', ')}];`);
      block.push(`function ${name}(${CHECK_PARAMS})${ts(': void')} {`);
      block.push(`  $checkEnum(value, path, problems, ${members}, ${jsString(`expected one of ${type.name} (${type.members.join(', ')}), got `)});`);
      block.push('}');
      return name;
    }
    const fields = internal(`fields${n}`);
    block.push(`const ${fields} = [${type.fields.map((f) => jsString(f.name)).join(', ')}];`);
    block.push(`function ${name}(${CHECK_PARAMS})${ts(': void')} {`);
    block.push(`  if (!$isRecord(value)) {`);
    block.push(`    $expected(problems, path, ${jsString(`an object (${type.name})`)}, value);`);
    block.push(`    return;`);
    block.push(`  }`);
    block.push(`  const prefix = path === "" ? "" : path + ".";`);
    for (const field of type.fields) {
      const key = jsString(field.name);
      const fieldPath = `prefix + ${key}`;
      block.push(`  if (!$own(value, ${key})) $report(problems, ${fieldPath}, "missing field");`);
      block.push(`  else ${this.call(field.type, `value[${key}]`, fieldPath)};`);
    }
    block.push(`  $checkUnknownFields(value, prefix, problems, ${fields}, ${jsString(type.name)});`);
    block.push('}');
    return name;
  }

  /** A call checking `value` of `type` at `path`. */
  private call(type: Type, value: string, path: string): string {
    switch (type.kind) {
      case 'bool':
        return `$checkBool(${value}, ${path}, problems)`;
      case 'string':
        return `$checkString(${value}, ${path}, problems)`;
      case 'date':
        return `$checkDate(${value}, ${path}, problems)`;
      case 'int':
        return `$checkInt(${value}, ${path}, problems, ${type.min === null ? 'null' : jsNumber(type.min)}, ${type.max === null ? 'null' : jsNumber(type.max)})`;
      case 'set':
        return `$checkSet(${value}, ${path}, problems, ${jsString(`a list of ${type.element.name}`)}, ${this.checker(type.element)})`;
      case 'enum':
      case 'record':
        return `${this.checker(type)}(${value}, ${path}, problems)`;
    }
  }

  emit(w: Writer): void {
    for (const block of this.blocks) {
      w.lines_(block);
      w.line();
    }
  }
}
