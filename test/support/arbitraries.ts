/**
 * fast-check arbitraries of decision inputs, built from the declared types. Shared by the
 * compiler's differential tests and anyone else who needs random inputs of a policy.
 *
 * - `validInput(type, hints)`: values of a RecordType that pass validation. Enums from their
 *   members, sets as unique shuffled subsets, bools, strings; ints within their bounds and
 *   biased toward the literals the policy compares against (± 1) and 0; dates biased toward
 *   effective dates and date literals (± 1 day), with a wide spread besides. Lists: empty,
 *   short or long (up to 40). Optional fields: absent, null or present.
 * - Dates around every window: when the policy shifts dates (`post.date - 90 days`), a date may
 *   also be drawn relative to the input's date, by one or two of the policy's own shifts and
 *   ± 1 day (exactly 90 days, 1 month or 1 year before, the day before and after; a strike
 *   90 days before a strike a year before), and the input's date leans to leap days and month
 *   ends, where calendar months and years clamp.
 * - `policyInput(set)`: a valid input for some version of a set, dated anywhere from years
 *   before the first version (which is an error: no version in force) to years after the last.
 * - `anyInput(set)`: mostly-valid inputs with corruption anywhere (wrong types, missing and
 *   unknown fields, out-of-bound ints, -0, NaN, impossible dates, near-miss enum members,
 *   duplicate set members, lists too long or with holes, `undefined` for an optional field, a
 *   non-object root): for comparing validation.
 * - `hintsOf(set)`: the literals each field is compared against, by dotted path.
 */
import fc from 'fast-check';
import type { Condition, Operand, PolicySet, Quantifier, RecordType, Type, Value } from '../../src/checker/program.js';
import { isDate, shiftDate } from '../../src/runtime/dates.js';

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

/**
 * Collects, per field path, the literals conditions compare it with (and the effective dates for
 * the date field). A field of a list's elements is keyed below the list: `author.strikes[].date`.
 */
export function hintsOf(set: PolicySet): InputHints {
  const hints = new Map<string, Value[]>();
  /** Each quantifier's element, as a key prefix (`author.strikes[]`). */
  const bases = new Map<number, string>();
  const keyOf = (root: number | null, path: readonly string[]): string => {
    const base = root === null ? '' : (bases.get(root) ?? `?${root}`);
    return [base, ...path].filter((p) => p !== '').join('.');
  };
  const add = (root: number | null, path: readonly string[], value: Value) => {
    const key = keyOf(root, path);
    const list = hints.get(key) ?? [];
    if (!list.includes(value)) list.push(value);
    hints.set(key, list);
  };
  const quantifier = (q: Quantifier): void => {
    bases.set(q.id, `${keyOf(q.collection.root, q.collection.path)}[]`);
    if (q.where) walk(q.where);
  };
  const operand = (o: Operand): void => {
    if (o.kind === 'count') quantifier(o.quantifier);
    else if (o.kind === 'shift') operand(o.base);
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
        operand(c.left);
        operand(c.right);
        if (c.left.kind === 'field' && c.right.kind === 'literal') add(c.left.root, c.left.path, c.right.value);
        if (c.right.kind === 'field' && c.left.kind === 'literal') add(c.right.root, c.right.path, c.left.value);
        return;
      case 'in':
        operand(c.operand);
        if (c.operand.kind === 'field') for (const v of c.values) add(c.operand.root, c.operand.path, v);
        return;
      case 'any':
      case 'all':
        quantifier(c.quantifier);
        return;
      default:
        return;
    }
  };
  for (const program of set.versions) {
    for (const ctx of program.contexts) walk(ctx.body);
    for (const v of program.values) operand(v.value);
    for (const clause of [...program.redlines, ...program.rules, ...program.exemptions]) {
      walk(clause.when);
      if (clause.unless) walk(clause.unless);
    }
    if (set.dateField !== null && program.effective !== null) add(null, [set.dateField], program.effective);
  }
  return hints;
}

type Unit = 'day' | 'week' | 'month' | 'year';

/** A date drawn relative to the input's date, resolved once that is known (`resolveDates`). */
class RelativeDate {
  constructor(
    readonly steps: readonly (readonly [number, Unit])[],
    readonly plus: number,
  ) {}

  at(anchor: string): string {
    let date = anchor;
    for (const [amount, unit] of this.steps) date = shiftDate(date, amount, unit);
    date = shiftDate(date, this.plus, 'day');
    return isDate(date) ? date : anchor;
  }
}

