import { describe, expect, it } from 'vitest';
import { describeOutcome, semanticDiff, undated, type SemanticDiff } from '../../src/analysis/diff.js';
import type { PolicySet } from '../../src/checker/program.js';
import { check } from '../../src/analysis/diff-examples.js';
import { checkFiles } from '../support/policies.js';
import { BASE, PREAMBLE, bruteForce, checkExamples, policy, summary } from './diff-support.js';

/**
 * A change of the input type changes which inputs are decided at all: the diff reports it as
 * regions `rejected → decided` / `decided → rejected` (values one side's type accepts and the
 * other's does not) and, for a change of the record's shape, as a type change with examples.
 */

const types = (role = 'ordinary, leader', tag = 'spam, abuse', followers = 'int(0..)', extra = '') => `scale Action { allow < notice < remove }
enum Role { ${role} }
enum Tag { ${tag} }
record Author { role: Role, followers: ${followers} }
record Post { date: date, author: Author, flagged: bool, tags: set<Tag>${extra} }
input post: Post
default allow
`;

const RULE = `
rule flagged_leader
  when post.flagged and post.author.role == leader
  then remove
  because "r"
`;

const typed = (preamble: string, body = RULE) => policy(body, 'typed/policy.policy', preamble);

async function diffAndCheck(before: PolicySet, after: PolicySet): Promise<SemanticDiff> {
  const diff = semanticDiff(before, after);
  bruteForce(diff, before, after);
  await checkExamples(diff, before, after);
  return diff;
}

describe('input types: values accepted', () => {
  it('an enum member added: its inputs go from rejected to decided', async () => {
    const diff = await diffAndCheck(typed(types()), typed(types('ordinary, leader, king')));
    expect(summary(diff)).toEqual(['rejected → decided: author.role == king [2]']);
    expect(diff.inputTypes).toEqual([{ path: 'author.role', what: 'members of Role added: king', before: 'Role', after: 'Role', shape: false, dates: null }]);
    expect(diff.edits.map((e) => e.text)).toEqual(['input `author.role`: members of Role added: king']);
    const [region] = diff.regions;
    expect(region!.example).toMatchObject({ author: { role: 'king' } });
    expect(region!.rejectedBefore![0]).toMatchObject({ path: 'author.role' });
    expect(region!.outcomesAfter.map(describeOutcome)).toEqual(['allow (default)']);
  });

  it('an enum member removed, an int bound moved, a set member added: each its own regions and cause', async () => {
    const before = typed(types());
    const after = typed(types('leader, king', 'spam, abuse, scam', 'int(1..1_000)'));
    const diff = await diffAndCheck(before, after);
    expect(diff.inputTypes.map((t) => `${t.path}: ${t.what}`)).toEqual([
      'author.role: members of Role added: king; members of Role removed: ordinary',
      'author.followers: bounds int(0..) → int(1..1000)',
      'tags: members of Tag added: scam',
    ]);
    expect(diff.transitions.map((t) => `${describeOutcome(t.before)} → ${describeOutcome(t.after)}`).sort()).toEqual(['decided → rejected', 'rejected → decided']);
    // Each region has the one edit of the values it is about as its cause.
    const edit = (path: string) => diff.edits.find((e) => e.text.startsWith(`input \`${path}\``))!.id;
    for (const r of diff.regions) {
      const ids = r.causes.flatMap((c) => c.edits);
      if (r.before === 'rejected' && r.text === 'author.role == king and author.followers in 1..1_000 and not tags has scam') expect(ids).toEqual([edit('author.role')]);
      expect(ids.length).toBeGreaterThan(0);
    }
  });

  it('types that accept the same values (another name) are no change', () => {
    const renamed = types().replace(/Role/g, 'Rank');
    const diff = semanticDiff(typed(types()), typed(renamed));
    expect(diff.regions).toEqual([]);
    expect(diff.inputTypes).toEqual([]);
  });
});

