/**
 * The parts of help texts for mistakes in conditions that quote the policy: a quantifier as
 * written, for its element named outside its `where`, a count compared with a date. Kept apart
 * from expressions.ts, which types conditions; the registry (diagnostics/messages) words them.
 */
import type * as A from '../ast/nodes.js';
import type { Span } from '../diagnostics/span.js';
import type { Quantifier, RecordType, Type } from './program.js';

/** Source text longer than this is shown with `…` instead (a help is one line). */
const MAX_SHOWN = 100;

/** The text of `span` on one line, or null when it is unknown or too long to show. */
export function shown(source: ((span: Span) => string) | undefined, span: Span): string | null {
  const text = source?.(span).replace(/\s+/g, ' ').trim();
  return text && text.length <= MAX_SHOWN ? text : null;
}

/** The quantifiers of a condition by the name they bind (the first, when a name is bound twice). */
export function bindersIn(expr: A.Expr, found = new Map<string, A.QuantifierExpr>()): Map<string, A.QuantifierExpr> {
  switch (expr.kind) {
    case 'Quantifier':
      if (!found.has(expr.binder.name)) found.set(expr.binder.name, expr);
      bindersIn(expr.collection, found);
      if (expr.where) bindersIn(expr.where, found);
      break;
    case 'Logical':
      for (const o of expr.operands) bindersIn(o, found);
      break;
    case 'Not':
    case 'Exists':
      bindersIn(expr.operand, found);
      break;
    case 'Paren':
      bindersIn(expr.inner, found);
      break;
    case 'Compare':
      bindersIn(expr.left, found);
      bindersIn(expr.right, found);
      break;
    case 'In':
      bindersIn(expr.element, found);
      break;
    case 'Has':
      bindersIn(expr.set, found);
      bindersIn(expr.member, found);
      break;
    case 'Shift':
      bindersIn(expr.base, found);
      break;
    default:
      break;
  }
  return found;
}

/** A quantifier as a help quotes it, for a test of its element moved inside: `count(s in LIST` and its `where` with ` and `. */
export function outsideWhere(q: A.QuantifierExpr, source: ((span: Span) => string) | undefined): { head: string; where: string } {
  const collection = shown(source, q.collection.span) ?? 'LIST';
  return { head: `${q.keyword.name}(${q.binder.name} in ${collection}`, where: q.where ? `${shown(source, q.where.span) ?? '…'} and ` : '' };
}

/**
 * `count(s in post.strikes) > post.date`: a count is a number; the dates to test are the
 * elements', read as `s.date` (the element's first date field) or `s` (a list of dates).
 */
export function countComparedHelp(q: Quantifier, source: ((span: Span) => string) | undefined): string {
  const { name, element } = q;
  const date = element.kind === 'date' ? name : element.kind === 'record' ? element.fields.find((f) => f.type.kind === 'date')?.name : undefined;
  const test = date === undefined ? '…' : `${date === name ? name : `${name}.${date}`} > …`;
  return `\`count(…)\` is a number of elements; to test the elements, compare inside its \`where\`, as in \`count(${name} in ${shown(source, q.collection.span) ?? 'LIST'} where ${test}) > 0\``;
}

/** The list and set fields of `record` (the record holding the field at `path`), as written from the same root. */
export function listsBeside(record: Type | null, path: readonly string[], written: A.Expr): { path: string; text: string }[] {
  const head = written.kind === 'Path' ? written.segments[0]!.name : null;
  let holder: Type | null | undefined = record;
  for (const name of path.slice(0, -1)) holder = holder?.kind === 'record' ? holder.fields.find((f) => f.name === name)?.type : null;
  if (holder?.kind !== 'record' || head === null) return [];
  const parent = path.slice(0, -1);
  return holder.fields
    .filter((f) => f.type.kind === 'list' || f.type.kind === 'set')
    .map((f) => ({ path: [...parent, f.name].join('.'), text: [head, ...parent, f.name].join('.') }));
}

/** Names from other languages that Bylaw spells otherwise: a clock, `null`. */
export function unknownNameHelp(name: string, inputName: string | null, inputType: RecordType | null): string {
  const date = inputType?.fields.find((f) => f.type.kind === 'date' && !f.optional);
  if (['today', 'now'].includes(name.toLowerCase())) {
    return `Bylaw has no clock: a decision depends on its input alone, so compare with a date of the input${date ? `, as in \`${inputName}.${date.name} - 90 days\`` : ''}`;
  }
  if (['null', 'nil', 'undefined'].includes(name.toLowerCase())) {
    return 'an optional field (`field: T?`) that is absent or null is tested with `exists`: `not x exists`';
  }
  return 'a condition names a context, a field of the input or a literal';
}
