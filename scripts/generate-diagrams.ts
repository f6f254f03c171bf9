/**
 * Generates grammar/diagrams.html: railroad diagrams of the Chevrotain grammar, one per rule.
 *
 *   npx tsx scripts/generate-diagrams.ts           writes the file
 *   npx tsx scripts/generate-diagrams.ts --check   exits 1 when the committed file is stale
 *
 * The page is self-contained: Chevrotain's diagram scripts and stylesheet are inlined, so it opens
 * offline and does not change unless the grammar (or the Chevrotain version) does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSyntaxDiagramsCode } from 'chevrotain';
import { parser } from '../src/syntax/parser.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIAGRAMS_PATH = join(root, 'grammar', 'diagrams.html');

/** The folder holding Chevrotain's `diagrams/` resources. */
function chevrotainDiagramsFolder(): string {
  const require = createRequire(import.meta.url);
  // `chevrotain/package.json` is not exported; resolve the entry point and walk up to the package.
  let folder = dirname(require.resolve('chevrotain'));
  while (!folder.endsWith('chevrotain') && dirname(folder) !== folder) folder = dirname(folder);
  return join(folder, 'diagrams');
}

/** The text of grammar/diagrams.html for the current grammar. */
export function diagramsHtml(): string {
  const resourceBase = 'CHEVROTAIN_DIAGRAMS/';
  const css = 'CHEVROTAIN_DIAGRAMS/diagrams.css';
  const html = createSyntaxDiagramsCode(plainLabels(parser.getSerializedGastProductions()), { resourceBase, css });
  const folder = chevrotainDiagramsFolder();
  const inlined = html
    .replace(/<link rel='stylesheet' href='CHEVROTAIN_DIAGRAMS\/([^']+)'>/g, (_, file: string) => {
      return `<style>\n${readFileSync(join(folder, file), 'utf8').trim()}\n</style>`;
    })
    .replace(/<script src='CHEVROTAIN_DIAGRAMS\/([^']+)'><\/script>/g, (_, file: string) => {
      return `<script>\n${readFileSync(join(folder, file), 'utf8').trim()}\n</script>`;
    })
    .replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<title>Bylaw grammar: railroad diagrams</title>')
    .replace('<!-- This is a generated file -->\n<!DOCTYPE html>', '<!DOCTYPE html>\n<!-- Generated from src/syntax/parser.ts by `npx tsx scripts/generate-diagrams.ts`: do not edit -->');
  // Trailing spaces in Chevrotain's template would make the file fight editors' whitespace trimming.
  return `${inlined.trim().split('\n').map((line) => line.trimEnd()).join('\n')}\n`;
}

/** Token labels are written for messages (`` `when` ``); a diagram's boxes read better without backticks. */
function plainLabels<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plainLabels) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, key === 'label' && typeof v === 'string' ? v.replace(/^`(.+)`$/, '$1') : plainLabels(v)]),
  ) as T;
}

function main(argv: readonly string[]): number {
  const text = diagramsHtml();
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(DIAGRAMS_PATH, 'utf8');
    } catch {
      // a missing file is stale
    }
    if (current === text) return 0;
    process.stderr.write('grammar/diagrams.html is stale: run `npx tsx scripts/generate-diagrams.ts`\n');
    return 1;
  }
  writeFileSync(DIAGRAMS_PATH, text);
  process.stdout.write(`wrote ${DIAGRAMS_PATH}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
