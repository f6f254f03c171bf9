import fc from 'fast-check';
import { planVersion } from '../../src/semantics/plan.js';
import { describe, expect, it } from 'vitest';
import { MAX_CONDITION_DEPTH } from '../../src/checker/checks/contexts.js';
import { MAX_RECORD_DEPTH } from '../../src/checker/resolve-types.js';
import { checkNeverFires, checkShadowedRules } from '../../src/checker/checks/reachability.js';
import type { Condition, PolicySet } from '../../src/checker/program.js';
import { satisfiable } from '../../src/logic/index.js';
import { DiagnosticBag } from '../../src/diagnostics/codes.js';
import { loadCompiled } from '../../src/compiler/load.js';
import { decideUnknown } from '../../src/interpreter/evaluate.js';
import { explain } from '../../src/interpreter/explain.js';
import { stringifyDeep } from '../../src/cli/json.js';
import { MAX_NESTING } from '../../src/syntax/lexer.js';
import { parse } from '../../src/syntax/parse.js';
import {
  compileProblems,
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
import { checkText, codes, outcomeProblems, PREAMBLE, spanProblems } from './support.js';

/**
 * Hostile policies: `check` and `compile` never throw and never hang, and every failure is a
 * diagnostic with a span inside the file. Deterministic sweeps of one real policy (every
 * truncation, every token deleted, every token doubled) plus seeded property runs; the long
 * runs are in frontend.fuzz.test.ts (`npm run fuzz`).
 */

const SUBJECT_TEXT = TWITTER[SUBJECT]!;
const POST = {
  date: '2020-01-01',
  author: { handle: 'someone', role: 'ordinary', verified: true, followers: 5, strikes: 0 },
  target: 'none',
  categories: ['harassment'],
  topic: 'none',
  public_interest: true,
  offline_harm_risk: 'none',
};

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

/** Checks one large or deep file: no crash, spans inside it, and the codes it must produce. */
function checkHuge(text: string) {
  const checked = checkText(text);
  expect(outcomeProblems(checked)).toEqual([]);
  return checked;
}

function decideAll(set: PolicySet) {
  const decided = decideUnknown(set, POST);
  expect(decided.ok).toBe(true);
  const trace = explain(set, POST);
  expect(stringifyDeep(trace).length).toBeGreaterThan(0);
  return decided;
}

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

  it('an `and` of 100,000 operands parses, checks and decides', () => {
    const checked = checkHuge(`${PREAMBLE}rule r when ${Array.from({ length: 100_000 }, () => 'post.public_interest').join(' and ')} then remove because "x"\n`);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(decideAll(checked.policy!)).toMatchObject({ ok: true, decision: { action: 'remove' } });
  }, 120_000);

  it.each(['and', 'or'] as const)('a 100,000-operand `%s` (built directly): checker passes, satisfiability, interpreter, explain and compiler', (op) => {
    const base = checkText(`${PREAMBLE}context big = post.public_interest\nrule r when big then remove because "x"\nredline l when post.author.followers > 10 then remove because "y"\n`);
    const program = base.policy!.versions[0]!;
    const leaf = program.contexts[0]!.body;
    const span = leaf.span;
    const operands: Condition[] = Array.from({ length: 100_000 }, (_, i): Condition =>
      i % 2
        ? { kind: 'compare', op: '!=', left: { kind: 'field', root: null, path: ['author', 'followers'], type: { kind: 'int', min: 0, max: null }, span }, right: { kind: 'literal', value: i, type: { kind: 'int', min: null, max: null }, span }, span }
        : { kind: 'not', operand: { kind: 'not', operand: leaf, span }, span },
    );
    const big: Condition = { kind: op, operands, span };
    const set: PolicySet = { ...base.policy!, versions: [{ ...program, contexts: [{ ...program.contexts[0]!, body: big }] }] };
    const bag = new DiagnosticBag();
    const contexts = new Map([['big', big]]);
    const clauses = [...set.versions[0]!.redlines, ...set.versions[0]!.rules];
    checkNeverFires(clauses, contexts, bag);
    checkShadowedRules(planVersion(set.versions[0]!), contexts, bag);
    expect(['satisfiable', 'unknown']).toContain(satisfiable(big, contexts));
    // POST has 5 followers: `followers != 5` is the one false operand.
    expect(decideAll(set)).toMatchObject({ ok: true, decision: { action: op === 'and' ? 'allow' : 'remove' } });
    if (op === 'and') expect(compileProblems(set, ['js'])).toEqual([]);
  }, 120_000);

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

  it('a set literal of 100,000 members', () => {
    const members = Array.from({ length: 100_000 }, (_, i) => i).join(', ');
    const checked = checkHuge(`${PREAMBLE}rule r when post.author.followers in {${members}} then remove because "x"\n`);
    expect(checked.policy).not.toBeNull();
    expect(decideAll(checked.policy!)).toMatchObject({ ok: true, decision: { action: 'remove' } });
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

  it('parse() alone on 200,000 of each hostile character', () => {
    for (const char of ['\u202e', '\u0000', '"', '(', '{', '\\', '/', '\n', 'a', '9', '-', '\ud800']) {
      const text = char.repeat(200_000);
      const result = parse(text, 'x.policy');
      expect(spanProblems(result.diagnostics, new Map([['x.policy', text]]))).toEqual([]);
    }
  });
});
