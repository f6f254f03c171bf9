import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { astDifference } from '../../src/format/ast-equal.js';
import { parse } from '../../src/syntax/parse.js';
import { policyText } from './arbitrary.js';
import { ROOT, fmt, mangle, policyFiles } from './support.js';

/** Bounded runs: the suite stays fast; `npm run fuzz` is the place for long runs. */
const RUNS = { numRuns: 100 };

/** What canonical text always looks like, whatever the policy. */
function expectCanonicalShape(text: string): void {
  expect(text).not.toMatch(/[ \t]\n|\r|\t/);
  expect(text).not.toMatch(/\n\n\n/);
  expect(text === '' || (text.endsWith('\n') && !text.endsWith('\n\n'))).toBe(true);
}

describe('generated policies', () => {
  it('format to the same tree and comments, in canonical shape, and formatting again changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(policyText, fc.constantFrom(30, 60, 100), async (text, width) => {
        const formatted = await fmt(text, width);
        expect(astDifference(parse(text, 'a').ast!, parse(formatted, 'b').ast!)).toBeNull();
        expectCanonicalShape(formatted);
        expect(await fmt(formatted, width)).toBe(formatted);
      }),
      RUNS,
    );
  });

  it('format the same whatever the whitespace between tokens', async () => {
    await fc.assert(
      fc.asyncProperty(policyText, fc.integer(), async (text, seed) => {
        expect(await fmt(mangle(text, seed))).toBe(await fmt(text));
      }),
      RUNS,
    );
  });
});

describe('whitespace-mangled real policies format back to the canonical text', () => {
  const files = [...policyFiles('policies'), ...policyFiles('stdlib'), ...policyFiles('test/format/fixtures')];

  it.each(files)('%s', async (file) => {
    const canonical = await fmt(readFileSync(join(ROOT, file), 'utf8'));
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        expect(await fmt(mangle(canonical, seed))).toBe(canonical);
      }),
      { numRuns: 25 },
    );
  });

  it('has fixtures to mangle even when no policies exist yet', () => {
    expect(policyFiles('test/format/fixtures').length).toBeGreaterThan(0);
  });
});
