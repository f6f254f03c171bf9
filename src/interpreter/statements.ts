import type { PolicySet } from '../checker/program.js';
import { statementOfReasons as build, type Statement } from '../runtime/statement-build.js';
import type { AnyDecision } from '../runtime/statement-decision.js';
import { checkedDeployment, type Deployment, type StatementFacts } from '../runtime/statement-deployment.js';
import { versionMapping, type ExportMapping } from '../runtime/statement-mapping.js';
import { noticeOfReasons as notice, type Notice } from '../runtime/statement-notice.js';

/**
 * Statements of reasons from the policy's own `statement` declarations: the interpreter's side of
 * the builder in src/runtime/statement-*.ts, which a compiled module inlines with its mappings.
 */

/** The export mapping of the version that made a decision. Throws `StatementError` when it has none. */
export function exportMappingOf(set: PolicySet, version: string): ExportMapping {
  return mappingFor(set, { version } as AnyDecision);
}

function mappingFor(set: PolicySet, decision: AnyDecision): ExportMapping {
  return versionMapping(set.name, set.versions.map((v) => [v.version, v.exportMapping] as const), decision);
}

/**
 * The statement of reasons for a decision of `set` (the JSON body of `POST /api/v1/statement`),
 * or null when it restricts nothing. Throws `StatementError` when none can be built: no mapping,
 * an invalid deployment or facts, a date outside the database's range.
 */
export function statementOfReasons(set: PolicySet, decision: AnyDecision, facts: StatementFacts, deployment: Deployment): Statement | null {
  return build(decision, facts, mappingFor(set, decision), checkedDeployment(deployment));
}

/** The notice the person receives for a decision of `set` (plain text and Markdown), or null when it restricts nothing. */
export function noticeOfReasons(set: PolicySet, decision: AnyDecision, facts: StatementFacts, deployment: Deployment): Notice | null {
  return notice(decision, facts, mappingFor(set, decision), checkedDeployment(deployment));
}
