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

/** Pieces an editor session is made of: half-typed words, operators, brackets, quotes, line breaks. */
const BYLAW1 = ['post.', 'author.', '==', ' in {', '}', '(', ')', '"', '\\', ',', '\n', ' ', 'when ', 'then ', 'rule x', 'from ', 'has ', 'not ', '//', 'é', '\u202e', ''];
/** And the pieces of Bylaw 2: quantifiers, durations, action lists, outcomes, optional and list types. */
const BYLAW2 = [
  ...BYLAW1,
  'count(',
  'any(s in ',
  ' where s.',
  ' exists',
  ' - 90 ',
  ' + 1 ',
  'days',
  ' for ',
  ', ',
  'Content.',
  'has any {',
  'outcome ',
  ': ',
  'except ',
  'every ',
  '?',
  'list<',
  '(duration)',
];

/** Random edits to the files of a policy set, then every request at random places: nothing may throw. */
function neverThrows(folder: string, names: readonly string[], pieces: readonly string[], seed: number): void {
  const set = join(root, 'policies', folder);
  const originals = names.map((n) => readFileSync(join(set, n), 'utf8'));
  const edit = fc.record({ file: fc.nat(names.length - 1), at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: fc.constantFrom(...pieces) });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), (edits, cursors) => {
      const texts = [...originals];
      for (const e of edits) {
        const text = texts[e.file]!;
        const at = Math.floor(e.at * text.length);
        texts[e.file] = text.slice(0, at) + e.insert + text.slice(at + e.remove);
      }
      const ws = new Workspace();
      names.forEach((name, i) => ws.open(join(set, name), texts[i]!));
      diagnosticsByFile(ws.analyses());
      names.forEach((name, i) => {
        const path = join(set, name);
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
    { numRuns: 40, seed },
  );
}

describe('the language server never throws, whatever the buffer holds', () => {
  it('answers every request on randomly edited policies', () => {
    neverThrows('twitter', ['v3_world_leaders.policy', 'rules.policy', 'public_interest_notice.policy'], BYLAW1, 7);
  });

  it('answers every request on randomly edited Bylaw 2 policies', () => {
    neverThrows('youtube', ['rules.policy', 'v2_policy_training.policy'], BYLAW2, 11);
    neverThrows('meta', ['rules.policy', 'unrest.policy', 'v3_penalty_reform.policy'], BYLAW2, 13);
  });
});
