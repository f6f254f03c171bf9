import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, fmt, policyFiles } from './support.js';

describe('fixtures: careless layouts and their canonical form', () => {
  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.policy')).sort();

  it.each(fixtures)('%s', async (name) => {
    const formatted = await fmt(readFileSync(join(FIXTURES, name), 'utf8'));
    await expect(formatted).toMatchFileSnapshot(`__snapshots__/${name}`);
    expect(await fmt(formatted)).toBe(formatted);
  });
});

/**
 * The real policies must already be canonical (`bylaw fmt --check policies stdlib` passes), so each
 * file is its own snapshot: a separate copy would only have to be updated on every policy edit.
 */
describe('policies and stdlib are canonical', () => {
  const files = [...policyFiles('policies'), ...policyFiles('stdlib')];

  it.runIf(files.length > 0).each(files)('%s', async (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(await fmt(text)).toBe(text);
  });
});
