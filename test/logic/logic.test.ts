/**
 * The logic engine on its own: the cut model's classes, diagram operations against brute force
 * over every point, counts, cubes and their merging, and satisfiability.
 */
import { describe, expect, it } from 'vitest';
import type { Condition, PolicySet } from '../../src/checker/program.js';
import {
  cubePoints,
  DecisionDiagrams,
  mergeCubes,
  ModelBuilder,
  representative,
  satisfiable,
  implies,
  type FiniteModel,
} from '../../src/logic/index.js';
import { ConditionEvaluator } from '../../src/interpreter/conditions.js';
import { compilePolicy } from '../support/policies.js';

/** The contexts of a one-version policy, and its clauses' `when` conditions by name. */
function conditionsOf(body: string): { set: PolicySet; contexts: Map<string, Condition>; when: Map<string, Condition> } {
  const set = compilePolicy(body);
  const p = set.versions[0]!;
  return {
    set,
    contexts: new Map(p.contexts.map((c) => [c.name, c.body])),
    when: new Map([...p.redlines, ...p.rules, ...p.exemptions].map((c) => [c.name, c.when])),
  };
}

/** Every point of a model as a class index per variable. */
function* points(model: FiniteModel): Generator<number[]> {
  const sizes = model.vars.map((v) => v.classes.length);
  const point = sizes.map(() => 0);
  for (;;) {
    yield [...point];
    let v = 0;
    while (v < sizes.length && ++point[v]! === sizes[v]) point[v++] = 0;
    if (v === sizes.length) return;
  }
}

/** An input (of the stdlib Post) whose fields take the representatives of a point. */
function inputAt(model: FiniteModel, point: readonly number[]): Record<string, unknown> {
  const input: Record<string, unknown> = {
    date: '2020-01-01',
    author: { handle: 'h', role: 'ordinary', verified: false, followers: 0, strikes: 0 },
    target: 'none',
    categories: [] as string[],
    topic: 'none',
    public_interest: false,
    offline_harm_risk: 'none',
  };
  model.vars.forEach((v, i) => {
    const value = representative(v, point[i]!);
    if (v.kind === 'member') {
      if (value === true) (input['categories'] as string[]).push(v.member!);
      return;
    }
    let target = input;
    for (const key of v.path.slice(0, -1)) target = target[key] as Record<string, unknown>;
    target[v.path[v.path.length - 1]!] = value;
  });
  return input;
}

const BODY = `
context notable = post.author.followers > 100_000 and post.author.verified
rule a when post.categories has hateful_conduct and post.author.strikes >= 2 then remove because "a"
rule b when notable or post.target in {individual, group} then notice because "b"
rule c when not (post.author.role == world_leader) and post.date < 2019-06-27 then lock because "c"
`;

describe('the cut model', () => {
  it('cuts each ordered field at its literals and classes enums by the members named', () => {
    const { contexts, when } = conditionsOf(BODY);
    const builder = new ModelBuilder();
    for (const c of when.values()) builder.addCondition(c, contexts);
    const model = builder.build();
    const followers = model.byKey.get('author.followers')!;
    expect(followers.classes).toEqual([
      { kind: 'range', lo: 0, hi: 100_000 },
      { kind: 'range', lo: 100_001, hi: Number.MAX_SAFE_INTEGER },
    ]);
    const strikes = model.byKey.get('author.strikes')!;
    expect(strikes.classes.map((k) => (k as { lo: number }).lo)).toEqual([0, 2]);
    const role = model.byKey.get('author.role')!;
    expect(role.classes).toHaveLength(2);
    expect(model.byKey.get('categories#hateful_conduct')!.kind).toBe('member');
    expect(model.exact).toBe(true);
  });
});

describe('decision diagrams', () => {
  it('agree with the interpreter on every point, for and/or/not/count', () => {
    const { set, contexts, when } = conditionsOf(BODY);
    const builder = new ModelBuilder();
    for (const c of when.values()) builder.addCondition(c, contexts);
    const model = builder.build();
    const dd = new DecisionDiagrams(model);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => dd.condition(when.get(n)!, contexts)) as [number, number, number];
    const combos = { a, b, c, 'a and b': dd.and(a, b), 'a or c': dd.or(a, c), 'not b': dd.not(b), 'b and not c': dd.and(b, dd.not(c)) };
    const evaluate = (name: string, input: Record<string, unknown>): boolean => {
      const ev = new ConditionEvaluator(input, contexts);
      const v = (n: string) => ev.evaluate(when.get(n)!);
      switch (name) {
        case 'a and b':
          return v('a') && v('b');
        case 'a or c':
          return v('a') || v('c');
        case 'not b':
          return !v('b');
        case 'b and not c':
          return v('b') && !v('c');
        default:
          return v(name);
      }
    };
    let checked = 0;
    for (const [name, f] of Object.entries(combos)) {
      let count = 0n;
      for (const point of points(model)) {
        const truth = evaluate(name, inputAt(model, point));
        expect(dd.evaluate(f, point) === DecisionDiagrams.TRUE, `${name} at ${point.join(',')}`).toBe(truth);
        if (truth) count++;
        checked++;
      }
      expect(dd.count(f, (t) => t === DecisionDiagrams.TRUE)).toBe(count);
    }
    expect(set.versions).toHaveLength(1);
    expect(checked).toBeGreaterThan(100);
  });

  it('gives disjoint cubes covering exactly the points of a terminal', () => {
    const { contexts, when } = conditionsOf(BODY);
    const model = new ModelBuilder().addCondition(when.get('b')!, contexts).build();
    const dd = new DecisionDiagrams(model);
    const f = dd.condition(when.get('b')!, contexts);
    const cubes = dd.cubes(f, (t) => t === DecisionDiagrams.TRUE).get(DecisionDiagrams.TRUE)!;
    const total = cubes.reduce((sum, cube) => sum + cubePoints(cube), 0n);
    expect(total).toBe(dd.count(f, (t) => t === DecisionDiagrams.TRUE));
    const merged = mergeCubes(cubes);
    expect(merged.length).toBeLessThanOrEqual(cubes.length);
    expect(merged.reduce((sum, cube) => sum + cubePoints(cube), 0n)).toBe(total);
  });
});

describe('satisfiability', () => {
  it('finds contradictions and implications', () => {
    const { contexts, when } = conditionsOf(`
rule x when post.author.strikes > 3 and post.author.strikes < 2 then remove because "x"
rule y when post.author.strikes > 3 then remove because "y"
rule z when post.author.strikes >= 1 then remove because "z"
`);
    expect(satisfiable(when.get('x')!, contexts)).toBe('unsatisfiable');
    expect(satisfiable(when.get('y')!, contexts)).toBe('satisfiable');
    expect(implies(when.get('y')!, when.get('z')!, contexts)).toBe(true);
    expect(implies(when.get('z')!, when.get('y')!, contexts)).toBe(false);
  });
});
