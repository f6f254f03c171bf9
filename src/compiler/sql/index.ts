/** The SQL backend: a policy set as a decision view over a table of inputs (DuckDB, Spark, Trino). */
export { generateSql, sqlDecision, fromAll, sqlType, inputColumns, createTableSql, typeKey, decisionColumns, DECISION_COLUMNS, OUTCOME_FIELDS } from './generate.js';
export type { SqlOptions, SqlDecision, Helper } from './generate.js';
export { DIALECTS, isDialectName, type DialectName } from './dialect.js';
export { SqlTargetError, answerDecision, answerDuration, decisionOfIds, idsOfDecision, type AnswerDecision, type NumberedAnswer, type NumberedOutcome, type SqlPlan } from './plan.js';
