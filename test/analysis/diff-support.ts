import fc from 'fast-check';
import { expect } from 'vitest';
import { describeOutcome, exampleFor, type SemanticDiff, type Side } from '../../src/analysis/diff.js';
import { check } from '../../src/analysis/diff-examples.js';
import type { PolicySet } from '../../src/checker/program.js';
import { loadCompiled } from '../../src/compiler/load.js';
import { outcomeParts, type AnyDecision } from '../../src/semantics/decision.js';
import { checkFiles } from '../support/policies.js';

/** Shared by the diff tests: fixtures, and brute force over every point of a diff's cut model. */

export const PREAMBLE = 'use moderation\ninput post: Post\ndefault allow\n';

export function policy(body: string, file = 'fixture/policy.policy', preamble = PREAMBLE): PolicySet {
  const checked = checkFiles({ [file]: preamble + body });
  expect(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return checked.policy!;
}

export const BASE = `
redline threat
  when post.categories has violent_threat and post.target == individual
  then remove
  because "threat"

rule harassment
  when post.categories has harassment and post.author.followers > 100_000
  then remove
  because "harassment"

rule violent_threat
  when post.categories has violent_threat
  then remove
  because "vt"

exemption leaders
  from violent_threat
  when post.author.verified
  then allow
  because "leaders"
`;

/** Region texts with their transitions and points, for exact comparisons. */
export function summary(diff: SemanticDiff): string[] {
  return diff.regions.map((r) => `${describeOutcome(r.before)} → ${describeOutcome(r.after)}: ${r.text} [${r.points}]`);
}

/** Every point of the model, as class indices. */
export function* points(diff: SemanticDiff): Generator<number[]> {
  const sizes = diff.model.vars.map((v) => v.classes.length);
  const total = sizes.reduce((a, b) => a * b, 1);
  const point = sizes.map(() => 0);
  for (let i = 0; i < total; i++) {
    let rest = i;
    for (let k = sizes.length - 1; k >= 0; k--) {
      point[k] = rest % sizes[k]!;
      rest = Math.floor(rest / sizes[k]!);
    }
    yield point;
  }
}

export const inCube = (cube: readonly string[], point: readonly number[]) => cube.every((mask, v) => mask[point[v]!] === '1');

/** What the interpreter does on a side, as the diff names a transition's side (action and basis). */
export function sideOf(set: PolicySet, input: unknown, outcome?: string): Side {
  const v = check(set, input, outcome).verdict;
  return v === null || typeof v === 'string' ? v : { ...v, clause: null, exemption: null };
}

/** The transition the interpreter gives a point, or null when nothing changes (as the diff counts it). */
export function transitionAt(diff: SemanticDiff, before: PolicySet, after: PolicySet, point: readonly number[]): string | null {
  const b = sideOf(before, exampleFor(diff.model, point, before));
  const a = sideOf(after, exampleFor(diff.model, point, after));
  const undecided = (s: Side) => s === null || s === 'rejected';
  if (undecided(b) && undecided(a)) return null;
  const name = (s: Side, other: Side) => (other === 'rejected' ? 'decided' : describeOutcome(s));
  const text = `${name(b, a)} → ${name(a, b)}`;
  return describeOutcome(b) === describeOutcome(a) ? null : text;
}

/**
 * Brute force over the cut model: every point, decided by the interpreter on both sides. The
 * set of points whose action or basis changes (or that one side rejects and the other decides)
 * must be exactly the union of the regions, and their number the diff's count, per transition too.
 */
export function bruteForce(diff: SemanticDiff, before: PolicySet, after: PolicySet): void {
  let total = 0n;
  let changed = 0n;
  const perTransition = new Map<string, number>();
  for (const point of points(diff)) {
    total++;
    const t = transitionAt(diff, before, after, point);
    const inRegion = diff.regions.some((r) => inCube(r.cube, point));
    expect(inRegion, `point ${point.join(',')}: ${t}`).toBe(t !== null);
    if (t === null) continue;
    changed++;
    perTransition.set(t, (perTransition.get(t) ?? 0) + 1);
  }
  expect(total).toBe(diff.totalPoints);
  expect(changed).toBe(diff.changedPoints);
  expect(new Map(diff.transitions.map((t) => [`${describeOutcome(t.before)} → ${describeOutcome(t.after)}`, Number(t.points)]))).toEqual(perTransition);
}

/** Every example is an input that really gets the region's before and after, from the interpreter and from the compiled modules. */
export async function checkExamples(diff: SemanticDiff, before: PolicySet, after: PolicySet): Promise<void> {
  const compiled = await Promise.all([loadCompiled(before), loadCompiled(after)]);
  const outcome = (ok: boolean, decision: AnyDecision | undefined, rejected: boolean) =>
    ok ? outcomeParts(decision!).map(({ part }) => `${part.action} (${part.basis})`).join(', ') : rejected ? 'rejected' : 'no version in force';
  for (const r of diff.regions) {
    expect(r.verified).toBe(true);
    const expected = (s: Side, other: Side) => (s === 'decided' ? (other === 'rejected' ? 'decided' : '?') : describeOutcome(s));
    const seen = (text: string, s: Side) => (s === 'decided' && text !== 'rejected' && text !== 'no version in force' ? 'decided' : text);
    for (const [i, set] of [before, after].entries()) {
      const input = i === 0 ? (r.exampleBefore ?? r.example) : r.example;
      const side = i === 0 ? r.before : r.after;
      const other = i === 0 ? r.after : r.before;
      const interpreted = check(set, input);
      const byInterpreter = outcome(interpreted.decision !== null, interpreted.decision ?? undefined, interpreted.verdict === 'rejected');
      const result = compiled[i]!.decideUnknown(input);
      const byModule = outcome(result.ok, result.ok ? result.decision : undefined, !result.ok && interpreted.verdict === 'rejected');
      expect(seen(byInterpreter, side)).toBe(expected(side, other));
      expect(seen(byModule, side)).toBe(expected(side, other));
      const listed = (i === 0 ? r.outcomesBefore : r.outcomesAfter).map(describeOutcome);
      if (interpreted.decision) expect(listed).toContain(describeOutcome(interpreted.verdict));
    }
  }
}

const CATEGORIES = ['violent_threat', 'harassment', 'hateful_conduct'];

/** Random tests over a few fields of Post (with `ctx` when a context by that name is declared). */
function atomOf(withContext: boolean): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...CATEGORIES).map((c) => `post.categories has ${c}`),
    fc.constantFrom('world_leader', 'candidate', 'ordinary').map((r) => `post.author.role == ${r}`),
    fc.constant('post.author.role in {world_leader, government_official}'),
    fc.constantFrom(10, 1000, 100_000).chain((n) => fc.constantFrom(`post.author.followers > ${n}`, `post.author.followers <= ${n}`, `post.author.followers == ${n}`)),
    fc.constant('post.author.verified'),
    fc.constant('post.target != none'),
    fc.constant('post.date >= 2020-06-01'),
    ...(withContext ? [fc.constant('ctx')] : []),
  );
}

