import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as A from '../../src/ast/nodes.js';
import { diskHost } from '../../src/modules/host.js';
import { analyze } from '../../src/lsp/project.js';
import { symbolId, type SymbolKind } from '../../src/lsp/symbols-index.js';

/**
 * The checker's side table of references and the language server's own index must resolve every
 * name alike: go to definition reads the first and falls back to the second, so a disagreement
 * would send the cursor to two places depending on whether the set loaded.
 */

/** What only the index resolves: `use`, actions, outcomes and scales named in `then`, and `statement` declarations. */
const INDEX_ONLY_KINDS: ReadonlySet<SymbolKind> = new Set(['module', 'version', 'action', 'outcome', 'scale']);
const INDEX_ONLY_ITEMS: ReadonlySet<A.Item['kind']> = new Set(['Use', 'StatementActions', 'StatementClauses', 'StatementVersion']);

describe.each(['twitter', 'youtube', 'meta'])('the checker and the index on policies/%s', (name) => {
  const analysis = analyze(resolve('policies', name), diskHost);
  const table = analysis.references();

  it('loads, so the checker ran', () => {
    expect(analysis.loaded).toBe(true);
    expect(table).not.toBeNull();
    expect(table!.all.length).toBeGreaterThan(50);
  });

  it('resolves each name the checker resolved to the same declaration', () => {
    const disagreements: string[] = [];
    for (const r of table!.all) {
      const occurrence = analysis.index.at(r.span.file, r.span.start.offset);
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
      for (const o of analysis.index.inFile(path)) {
        const symbol = analysis.index.symbols.get(o.symbol)!;
        if (o.declaration || INDEX_ONLY_KINDS.has(symbol.kind)) continue;
        const item = info.ast.items.find((i) => i.span.start.offset <= o.span.start.offset && o.span.end.offset <= i.span.end.offset);
        if (item && INDEX_ONLY_ITEMS.has(item.kind)) continue;
        const r = table!.at(path, o.span.start.offset);
        if (!r || symbolId(r.kind, r.target) !== o.symbol) missing.push(`${path}:${o.span.start.line}:${o.span.start.column}: index ${o.symbol}, checker ${r ? symbolId(r.kind, r.target) : 'nothing'}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
