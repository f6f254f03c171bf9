import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { diagnosticToJson, renderDiagnostics } from '../../src/diagnostics/render.js';
import { parse } from '../../src/syntax/parse.js';
import { checkFiles } from '../support/policies.js';

/**
 * No input, however broken, crashes the parser or the checker, and every diagnostic points
 * inside the file it names. Runs are seeded-by-default-random but bounded in size and time.
 */

/** The files of a policy set of policies/, under `fuzz/NAME/`. */
function policySet(set: string): Record<string, string> {
  const folder = new URL(`../../policies/${set}/`, import.meta.url);
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name.endsWith('.policy'))
      .sort()
      .map((name) => [`fuzz/${set}/${name}`, readFileSync(new URL(name, folder), 'utf8')]),
  );
}
const FOLDER = 'fuzz/twitter';
const originals = policySet('twitter');

/** Characters that stress the lexer: quotes, escapes, operators, brackets, digits, unicode, controls. */
const JUNK = [
  '"', '\\', '{', '}', '(', ')', '<', '>', '=', '!', '&', '|', ',', '.', '..', ':', '-', '_', '/', '//', '#', ';',
  '\n', '\r\n', '\t', ' ', '\u0000', '\u202e', '\u2066', '\u200b', '\ufeff', '\u201c', 'é', 'ж', '😀', '\ud800',
  '0', '9', '2019-02-30', '100__000', '99999999999999999999', 'not', 'and', 'in', 'has', 'when', 'then', 'rule',
  'use', 'context', 'exemption', 'from', 'redline', 'effective', 'version', 'policy', 'default', 'x', 'post.',
];

/** Words and symbols of the language, for strings that get past the lexer more often than random text. */
const VOCABULARY = [
  'policy', 'version', 'effective', 'source', 'use', 'input', 'enum', 'record', 'scale', 'context', 'redline',
  'rule', 'exemption', 'from', 'when', 'unless', 'then', 'because', 'default', 'and', 'or', 'not', 'in', 'has',
  'true', 'false', 'moderation', 'post', 'Post', 'author', 'role', 'followers', 'categories', 'world_leader',
  'violent_threat', 'remove', 'allow', 'suspend', 'int', 'set', 'date', 'string', 'bool', 'Action', 'x', 'y',
  'post.author.role', 'post.author.followers', 'post.categories', 'post.target', 'post.date', 'post.public_interest',
  'individual', 'harassment', 'terrorism', 'notice', 'threat_to_individual', 'eligible_for_notice', 'Role.candidate',
  '==', '!=', '<', '<=', '>', '>=', '=', '{', '}', '(', ')', ',', '.', '..', ':', '"why"', '2019-10-15', '100_000',
  '-1', '0', '\n', ' ',
  // Bylaw 2
  'outcome', 'exists', 'where', 'except', 'every', 'for', 'count(', 'any(', 'all(', 's in', 's.date', 'item.channel.strikes',
  'piece.author.strikes', '90 days', '1 year', '12 hours', '3 dayz', '- 90 days', '+', '-', '?', '?.', 'list<Strike>', 'Strike?',
  'restrict for 3 days', 'strike(duration)', 'Content.remove', 'has any {', 'has all', 'from every rule', 'use rules except',
];

const mutation = (text: string) =>
  fc.oneof(
    // truncation at a random offset
    fc.nat({ max: text.length }).map((at) => text.slice(0, at)),
    // deletion of a random slice
    fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 200 })).map(([at, n]) => text.slice(0, at) + text.slice(at + n)),
    // duplication of a random slice
    fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 200 }), fc.nat({ max: text.length })).map(
      ([at, n, to]) => text.slice(0, to) + text.slice(at, at + n) + text.slice(to),
    ),
    // insertion of junk
    fc.tuple(fc.nat({ max: text.length }), fc.array(fc.constantFrom(...JUNK), { minLength: 1, maxLength: 6 })).map(
      ([at, junk]) => text.slice(0, at) + junk.join('') + text.slice(at),
    ),
    // replacement of a word by a word of the language: often still parses, so it reaches the checker
    fc.tuple(fc.nat(), fc.constantFrom(...VOCABULARY)).map(([i, word]) => {
      const parts = text.split(/(\s+)/);
      parts[(i % Math.ceil(parts.length / 2)) * 2] = word;
      return parts.join('');
    }),
  );

/** A few mutations applied in a row to one file of a policy set. */
const mutated = (files: Record<string, string>) =>
  fc.tuple(fc.constantFrom(...Object.keys(files)), fc.integer({ min: 1, max: 3 })).chain(([name, rounds]) => {
    let arb: fc.Arbitrary<string> = fc.constant(files[name]!);
    for (let i = 0; i < rounds; i++) arb = arb.chain((text) => mutation(text));
    return arb.map((text) => ({ name, files: { ...files, [name]: text } }));
  });
