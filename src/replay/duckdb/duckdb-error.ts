/** A user-facing failure (unreadable file, a value of the wrong type in the input): one message. */
export class DuckDbInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DuckDbInputError';
  }
}
