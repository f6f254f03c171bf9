import { DecisionDiagrams, type Cube } from './diagrams.js';

/** The bool diagram of a cube: true exactly on its points. */
export function cubeDiagram(dd: DecisionDiagrams, cube: Cube): number {
  let f: number = DecisionDiagrams.TRUE;
  for (let v = cube.length - 1; v >= 0; v--) {
    const mask = cube[v]!;
    if (!mask.includes('0')) continue;
    const below = f;
    f = dd.node(
      v,
      [...mask].map((bit) => (bit === '1' ? below : DecisionDiagrams.FALSE)),
    );
  }
  return f;
}

/** The terminals `f` reaches on the points of `cube`. */
export function terminalsWithin(dd: DecisionDiagrams, f: number, cube: Cube): Set<number> {
  const found = new Set<number>();
  dd.walk(f, cube, (t) => {
    found.add(t);
    return true;
  });
  return found;
}

/** Whether the bool diagram `f` is true on every point of `cube`. */
export function holdsOnCube(dd: DecisionDiagrams, f: number, cube: Cube): boolean {
  return dd.holdsOn(f, cube);
}

/**
 * A small cover of the points where the bool diagram `target` holds, by cubes inside it.
 * `cubes` must partition those points (e.g. the paths of a diagram). Each is first merged with
 * its neighbours (`mergeCubes`), then grown one variable at a time while it stays inside
 * `target` (towards a prime implicant); grown cubes are then taken largest first while they
 * contain a piece of the partition no cube taken so far contains, and finally a cube is
 * dropped when every piece it contains is contained in another cube kept. Every piece lies in
 * a kept cube, so the cover is exact; its cubes may overlap.
 */
export function coverCubes(dd: DecisionDiagrams, target: number, cubes: readonly Cube[], maxExpand = 4_000): Cube[] {
  const pieces = mergeCubes(cubes);
  if (pieces.length > maxExpand) return pieces;
  const grown = new Map<string, Cube>();
  for (const cube of pieces) {
    const c = [...cube];
    for (let v = 0; v < c.length; v++) {
      const mask = c[v]!;
      if (!mask.includes('0')) continue;
      c[v] = '1'.repeat(mask.length);
      if (holdsOnCube(dd, target, c)) continue;
      c[v] = mask;
      if (mask.length <= 2) continue;
      for (let k = 0; k < mask.length; k++) {
        if (c[v]![k] === '1') continue;
        const before = c[v]!;
        c[v] = before.slice(0, k) + '1' + before.slice(k + 1);
        if (!holdsOnCube(dd, target, c)) c[v] = before;
      }
    }
    grown.set(c.join('|'), c);
  }
  const flat = (c: Cube) => c.join('');
  const pieceText = pieces.map(flat);
  const candidates = [...grown.values()]
    .map((cube) => ({ cube, text: flat(cube), points: cubePoints(cube) }))
    .sort((a, b) => (a.points > b.points ? -1 : a.points < b.points ? 1 : 0));
  const covered = new Array<boolean>(pieces.length).fill(false);
  const chosen: { cube: Cube; pieces: number[] }[] = [];
  for (const candidate of candidates) {
    const inside: number[] = [];
    let fresh = false;
    pieceText.forEach((p, i) => {
      if (!subset(p, candidate.text)) return;
      inside.push(i);
      if (!covered[i]) fresh = true;
    });
    if (!fresh) continue;
    for (const i of inside) covered[i] = true;
    chosen.push({ cube: candidate.cube, pieces: inside });
  }
  // Drop a cube whose pieces all lie in other kept cubes (from the smallest).
  const count = new Array<number>(pieces.length).fill(0);
  for (const c of chosen) for (const i of c.pieces) count[i]!++;
  const kept: Cube[] = [];
  for (let k = chosen.length - 1; k >= 0; k--) {
    const c = chosen[k]!;
    if (c.pieces.every((i) => count[i]! > 1)) {
      for (const i of c.pieces) count[i]!--;
      continue;
    }
    kept.push(c.cube);
  }
  return kept.reverse();
}

/** Every point of `inner` is in `outer` (both flat masks). */
function subset(inner: string, outer: string): boolean {
  for (let i = 0; i < inner.length; i++) if (inner.charCodeAt(i) === 49 && outer.charCodeAt(i) === 48) return false;
  return true;
}

/** Points of a cube: the product of its allowed class counts. */
export function cubePoints(cube: Cube): bigint {
  let n = 1n;
  for (const mask of cube) {
    let k = 0;
    for (const ch of mask) if (ch === '1') k++;
    n *= BigInt(k);
  }
  return n;
}

/**
 * Merges disjoint cubes that differ in one variable only (their union is again a cube), until
 * no two do. The result covers the same points, still disjointly, with fewer cubes.
 */
export function mergeCubes(cubes: readonly Cube[]): Cube[] {
  if (cubes.length < 2) return cubes.map((c) => [...c]);
  const widths = cubes[0]!.map((m) => m.length);
  const offsets = [0];
  for (const w of widths) offsets.push(offsets[offsets.length - 1]! + w);
  // One string per cube (the masks side by side): keys are cheap slices.
  let current = cubes.map((c) => c.join(''));
  let changed = true;
  while (changed) {
    changed = false;
    for (let v = 0; v < widths.length; v++) {
      const a = offsets[v]!;
      const b = offsets[v + 1]!;
      const buckets = new Map<string, string[]>();
      for (const c of current) {
        const key = c.slice(0, a) + c.slice(b);
        const list = buckets.get(key);
        if (list) list.push(c);
        else buckets.set(key, [c]);
      }
      if (buckets.size === current.length) continue;
      changed = true;
      current = [];
      for (const group of buckets.values()) {
        if (group.length === 1) {
          current.push(group[0]!);
          continue;
        }
        const first = group[0]!;
        current.push(first.slice(0, a) + orMasks(group.map((c) => c.slice(a, b))) + first.slice(b));
      }
    }
  }
  return current.map((c) => widths.map((_, v) => c.slice(offsets[v]!, offsets[v + 1]!)));
}

function orMasks(masks: readonly string[]): string {
  let out = '';
  for (let i = 0; i < masks[0]!.length; i++) out += masks.some((m) => m[i] === '1') ? '1' : '0';
  return out;
}
