import fc from 'fast-check';
import { expect } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { generate } from '../../src/compiler/index.js';
import { lex } from '../../src/syntax/lexer.js';
import { DiagnosticBag } from '../../src/diagnostics/codes.js';
import { checkFiles } from '../support/policies.js';
import { outcomeProblems, twitterFiles } from './support.js';

/**
 * The front end under hostile policies: `check` (load, parse, check) and `compile` (generate, on
 * any policy that checks clean) never throw and never hang, and every failure is a diagnostic
 * with a span inside its file. Shared by frontend.test.ts (thousands of runs, in `npm test`)
 * and frontend.fuzz.test.ts (millions, `npm run fuzz`). The other engineer's
 * test/diagnostics/robustness.test.ts covers arbitrary strings and character-level mutations;
 * these add token-level mutations, hostile characters and a compile step.
 */

export const FOLDER = 'fuzz-hardening/twitter';
export const TWITTER = twitterFiles(FOLDER);
export const VERSION_FILES = Object.keys(TWITTER).filter((p) => /\/v\d/.test(p));
/** The real policy whose every truncation, deletion and duplication is checked. */
export const SUBJECT = `${FOLDER}/v3_world_leaders.policy`;

/** Checks `files` from `root`; when it checks clean, compiles it (both targets). Returns what went wrong. */
export function frontEndProblems(files: Readonly<Record<string, string>>, root: string): string[] {
  const checked = checkFiles(files, root);
  const problems = outcomeProblems(checked);
  if (checked.policy) problems.push(...compileProblems(checked.policy));
  return problems;
}

export function compileProblems(set: PolicySet, targets: readonly ('ts' | 'js')[] = ['ts', 'js']): string[] {
  const problems: string[] = [];
  for (const target of targets) {
    const generated = generate(set, { target });
    if (generated.files.length === 0) problems.push(`${target}: no files`);
    for (const file of generated.files) {
      if (file.text.length === 0) problems.push(`${target}: ${file.path} is empty`);
      if (/\beval\s*\(|new Function\s*\(/.test(file.text)) problems.push(`${target}: ${file.path} calls eval`);
    }
  }
  return problems;
}

/** The tokens (with comments) of a text, as [start, end) offsets. */
export function tokenRanges(text: string): [number, number][] {
  const { tokens, comments } = lex(text, 'x', new DiagnosticBag());
  return [...tokens, ...comments]
    .map((t): [number, number] => [t.startOffset, t.startOffset + t.image.length])
    .sort((a, b) => a[0] - b[0]);
}

/** Characters that reorder, hide or break text: controls, bidi overrides, zero-widths, surrogates. */
export const HOSTILE_CHARS = [
  '\u0000', '\u0001', '\u0007', '\b', '\u000b', '\f', '\r', '\u001b', '\u007f', '\u0085', '\u00a0', '\u00ad',
  '\u061c', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202b', '\u202c',
  '\u202d', '\u202e', '\u2060', '\u2066', '\u2067', '\u2068', '\u2069', '\u3164', '\ufeff', '\ufffd', '\uffff',
  '\ud800', '\udc00', '\u{1f600}', '\u{e0041}', '\u0430', '\u03bf', 'ｐ', '𝐩', '\u0301', '"', '\\', '\\u{', '//', '\n',
];

/** Numbers and literals at and past the edges. */
export const HUGE_LITERALS = [
  '9007199254740991', '9007199254740992', '-9007199254740993', '99999999999999999999999999999', '1' + '0'.repeat(400),
  '1_000_000_000_000_000_000', '0', '-0', '00', '1__0', '1_', '0000-00-00', '9999-12-31', '0001-01-01', '2019-02-29',
  '2020-02-29', '2019-13-01', '99999-01-01', '"\\u{110000}"', '"\\u{10FFFF}"', '"\\q"', '""',
];

/** Language words and symbols spliced in by token mutations. */
export const VOCABULARY = [
  'policy', 'version', 'effective', 'source', 'use', 'input', 'enum', 'record', 'scale', 'context', 'redline', 'rule',
  'exemption', 'from', 'when', 'unless', 'then', 'because', 'default', 'and', 'or', 'not', 'in', 'has', 'true',
  'false', 'post', 'post.author.role', 'post.categories', 'world_leader', 'remove', 'allow', 'suspend', 'notice',
  '==', '!=', '<', '<=', '>', '>=', '=', '{', '}', '(', ')', ',', '.', '..', ':', '"why"', '2019-10-15', '100_000',
  '&&', '||', '!', '<>', ';', '#', "'x'",
];

export type Mutation =
  | { readonly kind: 'delete'; readonly token: number }
  | { readonly kind: 'duplicate'; readonly token: number }
  | { readonly kind: 'swap'; readonly token: number }
  | { readonly kind: 'replace'; readonly token: number; readonly with: string }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string };

/** Applies token-level mutations in order (indices wrap around the current token count). */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  let current = text;
  for (const m of mutations) {
    if (m.kind === 'insert') {
      const at = m.at % (current.length + 1);
      current = current.slice(0, at) + m.text + current.slice(at);
      continue;
    }
    const ranges = tokenRanges(current);
    if (ranges.length === 0) continue;
    const [start, end] = ranges[m.token % ranges.length]!;
    const image = current.slice(start, end);
    switch (m.kind) {
      case 'delete':
        current = current.slice(0, start) + current.slice(end);
        break;
      case 'duplicate':
        current = `${current.slice(0, end)} ${image}${current.slice(end)}`;
        break;
      case 'swap': {
        const next = ranges[(m.token % ranges.length) + 1];
        if (!next) break;
        const other = current.slice(next[0], next[1]);
        current = current.slice(0, start) + other + current.slice(end, next[0]) + image + current.slice(next[1]);
        break;
      }
      case 'replace':
        current = current.slice(0, start) + m.with + current.slice(end);
        break;
    }
  }
  return current;
}

