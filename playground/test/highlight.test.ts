/**
 * What the highlighter calls each token (classify.ts, the part of highlight.ts without
 * CodeMirror), on the policies and on names that look like keywords. The browser test checks
 * that the page shows these styles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenData } from '../token-data.js';
import { classifier } from '../src/classify.js';
import { REPO } from './support.js';

const classify = classifier(tokenData());

/** Every token of `text` with its style, `text:style`, line by line as CodeMirror feeds them. */
function styles(text: string): string[] {
  const state = classify.start();
  const out: string[] = [];
  for (const line of text.split('\n')) {
    for (let at = 0; at < line.length; ) {
      const space = /^[ \t]+/.exec(line.slice(at));
      if (space) {
        at += space[0].length;
        continue;
      }
      const { length, style } = classify.token(line, at, state);
      out.push(`${line.slice(at, at + length)}:${style}`);
      at += length;
    }
  }
  return out;
}

/** The style of the `nth` token spelled `word` in `text` (from 0). */
function styleOf(text: string, word: string, nth = 0): string | undefined {
  return styles(text).filter((s) => s.slice(0, s.lastIndexOf(':')) === word)[nth]?.slice(word.length + 1);
}

const policy = (path: string) => readFileSync(join(REPO, 'policies', path), 'utf8');

describe('the highlighter on Bylaw 2', () => {
  it('outcomes, lists, optional fields, `exists`, `has any`, `from every rule`', () => {
    const rules = policy('meta/rules.policy');
    expect(styles('outcome account: Account')).toEqual(['outcome:keyword', 'account:definition', '::separator', 'Account:variableName']);
    expect(styleOf(rules, 'outcome')).toBe('keyword');
    expect(styleOf(rules, 'list')).toBe('typeName');
    expect(styleOf(rules, 'set')).toBe('typeName');
    expect(styleOf(rules, '?')).toBe('operator');
    expect(styleOf(rules, 'exists')).toBe('operatorKeyword');
    expect(styles('piece.categories has any {a, b} and s has all {c}')).toEqual([
      'piece:variableName', '.:separator', 'categories:propertyName', 'has:operatorKeyword', 'any:operatorKeyword', '{:brace', 'a:variableName', ',:separator', 'b:variableName', '}:brace',
      'and:operatorKeyword', 's:variableName', 'has:operatorKeyword', 'all:operatorKeyword', '{:brace', 'c:variableName', '}:brace',
    ]);
    expect(styles('exemption x\n  from every rule')).toEqual(['exemption:keyword', 'x:definition', 'from:keyword', 'every:keyword', 'rule:keyword']);
    expect(styles('use rules except warning_blocks')).toEqual(['use:keyword', 'rules:namespace', 'except:keyword', 'warning_blocks:variableName']);
  });

  it('durations, dates moved by them, quantifiers', () => {
    expect(styles('then restrict for 3 days')).toEqual(['then:keyword', 'restrict:variableName', 'for:keyword', '3:number', 'days:unit']);
    expect(styles('when s.date > p.date - 1 year + 2 weeks')).toEqual([
      'when:keyword', 's:variableName', '.:separator', 'date:propertyName', '>:operator', 'p:variableName', '.:separator', 'date:propertyName',
      '-:operator', '1:number', 'year:unit', '+:operator', '2:number', 'weeks:unit',
    ]);
    expect(styles('context n = count(s in p.strikes where s.severe)')).toEqual([
      'context:keyword', 'n:definition', '=:operator', 'count:keyword', '(:paren', 's:variableName', 'in:operatorKeyword', 'p:variableName', '.:separator',
      'strikes:propertyName', 'where:keyword', 's:variableName', '.:separator', 'severe:propertyName', '):paren',
    ]);
    expect(styleOf(policy('youtube/rules.policy'), 'any')).toBe('keyword');
    expect(styleOf(policy('meta/ladder_2019.policy'), 'day')).toBe('unit');
    expect(styleOf(policy('meta/rules.policy'), 'count')).toBe('keyword');
  });

  it('`statement` declarations and the words that are keywords only inside them', () => {
    const text = policy('meta/statements.policy');
    for (const word of ['statement', 'no', 'restriction', 'notice', 'category', 'keywords', 'ground', 'terms', 'law', 'at']) expect([word, styleOf(text, word)]).toEqual([word, 'keyword']);
    expect(styleOf(text, 'DECISION_ACCOUNT_SUSPENDED')).toBe('atom');
    expect(styleOf(text, 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS')).toBe('atom');
    expect(styleOf(text, 'version')).toBe('keyword');
    expect(styles('statement account {\n  none: no restriction,\n  lock for 12 hours: DECISION_X permanently\n    and DECISION_Y,\n}')).toEqual([
      'statement:keyword', 'account:variableName', '{:brace',
      'none:variableName', '::separator', 'no:keyword', 'restriction:keyword', ',:separator',
      'lock:variableName', 'for:keyword', '12:number', 'hours:unit', '::separator', 'DECISION_X:atom', 'permanently:keyword',
      'and:operatorKeyword', 'DECISION_Y:atom', ',:separator', '}:brace',
    ]);
  });

  it('leaves names spelled like those words alone outside a statement', () => {
    // A field, a context and a member may be called `statement`, `category`, `ground`, `count`, `list` or `days`.
    expect(styles('record R { statement: bool, category: int, list: int }')).toEqual([
      'record:keyword', 'R:typeName', '{:brace', 'statement:variableName', '::separator', 'bool:variableName', ',:separator',
      'category:variableName', '::separator', 'int:variableName', ',:separator', 'list:variableName', '::separator', 'int:variableName', '}:brace',
    ]);
    expect(styles('context statement = p.statement and count and days')).toEqual([
      'context:keyword', 'statement:definition', '=:operator', 'p:variableName', '.:separator', 'statement:propertyName', 'and:operatorKeyword',
      'count:variableName', 'and:operatorKeyword', 'days:variableName',
    ]);
    expect(styleOf('rule r\n  when a and\n  statement', 'statement')).toBe('variableName');
    // A declaration at the start of a line ends the statement: its words are names again.
    const after = 'statement x\n  category STATEMENT_CATEGORY_SCAMS\n  ground terms "t"\n\nrule r\n  when category and ground\n  then remove';
    expect(styleOf(after, 'category', 0)).toBe('keyword');
    expect(styleOf(after, 'category', 1)).toBe('variableName');
    expect(styleOf(after, 'ground', 1)).toBe('variableName');
  });

  it('marks arithmetic that is not a date moved by a duration, and unknown characters, as invalid', () => {
    expect(styles('when a * 2 > b - c')).toEqual(['when:keyword', 'a:variableName', '*:invalid', '2:number', '>:operator', 'b:variableName', '-:invalid', 'c:variableName']);
    expect(styleOf('when a ¬ b', '¬')).toBe('invalid');
  });
});
