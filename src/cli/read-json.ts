import { visit, type JSONPath } from 'jsonc-parser';
import { positionAt } from '../diagnostics/span.js';
import { escapeUnseen } from '../diagnostics/text.js';
import { BOM_HELP, type JsonSyntaxHint } from '../diagnostics/messages/bl6.js';
import { describeKey, type InputProblem } from '../semantics/validate.js';
import { UsageError } from './io.js';

/**
 * Reading JSON text the user gave (a decision input, a case file). `JSON.parse` does the
 * parsing (it is exact and fast); jsonc-parser, a scanner that reports offsets and paths,
 * serves the two things `JSON.parse` cannot: where a syntax error is when V8's message does not
 * say, and how each number was written — `JSON.parse` reads `1.0` and `1e-400` as the ints 1
 * and 0, and an int must be written as one.
 */

/** A number written with a fraction or an exponent, and where it is. */
export interface WrittenNumber {
  readonly path: JSONPath;
  readonly text: string;
}

export interface ParsedJson {
  readonly value: unknown;
  /** Every number written with a fraction or exponent (`1.0`, `1e2`, `-0.0`), in text order. */
  readonly fractional: readonly WrittenNumber[];
}

/** Strict JSON: no comments, no trailing commas. */
const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** Where JSON text stops being JSON, and what is wrong there (V8's words, made to read as a message). */
export interface JsonSyntaxError {
  /** 0-based offset of the place, null when neither V8 nor the scanner says. */
  readonly offset: number | null;
  /** `unexpected token '}'`, `expected double-quoted property name` */
  readonly what: string;
  /** The text starts with a byte order mark (U+FEFF), which JSON does not allow: Windows editors save one. */
  readonly bom: boolean;
}

/** Parses `text`: its value and written numbers, or where and why it is not JSON. */
export function tryParseJson(text: string): ({ readonly ok: true } & ParsedJson) | { readonly ok: false; readonly error: JsonSyntaxError } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: { ...syntaxErrorAt(text, (error as Error).message), bom: text.startsWith('\uFEFF') } };
  }
  return { ok: true, value, fractional: fractionalNumbers(text) };
}

/** Parses `text` or throws a usage error `source:line:col: invalid JSON: …` with the line shown. */
export function parseJson(text: string, source: string): ParsedJson {
  const parsed = tryParseJson(text);
  if (parsed.ok) return parsed;
  const { error } = parsed;
  const bom = error.bom ? `\n  help: ${BOM_HELP}` : '';
  throw new UsageError(syntaxError(text, source, error) + bom);
}

/**
 * What the text at a syntax error looks like, for advice: read from the text, not from V8's
 * message, whose wording changes between versions.
 */
export function syntaxHint(text: string, { offset, bom }: JsonSyntaxError): JsonSyntaxHint {
  if (bom) return 'bom';
  if (offset === null) return 'other';
  if (offset >= text.trimEnd().length) return 'end';
  const c = text.charAt(offset);
  if (text.startsWith('//', offset) || text.startsWith('/*', offset)) return 'comment';
  if (c === "'") return 'single-quote';
  if ((c === '}' || c === ']') && text.slice(0, offset).trimEnd().endsWith(',')) return 'trailing-comma';
  if (/[A-Za-z_$]/.test(c)) return 'unquoted';
  return 'other';
}

/**
 * Numbers with a fraction or exponent in JSON text that `JSON.parse` accepted (for readers that
 * parse themselves, a line at a time). Outside strings, a digit followed by `.`, `e` or `E`
 * occurs only in such a number: text without one (nearly every input) is not scanned again.
 */
export function fractionalNumbers(text: string): WrittenNumber[] {
  const found: WrittenNumber[] = [];
  if (!/\d[.eE]/.test(text) || !fractionOutsideStrings(text)) return found;
  visit(
    text,
    {
      onLiteralValue(value: unknown, offset: number, length: number, _line: number, _column: number, path: () => JSONPath) {
        if (typeof value !== 'number') return;
        const written = text.slice(offset, offset + length);
        if (/[.eE]/.test(written)) found.push({ path: path(), text: written });
      },
    },
    STRICT,
  );
  return found;
}

