import type { PolicySet } from '../checker/program.js';
import { explainProgram } from '../interpreter/explain.js';
import { prepare } from '../interpreter/evaluate.js';
import type { ConditionTrace } from '../semantics/explanation.js';

/**
 * Clause coverage of a set of cases, from the interpreter's `explain` traces: for every red
 * line and rule, whether some case made it fire and some case did not; for every exemption,
 * whether it was applied and not applied; for every context, whether it was true and false.
 * Per version (a case counts for the version in force on its date). Names, not lines: how the
 * policy is formatted never changes it.
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

export interface VersionCoverage {
  readonly version: string;
  readonly effective: string | null;
  readonly file: string;
  /** Cases decided by this version. */
  readonly cases: number;
  readonly items: readonly CoverageItem[];
  /** Two goals per item (yes and no); covered = goals some case met. */
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

export function coverage(set: PolicySet, cases: readonly CoverageCase[]): Coverage {
  const counters = new Map<string, Map<string, Counter>>();
  const caseCounts = new Map<string, number>();
  for (const program of set.versions) {
    const items = new Map<string, Counter>();
    const add = (kind: CoverageKind, name: string) => items.set(`${kind}:${name}`, { kind, name, yes: 0, no: 0, held: 0, yesCases: [], noCases: [] });
    for (const c of program.redlines) add('redline', c.name);
    for (const c of program.rules) add('rule', c.name);
    for (const c of program.exemptions) add('exemption', c.name);
    for (const c of program.contexts) add('context', c.name);
    counters.set(program.version, items);
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
    return {
      version: program.version,
      effective: program.effective,
      file: program.file,
      cases: caseCounts.get(program.version)!,
      items,
      goals: items.length * 2,
      covered: items.reduce((n, i) => n + (i.yes > 0 ? 1 : 0) + (i.no > 0 ? 1 : 0), 0),
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
  return lines;
}

/** The report `bylaw test --coverage` prints: a table per version, then what is missing. */
export function renderCoverage(cov: Coverage, table: (header: readonly string[], rows: readonly (readonly string[])[]) => string): string {
  const out: string[] = [`coverage (clause level, from interpreter traces): ${cov.covered}/${cov.goals} goals, ${formatPercent(cov.percent)}`];
  out.push('  a goal is each side of each clause: fired and not fired (red lines, rules), applied and not applied (exemptions), true and false (contexts)');
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
    out.push(
      table(['', 'kind', 'name', 'yes', 'no'], rows)
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    );
    const missing = uncovered(v);
    if (missing.length > 0) out.push(`  not exercised: ${missing.join('; ')}`);
  }
  if (cov.skipped.length > 0) out.push('', `skipped ${cov.skipped.length} case${cov.skipped.length === 1 ? '' : 's'} with invalid input: ${cov.skipped.join(', ')}`);
  return out.join('\n');
}
