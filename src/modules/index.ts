export * from './host.js';
export * from './load.js';
