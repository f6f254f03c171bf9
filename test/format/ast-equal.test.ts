import { describe, expect, it } from 'vitest';
import { astDifference } from '../../src/format/ast-equal.js';
import { parse } from '../../src/syntax/parse.js';

function difference(a: string, b: string): string | null {
  const before = parse(a, 'a.policy').ast;
  const after = parse(b, 'b.policy').ast;
  if (!before || !after) throw new Error('fixture does not parse');
  return astDifference(before, after);
}

describe('astDifference', () => {
  it('ignores layout: spans, whitespace, line breaks, trailing whitespace in comments', () => {
    expect(difference('rule r when a and b then c // x', 'rule r\n  when a\n    and b\n  then c   // x   ')).toBeNull();
  });

  it('names the first place where the trees differ', () => {
    expect(difference('rule r when a and b then c', 'rule r when a and d then c')).toBe('items[0].when.operands[1].segments[0].name');
    expect(difference('rule r when a then c', 'rule r when a then c because "x"')).toBe('items[0].because');
    expect(difference('use a', 'use a\nuse b')).toBe('items.length');
  });

  it('tells parentheses, grouping and the written form of literals apart', () => {
    expect(difference('context c = a', 'context c = (a)')).toBe('items[0].body.kind');
    expect(difference('context c = a and b or d', 'context c = a and (b or d)')).not.toBeNull();
    expect(difference('context c = x == 100_000', 'context c = x == 100000')).toBe('items[0].body.right.raw');
    expect(difference('context c = x == "\\u{41}"', 'context c = x == "A"')).toBe('items[0].body.right.raw');
  });

  it('compares comments as their texts, in order', () => {
    expect(difference('// a\n// b\ndefault x', '// a\ndefault x // b')).toBeNull();
    expect(difference('// a\n// b\ndefault x', '// b\n// a\ndefault x')).toBe('comments[0]');
    expect(difference('// a\ndefault x', 'default x')).toBe('comments.length');
  });
});
