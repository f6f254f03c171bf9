import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { LineIndex, type Span } from '../diagnostics/span.js';
import type { JsonPath } from './case-file.js';

/**
 * Places in one JSON text by their JSON paths, as spans: what a case file's problems point at.
 * The text has been parsed already (it is valid JSON); the tree with offsets is built only when
 * a problem asks for a place, so a file without problems costs nothing more.
 */
export class JsonLocator {
  private tree: Node | undefined;
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
    this.tree ??= parseTree(this.text);
    let node: Node | undefined;
    let depth = path.length;
    for (; depth >= 0 && node === undefined; depth--) node = this.tree && findNodeAtLocation(this.tree, [...path.slice(0, depth)]);
    if (node === undefined) return this.at(0, 0);
    const found = depth + 1 === path.length;
    const property = node.parent?.type === 'property' ? node.parent : undefined;
    const target = found && key && property?.children?.[0] ? property.children[0] : node;
    return this.at(target.offset, target.offset + target.length);
  }

  /** The span of `[start, end)`. */
  at(start: number, end: number): Span {
    this.lines ??= new LineIndex(this.text);
    return this.lines.span(this.file, start, end);
  }
}
