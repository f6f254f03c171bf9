import { describe, expect, it } from 'vitest';
import { diagnostic } from '../../src/diagnostics/codes.js';
import { diagnosticToJson, renderDiagnostic, renderDiagnostics, summarize } from '../../src/diagnostics/render.js';
import { spanFromOffsets } from '../../src/diagnostics/span.js';
import { runFixture } from './run-fixture.js';

describe('human rendering', () => {
  it('file:line:col, a gutter as wide as the line number, ^^^ under the span, notes, then help', () => {
    const run = runFixture('BL303-exemption-more-severe');
    expect(renderDiagnostics(run.diagnostics, { sources: run.sources })).toBe(
      [
        'error[BL303]: exemption `repeat_offenders` (`suspend`) is more severe than rule `harassment` (`remove`)',
        '  --> example.policy:15:8',
        '   |',
        '15 |   then suspend',
        '   |        ^^^^^^^',
        '   = note: `harassment` is declared here (example.policy:7:6)',
        '   = help: an exemption softens a rule; use an action no more severe than `remove` (scale: `allow` < `notice` < `remove` < `lock` < `suspend`)',
      ].join('\n'),
    );
  });

  it('a long line is shown around the span, cut with `…`, the ^ still under it', () => {
    // The whole line was printed: a 600 KB generated policy gave a 600 KB diagnostic.
    const line = `${'a'.repeat(300_000)}XYZ${'b'.repeat(300_000)}`;
    const text = `x\n${line}\n`;
    const at = 2 + 300_000;
    const d = diagnostic('BL201', 'unknown name `XYZ`', spanFromOffsets('long.policy', text, at, at + 3));
    expect(renderDiagnostic(d, { sources: new Map([['long.policy', text]]) })).toBe(
      [
        'error[BL201]: unknown name `XYZ`',
        '  --> long.policy:2:300001',
        '  |',
        `2 | …${'a'.repeat(60)}XYZ${'b'.repeat(60)}…`,
        `  | ${' '.repeat(61)}^^^`,
      ].join('\n'),
    );
    // A cut never splits a surrogate pair (here the window would start inside one).
    const emoji = '😀'.repeat(100);
    const odd = `${emoji}QR${emoji}`;
    const at200 = diagnostic('BL201', 'x', spanFromOffsets('e.policy', odd, 201, 202));
    const frame = renderDiagnostic(at200, { sources: new Map([['e.policy', odd]]) }).split('\n');
    expect(frame[3]).toBe(`1 | …${'😀'.repeat(30)}QR${'😀'.repeat(30)}…`);
    // Columns count UTF-16 units, as the rest of the frame does (an emoji is two, and two cells wide).
    expect(frame[4]).toBe(`  | ${' '.repeat(1 + 60 + 1)}^`);
  });

  it('control characters in the message, path, notes and help are escaped; the JSON form keeps them', () => {
    const text = 'a\u009bb\n';
    const d = diagnostic('BL201', 'unknown name `x\u001b[2J`', spanFromOffsets('p\u0007.policy', text, 1, 2), {
      notes: [{ message: 'see \u0008here' }],
      help: 'try \u001b[31m',
    });
    const shown = renderDiagnostic(d, { sources: new Map([['p\u0007.policy', text]]) });
    expect(shown).toBe(
      [
        'error[BL201]: unknown name `x\\u001b[2J`',
        '  --> p\\u0007.policy:1:2',
        '  |',
        '1 | a·b',
        '  |  ^',
        '   = note: see \\u0008here',
        '   = help: try \\u001b[31m',
      ].join('\n'),
    );
    expect(diagnosticToJson(d)['message']).toBe('unknown name `x\u001b[2J`');
  });

  it('invisible and bidi characters in the message, notes and help are escaped too (a case id from a case file can hold them)', () => {
    const text = 'ab\n';
    const d = diagnostic('BL201', 'case `x\u202eyz`', spanFromOffsets('p.policy', text, 1, 2), { notes: [{ message: 'see \u200bhere' }], help: 'try \ufeff' });
    const shown = renderDiagnostic(d, { sources: new Map([['p.policy', text]]) });
    expect(shown.split('\n')).toEqual(['error[BL201]: case `x\\u{202E}yz`', '  --> p.policy:1:2', '  |', '1 | ab', '  |  ^', '   = note: see \\u{200B}here', '   = help: try \\u{FEFF}']);
  });

  it('a warning, with a one-digit gutter', () => {
    const run = runFixture('BL404-no-because');
    expect(renderDiagnostics(run.diagnostics, { sources: run.sources })).toBe(
      [
        'warning[BL404]: rule `harassment` has no `because`',
        '  --> example.policy:7:6',
        '  |',
        '7 | rule harassment',
        '  |      ^^^^^^^^^^',
        '   = help: add `because "…"` quoting the guideline it enforces; decisions and appeals show it',
      ].join('\n'),
    );
  });

  it('with color: severity, underline and help are painted, the rest is plain', () => {
    const run = runFixture('BL304-action-not-on-scale');
    expect(renderDiagnostics(run.diagnostics, { sources: run.sources, color: true })).toBe(
      [
        '\u001b[1;31merror[BL304]\u001b[0m: `remvoe` is not an action on the scale `Action`',
        '  --> example.policy:9:8',
        '  |',
        '9 |   then remvoe',
        '  |        \u001b[1;31m^^^^^^\u001b[0m',
        '   = \u001b[1;36mhelp\u001b[0m: did you mean `remove`?',
      ].join('\n'),
    );
  });

  it('several diagnostics are separated by a blank line, and summed up', () => {
    const text = 'rule a\n  when x\n  then remove\n';
    const sources = new Map([['f.policy', text]]);
    const first = diagnostic('BL201', 'unknown name `x`', spanFromOffsets('f.policy', text, 14, 15));
    const second = diagnostic('BL404', 'rule `a` has no `because`', spanFromOffsets('f.policy', text, 5, 6));
    expect(renderDiagnostics([first, second], { sources })).toBe(
      [
        'error[BL201]: unknown name `x`',
        '  --> f.policy:2:8',
        '  |',
        '2 |   when x',
        '  |        ^',
        '',
        'warning[BL404]: rule `a` has no `because`',
        '  --> f.policy:1:6',
        '  |',
        '1 | rule a',
        '  |      ^',
      ].join('\n'),
    );
    expect(summarize([first, second])).toBe('1 error, 1 warning');
    expect(summarize([first, first, first])).toBe('3 errors, 0 warnings');
  });

  it('an empty span still gets one ^; a span over several lines is underlined to the end of its first', () => {
    const text = 'context c =\n  post.public_interest\n  and post.author.verified\n';
    const sources = new Map([['f.policy', text]]);
    const empty = diagnostic('BL002', 'expected a condition, found the end of the file', spanFromOffsets('f.policy', text, 11, 11));
    expect(renderDiagnostic(empty, { sources }).split('\n').slice(2, 5)).toEqual(['  |', '1 | context c =', '  |            ^']);
    const long = diagnostic('BL401', 'context `c` is never used', spanFromOffsets('f.policy', text, 14, text.length - 1));
    expect(renderDiagnostic(long, { sources }).split('\n').slice(2, 5)).toEqual([
      '  |',
      '2 |   post.public_interest',
      '  |   ^^^^^^^^^^^^^^^^^^^^',
    ]);
  });

  it('tabs are shown as four spaces, and the ^ stay under the span', () => {
    const text = 'rule r\n\twhen\tpost.author.folowers > 1\n';
    const sources = new Map([['f.policy', text]]);
    const start = text.indexOf('folowers');
    const d = diagnostic('BL202', '`Account` has no field `folowers`', spanFromOffsets('f.policy', text, start, start + 8));
    expect(renderDiagnostic(d, { sources }).split('\n').slice(1, 5)).toEqual([
      '  --> f.policy:2:19',
      '  |',
      '2 |     when    post.author.folowers > 1',
      `  | ${' '.repeat(24)}^^^^^^^^`,
    ]);
  });

  it('without the source (a folder, an unreadable file) there is no code frame', () => {
    const run = runFixture('BL106-unreadable-file', { unreadable: ['rules.policy'] });
    expect(renderDiagnostics(run.diagnostics, { sources: run.sources })).toBe(
      [
        'error[BL106]: cannot read `example/rules.policy`',
        '  --> example/rules.policy:1:1',
        '   = help: check that the file exists, is a file and that you may read it',
      ].join('\n'),
    );
  });

  it('a code frame never carries a character that could reorder or hide it', () => {
    const run = runFixture('BL406-suspicious-unicode');
    const rendered = renderDiagnostics(run.diagnostics, { sources: run.sources });
    expect(rendered).toContain('8 |   when post.author.handle == "admin');
    expect(rendered).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/);
  });
});

