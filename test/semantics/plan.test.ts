/**
 * The decision plan is the semantics of LANGUAGE.md: its fold (`decideOutcome`, what the
 * interpreter, the compiled module and the diff run) and its cascade (`runCascade`, what SQL
 * runs) both equal a reading of the normative rules written here from the text alone, for every
 * firing pattern of small programs and for random patterns of larger ones.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/random.js';
import type { ActionRef, CheckedClause, CheckedExemption, PolicySet, Program } from '../../src/checker/program.js';
import { durationHours } from '../../src/semantics/durations.js';
import { loadPolicy } from '../../src/load-policy.js';
import { decideOutcome, planSet, runCascade, versionInForce, type Answer } from '../../src/semantics/plan.js';
import { compilePolicy } from '../support/policies.js';
import { randomPolicy } from '../sql/support/random-policy.js';

/** Severity of an action: rank on the scale, then length in hours (LANGUAGE-2 §2). */
const severity = (a: ActionRef): [number, number] => [a.rank, a.duration ? durationHours(a.duration) : 0];
const compareSeverity = (a: ActionRef, b: ActionRef) => a.rank - b.rank || severity(a)[1] - severity(b)[1];
const actionIn = (c: CheckedClause, o: number) => c.actions.find((a) => a.outcome === o) ?? null;

/**
 * LANGUAGE.md "Decision semantics (normative)" and LANGUAGE-2 §3, for outcome `o`, written from
 * the text alone: contributions of fired red lines and rules (an exempted rule contributes its
 * least severe applicable exemption's action, or the outcome's least member), the most severe
 * wins, ties a red line, then a rule, then an exempted rule, then declaration order.
 */
function byTheBook(p: Program, o: number, holds: (c: CheckedClause) => boolean) {
  const least = (): ActionRef => ({ outcome: o, member: p.outcomes[o]!.scale.members[0]!, rank: 0, duration: null });
  // Exemptions compared by their actions outcome by outcome, in declaration order of the outcomes.
  const compareExemptions = (a: CheckedExemption, b: CheckedExemption) => {
    for (let k = 0; k < p.outcomes.length; k++) {
      const d = compareSeverity(actionIn(a, k) ?? { outcome: k, member: '', rank: 0, duration: null }, actionIn(b, k) ?? { outcome: k, member: '', rank: 0, duration: null });
      if (d !== 0) return d;
    }
    return 0;
  };
  type Candidate = { action: ActionRef; tie: number; index: number; clause: CheckedClause; exemption: CheckedExemption | null };
  const candidates: Candidate[] = [];
  p.redlines.forEach((r, index) => {
    const action = actionIn(r, o);
    if (action && holds(r)) candidates.push({ action, tie: 0, index, clause: r, exemption: null });
  });
  p.rules.forEach((r, index) => {
    const action = actionIn(r, o);
    if (!action || !holds(r)) return;
    let chosen: CheckedExemption | null = null;
    for (const e of p.exemptions) if (e.from.includes(r.name) && holds(e) && (chosen === null || compareExemptions(e, chosen) < 0)) chosen = e;
    candidates.push(chosen ? { action: actionIn(chosen, o) ?? least(), tie: 2, index, clause: r, exemption: chosen } : { action, tie: 1, index, clause: r, exemption: null });
  });
  candidates.sort((a, b) => compareSeverity(b.action, a.action) || a.tie - b.tie || a.index - b.index);
  const best = candidates[0];
  if (!best) {
    const d = p.defaults[o]!;
    return { action: d.member, duration: d.duration, basis: 'default', clause: null, exemption: null, because: [] };
  }
  return {
    action: best.action.member,
    duration: best.action.duration,
    basis: best.exemption ? 'exemption' : best.clause.kind,
    clause: best.clause.name,
    exemption: best.exemption?.name ?? null,
    because: [best.clause.because, best.exemption?.because].filter((b) => b != null),
  };
}

const shape = (a: Answer) => ({ action: a.action, duration: a.duration, basis: a.basis, clause: a.clause, exemption: a.exemption, because: a.because });

function load(path: string): PolicySet {
  const loaded = loadPolicy(path);
  if (!loaded.policy) throw new Error(path);
  return loaded.policy;
}

const bylaw2 = [load('policies/youtube'), load('policies/meta')];
const sets = [load('policies/twitter'), load('test/compiler/fixtures/ties.policy'), ...Array.from({ length: 120 }, (_, i) => compilePolicy('', { preamble: randomPolicy(7000 + i) }))];

describe('the plan of a version, outcome by outcome', () => {
  it('fold = cascade = the normative rules, on every firing pattern (≤ 12 clauses) or 2,000 random ones', () => {
    const random = mulberry32(11);
    let patterns = 0;
    for (const set of [...sets, ...bylaw2]) {
      for (const version of planSet(set).versions) {
        const p = version.program;
        const clauses = [...p.redlines, ...p.rules, ...p.exemptions];
        const exhaustive = clauses.length <= 12;
        const runs = exhaustive ? 2 ** clauses.length : 2000;
        for (let run = 0; run < runs; run++) {
          const density = [0.1, 0.3, 0.7][run % 3]!;
          const fired = new Map(clauses.map((c, i) => [c, exhaustive ? (run & (1 << i)) !== 0 : random() < density]));
          const holds = (c: CheckedClause) => fired.get(c)!;
          version.outcomes.forEach((outcome, o) => {
            const expected = byTheBook(p, o, holds);
            expect(shape(decideOutcome(outcome, holds))).toEqual(expected);
            expect(shape(runCascade(outcome, holds))).toEqual(expected);
          });
          patterns++;
        }
      }
    }
    expect(patterns).toBeGreaterThan(20_000);
  });

  it('orders each rule’s exemptions least severe first (outcome by outcome), ties the first declared', () => {
    for (const set of [...sets, ...bylaw2]) {
      for (const { program, preference } of planSet(set).versions) {
        for (const [rule, order] of preference) {
          const named = program.exemptions.flatMap((e, i) => (e.from.includes(rule) ? [i] : []));
          expect([...order].sort((a, b) => a - b)).toEqual(named);
          for (let k = 1; k < order.length; k++) {
            const [a, b] = [program.exemptions[order[k - 1]!]!, program.exemptions[order[k]!]!];
            const d = program.outcomes.map((_, o) => compareSeverity(actionIn(a, o) ?? { outcome: o, member: '', rank: 0, duration: null }, actionIn(b, o) ?? { outcome: o, member: '', rank: 0, duration: null })).find((x) => x !== 0) ?? 0;
            expect(d < 0 || (d === 0 && order[k - 1]! < order[k]!)).toBe(true);
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
