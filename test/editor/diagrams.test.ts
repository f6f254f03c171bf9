import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGRAMS_PATH, diagramsHtml } from '../../scripts/generate-diagrams.js';

describe('grammar/diagrams.html', () => {
  it('is up to date with the parser (regenerate: npx tsx scripts/generate-diagrams.ts)', () => {
    const committed = readFileSync(DIAGRAMS_PATH, 'utf8');
    expect(committed === diagramsHtml(), 'grammar/diagrams.html is stale: run `npx tsx scripts/generate-diagrams.ts`').toBe(true);
  });

  it('draws every grammar rule and works offline', () => {
    const html = diagramsHtml();
    for (const rule of ['file', 'clauseBody', 'exemptionDecl', 'comparison', 'typeRef', 'outcomeDecl', 'scaleMember', 'actionList', 'actionRef', 'duration', 'operand', 'quantifier']) {
      expect(html).toContain(`"name": "${rule}"`);
    }
    expect(html).not.toMatch(/<script src=|<link rel=/);
    expect(html).toContain('drawDiagramsFromSerializedGrammar');
  });
});
