import type { CstElement, CstNode, IToken } from 'chevrotain';
import type * as A from '../ast/nodes.js';
import type { DiagnosticBag } from '../diagnostics/codes.js';
import type { LineIndex, Span } from '../diagnostics/span.js';
import { isValidIsoDate } from '../ast/dates.js';
import { closestMatch } from '../diagnostics/suggest.js';
import { tokenSpan } from './lexer.js';
import { statementDecl } from './to-ast-statement.js';

/**
 * CST → AST. Runs only on files without syntax errors, so every mandatory child is present.
 * Literal validation (dates, integers, escapes) happens here and is reported to `bag`.
 */
export function toAst(cst: CstNode, file: string, lines: LineIndex, bag: DiagnosticBag, comments: readonly A.Comment[], text: string): A.PolicyFile {
  const b = new Builder(file, lines, bag);
  const items = nodes(cst, 'item').map((item) => b.item(item));
  return { kind: 'File', items, comments, span: lines.span(file, 0, text.length) };
}

function isToken(element: CstElement): element is IToken {
  return (element as IToken).image !== undefined;
}

export function nodes(node: CstNode, key: string): CstNode[] {
  return (node.children[key] ?? []).filter((c): c is CstNode => !isToken(c));
}
export function node(node: CstNode, key: string): CstNode {
  const found = nodes(node, key)[0];
  if (!found) throw new Error(`internal: CST node \`${node.name}\` has no \`${key}\``);
  return found;
}
export function tokens(node: CstNode, key: string): IToken[] {
  return (node.children[key] ?? []).filter(isToken);
}
export function token(node: CstNode, key: string): IToken {
  const found = tokens(node, key)[0];
  if (!found) throw new Error(`internal: CST node \`${node.name}\` has no token \`${key}\``);
  return found;
}
/** The first child of an alternation node (e.g. `item`, `atom`); one pass, no arrays (hot path). */
function onlyChild(node: CstNode): CstElement {
  let first: CstElement | undefined;
  let firstOffset = Infinity;
  for (const key in node.children) {
    for (const child of node.children[key]!) {
      const offset = offsetOf(child);
      if (offset < firstOffset) {
        first = child;
        firstOffset = offset;
      }
    }
  }
  return first!;
}
/** Two token lists merged in source order (most paths have no keyword segment: nothing to sort). */
function inSourceOrder(a: IToken[], b: IToken[]): IToken[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...a, ...b].sort((x, y) => x.startOffset - y.startOffset);
}
function offsetOf(element: CstElement): number {
  return isToken(element) ? element.startOffset : (element.location?.startOffset ?? 0);
}

/** Other languages' names for Bylaw's quantifiers (`every` is a keyword, reported by the parser). */
const QUANTIFIER_SYNONYMS: Readonly<Record<string, string>> = {
  some: 'any',
  exists: 'any',
  forall: 'all',
  len: 'count',
  length: 'count',
  size: 'count',
  filter: 'count',
};

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '0': '\0' };

