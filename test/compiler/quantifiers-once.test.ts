/**
 * Issue 14: a quantifier is evaluated once per decision however many clauses use it. The
 * compiled `decide` of a policy whose `any`, `all` and `count` contexts are each read by several
 * clauses walks each list at most once per decision (counted through a Proxy on the list), and
 * decides as the interpreter does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { loadCompiled, type CompiledModule } from '../../src/compiler/load.js';
import { evaluate } from '../../src/interpreter/evaluate.js';
import { load } from './support.js';

type Report = { date: string; severe: boolean; resolved: boolean };

const report = (over: Partial<Report> = {}): Report => ({ date: '2024-01-01', severe: false, resolved: false, ...over });

/** A list that counts the reads of its elements. */
function counted(items: Report[]): { list: Report[]; reads: () => number } {
  let reads = 0;
  const list = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { list, reads: () => reads };
}

describe('compiled decide: each quantifier once per decision', () => {
  let set: PolicySet;
  let m: CompiledModule;
  beforeAll(async () => {
    set = load('test/compiler/fixtures/quantifiers-once.policy');
    m = await loadCompiled(set);
  });

  const cases: [string, Report[], Report[]][] = [
    ['severe, an appeal open', [report(), report({ severe: true }), report()], [report({ resolved: true }), report()]],
    ['severe, appeals settled', [report({ severe: true, resolved: true }), report()], [report({ resolved: true })]],
    ['no severe report', [report(), report(), report({ resolved: true })], [report()]],
    ['no reports', [], [report()]],
    ['severe report in the future', [report({ severe: true, date: '2025-01-01' }), report(), report(), report()], []],
  ];

  for (const [name, reports, appeals] of cases) {
    it(`walks each list at most once: ${name}`, () => {
      const r = counted(reports.map((x) => ({ ...x })));
      const a = counted(appeals.map((x) => ({ ...x })));
      const input = { date: '2024-06-01', reports: r.list, appeals: a.list };
      const d = m.decide(input);
      // `any` and `count` both walk the reports (two quantifiers), `all` the appeals; none twice.
      expect(r.reads()).toBeLessThanOrEqual(2 * reports.length);
      expect(a.reads()).toBeLessThanOrEqual(appeals.length);
      expect(d).toEqual(evaluate(set, { date: '2024-06-01', reports, appeals }));
    });
  }
});