/** Whether a digit is followed by `.`, `e` or `E` outside every string of (valid) JSON text. */
function fractionOutsideStrings(text: string): boolean {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c >= 48 && c <= 57) {
      const next = text.charCodeAt(i + 1);
      if (next === 46 || next === 101 || next === 69) return true;
    }
  }
  return false;
}

/**
 * The problems of fractional numbers in a decision input at `prefix` (the input's own path in
 * the document: `[]` for a whole-document input, `['cases', 3, 'input']` in a case file).
 */
export function numberProblems(fractional: readonly WrittenNumber[], prefix: JSONPath = []): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const n of fractional) {
    if (n.path.length < prefix.length || prefix.some((p, i) => n.path[i] !== p)) continue;
    // Written as validate writes paths, so that problems at the same place can be matched.
    const path = n.path
      .slice(prefix.length)
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${describeKey(p)}`))
      .join('');
    problems.push({ path: path === '' ? '(input)' : path, message: `expected int, got ${n.text}` });
  }
  return problems;
}

/** Where V8's message `v8` puts the error in `text`, and the message without V8's wording of the place. */
function syntaxErrorAt(text: string, v8: string): Omit<JsonSyntaxError, 'bom'> {
  const at = /at position (\d+)/.exec(v8)?.[1];
  let offset = at !== undefined ? Number(at) : firstErrorOffset(text);
  // "Unexpected token 'X', …" says which character but not where: the first X from where the
  // scanner found a problem (`{"a": tru}`: the scanner stops at `tru`, V8 at `}`).
  const token = /^Unexpected token '(.)'/su.exec(v8)?.[1];
  if (token !== undefined && offset !== null && text.indexOf(token, offset) >= 0) offset = text.indexOf(token, offset);
  if (/end of JSON input/.test(v8)) offset = text.length;
  const what = v8
    // V8 quotes the text near the place, cut with `...` at either end.
    .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '')
    .replace(/ (in|after) JSON at position \d+.*$/s, (_, where: string) => (where === 'after' ? ' after the JSON value' : ''))
    .replace(/ in JSON at position \d+$/, '')
    .replace(/^[A-Z]/, (c) => c.toLowerCase());
  return { offset, what };
}

/** `source:2:7: invalid JSON: unexpected token '}'`, then the line and a caret under the place. */
function syntaxError(text: string, source: string, { offset, what }: JsonSyntaxError): string {
  if (offset === null) return `${source}: invalid JSON: ${escapeUnseen(what)}`;
  const { line, column } = positionAt(text, offset);
  return `${source}:${line}:${column}: invalid JSON: ${escapeUnseen(what)}\n${codeFrame(text, offset, line)}`;
}

/** Where jsonc-parser finds the first error: for V8 messages that do not say. */
function firstErrorOffset(text: string): number | null {
  let first: number | null = null;
  visit(
    text,
    {
      onError(_error: number, offset: number) {
        first ??= offset;
      },
    },
    STRICT,
  );
  return first;
}


/** Up to this many characters of the line either side of the error: a minified input is one line. */
const CONTEXT = 40;

function codeFrame(text: string, offset: number, line: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline < 0 ? text.length : newline;
  const from = Math.max(lineStart, offset - CONTEXT);
  const to = Math.min(lineEnd, offset + CONTEXT);
  // Tabs as one space and control characters escaped, so the caret stays under the place.
  const show = (s: string) => escapeUnseen(s.replace(/\t/g, ' ').replace(/\r$/, ''));
  const before = `${from > lineStart ? '…' : ''}${show(text.slice(from, offset))}`;
  const after = `${show(text.slice(offset, to))}${to < lineEnd ? '…' : ''}`;
  const gutter = String(line);
  const pad = ' '.repeat(gutter.length);
  return `  ${gutter} | ${before}${after}\n  ${pad} | ${' '.repeat(before.length)}^`;
}
