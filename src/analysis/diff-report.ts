import type { Decision } from '../semantics/decision.js';
import { describeOutcome } from './diff-describe.js';
import type { Outcome, Region, SemanticDiff, TextualChanges } from './diff-types.js';
import { formatInt } from './print.js';

/** The three renderings of a semantic diff: terminal text, a pull-request comment, JSON. */

export type DiffFormat = 'text' | 'markdown' | 'json';

export interface DiffLabels {
  /** How the two sides were named on the command line (`v2.policy`, `HEAD~1:policies/twitter`). */
  readonly before: string;
  readonly after: string;
}

/** A count for JSON: a number while it is exact in a double, else a decimal string. */
export function jsonCount(n: bigint): number | string {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}

function count(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(n: number | bigint, word: string): string {
  return `${typeof n === 'bigint' ? count(n) : formatInt(n).replace(/_/g, ',')} ${word}${n === 1 || n === 1n ? '' : 's'}`;
}

const transitionKey = (r: { before: Outcome | null; after: Outcome | null }) => `${describeOutcome(r.before)} → ${describeOutcome(r.after)}`;

/** `rule hateful_conduct | rule harassment → exemption hateful_conduct via public_interest_notice` */
function deciders(r: Region): string {
  const clause = (o: Outcome | null) => (o === null ? 'no version in force' : o.clause === null ? 'default' : `${o.basis} ${o.clause}${o.exemption ? ` via ${o.exemption}` : ''}`);
  const side = (list: readonly (Outcome | null)[]) => [...new Set(list.map(clause))].join(' | ');
  return `${side(r.outcomesBefore)} → ${side(r.outcomesAfter)}`;
}

function regionExample(r: Region): string {
  return JSON.stringify(r.example);
}

export function diffToJson(diff: SemanticDiff, labels: DiffLabels): unknown {
  const decision = (d: Decision | null) => d;
  return {
    before: labels.before,
    after: labels.after,
    changes: diff.regions.map((r) => ({
      region: r.text,
      constraints: r.constraints,
      transition: { before: describeOutcome(r.before), after: describeOutcome(r.after) },
      decidedBy: { before: r.outcomesBefore, after: r.outcomesAfter },
      example: r.example,
      ...(r.exampleBefore ? { exampleBefore: r.exampleBefore } : {}),
      before: decision(r.beforeDecision),
      after: decision(r.afterDecision),
      points: jsonCount(r.points),
      ...(r.verified ? {} : { verified: false }),
    })),
    clauses: diff.textual.clauses,
    contexts: diff.textual.contexts,
    versions: diff.textual.versions,
    default: diff.textual.defaultAction,
    summary: {
      changed: diff.regions.length > 0,
      regions: diff.regions.length,
      changedPoints: jsonCount(diff.changedPoints),
      totalPoints: jsonCount(diff.totalPoints),
      exact: diff.exact,
      transitions: diff.transitions.map((t) => ({
        before: describeOutcome(t.before),
        after: describeOutcome(t.after),
        regions: t.regions,
        points: jsonCount(t.points),
      })),
      model: diff.model.vars.map((v) => ({ field: v.key, classes: v.classes.length })),
    },
  };
}

function summaryLine(diff: SemanticDiff): string {
  if (diff.regions.length === 0) return `no decision changes (${plural(diff.totalPoints, 'point')} of the cut model compared)`;
  return `${plural(diff.regions.length, 'region')} change decision: ${count(diff.changedPoints)} of ${plural(diff.totalPoints, 'point')} of the cut model`;
}

function textualLines(t: TextualChanges): string[] {
  const lines: string[] = [];
  const { added, removed, changed } = t.clauses;
  for (const c of added) lines.push(`  + ${c.kind} ${c.name}`);
  for (const c of removed) lines.push(`  - ${c.kind} ${c.name}`);
  for (const c of changed) lines.push(`  ~ ${c.kind} ${c.name} (${c.what.join(', ')})`);
  for (const c of t.contexts.added) lines.push(`  + context ${c}`);
  for (const c of t.contexts.removed) lines.push(`  - context ${c}`);
  for (const c of t.contexts.changed) lines.push(`  ~ context ${c}`);
  for (const v of t.versions.added) lines.push(`  + version ${v}`);
  for (const v of t.versions.removed) lines.push(`  - version ${v}`);
  if (t.defaultAction) lines.push(`  ~ default ${t.defaultAction.before} → ${t.defaultAction.after}`);
  return lines;
}

export function renderDiffText(diff: SemanticDiff, labels: DiffLabels): string {
  const out: string[] = [`semantic diff ${labels.before} → ${labels.after}`, summaryLine(diff)];
  if (!diff.exact) out.push('note: some conditions compare two fields; those comparisons are treated as independent, so regions may over-approximate');
  let current = '';
  for (const r of diff.regions) {
    const key = transitionKey(r);
    if (key !== current) {
      current = key;
      const t = diff.transitions.find((x) => transitionKey(x) === key)!;
      out.push('', `${key}   [${plural(t.regions, 'region')}, ${plural(t.points, 'point')}]`);
    }
    out.push(`  • ${r.text}   (${plural(r.points, 'point')})`);
    out.push(`    decided by: ${deciders(r)}`);
    out.push(`    example: ${regionExample(r)}`);
    if (r.exampleBefore) out.push(`    example (old input type): ${JSON.stringify(r.exampleBefore)}`);
    if (!r.verified) out.push('    warning: the interpreter decides this example differently; the region is approximate');
  }
  const textual = textualLines(diff.textual);
  out.push('', textual.length === 0 ? 'clauses: no textual changes' : 'clauses:', ...textual);
  return out.join('\n');
}

const MARKDOWN_ROWS = 60;

export function renderDiffMarkdown(diff: SemanticDiff, labels: DiffLabels): string {
  const code = (s: string) => `\`${s.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
  const out: string[] = [`### Bylaw semantic diff: ${code(labels.before)} → ${code(labels.after)}`, ''];
  const textual = diff.textual;
  const clauseCounts = `clauses: ${textual.clauses.added.length} added, ${textual.clauses.removed.length} removed, ${textual.clauses.changed.length} changed`;
  out.push(`**${summaryLine(diff)}** — ${clauseCounts}.`);
  if (!diff.exact) out.push('', '> some conditions compare two fields; those comparisons are treated as independent, so regions may over-approximate');
  if (diff.regions.length > 0) {
    out.push('', '| before | after | inputs | decided by (before → after) | points | example |', '|---|---|---|---|---:|---|');
    let current = '';
    for (const r of diff.regions.slice(0, MARKDOWN_ROWS)) {
      const key = transitionKey(r);
      const first = key !== current;
      current = key;
      const cells = [
        first ? describeOutcome(r.before) : '〃',
        first ? describeOutcome(r.after) : '〃',
        code(r.text),
        deciders(r).replace(/\|/g, '\\|'),
        count(r.points),
        `<details><summary>input</summary>${code(regionExample(r))}</details>`,
      ];
      out.push(`| ${cells.join(' | ')} |`);
    }
    if (diff.regions.length > MARKDOWN_ROWS) {
      out.push('', `…and ${diff.regions.length - MARKDOWN_ROWS} more regions (run \`bylaw diff --format json\` for all).`);
    }
    out.push('', '<details><summary>by transition</summary>', '', '| before | after | regions | points |', '|---|---|---:|---:|');
    for (const t of diff.transitions) out.push(`| ${describeOutcome(t.before)} | ${describeOutcome(t.after)} | ${t.regions} | ${count(t.points)} |`);
    out.push('', '</details>');
  }
  const lines = textualLines(textual);
  if (lines.length > 0) out.push('', '<details><summary>textual changes</summary>', '', '```diff', ...lines.map((l) => l.trimStart()), '```', '', '</details>');
  return out.join('\n');
}

export function renderDiff(diff: SemanticDiff, labels: DiffLabels, format: DiffFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(diffToJson(diff, labels), null, 2);
    case 'markdown':
      return renderDiffMarkdown(diff, labels);
    default:
      return renderDiffText(diff, labels);
  }
}
