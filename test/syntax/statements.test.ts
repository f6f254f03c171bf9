import { describe, expect, it } from 'vitest';
import type { StatementClausesDecl } from '../../src/ast/nodes.js';
import { parse } from '../../src/syntax/index.js';

/** `statement` declarations: what the parser reads, and what it says about a mistake in one. */

const errors = (text: string) => parse(text, 'bad.policy').diagnostics.map((d) => [d.code, d.message, d.help ?? null, d.span.start.line]);

describe('parser: statement declarations', () => {
  it('reads the four forms, with their spans', () => {
    const text = `statement content {
  allow: no restriction,
  lock for 12 hours: DECISION_VISIBILITY_CONTENT_REMOVED permanently and DECISION_PROVISION_PARTIAL_SUSPENSION notice "locked it",
}
statement a, b category STATEMENT_CATEGORY_VIOLENCE keywords KEYWORD_OTHER "x", KEYWORD_HATE_SPEECH ground terms "T" also illegal
statement default category STATEMENT_CATEGORY_VIOLENCE ground law "L"
statement version "v1" at "https://example.com"`;
    const { ast, diagnostics } = parse(text, 'p.policy');
    expect(diagnostics).toEqual([]);
    expect(ast!.items.map((i) => i.kind)).toEqual(['StatementActions', 'StatementClauses', 'StatementClauses', 'StatementVersion']);
    const clauses = ast!.items[1] as StatementClausesDecl;
    expect(clauses.clauses.map((c) => c.name)).toEqual(['a', 'b']);
    expect(clauses.keywords.map((k) => [k.key.name, k.other?.value ?? null])).toEqual([['KEYWORD_OTHER', 'x'], ['KEYWORD_HATE_SPEECH', null]]);
    expect(text.slice(clauses.ground.span.start.offset, clauses.ground.span.end.offset)).toBe('terms "T" also illegal');
    expect((ast!.items[2] as StatementClausesDecl).default?.name).toBe('default');
    expect(ast!.items.map((i) => text.slice(i.span.start.offset, i.span.end.offset).split('\n')[0])).toEqual([
      'statement content {',
      text.split('\n')[4],
      text.split('\n')[5],
      text.split('\n')[6],
    ]);
  });

  it('leaves `statement` and its words names everywhere else', () => {
    const text = `record R { statement: int, category: int, ground: int }
enum E { statement, at, notice, ground }
context statement = post.statement.ground > 1 and post.at == notice
context later = statement - 1 day > 2020-01-01`;
    expect(parse(text, 'p.policy').diagnostics).toEqual([]);
  });

  it('says which word it expected, with the nearest', () => {
    const form =
      'a `statement` declaration reads `statement OUTCOME { action: FIELD_VALUE, other: no restriction }`, `statement CLAUSE, … category CATEGORY ground terms "…"` or `statement version "…" at "URL"`';
    expect(errors('statement v categry X ground terms "a"')).toEqual([['BL010', '`categry` is not a keyword', 'did you mean `category`?', 1]]);
    expect(errors('statement v category X grund terms "a"')).toEqual([['BL010', '`grund` is not a keyword', 'did you mean `ground`?', 1]]);
    expect(errors('statment v category X ground terms "a"')).toEqual([['BL010', '`statment` is not a keyword', 'did you mean `statement`?', 1]]);
    expect(errors('statement version "v" "https://x"')).toEqual([['BL002', 'expected `at`, found `"https://x"`', form, 1]]);
    expect(errors('statement v category X ground terms "a" also legal')).toEqual([['BL002', 'expected `illegal`, found `legal`', form, 1]]);
    expect(errors('statement content { remove: }')).toEqual([['BL002', 'expected a key of the Transparency Database (`DECISION_…`) or `no restriction`, found `}`', form, 1]]);
    expect(errors('statement content { remove DECISION_X }')).toEqual([['BL002', 'expected `:`, found `DECISION_X`', form, 1]]);
    expect(errors('statement 12')).toEqual([['BL002', 'expected an outcome, clauses, `default` or `version`, found `12`', form, 1]]);
  });

  it('goes on after a broken statement: one error per declaration', () => {
    const text = `statement content { remove: }
rule b when then remove
statement x category Y grund terms "a"
default allow`;
    expect(errors(text).map(([code, , , line]) => [code, line])).toEqual([
      ['BL002', 1],
      ['BL002', 2],
      ['BL010', 3],
    ]);
  });
});
