import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dumpScopes, scopeOf, tokenize } from './textmate.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function policyFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return policyFiles(path);
    return entry.name.endsWith('.policy') ? [path] : [];
  });
}

const files = [...policyFiles(join(root, 'policies')), ...policyFiles(join(root, 'stdlib'))].sort();

describe('TextMate grammar: snapshots of every policy', () => {
  it('finds the policies', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  for (const file of files) {
    const name = relative(root, file);
    it(name, async () => {
      const tokens = await tokenize(readFileSync(file, 'utf8'));
      const snapshot = join('__snapshots__', 'grammar', `${name.replace(/[\\/]/g, '__')}.scopes.txt`);
      await expect(dumpScopes(tokens)).toMatchFileSnapshot(snapshot);
    });
  }
});

describe('TextMate grammar: scopes', () => {
  const sample = [
    'policy twitter.world_leaders',
    'version "2019-10-15"',
    'effective 2019-10-15',
    'source "a \\"quoted\\" \\u{1F600} word\\q"',
    'use moderation',
    'input post: Post',
    'enum Role { ordinary, world_leader }',
    'scale Action { allow < notice < remove }',
    'record Account {',
    '  handle: string,',
    '  source: string,',
    '  tags: set<Category>,',
    '  followers: int(0..100_000),',
    '}',
    'context leader = post.author.role == world_leader and post.author.followers >= 100_000',
    'redline direct_threat',
    '  when post.categories has violent_threat and post.date < 2020-01-01',
    '  then remove',
    '  because "threats"',
    'rule hate when not leader or post.topic in {political_issue, Topic.none} then suspend',
    'exemption public_interest',
    '  from violent_threat, // a comment',
    '    hate',
    '  when leader unless post.target != none',
    '  then notice',
    'default allow',
  ].join('\n');

  it('gives each kind of token its scope', async () => {
    const tokens = await tokenize(sample);
    const expected: [string, string, number?][] = [
      ['policy', 'keyword.other.header.policy.bylaw'],
      ['twitter.world_leaders', 'entity.name.namespace.policy.bylaw'],
      ['version', 'keyword.other.header.version.bylaw'],
      ['effective', 'keyword.other.header.effective.bylaw'],
      ['2019-10-15', 'constant.numeric.date.bylaw', 1],
      ['\\"', 'constant.character.escape.bylaw'],
      ['\\u{1F600}', 'constant.character.escape.bylaw'],
      ['\\q', 'invalid.illegal.escape.bylaw'],
      ['use', 'keyword.control.import.bylaw'],
      ['moderation', 'entity.name.namespace.module.bylaw'],
      ['input', 'storage.type.input.bylaw'],
      ['post', 'variable.parameter.input.bylaw'],
      ['Post', 'entity.name.type.bylaw'],
      ['enum', 'storage.type.enum.bylaw'],
      ['Role', 'entity.name.type.enum.bylaw'],
      ['ordinary', 'variable.other.enummember.bylaw'],
      ['world_leader', 'variable.other.enummember.bylaw'],
      ['Action', 'entity.name.type.scale.bylaw'],
      ['allow', 'variable.other.enummember.action.bylaw'],
      ['Account', 'entity.name.type.record.bylaw'],
      ['handle', 'variable.other.property.declaration.bylaw'],
      ['string', 'support.type.builtin.bylaw'],
      ['source', 'variable.other.property.declaration.bylaw', 1],
      ['set', 'support.type.builtin.bylaw'],
      ['Category', 'entity.name.type.bylaw'],
      ['int', 'support.type.builtin.bylaw'],
      ['..', 'keyword.operator.range.bylaw'],
      ['100_000', 'constant.numeric.integer.bylaw'],
      ['context', 'storage.type.context.bylaw'],
      ['leader', 'entity.name.function.context.bylaw'],
      ['==', 'keyword.operator.comparison.bylaw'],
      ['>=', 'keyword.operator.comparison.bylaw'],
      ['and', 'keyword.operator.expression.logical.bylaw'],
      ['redline', 'storage.type.clause.redline.bylaw'],
      ['direct_threat', 'entity.name.function.redline.bylaw'],
      ['when', 'keyword.control.when.bylaw'],
      ['has', 'keyword.operator.expression.has.bylaw'],
      ['violent_threat', 'variable.other.enummember.bylaw'],
      ['<', 'keyword.operator.comparison.bylaw', 3],
      ['2020-01-01', 'constant.numeric.date.bylaw'],
      ['then', 'keyword.control.then.bylaw'],
      ['remove', 'variable.other.enummember.action.bylaw', 1],
      ['because', 'keyword.control.because.bylaw'],
      ['rule', 'storage.type.clause.rule.bylaw'],
      ['hate', 'entity.name.function.rule.bylaw'],
      ['not', 'keyword.operator.expression.logical.bylaw'],
      ['leader', 'variable.other.bylaw', 1],
      ['in', 'keyword.operator.expression.in.bylaw'],
      ['political_issue', 'variable.other.enummember.bylaw'],
      ['Topic', 'entity.name.type.enum.bylaw'],
      ['none', 'variable.other.enummember.bylaw'],
      ['suspend', 'variable.other.enummember.action.bylaw'],
      ['exemption', 'storage.type.clause.exemption.bylaw'],
      ['public_interest', 'entity.name.function.exemption.bylaw'],
      ['from', 'keyword.control.from.bylaw'],
      ['violent_threat', 'entity.name.function.rule.reference.bylaw', 1],
      ['hate', 'entity.name.function.rule.reference.bylaw', 1],
      ['unless', 'keyword.control.unless.bylaw'],
      ['!=', 'keyword.operator.comparison.bylaw'],
      ['none', 'variable.other.enummember.bylaw', 1],
      ['default', 'keyword.control.default.bylaw'],
      ['allow', 'variable.other.enummember.action.bylaw', 1],
    ];
    const wrong = expected
      .map(([text, scope, nth]) => ({ text, nth: nth ?? 0, expected: scope, actual: scopeOf(tokens, text, nth ?? 0) }))
      .filter((row) => row.actual !== row.expected);
    expect(wrong).toEqual([]);
    const post = tokens.filter((t) => t.text === 'post' && t.line === 15)[0];
    expect(post?.scopes.at(-1)).toBe('variable.other.object.bylaw');
    const role = tokens.find((t) => t.text === 'role' && t.line === 15);
    expect(role?.scopes.at(-1)).toBe('variable.other.property.bylaw');
    expect(tokens.find((t) => t.text.includes('a comment'))?.scopes).toContain('comment.line.double-slash.bylaw');
  });

  it('recovers at the end of a line with an unterminated string', async () => {
    const tokens = await tokenize('source "no end\nrule r when x then remove');
    expect(scopeOf(tokens, 'rule')).toBe('storage.type.clause.rule.bylaw');
  });
});
