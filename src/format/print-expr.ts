import type { DurationLiteral, Expr, HasExpr, LogicalExpr, ParenExpr, QuantifierExpr, SetLiteral } from '../ast/nodes.js';
import { pathText } from '../ast/walk.js';
import type { Span } from '../diagnostics/span.js';
import type { CommentCursor } from './comments.js';
import { group, ifBreak, line, nest, softline, type Doc } from './doc.js';

/** Prints an expression; `c` hands out the comments at each possible line break, in source order. */
export function printExpr(expr: Expr, c: CommentCursor): Doc {
  switch (expr.kind) {
    case 'IntLiteral':
    case 'StringLiteral':
      return expr.raw;
    case 'DateLiteral':
      return expr.value;
    case 'BoolLiteral':
      return String(expr.value);
    case 'Path':
      return pathText(expr);
    case 'SetLiteral':
      return printSet(expr, c);
    case 'Logical':
      return printLogical(expr, c);
    case 'Not':
      return ['not ', printExpr(expr.operand, c)];
    case 'Compare':
      return [printExpr(expr.left, c), ` ${expr.op} `, printExpr(expr.right, c)];
    case 'In':
      return [printExpr(expr.element, c), expr.negated ? ' not in ' : ' in ', printSet(expr.set, c)];
    case 'Has':
      return [printExpr(expr.set, c), HAS[expr.mode], printExpr(expr.member, c)];
    case 'Paren':
      return printParen(expr, c);
    case 'Exists':
      return [printExpr(expr.operand, c), ' exists'];
    case 'Shift':
      return [printExpr(expr.base, c), ` ${expr.op} `, printDuration(expr.duration)];
    case 'Quantifier':
      return printQuantifier(expr, c);
  }
}

const HAS: Readonly<Record<HasExpr['mode'], string>> = { one: ' has ', any: ' has any ', all: ' has all ' };

/** `90 days`: the count as written (`1_000` keeps its `_`), the unit as written (`day` or `days`). */
export function printDuration(duration: DurationLiteral): string {
  return `${duration.count.raw} ${duration.unit.name}`;
}

/**
 * `count(s in post.strikes where s.date > d)` on one line; when too long, the binding and the
 * `where` each on their own line one level deeper, and `)` on a line of its own, the way a
 * parenthesised condition breaks. The `where` condition's `and`/`or` lines go one level deeper
 * still, as after `when`.
 */
function printQuantifier(expr: QuantifierExpr, c: CommentCursor): Doc {
  const binding = [c.lineBefore(expr.binder.span.start.offset, softline), expr.binder.name, ' in ', printExpr(expr.collection, c)];
  const where = expr.where;
  const condition = where
    ? [c.lineBefore(c.tokenAt(expr.collection.span.end.offset), line), 'where ', printCondition(where, c)]
    : '';
  return group([expr.quantifier, '(', nest([binding, condition, c.beforeClosing(closingOffset(expr))]), softline, ')']);
}

/**
 * A condition after a keyword (`when`, `unless`): a broken `and`/`or` chain continues one level
 * deeper than the keyword, so its lines read as part of the condition.
 */
export function printCondition(expr: Expr, c: CommentCursor): Doc {
  return expr.kind === 'Logical' ? nest(printExpr(expr, c)) : printExpr(expr, c);
}

/** All operands on one line, or each on its own line led by the operator. */
function printLogical(expr: LogicalExpr, c: CommentCursor): Doc {
  const parts: Doc[] = [];
  expr.operands.forEach((operand, i) => {
    if (i > 0) {
      const previous = expr.operands[i - 1]!;
      parts.push(c.lineBefore(c.tokenAt(previous.span.end.offset), line), `${expr.op} `);
    }
    // `a and b or c` has no parentheses to show the grouping; a deeper indent shows it instead.
    parts.push(operand.kind === 'Logical' ? nest(printLogical(operand, c)) : printExpr(operand, c));
  });
  return group(parts);
}

/** The author's parentheses, never more or fewer; the contents break onto their own lines. */
function printParen(expr: ParenExpr, c: CommentCursor): Doc {
  const inner = [c.lineBefore(expr.inner.span.start.offset, softline), printExpr(expr.inner, c)];
  return group(['(', nest([inner, c.beforeClosing(closingOffset(expr))]), softline, ')']);
}

/** `{a, b}`; when too long, one element per line with a trailing comma. */
function printSet(set: SetLiteral, c: CommentCursor): Doc {
  const elements = set.elements.map((element, i) => [
    i > 0 ? ',' : '',
    c.lineBefore(element.span.start.offset, i > 0 ? line : softline),
    printExpr(element, c),
  ]);
  const comma = set.elements.length > 0 ? ifBreak(',') : '';
  return group(['{', nest([elements, comma, c.beforeClosing(closingOffset(set))]), softline, '}']);
}

/** The offset of a node's one-character closing bracket. */
export function closingOffset(node: { readonly span: Span }): number {
  return node.span.end.offset - 1;
}
