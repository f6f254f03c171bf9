/**
 * The decision plan is the semantics of LANGUAGE.md: its fold (`decideOutcome`, what the
 * interpreter, the compiled module and the diff run) and its cascade (`runCascade`, what SQL
 * runs) both equal a reading of the normative rules written here from the text alone, for every
 * firing pattern of small programs and for random patterns of larger ones.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/random.js';
import type { CheckedClause, CheckedExemption, PolicySet, Program } from '../../src/checker/program.js';
import { loadPolicy } from '../../src/load-policy.js';
import { decideOutcome, planSet, runCascade, versionInForce, type Answer } from '../../src/semantics/plan.js';
import { compilePolicy } from '../support/policies.js';
import { randomPolicy } from '../sql/support/random-policy.js';

/** LANGUAGE.md, "Decision semantics (normative)", rules 1–5, for one outcome. */
function byTheBook(p: Program, holds: (c: CheckedClause) => boolean) {
  type Candidate = { severity: number; tie: number; index: number; clause: CheckedClause; exemption: CheckedExemption | null };
  const candidates: Candidate[] = [];
  p.redlines.forEach((r, index) => holds(r) && candidates.push({ severity: r.severity, tie: 0, index, clause: r, exemption: null }));
  p.rules.forEach((r, index) => {
    if (!holds(r)) return;
    // 2: the least severe applicable exemption, ties the first declared.
    let chosen: CheckedExemption | null = null;
    for (const e of p.exemptions) if (e.from.includes(r.name) && holds(e) && (chosen === null || e.severity < chosen.severity)) chosen = e;
    candidates.push(chosen ? { severity: chosen.severity, tie: 2, index, clause: r, exemption: chosen } : { severity: r.severity, tie: 1, index, clause: r, exemption: null });
  });
  // 3: most severe; ties a red line, then a rule not exempted, then an exempted rule, then declaration order.
  candidates.sort((a, b) => b.severity - a.severity || a.tie - b.tie || a.index - b.index);
  const best = candidates[0];
  if (!best) return { action: p.scale.members[p.defaultAction.severity], basis: 'default', clause: null, exemption: null, because: [] };
  return {
    action: p.scale.members[best.severity],
    basis: best.exemption ? 'exemption' : best.clause.kind,
    clause: best.clause.name,
    exemption: best.exemption?.name ?? null,
    because: [best.clause.because, best.exemption?.because].filter((b) => b != null),
  };
}

const shape = (a: Answer) => ({ action: a.action, basis: a.basis, clause: a.clause, exemption: a.exemption, because: a.because });

function load(path: string): PolicySet {
  const loaded = loadPolicy(path);
  if (!loaded.policy) throw new Error(path);
  return loaded.policy;
}

const sets = [load('policies/twitter'), load('test/compiler/fixtures/ties.policy'), ...Array.from({ length: 120 }, (_, i) => compilePolicy('', { preamble: randomPolicy(7000 + i) }))];

describe('the plan of a Bylaw 1 version', () => {
  it('fold = cascade = the normative rules, on every firing pattern (≤ 12 clauses) or 2,000 random ones', () => {
    const random = mulberry32(11);
    let patterns = 0;
    for (const set of sets) {
      for (const version of planSet(set).versions) {
        const p = version.program;
        const clauses = [...p.redlines, ...p.rules, ...p.exemptions];
        const exhaustive = clauses.length <= 12;
        const runs = exhaustive ? 2 ** clauses.length : 2000;
        for (let run = 0; run < runs; run++) {
          const density = [0.1, 0.3, 0.7][run % 3]!;
          const fired = new Map(clauses.map((c, i) => [c, exhaustive ? (run & (1 << i)) !== 0 : random() < density]));
          const holds = (c: CheckedClause) => fired.get(c)!;
          const expected = byTheBook(p, holds);
          expect(shape(decideOutcome(version.outcomes[0]!, holds))).toEqual(expected);
          expect(shape(runCascade(version.outcomes[0]!, holds))).toEqual(expected);
          patterns++;
        }
      }
    }
    expect(patterns).toBeGreaterThan(20_000);
  });

  it('orders each rule’s exemptions least severe first, ties the first declared', () => {
    for (const set of sets) {
      for (const { program, preference } of planSet(set).versions) {
        for (const [rule, order] of preference) {
          const named = program.exemptions.flatMap((e, i) => (e.from.includes(rule) ? [i] : []));
          expect([...order].sort((a, b) => a - b)).toEqual(named);
          for (let k = 1; k < order.length; k++) {
            const [a, b] = [program.exemptions[order[k - 1]!]!, program.exemptions[order[k]!]!];
            expect(a.severity < b.severity || (a.severity === b.severity && order[k - 1]! < order[k]!)).toBe(true);
          }
        }
      }
    }
  });
});

describe('the version in force', () => {
  it('is the latest effective on or before the date; none before the first', () => {
    const twitter = planSet(sets[0]!);
    const effective = twitter.set.versions.map((v) => v.effective!);
    expect(versionInForce(twitter, '2017-09-24')).toBe(-1);
    expect(versionInForce(twitter, effective[0]!)).toBe(0);
    expect(versionInForce(twitter, effective[1]!)).toBe(1);
    expect(versionInForce(twitter, '9999-12-31')).toBe(effective.length - 1);
    const [, second] = effective;
    const dayBefore = new Date(Date.parse(second!) - 86_400_000).toISOString().slice(0, 10);
    expect(versionInForce(twitter, dayBefore)).toBe(0);
  });

  it('is always the one version of an undated set', () => {
    const plan = planSet(sets[1]!);
    expect(plan.dispatch).toEqual([]);
    expect(versionInForce(plan, null)).toBe(0);
  });
});
