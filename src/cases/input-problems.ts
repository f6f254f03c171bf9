import type { PolicySet, RecordField, RecordType, Type } from '../checker/program.js';
import { printType } from '../analysis/diff-input.js';
import type { InputAbout } from '../diagnostics/messages/bl6.js';
import { isValidIsoDate } from '../ast/dates.js';
import { selectVersion } from '../interpreter/evaluate.js';
import type { Input } from '../interpreter/conditions.js';
import { isRecord } from '../runtime/validate.js';
import { describeKey } from '../semantics/validate.js';
import { pathText, type JsonPath } from './case-file.js';

/**
 * Where in an input a validation problem is, and what the policy declares there: input
 * validation names places as text (`author.followers`, `categories[2]`, `(input)`), as
 * `bylaw decide` prints them; a case file's diagnostic needs the JSON path, to find the place
 * in the file, and the declared type, for its help.
 */

/**
 * The JSON path of validation's `path` in `input`, and whether a value is there. A key is found
 * as validation writes it (`describeKey`: cut and escaped), the longest that fits, so that a key
 * holding `.` or `[` is still found; a key not in the input (a missing field) is taken as written.
 */
export function inputPath(input: unknown, path: string): { readonly path: JsonPath; readonly exists: boolean } {
  const found: (string | number)[] = [];
  if (path === '(input)') return { path: found, exists: true };
  let value: unknown = input;
  let exists = true;
  let rest = path;
  while (rest !== '') {
    const index = /^\[(\d+)\]/.exec(rest);
    if (index) {
      const i = Number(index[1]);
      found.push(i);
      exists &&= Array.isArray(value) && i < value.length;
      value = exists ? (value as unknown[])[i] : undefined;
      rest = rest.slice(index[0].length);
      continue;
    }
    if (found.length > 0 && rest.startsWith('.')) rest = rest.slice(1);
    let key: string | undefined;
    let written = '';
    if (exists && isRecord(value)) {
      for (const k of Object.keys(value)) {
        const shown = describeKey(k);
        const next = rest.charAt(shown.length);
        if (shown.length > written.length && rest.startsWith(shown) && (next === '' || next === '.' || next === '[')) [key, written] = [k, shown];
      }
    }
    if (key === undefined) {
      written = /^[^.[]*/.exec(rest)![0];
      if (written === '') break; // not a path validation writes: the place is where it was found
      key = written;
      exists = false;
    }
    found.push(key);
    value = exists ? (value as Record<string, unknown>)[key] : undefined;
    rest = rest.slice(written.length);
  }
  return { path: found, exists };
}

/**
 * What the policy declares at `path` of `input`, for the help: the version in force on the
 * input's date decides (versions may declare different inputs), the latest when there is none.
 */
export function inputAbout(set: PolicySet, input: unknown, path: JsonPath, exists: boolean): InputAbout {
  let program = set.versions[set.versions.length - 1]!;
  const date = set.dateField !== null && isRecord(input) ? input[set.dateField] : undefined;
  if (typeof date === 'string' && isValidIsoDate(date)) {
    try {
      program = selectVersion(set, input as Input);
    } catch {
      // Dated before every version: that is the problem at the date field.
      if (path.length === 1 && path[0] === set.dateField) return { kind: 'no-version' };
    }
  }
  const record: RecordType = program.inputType;
  if (path.length === 0) return { kind: 'input', type: record.name };
  let type: Type = record;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (typeof segment === 'number') {
      if (type.kind !== 'set' && type.kind !== 'list') break;
      type = type.element;
      if (last) return { kind: 'element', of: pathText(path.slice(0, i)), type: printType(type) };
      continue;
    }
    if (type.kind !== 'record') break;
    const field: RecordField | undefined = type.fields.find((f) => f.name === segment);
    if (!field) return { kind: 'unknown-field', record: type.name, fields: type.fields.map((f) => f.name) };
    if (last) return { kind: 'field', field: field.name, record: type.name, type: printType(field.type) + (field.optional ? '?' : ''), missing: !exists, declared: field.span };
    type = field.type;
  }
  return { kind: 'input', type: record.name };
}
