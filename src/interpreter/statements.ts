import type { PolicySet } from '../checker/program.js';
import { statementOfReasons as build, type Statement } from '../statements/build.js';
import type { AnyDecision } from '../statements/decision.js';
import { checkDeployment, type Deployment, type StatementFacts } from '../statements/deployment.js';
import type { ExportMapping } from '../statements/mapping.js';
import { noticeOfReasons as notice, type Notice } from '../statements/notice.js';
import { StatementError, fail } from '../statements/problems.js';

/**
 * Statements of reasons from the policy's own `statement` declarations: the interpreter's side of
 * src/statements, which builds them from (decision, facts, mapping, deployment).
 */

/** The export mapping of the version that made a decision. Throws `StatementError` when it has none. */
export function exportMappingOf(set: PolicySet, version: string): ExportMapping {
  const program = set.versions.find((v) => v.version === version);
  if (!program) {
    fail('unknown-version', 'version', `\`${version}\` is not a version of \`${set.name}\``,
      `pass a decision of this policy; its versions are ${set.versions.map((v) => `\`${v.version}\``).join(', ')}`);
  }
  if (!program.exportMapping) {
    fail('no-mapping', 'version', `version \`${version}\` of \`${set.name}\` has no \`statement\` declarations`,
      'say what its decisions become in statements of reasons: see docs/statements-of-reasons.md');
  }
  return program.exportMapping;
}

/**
 * The statement of reasons for a decision of `set` (the JSON body of `POST /api/v1/statement`),
 * or null when it restricts nothing. Throws `StatementError` when none can be built: no mapping,
 * an invalid deployment or facts, a date outside the database's range.
 */
export function statementOfReasons(set: PolicySet, decision: AnyDecision, facts: StatementFacts, deployment: Deployment): Statement | null {
  return build(decision, facts, exportMappingOf(set, decision.version), checked(deployment));
}

/** The notice the person receives for a decision of `set` (plain text and Markdown), or null when it restricts nothing. */
export function noticeOfReasons(set: PolicySet, decision: AnyDecision, facts: StatementFacts, deployment: Deployment): Notice | null {
  return notice(decision, facts, exportMappingOf(set, decision.version), checked(deployment));
}

/** The builder trusts a checked deployment (a few field tests: cheap beside building a statement). */
function checked(deployment: Deployment): Deployment {
  const problem = checkDeployment(deployment)[0];
  if (problem) throw new StatementError(problem);
  return deployment;
}
