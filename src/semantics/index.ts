export * from './decision.js';
export * from './explanation.js';
export * from './validate.js';
export * from './errors.js';
