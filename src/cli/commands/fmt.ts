import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../../atomic-write.js';
import { readFailureMessage } from '../../file-errors.js';
import { decodeSource } from '../../syntax/encoding.js';
import { writeFailure } from '../files.js';
import { EXIT, UsageError, type CommandContext } from '../io.js';
import { compareCodePoints, escapeUnseen } from '../../diagnostics/text.js';
import { printDiagnostics } from '../report.js';
import { policyFilesUnder, policyPathKind } from '../targets.js';

export function registerFmt(program: Command, ctx: CommandContext): void {
  program
    .command('fmt')
    .description('format policies in the canonical layout (rewrites files that change)')
    .argument('<paths...>', 'policy files, or folders to search for .policy files')
    .option('--check', 'change nothing: list unformatted files with a diff and exit 1')
    .action(async (paths: string[], options: { check?: boolean }) => {
      const files = policyFiles(paths, ctx.io.cwd);
      // prettier is a peer dependency, loaded only here, and first: when it is missing, say so
      // (src/cli/peers.ts) before touching any file.
      await import('prettier');
      const [{ formatPolicy }, { unifiedDiff }] = await Promise.all([import('../../format/format.js'), import('../../format/diff.js')]);
      const internalErrors: string[] = [];
      let unformatted = 0;
      for (const file of files) {
        const { text, diagnostics } = decodeSource(await readBytes(file), file.shown);
        if (diagnostics.length > 0) {
          // Formatting would write U+FFFD over the bytes that are not UTF-8: the file is left as it is.
          printDiagnostics(ctx, diagnostics, new Map([[file.shown, text]]));
          ctx.exit(EXIT.usage);
          continue;
        }
        const result = await formatPolicy(text, file.shown);
        if (result.kind === 'syntax-error') {
          printDiagnostics(ctx, result.diagnostics, new Map([[file.shown, text]]));
          ctx.exit(EXIT.usage);
        } else if (result.kind === 'internal-error') {
          internalErrors.push(result.message);
        } else if (result.changed && options.check) {
          unformatted++;
          ctx.out(escapeUnseen(file.shown));
          ctx.io.stdout.write(terminalSafe(unifiedDiff(text, result.text, file.shown)));
          ctx.exit(EXIT.failed);
        } else if (result.changed) {
          writeText(file, result.text);
          ctx.out(escapeUnseen(file.shown));
        }
      }
      if (unformatted > 0) {
        ctx.err(`${unformatted} ${unformatted === 1 ? 'file is' : 'files are'} not formatted; run \`bylaw fmt\` to fix`);
      }
      // Every other file was handled first; a formatter bug then ends the run as an internal error.
      if (internalErrors.length > 0) throw new Error(internalErrors.join('\n'));
    });
}

/**
 * The diff as a terminal may show it: a policy's control characters (an ESC in a comment clears
 * the screen) and invisible or bidi ones escaped, as in every frame. Tabs and the CR of a CRLF
 * line are kept, so the diff of an ordinary file still applies with `patch`.
 */
function terminalSafe(diff: string): string {
  return diff
    .split('\n')
    .map((line) => {
      const crlf = line.endsWith('\r');
      return (crlf ? line.slice(0, -1) : line).split('\t').map(escapeUnseen).join('\t') + (crlf ? '\r' : '');
    })
    .join('\n');
}

interface PolicyFile {
  /** As the user named it (a folder argument joined with the path inside it). */
  readonly shown: string;
  readonly absolute: string;
}

/** The files named, and the `.policy` files under the folders named; sorted, each once. */
function policyFiles(paths: readonly string[], cwd: string): PolicyFile[] {
  const found = new Map<string, PolicyFile>();
  for (const shown of paths) {
    const absolute = resolve(cwd, shown);
    if (policyPathKind(absolute, shown) === 'file') {
      found.set(absolute, { shown, absolute });
      continue;
    }
    const under = policyFilesUnder(absolute);
    if (under.length === 0) throw new UsageError(`no .policy files in ${shown}`);
    for (const file of under) found.set(file, { shown: join(shown, relative(absolute, file)), absolute: file });
  }
  return [...found.values()].sort((a, b) => compareCodePoints(a.shown, b.shown));
}

async function readBytes(file: PolicyFile): Promise<Uint8Array> {
  try {
    return await readFile(file.absolute);
  } catch (error) {
    throw new UsageError(readFailureMessage(file.shown, error));
  }
}

/** Whole or not at all: a failed write (a full disk) leaves the policy as it was, never cut short. */
function writeText(file: PolicyFile, text: string): void {
  try {
    writeFileAtomic(file.absolute, text);
  } catch (error) {
    throw writeFailure(file.shown, error);
  }
}
