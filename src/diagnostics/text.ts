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

/** C0 and C1 control characters and DEL, which a terminal may act on instead of showing. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

const escapeOne = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `text` with every control character written as an escape (`\u001b`), so that user text — a
 * policy's `because`, a JSON key — cannot move the cursor, recolour or forge lines of the
 * output it is printed in (a line break in it would start a new line of output).
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, escapeOne);
}
