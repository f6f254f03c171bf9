import { Readable } from 'node:stream';
import { run } from '../../src/cli/main.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured streams. */
export async function runCli(argv: readonly string[], options: { stdin?: string; cwd?: string } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([options.stdin ?? '']),
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout, stderr };
}
