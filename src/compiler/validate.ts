/**
 * Input validation, generated per declared type: one checking function per record and per enum,
 * made of the runtime's checks (src/runtime/validate.ts), the same the interpreter runs, so paths
 * and messages match exactly. Equal types (by structure) share one function across versions.
 */
import type { EnumType, RecordType, Type } from '../checker/program.js';
import { ts, type Writer } from './emit.js';
import { internal, jsNumber, jsString } from './names.js';
import type { RuntimeUse } from './runtime.js';
import { typeName } from '../checker/types.js';
import { signature } from './types.js';

export class ValidationCode {
  private readonly bySignature = new Map<string, string>();
  private readonly blocks: string[][] = [];

  constructor(private readonly runtime: RuntimeUse) {}

  private get params(): string {
    return `value${ts(': unknown')}, path${ts(': string')}, problems${ts(`: ${this.runtime.use('InputProblem')}[]`)}`;
  }

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
    const rt = (piece: Parameters<RuntimeUse['use']>[0]) => this.runtime.use(piece);
    if (type.kind === 'enum') {
      const members = internal(`members${n}`);
      block.push(`const ${members} = [${type.members.map(jsString).join(', ')}];`);
      block.push(`function ${name}(${this.params})${ts(': void')} {`);
      block.push(`  ${rt('checkEnum')}(value, path, problems, ${jsString(type.name)}, ${members});`);
      block.push('}');
      return name;
    }
    const fields = internal(`fields${n}`);
    // An optional field (`true` third) may be absent or null.
    const entries = type.fields.map((f) => `[${jsString(f.name)}, ${this.check(f.type)}${f.optional ? ', true' : ''}]`);
    const entry = type.fields.some((f) => f.optional)
      ? `readonly [string, ${rt('Check')}] | readonly [string, ${rt('Check')}, boolean]`
      : `readonly [string, ${rt('Check')}]`;
    block.push(`const ${fields}${ts(`: readonly (${entry})[]`)} = [${entries.join(', ')}];`);
    block.push(`function ${name}(${this.params})${ts(': void')} {`);
    block.push(`  ${rt('checkRecord')}(value, path, problems, ${jsString(type.name)}, ${fields});`);
    block.push('}');
    return name;
  }

  /** A function checking a value of `type`. */
  private check(type: Type): string {
    const rt = (piece: Parameters<RuntimeUse['use']>[0]) => this.runtime.use(piece);
    const closure = (call: string) => `(v${ts(': unknown')}, p${ts(': string')}, problems${ts(`: ${rt('InputProblem')}[]`)}) => ${call}`;
    switch (type.kind) {
      case 'bool':
        return rt('checkBool');
      case 'string':
        return rt('checkString');
      case 'date':
        return rt('checkDate');
      case 'int':
        return closure(`${rt('checkInt')}(v, p, problems, ${type.min === null ? 'null' : jsNumber(type.min)}, ${type.max === null ? 'null' : jsNumber(type.max)})`);
      case 'set':
        return closure(`${rt('checkSet')}(v, p, problems, ${jsString(`a list of ${type.element.name}`)}, ${this.checker(type.element)})`);
      case 'list':
        // The interpreter's wording (src/semantics/validate.ts), and MAX_LIST_LENGTH's guard.
        return closure(`${rt('checkList')}(v, p, problems, ${jsString(`a list of ${typeName(type.element)}`)}, ${this.check(type.element)})`);
      case 'enum':
      case 'record':
        return this.checker(type);
    }
  }

  emit(w: Writer): void {
    for (const block of this.blocks) {
      w.lines_(block);
      w.line();
    }
  }
}
