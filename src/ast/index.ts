export * from './nodes.js';
export * from './walk.js';