export function conditionArb(withContext = false): fc.Arbitrary<string> {
  const atom = atomOf(withContext);
  return fc.letrec((tie) => ({
    node: fc.oneof(
      { weight: 3, arbitrary: atom },
      { weight: 1, arbitrary: fc.tuple(tie('node'), tie('node')).map(([a, b]) => `(${a} and ${b})`) },
      { weight: 1, arbitrary: fc.tuple(tie('node'), tie('node')).map(([a, b]) => `(${a} or ${b})`) },
      { weight: 1, arbitrary: tie('node').map((a) => `not (${a})`) },
    ),
  })).node as fc.Arbitrary<string>;
}

export function clauseArb(kind: string, name: string, actions: readonly string[], withContext = false, from?: readonly string[]): fc.Arbitrary<string> {
  const condition = conditionArb(withContext);
  return fc
    .tuple(condition, fc.constantFrom(...actions), fc.option(condition, { nil: undefined }), from ? fc.subarray([...from], { minLength: 1 }) : fc.constant([]))
    .map(
      ([when, action, unless, rules]) =>
        `${kind} ${name}\n${rules.length > 0 ? `  from ${rules.join(', ')}\n` : ''}  when ${when}\n${unless ? `  unless ${unless}\n` : ''}  then ${action}\n  because "${name}"\n`,
    );
}

const REDLINE_ACTIONS = ['notice', 'remove', 'suspend'];
const RULE_ACTIONS = ['remove', 'lock', 'suspend'];
const EXEMPTION_ACTIONS = ['allow', 'notice'];

/** A random policy body: 0–2 red lines, 1–3 rules, 0–2 exemptions (of those rules). */
export const policyBody: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 }))
  .chain(([redlines, rules, exemptions]) => {
    const ruleNames = Array.from({ length: rules }, (_, k) => `rule_${k}`);
    return fc.tuple(
      fc.tuple(...Array.from({ length: redlines }, (_, i) => clauseArb('redline', `red_${i}`, REDLINE_ACTIONS))),
      fc.tuple(...ruleNames.map((n) => clauseArb('rule', n, RULE_ACTIONS))),
      fc.tuple(...Array.from({ length: exemptions }, (_, i) => clauseArb('exemption', `ex_${i}`, EXEMPTION_ACTIONS, false, ruleNames))),
    );
  })
  .map(([r, u, e]) => [...r, ...u, ...e].join('\n'));

/**
 * A policy and an edited copy: the same clauses, each kept (mostly), rewritten, dropped (red
 * lines and exemptions) or added, and a context `ctx` some conditions read, kept or rewritten.
 */
export const editedPair: fc.Arbitrary<[string, string]> = fc
  .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 2 }))
  .chain(([redlines, rules, exemptions]) => {
    const ruleNames = Array.from({ length: rules }, (_, k) => `rule_${k}`);
    // Each slot: [before, after]; null where the clause is absent on that side.
    const slot = (arb: fc.Arbitrary<string>, droppable: boolean) =>
      fc.tuple(arb, arb, fc.constantFrom(...(droppable ? ['keep', 'keep', 'edit', 'drop', 'add'] : ['keep', 'keep', 'edit']))).map(([a, b, how]): [string | null, string | null] =>
        how === 'keep' ? [a, a] : how === 'edit' ? [a, b] : how === 'drop' ? [a, null] : [null, b],
      );
    return fc.tuple(
      fc.tuple(conditionArb(), conditionArb(), fc.boolean()),
      fc.tuple(...Array.from({ length: redlines }, (_, i) => slot(clauseArb('redline', `red_${i}`, REDLINE_ACTIONS, true), true))),
      fc.tuple(...ruleNames.map((n) => slot(clauseArb('rule', n, RULE_ACTIONS, true), false))),
      fc.tuple(...Array.from({ length: exemptions }, (_, i) => slot(clauseArb('exemption', `ex_${i}`, EXEMPTION_ACTIONS, true, ruleNames), true))),
    );
  })
  .map(([[ctxA, ctxB, same], ...lists]) => {
    const side = (k: 0 | 1, ctx: string) => [`context ctx = ${ctx}\n`, ...lists.flat().map((pair) => pair[k]).filter((c): c is string => c !== null)].join('\n');
    return [side(0, ctxA), side(1, same ? ctxA : ctxB)];
  });
