/**
 * What the platform supplies (the deployment config) and the facts of one decision, with their
 * checks: defined in src/runtime/statement-deployment.ts, which a compiled module inlines too.
 */
export { checkDeployment, checkFacts, INPUT_FACTS, type Deployment, type InputFacts, type NoticeConfig, type StatementFacts } from '../runtime/statement-deployment.js';
