/**
 * mulberry32: a small, fast, well-distributed 32-bit PRNG. Returns floats in [0, 1); the same
 * seed gives the same stream. The one seeded generator behind every piece of generated data:
 * the bench's posts, `scripts/generate-posts.ts`, `scripts/scale.ts` and the SQL tests' inputs.
 * (It lives in bench/ because the bench's child processes run a transpiled copy of bench/ only.)
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
