/**
 * Generated modules (the compiled policy, replay's compact reader) are imported from files in
 * the temp folder, not evaluated from strings: `bylaw-<sha256 of the text>.mjs`, so the same text
 * reuses the same file (and Node's module cache) and a changed one gets a new file.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from './atomic-write.js';

/**
 * Writes a generated module's text to `os.tmpdir()/bylaw-<sha256>.mjs` unless it is there
 * already, and returns its file URL (for `import()`, here or in a worker thread).
 */
export function writeModuleFile(text: string): string {
  const hash = createHash('sha256').update(text).digest('hex');
  const file = join(tmpdir(), `bylaw-${hash}.mjs`);
  // Written whole (temp file, rename): a concurrent reader never sees half a module.
  if (!existsSync(file)) writeFileAtomic(file, text);
  return pathToFileURL(file).href;
}
