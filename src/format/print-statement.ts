import type { Identifier, StatementAction, StatementDecl, StringLiteral } from '../ast/nodes.js';
import type { Span } from '../diagnostics/span.js';
import type { CommentCursor } from './comments.js';
import { group, hardline, line, nest, type Doc } from './doc.js';
import { closingOffset } from './print-expr.js';

/**
 * `statement` declarations (statements of reasons): an outcome's actions one per line, like a
 * record's fields; a clause mapping's parts one per line, like a clause's; a version's URL on one line.
 */
export function printStatement(item: StatementDecl, c: CommentCursor): Doc {
  switch (item.kind) {
    case 'StatementVersion':
      return ['statement version ', item.version.raw, ' at ', item.url.raw];
    case 'StatementActions': {
      const actions = item.actions.map((a) => [c.lineBefore(a.span.start.offset, hardline), printAction(a, c), ',']);
      return ['statement ', item.outcome.name, ' {', nest([actions, c.beforeClosing(closingOffset(item))]), hardline, '}'];
    }
    case 'StatementClauses': {
      // The cursor hands out comments in source order: the names first, then the parts.
      const head = names(item.default ? [item.default] : item.clauses, c);
      const parts: Doc[] = [];
      const last = item.clauses[item.clauses.length - 1] ?? item.default!;
      let end = last.span.end.offset;
      // `print` is called after the line break before the part has taken its comments: a part
      // that takes comments of its own (between keywords) must not take those first.
      const part = (print: () => Doc, until: { readonly span: Span }) => {
        parts.push(c.lineBefore(c.tokenAt(end), hardline), print());
        end = until.span.end.offset;
      };
      part(() => ['category ', item.category.name], item.category);
      const keywords = item.keywords;
      if (keywords.length > 0) {
        const list = () => keywords.map((k, i) => [i > 0 ? [',', c.lineBefore(k.key.span.start.offset, line)] : '', k.key.name, other(k.other)]);
        part(() => group(['keywords ', nest(list())]), keywords[keywords.length - 1]!.other ?? keywords[keywords.length - 1]!.key);
      }
      const g = item.ground;
      const illegal = g.illegal === null ? '' : g.illegal ? ' also illegal' : ' not illegal';
      part(() => ['ground ', g.basis.name, ' ', g.reference.raw, illegal], g);
      return [head, nest(parts)];
    }
  }
}

/** `statement a, b, c`; when too long, the names after the first continue one per line. */
function names(list: readonly Identifier[], c: CommentCursor): Doc {
  const [first, ...rest] = list;
  return group(['statement ', first!.name, nest(rest.map((n) => [',', c.lineBefore(n.span.start.offset, line), n.name]))]);
}

/** `lock for 12 hours: KEY permanently and KEY notice "…"`; a long one breaks before each `and` and before `notice`. */
function printAction(a: StatementAction, c: CommentCursor): Doc {
  const head = [a.name.name, a.duration ? [' for ', a.duration.count.raw, ' ', a.duration.unit.name] : '', ':'];
  const targets =
    a.targets.length === 0
      ? [' no restriction']
      : a.targets.map((t, i) => [i > 0 ? [c.lineBefore(t.span.start.offset, line), 'and '] : ' ', t.key.name, other(t.other), t.permanently ? ' permanently' : '']);
  const notice = a.notice ? [c.lineBefore(a.notice.span.start.offset, line), 'notice ', a.notice.raw] : '';
  return group([head, targets.length > 1 ? [targets[0]!, nest(targets.slice(1))] : targets, nest(notice)]);
}

function other(text: StringLiteral | null): Doc {
  return text ? [' ', text.raw] : '';
}
