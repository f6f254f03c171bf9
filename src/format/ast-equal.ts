import type { PolicyFile } from '../ast/nodes.js';

/**
 * Where two parses of a policy differ in meaning, or null when they agree: the formatter's safety
 * check. Spans are ignored (layout moves everything); `raw` texts are compared, since the printer
 * prints them as written. Comments are compared as the ordered list of their texts, without the
 * trailing whitespace the printer drops.
 */
export function astDifference(before: PolicyFile, after: PolicyFile): string | null {
  const comments = (file: PolicyFile) => file.comments.map((c) => c.text.trimEnd());
  return difference(before.items, after.items, 'items') ?? difference(comments(before), comments(after), 'comments');
}

function difference(a: unknown, b: unknown, path: string): string | null {
  if (Object.is(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}.length`;
    for (let i = 0; i < a.length; i++) {
      const found = difference(a[i], b[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (isRecord(a) && isRecord(b) && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (key === 'span') continue;
      const found = difference(a[key], b[key], `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
