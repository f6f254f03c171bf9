import type { PolicySet, Program } from '../checker/program.js';
import { explainProgram } from '../interpreter/explain.js';
import { prepare } from '../interpreter/evaluate.js';
import { outcomeParts, type OutcomeDecision } from '../semantics/decision.js';
import { isoDuration } from '../semantics/durations.js';
import type { ConditionTrace } from '../semantics/explanation.js';
import { planVersion, type Answer } from '../semantics/plan.js';

/**
 * Clause coverage of a set of cases, from the interpreter's `explain` traces: for every red
 * line and rule, whether some case made it fire and some case did not; for every exemption,
 * whether it was applied and not applied; for every context, whether it was true and false.
 * Per version (a case counts for the version in force on its date). Names, not lines: how the
 * policy is formatted never changes it. A version that declares outcomes (Bylaw 2) also counts,
 * per outcome, every answer the decision plan can give there — each clause's action, each
 * exemption's in its place, the default — as a goal met when some case is decided so.
 */

export type CoverageKind = 'redline' | 'rule' | 'exemption' | 'context';

export interface CoverageItem {
  readonly kind: CoverageKind;
  readonly name: string;
  /** Cases where it fired (red line, rule), was applied (exemption) or was true (context). */
  readonly yes: number;
  /** Cases where it did not. */
  readonly no: number;
  /** Exemptions: cases where its condition held but no fired rule it names needed it. */
  readonly heldNotApplied?: number;
  /** A few case ids for each side, to find them again. */
  readonly yesCases: readonly string[];
  readonly noCases: readonly string[];
}

/** One answer an outcome can take, and the cases decided so. */
export interface AnswerCoverage {
  /** `strike P1W (rule first_strike)`, `age_restrict (exemption violation via edsa_context)`, `allow (default)`. */
  readonly answer: string;
  readonly cases: number;
  /** A few case ids. */
  readonly caseIds: readonly string[];
}

/** The answers of one outcome (versions that declare outcomes). */
export interface OutcomeCoverage {
  readonly outcome: string;
  readonly answers: readonly AnswerCoverage[];
}

export interface VersionCoverage {
  readonly version: string;
  readonly effective: string | null;
  readonly file: string;
  /** Cases decided by this version. */
  readonly cases: number;
  readonly items: readonly CoverageItem[];
  /** Versions that declare outcomes: per outcome, every answer it can take (one goal each). */
  readonly outcomes?: readonly OutcomeCoverage[];
  /** Two goals per item (yes and no), one per answer; covered = goals some case met. */
  readonly goals: number;
  readonly covered: number;
}

export interface Coverage {
  readonly versions: readonly VersionCoverage[];
  readonly goals: number;
  readonly covered: number;
  /** covered / goals × 100 (100 when there are no goals). */
  readonly percent: number;
  /** Cases left out: invalid input or no version in force. */
  readonly skipped: readonly string[];
}

export interface CoverageCase {
  readonly id: string;
  readonly input: unknown;
}

const EXAMPLES = 3;

interface Counter {
  kind: CoverageKind;
  name: string;
  yes: number;
  no: number;
  held: number;
  yesCases: string[];
  noCases: string[];
}

/** `strike P1W (rule first_strike)`: an answer as cases are described. */
function answerText(a: Pick<OutcomeDecision, 'action' | 'duration' | 'basis' | 'clause' | 'exemption'>): string {
  const parts = [a.basis, a.clause, a.exemption ? `via ${a.exemption}` : null].filter((p): p is string => p !== null);
  return `${a.duration ? `${a.action} ${a.duration}` : a.action} (${parts.join(' ')})`;
}

function ofAnswer(a: Answer): string {
  return answerText({ action: a.action, ...(a.duration ? { duration: isoDuration(a.duration) } : {}), basis: a.basis, clause: a.clause, exemption: a.exemption });
}

/** Per outcome, the answers the plan can give (best first, the default last), each with a counter. */
function answersOf(program: Program): Map<string, Map<string, { cases: number; caseIds: string[] }>> {
  const out = new Map<string, Map<string, { cases: number; caseIds: string[] }>>();
  if (!program.declaredOutcomes) return out;
  for (const o of planVersion(program).outcomes) {
    const answers = new Map<string, { cases: number; caseIds: string[] }>();
    for (const step of o.cascade) answers.set(ofAnswer(step.answer), { cases: 0, caseIds: [] });
    answers.set(ofAnswer(o.fallback), { cases: 0, caseIds: [] });
    out.set(o.decl.name, answers);
  }
  return out;
}

