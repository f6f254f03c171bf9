export { evaluate, decideUnknown, prepare, selectVersion, type DecideResult } from './evaluate.js';
export { explain, sourceRef } from './explain.js';
