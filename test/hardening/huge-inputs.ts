import { describe, expect, it } from 'vitest';
import { checkNeverFires, checkShadowedRules } from '../../src/checker/checks/reachability.js';
import type { Condition, PolicySet } from '../../src/checker/program.js';
import { stringifyDeep } from '../../src/cli/json.js';
import { DiagnosticBag } from '../../src/diagnostics/codes.js';
import { decideUnknown } from '../../src/interpreter/evaluate.js';
import { explain } from '../../src/interpreter/explain.js';
import { satisfiable } from '../../src/logic/index.js';
import { planVersion } from '../../src/semantics/plan.js';
import { parse } from '../../src/syntax/parse.js';
import { compileProblems } from './frontend-properties.js';
import { checkText, outcomeProblems, PREAMBLE, spanProblems } from './support.js';

/**
 * Inputs wide enough that handling them with one stack frame per operand (or member, or
 * character) would overflow the stack: shared by frontend.test.ts (`npm test`, at 25,000, over
 * twice the stack's depth) and frontend.fuzz.test.ts (`npm run fuzz`, at 100,000).
 */

export const POST = {
  date: '2020-01-01',
  author: { handle: 'someone', role: 'ordinary', verified: true, followers: 5, strikes: 0 },
  target: 'none',
  categories: ['harassment'],
  topic: 'none',
  public_interest: true,
  offline_harm_risk: 'none',
};

/** Checks one large or deep file: no crash, spans inside it, and the codes it must produce. */
export function checkHuge(text: string) {
  const checked = checkText(text);
  expect(outcomeProblems(checked)).toEqual([]);
  return checked;
}

/** Decides and explains POST; the decision must be a verdict. */
export function decideAll(set: PolicySet) {
  const decided = decideUnknown(set, POST);
  expect(decided.ok).toBe(true);
  const trace = explain(set, POST);
  expect(stringifyDeep(trace).length).toBeGreaterThan(0);
  return decided;
}

/** The deepest plain recursion the stack holds here (one minimal frame per level). */
function stackDepth(): number {
  let depth = 0;
  const down = (): number => {
    depth++;
    return down() + 1;
  };
  try {
    down();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return depth;
}

/** The front end on `size` operands and members (and twice as many characters). */
export function describeHugeInputs(size: number): void {
  const n = size.toLocaleString('en-US');

  describe(`front end: huge inputs (${n} operands)`, () => {
    it(`${n} is past the stack: a pass recursing once per operand would overflow`, () => {
      expect(stackDepth()).toBeLessThan(size);
    });

    it(`an \`and\` of ${n} operands parses, checks and decides`, () => {
      const checked = checkHuge(`${PREAMBLE}rule r when ${Array.from({ length: size }, () => 'post.public_interest').join(' and ')} then remove because "x"\n`);
      expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(decideAll(checked.policy!)).toMatchObject({ ok: true, decision: { action: 'remove' } });
    }, 120_000);

    it.each(['and', 'or'] as const)(`a ${n}-operand \`%s\` (built directly): checker passes, satisfiability, interpreter, explain and compiler`, (op) => {
      const base = checkText(`${PREAMBLE}context big = post.public_interest\nrule r when big then remove because "x"\nredline l when post.author.followers > 10 then remove because "y"\n`);
      const program = base.policy!.versions[0]!;
      const leaf = program.contexts[0]!.body;
      const span = leaf.span;
      const operands: Condition[] = Array.from({ length: size }, (_, i): Condition =>
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

    it(`a set literal of ${n} members`, () => {
      const members = Array.from({ length: size }, (_, i) => i).join(', ');
      const checked = checkHuge(`${PREAMBLE}rule r when post.author.followers in {${members}} then remove because "x"\n`);
      expect(checked.policy).not.toBeNull();
      expect(decideAll(checked.policy!)).toMatchObject({ ok: true, decision: { action: 'remove' } });
    });

    it(`parse() alone on ${(2 * size).toLocaleString('en-US')} of each hostile character`, () => {
      for (const char of ['\u202e', '\u0000', '"', '(', '{', '\\', '/', '\n', 'a', '9', '-', '\ud800']) {
        const text = char.repeat(2 * size);
        const result = parse(text, 'x.policy');
        expect(spanProblems(result.diagnostics, new Map([['x.policy', text]]))).toEqual([]);
      }
    });
  });
}
