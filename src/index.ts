/**
 * Bylaw's public API (`import … from 'bylaw'`; docs/compiling.md and docs/sql.md): load and
 * check policies from files or from memory, decide and explain, compile to TypeScript,
 * JavaScript or SQL text, format, and render diagnostics.
 */
// Load and check
export { loadPolicy, type LoadedPolicy } from './load-policy.js';
export { parse, type ParseResult } from './syntax/index.js';
export { loadPolicySet, diskHost, overlayHost, memoryHost, bundledStdlib, type SourceHost, type LoadOptions } from './modules/index.js';
export { checkSet, checkUnit } from './checker/index.js';
export type * from './checker/program.js';
// Decide and explain (the interpreter)
export { evaluate, decideUnknown, explain, selectVersion, type DecideResult } from './interpreter/index.js';
export * from './semantics/index.js';
// Statements of reasons for the DSA Transparency Database (docs/statements-of-reasons.md)
export { statementOfReasons, noticeOfReasons, exportMappingOf } from './interpreter/statements.js';
export {
  statementBatches,
  validateStatement,
  validateBatch,
  checkDeployment,
  checkFacts,
  statementSchema,
  batchSchema,
  StatementError,
  type Statement,
  type Notice,
  type ExportMapping,
  type Deployment,
  type StatementFacts,
  type StatementProblem,
} from './statements/index.js';
// Compile: a dependency-free TypeScript/JavaScript module, or a SQL view
export { generate, type GenerateOptions, type Generated, type GeneratedFile, type Target } from './compiler/index.js';
export { loadCompiled, compiledJavaScript, type CompiledModule, type CompiledDecideResult } from './compiler/load.js';
export { generateSql, createTableSql, inputColumns, decisionColumns, DECISION_COLUMNS, DIALECTS, isDialectName, type SqlOptions, type DialectName } from './compiler/sql/index.js';
// Diagnostics and formatting
export * from './diagnostics/index.js';
export { formatPolicy, type FormatResult, type FormatOptions } from './format/format.js';
