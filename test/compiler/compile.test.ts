/**
 * The generated module as text (Sucrase habit: test the text and the behaviour): snapshots of
 * a small policy set, determinism, no imports or eval, and a strict TypeScript build of every
 * fixture (and of a consumer of the JavaScript target's .d.ts).
 */
import { createHash } from 'node:crypto';
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
  // Bylaw 2: declared outcomes, durations, lists, quantifiers, optional fields.
  'policies/youtube',
  'policies/meta',
  'test/compiler/fixtures/history',
  'test/compiler/fixtures/mixed',
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
    // From plain JavaScript any string can come: an unknown target is refused, not compiled to JavaScript.
    expect(() => generate(set, { target: 'py' as 'ts' })).toThrow(new RangeError('unknown target "py": use ts or js (generateSql for SQL)'));
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

  it('gives a Bylaw 1 policy set the very JavaScript it gave before Bylaw 2, and pins its .d.ts', () => {
    // sha256 of policies/twitter compiled by the compiler before declared outcomes, lists and
    // quantifiers existed: a version that uses none of them must not change at all. The .d.ts
    // changed once since, on purpose: `Decision` became a union on `basis` with the policy's names.
    // Its `statement` declarations (statements of reasons) add functions, so they are left out here.
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const twitter = load('policies/twitter');
    const bare = { ...twitter, versions: twitter.versions.map(({ exportMapping: _, ...v }) => v) };
    const [js, dts] = generate(bare, { target: 'js' }).files;
    expect(sha(js!.text)).toBe('ba1e339568a870664d009ae26f50f4222de527c476bf8d8c1986e95ea0ec0809');
    expect(sha(dts!.text)).toBe('a0004c5e58661f5859900cd8b1e43fe768508c8399de71837b296a41ffce22f5');
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
    // A consumer of the YouTube module (declared outcomes): each outcome narrows on `basis`.
    const youtube = ALL.indexOf('policies/youtube');
    files['outcomes.ts'] = `import { decide, explain, type Item, type Decision, type ContentDecision, type ChannelDecision, type Channel } from './js${youtube}/index.js';
const item: Item = {
  date: '2023-09-01',
  kind: 'video',
  policies: ['harassment'],
  severity: 'standard',
  channel: { warnings: [{ date: '2023-01-01', policy: 'harassment', training_completed: null }], strikes: [] },
};
const d: Decision = decide(item);
const content: ContentDecision = d.outcomes.content;
const channel: ChannelDecision = d.outcomes.channel;
let clause: string | null = null;
if (channel.basis !== 'default') clause = channel.clause;
// @ts-expect-error a default has no clause
if (channel.basis === 'default') clause = channel.clause.toUpperCase();
const action: Channel = channel.action;
// @ts-expect-error no such action on the channel's scale
const wrong: Channel = 'remove';
const weeks: 'P1W' | 'P2W' | undefined = channel.basis === 'rule' ? channel.duration : undefined;
const exemption: 'edsa_context' | null = content.exemption;
// @ts-expect-error the list is read-only
item.channel.strikes.push({ date: '2023-01-01', policy: 'spam_deceptive' });
const matched = explain(item).clauses.flatMap((c) => c.quantifiers ?? []).map((q) => q.matched.length);
export const all = [clause, action, wrong, weeks, exemption, matched];
`;
    roots.push('outcomes.ts');
    // The module's policy-specific types are the runtime's general shapes (what the interpreter returns), narrowed.
    for (const name of ['types', 'validate', 'dates', 'suggest']) files[`runtime/${name}.ts`] = readFileSync(`src/runtime/${name}.ts`, 'utf8');
    files['shapes.ts'] = `import type * as M from './ts0/index.js';
import type * as R from './runtime/types.js';
type Is<A extends B, B> = A;
export type Checks = [Is<M.Decision, R.Decision>, Is<M.ClauseTrace, R.ClauseTrace>, Is<M.Explanation, R.Explanation>, Is<M.DecideResult, R.DecideResult>, Is<R.SourceRef, M.SourceRef>, Is<R.ConditionTrace, M.ConditionTrace>];
`;
    // The same for a module with declared outcomes: its narrow types are the runtime's shapes.
    files['outcome-shapes.ts'] = `import type * as M from './ts${ALL.indexOf('policies/meta')}/index.js';
import type * as R from './runtime/types.js';
type Is<A extends B, B> = A;
export type Checks = [Is<M.Decision, R.OutcomesDecision>, Is<M.ContentDecision, R.OutcomeDecision>, Is<M.AccountDecision, R.OutcomeDecision>, Is<M.ClauseTrace, R.ClauseTrace>, Is<M.Explanation, R.Explanation>, Is<M.DecideResult, R.DecideResult>];
`;
    roots.push('outcome-shapes.ts');
    roots.push('shapes.ts');
    expect(typeCheck(files, roots)).toEqual([]);
  });
});
