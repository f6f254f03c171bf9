import type { Plugin, Printer, SupportLanguage, SupportOptions } from 'prettier';
import { bylawParser, type BylawRoot } from './prettier-parser.js';
import { printFile } from './print-file.js';

/**
 * The prettier plugin for `.policy` files: `prettier --plugin bylaw/prettier --write "policies/**\/*.policy"`.
 * `bylaw fmt` uses the same plugin, so both give the same canonical layout.
 */
export const languages: SupportLanguage[] = [
  { name: 'bylaw', parsers: ['bylaw'], extensions: ['.policy'], vscodeLanguageIds: ['bylaw'] },
];

export const parsers = { bylaw: bylawParser };

const printer: Printer<BylawRoot> = {
  print: (path) => printFile(path.node.file, path.node.text),
};
export const printers = { 'bylaw-ast': printer };

/** No options of our own: one canonical style. */
export const options: SupportOptions = {};

export const defaultOptions = { printWidth: 100 };

const plugin: Plugin<BylawRoot> = { languages, parsers, printers, options, defaultOptions };
export default plugin;
