import { outcomeParts, type AnyDecision } from '../semantics/decision.js';
import { withReaderProblems, type InputProblem } from '../semantics/validate.js';
import type { Expect, GoldenCase } from './case-file.js';

type Decision = AnyDecision;

/** Something that decides: the interpreter, a compiled module. */
export interface Engine {
  readonly name: string;
  decideUnknown(input: unknown): { readonly ok: true; readonly decision: Decision } | { readonly ok: false; readonly errors: readonly InputProblem[] };
}

export type CaseOutcome =
  | { readonly kind: 'passed'; readonly case: GoldenCase; readonly decision: Decision }
  /** The engines agree, and the decision is not what the case expects. */
  | { readonly kind: 'failed'; readonly case: GoldenCase; readonly decision: Decision; readonly mismatches: readonly string[] }
  /** The engines disagree with each other: a compiler or interpreter bug. */
  | { readonly kind: 'disagreement'; readonly case: GoldenCase; readonly decisions: readonly (readonly [string, Decision])[] }
  /** The input does not match the policy's input type (or no version is in force). */
  | { readonly kind: 'invalid'; readonly case: GoldenCase; readonly errors: readonly InputProblem[] };

const COMPARED = ['action', 'duration', 'basis', 'clause', 'exemption', 'because'] as const;

/** Equal in every part a Decision has (key order aside). */
function sameDecision(a: Decision, b: Decision): boolean {
  const pa = outcomeParts(a);
  const pb = outcomeParts(b);
  return (
    a.version === b.version &&
    'outcomes' in a === 'outcomes' in b &&
    pa.length === pb.length &&
    pa.every((p, i) => p.name === pb[i]!.name && COMPARED.every((k) => JSON.stringify(p.part[k]) === JSON.stringify(pb[i]!.part[k])))
  );
}

/** The keys of `expect` the decision does not meet (`outcomes.account.duration`). */
function mismatchesOf(expect: Expect, d: Decision): string[] {
  const differs = (actual: unknown, expected: unknown) => JSON.stringify(actual) !== JSON.stringify(expected);
  const found: string[] = [];
  const record = d as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(expect)) {
    if (key !== 'outcomes') {
      if (differs(record[key], value)) found.push(key);
      continue;
    }
    const outcomes = (record['outcomes'] ?? {}) as Record<string, Record<string, unknown> | undefined>;
    for (const [name, part] of Object.entries(value as Record<string, Record<string, unknown>>)) {
      for (const [k, v] of Object.entries(part)) if (differs(outcomes[name]?.[k], v)) found.push(`outcomes.${name}.${k}`);
    }
  }
  return found;
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
  const mismatches = mismatchesOf(testCase.expect, first);
  return mismatches.length === 0
    ? { kind: 'passed', case: testCase, decision: first }
    : { kind: 'failed', case: testCase, decision: first, mismatches };
}

/**
 * `remove (redline direct_threat)`, `notice (exemption violent_threat via public_interest_notice)`,
 * `allow (default)`; with declared outcomes, one such part per outcome (`content: remove (rule x),
 * account: restrict P3D (rule y)`); with `compared` (a case's `expect`) holding `version`, the version too.
 */
export function describeDecision(d: Decision, compared: Readonly<Record<string, unknown>> = {}): string {
  const version = 'version' in compared ? ` version ${d.version}` : '';
  const text = outcomeParts(d).map(({ name, part }) => {
    const parts = [part.basis, part.clause, part.exemption ? `via ${part.exemption}` : null];
    const action = part.duration ? `${part.action} ${part.duration}` : part.action;
    return `${'outcomes' in d ? `${name}: ` : ''}${action} (${parts.filter((p): p is string => Boolean(p)).join(' ')}${'outcomes' in d ? '' : version})`;
  });
  return 'outcomes' in d ? `${text.join(', ')}${version ? ` (${version.trim()})` : ''}` : text[0]!;
}

/**
 * An expectation in the same words as `describeDecision`: `allow (exemption via newsworthy)`,
 * `remove (rule violent_threat)`; a clause expected without a basis is `clause NAME`, an
 * expected null is `no clause` / `no exemption`.
 */
export function describeExpected(expect: Expect): string {
  if (expect.outcomes) {
    const parts = Object.entries(expect.outcomes).map(([name, part]) => `${name}: ${describePart(part, part.action ?? 'any action')}`);
    return `${parts.join(', ')}${'version' in expect ? ` (version ${String(expect['version'])})` : ''}`;
  }
  return describePart(expect, expect.action);
}

function describePart(expect: Readonly<Record<string, unknown>>, action: string): string {
  const has = (key: string) => Object.prototype.hasOwnProperty.call(expect, key);
  const parts: string[] = [];
  if (has('basis')) parts.push(String(expect['basis']));
  if (has('clause')) parts.push(expect['clause'] === null ? 'no clause' : `${has('basis') ? '' : 'clause '}${String(expect['clause'])}`);
  if (has('exemption')) parts.push(expect['exemption'] === null ? 'no exemption' : `via ${String(expect['exemption'])}`);
  if (has('version')) parts.push(`version ${String(expect['version'])}`);
  const shown = has('duration') ? `${action} ${String(expect['duration'])}` : action;
  return parts.length > 0 ? `${shown} (${parts.join(' ')})` : shown;
}
