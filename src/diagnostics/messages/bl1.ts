import type { Span } from '../span.js';
import { didYouMean } from '../suggest.js';
import { code, type Built } from './common.js';

/** Modules and policy sets (BL1xx). Paths and module names are arguments, as the loader shows them. */
export const BL1 = {
  /** `looked`: the path looked for; `known`: the modules beside it. */
  BL101: (a: { module: string; looked: string; known: readonly string[] }): Built => ({
    message: `cannot find module ${code(a.module)}`,
    help: didYouMean(a.module, a.known) ?? `looked for ${code(a.looked)} next to the file and in \`stdlib/\``,
  }),
  /** `chain`: the modules of the cycle, the first repeated at the end; `uses`: where each after the first is used. */
  BL102: (a: { chain: readonly string[]; uses: readonly { module: string; span: Span }[] }): Built => ({
    message: `import cycle: ${a.chain.map(code).join(' → ')}`,
    notes: a.uses.map((u) => ({ message: `${code(u.module)} is used here`, span: u.span })),
    help: 'move what both modules need into a third module that neither uses',
  }),
  BL103: (
    a:
      | { readonly kind: 'empty-folder'; readonly folder: string }
      | { readonly kind: 'no-effective'; readonly file: string }
      | { readonly kind: 'no-version'; readonly folder: string },
  ): Built => {
    if (a.kind === 'empty-folder') {
      return { message: `folder ${code(a.folder)} holds no \`.policy\` files`, help: 'name a `.policy` file, or a policy set: a folder of `.policy` files, one per version' };
    }
    if (a.kind === 'no-effective') {
      return { message: `${code(a.file)} declares a \`version\` but no \`effective\` date`, help: 'add `effective YYYY-MM-DD`: the first day this version is in force' };
    }
    return {
      message: `policy set ${code(a.folder)} has no version: no file declares \`effective\``,
      help: 'a version file starts with `policy NAME`, `version "…"` and `effective YYYY-MM-DD`',
    };
  },
  BL104: (a: { date: string; other: string; otherSpan: Span }): Built => ({
    message: `two versions take effect on ${code(a.date)}`,
    notes: [{ message: `${code(a.other)} is also effective on that day`, span: a.otherSpan }],
    help: 'each version needs its own effective date; a decision would not know which to use',
  }),
  /** `is`: what the first is (`a context`), for a name in scope; a record's field otherwise. */
  BL105: (
    a:
      | { readonly kind: 'name'; readonly name: string; readonly is: string; readonly first: Span }
      | { readonly kind: 'field'; readonly field: string; readonly record: string; readonly first: Span },
  ): Built =>
    a.kind === 'name'
      ? {
          message: `${code(a.name)} is declared twice`,
          notes: [{ message: `${a.is} ${code(a.name)} is declared here`, span: a.first }],
          help: 'names must be unique across a file and every module it uses; rename one of them',
        }
      : {
          message: `field ${code(a.field)} is declared twice in ${code(a.record)}`,
          notes: [{ message: 'first declared here', span: a.first }],
          help: 'a record has each field once; rename or delete one of them',
        },
  /** `missing`: no file or folder at the path given on the command line. */
  BL106: (a: { path: string; missing: boolean }): Built =>
    a.missing
      ? { message: `cannot read ${code(a.path)}: no such file or folder`, help: 'check the spelling; a relative path is read from the current folder' }
      : { message: `cannot read ${code(a.path)}`, help: 'check that the file exists, is a file and that you may read it' },
  BL107: (a: { input: string }): Built => ({
    message: `the input ${code(a.input)} has no \`date: date\` field to pick the version in force`,
    help: "a policy set with `effective` dates decides by the input's date: add `date: date` to the input record",
  }),
  BL108: (a: { header: string; first: Span }): Built => ({
    message: `${code(a.header)} is given twice`,
    notes: [{ message: 'first given here', span: a.first }],
    help: `a file has at most one ${code(a.header)}`,
  }),
  BL109: (
    a:
      | { readonly kind: 'not-exceptable'; readonly name: string; readonly is: string; readonly declared: Span }
      | { readonly kind: 'undeclared'; readonly name: string; readonly module: string; readonly meant: string | undefined; readonly candidates: readonly string[] },
  ): Built => {
    if (a.kind === 'not-exceptable') {
      return {
        message: `${code(a.name)} is ${a.is}: \`except\` leaves out clauses and contexts only`,
        notes: [{ message: `${a.is} ${code(a.name)} is declared here`, span: a.declared }],
        help: "to change a type, declare the version's own in a module of its own; `except` is for a clause or context the version replaces",
      };
    }
    const listed = a.candidates.length > 0 ? `: ${a.candidates.slice(0, 8).map(code).join(', ')}${a.candidates.length > 8 ? ', …' : ''}` : '';
    return {
      message: `module ${code(a.module)} declares no ${code(a.name)}`,
      help: a.meant !== undefined ? `did you mean ${code(a.meant)}?` : `\`except\` names clauses and contexts that ${code(a.module)} itself declares${listed}`,
    };
  },
} as const;
