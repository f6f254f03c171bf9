/**
 * The Meta benchmark's engines decide what the policy decides: the tuned hand-written function
 * (bench/meta/handwritten.ts) equals the interpreter on the golden cases and on random posts,
 * every field of both outcomes; the posts are deterministic and of the golden cases' shape.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePieces } from '../../bench/meta/data.js';
import { decide, NoVersionInForceError } from '../../bench/meta/handwritten.js';
import type { Piece } from '../../bench/meta/types.js';
import type { PolicySet } from '../../src/checker/program.js';
import { loadCompiled, type CompiledModule } from '../../src/compiler/load.js';
import { decideUnknown } from '../../src/interpreter/evaluate.js';
import { loadPolicy } from '../../src/load-policy.js';

const golden = (JSON.parse(readFileSync('test/golden/meta.cases.json', 'utf8')) as { cases: { id: string; input: Piece }[] }).cases;

describe('Meta benchmark', () => {
  let set: PolicySet;
  let compiled: CompiledModule;
  beforeAll(async () => {
    set = loadPolicy('policies/meta').policy!;
    compiled = await loadCompiled(set);
  });

  const disagreements = (pieces: readonly Piece[]) => {
    const found: string[] = [];
    for (const p of pieces) {
      const expected = decideUnknown(set, p);
      let got: unknown;
      try {
        got = { ok: true, decision: decide(p) };
      } catch (e) {
        got = e instanceof NoVersionInForceError ? { ok: false } : String(e);
      }
      const want = expected.ok ? expected : { ok: false };
      if (JSON.stringify(got) !== JSON.stringify(want) && found.length < 3) found.push(`${JSON.stringify(p)}: ${JSON.stringify(got)}`);
    }
    return found;
  };

  it('the hand-written function decides the golden cases as the interpreter does', () => {
    expect(golden.length).toBeGreaterThanOrEqual(16);
    expect(disagreements(golden.map((c) => c.input))).toEqual([]);
  });

  it('the hand-written function decides 20,000 random posts (two seeds) as the interpreter does, every field', () => {
    expect(disagreements(generatePieces(10_000))).toEqual([]);
    expect(disagreements(generatePieces(10_000, 7))).toEqual([]);
  });

  it('the compiled module agrees with the hand-written function, returning shared frozen decisions', () => {
    const pieces = generatePieces(5_000);
    for (const p of pieces) expect(JSON.stringify(compiled.decide(p))).toBe(JSON.stringify(decide(p)));
    const seen = new Set(pieces.map((p) => decide(p)));
    for (const d of seen) expect(Object.isFrozen(d) && Object.isFrozen(d.outcomes)).toBe(true);
    expect(seen.size).toBeLessThan(200);
  });

  it('posts are deterministic, 0–20 strikes each, valid inputs of the policy', () => {
    const pieces = generatePieces(2_000);
    expect(generatePieces(500)).toEqual(pieces.slice(0, 500));
    expect(generatePieces(10, 1)).not.toEqual(generatePieces(10, 2));
    const counts = pieces.map((p) => p.author.strikes.length);
    expect(Math.min(...counts)).toBe(0);
    expect(Math.max(...counts)).toBe(20);
    for (const p of pieces) expect(compiled.validate(p).ok).toBe(true);
    // Every rung of both ladders is reached, and the civil-unrest penalties.
    const clauses = new Set(pieces.flatMap((p) => [decide(p).outcomes.account.clause]));
    for (const c of ['first_strike', 'fifth_strike_or_more', 'second_to_sixth_strike', 'tenth_strike_or_more', 'unrest_highest', 'dangerous_organizations']) {
      expect(clauses).toContain(c);
    }
  });
});
