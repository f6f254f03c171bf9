/** C0 and C1 control characters and DEL, which a terminal may act on instead of showing. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * `text` with every control character written as an escape (`\u001b`), so that user text — a
 * policy's `because`, a JSON key — cannot move the cursor, recolour or forge lines of the
 * output it is printed in (a line break in it would start a new line of output).
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
