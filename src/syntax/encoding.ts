import { built } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/span.js';

// TextDecoder, not Buffer: parsing needs no Node API (a web page can load policies too).
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Policies are UTF-8. Decoding bytes that are not would silently turn each bad byte into U+FFFD
 * (and `bylaw fmt` would write that back): instead the first ill-formed sequence is BL009, with
 * its byte offset. The text still comes back (with U+FFFD), for code frames and further errors.
 */
export function decodeSource(bytes: Uint8Array, file: string): { readonly text: string; readonly diagnostics: readonly Diagnostic[] } {
  try {
    return { text: strict.decode(bytes), diagnostics: [] };
  } catch {
    // Not UTF-8: find out where, below.
  }
  const text = lenient.decode(bytes);
  const bad = illFormed(bytes);
  const first = bad[0]!;
  // The bytes before the first bad one are valid: their decoding is where it is in the text.
  const offset = lenient.decode(bytes.subarray(0, first.offset)).length;
  const span = new LineIndex(text).span(file, offset, offset + 1);
  const shown = [...bytes.subarray(first.offset, first.offset + first.length)].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
  const more = bad.length - 1;
  return {
    text,
    diagnostics: [
      built('BL009', span, { bytes: shown, length: first.length, offset: first.offset, more, capped: bad.length > MAX_REPORTED }),
    ],
  };
}

/** Counting the bad sequences of a binary file would be pointless past this. */
const MAX_REPORTED = 100;

/**
 * The ill-formed sequences (Unicode's table 3-7 of well-formed UTF-8: no overlong forms, no
 * surrogates, nothing above U+10FFFF), each as its start and length (a truncated sequence is
 * its lead and the continuation bytes it has), up to MAX_REPORTED + 1 of them.
 */
function illFormed(b: Uint8Array): { offset: number; length: number }[] {
  const found: { offset: number; length: number }[] = [];
  let i = 0;
  while (i < b.length && found.length <= MAX_REPORTED) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c === 0xe0) [need, lo] = [2, 0xa0];
    else if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) need = 2;
    else if (c === 0xed) [need, hi] = [2, 0x9f];
    else if (c === 0xf0) [need, lo] = [3, 0x90];
    else if (c >= 0xf1 && c <= 0xf3) need = 3;
    else if (c === 0xf4) [need, hi] = [3, 0x8f];
    let k = 1;
    for (; need > 0 && k <= need && i + k < b.length; k++) {
      const d = b[i + k]!;
      if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) break;
    }
    if (need > 0 && k > need) {
      i += need + 1;
      continue;
    }
    found.push({ offset: i, length: k });
    i += k;
  }
  return found;
}
