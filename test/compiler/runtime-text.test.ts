/**
 * Generated modules inline the runtime from src/compiler/runtime-text.ts, which
 * scripts/build-runtime.ts writes from the type-checked sources in src/runtime/. The committed
 * text must be what those sources give today, and pieces must come with what they use.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRuntimeText } from '../../scripts/build-runtime.js';
import { RuntimeUse } from '../../src/compiler/runtime.js';
import { RUNTIME } from '../../src/compiler/runtime-text.js';

describe('the runtime inlined into generated modules', () => {
  it('is up to date with src/runtime (run `npm run build:runtime` after changing it)', () => {
    expect(readFileSync('src/compiler/runtime-text.ts', 'utf8')).toBe(buildRuntimeText());
  }, 60_000);

  it('brings along what a piece uses, once, in source order; public pieces keep their names', () => {
    const use = new RuntimeUse();
    expect(use.use('checkEnum')).toBe('$checkEnum');
    expect(use.use('checkEnum')).toBe('$checkEnum');
    const code = use.privateCode('js').join('\n');
    for (const needed of ['$checkEnum', '$closestMatch', '$editDistance', '$describe', '$report', '$MAX_PROBLEMS']) {
      expect(code).toMatch(new RegExp(`^(function|const) \\${needed}\\b`, 'm'));
    }
    expect(code).not.toMatch(/\$checkSet|\$explainVersion/);
    expect(use.use('NoVersionInForceError')).toBe('NoVersionInForceError');
    expect(use.publicCode('js').join('\n')).toMatch(/^export class NoVersionInForceError extends Error/m);
  });

  it('holds no type-only text in JavaScript, and every non-public name is `$`-prefixed', () => {
    for (const [name, piece] of Object.entries(RUNTIME)) {
      expect(piece.id).toBe(piece.isPublic ? name : `$${name}`);
      if (piece.typeOnly) expect(piece.js).toBe('');
      else expect(piece.js).not.toMatch(/: (string|number|boolean|unknown)\b|\binterface\b/);
    }
  });
});
