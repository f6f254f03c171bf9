/** The SQL backend: a policy set as a decision view over a table of inputs (DuckDB, Spark, Trino). */
export { generateSql, sqlDecision, fromAll, sqlType, inputColumns, createTableSql, typeKey, DECISION_COLUMNS } from './generate.js';
export type { SqlOptions, SqlDecision, Helper } from './generate.js';
export { DIALECTS, isDialectName, type DialectName } from './dialect.js';
export { answerDecision, type AnswerDecision, type NumberedAnswer } from './plan.js';
