/**
 * Statements of reasons (Art. 17 DSA) for the DSA Transparency Database (Art. 24(5)), and the
 * notice the person receives, from a decision and the policy's export mapping. See
 * docs/statements-of-reasons.md.
 */
export { statementOfReasons, renderStatement, statementBatches, type Statement } from './build.js';
export { noticeOfReasons, renderNotice, type Notice } from './notice.js';
export { planStatement, type StatementPlan, type Restriction } from './plan.js';
export { checkMapping, type ExportMapping, type ActionMapping, type ClauseMapping, type Target, type PolicyShape, type ShapeClause } from './mapping.js';
export { checkDeployment, checkFacts, type Deployment, type NoticeConfig, type StatementFacts } from './deployment.js';
export { validateStatement, validateBatch, errorBody, type StatementProblem, type ValidateOptions } from './validate.js';
export { statementSchema, batchSchema, LIMITS, DATE_RANGE, BATCH_LIMIT } from './schema.js';
export { statementPuid } from './puid.js';
export { StatementError, type Problem } from './problems.js';
export { SINGLE_OUTCOME, type AnyDecision, type OutcomesDecision, type SingleDecision, type OutcomeDecision } from './decision.js';
export * as enumerations from './enumerations.js';
