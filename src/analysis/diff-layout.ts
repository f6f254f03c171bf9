import { actionText, describeOutcome, outcomePrefix } from './diff-describe.js';
import { boundingCube, isBasisOnly, residual, type GroupCause, type RegionGroup } from './diff-group.js';
import type { Cube } from '../logic/index.js';
import type { Edit, Region, SemanticDiff, Side, TextualChanges, Verdict } from './diff-types.js';
import { formatInt } from './print.js';
import { TWO_VALUES } from './diff-atoms.js';

/**
 * The layout text and Markdown share: a summary, the action changes by transition with their
 * causes, the edits, then every group of regions — action changes first, basis-only changes
 * after — and the textual changes; and the words and numbers both print.
 */

export interface DiffLabels {
  /** How the two sides were named on the command line (`v2.policy`, `HEAD~1:policies/twitter`). */
  readonly before: string;
  readonly after: string;
}

export interface RenderOptions {
  /** Show at most this many regions (text and Markdown; JSON has them all). */
  readonly maxRegions?: number;
  /** The command that prints everything as JSON, for the pointer under a shortened report. */
  readonly jsonCommand?: string;
}

/** A count for JSON: a number while it is exact in a double, else a decimal string. */
export function jsonCount(n: bigint): number | string {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}

export function count(n: bigint | number): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(n: number | bigint, word: string): string {
  return `${typeof n === 'bigint' ? count(n) : formatInt(n).replace(/_/g, ',')} ${word}${n === 1 || n === 1n ? '' : 's'}`;
}

/** `remove (rule x) → allow (default)`; `account: warning (rule a) → strike P1W (rule b)` for one outcome of several. */
export const transitionText = (t: { outcome?: string; before: Side; after: Side }) => `${outcomePrefix(t)}${describeOutcome(t.before)} → ${describeOutcome(t.after)}`;

/** The actions only: `suspend → notice`, `rejected → decided`, `no version in force → remove`, `account: restrict P1W → restrict P2W`. */
export function actionTransition(t: { outcome?: string; before: Side; after: Side }): string {
  const action = (s: Side) => (s === null ? 'no version in force' : s === 'absent' ? 'no such outcome' : typeof s === 'string' ? s : actionText(s));
  return `${outcomePrefix(t)}${action(t.before)} → ${action(t.after)}`;
}

/** `rule hateful_conduct | rule harassment → exemption hateful_conduct via public_interest_notice` */
export function deciders(r: Region): string {
  const clause = (o: Verdict) =>
    o === null ? 'no version in force' : o === 'rejected' ? 'rejected' : o === 'absent' ? 'no such outcome' : o.clause === null ? 'default' : `${o.basis} ${o.clause}${o.exemption ? ` via ${o.exemption}` : ''}`;
  const side = (list: readonly Verdict[]) => [...new Set(list.map(clause))].join(' | ');
  return `${side(r.outcomesBefore)} → ${side(r.outcomesAfter)}`;
}

export function summaryLine(diff: SemanticDiff): string {
  if (diff.regions.length === 0) {
    return `no decision changes (${plural(diff.totalPoints, 'point')} of the cut model compared)${diff.inputTypes.length > 0 ? '; the input type changes (below)' : ''}`;
  }
  return `${plural(diff.regions.length, 'region')} change decision: ${count(diff.changedPoints)} of ${plural(diff.totalPoints, 'point')} of the cut model, ${plural(diff.transitions.length, 'transition')}`;
}

/** Regions and points of action changes and of basis-only changes (transitions are disjoint: exact). */
export function split(diff: SemanticDiff): { action: { regions: number; points: bigint }; basis: { regions: number; points: bigint } } {
  const out = { action: { regions: 0, points: 0n }, basis: { regions: 0, points: 0n } };
  for (const t of diff.transitions) {
    const side = isBasisOnly(t) ? out.basis : out.action;
    side.regions += t.regions;
    side.points += t.points;
  }
  return out;
}

/**
 * Changes by transition, most points first, with their causes: action changes by their actions
 * only (`suspend → remove`), basis-only changes in full (`remove (redline) → remove (rule)`).
 */
