/**
 * Regenerates the examples in docs/diagnostics.md from test/fixtures and the real checker:
 *
 *   npx tsx test/diagnostics/update-docs.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DOCS, regenerate } from './docs-examples.js';

const before = readFileSync(DOCS, 'utf8');
const after = regenerate(before);
if (after !== before) writeFileSync(DOCS, after);
process.stdout.write(after === before ? 'docs/diagnostics.md is up to date\n' : 'docs/diagnostics.md updated\n');
