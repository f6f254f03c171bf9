import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as A from '../../src/ast/nodes.js';
import { diskHost, memoryHost } from '../../src/modules/host.js';
import { analyze } from '../../src/lsp/project.js';
import { buildIndex, symbolId, type SymbolKind } from '../../src/lsp/symbols-index.js';

/**
 * The checker's side table of references and the language server's own walk must resolve every
 * name alike: the index takes the first where the target was checked and the second where it
 * was not (syntax errors), so a disagreement would send the cursor to two places depending on
 * whether the set loaded.
 */

/** What only the index resolves: `use`, and `statement` declarations (which name outcomes, versions and clauses). */
const INDEX_ONLY_KINDS: ReadonlySet<SymbolKind> = new Set(['module', 'version', 'outcome']);
const INDEX_ONLY_ITEMS: ReadonlySet<A.Item['kind']> = new Set(['Use', 'StatementActions', 'StatementClauses', 'StatementVersion']);

describe.each(['twitter', 'youtube', 'meta'])('the checker and the index on policies/%s', (name) => {
  const analysis = analyze(resolve('policies', name), diskHost);
  const table = analysis.references();
  /** The index as the server's own walk resolves it, without the checker's table. */
  const walked = buildIndex(analysis.files, analysis.units);
  const checkerAt = (file: string, start: number, end: number) =>
    table?.find((r) => resolve(r.span.file) === file && r.span.start.offset === start && r.span.end.offset === end);

  it('loads, so the checker ran', () => {
    expect(analysis.loaded).toBe(true);
    expect(table).not.toBeNull();
    expect(table!.length).toBeGreaterThan(50);
  });

  it('resolves each name the checker resolved to the same declaration', () => {
    const disagreements: string[] = [];
    for (const r of table!) {
      const occurrence = walked.at(r.span.file, r.span.start.offset);
      const want = symbolId(r.kind, r.target);
      const same = occurrence && occurrence.span.start.offset === r.span.start.offset && occurrence.span.end.offset === r.span.end.offset;
      if (!same || occurrence.symbol !== want) disagreements.push(`${r.span.file}:${r.span.start.line}:${r.span.start.column}: checker ${want}, index ${occurrence?.symbol ?? 'nothing'}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('has every reference the index resolves, outside what only the index sees', () => {
    const missing: string[] = [];
    for (const [path, info] of analysis.files) {
      if (!info.ast || !analysis.units.some((u) => u.files.includes(path))) continue;
      for (const o of walked.inFile(path)) {
        const symbol = walked.symbols.get(o.symbol)!;
        if (o.declaration || INDEX_ONLY_KINDS.has(symbol.kind)) continue;
        const item = info.ast.items.find((i) => i.span.start.offset <= o.span.start.offset && o.span.end.offset <= i.span.end.offset);
        if (item && INDEX_ONLY_ITEMS.has(item.kind)) continue;
        const r = checkerAt(path, o.span.start.offset, o.span.end.offset);
        if (!r || symbolId(r.kind, r.target) !== o.symbol) missing.push(`${path}:${o.span.start.line}:${o.span.start.column}: index ${o.symbol}, checker ${r ? symbolId(r.kind, r.target) : 'nothing'}`);
      }
    }
    expect(missing).toEqual([]);
  });

});

describe('the index the features read', () => {
  const FILE = '/virtual/refs/one.policy';
  const text = [
    'record Post { score: int, likes: int }',
    'input post: Post',
    'scale Action { allow < remove }',
    'rule low when post.score < 3 then remove because "low"',
    'default allow',
  ].join('\n');
  const analysis = analyze(FILE, memoryHost({ [FILE]: text }));
  const score = text.indexOf('score', text.indexOf('post.score'));
  const field = (name: string) => symbolId('field', { file: FILE, start: { offset: text.indexOf(name), line: 1, column: 0 }, end: { offset: 0, line: 1, column: 0 } });

  it('takes the checker\'s answer over its own walk', () => {
    const r = analysis.references()!.find((x) => x.span.start.offset === score)!;
    expect(analysis.index.at(FILE, score)?.symbol).toBe(field('score'));
    // The checker's table decides: told `score` means `likes`, the index says so.
    const likes = analysis.index.symbols.get(field('likes'))!;
    const told = buildIndex(analysis.files, analysis.units, [{ ...r, target: likes.span }]);
    expect(told.at(FILE, score)?.symbol).toBe(field('likes'));
    expect(told.occurrencesOf(field('likes')).map((o) => o.span.start.offset)).toContain(score);
  });

  it('keeps its own walk where the checker has no answer (a file with syntax errors is not checked)', () => {
    const broken = analyze(FILE, memoryHost({ [FILE]: `${text}\nrule oops when` }));
    expect(broken.references()).toBeNull();
  });
});
