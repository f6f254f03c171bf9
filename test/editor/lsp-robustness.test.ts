import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { completion } from '../../src/lsp/features/completion.js';
import { definition, references } from '../../src/lsp/features/definition.js';
import { diagnosticsByFile } from '../../src/lsp/features/diagnostics.js';
import { hover } from '../../src/lsp/features/hover.js';
import { prepareRename, rename } from '../../src/lsp/features/rename.js';
import { documentSymbols } from '../../src/lsp/features/symbols.js';
import { LineMap } from '../../src/lsp/positions.js';
import { Workspace } from '../../src/lsp/project.js';
import { parse } from '../../src/syntax/parse.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const twitter = join(root, 'policies', 'twitter');
const names = ['v3_world_leaders.policy', 'rules.policy', 'public_interest_notice.policy'];
const originals = names.map((n) => readFileSync(join(twitter, n), 'utf8'));

/** Pieces an editor session is made of: half-typed words, operators, brackets, quotes, line breaks. */
const piece = fc.constantFrom('post.', 'author.', '==', ' in {', '}', '(', ')', '"', '\\', ',', '\n', ' ', 'when ', 'then ', 'rule x', 'from ', 'has ', 'not ', '//', 'é', '\u202e', '');

const edit = fc.record({ file: fc.nat(names.length - 1), at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: piece });

describe('the language server never throws, whatever the buffer holds', () => {
  it('answers every request on randomly edited policies', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), (edits, cursors) => {
        const texts = [...originals];
        for (const e of edits) {
          const text = texts[e.file]!;
          const at = Math.floor(e.at * text.length);
          texts[e.file] = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        }
        const ws = new Workspace();
        names.forEach((name, i) => ws.open(join(twitter, name), texts[i]!));
        diagnosticsByFile(ws.analyses());
        names.forEach((name, i) => {
          const path = join(twitter, name);
          const text = texts[i]!;
          const ast = parse(text, path).ast;
          if (ast) documentSymbols(ast, new LineMap(text));
          for (const c of cursors) {
            const offset = Math.floor(c * text.length);
            completion({ path, text, offset, analysis: ws.namesFor(path), host: ws.host });
            const analysis = ws.analysisFor(path);
            if (!analysis || analysis.files.get(path)?.text !== text) continue;
            hover(analysis, path, offset);
            definition(analysis, path, offset);
            references(analysis, path, offset, true);
            prepareRename(analysis, path, offset);
            rename(analysis, path, offset, 'renamed');
          }
        });
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
