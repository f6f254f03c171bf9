/**
 * Input validation for the interpreter: the declared input record as a tree of the runtime's
 * checks (src/runtime/validate.ts) — the same checks, in the same order, that generated modules
 * call, so problems and messages are identical by construction.
 */
import type { RecordType, Type } from '../checker/program.js';
import { typeName } from '../checker/types.js';
import type { InputProblem, Validation } from '../runtime/types.js';
import {
  checkBool,
  checkDate,
  checkEnum,
  checkInt,
  checkList,
  checkRecord,
  checkSet,
  checkString,
  firstProblems,
  type Check,
} from '../runtime/validate.js';

export type { InputProblem, Validation } from '../runtime/types.js';
export { describe as describeValue, describeKey, MAX_PROBLEMS } from '../runtime/validate.js';

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
  return added.length === 0 ? result : { ok: false, errors: firstProblems([...known, ...added]) };
}

/** Checks untrusted input against the declared input record (closed records, bounds, members, dates). */
export function validateInput(type: RecordType, input: unknown): Validation<Record<string, unknown>> {
  const problems: InputProblem[] = [];
  checkOf(type)(input, '', problems);
  return problems.length === 0 ? { ok: true, value: input as Record<string, unknown> } : { ok: false, errors: firstProblems(problems) };
}

const checks = new WeakMap<Type, Check>();

/** The check of a declared type, built once per type. */
export function checkOf(type: Type): Check {
  let check = checks.get(type);
  if (!check) {
    check = build(type);
    checks.set(type, check);
  }
  return check;
}

function build(type: Type): Check {
  switch (type.kind) {
    case 'bool':
      return checkBool;
    case 'string':
      return checkString;
    case 'date':
      return checkDate;
    case 'int':
      return (value, path, problems) => checkInt(value, path, problems, type.min, type.max);
    case 'enum':
      return (value, path, problems) => checkEnum(value, path, problems, type.name, type.members);
    case 'set': {
      const what = `a list of ${type.element.name}`;
      return (value, path, problems) => checkSet(value, path, problems, what, checkOf(type.element));
    }
    case 'list': {
      const what = `a list of ${typeName(type.element)}`;
      return (value, path, problems) => checkList(value, path, problems, what, checkOf(type.element));
    }
    case 'record': {
      // Field checks are looked up on first use: a record may be reached again below itself.
      let fields: (readonly [string, Check, boolean])[] | null = null;
      return (value, path, problems) => {
        fields ??= type.fields.map((f) => [f.name, checkOf(f.type), f.optional] as const);
        checkRecord(value, path, problems, type.name, fields);
      };
    }
  }
}
