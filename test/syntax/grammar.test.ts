import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parser } from '../../src/syntax/parser.js';
import { KEYWORDS } from '../../src/syntax/tokens.js';

const ebnf = readFileSync(new URL('../../grammar/bylaw.ebnf', import.meta.url), 'utf8');
const productions = new Set([...ebnf.matchAll(/^(\w+)\s*=/gm)].map((m) => m[1]));

describe('grammar/bylaw.ebnf', () => {
  it('has one production per parser rule', () => {
    const rules = parser.getGAstProductions();
    const missing = Object.keys(rules).filter((name) => !productions.has(name));
    expect(missing).toEqual([]);
  });

  it('names no rule the parser lacks (besides tokens)', () => {
    const rules = new Set(Object.keys(parser.getGAstProductions()));
    const extra = [...productions].filter((p) => !rules.has(p!) && p !== p!.toUpperCase() && !['escape', 'comment', 'keyword'].includes(p!));
    expect(extra).toEqual([]);
  });

  it('lists every keyword', () => {
    for (const keyword of KEYWORDS) expect(ebnf).toContain(`"${keyword}"`);
  });
});
