import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeOutcome, semanticDiff, undated, type SemanticDiff } from '../../src/analysis/diff.js';
import { isBasisOnly } from '../../src/analysis/diff-group.js';
import { diffToJson } from '../../src/analysis/diff-json.js';
import { renderDiffMarkdown } from '../../src/analysis/diff-markdown.js';
import { actionTransition } from '../../src/analysis/diff-layout.js';
import { renderDiff } from '../../src/analysis/diff-report.js';
import type { PolicySet } from '../../src/checker/program.js';
import { loadPolicy } from '../../src/load-policy.js';
import { checkFiles } from '../support/policies.js';

/**
 * The report a reviewer reads, on the change the review of the diff was about: three ordinary
 * edits to policies/twitter — the notice threshold 100_000 → 50_000, a new `satire` exemption,
 * the red line `shares_private_information` removed.
 */

const TWITTER = 'policies/twitter';

function editedTwitter(): PolicySet {
  const files: Record<string, string> = {};
  for (const name of readdirSync(TWITTER)) files[join('edited-twitter', name)] = readFileSync(join(TWITTER, name), 'utf8');
  const edit = (name: string, from: RegExp | string, to: string) => {
    const path = join('edited-twitter', name);
    const text = files[path]!.replace(from, to);
    expect(text).not.toBe(files[path]);
    files[path] = text;
  };
  edit('public_interest_notice.policy', 'followers > 100_000', 'followers > 50_000');
  edit('v3_world_leaders.policy', /redline shares_private_information\n(?: {2}.*\n)+\n/, '');
  files[join('edited-twitter', 'v3_world_leaders.policy')] += `
exemption satire
  from harassment, hateful_conduct
  when post.target == public_figure and post.topic == political_issue
  unless post.offline_harm_risk == severe
  then notice
  because "Satire of public figures on political issues stays up behind a notice."
`;
  const checked = checkFiles(files, 'edited-twitter');
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return checked.policy!;
}

const labels = { before: 'HEAD:policies/twitter', after: 'policies/twitter' };
const JSON_COMMAND = 'bylaw diff --git HEAD policies/twitter --format json';

