import type { Expr } from './nodes.js';

/** The direct sub-expressions of an expression, in source order. */
export function childExpressions(expr: Expr): readonly Expr[] {
  switch (expr.kind) {
    case 'Logical':
      return expr.operands;
    case 'Not':
      return [expr.operand];
    case 'Compare':
      return [expr.left, expr.right];
    case 'In':
      return [expr.element, expr.set];
    case 'Has':
      return [expr.set, expr.member];
    case 'Paren':
      return [expr.inner];
    case 'SetLiteral':
      return expr.elements;
    case 'Shift':
      return [expr.base];
    case 'Exists':
      return [expr.operand];
    case 'Quantifier':
      return expr.where ? [expr.collection, expr.where] : [expr.collection];
    case 'Path':
    case 'IntLiteral':
    case 'StringLiteral':
    case 'DateLiteral':
    case 'BoolLiteral':
      return [];
  }
}

/** Visits every expression depth-first, parents before children. */
export function walkExpression(expr: Expr, visit: (e: Expr) => void): void {
  visit(expr);
  for (const child of childExpressions(expr)) walkExpression(child, visit);
}

export function pathText(expr: { segments: readonly { name: string }[] }): string {
  return expr.segments.map((s) => s.name).join('.');
}
