import { describe, expect, it } from 'vitest';
import type { ContextDecl, Expr } from '../../src/ast/nodes.js';
import { childExpressions, pathText, walkExpression } from '../../src/ast/walk.js';
import { definition, references } from '../../src/lsp/features/definition.js';
import { rename } from '../../src/lsp/features/rename.js';
import { Workspace } from '../../src/lsp/project.js';
import { parse } from '../../src/syntax/parse.js';
import { memoryHost } from '../support/memory-host.js';

/** Fields read only inside Bylaw 2 expressions: a quantifier's list and `where`, a moved date, `exists`. */
const POLICY = [
  'scale Action { allow < remove }',
  'record Strike { date: date, severity: int, note: string? }',
  'record Item { posted: date, strikes: list<Strike>, appeal: date? }',
  'input item: Item',
  'default allow',
  'context recent = count(s in item.strikes where s.severity > 1 and s.date > item.posted - 90 days) > 2',
  'context noted = any(s in item.strikes where s.note exists)',
  'context appealed = item.appeal exists',
  'rule repeat when recent or noted or appealed then remove because "repeat"',
  '',
].join('\n');

const PATH = '/virtual/walk/lone.policy';

function contexts(): Map<string, Expr> {
  const ast = parse(POLICY, PATH).ast!;
  return new Map(ast.items.filter((i): i is ContextDecl => i.kind === 'Context').map((c) => [c.name.name, c.body]));
}

function paths(expr: Expr): string[] {
  const found: string[] = [];
  walkExpression(expr, (e) => {
    if (e.kind === 'Path') found.push(pathText(e));
  });
  return found;
}

describe('walking an expression', () => {
  it('descends into a quantifier: its list and its `where`, and into a moved date', () => {
    expect(paths(contexts().get('recent')!)).toEqual(['item.strikes', 's.severity', 's.date', 'item.posted']);
  });

  it('descends into `exists`, inside a quantifier and alone', () => {
    expect(paths(contexts().get('noted')!)).toEqual(['item.strikes', 's.note']);
    expect(paths(contexts().get('appealed')!)).toEqual(['item.appeal']);
  });

  it('gives a shift its date and a quantifier without `where` its list only', () => {
    const ast = parse(`${POLICY}context all_old = all(s in item.strikes)\n`, PATH).ast!;
    const all = ast.items.find((i): i is ContextDecl => i.kind === 'Context' && i.name.name === 'all_old')!.body;
    expect(childExpressions(all).map((e) => e.kind)).toEqual(['Path']);
    walkExpression(contexts().get('recent')!, (e) => {
      if (e.kind === 'Shift') expect(childExpressions(e).map((c) => (c.kind === 'Path' ? pathText(c) : c.kind))).toEqual(['item.posted']);
    });
  });
});

describe('the language server on fields read only inside quantifiers and moved dates', () => {
  const ws = () => {
    const w = new Workspace(memoryHost({ [PATH]: POLICY }));
    w.open(PATH, POLICY);
    return w;
  };
  const lineOf = (offset: number) => POLICY.slice(0, offset).split('\n').length - 1;
  /** `line:character` of `offset`. */
  const place = (offset: number) => `${lineOf(offset)}:${offset - POLICY.lastIndexOf('\n', offset - 1) - 1}`;
  const declaration = (field: string) => POLICY.indexOf(`${field}:`);

  it('finds every reference of a field read only inside `where`, and renames them all', () => {
    const w = ws();
    const analysis = w.analysisFor(PATH)!;
    const refs = references(analysis, PATH, declaration('severity'), true).map((l) => `${l.range.start.line}:${l.range.start.character}`);
    expect(refs).toEqual([place(declaration('severity')), place(POLICY.indexOf('s.severity') + 2)]);
    const result = rename(analysis, PATH, POLICY.indexOf('s.severity') + 2, 'weight');
    const edits = 'edit' in result ? Object.values(result.edit.changes!).flat() : [];
    expect(edits.map((e) => `${e.range.start.line}:${e.range.start.character} ${e.newText}`)).toEqual([`${place(declaration('severity'))} weight`, `${place(POLICY.indexOf('s.severity') + 2)} weight`]);
  });

  it('finds a field read only as the date a duration moves, and goes to it', () => {
    const w = ws();
    const analysis = w.analysisFor(PATH)!;
    const use = POLICY.indexOf('item.posted - 90') + 5;
    expect(definition(analysis, PATH, use).map((l) => `${l.range.start.line}:${l.range.start.character}`)).toEqual([place(declaration('posted'))]);
    const result = rename(analysis, PATH, use, 'published');
    const edits = 'edit' in result ? Object.values(result.edit.changes!).flat() : [];
    expect(edits.map((e) => `${e.range.start.line}:${e.range.start.character}`)).toEqual([place(declaration('posted')), place(use)]);
  });

  it('finds a field read only under `exists`', () => {
    const w = ws();
    const analysis = w.analysisFor(PATH)!;
    const refs = references(analysis, PATH, declaration('note'), false).map((l) => `${l.range.start.line}:${l.range.start.character}`);
    expect(refs).toEqual([place(POLICY.indexOf('s.note') + 2)]);
  });
});
