/**
 * Text helpers for everything Bylaw prints: an order that does not depend on the locale, and
 * user text made safe to show on a terminal.
 */

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
export { escapeControls } from '../runtime/text.js';
