import type { Item, PolicyFile } from '../ast/nodes.js';
import { CommentCursor } from './comments.js';
import { hardline, type Doc } from './doc.js';
import { printItem } from './print-item.js';

/** The whole file: items in source order, separated by the canonical blank lines, comments in place. */
export function printFile(file: PolicyFile, text: string): Doc {
  const c = new CommentCursor(text, file.comments);
  const parts = file.items.map((item, i) => {
    const previous = file.items[i - 1];
    const separator = previous === undefined ? '' : sameBlock(previous, item) ? hardline : [hardline, hardline];
    return [c.beforeItem(item.span.start.offset, separator), printItem(item, c)];
  });
  return [parts, c.endOfFile(file.items.length > 0)];
}

/**
 * Header lines form one block, consecutive `use` lines another and consecutive `outcome` lines a
 * third; every other item stands alone.
 */
function sameBlock(a: Item, b: Item): boolean {
  const block = (item: Item) => (HEADER.has(item.kind) ? 'header' : item.kind === 'Use' || item.kind === 'Outcome' ? item.kind : null);
  return block(a) !== null && block(a) === block(b);
}

const HEADER: ReadonlySet<Item['kind']> = new Set(['PolicyHeader', 'VersionHeader', 'EffectiveHeader', 'SourceHeader']);
