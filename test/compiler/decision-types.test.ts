/**
 * The generated module's `Decision`: a union on `basis` whose `action`, `clause`, `exemption`
 * and `duration` are the names the plan can give with that basis; and input types of a version
 * named after it. Checked three ways: the members as written, every golden decision of the
 * interpreter assigned to the type by tsc, and consumer code that narrows on `basis` (with
 * `@ts-expect-error` lines that fail the build if the types were loose).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { generate } from '../../src/compiler/index.js';
import { versionedName } from '../../src/compiler/names.js';
import { evaluate } from '../../src/interpreter/evaluate.js';
import { checkFiles } from '../support/policies.js';
import { load } from './support.js';
import { typeCheck } from './typescript.js';

const dts = (set: PolicySet) => generate(set, { target: 'js' }).files.find((f) => f.path === 'index.d.ts')!.text;
const ts = (set: PolicySet) => generate(set, { target: 'ts' }).files[0]!.text;

function checked(files: Record<string, string>, root?: string): PolicySet {
  const c = checkFiles(files, root);
  expect(c.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return c.policy!;
}

interface Member {
  readonly [field: string]: string;
}

/** The members of `export type NAME =` as written: field → its type text (docs left out). */
function members(text: string, name: string): Member[] {
  const start = text.indexOf(`export type ${name} =\n`);
  expect(start, `${name} is a union type`).toBeGreaterThanOrEqual(0);
  const body = text.slice(start, text.indexOf(';\n\n', start));
  return body
    .split('\n  | ')
    .slice(1)
    .map((m) => Object.fromEntries([...m.matchAll(/readonly (\w+\??): ([^;\n]+);/g)].map(([, field, type]) => [field!, type!])));
}

const ONE = `policy t
version "one"
scale Action { allow < flag < block }
enum Kind { spam, scam, abuse }
record Msg { kinds: set<Kind>, score: int }
input m: Msg
default allow
redline abuse when m.kinds has abuse then block because "abuse"
rule spam when m.kinds has spam then flag because "spam"
rule scam when m.kinds has scam then block
exemption trusted from scam when m.score < 10 then flag because "trusted"
`;

describe('Decision of a Bylaw 1 set', () => {
  it('is one member per basis, with the actions, clauses and exemptions the plan gives it', () => {
    const set = checked({ 't/p.policy': ONE });
    const common = { version: 'string', because: 'readonly string[]' };
    expect(members(dts(set), 'Decision')).toEqual([
      { action: '"block"', basis: '"redline"', clause: '"abuse"', exemption: 'null', ...common },
      { action: '"flag" | "block"', basis: '"rule"', clause: '"spam" | "scam"', exemption: 'null', ...common },
      { action: '"flag"', basis: '"exemption"', clause: '"scam"', exemption: '"trusted"', ...common },
      { action: '"allow"', basis: '"default"', clause: 'null', exemption: 'null', ...common },
    ]);
  });

  it('has no member for a basis nothing can give', () => {
    const set = checked({ 't/p.policy': ONE.replace(/^(redline|exemption) .*\n/gm, '') });
    expect(members(dts(set), 'Decision').map((m) => m['basis'])).toEqual(['"rule"', '"default"']);
  });

  it('takes every version: names in declaration order, oldest version first', () => {
    const set = load('test/compiler/fixtures/versions');
    const decision = members(dts(set), 'Decision');
    expect(decision.map((m) => [m['basis'], m['clause'], m['exemption']])).toEqual([
      ['"redline"', '"abuse"', 'null'],
      ['"rule"', '"spam" | "young_scam" | "scam"', 'null'],
      ['"exemption"', '"scam"', '"trusted"'],
      ['"default"', 'null', 'null'],
    ]);
  });
});

