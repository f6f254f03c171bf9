import { isValidIsoDate } from '../ast/dates.js';
import { closestMatch } from '../diagnostics/suggest.js';
import { escapeControls } from '../diagnostics/text.js';
import type { RecordType, Type } from '../checker/program.js';

/** One problem with a decision input, located by its JSON path (`author.followers`). */
export interface InputProblem {
  readonly path: string;
  readonly message: string;
}

export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly InputProblem[] };

/** Enough to diagnose any input; a huge broken array should not produce a huge report. */
export const MAX_PROBLEMS = 50;

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/**
 * Checks untrusted input against the declared input record. Records are closed: missing and
 * undeclared fields are errors, as are wrong types, out-of-bound ints, non-members of enums and
 * impossible dates. Only own properties are read (no prototype lookups).
 */
export function validateInput(type: RecordType, input: unknown): Validation<Record<string, unknown>> {
  const problems: InputProblem[] = [];
  checkValue(type, input, '', problems);
  return problems.length === 0 ? { ok: true, value: input as Record<string, unknown> } : { ok: false, errors: problems.slice(0, MAX_PROBLEMS) };
}

/**
 * A validation (or a decision) with the problems a reader of JSON text found that validation
 * cannot see, because it receives parsed values: a number written `1.0` or `1e-400` is the
 * int 1 or 0 once parsed. A reader's problem at or inside a path already reported is dropped
 * (`"handle": 1.0` is already "expected string"; a number inside an unknown field is part of it).
 */
export function withReaderProblems<R extends { readonly ok: true } | { readonly ok: false; readonly errors: readonly InputProblem[] }>(
  result: R,
  extra: readonly InputProblem[],
): R | { readonly ok: false; readonly errors: readonly InputProblem[] } {
  if (extra.length === 0) return result;
  const known = result.ok ? [] : result.errors;
  const covered = (path: string) =>
    known.some((k) => k.path === '(input)' || path === k.path || path.startsWith(`${k.path}.`) || path.startsWith(`${k.path}[`));
  const added = extra.filter((p) => !covered(p.path));
  return added.length === 0 ? result : { ok: false, errors: [...known, ...added].slice(0, MAX_PROBLEMS) };
}

function report(problems: InputProblem[], path: string, message: string): void {
  if (problems.length <= MAX_PROBLEMS) problems.push({ path: path === '' ? '(input)' : path, message });
}

/**
 * Once more than MAX_PROBLEMS are known the answer cannot change (invalid, first MAX_PROBLEMS
 * listed), so the rest of the input is not looked at: a million bad set members or unknown keys
 * used to cost a message (and a "did you mean" search) each, minutes for one input.
 */
function full(problems: readonly InputProblem[]): boolean {
  return problems.length > MAX_PROBLEMS;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return escapeControls(JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value));
  if (typeof value === 'boolean') return String(value);
  return typeof value;
}

/**
 * An undeclared key as its path shows it: the input's author chose it, so it may hold terminal
 * escapes, line breaks or megabytes. At most 40 characters, control characters escaped.
 */
export function describeKey(key: string): string {
  return escapeControls(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}

function checkValue(type: Type, value: unknown, path: string, problems: InputProblem[]): void {
  if (full(problems)) return;
  const expected = (what: string) => report(problems, path, `expected ${what}, got ${describeValue(value)}`);
  switch (type.kind) {
    case 'bool':
      if (typeof value !== 'boolean') expected('bool');
      return;
    case 'string':
      if (typeof value !== 'string') expected('string');
      return;
    case 'int':
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || Object.is(value, -0)) {
        expected('int');
        return;
      }
      if (type.min !== null && value < type.min) report(problems, path, `${value} is below the minimum ${type.min}`);
      if (type.max !== null && value > type.max) report(problems, path, `${value} is above the maximum ${type.max}`);
      return;
    case 'date':
      if (typeof value !== 'string' || !isValidIsoDate(value)) expected('a date (YYYY-MM-DD)');
      return;
    case 'enum':
      if (typeof value !== 'string' || !type.members.includes(value)) {
        const hint = typeof value === 'string' ? closestMatch(value, type.members) : undefined;
        report(
          problems,
          path,
          `expected one of ${type.name} (${type.members.join(', ')}), got ${describeValue(value)}${hint ? `; did you mean "${hint}"?` : ''}`,
        );
      }
      return;
    case 'set': {
      if (!Array.isArray(value)) {
        expected(`a list of ${type.element.name}`);
        return;
      }
      const seen = new Set<unknown>();
      for (let i = 0; i < value.length && !full(problems); i++) {
        if (!own(value, String(i))) continue; // a hole in a sparse array, as forEach skips it
        const item: unknown = value[i];
        const itemPath = `${path}[${i}]`;
        if (seen.has(item)) report(problems, itemPath, `${describeValue(item)} is listed twice`);
        seen.add(item);
        checkValue(type.element, item, itemPath, problems);
      }
      return;
    }
    case 'record': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        expected(`an object (${type.name})`);
        return;
      }
      const prefix = path === '' ? '' : `${path}.`;
      for (const field of type.fields) {
        if (!own(value, field.name)) report(problems, prefix + field.name, 'missing field');
        else checkValue(field.type, (value as Record<string, unknown>)[field.name], prefix + field.name, problems);
      }
      const names = type.fields.map((f) => f.name);
      for (const key of Object.keys(value)) {
        if (full(problems)) return;
        if (names.includes(key)) continue;
        const hint = closestMatch(key, names);
        report(problems, prefix + describeKey(key), `unknown field of ${type.name}${hint ? `; did you mean "${hint}"?` : ''}`);
      }
      return;
    }
  }
}