export function overview(diff: SemanticDiff, kind: 'action' | 'basis'): { text: string; points: bigint; regions: number; causes: GroupCause[] }[] {
  const name = kind === 'action' ? actionTransition : transitionText;
  const rows = new Map<string, { text: string; points: bigint; regions: number; causes: Map<string, GroupCause> }>();
  for (const t of diff.transitions) {
    if (isBasisOnly(t) !== (kind === 'basis')) continue;
    const text = name(t);
    let row = rows.get(text);
    if (!row) rows.set(text, (row = { text, points: 0n, regions: 0, causes: new Map() }));
    row.points += t.points;
    row.regions += t.regions;
  }
  for (const g of diff.groups) {
    if (g.kind === kind) rows.get(name(g))!.causes.set(`${g.cause.mode}:${g.cause.edits.join(',')}`, g.cause);
  }
  return [...rows.values()].sort((x, y) => (x.points > y.points ? -1 : x.points < y.points ? 1 : 0)).map((r) => ({ ...r, causes: [...r.causes.values()] }));
}

export const editLabel = (id: number) => `E${id}`;

/** `E2`, `E2 or E3 (each alone)`, `E1 and E2 together`, `E2, E1 (in part only together)`, `not attributed`. */
export function causeText(c: GroupCause): string {
  const ids = c.edits.map(editLabel);
  switch (c.mode) {
    case 'alone':
      return ids.length === 1 ? ids[0]! : `${ids.join(' or ')} (each alone)`;
    case 'together':
      return `${ids.join(' and ')} together`;
    case 'mixed':
      return `${ids.join(', ')} (in part only together)`;
    default:
      return 'not attributed';
  }
}

/** What a section's cause names, for its heading: `caused by E2 — context \`x\`: …`, `caused by E1 and E2 together — E1 …; E2 …`. */
export function causeHeading(c: GroupCause, edits: readonly Edit[]): string {
  if (c.mode === 'unknown') return '(causes not attributed)';
  const text = (id: number) => edits.find((e) => e.id === id)?.text ?? '';
  if (c.edits.length === 1) return `caused by ${editLabel(c.edits[0]!)} — ${text(c.edits[0]!)}`;
  return `caused by ${causeText(c)} — ${c.edits.map((id) => `${editLabel(id)} ${text(id)}`).join('; ')}`;
}

/** A region's causes when they say more than its group's: `E2 (384 points); E1 and E2 together (384 points)`. */
export function regionCauses(r: Region, g: RegionGroup): string | null {
  if (r.causes.length <= 1 && g.cause.mode !== 'mixed') return null;
  if (g.cause.mode === 'alone') return null;
  return r.causes.map((c) => `${causeText({ edits: c.edits, mode: c.together ? 'together' : 'alone' })} (${plural(c.points, 'point')})`).join('; ');
}

/** Sections of the layout: runs of groups with the same kind and cause, and what they all share. */
export interface Section {
  readonly kind: 'action' | 'basis';
  readonly cause: GroupCause;
  readonly groups: readonly RegionGroup[];
  /** The smallest cube holding every region of the section. */
  readonly cube: Cube;
}

/**
 * The cube whose constraints a section or group states once: its bounding cube when it has two
 * regions or more (a lone region reads better whole), else the enclosing one.
 */
export function sharedCube(regions: number, cube: Cube, outer: Cube): Cube {
  return regions >= 2 ? cube : outer;
}

export const fullCube = (diff: SemanticDiff): Cube => diff.model.vars.map((v) => '1'.repeat(v.classes.length));

/** `178 regions (33,460 points) change the action, 28 regions (51,696 points) only the basis` (parts with none left out). */
export function kindsLine(diff: SemanticDiff): string {
  const line = (d: SemanticDiff) => {
    const { action, basis } = split(d);
    const parts = [
      action.regions > 0 ? `${plural(action.regions, 'region')} (${plural(action.points, 'point')}) ${action.regions === 1 ? 'changes' : 'change'} the action` : '',
      basis.regions > 0 ? `${plural(basis.regions, 'region')} (${plural(basis.points, 'point')}) only the basis` : '',
    ];
    return parts.filter(Boolean).join(', ');
  };
  if (diff.outcomes === null) return line(diff);
  // Outcome by outcome: a point may change in several, so their points do not add up.
  return diff.outcomes
    .map((name) => ({ name, d: { ...diff, transitions: diff.transitions.filter((t) => t.outcome === name) } }))
    .filter(({ d }) => d.transitions.length > 0)
    .map(({ name, d }) => `${name}: ${line(d)}`)
    .join('; ');
}

