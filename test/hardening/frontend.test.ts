import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CONDITION_DEPTH } from '../../src/checker/checks/contexts.js';
import { MAX_RECORD_DEPTH } from '../../src/checker/resolve-types.js';
import { loadCompiled } from '../../src/compiler/load.js';
import { explain } from '../../src/interpreter/explain.js';
import { stringifyDeep } from '../../src/cli/json.js';
import { MAX_NESTING } from '../../src/syntax/lexer.js';
import {
  FOLDER,
  frontEndProblems,
  hostileText,
  hostileTextHolds,
  mutatedPolicy,
  mutatedPolicyHolds,
  splicedPolicy,
  splicedPolicyHolds,
  SUBJECT,
  tokenRanges,
  TWITTER,
} from './frontend-properties.js';
import { checkHuge, decideAll, describeHugeInputs, POST } from './huge-inputs.js';
import { codes, PREAMBLE } from './support.js';

/**
 * Hostile policies: `check` and `compile` never throw and never hang, and every failure is a
 * diagnostic with a span inside the file. Deterministic sweeps of one real policy (every
 * truncation, every token deleted, every token doubled) plus seeded property runs, and huge
 * inputs just past the stack's depth; the long runs, and the huge inputs at 100,000, are in
 * frontend.fuzz.test.ts (`npm run fuzz`).
 */

/** Operands and members of the huge inputs (characters: twice as many): over twice the depth a plain recursion reaches. */
const HUGE = 25_000;

const SUBJECT_TEXT = TWITTER[SUBJECT]!;

/** Runs `sweep` over every index, collecting failures (one assertion at the end keeps it fast). */
function sweep(count: number, problemsAt: (i: number) => string[]): void {
  const failures: string[] = [];
  for (let i = 0; i < count && failures.length < 5; i++) {
    const problems = problemsAt(i);
    if (problems.length > 0) failures.push(`#${i}: ${problems.join('; ')}`);
  }
  expect(failures).toEqual([]);
}

describe('front end: deterministic sweeps of a real policy', () => {
  it(`every truncation of ${SUBJECT.split('/').pop()} (${SUBJECT_TEXT.length + 1} prefixes) checks without a crash`, () => {
    sweep(SUBJECT_TEXT.length + 1, (at) => frontEndProblems({ ...TWITTER, [SUBJECT]: SUBJECT_TEXT.slice(0, at) }, SUBJECT));
  });

  const ranges = tokenRanges(SUBJECT_TEXT);

  it(`every token deleted (${ranges.length} tokens and comments) checks without a crash`, () => {
    sweep(ranges.length, (i) => {
      const [start, end] = ranges[i]!;
      return frontEndProblems({ ...TWITTER, [SUBJECT]: SUBJECT_TEXT.slice(0, start) + SUBJECT_TEXT.slice(end) }, SUBJECT);
    });
  });

  it('every token duplicated checks without a crash', () => {
    sweep(ranges.length, (i) => {
      const [start, end] = ranges[i]!;
      const text = `${SUBJECT_TEXT.slice(0, end)} ${SUBJECT_TEXT.slice(start, end)}${SUBJECT_TEXT.slice(end)}`;
      return frontEndProblems({ ...TWITTER, [SUBJECT]: text }, SUBJECT);
    });
  });

  it('every module truncated at every line checks without a crash (the folder as the root)', () => {
    for (const [file, text] of Object.entries(TWITTER)) {
      const lineEnds = [...text.matchAll(/\n/g)].map((m) => m.index);
      sweep(lineEnds.length, (i) => frontEndProblems({ ...TWITTER, [file]: text.slice(0, lineEnds[i]!) }, FOLDER));
    }
  });
});

