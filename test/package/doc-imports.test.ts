import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { docImports } from './doc-imports.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The modules behind the package's `exports` (from source; the packed test checks the types). */
const MODULES: Record<string, () => Promise<Record<string, unknown>>> = {
  bylaw: () => import('../../src/index.js'),
  'bylaw/prettier': () => import('../../src/format/prettier-plugin.js'),
};

describe('imports shown in the docs', () => {
  const imports = docImports(ROOT);

  it('there are some, from the package and its plugin', () => {
    expect(new Set(imports.map((i) => i.module))).toEqual(new Set(['bylaw', 'bylaw/prettier']));
    expect(imports.length).toBeGreaterThanOrEqual(6);
  });

  for (const i of imports) {
    it(`${i.at}: ${i.statement.replace(/\s+/g, ' ')}`, async () => {
      expect(Object.keys(MODULES)).toContain(i.module);
      const module = await MODULES[i.module]!();
      if (i.defaultName !== null) expect(module['default'], 'a default export').toBeDefined();
      // Values must exist at run time; types are checked by tsc in the packed-package test.
      const missing = i.names.filter((n) => !n.typeOnly && !(n.name in module)).map((n) => n.name);
      expect(missing).toEqual([]);
    });
  }
});
