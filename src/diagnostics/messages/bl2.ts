import type { Span } from '../span.js';
import { didYouMean } from '../suggest.js';
import { code, type Built } from './common.js';

/**
 * Names and types (BL2xx). Texts quoted from the policy (`shown` source, a suggested rewrite) are
 * arguments: the checker reads the source, the registry words the message around them.
 */
const TYPES = 'types are `bool`, `int`, `string`, `date`, `set<Enum>`, `list<T>` and declared enums and records';
const codes = (items: readonly string[]): string => items.map(code).join(', ');

export const BL2 = {
  BL201: (
    a:
      | { readonly kind: 'unknown'; readonly name: string; readonly candidates: readonly string[]; readonly otherwise: string }
      /** An element named outside its quantifier: `head` is `count(s in LIST`, `where` its condition (with ` and `), `test` the test to move. */
      | { readonly kind: 'outside'; readonly name: string; readonly head: string; readonly where: string; readonly test: string | null; readonly bound: Span },
  ): Built =>
    a.kind === 'unknown'
      ? { message: `unknown name ${code(a.name)}`, help: didYouMean(a.name, a.candidates) ?? a.otherwise }
      : {
          message: `${code(a.name)} is known only inside \`${a.head} where …)\``,
          help: `test the element inside the \`where\`: \`${a.head} where ${a.where}${a.test ?? `${a.name}…`})\``,
          notes: [{ message: `${code(a.name)} is bound here`, span: a.bound }],
        },
  BL202: (
    a:
      | { readonly kind: 'context'; readonly name: string }
      | { readonly kind: 'no-fields'; readonly path: string; readonly type: string; readonly collection: boolean }
      | { readonly kind: 'no-field'; readonly record: string; readonly field: string; readonly fields: readonly string[] },
  ): Built => {
    if (a.kind === 'context') return { message: `${code(a.name)} is a context; it has no fields`, help: `a context is a condition: use it alone, as in \`when ${a.name}\`` };
    if (a.kind === 'no-fields') {
      return { message: `${code(a.path)} is of type ${code(a.type)}, which has no fields`, help: a.collection ? `to count its elements, write \`count(x in ${a.path})\`` : `only records have fields; a ${code(a.type)} is used whole, as in \`${a.path} == …\`` };
    }
    return { message: `${code(a.record)} has no field ${code(a.field)}`, help: didYouMean(a.field, a.fields) ?? `fields of ${code(a.record)}: ${codes(a.fields)}` };
  },
  /** `is`: what the name is instead (`a context`); `input`: the input's type, where only a record is meant. */
  BL203: (
    a:
      | { readonly kind: 'not-a-type'; readonly name: string; readonly is: string }
      | { readonly kind: 'unknown'; readonly name: string; readonly candidates: readonly string[]; readonly input: boolean },
  ): Built => {
    if (a.kind === 'not-a-type') return { message: `${code(a.name)} is ${a.is}, not a type`, help: TYPES };
    const near = didYouMean(a.name, a.candidates);
    const declare = `declare \`record ${a.name} { … }\`, or \`use\` the module that declares it`;
    return { message: `unknown type ${code(a.name)}`, help: near ?? (a.input ? `the input is a record: ${declare}` : TYPES) };
  },
  BL204: (a: { member: string; enum: string; members: readonly string[]; declared: Span }): Built => ({
    message: `${code(a.member)} is not a member of ${code(a.enum)}`,
    help: didYouMean(a.member, a.members) ?? `members of ${code(a.enum)}: ${codes(a.members)}`,
    notes: [{ message: `${code(a.enum)} is declared here`, span: a.declared }],
  }),
  BL205: (a: Bl205): Built => bl205(a),
  BL206: (a: { type: string; holds: 'enum' | 'list' | 'other'; list: string }): Built => ({
    message: `\`has\` needs a set, found ${code(a.type)}`,
    help:
      a.holds === 'enum'
        ? 'to test a single value, write `==` or `in {…}`'
        : a.holds === 'list'
          ? `to test the elements of a list, write \`any(x in ${a.list} where …)\``
          : 'only `set<Enum>` fields have members',
  }),
  BL207: (a: { op: string; type: string; enum: boolean }): Built => ({
    message: `${code(a.op)} needs ordered values, and ${code(a.type)} has no order`,
    help: a.enum ? `compare with \`==\`, \`!=\` or \`in {…}\`` : 'only `int` and `date` values are ordered',
  }),
  BL208: (a: { type: string; kind: 'set' | 'enum' | 'other' }): Built => ({
    message: `expected a condition, found a value of type ${code(a.type)}`,
    help:
      a.kind === 'set'
        ? 'test membership with `has`, e.g. `post.categories has hateful_conduct`'
        : a.kind === 'enum'
          ? 'compare it, e.g. `== member` or `in {a, b}`'
          : 'compare it with a value, e.g. `> 0`',
  }),
  /** `cycle`: the contexts in order, the first repeated at the end. */
  BL209: (a: { cycle: readonly { name: string; declared: Span }[] }): Built => ({
    message: `context ${code(a.cycle[0]!.name)} depends on itself: ${a.cycle.map((c) => code(c.name)).join(' → ')}`,
    notes: a.cycle.slice(1, -1).map((c) => ({ message: `${code(c.name)} is declared here`, span: c.declared })),
    help: 'a context is a fixed condition; break the cycle by writing one of them out in full',
  }),
  BL210: (
    a:
      | { readonly kind: 'contains-itself'; readonly record: string }
      | { readonly kind: 'bounds'; readonly keyword: string }
      | { readonly kind: 'empty-range'; readonly min: number; readonly max: number }
      | { readonly kind: 'argument'; readonly keyword: string }
      | { readonly kind: 'set-element' }
      | { readonly kind: 'list-element'; readonly type: string; readonly list: boolean }
      | { readonly kind: 'bare'; readonly keyword: 'set' | 'list' }
      | { readonly kind: 'input' },
  ): Built => {
    switch (a.kind) {
      case 'contains-itself':
        return { message: `record ${code(a.record)} contains itself`, help: 'records are finite trees: a record cannot have a field of its own type, directly or through others' };
      case 'bounds':
        return { message: `only \`int\` takes bounds, not ${code(a.keyword)}`, help: `write ${code(a.keyword)} without bounds` };
      case 'empty-range':
        return { message: `empty range: ${a.min} is greater than ${a.max}`, help: 'write the lower bound first: `int(LOW..HIGH)`' };
      case 'argument':
        return { message: `${code(a.keyword)} takes no type argument`, help: 'only `set<Enum>` and `list<T>` have a type argument' };
      case 'set-element':
        return { message: 'sets hold members of an enum', help: 'declare an enum and write `set<ThatEnum>`' };
      case 'list-element':
        return {
          message: `a list holds records, enum members, ints or dates, not ${code(a.type)}`,
          help: a.list ? 'a list of lists is not supported: wrap the inner list in a record' : 'declare a record with the fields you need and write `list<ThatRecord>`',
        };
      case 'bare':
        return a.keyword === 'set'
          ? { message: '`set` needs an element type', help: 'write `set<Enum>`' }
          : { message: '`list` needs an element type', help: 'write `list<Record>`, `list<Enum>`, `list<int>` or `list<date>`' };
      case 'input':
        return { message: 'the input must be a record', help: 'declare `record Post { … }` and write `input post: Post`' };
    }
  },
  BL211: (a: { what: string; example: string }): Built => ({
    message: `no ${code(a.what)} declared`,
    help: `declare one, e.g. ${code(a.example)}, here or in a module this file uses`,
  }),
  BL212: (a: { what: string; first: Span }): Built => ({
    message: `${code(a.what)} is declared more than once`,
    notes: [{ message: 'first declared here', span: a.first }],
    help: `a version has exactly one ${code(a.what)}`,
  }),
  BL213: (a: { value: string; field: string; bounds: string }): Built => ({
    message: `${code(a.value)} is outside the bounds of ${code(a.field)}, declared \`int(${a.bounds})\``,
    help: `values of ${code(a.field)} lie in ${code(a.bounds)}; a comparison with a value outside them never depends on the input`,
  }),
  /**
   * `read`: the optional field read (`post.review`), `whole` the whole path read (`post.review.score`);
   * `test`: the test that reads it, as written (null when unknown). The help shows the guard before the test.
   */
  BL214: (a: { read: string; whole: string; test: string | null; field: string; declared: Span }): Built => ({
    message: `${code(a.read)} may be absent: it is read without an \`exists\` test`,
    help: `test it first, in the same \`and\`: \`${a.read} exists and ${a.test ?? `${a.whole} …`}\``,
    notes: [{ message: `${code(a.field)} is declared optional (\`?\`) here`, span: a.declared }],
  }),
  BL216: (
    a:
      | { readonly kind: 'hours'; readonly moved: string; readonly hours: number }
      | { readonly kind: 'unit'; readonly unit: string; readonly units: readonly string[] }
      | { readonly kind: 'not-positive'; readonly unit: string },
  ): Built => {
    if (a.kind === 'hours') {
      return {
        message: 'a date is a day: it cannot move by hours',
        help: `move it by whole days instead: ${code(a.moved)}${a.hours % 24 === 0 ? '' : ` (${a.hours} hours, rounded up)`}`,
      };
    }
    if (a.kind === 'unit') {
      return { message: `${code(a.unit)} is not a unit of time`, help: didYouMean(a.unit, a.units) ?? 'units: `hours`, `days`, `weeks`, `months`, `years` (or the singular)' };
    }
    return { message: `a duration is a positive number of ${a.unit}s`, help: `write at least \`1 ${a.unit}\`` };
  },
  /** `near`: the list or set beside it meant, as written; `lists`: those beside it. */
  BL217: (a: { keyword: string; type: string; near: string | undefined; lists: readonly string[] }): Built => ({
    message: `${code(a.keyword)} goes over a list or a set, not ${code(a.type)}`,
    help:
      a.near !== undefined
        ? `did you mean ${code(a.near)}?`
        : a.lists.length > 0
          ? `lists and sets beside it: ${codes(a.lists.slice(0, 8))}${a.lists.length > 8 ? ', …' : ''}`
          : 'name a field declared `list<T>` or `set<Enum>`, as in `count(s in post.author.strikes where …)`',
  }),
  BL218: (a: { name: string; what: string }): Built => ({
    message: `${code(a.name)} already names ${a.what}`,
    help: 'give the element a name of its own, such as a single letter',
  }),
} as const;