export function coverage(set: PolicySet, cases: readonly CoverageCase[]): Coverage {
  const counters = new Map<string, Map<string, Counter>>();
  const answers = new Map<string, Map<string, Map<string, { cases: number; caseIds: string[] }>>>();
  const caseCounts = new Map<string, number>();
  for (const program of set.versions) {
    const items = new Map<string, Counter>();
    const add = (kind: CoverageKind, name: string) => items.set(`${kind}:${name}`, { kind, name, yes: 0, no: 0, held: 0, yesCases: [], noCases: [] });
    for (const c of program.redlines) add('redline', c.name);
    for (const c of program.rules) add('rule', c.name);
    for (const c of program.exemptions) add('exemption', c.name);
    for (const c of program.contexts) add('context', c.name);
    counters.set(program.version, items);
    answers.set(program.version, answersOf(program));
    caseCounts.set(program.version, 0);
  }
  const skipped: string[] = [];
  const record = (counter: Counter | undefined, hit: boolean, id: string) => {
    if (!counter) return;
    if (hit) {
      counter.yes++;
      if (counter.yesCases.length < EXAMPLES) counter.yesCases.push(id);
    } else {
      counter.no++;
      if (counter.noCases.length < EXAMPLES) counter.noCases.push(id);
    }
  };
  for (const c of cases) {
    const prepared = prepare(set, c.input);
    if (!prepared.ok) {
      skipped.push(c.id);
      continue;
    }
    const explanation = explainProgram(set, prepared.program, prepared.input);
    const items = counters.get(prepared.program.version)!;
    caseCounts.set(prepared.program.version, caseCounts.get(prepared.program.version)! + 1);
    const contextValues = new Map<string, boolean>();
    for (const clause of explanation.clauses) {
      const counter = items.get(`${clause.kind}:${clause.name}`);
      record(counter, clause.fired, c.id);
      if (counter && clause.kind === 'exemption' && clause.holds && !clause.fired) counter.held++;
      collectContexts(clause.when, contextValues);
      if (clause.unless) collectContexts(clause.unless, contextValues);
    }
    // A context no clause reaches is never evaluated: it stays uncovered.
    for (const [name, value] of contextValues) record(items.get(`context:${name}`), value, c.id);
    const byOutcome = answers.get(prepared.program.version)!;
    if (byOutcome.size > 0) {
      for (const { name, part } of outcomeParts(explanation.decision)) {
        const counter = byOutcome.get(name)?.get(answerText(part));
        if (!counter) continue;
        counter.cases++;
        if (counter.caseIds.length < EXAMPLES) counter.caseIds.push(c.id);
      }
    }
  }
  const versions = set.versions.map((program): VersionCoverage => {
    const items = [...counters.get(program.version)!.values()].map(
      (k): CoverageItem => ({
        kind: k.kind,
        name: k.name,
        yes: k.yes,
        no: k.no,
        ...(k.kind === 'exemption' ? { heldNotApplied: k.held } : {}),
        yesCases: k.yesCases,
        noCases: k.noCases,
      }),
    );
    const outcomes = [...answers.get(program.version)!].map(([outcome, list]): OutcomeCoverage => ({
      outcome,
      answers: [...list].map(([answer, k]) => ({ answer, cases: k.cases, caseIds: k.caseIds })),
    }));
    const answerGoals = outcomes.reduce((n, o) => n + o.answers.length, 0);
    const answersMet = outcomes.reduce((n, o) => n + o.answers.filter((a) => a.cases > 0).length, 0);
    return {
      version: program.version,
      effective: program.effective,
      file: program.file,
      cases: caseCounts.get(program.version)!,
      items,
      ...(program.declaredOutcomes ? { outcomes } : {}),
      goals: items.length * 2 + answerGoals,
      covered: items.reduce((n, i) => n + (i.yes > 0 ? 1 : 0) + (i.no > 0 ? 1 : 0), 0) + answersMet,
    };
  });
  const goals = versions.reduce((n, v) => n + v.goals, 0);
  const covered = versions.reduce((n, v) => n + v.covered, 0);
  return { versions, goals, covered, percent: goals === 0 ? 100 : (covered / goals) * 100, skipped };
}