export function sections(diff: SemanticDiff): Section[] {
  const out: { kind: 'action' | 'basis'; cause: GroupCause; groups: RegionGroup[] }[] = [];
  for (const g of diff.groups) {
    const last = out[out.length - 1];
    if (last && last.kind === g.kind && last.cause.mode === g.cause.mode && last.cause.edits.join() === g.cause.edits.join()) last.groups.push(g);
    else out.push({ kind: g.kind, cause: g.cause, groups: [g] });
  }
  return out.map((s) => ({ ...s, cube: boundingCube(s.groups.map((g) => g.cube)) }));
}

/** What a cube adds to an enclosing one, as text (`` when nothing). */
export function extra(diff: SemanticDiff, cube: Cube, outer: Cube): string {
  return residual(diff.model, cube, outer)
    .map((c) => c.text)
    .join(' and ');
}

/**
 * The regions to show, at most `limit`, most important first: the largest region of every
 * action-change group, then the second of each, and so on; basis-only groups only after every
 * action change is shown. The result is in no particular order (renderers keep their layout).
 */
export function chooseRegions(diff: SemanticDiff, limit: number): Set<number> {
  const chosen = new Set<number>();
  for (const kind of ['action', 'basis'] as const) {
    const groups = diff.groups.filter((g) => g.kind === kind);
    for (let rank = 0; chosen.size < limit; rank++) {
      let any = false;
      for (const g of groups) {
        if (rank >= g.regions.length || chosen.size >= limit) continue;
        chosen.add(g.regions[rank]!);
        any = true;
      }
      if (!any) break;
    }
  }
  return chosen;
}

/** `+ exemption satire`, `~ context eligible_for_notice`, …: at most `limit` lines, then how many more. */
export function textualLines(t: TextualChanges, limit = Number.POSITIVE_INFINITY): string[] {
  const lines: string[] = [];
  const { added, removed, changed } = t.clauses;
  for (const c of added) lines.push(`+ ${c.kind} ${c.name}`);
  for (const c of removed) lines.push(`- ${c.kind} ${c.name}`);
  for (const c of changed) lines.push(`~ ${c.kind} ${c.name} (${c.what.join(', ')})`);
  for (const c of t.contexts.added) lines.push(`+ context ${c}`);
  for (const c of t.contexts.removed) lines.push(`- context ${c}`);
  for (const c of t.contexts.changed) lines.push(`~ context ${c}`);
  for (const v of t.versions.added) lines.push(`+ version ${v}`);
  for (const v of t.versions.removed) lines.push(`- version ${v}`);
  if (t.defaultAction) lines.push(`~ default ${t.defaultAction.before} → ${t.defaultAction.after}`);
  return lines.length <= limit ? lines : [...lines.slice(0, limit), `… and ${lines.length - limit} more`];
}

/** `versions 2019-06-27, 2019-10-15` for an edit that is not everywhere. */
export function editWhere(e: Edit, diff: SemanticDiff): string {
  return diff.dated && e.versions.length > 0 ? `${e.versions.length === 1 ? 'version' : 'versions'} ${e.versions.join(', ')}` : '';
}

/**
 * Why the diff is not exact, as lines (none when it is): Bylaw 1's one sentence when every atom
 * compares two fields, else the atoms one by one.
 */
export function inexactLines(diff: SemanticDiff): { head: string; atoms: string[]; unrealised: string | null } | null {
  if (diff.exact) return null;
  const n = unrealisedCount(diff);
  const unrealised = n === 0 ? null : `${plural(n, 'region')} of ${count(diff.regions.length)} have no input built for them: they may be empty`;
  if (diff.inexact.every((r) => r.why === TWO_VALUES)) return { head: 'some conditions compare two fields; those comparisons are treated as independent, so regions may over-approximate', atoms: [], unrealised };
  return {
    head: 'not exact (`exact: false`): these atoms are treated as free, so a region may hold inputs no policy sees (it never misses a change); an example that cannot be built says so',
    atoms: diff.inexact.map((r) => `${r.atom}${r.test ? ` = ${r.test}` : ''}: ${r.why}`),
    unrealised,
  };
}

/** Regions for which no input could be built (see Region.unrealised). */
export function unrealisedCount(diff: SemanticDiff): number {
  return diff.regions.filter((r) => r.unrealised).length;
}
