import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints } from '../../src/diagnostics/text.js';

/** Output never depends on LANG / LC_ALL: everything printed in order is ordered by code point. */

const codePoints = (s: string) => Array.from(s, (c) => c.codePointAt(0)!);
function byCodePoints(a: string, b: string): number {
  const x = codePoints(a);
  const y = codePoints(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

describe('compareCodePoints', () => {
  it('orders by code point, astral characters after U+E000–U+FFFF', () => {
    expect(['zeta', 'äpple', 'Zeta', 'apple'].sort(compareCodePoints)).toEqual(['Zeta', 'apple', 'zeta', 'äpple']);
    // UTF-16 order (plain `<`) would put the emoji (D83D DE00) before U+FB01.
    expect(['\u{1F600}', '\uFB01', '\uE000', 'z'].sort(compareCodePoints)).toEqual(['z', '\uE000', '\uFB01', '\u{1F600}']);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => Math.sign(compareCodePoints(a, b)) === Math.sign(byCodePoints(a, b))),
      { numRuns: 5000, seed: 10 },
    );
  });

  it('is what src/ sorts with: no locale-dependent comparison is left', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts') && /\.localeCompare\(|Intl\.Collator/.test(readFileSync(path, 'utf8'))) offenders.push(path);
      }
    };
    walk('src');
    expect(offenders).toEqual([]);
  });
});

describe('the same output in every locale', () => {
  // Two decisions with the same count: their order is by action name alone.
  const dir = mkdtempSync(join(tmpdir(), 'bylaw-locale-'));
  writeFileSync(
    join(dir, 'p.policy'),
    'scale Action { zeta < äpple }\nrecord In { x: bool }\ninput post: In\ndefault zeta\nrule r\n  when post.x\n  then äpple\n  because "x"\n',
  );
  writeFileSync(join(dir, 'in.jsonl'), '{"x":true}\n{"x":false}\n');
  const replay = (locale: string) => {
    const r = spawnSync(process.execPath, ['bin/bylaw.js', 'replay', join(dir, 'p.policy'), '--input', join(dir, 'in.jsonl'), '--jobs', '0'], {
      encoding: 'utf8',
      env: { ...process.env, LANG: locale, LC_ALL: locale },
    });
    expect(r.status).toBe(0);
    return r.stdout.split('\n').filter((line) => /^(zeta|äpple) /.test(line));
  };

  it('replay lists decisions by code point under en_US and sv_SE alike (zeta before äpple)', () => {
    // The child's ICU must know both locales, or the test would prove nothing.
    const collation = spawnSync(process.execPath, ['-p', `['en','sv'].map((l) => 'äpple'.localeCompare('zeta', l)).join(' ')`], { encoding: 'utf8' });
    expect(collation.stdout.trim()).toBe('-1 1');
    const english = replay('en_US.UTF-8');
    expect(english.map((line) => line.split(' ')[0])).toEqual(['zeta', 'äpple']);
    expect(replay('sv_SE.UTF-8')).toEqual(english);
  });
});