/** The date shifts a set's conditions make (`- 90 days` is [-90, 'day']), each once. */
export function shiftsOf(set: PolicySet): readonly (readonly [number, Unit])[] {
  const found = new Map<string, readonly [number, Unit]>();
  const operand = (o: Operand): void => {
    if (o.kind === 'shift') {
      found.set(`${o.amount} ${o.unit}`, [o.amount, o.unit]);
      operand(o.base);
    } else if (o.kind === 'count') quantifier(o.quantifier);
  };
  const quantifier = (q: Quantifier): void => void (q.where && walk(q.where));
  const walk = (c: Condition): void => {
    if (c.kind === 'not') walk(c.operand);
    else if (c.kind === 'and' || c.kind === 'or') c.operands.forEach(walk);
    else if (c.kind === 'compare') [c.left, c.right].forEach(operand);
    else if (c.kind === 'in') operand(c.operand);
    else if (c.kind === 'contains') operand(c.value);
    else if (c.kind === 'any' || c.kind === 'all') quantifier(c.quantifier);
  };
  for (const program of set.versions) {
    for (const ctx of program.contexts) walk(ctx.body);
    for (const v of program.values) operand(v.value);
    for (const clause of [...program.redlines, ...program.rules, ...program.exemptions]) {
      walk(clause.when);
      if (clause.unless) walk(clause.unless);
    }
  }
  return [...found.values()];
}

const DAYS: Readonly<Record<Unit, number>> = { day: 1, week: 7, month: 31, year: 366 };

/**
 * Dates by one or two of the shifts from the input's date, and the day before and after each;
 * or anywhere inside one of the windows (so that a list's elements often count).
 */
function relativeDate(shifts: readonly (readonly [number, Unit])[]): fc.Arbitrary<RelativeDate> {
  const step = fc.constantFrom(...shifts);
  const steps = fc.oneof(
    { arbitrary: fc.constant([] as (readonly [number, Unit])[]), weight: 1 },
    { arbitrary: step.map((s) => [s]), weight: 4 },
    { arbitrary: fc.tuple(step, step).map(([a, b]) => [a, b]), weight: 2 },
  );
  const inside = step.chain(([amount, unit]) => fc.integer({ min: -Math.abs(amount) * DAYS[unit] - 30, max: 2 }));
  return fc.oneof(
    { arbitrary: fc.tuple(steps, fc.constantFrom(-1, 0, 0, 1)).map(([s, plus]) => new RelativeDate(s, plus)), weight: 3 },
    { arbitrary: inside.map((days) => new RelativeDate([], days)), weight: 2 },
  );
}

/** Replaces every relative date in a generated value by its date from `anchor` (a fresh value). */
function resolveDates(value: unknown, anchor: string): unknown {
  if (value instanceof RelativeDate) return value.at(anchor);
  if (Array.isArray(value)) return value.map((v) => resolveDates(v, anchor));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDates(v, anchor)]));
  }
  return value;
}

/** The date relative dates count from: the version-picking field, or the first date of the input. */
function anchorOf(input: unknown, dateField: string | null): string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return '2020-01-01';
  const record = input as Record<string, unknown>;
  const picked = dateField === null ? undefined : record[dateField];
  if (typeof picked === 'string' && isDate(picked)) return picked;
  const first = Object.values(record).find((v): v is string => typeof v === 'string' && isDate(v));
  return first ?? '2020-01-01';
}

/** Leap days and month ends between two dates: where calendar months and years clamp. */
function calendarEdges(from: string, to: string): string[] {
  const edges: string[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const day of ['01-31', '02-28', '02-29', '03-01', '03-31', '04-30', '08-31', '12-31']) {
      const date = `${String(year).padStart(4, '0')}-${day}`;
      if (isDate(date) && date >= from && date <= to) edges.push(date);
    }
  }
  return edges;
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

/** The shifts relative dates are drawn by (none: dates are absolute only). */
type Shifts = readonly (readonly [number, Unit])[];

/** Values of a type that pass validation (relative dates resolved by `policyInput` / `anyInput`). */
export function validValue(type: Type, hints: InputHints = new Map(), path = '', shifts: Shifts = []): fc.Arbitrary<unknown> {
  const own = hints.get(path) ?? [];
  switch (type.kind) {
    case 'bool':
      return fc.boolean();
    case 'string':
      return stringArbitrary(own);
    case 'int':
      return intArbitrary(type, own);
    case 'date':
      if (shifts.length === 0) return dateArbitrary(own);
      return fc.oneof({ arbitrary: dateArbitrary(own), weight: 1 }, { arbitrary: relativeDate(shifts), weight: 2 });
    case 'enum':
      return type.members.length === 0 ? fc.constant('') : fc.constantFrom(...type.members);
    case 'set': {
      // Mostly a few members: with every member as likely as not, red lines would decide most inputs.
      const members = [...type.element.members];
      if (members.length === 0) return fc.constant([]);
      return fc.oneof(
        { arbitrary: fc.constant([]), weight: 1 },
        { arbitrary: fc.shuffledSubarray(members, { minLength: 1, maxLength: Math.min(2, members.length) }), weight: 4 },
        { arbitrary: fc.shuffledSubarray(members), weight: 2 },
      );
    }
    case 'list': {
      // Empty, short, or long enough to reach the far rungs of a strike ladder.
      const element = validValue(type.element, hints, `${path}[]`, shifts);
      return fc.oneof(
        { arbitrary: fc.constant([]), weight: 2 },
        { arbitrary: fc.array(element, { minLength: 1, maxLength: 6 }), weight: 5 },
        { arbitrary: fc.array(element, { minLength: 7, maxLength: 20 }), weight: 2 },
        { arbitrary: fc.array(element, { minLength: 21, maxLength: 40 }), weight: 1 },
      );
    }
    case 'record':
      return validInput(type, hints, path, shifts);
  }
}

