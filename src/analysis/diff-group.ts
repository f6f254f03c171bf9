import type { Cube, FiniteModel } from '../logic/index.js';
import { outcomeKey } from './diff-decision.js';
import { describeCube } from './diff-describe.js';
import type { Cause, Constraint, Region, Side } from './diff-types.js';

/**
 * Regions grouped for reading: action changes before basis-only changes (same action, another
 * basis or clause), then by cause (the edits that explain them), then by transition. A group
 * states once the constraints all its regions share (the smallest cube holding them all), so
 * each region only says what is particular to it.
 */

/** How a group's edits explain its regions. */
export type CauseMode =
  /** Each edit listed explains every point of every region on its own (usually one edit). */
  | 'alone'
  /** The edits are needed together. */
  | 'together'
  /** Some points by one edit alone, others only by several together. */
  | 'mixed'
  /** Attribution was skipped. */
  | 'unknown';

export interface GroupCause {
  readonly edits: readonly number[];
  readonly mode: CauseMode;
}

export interface RegionGroup {
  /** `a1`, `a2` … (action changes), `b1` … (basis-only changes), in reading order. */
  readonly id: string;
  readonly kind: 'action' | 'basis';
  readonly cause: GroupCause;
  /** As Region.outcome. */
  readonly outcome?: string;
  readonly before: Side;
  readonly after: Side;
  /** Indices into SemanticDiff.regions, most points first. */
  readonly regions: readonly number[];
  /** Points in at least one of its regions (exact; regions of a transition may overlap). */
  readonly points: bigint;
  /** The smallest cube holding every region, and its constraints (what every region shares). */
  readonly cube: Cube;
  readonly shared: readonly Constraint[];
}

/** Same action (and duration) on both sides: only the basis (or, with `clauses`, the deciding clause) changes. */
export function isBasisOnly(t: { before: Side; after: Side }): boolean {
  const { before: b, after: a } = t;
  return b !== null && a !== null && typeof b === 'object' && typeof a === 'object' && b.action === a.action && b.duration === a.duration;
}

/** What explains a whole region: one or more edits each alone, or a union of edits (in part together). */
export function regionCause(causes: readonly Cause[]): GroupCause {
  if (causes.length === 0) return { edits: [], mode: 'unknown' };
  const alone = causes.filter((c) => !c.together);
  if (alone.length === causes.length) {
    // The edits that alone explain every point of the region.
    const every = alone[0]!.edits.filter((e) => alone.every((c) => c.edits.includes(e)));
    if (every.length > 0) return { edits: every, mode: 'alone' };
  }
  const union = [...new Set(causes.flatMap((c) => c.edits))].sort((x, y) => x - y);
  return { edits: union, mode: alone.length === 0 && causes.length === 1 ? 'together' : 'mixed' };
}

const causeKey = (c: GroupCause) => `${c.mode}:${c.edits.join(',')}`;

/** The smallest cube holding all of `cubes` (per variable, every class some cube allows). */
export function boundingCube(cubes: readonly Cube[]): Cube {
  return cubes[0]!.map((_, v) => {
    const masks = cubes.map((c) => c[v]!);
    let out = '';
    for (let i = 0; i < masks[0]!.length; i++) out += masks.some((m) => m[i] === '1') ? '1' : '0';
    return out;
  });
}

/** The constraints of `cube` that `outer` does not already state (variables where they differ). */
export function residual(model: FiniteModel, cube: Cube, outer: Cube): Constraint[] {
  return describeCube(
    model,
    cube.map((mask, v) => (mask === outer[v] ? '1'.repeat(mask.length) : mask)),
  );
}

/**
 * The groups of a diff's regions in reading order. `union` counts the points of several cubes
 * (each point once).
 */
export function groupRegions(model: FiniteModel, regions: readonly Region[], union: (cubes: readonly Cube[]) => bigint): RegionGroup[] {
  const byKey = new Map<string, { kind: 'action' | 'basis'; cause: GroupCause; outcome?: string; before: Side; after: Side; regions: number[] }>();
  regions.forEach((r, i) => {
    const kind = isBasisOnly(r) ? 'basis' : 'action';
    const cause = regionCause(r.causes);
    const key = `${kind}|${causeKey(cause)}|${r.outcome ?? ''}|${outcomeKey(r.before)}>${outcomeKey(r.after)}`;
    const g = byKey.get(key);
    if (g) g.regions.push(i);
    else byKey.set(key, { kind, cause, ...(r.outcome !== undefined ? { outcome: r.outcome } : {}), before: r.before, after: r.after, regions: [i] });
  });
  const byPoints = (x: bigint, y: bigint) => (x > y ? -1 : x < y ? 1 : 0);
  const groups = [...byKey.values()].map((g) => {
    const cubes = g.regions.map((i) => regions[i]!.cube);
    const cube = boundingCube(cubes);
    const sorted = [...g.regions].sort((x, y) => byPoints(regions[x]!.points, regions[y]!.points) || x - y);
    return { ...g, regions: sorted, points: union(cubes), cube, shared: describeCube(model, cube) };
  });
  // Causes in the order of the points they explain (per kind), then transitions, most points first.
  const causePoints = new Map<string, bigint>();
  for (const g of groups) {
    const key = `${g.kind}|${causeKey(g.cause)}`;
    causePoints.set(key, (causePoints.get(key) ?? 0n) + g.points);
  }
  const rank = (g: (typeof groups)[number]) => causePoints.get(`${g.kind}|${causeKey(g.cause)}`)!;
  groups.sort(
    (x, y) =>
      (x.kind === y.kind ? 0 : x.kind === 'action' ? -1 : 1) ||
      byPoints(rank(x), rank(y)) ||
      (causeKey(x.cause) < causeKey(y.cause) ? -1 : causeKey(x.cause) > causeKey(y.cause) ? 1 : 0) ||
      byPoints(x.points, y.points) ||
      x.regions[0]! - y.regions[0]!,
  );
  const counters = { action: 0, basis: 0 };
  return groups.map((g) => ({ id: `${g.kind === 'action' ? 'a' : 'b'}${++counters[g.kind]}`, ...g }));
}
