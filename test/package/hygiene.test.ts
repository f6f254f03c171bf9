import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Generated, installed or local-only: not part of the repository. */
const SKIP = new Set(['.git', 'node_modules', 'dist', 'out', 'coverage', '.bench-data', '.scratch']);

function* repositoryFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* repositoryFiles(path);
    else if (entry.isFile() && !/\.(png|vsix|tgz|parquet)$/.test(entry.name)) yield path;
  }
}

it('no file names a path of a developer\'s machine or a folder outside the repository', () => {
  // Spelled in pieces, so that this file does not match itself.
  const folders = ['work', 'home', 'Users', 'root'].map((name) => ['', name, ''].join('/'));
  const machine = new RegExp([...folders, ['..', 'shared', ''].join('/')].map((p) => p.replace(/[./]/g, '\\$&')).join('|'));
  const hits: string[] = [];
  for (const file of repositoryFiles(ROOT)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (machine.test(line)) hits.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(hits).toEqual([]);
});