describe('the three-edit change to policies/twitter', () => {
  let diff: SemanticDiff;
  let markdown: string;

  beforeAll(() => {
    diff = semanticDiff(loadPolicy(TWITTER).policy!, editedTwitter());
    markdown = renderDiff(diff, labels, 'markdown', { jsonCommand: JSON_COMMAND });
  });

  it('is attributed to exactly the three edits', () => {
    expect(diff.regions).toHaveLength(206);
    expect(diff.attribution).toBeNull();
    expect(diff.edits.map((e) => e.text).sort()).toEqual([
      'context `eligible_for_notice`: `author.followers > 100_000` → `author.followers > 50_000`',
      'exemption `satire` added',
      'redline `shares_private_information` removed',
    ]);
    const id = (prefix: string) => diff.edits.find((e) => e.text.startsWith(prefix))!.id;
    for (const r of diff.regions) {
      const all = new Set(r.causes.flatMap((c) => c.edits));
      // The threshold's regions are in its band; the red line's have private information.
      if (all.size === 1 && all.has(id('context'))) expect(r.text).toContain('author.followers in 50_001..100_000');
      if (all.size === 1 && all.has(id('redline'))) expect(r.text).toContain('categories has private_information');
      if (all.size === 1 && all.has(id('exemption'))) expect(r.text).toMatch(/target == public_figure|topic == political_issue|date >= 2019-10-15/);
    }
    // Removing the red line changes no action on its own: only bases.
    for (const g of diff.groups) if (g.cause.mode === 'alone' && g.cause.edits.join() === String(id('redline'))) expect(g.kind).toBe('basis');
  });

  it('fits one GitHub comment, most important first', () => {
    expect(Buffer.byteLength(markdown, 'utf8')).toBeLessThan(65_536);
    expect(markdown).toContain(`All of them: \`${JSON_COMMAND}\``);
  });

  it('its first screen: the summary, the action changes by transition with their causes, the edits', () => {
    const firstScreen = markdown.slice(0, markdown.indexOf('| inputs |'));
    const lines = firstScreen.split('\n');
    expect(lines[2]).toMatch(/^\*\*206 regions change decision: 85,156 of 28,311,552 points of the cut model, 10 transitions\*\* — \d+ regions \([\d,]+ points\) change the action, \d+ regions \([\d,]+ points\) only the basis/);
    // One row per action transition, most points first, each with its causes as edit labels.
    const table = lines.slice(lines.indexOf('#### What changes for users') + 4).filter((l) => l.startsWith('| '));
    const actions = [...new Set(diff.transitions.filter((t) => !isBasisOnly(t)).map(actionTransition))];
    const rows = table.slice(0, actions.length).map((l) => l.split(' | '));
    expect(rows.map((r) => r[0]!.slice(2)).sort()).toEqual(actions.sort());
    for (const r of rows) expect(r[3]).toMatch(/^E\d/);
    expect(rows.map((r) => Number(r[1]!.replace(/,/g, '')))).toEqual([...rows.map((r) => Number(r[1]!.replace(/,/g, '')))].sort((x, y) => y - x));
    // Basis-only changes folded away, then the edits the causes name.
    expect(firstScreen).toMatch(/<details><summary>Basis-only changes \(same action, another basis or clause\): 28 regions, 51,696 points<\/summary>[\s\S]*\| remove \(redline\) → remove \(rule\) \| 48,420 \| 16 \| E\d \|/);
    for (const e of diff.edits) expect(firstScreen).toContain(`- **E${e.id}** ${e.text}`);
    expect(firstScreen.indexOf('#### What changes for users')).toBeLessThan(firstScreen.indexOf('**Edits**'));
  });

  it('groups regions by the edit that caused them, states what they share once, and never cuts an action change for a basis change', () => {
    const headings = [...markdown.matchAll(/^#### (Action|Basis) changes caused by (.*)$/gm)].map((m) => [m[1], m[2]]);
    expect(headings.length).toBeGreaterThan(0);
    expect(headings[0]).toEqual(['Action', expect.stringMatching(/^E\d — context `eligible_for_notice`/)]);
    // The threshold's section says once what all its regions share.
    const threshold = markdown.slice(markdown.indexOf(`caused by ${headings[0]![1]}`));
    expect(threshold.split('\n').find((l) => l.startsWith('Every region: '))).toContain('author.followers in 50_001..100_000');
    expect(threshold.slice(0, threshold.indexOf('**', threshold.indexOf('| inputs |')))).not.toMatch(/\| `[^`]*author\.followers in 50_001\.\.100_000/);
    // Every group of action changes shows its largest region before any basis-only change is shown.
    const actionGroups = diff.groups.filter((g) => g.kind === 'action');
    const shownTransitions = [...markdown.matchAll(/^\*\*(.+?)\*\* — (\d+) regions?, /gm)];
    expect(shownTransitions.length).toBeGreaterThanOrEqual(actionGroups.length);
    if (markdown.includes('Regions of the basis-only changes')) {
      expect(markdown).not.toContain('more region');
    }
    for (const g of actionGroups) expect(markdown).toContain(`**${describeOutcome(g.before)} → ${describeOutcome(g.after)}** — `);
  });

  it('--max-regions: as many as asked, every action group first, with the pointer to the JSON', () => {
    const short = renderDiffMarkdown(diff, labels, { maxRegions: 20, jsonCommand: JSON_COMMAND });
    expect(short).toContain(`_Showing 20 of 206 regions (every action change before any basis-only change). All of them: \`${JSON_COMMAND}\`._`);
    expect(short.match(/<summary>input<\/summary>/g)).toHaveLength(20);
    const text = renderDiff(diff, labels, 'text', { maxRegions: 20, jsonCommand: JSON_COMMAND });
    expect(text.match(/^ {6}example: /gm)).toHaveLength(20);
    expect(text).toContain(`showing 20 of 206 regions; all of them: ${JSON_COMMAND}`);
  });

  it('a tighter limit still fits: fewer regions, then fewer textual lines, then a cut at a line', () => {
    for (const limit of [20_000, 4_000, 1_500]) expect(Buffer.byteLength(renderDiffMarkdown(diff, labels, {}, limit), 'utf8')).toBeLessThanOrEqual(limit);
  });

  it('text has the same structure', () => {
    const text = renderDiff(diff, labels, 'text', {});
    const order = ['what changes for users (action changes by transition):', 'basis-only changes (same action, another basis or clause):', 'edits:', '== action changes ==', '== basis-only changes', 'clauses:'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    expect(text).toMatch(/^caused by E\d — context `eligible_for_notice`: `author\.followers > 100_000` → `author\.followers > 50_000`\n {2}every region: .*author\.followers in 50_001\.\.100_000/m);
    expect(text.match(/^ {4}• /gm)).toHaveLength(206);
  });

  it('JSON keeps everything, with each change\'s cause and group', () => {
    const json = diffToJson(diff, labels) as {
      changes: { cause: { edits: number[]; together: boolean; points: number }[]; group: string; points: number }[];
      groups: { id: string; changes: number[] }[];
      edits: { id: number }[];
    };
    expect(json.changes).toHaveLength(206);
    for (const [i, c] of json.changes.entries()) {
      expect(c.cause.length).toBeGreaterThan(0);
      expect(c.cause.reduce((n, x) => n + x.points, 0)).toBe(c.points);
      expect(json.groups.find((g) => g.id === c.group)!.changes).toContain(i);
    }
    expect(json.edits.map((e) => e.id)).toEqual([1, 2, 3]);
  });
});

describe('policies/twitter v2 → v3', () => {
  it('reports the same regions as before the report was regrouped (JSON)', () => {
    const v2 = undated(loadPolicy('policies/twitter/v2_public_interest_notice.policy').policy!);
    const v3 = undated(loadPolicy('policies/twitter/v3_world_leaders.policy').policy!);
    const diff = semanticDiff(v2, v3);
    const json = diffToJson(diff, { before: 'v2', after: 'v3' }) as { changes: { transition: { before: string; after: string }; points: number; region: string }[] };
    const lines = json.changes.map((c) => `${c.transition.before} → ${c.transition.after} [${c.points}]: ${c.region}`).sort();
    const fixture = readFileSync('test/analysis/fixtures/twitter-v2-v3.regions.txt', 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'));
    expect(lines).toEqual(fixture);
    // A red line under a rule that suspends anyway changes nothing, and the report says so.
    const idle = diff.edits.filter((e) => e.points === 0n).map((e) => e.text);
    expect(idle).toEqual(['redline `promotes_terrorism` added', 'redline `child_exploitation` added']);
    expect(renderDiff(diff, { before: 'v2', after: 'v3' }, 'text')).toMatch(/^ {2}E\d {2}redline `promotes_terrorism` added {3}— changes no decision$/m);
  });
});
