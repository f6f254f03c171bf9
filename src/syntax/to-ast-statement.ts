import type { CstNode, IToken } from 'chevrotain';
import type * as A from '../ast/nodes.js';
import type { Span } from '../diagnostics/span.js';
import { node, nodes, token, tokens, type Builder } from './to-ast.js';

/**
 * CST → AST for `statement` declarations (statements of reasons, docs/statements-of-reasons.md).
 * The parser has already checked every contextual word (`at`, `category`, `ground`, …); the
 * database's keys and `terms` / `law` are the checker's to judge, with did-you-mean.
 */
export function statementDecl(b: Builder, decl: CstNode, span: Span): A.StatementDecl {
  const url = tokens(decl, 'url')[0];
  if (url) return { kind: 'StatementVersion', version: b.string(token(decl, 'version')), url: b.string(url), span };
  const actions = nodes(decl, 'statementActions')[0];
  if (actions) {
    return {
      kind: 'StatementActions',
      outcome: b.ident(token(decl, 'name')),
      actions: nodes(actions, 'statementAction').map((a) => action(b, a)),
      span,
    };
  }
  const clause = node(decl, 'statementClause');
  const byDefault = tokens(decl, 'Default')[0];
  const keywords = nodes(clause, 'statementKeyword').map((k) => ({ key: b.ident(token(k, 'key')), other: optionalString(b, tokens(k, 'other')[0]) }));
  const basis = token(clause, 'basis');
  const reference = token(clause, 'reference');
  const illegal = tokens(clause, 'illegal')[0];
  return {
    kind: 'StatementClauses',
    clauses: tokens(decl, 'name').map((t) => b.ident(t)),
    default: byDefault ? b.ident(byDefault) : null,
    category: b.ident(token(clause, 'category')),
    keywords,
    ground: {
      kind: 'StatementGround',
      basis: b.ident(basis),
      reference: b.string(reference),
      illegal: illegal ? tokens(clause, 'Not').length === 0 : null,
      span: { ...b.tokenSpan(basis), end: b.tokenSpan(illegal ?? reference).end },
    },
    span,
  };
}

function action(b: Builder, cst: CstNode): A.StatementAction {
  const duration = nodes(cst, 'duration')[0];
  return {
    kind: 'StatementAction',
    name: b.ident(token(cst, 'action')),
    duration: duration ? b.duration(duration) : null,
    targets: nodes(cst, 'statementTarget').map((t) => ({
      kind: 'StatementTarget' as const,
      key: b.ident(token(t, 'key')),
      other: optionalString(b, tokens(t, 'other')[0]),
      permanently: tokens(t, 'permanently')[0] ? b.ident(token(t, 'permanently')) : null,
      span: b.span(t),
    })),
    notice: optionalString(b, tokens(cst, 'notice')[0]),
    span: b.span(cst),
  };
}

function optionalString(b: Builder, t: IToken | undefined): A.StringLiteral | null {
  return t ? b.string(t) : null;
}
