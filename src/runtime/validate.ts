/**
 * Input validation: records are closed (missing and undeclared fields are errors), ints are safe
 * integers within their bounds, dates exist, enums are members, sets list members once. Every
 * message comes from here, for the interpreter and generated modules alike. Only own properties
 * are read (no prototype lookups).
 */
import { isDate } from './dates.js';
import { closestMatch } from './suggest.js';
import { escapeControls } from './text.js';
import type { InputProblem } from './types.js';

/** Checks one value at a JSON path, adding what is wrong to `problems`. */
export type Check = (value: unknown, path: string, problems: InputProblem[]) => void;

/** Enough to diagnose any input; a huge broken array should not produce a huge report. */
export const MAX_PROBLEMS = 50;

/** The longest list an input may hold (a channel's strikes, say): a guard on memory and time. */
export const MAX_LIST_LENGTH = 10_000;

export function own(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function report(problems: InputProblem[], path: string, message: string): void {
  if (problems.length <= MAX_PROBLEMS) problems.push({ path: path === '' ? '(input)' : path, message });
}

/**
 * Once more than MAX_PROBLEMS are known the answer cannot change (invalid, the first
 * MAX_PROBLEMS listed), so the rest of the input is not looked at: a million bad set members or
 * unknown keys used to cost a message (and a "did you mean" search) each.
 */
export function full(problems: readonly InputProblem[]): boolean {
  return problems.length > MAX_PROBLEMS;
}

/** The problems to show: at most MAX_PROBLEMS. */
export function firstProblems(problems: readonly InputProblem[]): InputProblem[] {
  return problems.slice(0, MAX_PROBLEMS);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return escapeControls(JSON.stringify(value.length > 40 ? value.slice(0, 40) + '\u2026' : value));
  if (typeof value === 'boolean') return String(value);
  return typeof value;
}

/**
 * An undeclared key as its path shows it: the input's author chose it, so it may hold terminal
 * escapes, line breaks or megabytes. At most 40 characters, control characters escaped.
 */
export function describeKey(key: string): string {
  return escapeControls(key.length > 40 ? key.slice(0, 40) + '\u2026' : key);
}

export function expected(problems: InputProblem[], path: string, what: string, value: unknown): void {
  report(problems, path, 'expected ' + what + ', got ' + describe(value));
}

export function checkBool(value: unknown, path: string, problems: InputProblem[]): void {
  if (typeof value !== 'boolean') expected(problems, path, 'bool', value);
}

export function checkString(value: unknown, path: string, problems: InputProblem[]): void {
  if (typeof value !== 'string') expected(problems, path, 'string', value);
}

export function checkDate(value: unknown, path: string, problems: InputProblem[]): void {
  if (typeof value !== 'string' || !isDate(value)) expected(problems, path, 'a date (YYYY-MM-DD)', value);
}

export function checkInt(value: unknown, path: string, problems: InputProblem[], min: number | null, max: number | null): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || Object.is(value, -0)) {
    expected(problems, path, 'int', value);
    return;
  }
  if (min !== null && value < min) report(problems, path, value + ' is below the minimum ' + min);
  if (max !== null && value > max) report(problems, path, value + ' is above the maximum ' + max);
}

export function checkEnum(value: unknown, path: string, problems: InputProblem[], name: string, members: readonly string[]): void {
  if (typeof value === 'string' && members.includes(value)) return;
  const hint = typeof value === 'string' ? closestMatch(value, members) : undefined;
  const listed = 'expected one of ' + name + ' (' + members.join(', ') + '), got ' + describe(value);
  report(problems, path, listed + (hint ? '; did you mean "' + hint + '"?' : ''));
}

/** A set of enum members: an array listing each member at most once. */
export function checkSet(value: unknown, path: string, problems: InputProblem[], what: string, item: Check): void {
  if (!Array.isArray(value)) {
    expected(problems, path, what, value);
    return;
  }
  const seen = new Set<unknown>();
  for (let i = 0; i < value.length && !full(problems); i++) {
    if (!own(value, String(i))) continue; // a hole in a sparse array, as forEach skips it
    const x: unknown = value[i];
    const itemPath = path + '[' + i + ']';
    if (seen.has(x)) report(problems, itemPath, describe(x) + ' is listed twice');
    seen.add(x);
    item(x, itemPath, problems);
  }
}

/** A list of any length up to MAX_LIST_LENGTH, every element valid. */
export function checkList(value: unknown, path: string, problems: InputProblem[], what: string, item: Check): void {
  if (!Array.isArray(value)) {
    expected(problems, path, what, value);
    return;
  }
  if (value.length > MAX_LIST_LENGTH) {
    report(problems, path, 'a list of ' + value.length + ' elements is longer than the most an input may hold, ' + MAX_LIST_LENGTH);
    return;
  }
  for (let i = 0; i < value.length && !full(problems); i++) {
    // A hole in a sparse array is not a value (JSON has none): it is missing.
    if (!own(value, String(i))) report(problems, path + '[' + i + ']', 'missing element');
    else item(value[i], path + '[' + i + ']', problems);
  }
}

/**
 * A closed record: every declared field present and valid, no other key. A field marked optional
 * (`true` third) may be absent or null.
 */
export function checkRecord(
  value: unknown,
  path: string,
  problems: InputProblem[],
  name: string,
  fields: readonly (readonly [string, Check] | readonly [string, Check, boolean])[],
): void {
  if (!isRecord(value)) {
    expected(problems, path, 'an object (' + name + ')', value);
    return;
  }
  const prefix = path === '' ? '' : path + '.';
  for (const [field, check, optional] of fields) {
    if (full(problems)) return;
    if (!own(value, field)) {
      if (optional !== true) report(problems, prefix + field, 'missing field');
    } else if (optional !== true || value[field] !== null) check(value[field], prefix + field, problems);
  }
  const names = fields.map((f) => f[0]);
  for (const key of Object.keys(value)) {
    if (full(problems)) return;
    if (names.includes(key)) continue;
    const hint = closestMatch(key, names);
    report(problems, prefix + describeKey(key), 'unknown field of ' + name + (hint ? '; did you mean "' + hint + '"?' : ''));
  }
}
