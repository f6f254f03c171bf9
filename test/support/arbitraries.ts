/**
 * fast-check arbitraries of decision inputs, built from the declared types. Shared by the
 * compiler's differential tests and anyone else who needs random inputs of a policy.
 *
 * - `validInput(type, hints)`: values of a RecordType that pass validation. Enums from their
 *   members, sets as unique shuffled subsets, bools, strings; ints within their bounds and
 *   biased toward the literals the policy compares against (± 1) and 0; dates biased toward
 *   effective dates and date literals (± 1 day), with a wide spread besides.
 * - `policyInput(set)`: a valid input for some version of a set, dated anywhere from years
 *   before the first version (which is an error: no version in force) to years after the last.
 * - `anyInput(set)`: mostly-valid inputs with corruption anywhere (wrong types, missing and
 *   unknown fields, out-of-bound ints, -0, NaN, impossible dates, near-miss enum members,
 *   duplicate set members, a non-object root): for comparing validation.
 * - `hintsOf(set)`: the literals each field is compared against, by dotted path.
 */
import fc from 'fast-check';
import type { Condition, PolicySet, RecordType, Type, Value } from '../../src/checker/program.js';

/** Literals that matter for each field, by dotted path below the input (`author.followers`). */
export type InputHints = ReadonlyMap<string, readonly Value[]>;

