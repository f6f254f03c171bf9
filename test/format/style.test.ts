import { describe, expect, it } from 'vitest';
import { fmt } from './support.js';

/** One case per rule of the canonical style (docs/formatting.md): careless input → exact output. */
const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('canonical style', () => {
  it('keeps header lines together, then the use lines, then one blank line between items', async () => {
    const input = 'policy a.b\n\nversion "1"\neffective 2020-01-01\n\n\nsource "s"\nuse x\n\nuse y.z\ninput post: Post\ndefault allow';
    expect(await fmt(input)).toBe(
      lines('policy a.b', 'version "1"', 'effective 2020-01-01', 'source "s"', '', 'use x', 'use y.z', '', 'input post: Post', '', 'default allow'),
    );
  });

  it('separates use lines that are not consecutive', async () => {
    expect(await fmt('use a\ndefault allow\nuse b')).toBe(lines('use a', '', 'default allow', '', 'use b'));
  });

  it('prints an empty file as empty and ends every other file with exactly one newline', async () => {
    expect(await fmt('')).toBe('');
    expect(await fmt('\n\n  \n')).toBe('');
    expect(await fmt('default allow\n\n\n')).toBe('default allow\n');
  });

  it('normalises CRLF, tabs and odd whitespace', async () => {
    expect(await fmt('rule r\r\n\twhen\u00a0a\f\r\n\tthen b\r\n')).toBe(lines('rule r', '  when a', '  then b'));
  });

  it('puts a scale on one line, one member per line only when too long', async () => {
    expect(await fmt('scale A{a<b  <c}')).toBe(lines('scale A { a < b < c }'));
    expect(await fmt('scale A { a < b < c }', 20)).toBe(lines('scale A {', '  a', '  < b', '  < c', '}'));
  });

  it('puts an enum on one line if it fits, else one member per line with trailing commas', async () => {
    expect(await fmt('enum Role {a,b,c,}')).toBe(lines('enum Role { a, b, c }'));
    expect(await fmt('enum Role { ordinary, world_leader }', 30)).toBe(lines('enum Role {', '  ordinary,', '  world_leader,', '}'));
  });

  it('prints records one field per line with trailing commas, always', async () => {
    expect(await fmt('record Account { handle: string, followers: int(0..), categories: set<Category>, s: int(-1..5), t: int(..9) }')).toBe(
      lines('record Account {', '  handle: string,', '  followers: int(0..),', '  categories: set<Category>,', '  s: int(-1..5),', '  t: int(..9),', '}'),
    );
  });

  it('prints an input on one line', async () => {
    expect(await fmt('input\npost\n:\nset < set<X> >')).toBe(lines('input post: set<set<X>>'));
  });

  it('prints a context on one line when it fits, else breaks after `=`', async () => {
    expect(await fmt('context c =\n  a and b')).toBe(lines('context c = a and b'));
    expect(await fmt('context c = alpha and beta', 24)).toBe(lines('context c =', '  alpha and beta'));
    expect(await fmt('context c = alpha and beta', 14)).toBe(lines('context c =', '  alpha', '  and beta'));
  });

  it('prints each clause part on its own line, indented two spaces', async () => {
    const input = 'exemption e from r1, r2 when a unless b then notice because "Why."';
    expect(await fmt(input)).toBe(lines('exemption e', '  from r1, r2', '  when a', '  unless b', '  then notice', '  because "Why."'));
    expect(await fmt('redline r when a then remove')).toBe(lines('redline r', '  when a', '  then remove'));
  });

  it('breaks a long `from` list one name per line, indented four', async () => {
    expect(await fmt('exemption e from first, second, third, when a then b', 20)).toBe(
      lines('exemption e', '  from first,', '    second,', '    third', '  when a', '  then b'),
    );
  });

  it('breaks a long condition before every `and`/`or`, continuation indented four in a clause', async () => {
    expect(await fmt('rule r when aaaa and bbbb and cccc then x', 20)).toBe(
      lines('rule r', '  when aaaa', '    and bbbb', '    and cccc', '  then x'),
    );
    expect(await fmt('rule r when aaaa or bbbb then x', 20)).toBe(lines('rule r', '  when aaaa or bbbb', '  then x'));
  });

  it('indents an `and` chain inside a broken `or` one level deeper', async () => {
    expect(await fmt('context c = aaaa and bbbb or cccc', 16)).toBe(lines('context c =', '  aaaa and bbbb', '  or cccc'));
    expect(await fmt('context c = aaaa and bbbb or cccc', 12)).toBe(lines('context c =', '  aaaa', '    and bbbb', '  or cccc'));
  });

  it('keeps the author’s parentheses exactly and breaks inside them when needed', async () => {
    expect(await fmt('context c = ((a)) and (b or (c))')).toBe(lines('context c = ((a)) and (b or (c))'));
    expect(await fmt('rule r when aaaa and (bbbb or cccc) then x', 21)).toBe(
      lines('rule r', '  when aaaa', '    and (', '      bbbb or cccc', '    )', '  then x'),
    );
    expect(await fmt('rule r when aaaa and (bbbb or cccc) then x', 17)).toBe(
      lines('rule r', '  when aaaa', '    and (', '      bbbb', '      or cccc', '    )', '  then x'),
    );
    expect(await fmt('rule r when (aaaa or bbbb) then x', 16)).toBe(lines('rule r', '  when (', '    aaaa or bbbb', '  )', '  then x'));
  });

  it('prints sets without inner spaces, in the author’s order, broken one per line when too long', async () => {
    expect(await fmt('context c = x in { b , a , } and y not in {} and s has m and not z')).toBe(
      lines('context c = x in {b, a} and y not in {} and s has m and not z'),
    );
    expect(await fmt('context c = x in {alpha, beta}', 19)).toBe(lines('context c =', '  x in {', '    alpha,', '    beta,', '  }'));
  });

  it('prints literals as written', async () => {
    expect(await fmt('context c = a == 100_000 and b != -0 and d >= 2019-10-15')).toBe(lines('context c = a == 100_000 and b != -0 and d >= 2019-10-15'));
    expect(await fmt('context c = e == "x\\u{41}\\"" and f == true and g < false')).toBe(lines('context c = e == "x\\u{41}\\"" and f == true and g < false'));
  });

  it('prints comparisons, `not`, `in`, `has` with single spaces', async () => {
    expect(await fmt('context c = not not a.b==c and x not  in{a}and s has(m)')).toBe(lines('context c = not not a.b == c and x not in {a} and s has (m)'));
  });

  it('leaves a long string alone', async () => {
    const long = `"${'x'.repeat(120)}"`;
    expect(await fmt(`rule r when a then b because ${long}`)).toBe(lines('rule r', '  when a', '  then b', `  because ${long}`));
  });
});
