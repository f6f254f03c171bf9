/**
 * A replay stopped by its files, not by a bug: the input missing or unreadable, a line too
 * long, the output not writable, a DuckDB input it cannot read. The message is complete
 * (`cannot write out.jsonl: no space left on device (ENOSPC)`); the CLI prints it (exit 2).
 */
export class ReplayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplayError';
  }
}
