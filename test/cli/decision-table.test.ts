import { describe, expect, it } from 'vitest';
import { decisionTable } from '../../src/cli/decision-table.js';
import { readCaseFiles } from '../../src/cli/case-files.js';
import { runCases } from '../../src/cli/commands/test.js';
import { decideUnknown } from '../../src/interpreter/evaluate.js';
import { loadPolicy } from '../../src/load-policy.js';

/** The table `bylaw verify` and `bylaw test --table` print: a column per outcome for Bylaw 2 sets, one decision column for Bylaw 1. */
function table(name: string): string {
  const set = loadPolicy(`policies/${name}`).policy!;
  const { cases } = readCaseFiles([`test/golden/${name}.cases.json`], set, name);
  return decisionTable(runCases(cases, [{ name: 'interpreter', decideUnknown: (input) => decideUnknown(set, input) }]));
}

describe('the decision table', () => {
  it('a column per outcome, durations as ISO 8601', () => {
    const lines = table('youtube').split('\n');
    expect(lines[0]).toMatch(/^ +case +date +version +content +channel$/);
    expect(lines.find((l) => l.includes('second-strike-two-weeks-2019'))).toMatch(/^✔ +second-strike-two-weeks-2019 +2019-09-02 +2019-02-25 +remove \(rule violation\) +strike P2W \(rule second_strike\) *$/);
    expect(lines.find((l) => l.includes('edsa-ww2-documentary-2020'))).toMatch(/age_restrict \(exemption violation via edsa_context\) +none \(exemption second_strike via edsa_context\)/);
  });

  it('Bylaw 1: one decision column, as before', () => {
    const lines = table('twitter').split('\n');
    expect(lines[0]).toMatch(/^ +case +date +version +decision$/);
    expect(lines.find((l) => l.includes('nuclear-button-2018'))).toMatch(/allow \(exemption violent_threat via newsworthy\)$/);
  });
});