describe('input types: the shape of the record', () => {
  it('a field added: reported with an input each side accepts and the other rejects; decisions compared field by field', async () => {
    const satire = `${RULE}
exemption satire
  from flagged_leader
  when post.satire
  then notice
  because "satire"
`;
    const before = typed(types());
    const after = typed(types(undefined, undefined, undefined, ', satire: bool'), satire);
    const diff = await diffAndCheck(before, after);
    expect(diff.inputTypes).toHaveLength(1);
    const [change] = diff.inputTypes;
    expect(change).toMatchObject({ path: 'satire', what: 'field added to Post: bool', before: null, after: 'bool', shape: true, dates: null });
    const { nowRejected, nowAccepted } = change!.examples!;
    expect(check(before, nowRejected).decision).not.toBeNull();
    expect(check(after, nowRejected).verdict).toBe('rejected');
    expect(check(after, nowAccepted).decision).not.toBeNull();
    expect(check(before, nowAccepted).verdict).toBe('rejected');
    expect(summary(diff)).toEqual(['remove (rule) → notice (exemption): flagged and author.role == leader and satire [1]']);
    expect(diff.regions[0]!.exampleBefore).toEqual({ date: '2020-01-01', author: { role: 'leader', followers: 0 }, flagged: true, tags: [] });
  });

  it('a field removed and a field retyped: shape changes, each with its checked examples', () => {
    const before = typed(types(undefined, undefined, undefined, ', note: string, score: int'));
    const after = typed(types(undefined, undefined, undefined, ', score: string'));
    const diff = semanticDiff(before, after);
    expect(diff.inputTypes.map((t) => [t.path, t.what, t.shape])).toEqual([
      ['note', 'field removed from Post: string', true],
      ['score', 'type int → string', true],
    ]);
    for (const t of diff.inputTypes) {
      expect(check(before, t.examples!.nowRejected).decision).not.toBeNull();
      expect(check(after, t.examples!.nowRejected).verdict).toBe('rejected');
      expect(check(after, t.examples!.nowAccepted).decision).not.toBeNull();
      expect(check(before, t.examples!.nowAccepted).verdict).toBe('rejected');
    }
    expect(diff.regions).toEqual([]);
  });

  it('in a policy set, only the dates of the version whose type changed', async () => {
    const header = (v: string) => `policy demo\nversion "${v}"\neffective ${v}\n`;
    const v1 = header('2020-01-01') + PREAMBLE + BASE;
    const v2old = header('2021-01-01') + types() + RULE;
    const v2new = header('2021-01-01') + types('ordinary, leader, king') + RULE;
    const before = checkFiles({ 'set/v1.policy': v1, 'set/v2.policy': v2old }, 'set').policy!;
    const after = checkFiles({ 'set/v1.policy': v1, 'set/v2.policy': v2new }, 'set').policy!;
    const diff = await diffAndCheck(before, after);
    expect(diff.inputTypes.map((t) => [t.path, t.what, t.dates])).toEqual([['author.role', 'members of Role added: king', 'date >= 2021-01-01']]);
    expect(diff.regions.map((r) => `${describeOutcome(r.before)} → ${describeOutcome(r.after)}: ${r.text}`)).toEqual(['rejected → decided: date >= 2021-01-01 and author.role == king']);
  });
});

describe('examples', () => {
  it('two version files with other effective dates and the same input type get one example, not an old-type one too', () => {
    // Regression: each side's example took its own latest effective date for the untested
    // `date` field, so the two differed and an `example (old input type)` was printed.
    const header = (v: string) => `policy demo\nversion "${v}"\neffective ${v}\n`;
    const before = undated(checkFiles({ 'a/v1.policy': header('2021-01-01') + PREAMBLE + BASE }).policy!);
    const after = undated(checkFiles({ 'b/v2.policy': header('2022-03-01') + PREAMBLE + BASE.replace('100_000', '50_000') }).policy!);
    const diff = semanticDiff(before, after);
    expect(diff.regions.length).toBeGreaterThan(0);
    for (const r of diff.regions) {
      expect(r.exampleBefore).toBeUndefined();
      expect(r.verified).toBe(true);
    }
  });
});

describe('input types with lists and optional fields (Bylaw 2)', () => {
  const lists = (note: string, kinds = 'a, b, c') => `scale A { allow < flag < remove }
outcome action: A
enum K { ${kinds} }
record E { date: date, kind: K }
record P { date: date, items: list<E>, note: ${note} }
input p: P
default allow

rule many
  when count(e in p.items where e.kind == a) >= 2
  then remove
  because "many"
`;
  const load = (text: string) => policy('', 'lists/policy.policy', text);

  it('a field made optional: inputs without it go from rejected to decided, the input edit their cause, the example without it', () => {
    const [before, after] = [load(lists('string')), load(lists('string?'))];
    const diff = semanticDiff(before, after);
    expect(diff.inputTypes.map((t) => `${t.path}: ${t.what}`)).toEqual(['note: now optional: string → string?']);
    expect(diff.regions.map((r) => `${r.outcome}: ${describeOutcome(r.before)} → ${describeOutcome(r.after)}: ${r.text}`)).toEqual(['action: rejected → decided: not note exists']);
    const [region] = diff.regions;
    expect(region!.example).not.toHaveProperty('note');
    expect(check(before, region!.example).verdict).toBe('rejected');
    expect(check(after, region!.example).decision).not.toBeNull();
    expect(region!.causes).toEqual([{ edits: [1], together: false, points: region!.points }]);
    expect(diff.edits.map((e) => e.text)).toEqual(['input `note`: now optional: string → string?']);
  });

  it('what list elements accept changes: listed as an input type change and as why the diff is not exact (no region can show it)', () => {
    const diff = semanticDiff(load(lists('string')), load(lists('string', 'a, b, c, d')));
    expect(diff.regions).toEqual([]);
    expect(diff.inputTypes.map((t) => `${t.path}: ${t.what}`)).toEqual(['items[].kind: members of K added: d']);
    expect(diff.inexact).toContainEqual({ atom: 'items[].kind', why: 'what list elements accept changes (members of K added: d): inputs one side rejects for it are not shown as regions' });
    expect(diff.edits).toEqual([]);
  });
});
