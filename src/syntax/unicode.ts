import type { IToken } from 'chevrotain';
import type { DiagnosticBag } from '../diagnostics/codes.js';
import type { MessageArgs } from '../diagnostics/messages.js';
import type { LineIndex, Span } from '../diagnostics/span.js';
import { codePointLabel, CONTROL_PATTERN, controlChar, HIDDEN_PATTERN, hiddenChar, mixedScript, scriptOf } from '../diagnostics/unicode.js';
import { Comment, Identifier, StringLiteral } from './tokens.js';

/**
 * BL406, the per-file half (the per-program half, confusable names, is a checker pass):
 *
 * - bidi controls (U+202A–202E, U+2066–2069, U+200E/200F, U+061C) and invisible characters
 *   (zero-width U+200B–200D, U+2060, soft hyphen, a byte order mark after the start, …) in
 *   strings, comments and names: the file would display differently from how Bylaw reads it
 *   ("Trojan Source", CVE-2021-42574), or two texts that look equal would differ;
 * - raw control characters (ESC, backspace, … but tab) in strings and comments: printed on a
 *   terminal they erase, overwrite or recolour text;
 * - names that mix scripts (Latin with Cyrillic, …), the raw material of look-alike names.
 *
 * Hidden characters anywhere else are not tokens at all: the lexer reports them as BL001.
 * Each warning points at the offending character (or name) and says what it is.
 */

/** More than this many in one file is one attack or one accident: the rest are summed up. */
export const MAX_UNICODE_WARNINGS = 20;

interface Region {
  readonly start: number;
  readonly end: number;
  readonly token: IToken;
  readonly where: 'string' | 'comment' | 'name' | 'other';
}

export function checkUnicode(text: string, tokens: readonly IToken[], comments: readonly IToken[], file: string, lines: LineIndex, bag: DiagnosticBag): void {
  let reported = 0;
  let skipped = 0;
  let firstSkipped: Span | null = null;
  const report = (span: Span, args: MessageArgs<'BL406'>): void => {
    if (reported < MAX_UNICODE_WARNINGS) {
      reported++;
      bag.emit('BL406', span, args);
    } else {
      skipped++;
      firstSkipped ??= span;
    }
  };

  if (text.search(HIDDEN_PATTERN) >= 0) {
    const regions = sortedRegions(tokens, comments);
    for (const match of text.matchAll(HIDDEN_PATTERN)) {
      const offset = match.index;
      const code = match[0].codePointAt(0)!;
      // A byte order mark opening the file is how some editors save UTF-8; it is not hidden text.
      if (offset === 0 && code === 0xfeff) continue;
      const what = hiddenChar(code)!;
      const region = regionAt(regions, offset);
      const span = lines.span(file, offset, offset + match[0].length);
      const bidi = what.kind === 'bidi';
      if (region?.where === 'string' || region?.where === 'comment') {
        report(span, { kind: 'hidden', bidi, description: what.description, code, in: region.where });
      } else if (region?.where === 'name') {
        report(span, { kind: 'hidden', bidi, description: what.description, code, in: { name: region.token.image } });
      } else if (region === null && code === 0xfeff) {
        report(span, { kind: 'bom' });
      }
      // Anywhere else the character is not part of any token: the lexer reported it (BL001).
    }
  }

  if (text.search(CONTROL_PATTERN) >= 0) {
    const regions = sortedRegions(tokens, comments);
    for (const match of text.matchAll(CONTROL_PATTERN)) {
      const code = match[0].charCodeAt(0);
      const region = regionAt(regions, match.index);
      const span = lines.span(file, match.index, match.index + 1);
      if (region?.where === 'string' || region?.where === 'comment') {
        report(span, { kind: 'control', description: controlChar(code), code, in: region.where });
      }
      // Anywhere else the character is not part of any token: the lexer reported it (BL001).
    }
  }

  // Each suspicious name once per file, at its first occurrence.
  const names = new Set<string>();
  for (const token of tokens) {
    if (token.tokenType !== Identifier || names.has(token.image)) continue;
    names.add(token.image);
    const mixed = mixedScript(token.image);
    if (mixed) {
      report(inToken(lines, file, token, mixed.index, mixed.char.length), {
        kind: 'mixed',
        name: token.image,
        first: mixed.first,
        second: mixed.second,
        char: mixed.char,
        label: codePointLabel(mixed.char.codePointAt(0)!),
        latin: scriptOf(token.image[0]!) === 'Latin',
      });
      continue;
    }
    const normal = token.image.normalize('NFKC');
    if (normal !== token.image) {
      report(inToken(lines, file, token, 0, token.image.length), { kind: 'compatibility', name: token.image, normal });
    }
  }

  if (skipped > 0) {
    bag.emit('BL406', firstSkipped!, { kind: 'more', skipped, listed: MAX_UNICODE_WARNINGS });
  }
}

/** The span of `length` code units at `index` in a one-line token. */
function inToken(lines: LineIndex, file: string, token: IToken, index: number, length: number): Span {
  const offset = token.startOffset + index;
  return lines.span(file, offset, offset + length);
}

function sortedRegions(tokens: readonly IToken[], comments: readonly IToken[]): Region[] {
  const regions: Region[] = [];
  const add = (token: IToken) => {
    const type = token.tokenType;
    const where = type === StringLiteral ? 'string' : type === Comment ? 'comment' : type === Identifier ? 'name' : 'other';
    regions.push({ start: token.startOffset, end: token.startOffset + token.image.length, token, where });
  };
  tokens.forEach(add);
  comments.forEach(add);
  return regions.sort((a, b) => a.start - b.start);
}

/** The token region holding `offset`, by binary search; null between tokens. */
function regionAt(regions: readonly Region[], offset: number): Region | null {
  let lo = 0;
  let hi = regions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const region = regions[mid]!;
    if (offset < region.start) hi = mid - 1;
    else if (offset >= region.end) lo = mid + 1;
    else return region;
  }
  return null;
}

