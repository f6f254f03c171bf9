import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DiagnosticBag } from '../../src/diagnostics/codes.js';
import { formatPolicy } from '../../src/format/format.js';
import { lex } from '../../src/syntax/lexer.js';

export const ROOT = join(import.meta.dirname, '../..');
export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** The canonical text, or a thrown error that says why there is none. */
export async function fmt(text: string, printWidth?: number): Promise<string> {
  const result = await formatPolicy(text, 'test.policy', printWidth === undefined ? {} : { printWidth });
  if (result.kind === 'formatted') return result.text;
  throw new Error(result.kind === 'internal-error' ? result.message : result.diagnostics.map((d) => d.message).join('\n'));
}

/** `.policy` files under `folder` (relative to the repository root), sorted; none if it does not exist. */
export function policyFiles(folder: string): string[] {
  const walk = (dir: string): string[] => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
    return entries.flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.policy') ? [join(dir, e.name)] : []));
  };
  return walk(join(ROOT, folder))
    .map((f) => relative(ROOT, f))
    .sort();
}

/** A small deterministic random source, so a fast-check seed reproduces a mangled file exactly. */
function random(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

const ANY = ['', ' ', '   ', '\t', '\n', '\n\n', '\n\n\n', '\n      ', ' \n\t', '\r\n', '\u00a0', ' \f '];
const SAME_LINE = [' ', '  ', '\t', ' \t '];
const ONE_BREAK = ['\n', '\n    ', '  \n', '\r\n  ', '\n\t'];
const BLANK = ['\n\n', '\n  \n', '\n\n\n\n  ', '\r\n\r\n'];
const ENDS_WORD = /[\p{L}\p{N}_"]$/u;
const STARTS_WORD = /^[\p{L}\p{N}_"-]/u;

/**
 * The same tokens and comments with random whitespace between them: re-indented, lines joined or
 * split, blank lines added or removed. What a comment's place means is kept: a comment that ended
 * a line of code still does, an own-line comment stays on its own line, and a blank line after a
 * comment stays (one or more). Everything else may change.
 */
export function mangle(text: string, seed: number): string {
  const pick = random(seed);
  const choose = (options: readonly string[]) => options[pick(options.length)]!;
  const { tokens, comments } = lex(text, 'mangle.policy', new DiagnosticBag());
  const pieces = [
    ...tokens.map((t) => ({ start: t.startOffset, text: t.image, comment: false })),
    ...comments.map((c) => ({ start: c.startOffset, text: c.image, comment: true })),
  ].sort((a, b) => a.start - b.start);
  let out = '';
  pieces.forEach((piece, i) => {
    const previous = pieces[i - 1];
    const before = text.slice(previous ? previous.start + previous.text.length : 0, piece.start);
    let gap: string;
    if (previous?.comment) gap = choose(/(\r?\n|\r)[^\S\r\n]*(\r?\n|\r)/.test(before) ? BLANK : ONE_BREAK);
    else if (piece.comment) gap = previous && !/[\r\n]/.test(before) ? choose(SAME_LINE) : choose(previous ? [...ONE_BREAK, ...BLANK] : ANY);
    // `-` moves a date only before a space or tab (`-90` is a number, `-` then a line break an error).
    else if (previous?.text === '-') gap = choose(SAME_LINE);
    else gap = choose(ANY);
    // Two words need something between them, or they would become one token.
    if (gap === '' && previous && ENDS_WORD.test(previous.text) && STARTS_WORD.test(piece.text)) gap = ' ';
    out += gap + piece.text;
  });
  return out + choose(['', '\n', '\n\n\n', '  \n']);
}
