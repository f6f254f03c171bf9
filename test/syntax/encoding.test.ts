import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/syntax/encoding.js';
import { runCli } from '../support/cli.js';

/** Policies are UTF-8: bytes that are not are BL009, never a silent U+FFFD. */

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const problem = (b: Buffer) => decodeSource(b, 'x.policy').diagnostics.map((d) => `${d.code} ${d.message} @${d.span.start.line}:${d.span.start.column}`);

describe('decodeSource', () => {
  it('accepts UTF-8, including 4-byte characters and a literal U+FFFD', () => {
    expect(decodeSource(bytes('// 😀 é \ufffd ok\n'), 'x.policy')).toEqual({ text: '// 😀 é \ufffd ok\n', diagnostics: [] });
  });

  it.each([
    ['a Windows-1252 é', bytes('ok\n  caf', [0xe9], '\n'), 'BL009 invalid UTF-8: byte 0xE9 at byte offset 8 @2:6'],
    ['a stray continuation byte', bytes('é', [0x80]), 'BL009 invalid UTF-8: byte 0x80 at byte offset 2 @1:2'],
    ['an overlong encoding of `/`', bytes('a', [0xc0, 0xaf]), 'BL009 invalid UTF-8: byte 0xC0 at byte offset 1 @1:2'],
    ['an encoded surrogate', bytes('😀', [0xed, 0xa0, 0x80]), 'BL009 invalid UTF-8: byte 0xED at byte offset 4 @1:3'],
    ['a code point above U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), 'BL009 invalid UTF-8: byte 0xF4 at byte offset 0 @1:1'],
    ['a sequence cut short by the end of the file', bytes('x', [0xe2, 0x82]), 'BL009 invalid UTF-8: bytes 0xE2 0x82 at byte offset 1 @1:2'],
  ])('%s', (_, b, expected) => {
    expect(problem(b)).toEqual([expected]);
  });

  it('counts the other bad sequences in a note; the text keeps U+FFFD for the code frame', () => {
    const result = decodeSource(bytes([0xff], ' a ', [0xfe], ' b ', [0xe9]), 'x.policy');
    expect(result.text).toBe('\ufffd a \ufffd b \ufffd');
    expect(result.diagnostics[0]!.notes.map((n) => n.message)).toEqual(['2 more invalid sequences in the file']);
  });

  it('agrees with the platform decoder on what is UTF-8', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const valid = (b: Uint8Array) => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (b) => (decodeSource(b, 'x.policy').diagnostics.length === 0) === valid(b)),
      { numRuns: 20_000, seed: 9 },
    );
  });
});

describe('invalid UTF-8 in a policy', () => {
  // Windows-1252 é in a comment and a string, in a file fmt would reformat.
  const latin1 = bytes('use moderation\ninput post: Post\ndefault allow\n// caf', [0xe9], '\nrule r when post.public_interest then remove because "na', [0xef], 've"\n');

  it('check reports BL009 (it used to pass, with U+FFFD in the string)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bylaw-utf8-'));
    writeFileSync(join(dir, 'p.policy'), latin1);
    const r = await runCli(['check', join(dir, 'p.policy')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error[BL009]: invalid UTF-8: byte 0xE9 at byte offset 52\n  --> ${join(dir, 'p.policy')}:4:7\n`);
    expect(r.stderr).toContain('= note: 1 more invalid sequence in the file');
  });

  it('fmt refuses to write it and leaves its bytes alone (it used to write U+FFFD over them)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bylaw-utf8-'));
    writeFileSync(join(dir, 'p.policy'), latin1);
    const r = await runCli(['fmt', 'p.policy'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error[BL009]: invalid UTF-8: byte 0xE9 at byte offset 52');
    expect(readFileSync(join(dir, 'p.policy'))).toEqual(latin1);
    expect((await runCli(['fmt', '--check', 'p.policy'], { cwd: dir })).code).toBe(2);
  });
});