const DAY = 86_400_000;

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function dayMs(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

function shiftDay(iso: string, days: number): string {
  return isoDay(dayMs(iso) + days * DAY);
}

/** Collects, per field path, the literals conditions compare it with (and the effective dates for the date field). */
export function hintsOf(set: PolicySet): InputHints {
  const hints = new Map<string, Value[]>();
  const add = (path: readonly string[], value: Value) => {
    const key = path.join('.');
    const list = hints.get(key) ?? [];
    if (!list.includes(value)) list.push(value);
    hints.set(key, list);
  };
  const walk = (c: Condition): void => {
    switch (c.kind) {
      case 'not':
        walk(c.operand);
        return;
      case 'and':
      case 'or':
        c.operands.forEach(walk);
        return;
      case 'compare':
        if (c.left.kind === 'field' && c.right.kind === 'literal') add(c.left.path, c.right.value);
        if (c.right.kind === 'field' && c.left.kind === 'literal') add(c.right.path, c.left.value);
        return;
      case 'in':
        if (c.operand.kind === 'field') for (const v of c.values) add(c.operand.path, v);
        return;
      default:
        return;
    }
  };
  for (const program of set.versions) {
    for (const ctx of program.contexts) walk(ctx.body);
    for (const clause of [...program.redlines, ...program.rules, ...program.exemptions]) {
      walk(clause.when);
      if (clause.unless) walk(clause.unless);
    }
    if (set.dateField !== null && program.effective !== null) add([set.dateField], program.effective);
  }
  return hints;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function intArbitrary(type: Extract<Type, { kind: 'int' }>, hints: readonly Value[]): fc.Arbitrary<number> {
  const min = type.min ?? -MAX_SAFE;
  const max = type.max ?? MAX_SAFE;
  const inBounds = (n: number) => n >= min && n <= max && Number.isSafeInteger(n) && !Object.is(n, -0);
  const special = [0, 1, -1, min, max, ...hints.filter((h): h is number => typeof h === 'number').flatMap((h) => [h - 1, h, h + 1])]
    .map((n) => (Object.is(n, -0) ? 0 : n))
    .filter(inBounds);
  const unique = [...new Set(special)];
  // Small numbers around the bounds are the interesting ones; a wide range now and then.
  const arbitraries: fc.WeightedArbitrary<number>[] = [];
  const range = (lo: number, hi: number, weight: number) => {
    if (lo <= hi) arbitraries.push({ arbitrary: fc.integer({ min: lo, max: hi }), weight });
  };
  range(Math.max(min, -1000), Math.min(max, 1_000_000), 3);
  range(Math.max(min, -(2 ** 31)), Math.min(max, 2 ** 31), 1);
  range(min, max, 1);
  if (unique.length > 0) arbitraries.push({ arbitrary: fc.constantFrom(...unique), weight: 6 });
  return fc.oneof(...arbitraries);
}

function dateArbitrary(hints: readonly Value[]): fc.Arbitrary<string> {
  const dates = hints.filter((h): h is string => typeof h === 'string');
  const anchors = dates.length > 0 ? dates : ['2020-01-01'];
  const sorted = [...anchors].sort();
  const from = dayMs(sorted[0]!) - 3 * 365 * DAY;
  const to = dayMs(sorted[sorted.length - 1]!) + 3 * 365 * DAY;
  const special = [...new Set(anchors.flatMap((d) => [shiftDay(d, -1), d, shiftDay(d, 1)]))];
  return fc.oneof(
    { arbitrary: fc.constantFrom(...special), weight: 5 },
    { arbitrary: fc.integer({ min: Math.floor(from / DAY), max: Math.floor(to / DAY) }).map((d) => isoDay(d * DAY)), weight: 4 },
    { arbitrary: fc.constantFrom('0001-01-01', '1970-01-01', '2000-02-29', '9999-12-31'), weight: 1 },
  );
}

function stringArbitrary(hints: readonly Value[]): fc.Arbitrary<string> {
  const literals = hints.filter((h): h is string => typeof h === 'string');
  const any = fc.string({ maxLength: 12 });
  return literals.length === 0 ? any : fc.oneof({ arbitrary: fc.constantFrom(...literals), weight: 2 }, { arbitrary: any, weight: 1 });
}

/** Values of a type that pass validation. */
export function validValue(type: Type, hints: InputHints = new Map(), path = ''): fc.Arbitrary<unknown> {
  const own = hints.get(path) ?? [];
  switch (type.kind) {
    case 'bool':
      return fc.boolean();
    case 'string':
      return stringArbitrary(own);
    case 'int':
      return intArbitrary(type, own);
    case 'date':
      return dateArbitrary(own);
    case 'enum':
      return type.members.length === 0 ? fc.constant('') : fc.constantFrom(...type.members);
    case 'set':
      return fc.shuffledSubarray([...type.element.members]);
    case 'record':
      return validInput(type, hints, path);
  }
}

/** A record that passes validation; fields in declaration order, own data properties only. */
export function validInput(type: RecordType, hints: InputHints = new Map(), path = ''): fc.Arbitrary<Record<string, unknown>> {
  const prefix = path === '' ? '' : `${path}.`;
  const fields = type.fields.map((f) => validValue(f.type, hints, prefix + f.name));
  return fc.tuple(...fields).map((values) => Object.fromEntries(type.fields.map((f, i) => [f.name, values[i]])));
}

/** A valid input of some version of the set, dated anywhere around (and before) its versions. */
export function policyInput(set: PolicySet, hints: InputHints = hintsOf(set)): fc.Arbitrary<Record<string, unknown>> {
  const { dateField, versions } = set;
  if (dateField === null || versions.some((v) => v.effective === null)) return validInput(versions[0]!.inputType, hints);
  // Each version's input type, dated while that version is in force (the first one also before
  // it: no version in force). Dates lean to the boundaries and to the literals conditions use.
  const literals = (hints.get(dateField) ?? []).filter((h): h is string => typeof h === 'string');
  return fc.oneof(
    ...versions.map((v, i) => {
      const from = i === 0 ? isoDay(dayMs(v.effective!) - 3 * 365 * DAY) : v.effective!;
      const next = versions[i + 1]?.effective;
      const to = next === undefined || next === null ? isoDay(dayMs(v.effective!) + 3 * 365 * DAY) : shiftDay(next, -1);
      const inRange = (d: string) => d >= from && d <= to;
      const dates = dateArbitrary(literals).filter(inRange);
      const spread = fc.integer({ min: dayMs(from) / DAY, max: dayMs(to) / DAY }).map((d) => isoDay(d * DAY));
      const special = [...new Set([from, to, v.effective!, shiftDay(v.effective!, -1), shiftDay(v.effective!, 1)].filter(inRange))];
      const date = fc.oneof(fc.constantFrom(...special), spread, dates);
      return fc.tuple(validInput(v.inputType, hints), date).map(([input, d]) => ({ ...input, [dateField]: d }));
    }),
  );
}

// ---- invalid inputs ------------------------------------------------------------------------

const MISSING = Symbol('missing');

/** Near misses of a name: a typo, a case change, a doubled letter. */
function nearMiss(name: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(name.toUpperCase()),
    fc.constant(`${name}s`),
    fc.constant(name.slice(1)),
    fc.constant(name.length > 1 ? name[1]! + name[0]! + name.slice(2) : `${name}${name}`),
    fc.constant(` ${name}`),
  );
}

function junk(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(null, true, false, 0, -0, 1.5, NaN, Infinity, -1, 2 ** 53, '', 'x', '2019-02-30', [], {}),
    fc.string({ maxLength: 50 }),
    fc.integer(),
    fc.double(),
    fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
  );
}

