/**
 * Text helpers for everything Bylaw prints: an order that does not depend on the locale, and
 * user text made safe to show on a terminal.
 */
import { escapeControls } from '../runtime/text.js';
import { HIDDEN_PATTERN } from './unicode.js';

/**
 * Orders strings by Unicode code point: the same on every machine, whatever LANG says
 * (`localeCompare` puts `äpple` after `zeta` in Swedish and before it in English). Plain `<`
 * compares UTF-16 code units, which puts U+10000 and above before U+E000–U+FFFF; this does not.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (D800–DFFF) move above E000–FFFF; the order among each group is kept.
    if (x >= 0xd800 && y >= 0xd800) {
      x += x >= 0xe000 ? -0x800 : 0x2000;
      y += y >= 0xe000 ? -0x800 : 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** Shown user text is escaped by the runtime's function: input problems need it at run time too. */
export { escapeControls };

/**
 * User text quoted in a message made safe to print: control characters escaped (`\u001b`), and
 * the invisible and direction-changing ones too (`\u{FEFF}`, `\u{202E}`), which a terminal would
 * hide or let reorder the line.
 */
export function escapeUnseen(text: string): string {
  return escapeControls(text).replace(HIDDEN_PATTERN, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}
