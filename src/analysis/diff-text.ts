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
  summaryLine,
  textualLines,
  transitionText,
  type DiffLabels,
  type RenderOptions,
} from './diff-layout.js';
import type { InputTypeChange, SemanticDiff } from './diff-types.js';

/** The terminal rendering of a semantic diff (the layout is diff-report.ts's). */

export function renderDiffText(diff: SemanticDiff, labels: DiffLabels, options: RenderOptions = {}): string {
  const out: string[] = [`semantic diff ${labels.before} → ${labels.after}`, summaryLine(diff)];
  const inexact = inexactLines(diff);
  if (inexact) out.push(`note: ${inexact.head}`, ...inexact.atoms.map((a) => `  ~ ${a}`), ...(inexact.unrealised ? [`  ${inexact.unrealised}`] : []));
  if (diff.regions.length > 0) out.push(`  ${kindsLine(diff)}`);
  out.push(...inputTypeLines(diff.inputTypes));
  for (const kind of ['action', 'basis'] as const) {
    const rows = overview(diff, kind);
    if (rows.length === 0) continue;
    out.push('', kind === 'action' ? 'what changes for users (action changes by transition):' : 'basis-only changes (same action, another basis or clause):');
    const cells = rows.map((r) => [r.text, `${plural(r.points, 'point')},`, plural(r.regions, 'region'), `caused by ${r.causes.map(causeText).join('; ')}`]);
    const widths = [0, 1, 2].map((k) => Math.max(...cells.map((c) => c[k]!.length)));
    for (const c of cells) out.push(`  ${c.map((x, k) => (k < 3 ? x.padEnd(widths[k]!) : x)).join('  ')}`);
  }
  if (diff.edits.length > 0) {
    out.push('', 'edits:');
    for (const e of diff.edits) {
      const where = editWhere(e, diff);
      out.push(`  ${editLabel(e.id)}  ${e.text}${where ? `   (${where})` : ''}${e.points === 0n ? '   — changes no decision' : ''}`);
    }
  }
  if (diff.attribution !== null && diff.regions.length > 0) out.push('', `causes not attributed: ${diff.attribution}`);

  const shown = chooseRegions(diff, options.maxRegions ?? Number.POSITIVE_INFINITY);
  let kind = '';
  for (const section of sections(diff)) {
    if (!section.groups.some((g) => g.regions.some((i) => shown.has(i)))) continue;
    if (section.kind !== kind) {
      kind = section.kind;
      out.push('', kind === 'action' ? '== action changes ==' : '== basis-only changes (same action, another basis or clause) ==');
    }
    out.push('', causeHeading(section.cause, diff.edits));
    const outer = sharedCube(
      section.groups.reduce((n, g) => n + g.regions.length, 0),
      section.cube,
      fullCube(diff),
    );
    const all = extra(diff, outer, fullCube(diff));
    if (all) out.push(`  every region: ${all}`);
    for (const g of section.groups) {
      const regions = g.regions.filter((i) => shown.has(i));
      if (regions.length === 0) continue;
      out.push('', `  ${transitionText(g)}   [${plural(g.regions.length, 'region')}, ${plural(g.points, 'point')}]`);
      const cube = sharedCube(g.regions.length, g.cube, outer);
      const also = extra(diff, cube, outer);
      if (also) out.push(`    all of them: ${also}`);
      for (const i of regions) {
        const r = diff.regions[i]!;
        out.push(`    • ${extra(diff, r.cube, cube) || 'every input above'}   (${plural(r.points, 'point')})`);
        out.push(`      decided by: ${deciders(r)}`);
        const causes = regionCauses(r, g);
        if (causes) out.push(`      caused by: ${causes}`);
        out.push(`      example: ${JSON.stringify(r.example)}`);
        if (r.exampleBefore) out.push(`      example (old input type): ${JSON.stringify(r.exampleBefore)}`);
        if (r.unrealised) out.push(`      warning: no input built falls in this region (missed: ${r.unrealised.join('; ')}); it may be empty`);
        else if (!r.verified) out.push('      warning: the interpreter decides this example differently; the region is approximate');
      }
      if (regions.length < g.regions.length) out.push(`    … and ${plural(g.regions.length - regions.length, 'more region')}`);
    }
  }
  if (shown.size < diff.regions.length) out.push('', `showing ${count(shown.size)} of ${plural(diff.regions.length, 'region')}; all of them: ${options.jsonCommand ?? 'bylaw diff … --format json'}`);
  const textual = textualLines(diff.textual);
  out.push('', textual.length === 0 ? 'clauses: no textual changes' : 'clauses:', ...textual.map((l) => `  ${l}`));
  return out.join('\n');
}

export function inputTypeLines(changes: readonly InputTypeChange[]): string[] {
  if (changes.length === 0) return [];
  const out = ['', 'input types (what inputs are accepted):'];
  for (const c of changes) {
    out.push(`  ~ ${c.path || '(input)'}: ${c.what}${c.dates ? ` (${c.dates})` : ''}`);
    if (!c.shape) continue;
    out.push('    no input is accepted by both sides: every input the old policy decides there is rejected now, and the other way round');
    if (c.examples?.nowRejected) out.push(`    decided before, rejected now: ${JSON.stringify(c.examples.nowRejected)}`);
    if (c.examples?.nowAccepted) out.push(`    rejected before, decided now: ${JSON.stringify(c.examples.nowAccepted)}`);
  }
  return out;
}