function collectContexts(trace: ConditionTrace, into: Map<string, boolean>): void {
  if (trace.kind === 'context' && !into.has(trace.text)) into.set(trace.text, trace.value);
  for (const child of trace.children) collectContexts(child, into);
}

const WORDS: Record<CoverageKind, [string, string]> = {
  redline: ['fired', 'not fired'],
  rule: ['fired', 'not fired'],
  exemption: ['applied', 'not applied'],
  context: ['true', 'false'],
};

/** `66.7%`, never rounding a shortfall up to 100%. */
export function formatPercent(p: number): string {
  const text = (Math.floor(p * 10) / 10).toFixed(1);
  return `${text}%`;
}

/** What was never exercised, one line each: `rule terrorism never fired`. */
export function uncovered(v: VersionCoverage): string[] {
  const lines: string[] = [];
  for (const i of v.items) {
    const [yes, no] = WORDS[i.kind];
    const kind = i.kind === 'redline' ? 'red line' : i.kind;
    if (i.yes === 0 && i.no === 0) lines.push(`${kind} ${i.name} never evaluated`);
    else if (i.yes === 0) lines.push(`${kind} ${i.name} never ${yes}`);
    else if (i.no === 0) lines.push(`${kind} ${i.name} never ${no}`);
  }
  for (const o of v.outcomes ?? []) for (const a of o.answers) if (a.cases === 0) lines.push(`outcome ${o.outcome} never decided ${a.answer}`);
  return lines;
}

/** The report `bylaw test --coverage` prints: a table per version, then what is missing. */
export function renderCoverage(cov: Coverage, table: (header: readonly string[], rows: readonly (readonly string[])[]) => string): string {
  const out: string[] = [`coverage (clause level, from interpreter traces): ${cov.covered}/${cov.goals} goals, ${formatPercent(cov.percent)}`];
  out.push('  a goal is each side of each clause: fired and not fired (red lines, rules), applied and not applied (exemptions), true and false (contexts)');
  if (cov.versions.some((v) => v.outcomes)) out.push('  and, for versions with outcomes, each answer an outcome can take: a clause\'s action, an exemption\'s in its place, the default');
  for (const v of cov.versions) {
    const pct = v.goals === 0 ? 100 : (v.covered / v.goals) * 100;
    const effective = v.effective ? ` (effective ${v.effective})` : '';
    out.push('', `version ${v.version}${effective} — ${v.file}: ${v.cases} case${v.cases === 1 ? '' : 's'}, ${v.covered}/${v.goals} goals, ${formatPercent(pct)}`);
    const rows = v.items.map((i) => {
      const [yes, no] = WORDS[i.kind];
      const mark = i.yes > 0 && i.no > 0 ? ' ' : '!';
      const held = i.heldNotApplied ? ` (held ${i.heldNotApplied}× without a rule to soften)` : '';
      return [mark, i.kind, i.name, `${yes} ${i.yes}`, `${no} ${i.no}${held}`];
    });
    const indent = (text: string) =>
      text
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n');
    out.push(indent(table(['', 'kind', 'name', 'yes', 'no'], rows)));
    for (const o of v.outcomes ?? []) {
      const met = o.answers.filter((a) => a.cases > 0).length;
      out.push('', `  outcome ${o.outcome}: ${met}/${o.answers.length} answers decided`);
      out.push(indent(table(['', 'answer', 'cases'], o.answers.map((a) => [a.cases > 0 ? ' ' : '!', a.answer, `decided ${a.cases}`]))));
    }
    const missing = uncovered(v);
    if (missing.length > 0) out.push(`  not exercised: ${missing.join('; ')}`);
  }
  if (cov.skipped.length > 0) out.push('', `skipped ${cov.skipped.length} case${cov.skipped.length === 1 ? '' : 's'} with invalid input: ${cov.skipped.join(', ')}`);
  return out.join('\n');
}
