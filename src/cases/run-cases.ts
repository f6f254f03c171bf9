import type { Decision } from '../semantics/decision.js';
import { withReaderProblems, type InputProblem } from '../semantics/validate.js';
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
    const result = withReaderProblems(engine.decideUnknown(testCase.input), testCase.readerProblems ?? []);
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

/**
 * `remove (redline direct_threat)`, `notice (exemption violent_threat via public_interest_notice)`,
 * `allow (default)`; with `compared` (a case's `expect`) holding `version`, the version too.
 */
export function describeDecision(d: Pick<Decision, 'action' | 'basis' | 'clause' | 'exemption' | 'version'>, compared: Readonly<Record<string, unknown>> = {}): string {
  const parts = [d.basis, d.clause, d.exemption ? `via ${d.exemption}` : null, 'version' in compared ? `version ${d.version}` : null];
  return `${d.action} (${parts.filter((p): p is string => Boolean(p)).join(' ')})`;
}

/**
 * An expectation in the same words as `describeDecision`: `allow (exemption via newsworthy)`,
 * `remove (rule violent_threat)`; a clause expected without a basis is `clause NAME`, an
 * expected null is `no clause` / `no exemption`.
 */
export function describeExpected(expect: GoldenCase['expect']): string {
  const has = (key: string) => Object.prototype.hasOwnProperty.call(expect, key);
  const parts: string[] = [];
  if (has('basis')) parts.push(String(expect['basis']));
  if (has('clause')) parts.push(expect['clause'] === null ? 'no clause' : `${has('basis') ? '' : 'clause '}${String(expect['clause'])}`);
  if (has('exemption')) parts.push(expect['exemption'] === null ? 'no exemption' : `via ${String(expect['exemption'])}`);
  if (has('version')) parts.push(`version ${String(expect['version'])}`);
  return parts.length > 0 ? `${expect.action} (${parts.join(' ')})` : expect.action;
}
