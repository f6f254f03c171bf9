/** Bylaw's public API: load and check policies, decide and explain, render diagnostics. */
export { loadPolicy, type LoadedPolicy } from './load-policy.js';
export { parse, type ParseResult } from './syntax/index.js';
export { loadPolicySet, diskHost, overlayHost, type SourceHost, type LoadOptions } from './modules/index.js';
export { checkSet, checkUnit } from './checker/index.js';
export type * from './checker/program.js';
export { evaluate, decideUnknown, explain, selectVersion } from './interpreter/index.js';
export * from './semantics/index.js';
export * from './diagnostics/index.js';
export { formatPolicy, type FormatResult, type FormatOptions } from './format/format.js';
