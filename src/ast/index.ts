export * from './nodes.js';
export * from './walk.js';
export * from './dates.js';
