import { isValidIsoDate } from '../ast/dates.js';

/**
 * The string formats the statement schema names, shared by the generated validator (which calls
 * `formats.<name>.validate`) and by the generator script that compiles the schema. Written here,
 * not taken from a formats package, so that the database's exact reading is kept: `date` is
 * Laravel's `date_format:Y-m-d` (four-digit year, a day that exists), `uri` is its `url` rule as
 * far as the facts describe it (a scheme, `://` and a host; no spaces).
 */
export const formats = {
  date: { type: 'string', validate: (text: string): boolean => isValidIsoDate(text) },
  uri: { type: 'string', validate: isAbsoluteUrl },
} as const;

function isAbsoluteUrl(text: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/?#]+[^\s]*$/.test(text)) return false;
  try {
    return new URL(text).host !== '';
  } catch {
    return false;
  }
}

/**
 * Characters as the database counts them (PHP `mb_strlen`: Unicode code points), so an emoji
 * counts once. The generated validator uses it for every `maxLength`; the builder uses it to cut
 * texts to their limits.
 */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
