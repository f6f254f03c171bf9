import { doc, type Doc } from 'prettier';

export type { Doc };
export const { breakParent, group, hardline, ifBreak, join, line, lineSuffix, softline } = doc.builders;

/**
 * One level of indentation: always two spaces. A literal string alignment (rather than `indent`)
 * keeps the layout canonical even when a project's prettier config sets `tabWidth` or `useTabs`
 * for other languages.
 */
export function nest(contents: Doc): Doc {
  return doc.builders.align('  ', contents);
}
