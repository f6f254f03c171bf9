/**
 * The generated module as text (Sucrase habit: test the text and the behaviour): snapshots of
 * a small policy set, determinism, no imports or eval, and a strict TypeScript build of every
 * fixture (and of a consumer of the JavaScript target's .d.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/compiler/index.js';
import { load } from './support.js';
import { templateLiterals, typeCheck } from './typescript.js';

const SMALL = 'test/compiler/fixtures/small';
const ALL = [
  'policies/twitter',
  SMALL,
  'test/compiler/fixtures/ties.policy',
  'test/compiler/fixtures/contexts.policy',
  'test/compiler/fixtures/names.policy',
  'test/compiler/fixtures/versions',
];

const text = (path: string, target: 'ts' | 'js', file = target === 'ts' ? 'index.ts' : 'index.js') =>
  generate(load(path), { target }).files.find((f) => f.path === file)!.text;

describe('generated text', () => {
  it('matches the snapshot: TypeScript', async () => {
    await expect(text(SMALL, 'ts')).toMatchFileSnapshot('__snapshots__/small.index.ts.snap');
  });

  it('matches the snapshot: JavaScript and its declarations', async () => {
    await expect(text(SMALL, 'js')).toMatchFileSnapshot('__snapshots__/small.index.js.snap');
    await expect(text(SMALL, 'js', 'index.d.ts')).toMatchFileSnapshot('__snapshots__/small.index.d.ts.snap');
  });

  it('names its files: index.ts, or index.js with index.d.ts', () => {
    const set = load(SMALL);
    expect(generate(set, { target: 'ts' }).files.map((f) => f.path)).toEqual(['index.ts']);
    expect(generate(set, { target: 'js' }).files.map((f) => f.path)).toEqual(['index.js', 'index.d.ts']);
  });

  it('is byte-identical on every run (same set twice, and a fresh load)', () => {
    for (const path of ALL) {
      const set = load(path);
      for (const target of ['ts', 'js'] as const) {
        const first = generate(set, { target });
        expect(generate(set, { target })).toEqual(first);
        expect(generate(load(path), { target })).toEqual(first);
      }
    }
  });

  it('imports nothing and never evaluates code', () => {
    for (const path of ALL) {
      for (const generated of [text(path, 'ts'), text(path, 'js')]) {
        // Comments may say "no eval"; the code may not do it.
        const code = generated
          .split('\n')
          .filter((l) => !/^\s*(\/\/|\/\*\*|\*)/.test(l))
          .join('\n');
        expect(code).not.toMatch(/^\s*import\b|\brequire\(|\bimport\(/m);
        expect(code).not.toMatch(/\beval\b|\bnew Function\b|\bFunction\(/);
        // No template literals at all: every policy string is a JSON-escaped "…" literal.
        expect(templateLiterals(code)).toBe(0);
      }
    }
  });

  it('keeps TypeScript out of the JavaScript target', () => {
    for (const path of ALL) {
      const js = text(path, 'js');
      expect(js).not.toMatch(/[«»]/);
      expect(js).not.toMatch(/^\s*(export )?(interface|type) /m);
      expect(js).not.toMatch(/ as (string|number|boolean)\b/);
    }
  });

  it('type-checks under strict TypeScript (and the .d.ts serves a consumer)', () => {
    const files: Record<string, string> = {};
    const roots: string[] = [];
    ALL.forEach((path, i) => {
      files[`ts${i}/index.ts`] = text(path, 'ts');
      roots.push(`ts${i}/index.ts`);
      for (const f of generate(load(path), { target: 'js' }).files) files[`js${i}/${f.path}`] = f.text;
    });
    // A consumer of the twitter module's JavaScript target, through its .d.ts.
    files['consumer.ts'] = `import { decide, explain, validate, decideUnknown, NoVersionInForceError, VERSIONS, type Post, type Decision, type Action } from './js0/index.js';
const post: Post = {
  date: '2019-11-01',
  author: { handle: 'a', role: 'world_leader', verified: true, followers: 1, strikes: 0 },
  target: 'none',
  categories: ['hateful_conduct'],
  topic: 'none',
  public_interest: false,
  offline_harm_risk: 'none',
};
const d: Decision = decide(post);
const a: Action = d.action;
const checked = validate(JSON.parse('{}') as unknown);
const first: Post | null = checked.ok ? checked.value : null;
const r = decideUnknown(null);
const why: readonly string[] = r.ok ? r.decision.because : r.errors.map((e) => e.path + e.message);
export const all = [a, first, why, explain(post).clauses.length, VERSIONS.length, new NoVersionInForceError('a', 'b').date];
`;
    roots.push('consumer.ts');
    // The module's policy-specific types are the runtime's general shapes (what the interpreter returns), narrowed.
    for (const name of ['types', 'validate', 'dates', 'suggest']) files[`runtime/${name}.ts`] = readFileSync(`src/runtime/${name}.ts`, 'utf8');
    files['shapes.ts'] = `import type * as M from './ts0/index.js';
import type * as R from './runtime/types.js';
type Is<A extends B, B> = A;
export type Checks = [Is<M.Decision, R.Decision>, Is<M.ClauseTrace, R.ClauseTrace>, Is<M.Explanation, R.Explanation>, Is<M.DecideResult, R.DecideResult>, Is<R.SourceRef, M.SourceRef>, Is<R.ConditionTrace, M.ConditionTrace>];
`;
    roots.push('shapes.ts');
    expect(typeCheck(files, roots)).toEqual([]);
  });
});