const TIMED = `policy t
version "one"
scale Content { allow < hide < remove }
scale Account { none < warning < restrict(duration) < suspend(duration) < ban }
outcome content: Content
outcome account: Account
record In { n: int, excused: bool }
input x: In
default allow, none
redline worst when x.n > 100 then remove, ban because "worst"
rule warned when x.n == 1 then hide, warning
rule short when x.n == 2 then hide, restrict for 3 days
rule week when x.n == 3 then remove, restrict for 1 week
rule long when x.n == 4 then remove, suspend for 30 days
exemption excused from short, long when x.excused then hide, warning
`;

describe('each outcome of a Bylaw 2 set', () => {
  it('gives each member that carries a duration its own union member, `duration` required there and never elsewhere', () => {
    const set = checked({ 't/p.policy': TIMED });
    const text = dts(set);
    const because = { because: 'readonly string[]' };
    expect(members(text, 'AccountDecision')).toEqual([
      { action: '"ban"', 'duration?': 'never', basis: '"redline"', clause: '"worst"', exemption: 'null', ...because },
      { action: '"warning"', 'duration?': 'never', basis: '"rule"', clause: '"warned"', exemption: 'null', ...because },
      { action: '"restrict"', duration: '"P3D" | "P1W"', basis: '"rule"', clause: '"short" | "week"', exemption: 'null', ...because },
      { action: '"suspend"', duration: '"P30D"', basis: '"rule"', clause: '"long"', exemption: 'null', ...because },
      { action: '"warning"', 'duration?': 'never', basis: '"exemption"', clause: '"short" | "long"', exemption: '"excused"', ...because },
      { action: '"none"', 'duration?': 'never', basis: '"default"', clause: 'null', exemption: 'null', ...because },
    ]);
    // A scale without durations has no `duration` at all.
    expect(members(text, 'ContentDecision').every((m) => !('duration' in m) && !('duration?' in m))).toBe(true);
  });

  it('orders durations by length, and keeps the unit as written', () => {
    const set = checked({ 't/p.policy': TIMED.replace('restrict for 1 week', 'restrict for 2 hours').replace('restrict for 3 days', 'restrict for 72 hours') });
    expect(members(dts(set), 'AccountDecision').find((m) => m['action'] === '"restrict"')!['duration']).toBe('"PT2H" | "PT72H"');
  });
});

/** `export const c<i>: M.Decision = <the interpreter's decision>;` for every golden case. */
function goldenDecisions(policy: string): { text: string; count: number } {
  const set = load(`policies/${policy}`);
  const { cases } = JSON.parse(readFileSync(`test/golden/${policy}.cases.json`, 'utf8')) as { cases: { input: unknown }[] };
  const lines = cases.map((c, i) => `export const c${i}: M.Decision = ${JSON.stringify(evaluate(set, c.input))};`);
  return { text: [`import type * as M from './${policy}/index.js';`, ...lines, ''].join('\n'), count: cases.length };
}

/** A consumer of policies/twitter (Bylaw 1) and policies/youtube (declared outcomes, durations). */
const CONSUMER = `import { decide, type Decision, type Post } from './twitter/index.js';
import { decide as decideItem, type ChannelDecision, type Item } from './youtube/index.js';

declare const post: Post;
const d: Decision = decide(post);
if (d.basis === 'default') {
  d.clause satisfies null;
  d.exemption satisfies null;
  d.action satisfies 'allow';
} else {
  d.clause satisfies string;
}
// @ts-expect-error before narrowing, clause may be null
d.clause satisfies string;
// @ts-expect-error a default has no clause
if (d.basis === 'default') d.clause satisfies string;
if (d.basis === 'redline') d.exemption satisfies null;
// @ts-expect-error a red line is never exempted
if (d.basis === 'redline') d.exemption satisfies string;
// @ts-expect-error a rule that decided unexempted has no exemption
if (d.basis === 'rule') d.exemption satisfies string;
if (d.basis === 'exemption') d.exemption satisfies 'leaders_not_blocked' | 'newsworthy' | 'public_interest_notice' | 'generally_not_a_violation';
// @ts-expect-error not an exemption of the policy
export const satire = d.basis === 'exemption' && d.exemption === 'satire';
// @ts-expect-error not an action on the scale
export const banned = d.action === 'ban';
// @ts-expect-error harassment is a rule, not a red line
export const redline = d.basis === 'redline' && d.clause === 'harassment';
// @ts-expect-error a red line never gives allow
export const allowed = d.basis === 'redline' && d.action === 'allow';

/** Exhaustive: without a case per basis, noImplicitReturns fails the build. */
export function deciding(x: Decision): string {
  switch (x.basis) {
    case 'redline':
    case 'rule':
      return x.clause;
    case 'exemption':
      return x.clause + ' ' + x.exemption;
    case 'default':
      return x.action;
  }
}

declare const item: Item;
const channel: ChannelDecision = decideItem(item).outcomes.channel;
if (channel.action === 'strike') channel.duration satisfies 'P1W' | 'P2W';
else channel.duration satisfies undefined;
// @ts-expect-error a strike always carries its duration
if (channel.action === 'strike') channel.duration satisfies undefined;
// @ts-expect-error a warning carries none
if (channel.action === 'warning') channel.duration satisfies string;
if (channel.basis === 'default') channel.clause satisfies null;
`;