/** An optional field's value in a generated record: left out of it. */
const MISSING = Symbol('missing');

/**
 * A record that passes validation; fields in declaration order, own data properties only. An
 * optional field is absent, null or present.
 */
export function validInput(type: RecordType, hints: InputHints = new Map(), path = '', shifts: Shifts = []): fc.Arbitrary<Record<string, unknown>> {
  const prefix = path === '' ? '' : `${path}.`;
  const fields = type.fields.map((f) => {
    const value = validValue(f.type, hints, prefix + f.name, shifts);
    if (!f.optional) return value;
    return fc.oneof(
      { arbitrary: fc.constant<unknown>(MISSING), weight: 1 },
      { arbitrary: fc.constant<unknown>(null), weight: 1 },
      { arbitrary: value, weight: 3 },
    );
  });
  return fc
    .tuple(...fields)
    .map((values) => Object.fromEntries(type.fields.flatMap((f, i) => (values[i] === MISSING ? [] : [[f.name, values[i]]]))));
}

/** A valid input of some version of the set, dated anywhere around (and before) its versions. */
export function policyInput(set: PolicySet, hints: InputHints = hintsOf(set)): fc.Arbitrary<Record<string, unknown>> {
  const { dateField, versions } = set;
  const shifts = shiftsOf(set);
  const resolved = (input: Record<string, unknown>) => resolveDates(input, anchorOf(input, dateField)) as Record<string, unknown>;
  if (dateField === null || versions.some((v) => v.effective === null)) return validInput(versions[0]!.inputType, hints, '', shifts).map(resolved);
  // Each version's input type, dated while that version is in force (the first one also before
  // it: no version in force). Dates lean to the boundaries and to the literals conditions use,
  // and with date shifts to leap days and month ends.
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
      const edges = shifts.length === 0 ? [] : calendarEdges(from, to);
      const date = edges.length === 0 ? fc.oneof(fc.constantFrom(...special), spread, dates) : fc.oneof(fc.constantFrom(...special), spread, dates, fc.constantFrom(...edges));
      return fc.tuple(validInput(v.inputType, hints, '', shifts), date).map(([input, d]) => resolved({ ...input, [dateField]: d }));
    }),
  );
}

// ---- invalid inputs ------------------------------------------------------------------------

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
    case 'list':
      return fc.oneof(
        // Longer than an input may hold: refused before any element is looked at.
        fc.constant(null).map(() => new Array<number>(10_001).fill(0)),
        // A hole (a sparse array): a missing element.
        validValue(type.element).map((x) => {
          const holes: unknown[] = [];
          holes[2] = x;
          return holes;
        }),
        fc.array(wrongValue(type.element), { minLength: 1, maxLength: 3 }),
        junk(),
      );
    default:
      return junk();
  }
}

function anyValue(type: Type, hints: InputHints, path: string, depth: number, shifts: Shifts): fc.Arbitrary<unknown> {
  if (type.kind === 'record') return anyRecord(type, depth, hints, path, shifts);
  if (type.kind === 'list' && depth > 0) {
    // Elements almost valid, one of them perhaps broken deep inside.
    const element = anyValue(type.element, hints, `${path}[]`, depth - 1, shifts);
    return fc.oneof({ arbitrary: fc.array(element, { maxLength: 4 }), weight: 10 }, { arbitrary: wrongValue(type), weight: 1 });
  }
  return fc.oneof({ arbitrary: validValue(type, hints, path, shifts), weight: 10 }, { arbitrary: wrongValue(type), weight: 1 });
}

/** A record, usually almost valid: each field may be wrong or missing, and unknown fields may appear. */
function anyRecord(type: RecordType, depth: number, hints: InputHints = new Map(), path = '', shifts: Shifts = []): fc.Arbitrary<Record<string, unknown>> {
  const prefix = path === '' ? '' : `${path}.`;
  const fields = type.fields.map((f) => {
    const value = depth > 0 ? anyValue(f.type, hints, prefix + f.name, depth - 1, shifts) : validValue(f.type, hints, prefix + f.name, shifts);
    return fc.oneof(
      { arbitrary: value, weight: 12 },
      { arbitrary: fc.constant<unknown>(MISSING), weight: 1 },
      // An optional field may be null, not `undefined` (JSON has none; a caller's object may).
      ...(f.optional ? [{ arbitrary: fc.constantFrom<unknown>(null, undefined), weight: 2 }] : []),
    );
  });
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
  const shifts = shiftsOf(set);
  return fc.oneof(
    { arbitrary: fc.oneof(...types.map((t) => anyRecord(t, 3, hints, '', shifts))).map((input) => resolveDates(input, anchorOf(input, set.dateField))), weight: 20 },
    { arbitrary: junk(), weight: 1 },
  );
}
