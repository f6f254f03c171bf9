import {
  causeHeading,
  causeText,
  chooseRegions,
  count,
  deciders,
  editLabel,
  editWhere,
  extra,
  fullCube,
  inexactLines,
  kindsLine,
  overview,
  plural,
  regionCauses,
  sections,
  sharedCube,
  split,
  summaryLine,
  textualLines,
  transitionText,
  type DiffLabels,
  type RenderOptions,
} from './diff-layout.js';
import type { SemanticDiff } from './diff-types.js';

/**
 * The pull-request comment. It always fits one GitHub comment: the summary, the action changes
 * by transition, the edits, the input types and the textual changes always; then as many
 * regions as fit, chosen by `chooseRegions` (every action-change group before any basis-only
 * one), and a pointer to the JSON for the rest.
 */

/**
 * GitHub's limit for a comment is 65,536 characters. Counted here in UTF-8 bytes (never fewer
 * than characters), with a margin for what a CI step adds around it.
 */
export const MARKDOWN_LIMIT = 65_000;

// TextEncoder, not Buffer: the playground renders diffs in the browser.
const utf8 = new TextEncoder();
const size = (text: string) => utf8.encode(text).length;

const code = (s: string) => `\`${s.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
/** Edit texts quote with backticks already; only table pipes need escaping. */
const cell = (s: string) => s.replace(/\|/g, '\\|');

export function renderDiffMarkdown(diff: SemanticDiff, labels: DiffLabels, options: RenderOptions = {}, limit = MARKDOWN_LIMIT): string {
  const most = Math.min(options.maxRegions ?? Number.POSITIVE_INFINITY, diff.regions.length);
  const render = (regions: number, textual: number) => markdown(diff, labels, options, chooseRegions(diff, regions), textual);
  // The most regions that fit (the length grows with them); then, if need be, fewer textual lines.
  let text = render(most, Number.POSITIVE_INFINITY);
  if (size(text) <= limit) return text;
  let lo = 0;
  let hi = most;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (size(render(mid, Number.POSITIVE_INFINITY)) <= limit) lo = mid;
    else hi = mid - 1;
  }
  text = render(lo, Number.POSITIVE_INFINITY);
  for (let textual = 200; size(text) > limit && textual >= 0; textual = textual === 0 ? -1 : Math.floor(textual / 2)) text = render(lo, textual);
  if (size(text) <= limit) return text;
  // Past that (thousands of edits or input types): a cut at the last whole line that fits.
  const head = new TextDecoder().decode(utf8.encode(text).subarray(0, limit - 400));
  return `${head.slice(0, head.lastIndexOf('\n'))}\n\n_(cut to fit one comment: run ${code(options.jsonCommand ?? 'bylaw diff … --format json')} for everything)_`;
}

function markdown(diff: SemanticDiff, labels: DiffLabels, options: RenderOptions, shown: ReadonlySet<number>, textualLimit: number): string {
  const out: string[] = [`### Bylaw semantic diff: ${code(labels.before)} → ${code(labels.after)}`, ''];
  const textual = diff.textual;
  const clauseCounts = `clauses: ${textual.clauses.added.length} added, ${textual.clauses.removed.length} removed, ${textual.clauses.changed.length} changed`;
  const { basis } = split(diff);
  const kinds = diff.regions.length === 0 ? '' : ` — ${kindsLine(diff)}`;
  out.push(`**${summaryLine(diff)}**${kinds}; ${clauseCounts}.`);
  const inexact = inexactLines(diff);
  if (inexact) out.push('', `> ${inexact.head}`, ...inexact.atoms.map((a) => `> - ${cell(a)}`), ...(inexact.unrealised ? ['>', `> ${inexact.unrealised}`] : []));

  if (diff.inputTypes.length > 0) {
    out.push('', '#### Input types (what inputs are accepted)', '');
    for (const c of diff.inputTypes) {
      out.push(`- ${code(c.path || '(input)')}: ${cell(c.what)}${c.dates ? ` (${code(c.dates)})` : ''}`);
      if (!c.shape) continue;
      out.push('  no input is accepted by both sides: every input the old policy decides there is rejected now, and the other way round.');
      if (c.examples?.nowRejected) out.push(`  decided before, rejected now: ${code(JSON.stringify(c.examples.nowRejected))}`);
      if (c.examples?.nowAccepted) out.push(`  rejected before, decided now: ${code(JSON.stringify(c.examples.nowAccepted))}`);
    }
  }

  const actions = overview(diff, 'action');
  if (actions.length > 0) {
    out.push('', '#### What changes for users', '', '| action | points | regions | caused by |', '|---|---:|---:|---|');
    for (const r of actions) out.push(`| ${cell(r.text)} | ${count(r.points)} | ${count(r.regions)} | ${r.causes.map(causeText).join(' · ')} |`);
  }
  const bases = overview(diff, 'basis');
  if (bases.length > 0) {
    out.push('', `<details><summary>Basis-only changes (same action, another basis or clause): ${plural(basis.regions, 'region')}, ${plural(basis.points, 'point')}</summary>`, '');
    out.push('| before → after | points | regions | caused by |', '|---|---:|---:|---|');
    for (const r of bases) out.push(`| ${cell(r.text)} | ${count(r.points)} | ${count(r.regions)} | ${r.causes.map(causeText).join(' · ')} |`);
    out.push('', '</details>');
  }
  if (diff.edits.length > 0) {
    out.push('', '**Edits** (the causes named above and below):', '');
    for (const e of diff.edits) {
      const where = editWhere(e, diff);
      out.push(`- **${editLabel(e.id)}** ${cell(e.text)}${where ? ` _(${where})_` : ''}${e.points === 0n ? ' — changes no decision' : ''}`);
    }
  }
  if (diff.attribution !== null && diff.regions.length > 0) out.push('', `_Causes not attributed: ${diff.attribution}._`);

  let open = '';
  for (const section of sections(diff)) {
    if (!section.groups.some((g) => g.regions.some((i) => shown.has(i)))) continue;
    if (section.kind !== open) {
      if (open === 'action') out.push('');
      open = section.kind;
      if (section.kind === 'basis') out.push('', `<details><summary>Regions of the basis-only changes</summary>`);
    }
    out.push('', `#### ${section.kind === 'action' ? 'Action changes' : 'Basis changes'} ${cell(causeHeading(section.cause, diff.edits))}`);
    const outer = sharedCube(
      section.groups.reduce((n, g) => n + g.regions.length, 0),
      section.cube,
      fullCube(diff),
    );
    const all = extra(diff, outer, fullCube(diff));
    if (all) out.push('', `Every region: ${code(all)}`);
    for (const g of section.groups) {
      const regions = g.regions.filter((i) => shown.has(i));
      if (regions.length === 0) continue;
      const cube = sharedCube(g.regions.length, g.cube, outer);
      const also = extra(diff, cube, outer);
      out.push('', `**${transitionText(g)}** — ${plural(g.regions.length, 'region')}, ${plural(g.points, 'point')}${also ? `; all with ${code(also)}` : ''}`);
      out.push('', '| inputs | decided by (before → after) | points | example |', '|---|---|---:|---|');
      for (const i of regions) {
        const r = diff.regions[i]!;
        const causes = regionCauses(r, g);
        const warning = r.unrealised ? ' ⚠ no input built falls in this region; it may be empty' : r.verified ? '' : ' ⚠ the interpreter decides this example differently';
        const example = r.exampleBefore ? `${code(JSON.stringify(r.exampleBefore))} → ${code(JSON.stringify(r.example))}` : code(JSON.stringify(r.example));
        const cells = [
          code(extra(diff, r.cube, cube) || 'every input above'),
          `${cell(deciders(r))}${causes ? `<br>caused by ${cell(causes)}` : ''}${warning}`,
          count(r.points),
          `<details><summary>input</summary>${example}</details>`,
        ];
        out.push(`| ${cells.join(' | ')} |`);
      }
      if (regions.length < g.regions.length) out.push('', `_…and ${plural(g.regions.length - regions.length, 'more region')} of this transition._`);
    }
  }
  if (open === 'basis') out.push('', '</details>');
  if (shown.size < diff.regions.length) {
    out.push('', `_Showing ${count(shown.size)} of ${plural(diff.regions.length, 'region')} (every action change before any basis-only change). All of them: ${code(options.jsonCommand ?? 'bylaw diff … --format json')}._`);
  }
  const lines = textualLines(textual, textualLimit);
  if (lines.length > 0) out.push('', '<details><summary>textual changes</summary>', '', '```diff', ...lines, '```', '', '</details>');
  return out.join('\n');
}