describe('front end: seeded property runs', () => {
  it('token-level mutations of the Twitter policy set (delete, duplicate, swap, replace, insert)', () => {
    fc.assert(fc.property(mutatedPolicy, mutatedPolicyHolds), { numRuns: 600, seed: 20_191_015 });
  });

  it('hostile characters and literals, alone and as a module', () => {
    fc.assert(fc.property(hostileText, hostileTextHolds), { numRuns: 400, seed: 4_242 });
  });

  it('hostile text spliced into a real policy', () => {
    fc.assert(fc.property(splicedPolicy, splicedPolicyHolds), { numRuns: 400, seed: 7 });
  });
});

describe('front end: bidi overrides, controls and junk', () => {
  it.each([
    ['a bidi override before a keyword', (t: string) => t.replace('redline', '\u202eredline')],
    ['a right-to-left isolate around a name', (t: string) => t.replace('direct_threat', '\u2067direct_threat\u2069')],
    ['every line ending as CR', (t: string) => t.replace(/\n/g, '\r')],
    ['every line ending as CRLF', (t: string) => t.replace(/\n/g, '\r\n')],
    ['NUL bytes between tokens', (t: string) => t.replace(/ /g, ' \u0000')],
    ['a lone surrogate in a string', (t: string) => t.replace('"Promotion', '"\ud800Promotion')],
    ['line and paragraph separators', (t: string) => t.replace(/\n/g, '\u2028')],
    ['a byte order mark on every line', (t: string) => t.replace(/\n/g, '\n\ufeff')],
  ])('%s: diagnostics with spans inside the file', (_, edit) => {
    expect(frontEndProblems({ ...TWITTER, [SUBJECT]: edit(SUBJECT_TEXT) }, SUBJECT)).toEqual([]);
  });
});

describeHugeInputs(HUGE);

