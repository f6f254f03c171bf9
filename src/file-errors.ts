/**
 * How a failed read or write of the user's file is worded, by every command and by replay:
 * `no such file: posts.jsonl`, `cannot write out.jsonl: no space left on device (ENOSPC)`.
 * The caller reports it as a usage error (exit 2): a missing file or a full disk is never a bug.
 */

export function readFailureMessage(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? `no such file: ${path}` : code === 'EISDIR' ? `${path} is a folder, not a file` : `cannot read ${path}: ${systemReason(error)}`;
}

export function writeFailureMessage(path: string, error: unknown): string {
  return `cannot write ${path}: ${systemReason(error)}`;
}

/** Node's `ENOSPC: no space left on device, write` → `no space left on device (ENOSPC)`; else the code or the message. */
export function systemReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return code && message?.startsWith(`${code}: `) ? `${message.slice(code.length + 2).replace(/, \w+( '.*')?$/, '')} (${code})` : (code ?? message ?? String(error));
}
