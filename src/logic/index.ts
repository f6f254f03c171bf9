/**
 * The logic engine: a finite "cut" model of a policy's input space (model.ts), exact decision
 * diagrams over it (diagrams.ts), sets of points as cubes (cubes.ts), and satisfiability
 * (satisfiable.ts). The checker asks it whether clauses can fire; the diff compares policies with it.
 */
export * from './leaf.js';
export * from './model.js';
export * from './diagrams.js';
export * from './cubes.js';
export * from './satisfiable.js';
