import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KEYWORDS } from '../../src/syntax/tokens.js';
import { GRAMMAR_PATH, dumpScopes, scopeOf, tokenize } from './textmate.js';

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

  it('gives each Bylaw 2 construct its scope', async () => {
    const tokens = await tokenize(
      [
        'use rules except warning_blocks, // left out',
        '  harassment',
        'scale Account { none < restrict(duration) < disable }',
        'outcome account: Account',
        'record Strike { date: date, note: string?, tags: list<Tag>?, count: int }',
        'default allow, none',
        'context n = count(s in post.strikes where s.date > post.date - 90 days and s.count > 1)',
        'context k = any(',
        '  w in post.warnings',
        '  where w.trained exists and w.trained + 1 year <= post.date',
        ')',
        'context h = post.tags has any {a, b} or post.tags has all {c} or post.count == any',
        'context x = post.role in {a} and all(p in post.policies)',
        'exemption e',
        '  from every rule',
        '  when n',
        '  then Content.remove,',
        '    restrict for 12 hours',
        '  because "b"',
      ].join('\n'),
    );
    const expected: [string, string, number?][] = [
      ['except', 'keyword.control.except.bylaw'],
      ['warning_blocks', 'entity.name.function.reference.bylaw'],
      ['harassment', 'entity.name.function.reference.bylaw'],
      ['restrict', 'variable.other.enummember.action.bylaw'],
      ['duration', 'storage.modifier.duration.bylaw'],
      ['outcome', 'storage.type.outcome.bylaw'],
      ['account', 'entity.name.variable.outcome.bylaw'],
      ['Account', 'entity.name.type.scale.bylaw', 1],
      ['?', 'keyword.operator.optional.bylaw'],
      ['?', 'keyword.operator.optional.bylaw', 1],
      ['list', 'support.type.builtin.bylaw'],
      ['Tag', 'entity.name.type.bylaw'],
      ['count', 'variable.other.property.declaration.bylaw'],
      ['int', 'support.type.builtin.bylaw'],
      ['default', 'keyword.control.default.bylaw'],
      ['allow', 'variable.other.enummember.action.bylaw'],
      ['none', 'variable.other.enummember.action.bylaw', 1],
      ['count', 'keyword.operator.quantifier.count.bylaw', 1],
      ['s', 'variable.parameter.binder.bylaw'],
      ['where', 'keyword.control.where.bylaw'],
      ['-', 'keyword.operator.arithmetic.bylaw'],
      ['90', 'constant.numeric.integer.bylaw'],
      ['days', 'keyword.other.unit.bylaw'],
      ['count', 'variable.other.property.bylaw', 2],
      ['any', 'keyword.operator.quantifier.any.bylaw'],
      ['w', 'variable.parameter.binder.bylaw'],
      ['where', 'keyword.control.where.bylaw', 1],
      ['exists', 'keyword.operator.expression.exists.bylaw'],
      ['+', 'keyword.operator.arithmetic.bylaw'],
      ['year', 'keyword.other.unit.bylaw'],
      ['any', 'keyword.operator.expression.has.any.bylaw', 1],
      ['all', 'keyword.operator.expression.has.all.bylaw'],
      ['any', 'variable.other.enummember.bylaw', 2],
      ['all', 'keyword.operator.quantifier.all.bylaw', 1],
      ['p', 'variable.parameter.binder.bylaw'],
      ['every', 'keyword.other.every.bylaw'],
      ['rule', 'keyword.other.every.rule.bylaw'],
      ['Content', 'entity.name.type.scale.bylaw'],
      ['remove', 'variable.other.enummember.action.bylaw'],
      ['for', 'keyword.control.for.bylaw'],
      ['12', 'constant.numeric.integer.bylaw'],
      ['hours', 'keyword.other.unit.bylaw'],
      ['because', 'keyword.control.because.bylaw'],
    ];
    const wrong = expected
      .map(([text, scope, nth]) => ({ text, nth: nth ?? 0, expected: scope, actual: scopeOf(tokens, text, nth ?? 0) }))
      .filter((row) => row.actual !== row.expected);
    expect(wrong).toEqual([]);
    // The element of a set is not a binder: `a` in `post.role in {a}` is a member.
    const a = tokens.filter((t) => t.text === 'a' && t.line === 13);
    expect(a.map((t) => t.scopes.at(-1))).toEqual(['variable.other.enummember.bylaw']);
    expect(tokens.find((t) => t.text.includes('left out'))?.scopes).toContain('comment.line.double-slash.bylaw');
  });

  it('gives each part of a `statement` declaration its scope', async () => {
    const tokens = await tokenize(
      [
        'statement action {',
        '  notice: DECISION_VISIBILITY_OTHER "interstitial" // a comment',
        '    and DECISION_VISIBILITY_CONTENT_LABELLED notice "labelled your post",',
        '  allow: no restriction,',
        '  lock for 12 hours: DECISION_VISIBILITY_CONTENT_REMOVED permanently',
        '    and DECISION_PROVISION_PARTIAL_SUSPENSION,',
        '}',
        'statement hate_speech,',
        '  slurs',
        '  category STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
        '  keywords KEYWORD_HATE_SPEECH, KEYWORD_OTHER "doxxing"',
        '  ground terms "Hateful Conduct Policy" also illegal',
        'statement default category STATEMENT_CATEGORY_OTHER_VIOLATION_TC ground law "Section 130 StGB" not illegal',
        'statement version "2023-02-23" at "https://example.com/rules"',
        'rule slurs when post.category == ground then remove',
      ].join('\n'),
    );
    const expected: [string, string, number?][] = [
      ['statement', 'storage.type.statement.bylaw'],
      ['action', 'entity.name.variable.outcome.reference.bylaw'],
      ['{', 'punctuation.definition.block.begin.bylaw'],
      ['notice', 'variable.other.enummember.action.bylaw'],
      [':', 'punctuation.separator.key-value.bylaw'],
      ['DECISION_VISIBILITY_OTHER', 'support.constant.dsa.bylaw'],
      ['and', 'keyword.operator.expression.logical.bylaw'],
      ['DECISION_VISIBILITY_CONTENT_LABELLED', 'support.constant.dsa.bylaw'],
      ['notice', 'keyword.other.statement.notice.bylaw', 1],
      ['allow', 'variable.other.enummember.action.bylaw'],
      ['no', 'keyword.other.statement.no-restriction.bylaw'],
      ['restriction', 'keyword.other.statement.no-restriction.bylaw'],
      ['lock', 'variable.other.enummember.action.bylaw'],
      ['for', 'keyword.control.for.bylaw'],
      ['12', 'constant.numeric.integer.bylaw'],
      ['hours', 'keyword.other.unit.bylaw'],
      ['permanently', 'keyword.other.statement.permanently.bylaw'],
      ['}', 'punctuation.definition.block.end.bylaw'],
      ['hate_speech', 'entity.name.function.reference.bylaw'],
      ['slurs', 'entity.name.function.reference.bylaw'],
      ['category', 'keyword.other.statement.category.bylaw'],
      ['STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', 'support.constant.dsa.bylaw'],
      ['keywords', 'keyword.other.statement.keywords.bylaw'],
      ['KEYWORD_HATE_SPEECH', 'support.constant.dsa.bylaw'],
      ['KEYWORD_OTHER', 'support.constant.dsa.bylaw'],
      ['ground', 'keyword.other.statement.ground.bylaw'],
      ['terms', 'keyword.other.statement.terms.bylaw'],
      ['also', 'keyword.other.statement.also.bylaw'],
      ['illegal', 'keyword.other.statement.illegal.bylaw'],
      ['default', 'keyword.other.statement.default.bylaw'],
      ['law', 'keyword.other.statement.law.bylaw'],
      ['not', 'keyword.operator.expression.logical.bylaw'],
      ['illegal', 'keyword.other.statement.illegal.bylaw', 1],
      ['version', 'keyword.other.statement.version.bylaw'],
      ['at', 'keyword.other.statement.at.bylaw'],
      // The statement ends at the next declaration: its words are names again there.
      ['rule', 'storage.type.clause.rule.bylaw'],
      ['category', 'variable.other.property.bylaw', 2],
      ['ground', 'variable.other.enummember.bylaw', 2],
    ];
    const wrong = expected
      .map(([text, scope, nth]) => ({ text, nth: nth ?? 0, expected: scope, actual: scopeOf(tokens, text, nth ?? 0) }))
      .filter((row) => row.actual !== row.expected);
    expect(wrong).toEqual([]);
    for (const text of ['"interstitial"', '"doxxing"', '"Section 130 StGB"', '"https://example.com/rules"']) {
      const inner = text.slice(1, -1);
      expect(tokens.find((t) => t.text === inner)?.scopes, text).toContain('string.quoted.double.bylaw');
    }
    expect(tokens.find((t) => t.text.includes('a comment'))?.scopes).toContain('comment.line.double-slash.bylaw');
  });

  it('highlights the words of a statement as names outside one', async () => {
    const tokens = await tokenize(
      [
        'record Post { category: Category, statement: string, ground: int, notice: bool }',
        'enum Kind { at, category, keywords, ground, terms, law, also, illegal, permanently, notice }',
        'scale Action { allow < notice < remove }',
        'context statement = post.category == category and post.ground > 0',
        'context terms = post.notice',
        'rule r when statement or terms then notice',
        'rule s when terms and',
        '  statement and post.notice',
        '  then remove',
        'default allow',
      ].join('\n'),
    );
    const keywordLike = tokens.filter((t) => t.scopes.some((s) => s.includes('statement') || s.startsWith('support.constant.dsa')));
    expect(keywordLike).toEqual([]);
    expect(scopeOf(tokens, 'category')).toBe('variable.other.property.declaration.bylaw');
    expect(scopeOf(tokens, 'statement')).toBe('variable.other.property.declaration.bylaw');
    expect(scopeOf(tokens, 'category', 1)).toBe('variable.other.enummember.bylaw');
    expect(scopeOf(tokens, 'notice', 1)).toBe('variable.other.enummember.bylaw');
    expect(scopeOf(tokens, 'statement', 1)).toBe('entity.name.function.context.bylaw');
    expect(scopeOf(tokens, 'category', 2)).toBe('variable.other.property.bylaw');
    expect(scopeOf(tokens, 'category', 3)).toBe('variable.other.enummember.bylaw');
    expect(scopeOf(tokens, 'terms')).toBe('variable.other.enummember.bylaw');
    expect(scopeOf(tokens, 'terms', 1)).toBe('entity.name.function.context.bylaw');
    expect(scopeOf(tokens, 'statement', 2)).toBe('variable.other.bylaw');
    expect(scopeOf(tokens, 'notice', 4)).toBe('variable.other.enummember.action.bylaw');
    // A context called `statement` at the start of a condition's line starts no statement.
    expect(scopeOf(tokens, 'statement', 3)).toBe('variable.other.bylaw');
    expect(scopeOf(tokens, 'remove')).toBe('variable.other.enummember.action.bylaw');
  });

  it('ends an unterminated block at a `statement` line', async () => {
    const tokens = await tokenize('enum Kind { a, b\nstatement violation category STATEMENT_CATEGORY_SCAMS_AND_FRAUD ground terms "x"');
    expect(scopeOf(tokens, 'statement')).toBe('storage.type.statement.bylaw');
    expect(scopeOf(tokens, 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD')).toBe('support.constant.dsa.bylaw');
  });

  it('knows every keyword of the lexer: none is highlighted as a name', () => {
    const grammar = readFileSync(GRAMMAR_PATH, 'utf8');
    const lists = [...grammar.matchAll(/\(\?!\(\?:([a-z|]+)\)/g)].map((m) => m[1]!.split('|'));
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) expect([...KEYWORDS].filter((k) => !list.includes(k))).toEqual([]);
  });
});
