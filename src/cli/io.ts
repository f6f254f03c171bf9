/** What the CLI needs from the outside world; passed in so tests can run commands in-process. */
export interface Io {
  readonly stdout: { write(chunk: string): unknown; isTTY?: boolean };
  readonly stderr: { write(chunk: string): unknown; isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly cwd: string;
  /**
   * Told each time the exit code so far gets worse: a process that has to stop early (its
   * reader closed the pipe) then exits with the code it had so far, not 0.
   */
  readonly onExitCode?: (code: ExitCode) => void;
}

/** Exit codes, as LANGUAGE.md fixes them; `internal` (EX_SOFTWARE) is a bug in bylaw, never a user mistake. */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A user mistake the CLI reports as one message and exit code 2 (bad path, bad JSON, bad flag).
 * Thrown by commands, caught only in main.ts: never a stack trace.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Handed to every command: the streams and a way to set the exit code. */
export interface CommandContext {
  readonly io: Io;
  /** Records the exit code; the worst code set wins. */
  exit(code: ExitCode): void;
  out(line: string): void;
  err(line: string): void;
}
