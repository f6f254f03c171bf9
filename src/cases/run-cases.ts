import type { Decision } from '../semantics/decision.js';
import type { InputProblem } from '../semantics/validate.js';
import type { GoldenCase } from './case-file.js';

/** Something that decides: the interpreter, a compiled module. */
export interface Engine {
  readonly name: string;
  decideUnknown(input: unknown): { ok: true; decision: Decision } | { ok: false; errors: readonly InputProblem[] };
}

export type CaseOutcome =
  | { readonly kind: 'passed'; readonly case: GoldenCase; readonly decision: Decision }
  /** The engines agree, and the decision is not what the case expects. */
  | { readonly kind: 'failed'; readonly case: GoldenCase; readonly decision: Decision; readonly mismatches: readonly string[] }
  /** The engines disagree with each other: a compiler or interpreter bug. */
  | { readonly kind: 'disagreement'; readonly case: GoldenCase; readonly decisions: readonly (readonly [string, Decision])[] }
  /** The input does not match the policy's input type (or no version is in force). */
  | { readonly kind: 'invalid'; readonly case: GoldenCase; readonly errors: readonly InputProblem[] };

const COMPARED: readonly (keyof Decision)[] = ['action', 'basis', 'clause', 'exemption', 'version', 'because'];

function sameDecision(a: Decision, b: Decision): boolean {
  return COMPARED.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** Runs one case through every engine; all must agree, and the decision must meet `expect`. */
export function runCase(testCase: GoldenCase, engines: readonly Engine[]): CaseOutcome {
  const decisions: (readonly [string, Decision])[] = [];
  for (const engine of engines) {
    const result = engine.decideUnknown(testCase.input);
    if (!result.ok) return { kind: 'invalid', case: testCase, errors: result.errors };
    decisions.push([engine.name, result.decision]);
  }
  const [, first] = decisions[0]!;
  if (decisions.some(([, d]) => !sameDecision(d, first))) return { kind: 'disagreement', case: testCase, decisions };
  const mismatches = Object.entries(testCase.expect)
    .filter(([key, value]) => JSON.stringify((first as unknown as Record<string, unknown>)[key]) !== JSON.stringify(value))
    .map(([key]) => key);
  return mismatches.length === 0
    ? { kind: 'passed', case: testCase, decision: first }
    : { kind: 'failed', case: testCase, decision: first, mismatches };
}

/** `remove (redline: direct_threat)` */
export function describeDecision(d: Pick<Decision, 'action' | 'basis' | 'clause' | 'exemption'>): string {
  const parts = [d.basis, d.clause, d.exemption ? `via ${d.exemption}` : null].filter((p): p is string => Boolean(p));
  return `${d.action} (${parts.join(' ')})`;
}

export function describeExpected(expect: GoldenCase['expect']): string {
  const rest = Object.entries(expect)
    .filter(([k]) => k !== 'action')
    .map(([k, v]) => (k === 'basis' ? String(v) : `${k} ${String(v)}`));
  return rest.length > 0 ? `${expect.action} (${rest.join(' ')})` : expect.action;
}