const mutatedSet = mutated(originals);

const tokenSoup = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 60 }).map((words) => words.join(' '));
const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), tokenSoup);

function spanProblems(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string[] {
  // Rendering (human and JSON) never throws either.
  renderDiagnostics(diagnostics, { sources });
  diagnostics.forEach(diagnosticToJson);
  const problems: string[] = [];
  for (const d of diagnostics) {
    const { file, start, end } = d.span;
    const text = sources.get(file);
    const where = `${d.code} ${d.message} at ${file}:${start.line}:${start.column}`;
    if (start.line < 1 || start.column < 1 || end.line < 1 || end.column < 1) problems.push(`${where}: line/column below 1`);
    if (!(start.offset >= 0 && start.offset <= end.offset)) problems.push(`${where}: offsets ${start.offset}..${end.offset}`);
    if (text === undefined) {
      // Only problems about a file or folder that could not be read (or is not a file) lack a source.
      if (start.offset !== 0 || end.offset !== 0) problems.push(`${where}: span in a file without source`);
      continue;
    }
    if (end.offset > text.length) problems.push(`${where}: ends at ${end.offset}, past the end (${text.length})`);
    if (end.line < start.line || (end.line === start.line && end.column < start.column)) problems.push(`${where}: end before start`);
    // line and column agree with the offset
    const before = text.slice(0, start.offset);
    const line = before.split('\n').length;
    const column = start.offset - (before.lastIndexOf('\n') + 1) + 1;
    if (line !== start.line || column !== start.column) problems.push(`${where}: offset ${start.offset} is ${line}:${column}`);
    for (const note of d.notes) {
      if (note.span && note.span.start.offset > note.span.end.offset) problems.push(`${where}: note span reversed`);
    }
  }
  return problems;
}

describe('robustness', () => {
  it('parse() never throws on arbitrary text, and its spans lie within the file', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parse(text, 'fuzz.policy');
        expect(spanProblems(result.diagnostics, new Map([['fuzz.policy', text]]))).toEqual([]);
        if (result.diagnostics.some((d) => d.severity === 'error')) expect(result.ast).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('parse() never throws on mutated Twitter policies', () => {
    fc.assert(
      fc.property(mutatedSet, ({ name, files }) => {
        const text = files[name]!;
        const result = parse(text, name);
        expect(spanProblems(result.diagnostics, new Map([[name, text]]))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('the full check never throws on arbitrary text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const checked = checkFiles({ 'fuzz/one.policy': text });
        expect(spanProblems(checked.diagnostics, checked.sources)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('the full check never throws on mutated Twitter policies (one file as the root)', () => {
    fc.assert(
      fc.property(mutatedSet, ({ name, files }) => {
        const checked = checkFiles(files, name);
        expect(spanProblems(checked.diagnostics, checked.sources)).toEqual([]);
        if (checked.policy === null) return;
        expect(checked.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  // The Bylaw 2 sets: outcomes, durations, dates, lists, optionals, `except`, `from every rule`.
  for (const set of ['youtube', 'meta']) {
    const files = policySet(set);
    it(`parse() and the full check never throw on mutated ${set} policies`, () => {
      fc.assert(
        fc.property(mutated(files), ({ name, files: changed }) => {
          const text = changed[name]!;
          expect(spanProblems(parse(text, name).diagnostics, new Map([[name, text]]))).toEqual([]);
          const checked = checkFiles(changed, name);
          expect(spanProblems(checked.diagnostics, checked.sources)).toEqual([]);
          if (checked.policy !== null) expect(checked.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('a folder whose every file has a syntax error is reported, not a crash', () => {
    // The loader named the set after its first file read, and there was none: a TypeError.
    const eof = 'policy x\nversion "1"\neffective 2020-01-01\nrule r when';
    const sets: Record<string, string>[] = [{ 'set/v1.policy': eof }, { 'set/v1.policy': eof, 'set/rules.policy': 'context c =' }];
    for (const files of sets) {
      const checked = checkFiles(files, 'set');
      expect(checked.policy).toBeNull();
      expect(checked.diagnostics.map((d) => `${d.code} ${d.span.file}:${d.span.start.line}:${d.span.start.column}`)).toContain('BL002 set/v1.policy:4:12');
      expect(spanProblems(checked.diagnostics, checked.sources)).toEqual([]);
    }
  });

  it('the full check never throws on a mutated Twitter policy set (the folder as the root)', () => {
    fc.assert(
      fc.property(mutatedSet, ({ files }) => {
        const checked = checkFiles(files, FOLDER);
        expect(spanProblems(checked.diagnostics, checked.sources)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
