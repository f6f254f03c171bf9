/**
 * A small line writer for generated code, and the one pass that turns it into TypeScript or
 * JavaScript. Code is written once, with TypeScript-only text between `«` and `»`
 * (`function f(x«: number»)«: string»`): the TypeScript target keeps what is inside, the
 * JavaScript target drops it. Policy strings cannot contain the markers: `jsString` escapes them.
 */

export type Target = 'ts' | 'js';

export class Writer {
  private readonly lines: string[] = [];
  /** Characters written so far, line breaks included (what `toString()` would return). */
  private chars = 0;

  /** `depth`: the indentation to start at (for a body written before its enclosing block). */
  constructor(private depth = 0) {}

  /** The lines of another writer, as they are (it was started at the right depth). */
  raw(other: Writer): this {
    for (const l of other.lines) this.lines.push(l);
    this.chars += other.chars;
    return this;
  }

  /** One line at the current indentation (an empty call writes an empty line). */
  line(text = ''): this {
    const l = text === '' ? '' : '  '.repeat(this.depth) + text;
    this.lines.push(l);
    this.chars += l.length + 1;
    return this;
  }

  removeLines(remove: (line: string) => boolean): this {
    const kept = this.lines.filter((l) => !remove(l));
    this.lines.length = 0;
    this.chars = 0;
    for (const l of kept) {
      this.lines.push(l);
      this.chars += l.length + 1;
    }
    return this;
  }

  /** The length of `toString()`, without building it. */
  get length(): number {
    return this.chars;
  }

  /** `open` on a line, the body indented, then `close`. */
  block(open: string, body: () => void, close = '}'): this {
    this.line(open);
    this.depth++;
    body();
    this.depth--;
    return this.line(close);
  }

  indent(body: () => void): this {
    this.depth++;
    body();
    this.depth--;
    return this;
  }

  /** Lines written elsewhere, indented to the current level. */
  lines_(lines: readonly string[]): this {
    for (const l of lines) this.line(l);
    return this;
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** Keeps (ts) or drops (js) the TypeScript-only parts; drops lines left blank by dropping. */
export function finish(text: string, target: Target): string {
  if (target === 'ts') return text.replace(/«([^«»]*)»/g, '$1').replace(/\n{3,}/g, '\n\n');
  // A dropped part may span lines (an interface): it leaves one mark, and a line that holds
  // nothing but marks disappears.
  const MARK = '\u0000';
  const out: string[] = [];
  for (const line of text.replace(/«[^«»]*»/g, MARK).split('\n')) {
    // Most lines have no mark and no trailing blank: the regexes only run where they can matter
    // (a 10,000-clause module has millions of lines).
    const kept = line.includes(MARK) ? line.replaceAll(MARK, '') : line;
    if (kept !== line && kept.trim() === '') continue;
    const last = kept.charCodeAt(kept.length - 1);
    out.push(last === 32 || last === 9 ? kept.replace(/[ \t]+$/, '') : kept);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** TypeScript-only text. */
export const ts = (text: string): string => `«${text}»`;