const token = fc.nat({ max: 10_000 });
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  token.map((t): Mutation => ({ kind: 'delete', token: t })),
  token.map((t): Mutation => ({ kind: 'duplicate', token: t })),
  token.map((t): Mutation => ({ kind: 'swap', token: t })),
  fc.tuple(token, fc.constantFrom(...VOCABULARY, ...HUGE_LITERALS)).map(([t, w]): Mutation => ({ kind: 'replace', token: t, with: w })),
  fc
    .tuple(fc.nat({ max: 100_000 }), fc.array(fc.constantFrom(...HOSTILE_CHARS, ...HUGE_LITERALS), { minLength: 1, maxLength: 4 }))
    .map(([at, parts]): Mutation => ({ kind: 'insert', at, text: parts.join('') })),
);

/** A version file of the Twitter set (or a module), mutated by 1–6 token-level edits. */
export const mutatedPolicy = fc.record({
  file: fc.constantFrom(...Object.keys(TWITTER)),
  mutations: fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
  asFolder: fc.boolean(),
});

/** The property: a mutated Twitter policy set checks (and, when clean, compiles) without a crash. */
export function mutatedPolicyHolds({ file, mutations, asFolder }: { file: string; mutations: readonly Mutation[]; asFolder: boolean }): void {
  const files = { ...TWITTER, [file]: mutate(TWITTER[file]!, mutations) };
  const root = asFolder || !VERSION_FILES.includes(file) ? FOLDER : file;
  expect(frontEndProblems(files, root)).toEqual([]);
}

/** Arbitrary text made of hostile characters, literals and language words. */
export const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_CHARS), fc.constantFrom(...HUGE_LITERALS), fc.constantFrom(...VOCABULARY), fc.constant(' ')), {
    maxLength: 80,
  })
  .map((parts) => parts.join(''));

/** The property: a file of hostile text, alone or as a module the policy uses, never crashes `check`. */
export function hostileTextHolds(text: string): void {
  expect(frontEndProblems({ 'fuzz-hardening/one.policy': text }, 'fuzz-hardening/one.policy')).toEqual([]);
  const withModule = {
    'fuzz-hardening/mod/main.policy': 'use moderation\nuse extra\ninput post: Post\ndefault allow\nrule r when post.public_interest then remove because "x"\n',
    'fuzz-hardening/mod/extra.policy': text,
  };
  expect(frontEndProblems(withModule, 'fuzz-hardening/mod/main.policy')).toEqual([]);
}

/** Hostile text spliced into a real policy at a random place. */
export const splicedPolicy = fc.record({
  file: fc.constantFrom(...VERSION_FILES),
  at: fc.nat({ max: 4_000 }),
  text: hostileText,
});

export function splicedPolicyHolds({ file, at, text }: { file: string; at: number; text: string }): void {
  const original = TWITTER[file]!;
  const where = at % (original.length + 1);
  const files = { ...TWITTER, [file]: original.slice(0, where) + text + original.slice(where) };
  expect(frontEndProblems(files, file)).toEqual([]);
}
