import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSet, checkUnit } from '../../src/checker/index.js';
import { ERROR_PASSES, PASSES, type Pass } from '../../src/checker/passes.js';
import type { Unit } from '../../src/modules/load.js';
import { loadPolicySet } from '../../src/modules/load.js';
import { memoryHost } from '../support/memory-host.js';
import { WARNED_POLICY as POLICY } from '../support/policies.js';

/** The one version of a single-file policy, loaded (not checked); the loader's warnings are not the checker's. */
function unitOf(text: string): Unit {
  const loaded = loadPolicySet('p/p.policy', { host: memoryHost({ 'p/p.policy': text }) });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.set!.units[0]!;
}

const pass = (name: string): Pass => PASSES.find((p) => p.name === name)!;
const through = (name: string): Pass[] => PASSES.slice(0, PASSES.findIndex((p) => p.name === name) + 1);
const codes = (unit: Unit, passes?: readonly Pass[]) => checkUnit(unit, passes).diagnostics.map((d) => d.code);

describe('the checker as named passes', () => {
  it('runs these passes, in this order', () => {
    expect(PASSES.map((p) => p.name)).toEqual([
      'scope', 'confusable-names', 'types', 'library', 'outcomes', 'input', 'contexts', 'clauses',
      'exemption-targets', 'defaults', 'program', 'export', 'never-fires', 'plan', 'shadowed-rules', 'exemption-reach',
    ]);
  });

  it('docs/architecture.md lists the same passes in the same order', () => {
    const doc = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
    const listed = /passes\.ts \(the passes, in order: ([^)]*)\)/.exec(doc.replace(/\s+/g, ' '))?.[1];
    expect(listed?.split(', ')).toEqual(PASSES.map((p) => p.name));
  });

  it('all the passes are what checkUnit runs by default', () => {
    const unit = unitOf(POLICY);
    const all = checkUnit(unit, PASSES);
    const byDefault = checkUnit(unit);
    expect(all.diagnostics).toEqual(byDefault.diagnostics);
    expect(all.program).toEqual(byDefault.program);
    expect(byDefault.program).not.toBeNull();
    expect(codes(unit)).toEqual(['BL402']);
  });

  it('a prefix of the passes reports only what those passes find, and builds no program', () => {
    const unit = unitOf(POLICY);
    expect(codes(unit, through('never-fires'))).toEqual(['BL402']);
    expect(codes(unit, through('export'))).toEqual([]);
    expect(checkUnit(unit, through('export')).program).not.toBeNull();
    expect(checkUnit(unit, through('defaults')).program).toBeNull();
  });

  it('the passes that find only warnings are the reachability analysis and the confusable names', () => {
    expect(PASSES.filter((p) => p.warnsOnly).map((p) => p.name)).toEqual(['confusable-names', 'never-fires', 'plan', 'shadowed-rules', 'exemption-reach']);
    expect(ERROR_PASSES).toEqual(PASSES.filter((p) => !p.warnsOnly));
  });

  it('without warnings, a set checks to the same program and the same errors', () => {
    const warned = `${POLICY}rule ｓ when post.flag then remove because "a fullwidth s"\n`;
    const broken = `${warned}rule t when post.missing then remove because "t"\n`;
    const both = (text: string) => {
      const loaded = loadPolicySet('p/p.policy', { host: memoryHost({ 'p/p.policy': text }) });
      const full = checkSet(loaded.set!, loaded.sources);
      const quick = checkSet(loaded.set!, loaded.sources, { warnings: false });
      expect(quick.set).toEqual(full.set);
      expect(quick.library).toBe(full.library);
      expect(quick.diagnostics).toEqual(full.diagnostics.filter((d) => d.severity === 'error'));
      return full;
    };
    const ok = both(warned);
    expect(ok.set).not.toBeNull();
    expect(ok.diagnostics.map((d) => d.code)).toEqual(['BL401', 'BL402', 'BL406']);
    const failed = both(broken);
    expect(failed.set).toBeNull();
    expect(failed.diagnostics.map((d) => d.code)).toEqual(['BL401', 'BL406', 'BL202']);
  });

  it('a pass can run alone when it needs nothing before it', () => {
    const unit = unitOf(`${POLICY}rule ｓ when post.flag then remove because "a fullwidth s"\n`);
    expect(codes(unit, [pass('confusable-names')])).toEqual(['BL406']);
  });

  it('errors stop the check at the `program` pass: nothing after it runs', () => {
    const unit = unitOf(`${POLICY}rule t when post.missing then remove because "t"\n`);
    const result = checkUnit(unit);
    expect(result.program).toBeNull();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['BL202']);
  });

  it('a library stops after the `library` pass', () => {
    const result = checkUnit(unitOf('scale Action { allow < remove }\nenum Tag { a, b }\n'));
    expect(result.library).toBe(true);
    expect(result.program).toBeNull();
    expect(result.diagnostics).toEqual([]);
  });

  it('a pass listed before the one it needs is an internal error, not a diagnostic', () => {
    expect(() => checkUnit(unitOf(POLICY), [pass('types')])).toThrow('checker pass order: `scope` has not run');
  });
});