/** BL205, mismatched types: each way a value is used where it does not fit. */
type Bl205 =
  | { readonly kind: 'set-literal' }
  | { readonly kind: 'whole-input'; readonly name: string; readonly type: string; readonly fields: readonly string[] }
  | { readonly kind: 'enum-alone'; readonly name: string; readonly member: string }
  /** `is`: what the name is (`a rule`); `symbol` its kind, `member` an enum's first member. */
  | { readonly kind: 'not-a-value'; readonly name: string; readonly is: string; readonly symbol: string; readonly member: string | undefined }
  | { readonly kind: 'exists' }
  | { readonly kind: 'condition-compared' }
  /** `help`: the mismatch's help, worded from the operands (a count with a date, the field holding an enum). */
  | { readonly kind: 'compare'; readonly left: string; readonly right: string; readonly help: string | undefined }
  | { readonly kind: 'uncomparable'; readonly type: string; readonly set: boolean }
  | { readonly kind: 'literals' }
  | { readonly kind: 'quoted-date'; readonly dates: readonly string[] }
  /** `x in {a}` on a set `x`: the test to write instead, `set has a` for one member, `set has any list` for several. */
  | { readonly kind: 'in-set'; readonly type: string; readonly set: string } & ({ readonly one: true; readonly members: readonly string[] } | { readonly one: false; readonly list: string })
  | { readonly kind: 'in-record' }
  | { readonly kind: 'in-not-literal' }
  | { readonly kind: 'in-type'; readonly member: string; readonly type: string }
  | { readonly kind: 'has-one'; readonly set: string; readonly members: string }
  | { readonly kind: 'has-empty'; readonly mode: 'any' | 'all'; readonly members: readonly string[] }
  | { readonly kind: 'has-no-member'; readonly enum: string; readonly members: readonly string[] };