/** A consumer of a set whose first version is Bylaw 1 and whose second declares outcomes. */
const MIXED_CONSUMER = `import { decide, type Decision, type Post } from './mixed/index.js';

declare const post: Post;
const d: Decision = decide(post);
if ('outcomes' in d) {
  const account = d.outcomes.account;
  if (account.basis === 'rule') account.duration satisfies 'P2D';
  // @ts-expect-error an exempted rule locks nothing
  if (account.basis === 'exemption') account.duration satisfies 'P2D';
} else if (d.basis !== 'default') {
  d.clause satisfies 'spam' | 'repeat';
  // @ts-expect-error a Bylaw 1 decision has no duration
  d.duration;
}
`;

describe('the generated types against decisions and consumers', () => {
  it('every decision the interpreter gives on the golden cases is a Decision of the module, to tsc', () => {
    const files: Record<string, string> = {};
    for (const policy of ['twitter', 'youtube', 'meta']) {
      for (const f of generate(load(`policies/${policy}`), { target: 'js' }).files) files[`${policy}/${f.path}`] = f.text;
      const { text, count } = goldenDecisions(policy);
      expect(count).toBeGreaterThan(10);
      files[`${policy}-golden.ts`] = text;
    }
    expect(typeCheck(files, ['twitter-golden.ts', 'youtube-golden.ts', 'meta-golden.ts'])).toEqual([]);
  });

  it('a decision the policy cannot give does not type-check', () => {
    const files: Record<string, string> = {};
    for (const f of generate(load('policies/youtube'), { target: 'js' }).files) files[`youtube/${f.path}`] = f.text;
    const part = (fields: string) => `{ version: "2023-08-29", outcomes: { content: { action: "allow", basis: "default", clause: null, exemption: null, because: [] }, channel: ${fields} } }`;
    files['wrong.ts'] = [
      `import type * as M from './youtube/index.js';`,
      `export const strikeWithoutDuration: M.Decision = ${part('{ action: "strike", basis: "rule", clause: "first_strike", exemption: null, because: [] }')};`,
      `export const warningWithDuration: M.Decision = ${part('{ action: "warning", duration: "P1W", basis: "rule", clause: "one_time_warning", exemption: null, because: [] }')};`,
      `export const defaultWithClause: M.Decision = ${part('{ action: "none", basis: "default", clause: "first_strike", exemption: null, because: [] }')};`,
      `export const unknownClause: M.Decision = ${part('{ action: "warning", basis: "rule", clause: "no_such_rule", exemption: null, because: [] }')};`,
      `export const ruleWithExemption: M.Decision = ${part('{ action: "warning", basis: "rule", clause: "one_time_warning", exemption: "edsa_context", because: [] }')};`,
      '',
    ].join('\n');
    const errors = typeCheck(files, ['wrong.ts']);
    expect(errors.map((e) => e.split(':')[0] + ':' + e.split(':')[1])).toEqual(['wrong.ts:2', 'wrong.ts:3', 'wrong.ts:4', 'wrong.ts:5', 'wrong.ts:6']);
  });

  it('narrowing on `basis` compiles, and misuse does not (each @ts-expect-error must be an error)', () => {
    const files: Record<string, string> = {};
    for (const policy of ['twitter', 'youtube']) {
      for (const f of generate(load(`policies/${policy}`), { target: 'js' }).files) files[`${policy}/${f.path}`] = f.text;
    }
    files['index.ts'] = CONSUMER;
    files['mixed/index.ts'] = ts(load('test/compiler/fixtures/mixed'));
    files['mixed.ts'] = MIXED_CONSUMER;
    expect(typeCheck(files, ['index.ts', 'mixed.ts'])).toEqual([]);
  });
});

