import { createScanner } from 'jsonc-parser';
import { LineIndex, type Span } from '../diagnostics/span.js';
import type { JsonPath } from './case-file.js';

/**
 * Places in one JSON text by their JSON paths, as spans: what a case file's problems (and a
 * decision input's) point at. The text has been parsed already (it is valid JSON); it is scanned
 * again only when a problem asks for a place, so a text without problems costs nothing more.
 */
export class JsonLocator {
  private lines: LineIndex | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  /**
   * The span of the value at `path` (with `key`, of its key). A path that does not exist (a
   * missing key) gives its nearest parent that does: the object the key is missing from.
   */
  span(path: JsonPath, key = false): Span {
    const found = placesAlong(this.text, path);
    const node = found[found.length - 1];
    if (node === undefined) return this.at(0, 0);
    const target = found.length === path.length + 1 && key && node.key ? node.key : node;
    return this.at(target.start, target.end);
  }

  /** The span of `[start, end)`. */
  at(start: number, end: number): Span {
    this.lines ??= new LineIndex(this.text);
    return this.lines.span(this.file, start, end);
  }
}

interface Place {
  start: number;
  end: number;
  /** The key, for a value in an object. */
  key?: { start: number; end: number };
}

interface Container {
  readonly array: boolean;
  index: number;
  expectKey: boolean;
  key?: { name: string; start: number; end: number };
  /** Its place, when it is on `path`. */
  readonly place: Place | undefined;
}

// jsonc-parser's SyntaxKind (a const enum, which isolated modules cannot import).
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const STRING = 10;
const EOF = 17;

/**
 * The places of the values on `path` in `text`, from the whole value down, as far as they exist
 * (the first of duplicate keys). A scan with a stack of open containers, not a tree: an input
 * 10,000 levels deep has a place too (jsonc-parser's `parseTree` recurses, and overflows).
 */
function placesAlong(text: string, path: JsonPath): Place[] {
  const found: Place[] = [];
  const stack: Container[] = [];
  const scanner = createScanner(text, true);
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    const top = stack[stack.length - 1];
    if (token === COLON) continue;
    if (token === COMMA) {
      if (top?.array) top.index++;
      else if (top) top.expectKey = true;
      continue;
    }
    if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      const closed = stack.pop();
      if (closed?.place) {
        closed.place.end = end;
        return found; // the deepest place found so far is closed: nothing deeper is on the path
      }
      continue;
    }
    if (token === STRING && top && !top.array && top.expectKey) {
      top.key = { name: scanner.getTokenValue(), start, end };
      top.expectKey = false;
      continue;
    }
    // A value begins here: on the path when its container is the deepest place found, at the path's next step.
    const depth = stack.length;
    let place: Place | undefined;
    if (found.length === depth && (top === undefined || (top.array ? path[depth - 1] === top.index : path[depth - 1] === top.key?.name))) {
      place = { start, end };
      if (top?.key && !top.array) place.key = { start: top.key.start, end: top.key.end };
      found.push(place);
    }
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      stack.push({ array: token === OPEN_BRACKET, index: 0, expectKey: token === OPEN_BRACE, place });
    } else if (place) {
      return found; // a scalar: nothing is inside it
    }
  }
  return found;
}
