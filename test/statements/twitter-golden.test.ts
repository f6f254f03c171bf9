import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { evaluate } from '../../src/interpreter/evaluate.js';
import { loadPolicy } from '../../src/load-policy.js';
import { SINGLE_OUTCOME, checkMapping, noticeOfReasons, statementOfReasons, validateStatement, type PolicyShape, type StatementFacts } from '../../src/statements/index.js';
import { StatementError } from '../../src/statements/problems.js';
import { TWITTER_DEPLOYMENT, TWITTER_MAPPING } from './fixtures/platforms.js';

/**
 * The real Twitter policy, decided by the interpreter on its golden cases: every decision that
 * restricts something gives a statement the database takes. (A Bylaw 1 policy; the checker will
 * build this shape itself once the mapping syntax exists.)
 */
function shapeOf(policy: PolicySet): PolicyShape {
  const clauses = new Map<string, PolicyShape['clauses'][number]>();
  for (const version of policy.versions) {
    for (const c of [...version.redlines, ...version.rules, ...version.exemptions]) {
      const from = 'from' in c ? { from: c.from as readonly string[] } : {};
      clauses.set(c.name, { name: c.name, kind: c.kind as 'redline' | 'rule' | 'exemption', actions: { [SINGLE_OUTCOME]: c.action }, because: c.because ? [c.because] : [], ...from });
    }
  }
  const first = policy.versions[0]!;
  return {
    outcomes: [{ name: SINGLE_OUTCOME, members: first.scale.members.map((name) => ({ name, duration: false })), default: first.defaultAction.action }],
    clauses: [...clauses.values()],
    versions: policy.versions.map((v) => v.version),
  };
}

const cases: { id: string; input: { date: string } }[] = JSON.parse(readFileSync('test/golden/twitter.cases.json', 'utf8')).cases;
const loaded = loadPolicy('policies/twitter');
const policy = loaded.policy!;

describe('statements for the golden cases of policies/twitter', () => {
  it('the mapping covers the policy', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(checkMapping(TWITTER_MAPPING, shapeOf(policy))).toEqual([]);
  });

  let restricting = 0;
  for (const c of cases) {
    it(c.id, () => {
      const decision = evaluate(policy, c.input);
      const facts: StatementFacts = { date: c.input.date, contentDate: c.input.date, id: c.id, input: c.input };
      const targets = TWITTER_MAPPING.outcomes.action![decision.action]!.targets;
      if (targets.length === 0) {
        expect(statementOfReasons(decision, facts, TWITTER_MAPPING, TWITTER_DEPLOYMENT)).toBeNull();
        return;
      }
      restricting++;
      // The database takes restrictions applied from 2020: an earlier decision says so, and
      // builds once it is given the day the restriction applies (here the day the DSA applied).
      const applied: StatementFacts = c.input.date < '2020-01-01' ? { ...facts, applicationDate: '2024-02-17' } : facts;
      if (applied !== facts) {
        expect(() => statementOfReasons(decision, facts, TWITTER_MAPPING, TWITTER_DEPLOYMENT)).toThrow(StatementError);
      }
      const statement = statementOfReasons(decision, applied, TWITTER_MAPPING, TWITTER_DEPLOYMENT)!;
      expect(validateStatement(statement, { profile: 'database' })).toEqual([]);
      expect(validateStatement(statement)).toEqual([]);
      for (const target of targets) {
        if (target.field === 'decision_visibility') expect(statement.decision_visibility).toContain(target.value);
        else expect(statement[target.field]).toBe(target.value);
      }
      const law = TWITTER_MAPPING.clauses[decision.clause!]!.ground.kind === 'law';
      expect(statement.decision_ground).toBe(law ? 'DECISION_GROUND_ILLEGAL_CONTENT' : 'DECISION_GROUND_INCOMPATIBLE_CONTENT');
      if (!law) expect(statement.incompatible_content_ground).toContain(`clause ${decision.clause}`);
      expect(statement.decision_ground_reference_url).toBe(TWITTER_MAPPING.versions[decision.version]!.url);
      expect(statement.incompatible_content_explanation ?? statement.illegal_content_explanation).toContain(decision.because[0]);
      const notice = noticeOfReasons(decision, applied, TWITTER_MAPPING, TWITTER_DEPLOYMENT)!;
      expect(notice.text).toContain(`"${decision.because[0]}"`);
    });
  }

  it('most golden cases restrict something', () => {
    expect(restricting).toBeGreaterThanOrEqual(7);
  });
});
