/** The PUID of a statement: defined in src/runtime/statement-puid.ts, which a compiled module inlines too. */
export { statementPuid, encodeId, canonicalJson } from '../runtime/statement-puid.js';
