import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/format/diff.js';

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', 'f')).toBe('');
  });

  it('shows each change with three lines of context, in diff -u form', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'].join('\n') + '\n';
    const after = before.replace('2\n', 'two\n').replace('11\n', '');
    expect(unifiedDiff(before, after, 'f.policy')).toBe(
      ['--- f.policy', '+++ f.policy', '@@ -1,5 +1,5 @@', ' 1', '-2', '+two', ' 3', ' 4', ' 5', '@@ -8,5 +8,4 @@', ' 8', ' 9', ' 10', '-11', ' 12', ''].join('\n'),
    );
  });

  it('merges changes whose contexts overlap into one hunk', () => {
    expect(unifiedDiff('a\nb\nc\nd\n', 'A\nb\nc\nD\n', 'f')).toBe(['--- f', '+++ f', '@@ -1,4 +1,4 @@', '-a', '+A', ' b', ' c', '-d', '+D', ''].join('\n'));
  });

  it('marks a missing final newline and handles empty texts', () => {
    expect(unifiedDiff('a', 'a\n', 'f')).toBe(['--- f', '+++ f', '@@ -1 +1 @@', '-a', '\\ No newline at end of file', '+a', ''].join('\n'));
    expect(unifiedDiff('', 'a\n', 'f')).toBe(['--- f', '+++ f', '@@ -0,0 +1 @@', '+a', ''].join('\n'));
  });

  it('stays linear on a huge file where every line changed: one hunk replacing the file', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `  line ${i}`).join('\n') + '\n';
    const after = before.replace(/^  /gm, '    ');
    const diff = unifiedDiff(before, after, 'big.policy');
    const lines = diff.split('\n');
    expect(lines.slice(0, 4)).toEqual(['--- big.policy', '+++ big.policy', '@@ -1,20000 +1,20000 @@', '-  line 0']);
    expect(lines.filter((l) => l.startsWith('-')).length).toBe(20_001); // 20,000 lines and the `---` header
    expect(lines.filter((l) => l.startsWith('+')).length).toBe(20_001);
    expect(unifiedDiff('a', 'b', 'f')).toBe(['--- f', '+++ f', '@@ -1 +1 @@', '-a', '\\ No newline at end of file', '+b', '\\ No newline at end of file', ''].join('\n'));
  });
});
