/**
 * The DSA Transparency Database's enumerations: defined in src/runtime/statement-keys.ts, which a
 * compiled module inlines too.
 */
export * from '../runtime/statement-keys.js';
