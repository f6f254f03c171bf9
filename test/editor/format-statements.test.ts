import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatPolicy } from '../../src/format/format.js';
import { formatDocument } from '../../src/lsp/features/format.js';
import { LineMap } from '../../src/lsp/positions.js';

/** Formatting statements of reasons from the editor: the files of policies/, and comments between their parts. */

const root = fileURLToPath(new URL('../..', import.meta.url));
const FILES = ['policies/twitter/statements.policy', 'policies/youtube/statements.policy', 'policies/meta/statements.policy'];

async function format(text: string): Promise<string> {
  const result = await formatPolicy(text, 'p.policy');
  if (result.kind !== 'formatted') throw new Error(JSON.stringify(result));
  return result.text;
}

const comments = (text: string) => text.match(/(?<!https?:)\/\/[^\n]*/g) ?? [];

describe('formatting statements of reasons in the editor', () => {
  for (const file of FILES) {
    const text = readFileSync(`${root}${file}`, 'utf8');

    it(`${file} is canonical: the editor changes nothing`, async () => {
      expect(await formatDocument(text, file, new LineMap(text))).toEqual({ edits: [] });
    });

    it(`${file} comes back from a scrambled layout, every comment kept`, async () => {
      // No indentation, spaces around an action's `:`, two spaces after `statement` (strings and comments untouched).
      const scrambled = text
        .replace(/^ +/gm, '')
        .replace(/^(\w+(?: for \d+ \w+)?): /gm, '$1  :   ')
        .replace(/^statement /gm, 'statement  ');
      expect(scrambled).not.toBe(text);
      const outcome = await formatDocument(scrambled, file, new LineMap(scrambled));
      const edited = 'edits' in outcome ? outcome.edits[0]!.newText : '';
      expect(edited).toBe(text);
      expect(comments(edited)).toEqual(comments(text));
    });
  }

  it('keeps a comment on the line of the part it follows', async () => {
    const text = [
      'statement a, // after a',
      '  b',
      '  category STATEMENT_CATEGORY_VIOLENCE // after category',
      '  // before keywords',
      '  keywords KEYWORD_HATE_SPEECH, // after a keyword',
      '    KEYWORD_OTHER "x" // after its text',
      '  // before ground',
      '  ground terms "T" // after ground',
      '',
    ].join('\n');
    expect(await format(text)).toBe(text);
    // Before, the comments after `category` went to the line of the first keyword.
    const loose = text.replace(/\n {2,4}/g, '\n');
    expect(await format(loose)).toBe(text);
  });

  it('is idempotent with comments in every place of an outcome\'s statement', async () => {
    const text = [
      'statement action { // after the brace',
      '  // before the first',
      '  allow: no restriction, // after an action',
      '  lock for // inside the duration',
      '  12 hours: DECISION_VISIBILITY_CONTENT_REMOVED // after a key',
      '  permanently and // after and',
      '  DECISION_PROVISION_PARTIAL_SUSPENSION notice // before the notice',
      '  "locked your account",',
      '  // before the brace',
      '}',
      '',
    ].join('\n');
    const once = await format(text);
    expect(await format(once)).toBe(once);
    expect(comments(once)).toEqual(comments(text));
  });
});
