import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../src/diagnostics/codes.js';
import { CASES } from './cases.js';
import { DOCS, EXAMPLE, exampleBlock, regenerate, SAMPLE } from './docs-examples.js';

const docs = readFileSync(DOCS, 'utf8');

/** `## BL201 — unknown name` → sections by code, with their text up to the next `## `. */
function sections(text: string): Map<string, { title: string; body: string }> {
  const found = new Map<string, { title: string; body: string }>();
  const parts = text.split(/^(?=## )/m);
  for (const part of parts) {
    const heading = /^## (.*)$/m.exec(part)?.[1];
    if (!heading) continue;
    const code = /\bBL\d{3}\b/.exec(heading)?.[0];
    if (!code) continue;
    expect(found.has(code), `two sections for ${code}`).toBe(false);
    found.set(code, { title: heading, body: part });
  }
  return found;
}

describe('docs/diagnostics.md', () => {
  const byCode = sections(docs);

  it('has a section for every code in CODES, and none for a code not in CODES', () => {
    expect([...byCode.keys()].sort()).toEqual(Object.keys(CODES).sort());
  });

  it('headings read `## CODE — title`, with the registry title, in code order', () => {
    for (const [code, { title }] of byCode) expect(title).toBe(`${code} — ${CODES[code as keyof typeof CODES].title}`);
    expect([...byCode.keys()]).toEqual(Object.keys(CODES).sort());
  });

  it('every section shows its fixture, says why it is a problem and how to fix it', () => {
    for (const c of CASES) {
      const body = byCode.get(c.code)!.body;
      expect(body, c.code).toContain(`<!-- example ${c.fixture} -->`);
      expect(body, c.code).toContain('```bylaw');
      expect(body, c.code).toContain(`[${c.code}]`); // the rendered output
      expect(body, c.code).toMatch(/\*\*Why\.\*\*/);
      expect(body, c.code).toMatch(/\*\*Fix\.\*\*/);
    }
  });

  it('the examples and their output are what the checker prints today (run test/diagnostics/update-docs.ts)', () => {
    const blocks = [...docs.matchAll(EXAMPLE)];
    expect(blocks.map((m) => m[1]).sort()).toEqual(CASES.map((c) => c.fixture).sort());
    for (const [, fixture, body] of blocks) {
      const c = CASES.find((x) => x.fixture === fixture)!;
      expect(body, fixture).toBe(exampleBlock(c));
    }
    expect([...docs.matchAll(SAMPLE)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['output BL204-not-a-member', 'json BL304-action-not-on-scale']);
    expect(regenerate(docs)).toBe(docs);
  });

  it('carries no invisible or direction-changing character', () => {
    expect(docs).not.toMatch(/[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u);
  });

  it('links within the page point at headings that exist', () => {
    const anchors = new Set(
      [...docs.matchAll(/^#+ (.*)$/gm)].map((m) =>
        m[1]!
          .toLowerCase()
          .replace(/[^\p{L}\p{N} _-]/gu, '')
          .replace(/ /g, '-'),
      ),
    );
    for (const [, anchor] of docs.matchAll(/\]\(#([^)]+)\)/g)) expect(anchors, anchor).toContain(anchor);
  });
});
