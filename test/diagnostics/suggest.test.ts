import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { RuntimeUse } from '../../src/compiler/runtime.js';
import { closestMatch, editDistance, MAX_SUGGEST_LENGTH } from '../../src/diagnostics/suggest.js';

/** The textbook optimal-string-alignment distance over a full table: the reference. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

// Small alphabets make near misses (and transpositions) common.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '_'), maxLength: 14 });
const OPTIONS = { numRuns: 3000, seed: 16 };

interface RuntimePort {
  $editDistance(a: string, b: string, max: number): number;
  $closest(name: string, candidates: readonly string[]): string | undefined;
}

/** What a generated module runs: the runtime's text as the JavaScript target inlines it. */
let port: RuntimePort;
beforeAll(async () => {
  const use = new RuntimeUse();
  use.use('closestMatch');
  const file = join(mkdtempSync(join(tmpdir(), 'bylaw-suggest-')), 'port.mjs');
  writeFileSync(file, `${use.privateCode('js').join('\n\n')}\nexport { $editDistance, $closestMatch as $closest };\n`);
  port = (await import(pathToFileURL(file).href)) as RuntimePort;
});

describe('editDistance', () => {
  it('is the optimal string alignment distance', () => {
    fc.assert(fc.property(word, word, (a, b) => editDistance(a, b) === reference(a, b)), OPTIONS);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('with a bound: exact up to it, above it past it', () => {
    fc.assert(
      fc.property(word, word, fc.nat(6), (a, b, max) => {
        const exact = reference(a, b);
        const bounded = editDistance(a, b, max);
        return exact <= max ? bounded === exact : bounded > max;
      }),
      OPTIONS,
    );
  });

  it('the compiled module computes the same distances and suggestions', () => {
    fc.assert(
      fc.property(word, word, fc.nat(6), (a, b, max) => {
        const ours = editDistance(a, b, max);
        const theirs = port.$editDistance(a, b, max);
        return ours <= max ? theirs === ours : theirs > max;
      }),
      OPTIONS,
    );
    fc.assert(fc.property(word, fc.array(word, { maxLength: 6 }), (name, candidates) => port.$closest(name, candidates) === closestMatch(name, candidates)), OPTIONS);
  });
});

describe('closestMatch', () => {
  it('keeps the first of equally close candidates and ignores far ones', () => {
    expect(closestMatch('worldleader', ['world_leaders', 'world_leader'])).toBe('world_leader');
    expect(closestMatch('abcdef', ['abcxyz'])).toBeUndefined();
    expect(closestMatch('Staff', ['member', 'staff'])).toBe('staff');
  });

  it(`gives no edit-distance suggestion for names over ${MAX_SUGGEST_LENGTH} characters; a case-only difference still counts`, () => {
    const long = 'a'.repeat(30_000);
    const typo = `${'a'.repeat(14_999)}b${'a'.repeat(15_000)}`;
    expect(closestMatch(typo, [long])).toBeUndefined();
    expect(port.$closest(typo, [long])).toBeUndefined();
    expect(closestMatch(long.toUpperCase(), [long])).toBe(long);
    const edge = 'x'.repeat(MAX_SUGGEST_LENGTH);
    expect(closestMatch(`${edge.slice(1)}y`, [edge])).toBe(edge);
  });
});

describe('did-you-mean on a 30,000-character name', () => {
  it('`bylaw check` finishes in a 64 MB heap (a full table needed gigabytes and died out of memory)', () => {
    const name = 'a'.repeat(30_000);
    const typo = `${'a'.repeat(14_999)}b${'a'.repeat(15_000)}`;
    const dir = mkdtempSync(join(tmpdir(), 'bylaw-suggest-'));
    const file = join(dir, 'big.policy');
    writeFileSync(
      file,
      `use moderation\n\ninput post: Post\n\ndefault allow\n\ncontext ${name} = post.public_interest\n\nrule r\n  when ${typo}\n  then remove\n  because "x"\n`,
    );
    const r = spawnSync(process.execPath, ['--max-old-space-size=64', 'bin/bylaw.js', 'check', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error[BL201]');
    expect(r.stderr).toContain('checked 1 policy: 1 error, 1 warning');
  });
});