export class Builder {
  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
    private readonly bag: DiagnosticBag,
  ) {}

  span(node: CstNode): Span {
    const loc = node.location!;
    return this.lines.span(this.file, loc.startOffset, (loc.endOffset ?? loc.startOffset) + 1);
  }
  tokenSpan(token: IToken): Span {
    return tokenSpan(this.lines, this.file, token);
  }
  ident(token: IToken): A.Identifier {
    return { kind: 'Identifier', name: token.image, span: this.tokenSpan(token) };
  }

  item(item: CstNode): A.Item {
    const decl = onlyChild(item) as CstNode;
    const span = this.span(decl);
    switch (decl.name) {
      case 'policyHeader':
        return { kind: 'PolicyHeader', name: this.qualifiedName(node(decl, 'qualifiedName')), span };
      case 'versionHeader':
        return { kind: 'VersionHeader', value: this.string(token(decl, 'StringLiteral')), span };
      case 'effectiveHeader':
        return { kind: 'EffectiveHeader', date: this.date(token(decl, 'DateLiteral')), span };
      case 'sourceHeader':
        return { kind: 'SourceHeader', value: this.string(token(decl, 'StringLiteral')), span };
      case 'useDecl': {
        const except = nodes(decl, 'nameList')[0];
        return { kind: 'Use', module: this.qualifiedName(node(decl, 'qualifiedName')), except: except ? this.nameList(except) : [], span };
      }
      case 'inputDecl':
        return {
          kind: 'Input',
          name: this.ident(token(decl, 'Identifier')),
          type: this.typeRef(node(decl, 'typeRef')),
          span,
        };
      case 'enumDecl':
        return {
          kind: 'Enum',
          name: this.ident(token(decl, 'Identifier')),
          members: this.nameList(node(decl, 'nameList')),
          span,
        };
      case 'recordDecl':
        return {
          kind: 'Record',
          name: this.ident(token(decl, 'Identifier')),
          fields: nodes(decl, 'fieldDecl').map((f) => ({
            kind: 'Field' as const,
            name: this.ident(token(f, 'AnyName')),
            type: this.typeRef(node(f, 'typeRef')),
            optional: tokens(f, 'QuestionMark').length > 0,
            span: this.span(f),
          })),
          span,
        };
      case 'scaleDecl':
        return {
          kind: 'Scale',
          name: this.ident(token(decl, 'Identifier')),
          members: nodes(decl, 'scaleMember').map((m) => this.scaleMember(m)),
          span,
        };
      case 'outcomeDecl':
        return { kind: 'Outcome', name: this.ident(token(decl, 'Identifier')), scale: this.ident(token(decl, 'scale')), span };
      case 'contextDecl':
        return {
          kind: 'Context',
          name: this.ident(token(decl, 'Identifier')),
          body: this.expression(node(decl, 'expression')),
          span,
        };
      case 'redlineDecl':
      case 'ruleDecl':
        return {
          kind: decl.name === 'redlineDecl' ? 'Redline' : 'Rule',
          name: this.ident(token(decl, 'Identifier')),
          ...this.clauseBody(node(decl, 'clauseBody')),
          span,
        };
      case 'exemptionDecl':
        return {
          kind: 'Exemption',
          name: this.ident(token(decl, 'Identifier')),
          from: nodes(decl, 'nameList')[0] ? this.nameList(node(decl, 'nameList')) : [],
          everyRule: tokens(decl, 'Every')[0] ? this.ident(token(decl, 'Every')) : null,
          ...this.clauseBody(node(decl, 'clauseBody')),
          span,
        };
      case 'defaultDecl':
        return { kind: 'Default', actions: this.actionList(node(decl, 'actionList')), span };
      case 'statementDecl':
        return statementDecl(this, decl, span);
      default:
        throw new Error(`internal: unknown declaration \`${decl.name}\``);
    }
  }

  clauseBody(body: CstNode): A.ClauseBody {
    const because = tokens(body, 'StringLiteral')[0];
    const unless = nodes(body, 'unless')[0];
    return {
      when: this.expression(node(body, 'when')),
      unless: unless ? this.expression(unless) : null,
      actions: this.actionList(node(body, 'actionList')),
      because: because ? this.string(because) : null,
    };
  }

  actionList(list: CstNode): A.ActionRef[] {
    return nodes(list, 'actionRef').map((ref) => {
      const first = this.ident(token(ref, 'action'));
      const member = tokens(ref, 'member')[0];
      const duration = nodes(ref, 'duration')[0];
      return {
        kind: 'Action' as const,
        scale: member ? first : null,
        member: member ? this.ident(member) : first,
        duration: duration ? this.duration(duration) : null,
        span: this.span(ref),
      };
    });
  }

  duration(cst: CstNode): A.DurationLiteral {
    return { kind: 'Duration', count: this.int(token(cst, 'IntLiteral')), unit: this.ident(token(cst, 'unit')), span: this.span(cst) };
  }

  scaleMember(cst: CstNode): A.ScaleMember {
    const marker = tokens(cst, 'marker')[0];
    if (marker && marker.image !== 'duration') {
      this.bag.emit('BL020', this.tokenSpan(marker), { marker: marker.image });
    }
    return { kind: 'ScaleMember', name: this.ident(token(cst, 'member')), timed: marker !== undefined, span: this.span(cst) };
  }

  nameList(list: CstNode): A.Identifier[] {
    return tokens(list, 'Identifier').map((t) => this.ident(t));
  }

  qualifiedName(name: CstNode): A.QualifiedName {
    const parts = inSourceOrder(tokens(name, 'Identifier'), tokens(name, 'AnyName')).map((t) => this.ident(t));
    return { kind: 'QualifiedName', parts, span: this.span(name) };
  }

  typeRef(type: CstNode): A.TypeRef {
    const keyword = this.ident(token(type, 'Identifier'));
    const span = this.span(type);
    const element = nodes(type, 'typeRef')[0];
    if (element) return { kind: keyword.name === 'list' ? 'ListType' : 'SetType', keyword, element: this.typeRef(element), span };
    if (tokens(type, 'DotDot').length > 0) {
      const min = tokens(type, 'min')[0];
      const max = tokens(type, 'max')[0];
      return {
        kind: 'BoundedIntType',
        keyword,
        min: min ? this.int(min) : null,
        max: max ? this.int(max) : null,
        span,
      };
    }
    return { kind: 'NamedType', name: keyword, span };
  }

  expression(expr: CstNode): A.Expr {
    return this.logical(node(expr, 'orExpr'), 'or', 'andExpr');
  }

  logical(cst: CstNode, op: 'and' | 'or', operandKey: string): A.Expr {
    const operands = nodes(cst, operandKey).map((o) =>
      op === 'or' ? this.logical(o, 'and', 'notExpr') : this.not(o),
    );
    if (operands.length === 1) return operands[0]!;
    return { kind: 'Logical', op, operands, span: this.span(cst) };
  }

  not(cst: CstNode): A.Expr {
    const inner = nodes(cst, 'notExpr')[0];
    if (inner) return { kind: 'Not', operand: this.not(inner), span: this.span(cst) };
    return this.comparison(node(cst, 'comparison'));
  }

  comparison(cst: CstNode): A.Expr {
    const left = this.operand(node(cst, 'left'));
    const span = this.span(cst);
    const operator = tokens(cst, 'operator')[0];
    if (operator) {
      return { kind: 'Compare', op: operator.image as A.CompareOp, left, right: this.operand(node(cst, 'right')), span };
    }
    if (tokens(cst, 'Exists').length > 0) return { kind: 'Exists', operand: left, span };
    const mode = tokens(cst, 'mode')[0];
    if (mode) return { kind: 'Has', set: left, mode: mode.image as 'any' | 'all', member: this.setLiteral(node(cst, 'members')), span };
    const set = nodes(cst, 'setLiteral')[0];
    if (set) {
      return { kind: 'In', negated: tokens(cst, 'Not').length > 0, element: left, set: this.setLiteral(set), span };
    }
    const member = nodes(cst, 'member')[0];
    if (member) return { kind: 'Has', set: left, mode: 'one', member: this.atom(member), span };
    return left;
  }

  /** An atom moved by durations, left to right: `d - 1 year + 2 days` is `(d - 1 year) + 2 days`. */
  operand(cst: CstNode): A.Expr {
    let expr = this.atom(node(cst, 'atom'));
    const shifts = tokens(cst, 'shift');
    nodes(cst, 'duration').forEach((d, i) => {
      const duration = this.duration(d);
      const op = shifts[i]!.image as '+' | '-';
      expr = { kind: 'Shift', base: expr, op, duration, span: this.lines.span(this.file, expr.span.start.offset, duration.span.end.offset) };
    });
    return expr;
  }

  quantifier(cst: CstNode): A.Expr {
    const keyword = this.ident(token(cst, 'quantifier'));
    const where = nodes(cst, 'where')[0];
    const span = this.span(cst);
    const binder = this.ident(token(cst, 'binder'));
    const collection = this.operand(node(cst, 'collection'));
    if (keyword.name !== 'count' && keyword.name !== 'any' && keyword.name !== 'all') {
      const meant = QUANTIFIER_SYNONYMS[keyword.name.toLowerCase()] ?? closestMatch(keyword.name, ['count', 'any', 'all']);
      const list = collection.kind === 'Path' ? collection.segments.map((s) => s.name).join('.') : 'LIST';
      this.bag.emit('BL019', keyword.span, { keyword: keyword.name, meant, binder: binder.name, list });
    }
    return {
      kind: 'Quantifier',
      quantifier: keyword.name as 'count' | 'any' | 'all',
      keyword,
      binder,
      collection,
      where: where ? this.expression(where) : null,
      span,
    };
  }

  atom(cst: CstNode): A.Expr {
    const child = onlyChild(cst);
    if (!isToken(child)) {
      if (child.name === 'path') return this.path(child);
      if (child.name === 'quantifier') return this.quantifier(child);
      if (child.name === 'setLiteral') return this.setLiteral(child);
      return { kind: 'Paren', inner: this.expression(child), span: this.span(cst) };
    }
    if (child.image === '(') {
      return { kind: 'Paren', inner: this.expression(node(cst, 'expression')), span: this.span(cst) };
    }
    switch (child.tokenType.name) {
      case 'IntLiteral':
        return this.int(child);
      case 'DateLiteral':
        return this.date(child);
      case 'StringLiteral':
        return this.string(child);
      case 'True':
      case 'False':
        return { kind: 'BoolLiteral', value: child.image === 'true', span: this.tokenSpan(child) };
      default:
        throw new Error(`internal: unexpected atom \`${child.image}\``);
    }
  }

  path(cst: CstNode): A.PathExpr {
    const segments = inSourceOrder(tokens(cst, 'Identifier'), tokens(cst, 'AnyName')).map((t) => this.ident(t));
    return { kind: 'Path', segments, span: this.span(cst) };
  }

  setLiteral(cst: CstNode): A.SetLiteral {
    return { kind: 'SetLiteral', elements: nodes(cst, 'atom').map((a) => this.atom(a)), span: this.span(cst) };
  }

  int(t: IToken): A.IntLiteral {
    const span = this.tokenSpan(t);
    const raw = t.image;
    const digits = raw.replace(/_/g, '');
    if (/_$|__|^-?_/.test(raw) || /^-?0\d/.test(digits)) {
      this.bag.emit('BL006', span, { kind: 'malformed', raw });
    }
    const value = Number(digits);
    if (!Number.isSafeInteger(value)) {
      this.bag.emit('BL006', span, { kind: 'too-large', raw });
      return { kind: 'IntLiteral', value: 0, raw, span };
    }
    return { kind: 'IntLiteral', value: value === 0 ? 0 : value, raw, span };
  }

  date(t: IToken): A.DateLiteral {
    const span = this.tokenSpan(t);
    if (!isValidIsoDate(t.image)) {
      this.bag.emit('BL005', span, { date: t.image });
    }
    return { kind: 'DateLiteral', value: t.image, span };
  }

  string(t: IToken): A.StringLiteral {
    const span = this.tokenSpan(t);
    const raw = t.image;
    const body = raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw.slice(1);
    let value = '';
    for (let i = 0; i < body.length; i++) {
      const c = body[i]!;
      if (c !== '\\') {
        value += c;
        continue;
      }
      const next = body[i + 1] ?? '';
      if (next in ESCAPES) {
        value += ESCAPES[next];
        i++;
        continue;
      }
      const unicode = /^u\{([0-9a-fA-F]{1,6})\}/.exec(body.slice(i + 1));
      if (unicode && Number.parseInt(unicode[1]!, 16) <= 0x10ffff) {
        value += String.fromCodePoint(Number.parseInt(unicode[1]!, 16));
        i += unicode[0].length;
        continue;
      }
      const offset = t.startOffset + 1 + i;
      this.bag.emit('BL004', this.lines.span(this.file, offset, offset + 2), { escape: next });
      i++;
    }
    return { kind: 'StringLiteral', value, raw, span };
  }
}