/** A value of the type that is (usually) wrong in a way its type makes likely. */
function wrongValue(type: Type): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case 'int': {
      const near = [type.min !== null ? type.min - 1 : null, type.max !== null ? type.max + 1 : null, 0.5, -0, 2 ** 53, '3'].filter(
        (v) => v !== null,
      );
      return fc.oneof(fc.constantFrom(...near), junk());
    }
    case 'date':
      return fc.oneof(fc.constantFrom('2019-02-29', '2019-13-01', '2019-00-10', '2019-1-1', '20190101', '2019-01-01T00:00', ''), junk());
    case 'enum':
      return type.members.length === 0 ? junk() : fc.oneof(fc.constantFrom(...type.members).chain(nearMiss), junk());
    case 'set':
      return fc.oneof(
        type.element.members.length === 0 ? junk() : fc.constantFrom(...type.element.members).map((m) => [m, m]),
        fc.array(fc.oneof(fc.constantFrom(...type.element.members, 'nope'), fc.integer({ min: 0, max: 2 })), { maxLength: 4 }),
        junk(),
      );
    case 'record':
      return fc.oneof(anyRecord(type, 2), junk());
    default:
      return junk();
  }
}

function anyValue(type: Type, hints: InputHints, path: string, depth: number): fc.Arbitrary<unknown> {
  if (type.kind === 'record') return anyRecord(type, depth, hints, path);
  return fc.oneof({ arbitrary: validValue(type, hints, path), weight: 10 }, { arbitrary: wrongValue(type), weight: 1 });
}

/** A record, usually almost valid: each field may be wrong or missing, and unknown fields may appear. */
function anyRecord(type: RecordType, depth: number, hints: InputHints = new Map(), path = ''): fc.Arbitrary<Record<string, unknown>> {
  const prefix = path === '' ? '' : `${path}.`;
  const fields = type.fields.map((f) =>
    fc.oneof(
      { arbitrary: depth > 0 ? anyValue(f.type, hints, prefix + f.name, depth - 1) : validValue(f.type, hints, prefix + f.name), weight: 12 },
      { arbitrary: fc.constant(MISSING), weight: 1 },
    ),
  );
  const names = type.fields.map((f) => f.name);
  const extra = fc.array(
    fc.tuple(names.length > 0 ? fc.oneof(fc.constantFrom(...names).chain(nearMiss), fc.string({ maxLength: 6 })) : fc.string({ maxLength: 6 }), junk()),
    { maxLength: 2 },
  );
  return fc
    .tuple(fc.tuple(...fields), fc.oneof({ arbitrary: fc.constant([] as [string, unknown][]), weight: 6 }, { arbitrary: extra, weight: 1 }))
    .map(([values, extras]) => {
      const entries: [string, unknown][] = [];
      type.fields.forEach((f, i) => {
        if (values[i] !== MISSING) entries.push([f.name, values[i]]);
      });
      for (const [k, v] of extras) if (!entries.some(([name]) => name === k)) entries.push([k, v]);
      return Object.fromEntries(entries);
    });
}

/** Inputs of every kind, mostly almost valid, for comparing validation and `decideUnknown`. */
export function anyInput(set: PolicySet, hints: InputHints = hintsOf(set)): fc.Arbitrary<unknown> {
  const types = [...new Set(set.versions.map((v) => v.inputType))];
  return fc.oneof(
    { arbitrary: fc.oneof(...types.map((t) => anyRecord(t, 3, hints))), weight: 20 },
    { arbitrary: junk(), weight: 1 },
  );
}
