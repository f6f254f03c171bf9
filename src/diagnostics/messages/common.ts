import type { DiagnosticExtras } from '../codes.js';

/** What a message constructor builds: the message, and the help and notes beside it. */
export interface Built extends DiagnosticExtras {
  readonly message: string;
}

/** User text as a message shows it: in backticks. */
export const code = (text: string): string => `\`${text}\``;

/** `a`, `a or b`, `a, b or c`. */
export function listOf(items: readonly string[], conjunction: 'and' | 'or'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
