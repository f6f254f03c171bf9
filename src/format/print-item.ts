import type { ActionRef, ClauseDecl, EnumDecl, FieldDecl, Identifier, Item, QualifiedName, RecordDecl, ScaleDecl, TypeRef } from '../ast/nodes.js';
import type { Span } from '../diagnostics/span.js';
import type { CommentCursor } from './comments.js';
import { group, hardline, ifBreak, line, nest, type Doc } from './doc.js';
import { closingOffset, printCondition, printDuration, printExpr } from './print-expr.js';
import { printStatement } from './print-statement.js';

/** Prints one top-level item: a header line or a declaration. */
export function printItem(item: Item, c: CommentCursor): Doc {
  switch (item.kind) {
    case 'PolicyHeader':
      return ['policy ', qualified(item.name)];
    case 'VersionHeader':
      return ['version ', item.value.raw];
    case 'EffectiveHeader':
      return ['effective ', item.date.value];
    case 'SourceHeader':
      return ['source ', item.value.raw];
    case 'Use':
      return item.except.length === 0 ? ['use ', qualified(item.module)] : group(['use ', qualified(item.module), ' except ', printNames(item.except, c)]);
    case 'Input':
      return ['input ', item.name.name, ': ', printType(item.type)];
    case 'Default':
      return group(['default ', printActions(item.actions, c)]);
    case 'Outcome':
      return ['outcome ', item.name.name, ': ', item.scale.name];
    case 'Enum':
      return printEnum(item, c);
    case 'Scale':
      return printScale(item, c);
    case 'Record':
      return printRecord(item, c);
    case 'Context':
      return group([
        'context ',
        item.name.name,
        ' =',
        nest([c.lineBefore(item.body.span.start.offset, line), printExpr(item.body, c)]),
      ]);
    case 'Redline':
    case 'Rule':
    case 'Exemption':
      return printClause(item, c);
    case 'StatementActions':
    case 'StatementClauses':
    case 'StatementVersion':
      return printStatement(item, c);
  }
}

/** `enum Role { a, b }`, or one member per line with trailing commas when that is too long. */
function printEnum(item: EnumDecl, c: CommentCursor): Doc {
  const members = item.members.map((m, i) => [i > 0 ? ',' : '', c.lineBefore(m.span.start.offset, line), m.name]);
  return group(['enum ', item.name.name, ' {', nest([members, ifBreak(','), c.beforeClosing(closingOffset(item))]), line, '}']);
}

/** `scale Action { allow < notice }`, or one member per line, each after its `<`, when too long. */
function printScale(item: ScaleDecl, c: CommentCursor): Doc {
  const members = item.members.map((m, i) =>
    i === 0
      ? [c.lineBefore(m.span.start.offset, line), member(m)]
      : [c.lineBefore(c.tokenAt(item.members[i - 1]!.span.end.offset), line), '< ', member(m)],
  );
  return group(['scale ', item.name.name, ' {', nest([members, c.beforeClosing(closingOffset(item))]), line, '}']);
}

/** Always one field per line, each with a trailing comma: records grow, and diffs stay one line. */
function printRecord(item: RecordDecl, c: CommentCursor): Doc {
  const fields = item.fields.map((f) => [c.lineBefore(f.span.start.offset, hardline), printField(f), ',']);
  return ['record ', item.name.name, ' {', nest([fields, c.beforeClosing(closingOffset(item))]), hardline, '}'];
}

/** `restrict(duration)`: a member every use of which carries a duration. */
function member(m: ScaleDecl['members'][number]): string {
  return m.timed ? `${m.name.name}(duration)` : m.name.name;
}

function printField(field: FieldDecl): Doc {
  return [field.name.name, ': ', printType(field.type), field.optional ? '?' : ''];
}

function printType(type: TypeRef): string {
  switch (type.kind) {
    case 'NamedType':
      return type.name.name;
    case 'SetType':
    case 'ListType':
      return `${type.keyword.name}<${printType(type.element)}>`;
    case 'BoundedIntType':
      return `${type.keyword.name}(${type.min?.raw ?? ''}..${type.max?.raw ?? ''})`;
  }
}

const CLAUSE_KEYWORD = { Redline: 'redline', Rule: 'rule', Exemption: 'exemption' } as const;

/** The name line, then each part (`from`, `when`, `unless`, `then`, `because`) on its own line. */
function printClause(item: ClauseDecl, c: CommentCursor): Doc {
  const parts: Doc[] = [];
  let end = item.name.span.end.offset;
  // The line break before a part sits before its keyword, so comments after the keyword move on.
  const part = (print: () => Doc, last: { readonly span: Span }) => {
    parts.push(c.lineBefore(c.tokenAt(end), hardline), print());
    end = last.span.end.offset;
  };
  if (item.kind === 'Exemption' && item.everyRule) {
    // `every` is the node; the part ends after the keyword `rule` that follows it.
    part(() => 'from every rule', item.everyRule);
    end = c.tokenAt(end) + 'rule'.length;
  } else if (item.kind === 'Exemption') {
    part(() => ['from ', printNames(item.from, c)], item.from[item.from.length - 1]!);
    end = c.skipComma(end);
  }
  part(() => ['when ', printCondition(item.when, c)], item.when);
  const unless = item.unless;
  if (unless) part(() => ['unless ', printCondition(unless, c)], unless);
  part(() => ['then ', printActions(item.actions, c)], item.actions[item.actions.length - 1]!);
  const because = item.because;
  if (because) part(() => ['because ', because.raw], because);
  return [CLAUSE_KEYWORD[item.kind], ' ', item.name.name, nest(parts)];
}

/**
 * A comma list after a keyword (`from a, b`, `except a, b`, `then remove, strike for 1 week`):
 * when too long, the items after the first continue one per line, one level deeper, the way a
 * long condition continues after `when`.
 */
function printList<T extends { readonly span: Span }>(items: readonly T[], c: CommentCursor, print: (item: T) => Doc): Doc {
  const [first, ...rest] = items;
  return group([print(first!), nest(rest.map((item) => [',', c.lineBefore(item.span.start.offset, line), print(item)]))]);
}

function printNames(names: readonly Identifier[], c: CommentCursor): Doc {
  return printList(names, c, (n) => n.name);
}

function printActions(actions: readonly ActionRef[], c: CommentCursor): Doc {
  return printList(actions, c, printAction);
}

/** `remove`, `Content.remove`, `restrict for 3 days`. */
function printAction(action: ActionRef): Doc {
  return [action.scale ? `${action.scale.name}.` : '', action.member.name, action.duration ? [' for ', printDuration(action.duration)] : ''];
}

function qualified(name: QualifiedName): string {
  return name.parts.map((p) => p.name).join('.');
}
