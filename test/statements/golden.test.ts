import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/interpreter/evaluate.js';
import { noticeOfReasons, statementOfReasons } from '../../src/interpreter/statements.js';
import { loadPolicy } from '../../src/load-policy.js';
import { SINGLE_OUTCOME, validateStatement, type AnyDecision, type Deployment, type OutcomeDecision, type StatementFacts } from '../../src/statements/index.js';
import { isPermanent, type ExportMapping } from '../../src/statements/mapping.js';
import { StatementError } from '../../src/statements/problems.js';
import { END_DATE_FIELDS } from '../../src/statements/schema.js';
import { META_DEPLOYMENT, TWITTER_DEPLOYMENT, YOUTUBE_DEPLOYMENT } from './fixtures/platforms.js';

/**
 * The real policy sets, decided by the interpreter on their golden cases, with their own
 * `statement` declarations: every decision that restricts something gives a statement the
 * database takes, with the end dates and grounds of the decision.
 */

/** End dates worked out here by plain `Date` arithmetic, apart from the builder's calendar code. */
function expectedEnd(start: string, iso: string): string {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(\d+)H)?$/.exec(iso)!;
  const [years, months, weeks, days, hours] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number];
  const [y, mo, d] = start.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, mo - 1 + months + 12 * years, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last) + weeks * 7 + days + Math.ceil(hours / 24));
  return target.toISOString().slice(0, 10);
}

const outcomesOf = (d: AnyDecision): [string, OutcomeDecision][] => ('outcomes' in d ? Object.entries(d.outcomes) : [[SINGLE_OUTCOME, d]]);

const SETS: readonly { name: string; deployment: Deployment; restricting: number }[] = [
  { name: 'twitter', deployment: TWITTER_DEPLOYMENT, restricting: 8 },
  { name: 'youtube', deployment: YOUTUBE_DEPLOYMENT, restricting: 15 },
  { name: 'meta', deployment: META_DEPLOYMENT, restricting: 15 },
];

for (const { name, deployment, restricting: least } of SETS) {
  describe(`statements for the golden cases of policies/${name}`, () => {
    const cases: { id: string; input: { date: string; posted?: string } }[] = JSON.parse(readFileSync(`test/golden/${name}.cases.json`, 'utf8')).cases;
    const loaded = loadPolicy(`policies/${name}`);
    const policy = loaded.policy!;

    it('every version has a checked mapping, without warnings', () => {
      expect(loaded.diagnostics).toEqual([]);
      for (const version of policy.versions) expect(version.exportMapping, version.version).toBeDefined();
    });

    let restricting = 0;
    for (const c of cases) {
      it(c.id, () => {
        const decision = evaluate(policy, c.input);
        const mapping: ExportMapping = policy.versions.find((v) => v.version === decision.version)!.exportMapping!;
        const facts: StatementFacts = { date: c.input.date, contentDate: c.input.posted ?? c.input.date, id: c.id, input: c.input };
        const restrictions = outcomesOf(decision)
          .map(([outcome, o]) => ({ outcome, o, action: mapping.outcomes[outcome]![o.action]! }))
          .filter((r) => r.action.targets.length > 0);
        if (restrictions.length === 0) {
          expect(statementOfReasons(policy, decision, facts, deployment)).toBeNull();
          expect(noticeOfReasons(policy, decision, facts, deployment)).toBeNull();
          return;
        }
        restricting++;
        // The database takes restrictions applied from 2020: an earlier decision says so, and
        // builds once it is given the day the restriction applies (here the day the DSA applied).
        const applied: StatementFacts = c.input.date < '2020-01-01' ? { ...facts, applicationDate: '2024-02-17' } : facts;
        if (applied !== facts) expect(() => statementOfReasons(policy, decision, facts, deployment)).toThrow(StatementError);
        const start = applied.applicationDate ?? applied.date;
        const statement = statementOfReasons(policy, decision, applied, deployment)!;
        expect(validateStatement(statement, { profile: 'database' })).toEqual([]);
        expect(validateStatement(statement)).toEqual([]);

        // What each outcome restricts, until when.
        for (const { o, action } of restrictions) {
          const duration = o.duration ?? action.duration;
          for (const target of action.targets) {
            const end = duration === undefined || isPermanent(target) ? null : expectedEnd(start, duration);
            if (target.field === 'decision_visibility') {
              expect(statement.decision_visibility).toContain(target.value);
              if (end === null) expect(statement.end_date_visibility_restriction).toBeNull();
            } else {
              expect(statement[target.field]).toBe(target.value);
              expect(statement[END_DATE_FIELDS[target.field]]).toBe(end);
            }
          }
        }

        // On which ground: the deciding clauses' categories and references, the version's URL.
        const clauses = restrictions.map(({ o }) => ({ o, clause: mapping.clauses[o.clause!]! }));
        const law = clauses.every(({ clause }) => clause.ground.kind === 'law');
        expect(statement.decision_ground).toBe(law ? 'DECISION_GROUND_ILLEGAL_CONTENT' : 'DECISION_GROUND_INCOMPATIBLE_CONTENT');
        for (const { o, clause } of clauses) {
          if (law) expect(statement.illegal_content_legal_ground).toContain(clause.ground.reference);
          else expect(statement.incompatible_content_ground).toContain(`${clause.ground.reference}, clause ${o.clause}`);
          for (const because of o.because) expect(statement.incompatible_content_explanation ?? statement.illegal_content_explanation).toContain(because);
        }
        expect(statement.category).toBe(clauses[0]!.clause.category);
        expect(statement.decision_ground_reference_url).toBe(mapping.versions[decision.version]!.url);
        expect(statement.puid).toBe(`${deployment.puidPrefix}-i-${c.id}`);

        // The notice quotes the rules it applies.
        const notice = noticeOfReasons(policy, decision, applied, deployment)!;
        for (const { o } of restrictions) for (const because of o.because) expect(notice.text).toContain(`"${because}"`);
      });
    }

    it(`at least ${least} golden cases restrict something`, () => {
      expect(restricting).toBeGreaterThanOrEqual(least);
    });
  });
}
