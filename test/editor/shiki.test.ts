import { readFileSync } from 'node:fs';
import { createHighlighter, type BundledLanguage, type LanguageRegistration } from 'shiki';
import { describe, expect, it } from 'vitest';
import { GRAMMAR_PATH } from './textmate.js';

/** A custom language: shiki's types only name its bundled ones. */
const BYLAW = 'bylaw' as BundledLanguage;
const bylaw = { ...JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')), name: 'bylaw', aliases: ['policy'] } as LanguageRegistration;

/** The first ```bylaw block of a markdown text, as a docs site would hand it to shiki. */
function firstBylawBlock(markdown: string): string {
  const match = /```bylaw\n([\s\S]*?)```/.exec(markdown);
  if (!match) throw new Error('no ```bylaw block');
  return match[1]!;
}

describe('shiki highlights Bylaw code blocks', () => {
  const markdown = [
    '# Example',
    '',
    '```bylaw',
    'use moderation // the stdlib',
    'context big = post.author.followers > 100_000',
    'rule violent_threat',
    '  when post.categories has violent_threat and big',
    '  then suspend',
    '  because "Specific threats of violence."',
    '```',
    '',
  ].join('\n');

  it('gives keywords, names, members, actions, strings, numbers and comments distinct colors', async () => {
    const highlighter = await createHighlighter({ themes: ['dark-plus'], langs: [bylaw] });
    try {
      const code = firstBylawBlock(markdown);
      const { tokens } = highlighter.codeToTokens(code, { lang: BYLAW, theme: 'dark-plus' });
      const colorOf = (text: string): string | undefined =>
        tokens.flat().find((t) => t.content.trim() === text)?.color?.toLowerCase();
      const colors = {
        keyword: colorOf('rule'),
        clauseName: colorOf('violent_threat'),
        member: tokens.flat().filter((t) => t.content.trim() === 'violent_threat')[1]?.color?.toLowerCase(),
        property: colorOf('followers'),
        string: tokens.flat().find((t) => t.content.startsWith('"'))?.color?.toLowerCase(),
        number: colorOf('100_000'),
        comment: tokens.flat().find((t) => t.content.includes('the stdlib'))?.color?.toLowerCase(),
        action: colorOf('suspend'),
        operator: colorOf('and'),
      };
      for (const [kind, color] of Object.entries(colors)) expect(color, kind).toMatch(/^#[0-9a-f]{6}/);
      const distinct = ['keyword', 'clauseName', 'member', 'property', 'string', 'number', 'comment'] as const;
      expect(new Set(distinct.map((k) => colors[k])).size).toBe(distinct.length);

      const html = highlighter.codeToHtml(code, { lang: BYLAW, theme: 'dark-plus' });
      expect(html).toContain('<pre class="shiki dark-plus"');
      expect(html).toContain('violent_threat');
    } finally {
      highlighter.dispose();
    }
  });

  it('highlights the examples in docs/language.md without errors', async () => {
    const highlighter = await createHighlighter({ themes: ['github-light'], langs: [bylaw] });
    try {
      const doc = readFileSync(new URL('../../docs/language.md', import.meta.url), 'utf8');
      const { tokens } = highlighter.codeToTokens(firstBylawBlock(doc), { lang: BYLAW, theme: 'github-light' });
      const colors = new Set(tokens.flat().map((t) => t.color));
      expect(colors.size).toBeGreaterThan(3);
    } finally {
      highlighter.dispose();
    }
  });
});