describe('front end: huge and deep inputs', () => {
  it('10,000 nested parentheses: BL007, not a stack overflow', () => {
    const { diagnostics } = checkHuge(`${PREAMBLE}rule r when ${'('.repeat(10_000)}post.public_interest${')'.repeat(10_000)} then remove\n`);
    expect(codes(diagnostics)).toContain('BL007');
    expect(diagnostics.find((d) => d.code === 'BL007')!.message).toBe(`expression nested more than ${MAX_NESTING} levels deep`);
  });

  it('10,000 nested braces and 10,000 `not`s: BL007', () => {
    expect(codes(checkHuge(`${PREAMBLE}rule r when post.topic in ${'{'.repeat(10_000)}none${'}'.repeat(10_000)} then remove\n`).diagnostics)).toContain('BL007');
    expect(codes(checkHuge(`${PREAMBLE}rule r when ${'not '.repeat(10_000)}post.public_interest then remove\n`).diagnostics)).toContain('BL007');
  });

  it('just under the nesting limit is fine all the way to a compiled decision', async () => {
    const depth = MAX_NESTING - 1;
    const checked = checkHuge(`${PREAMBLE}rule r when ${'('.repeat(depth)}${'not '.repeat(depth)}post.public_interest${')'.repeat(depth)} then remove because "x"\n`);
    expect(checked.policy).not.toBeNull();
    const decided = decideAll(checked.policy!);
    const compiled = await loadCompiled(checked.policy!);
    expect(compiled.decideUnknown(POST)).toEqual(decided);
  });

  it('a 1 MB string literal', () => {
    const big = 'x'.repeat(1_000_000);
    const checked = checkHuge(`${PREAMBLE}rule r when post.author.handle == "${big}" then remove because "${big}"\n`);
    expect(checked.policy).not.toBeNull();
    expect(decideAll(checked.policy!)).toMatchObject({ ok: true, decision: { action: 'allow' } });
  });

  it('a 1 MB string of escapes, and an unterminated 1 MB string', () => {
    expect(checkHuge(`${PREAMBLE}rule r when post.author.handle == "${'\\u{41}\\n'.repeat(100_000)}" then remove because "x"\n`).policy).not.toBeNull();
    expect(codes(checkHuge(`${PREAMBLE}rule r when post.author.handle == "${'x'.repeat(1_000_000)}`).diagnostics)).toContain('BL003');
  });

  it('100,000 comment lines', () => {
    const checked = checkHuge(`${'// a comment line\n'.repeat(100_000)}${PREAMBLE}rule r when post.public_interest then remove because "x"\n`);
    expect(checked.policy).not.toBeNull();
    expect(checked.diagnostics.filter((d) => d.code !== 'BL401')).toEqual([]);
  });

  it('huge numbers: out of range is BL006, in range works', () => {
    const tooBig = checkHuge(`${PREAMBLE}rule r when post.author.followers > ${'9'.repeat(400)} then remove because "x"\n`);
    expect(codes(tooBig.diagnostics)).toContain('BL006');
    const max = checkHuge(`${PREAMBLE}rule r when post.author.followers < 9_007_199_254_740_991 then remove because "x"\n`);
    expect(max.policy).not.toBeNull();
  });

  it('10,000 unknown names: one error each, with did-you-mean, without quadratic time', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `nope_${i}`).join(' or ');
    const checked = checkHuge(`${PREAMBLE}rule r when ${names} then remove because "x"\n`);
    expect(checked.diagnostics.filter((d) => d.code === 'BL201')).toHaveLength(10_000);
  });

  it(`a chain of contexts up to ${MAX_CONDITION_DEPTH} levels deep works everywhere; one deeper is BL007`, async () => {
    const chain = (links: number) =>
      ['context c0 = post.public_interest', ...Array.from({ length: links }, (_, i) => `context c${i + 1} = c${i} and (post.author.followers > ${i % 7} or not post.author.verified)`)].join('\n');
    // c_i is 2i + 3 levels deep (i ≥ 1): the context's own level, its `and`, and c_{i-1}.
    const deepest = Math.floor((MAX_CONDITION_DEPTH - 3) / 2);
    const ok = checkHuge(`${PREAMBLE}${chain(deepest)}\nrule r when c${deepest} then remove because "x"\n`);
    expect(ok.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const decided = decideAll(ok.policy!);
    const compiled = await loadCompiled(ok.policy!);
    expect(compiled.decideUnknown(POST)).toEqual(decided);
    expect(stringifyDeep(compiled.explain(POST))).toBe(stringifyDeep(explain(ok.policy!, POST)));

    const tooDeep = checkHuge(`${PREAMBLE}${chain(deepest + 1)}\nrule r when c${deepest + 1} then remove because "x"\n`);
    const error = tooDeep.diagnostics.find((d) => d.code === 'BL007')!;
    expect(error.message).toBe(`context \`c${deepest + 1}\` is nested ${2 * (deepest + 1) + 3} levels deep through the contexts it uses, more than ${MAX_CONDITION_DEPTH}`);
    // 10,000 links: the same error, no stack overflow anywhere on the way.
    expect(codes(checkHuge(`${PREAMBLE}${chain(10_000)}\nrule r when c10000 then remove because "x"\n`).diagnostics)).toContain('BL007');
  }, 120_000);

  it(`records nested ${MAX_RECORD_DEPTH} deep work; 10,000 deep is BL007`, () => {
    const records = (depth: number) =>
      `${Array.from({ length: depth }, (_, i) => `record R${i} { next: R${i + 1}, flag: bool }`).join('\n')}\nrecord R${depth} { flag: bool }`;
    const ok = checkHuge(`scale A { allow < remove }\n${records(MAX_RECORD_DEPTH - 1)}\ninput x: R0\ndefault allow\nrule r when x.flag then remove because "x"\n`);
    expect(ok.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const deep = checkHuge(`scale A { allow < remove }\n${records(10_000)}\ninput x: R0\ndefault allow\nrule r when x.flag then remove because "x"\n`);
    expect(codes(deep.diagnostics)).toContain('BL007');
  });

});
