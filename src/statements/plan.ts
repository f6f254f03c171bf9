/** The plan of a statement: defined in src/runtime/statement-plan.ts, which a compiled module inlines too. */
export { planStatement, type StatementPlan, type Restriction, type PlatformValues } from '../runtime/statement-plan.js';