describe('JSON rendering (--error-format json)', () => {
  it('one object per diagnostic, positions 1-based with 0-based offsets, help and notes with their spans', () => {
    const run = runFixture('BL303-exemption-more-severe');
    expect(run.diagnostics.map(diagnosticToJson)).toEqual([
      {
        code: 'BL303',
        severity: 'error',
        message: 'exemption `repeat_offenders` (`suspend`) is more severe than rule `harassment` (`remove`)',
        file: 'example.policy',
        start: { line: 15, column: 8, offset: 234 },
        end: { line: 15, column: 15, offset: 241 },
        help: 'an exemption softens a rule; use an action no more severe than `remove` (scale: `allow` < `notice` < `remove` < `lock` < `suspend`)',
        notes: [
          {
            message: '`harassment` is declared here',
            file: 'example.policy',
            start: { line: 7, column: 6, offset: 54 },
            end: { line: 7, column: 16, offset: 64 },
          },
        ],
      },
    ]);
    // The offsets are those of the underlined text.
    const text = run.sources.get('example.policy')!;
    expect(text.slice(234, 241)).toBe('suspend');
    expect(text.slice(54, 64)).toBe('harassment');
  });

  it('no `help` key when there is no help; notes without a span have no position', () => {
    const text = 'x';
    const d = diagnostic('BL201', 'unknown name `x`', spanFromOffsets('f.policy', text, 0, 1), { notes: [{ message: 'a note' }] });
    expect(diagnosticToJson(d)).toEqual({
      code: 'BL201',
      severity: 'error',
      message: 'unknown name `x`',
      file: 'f.policy',
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 1, column: 2, offset: 1 },
      notes: [{ message: 'a note' }],
    });
    expect(JSON.parse(JSON.stringify(diagnosticToJson(d)))).toEqual(diagnosticToJson(d));
  });
});
