import { describe, expect, it } from 'vitest';
import { fmt } from './support.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** Comments stay where the author put them: before an item, between lines, or at the end of a line. */
describe('comments', () => {
  it('keeps an own-line comment before its item and an end-of-line comment on its line', async () => {
    expect(await fmt('   // about r\nrule r when a then b   // after b\n')).toBe(lines('// about r', 'rule r', '  when a', '  then b // after b'));
    expect(await fmt('use a // why\nuse b')).toBe(lines('use a // why', 'use b'));
  });

  it('re-indents own-line comments inside a clause to the line that follows them', async () => {
    expect(await fmt('rule r\n// before when\n        when a\n            // before then\n then b')).toBe(
      lines('rule r', '  // before when', '  when a', '  // before then', '  then b'),
    );
  });

  it('breaks a condition at an own-line comment between operands, indenting it with them', async () => {
    expect(await fmt('rule r when a\n// why b\nand b then c')).toBe(lines('rule r', '  when a', '    // why b', '    and b', '  then c'));
  });

  it('breaks a condition after an operand with an end-of-line comment', async () => {
    expect(await fmt('rule r when a // why a\n and b then c')).toBe(lines('rule r', '  when a // why a', '    and b', '  then c'));
  });

  it('does not break a condition for a comment at the end of the whole condition', async () => {
    expect(await fmt('rule r when a\nand b // both\nthen c')).toBe(lines('rule r', '  when a and b // both', '  then c'));
  });

  it('moves a comment that follows a keyword to the end of the line the keyword is on', async () => {
    expect(await fmt('rule r when // note\n a then c')).toBe(lines('rule r', '  when a // note', '  then c'));
    expect(await fmt('rule r when a and // note\n b then c')).toBe(lines('rule r', '  when a and b // note', '  then c'));
    expect(await fmt('context c = // note\n a')).toBe(lines('context c = // note', '  a'));
  });

  it('puts the second of two end-of-line comments that meet at one line break on its own line', async () => {
    expect(await fmt('rule r // one\n when // two\n a\nthen c')).toBe(lines('rule r // one', '  when a // two', '  then c'));
    expect(await fmt('default // one\nallow // two\n')).toBe(lines('default allow // one', '', '// two'));
  });

  it('keeps a blank line after a top-level comment (one at most) and adds none', async () => {
    expect(await fmt('// header\n\n\n\n// about a\ncontext a = b\n// about c\ncontext c = d')).toBe(
      lines('// header', '', '// about a', 'context a = b', '', '// about c', 'context c = d'),
    );
  });

  it('sets comments after the last item one blank line apart and keeps a file of only comments', async () => {
    expect(await fmt('default allow\n// end')).toBe(lines('default allow', '', '// end'));
    expect(await fmt('  // one\n\n\n// two\n// three')).toBe(lines('// one', '', '// two', '// three'));
  });

  it('keeps comments inside enums, records, sets and parentheses, which then break', async () => {
    expect(await fmt('enum E { a, // first\n b }')).toBe(lines('enum E {', '  a, // first', '  b,', '}'));
    expect(await fmt('enum E { a, b\n// closing\n}')).toBe(lines('enum E {', '  a,', '  b,', '  // closing', '}'));
    expect(await fmt('record R { a: int // first\n}')).toBe(lines('record R {', '  a: int, // first', '}'));
    // A context that cannot stay on one line breaks after `=`, whatever made it break.
    expect(await fmt('context c = x in {a, // first\n b}')).toBe(lines('context c =', '  x in {', '    a, // first', '    b,', '  }'));
    expect(await fmt('context c = x in { // none\n}')).toBe(lines('context c =', '  x in { // none', '  }'));
    expect(await fmt('rule r when (a // first\n or b) then c')).toBe(lines('rule r', '  when (', '    a // first', '    or b', '  )', '  then c'));
    expect(await fmt('scale S { a // least\n < b }')).toBe(lines('scale S {', '  a // least', '  < b', '}'));
  });

  it('keeps a comment after a trailing comma in a `from` list on the `from` line', async () => {
    expect(await fmt('exemption e from a, b, // names\n when c then d')).toBe(lines('exemption e', '  from a, b // names', '  when c', '  then d'));
  });

  it('drops trailing whitespace in comments and keeps their text otherwise', async () => {
    expect(await fmt('//   spaced   out  \t\ndefault allow //x')).toBe(lines('//   spaced   out', 'default allow //x'));
  });

  it('formats its own output to the same text', async () => {
    const input = 'rule r // a\n// b\nwhen x // c\n// d\nand (y // e\n// f\n) // g\nthen z // h\n// i\n';
    const once = await fmt(input);
    expect(await fmt(once)).toBe(once);
    expect(once).toBe(lines('rule r // a', '  // b', '  when x // c', '    // d', '    and (', '      y // e', '      // f', '    ) // g', '  then z // h', '', '// i'));
  });
});