describe('input types of a version', () => {
  it('a record two versions declare differently is named after each version, the shared ones stay bare', () => {
    const text = ts(load('test/compiler/fixtures/versions'));
    expect(text).toContain('export interface Message_v1 {');
    expect(text).toContain('export interface Message_v2 {');
    expect(text).not.toMatch(/^export (interface|type) Message\b(?!_v)/m);
    expect(text).toContain('export type Kind = ');
    expect(text).toContain('export function decide(input: Message_v1 | Message_v2): Decision {');
  });

  const RULES = `scale Action { allow < flag }
default allow
rule flagged when x.flag then flag because "flagged"
`;
  const set = (v1: string, v2: string, names = ['2023-01-01', '2024-06-01']) =>
    checked(
      {
        's/rules.policy': RULES,
        's/v1.policy': `policy s\nversion "${names[0]}"\neffective 2023-01-01\nuse rules\n${v1}input x: Post\n`,
        's/v2.policy': `policy s\nversion "${names[1]}"\neffective 2024-06-01\nuse rules\n${v2}input x: Post\n`,
      },
      's',
    );

  it('renames what a changed record reaches (nested records, enums), never a name already taken, and type-checks', () => {
    const v1 = 'enum Tag { a, b }\nrecord Author { name: string }\nrecord Post_2024_06_01 { n: int }\nrecord Post { date: date, flag: bool, author: Author, tags: set<Tag>, old: Post_2024_06_01 }\n';
    const v2 = 'enum Tag { a, b, c }\nrecord Author { name: string }\nrecord Post { date: date, flag: bool, author: Author, tags: list<Tag> }\n';
    const text = ts(set(v1, v2));
    const declared = [...text.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
    // The policy's own `Post_2024_06_01` (reached first) keeps its name; version 2's Post takes the next free one.
    expect(declared.slice(0, 6)).toEqual(['Action', 'Post_2023_01_01', 'Author', 'Tag_2023_01_01', 'Post_2024_06_01', 'Post_2024_06_01_']);
    expect(declared).toContain('Tag_2024_06_01');
    expect(new Set(declared).size).toBe(declared.length);
    expect(text).toContain('readonly old: Post_2024_06_01;');
    expect(text).toContain('export function decide(input: Post_2023_01_01 | Post_2024_06_01_): Decision {');
    expect(typeCheck({ 'm/index.ts': text }, ['m/index.ts'])).toEqual([]);
    // The same names on every run, from a fresh load.
    expect(ts(set(v1, v2))).toBe(text);
  });

  it('keeps only letters, digits and `_` of a version header in a name', () => {
    expect(versionedName('Post', '2023-02-23')).toBe('Post_2023_02_23');
    expect(versionedName('Post', '1.0 */ beta\u202e\u200d')).toBe('Post_1_0____beta__');
    expect(versionedName('Beitrag', 'größe 2')).toBe('Beitrag_größe_2');
    const s = set('record Post { date: date, flag: bool }\n', 'record Post { date: date, flag: bool, n: int }\n', ['*/ one\u2028', '«two»</script>']);
    const text = ts(s);
    expect(text).toContain('export interface Post____one_ {');
    expect(text).toContain('export interface Post__two___script_ {');
    expect(typeCheck({ 'm/index.ts': text }, ['m/index.ts'])).toEqual([]);
  });
});
