import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError, type CommandContext } from './io.js';

/** Reads a text file or fails with a one-line usage error (exit 2). */
export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such file: ${path}` : code === 'EISDIR' ? `${path} is a folder, not a file` : `cannot read ${path}: ${code ?? String(error)}`);
  }
}

/**
 * `mkdir -p` that always ends. Node's own `mkdirSync(dir, { recursive: true })` spins forever
 * when a parent exists but refuses children with ENOENT (anything under `/proc`): it takes the
 * ENOENT for a missing parent, "creates" the parent (EEXIST) and retries. Here a missing parent
 * is made once; ENOENT after that is final.
 */
export function makeDirectory(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
    makeDirectory(parent);
    mkdirSync(dir);
  }
}

/** All of standard input, as text. */
export async function readStdin(ctx: CommandContext): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