function bl205(a: Bl205): Built {
  switch (a.kind) {
    case 'set-literal':
      return { message: 'a set literal can only follow `in`', help: 'write `x in {a, b}`' };
    case 'whole-input':
      return { message: `${code(a.name)} is the whole input; name one of its fields`, help: `fields of ${code(a.type)}: ${codes(a.fields)}` };
    case 'enum-alone':
      return { message: `${code(a.name)} is an enum; name one of its members, as in \`${a.name}.${a.member}\`` };
    case 'not-a-value': {
      const help =
        a.symbol === 'rule' || a.symbol === 'redline'
          ? 'to share a condition between clauses, declare a `context`'
          : a.symbol === 'enum'
            ? `name one of its members, as in \`${a.name}.${a.member ?? 'member'}\``
            : undefined;
      return { message: `${code(a.name)} is ${a.is}, not a value`, help };
    }
    case 'exists':
      return { message: '`exists` tests a field', help: 'write `post.field exists` for a field declared `field: T?`' };
    case 'condition-compared':
      return { message: 'a condition cannot be compared; use it directly or with `not`', help: 'write the condition alone for `== true`, and with `not` for `== false`' };
    case 'compare':
      return { message: `cannot compare ${code(a.left)} with ${code(a.right)}`, help: a.help };
    case 'uncomparable':
      return { message: `values of type ${code(a.type)} cannot be compared`, help: a.set ? 'test membership with `has`' : 'compare one of its fields' };
    case 'literals':
      return { message: 'both sides are literals; the comparison never depends on the input', help: 'compare a field of the input with a value' };
    case 'quoted-date':
      return {
        message: 'expected a date, found a string',
        help: a.dates.length > 0 ? `write the date without quotes: ${a.dates.map(code).join(' or ')}` : 'a date is written without quotes, as `YYYY-MM-DD`',
      };
    case 'in-set':
      return {
        message: `\`in\` tests one value; ${code(a.type)} is a set`,
        help: a.one
          ? `to test whether the set holds it, write ${code(a.members.map((m) => `${a.set} has ${m}`).join(' or '))}`
          : `to test whether the set holds any of them, write ${code(`${a.set} has any ${a.list}`)}`,
      };
    case 'in-record':
      return { message: 'a record cannot be tested with `in`; test one of its fields', help: 'write `RECORD.FIELD in {a, b}` with the field that holds the value' };
    case 'in-not-literal':
      return { message: 'the set after `in` holds literals only', help: 'to compare two fields, write `==`' };
    case 'in-type':
      return {
        message: `${code(a.member)} value in a set of ${code(a.type)}`,
        help: `every value in the set must have the type ${code(a.type)}, like what it is tested against`,
      };
    case 'has-one':
      return { message: '`has` tests one member at a time', help: `for any of them write \`${a.set} has any ${a.members}\`; for all of them, \`${a.set} has all ${a.members}\`` };
    case 'has-empty':
      return {
        message: `\`has ${a.mode} {}\` names no member`,
        help: `\`has ${a.mode} {}\` would ${a.mode === 'any' ? 'never' : 'always'} hold: list the members to test, as in \`has ${a.mode} {${a.members.slice(0, 2).join(', ')}}\``,
      };
    case 'has-no-member':
      return { message: `expected a member of ${code(a.enum)} after \`has\``, help: `members of ${code(a.enum)}: ${codes(a.members)}` };
  }
}
