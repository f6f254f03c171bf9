import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fastParserFor } from '../../src/replay/fast-parse.js';
import { processChunk, type ChunkOptions } from '../../src/replay/chunk.js';
import { loadCompiled } from '../../src/compiler/load.js';
import { decideUnknown } from '../../src/interpreter/evaluate.js';
import { loadPolicy } from '../../src/load-policy.js';
import type { Decision } from '../../src/runtime/types.js';
import { mulberry32 } from '../../bench/random.js';
import { post } from '../../scripts/generate-posts.js';
import { runCli } from '../support/cli.js';

const twitter = loadPolicy('policies/twitter').policy!;

/** The interpreter on the Twitter set: Bylaw 1, so its decisions are flat. */
function decideTwitter(input: unknown): { ok: true; decision: Decision } | { ok: false } {
  const r = decideUnknown(twitter, input);
  if (!r.ok) return { ok: false };
  if ('outcomes' in r.decision) throw new Error('policies/twitter declares no outcomes');
  return { ok: true, decision: r.decision };
}
let dir: string;
let corpus: string;
let posts: Record<string, unknown>[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bylaw-replay-'));
  const next = mulberry32(7);
  posts = Array.from({ length: 12_000 }, (_, i) => post(next, i + 1));
  corpus = join(dir, 'posts.jsonl');
  writeFileSync(corpus, posts.map((p) => JSON.stringify(p)).join('\n') + '\n');
});

/** Counts by `action (basis)` from the interpreter, the reference. */
function expectedCounts(list: readonly Record<string, unknown>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of list) {
    const { id: _, ...input } = p;
    const r = decideTwitter(input);
    if (!r.ok) continue;
    const key = `${r.decision.action} ${r.decision.basis}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The `action basis posts share` rows of a replay report. */
function reportedCounts(stdout: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of stdout.matchAll(/^(\w+) +(redline|rule|exemption|default) +([\d,]+) +[\d.]+%$/gm)) counts.set(`${m[1]} ${m[2]}`, Number(m[3]!.replace(/,/g, '')));
  return counts;
}

describe('bylaw replay', () => {
  it('decides a small file on the main thread unless told how many workers to use', async () => {
    const result = await runCli(['replay', 'policies/twitter', '--input', corpus]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^replayed 12,000 lines of .* \([\d,]+ posts\/s, main thread, compiled\)$/m);
    expect(reportedCounts(result.stdout)).toEqual(expectedCounts(posts));
  });

  it('decides every post with worker threads, counting like the interpreter; output in input order', async () => {
    const out = join(dir, 'decisions.jsonl');
    const result = await runCli(['replay', 'policies/twitter', '--input', corpus, '--output', out, '--jobs', '2', '--chunk-bytes', '65536']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^replayed 12,000 lines of .* \([\d,]+ posts\/s, 2 workers, compiled\)$/m);
    expect(result.stdout).toContain('decided 12,000, bad lines 0');
    expect(reportedCounts(result.stdout)).toEqual(expectedCounts(posts));
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(posts.length);
    lines.forEach((line, i) => {
      const d = JSON.parse(line);
      expect(d.line).toBe(i + 1);
      expect(d.id).toBe(posts[i]!['id']);
    });
    // Spot checks against the interpreter, decision by decision.
    for (const i of [0, 1, 2, 997, 5_000, 11_999]) {
      const { id: _, ...input } = posts[i]!;
      const r = decideTwitter(input);
      expect(r.ok && JSON.parse(lines[i]!)).toMatchObject(r.ok ? { action: r.decision.action, basis: r.decision.basis, clause: r.decision.clause, exemption: r.decision.exemption, version: r.decision.version } : {});
    }
  });

  it('reports bad lines with their line number and reason, counts and skips them', async () => {
    const file = join(dir, 'bad.jsonl');
    const good = posts.slice(0, 5).map((p) => JSON.stringify(p));
    const { id: _, ...noId } = posts[5]!;
    const lines = [
      good[0],
      '{"id": "broken", "date": ',
      good[1],
      JSON.stringify({ ...posts[2], author: { ...(posts[2]!['author'] as object), followers: 'many' } }),
      '',
      '[1, 2]',
      JSON.stringify({ ...posts[3], date: '2001-01-01' }),
      JSON.stringify(noId),
      good[4],
    ];
    writeFileSync(file, lines.join('\n') + '\n');
    const out = join(dir, 'bad-out.jsonl');
    const result = await runCli(['replay', 'policies/twitter', '--input', file, '--jobs', '0', '--output', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('decided 4, bad lines 5 (skipped; listed on stderr)');
    const stderr = result.stderr.split('\n');
    expect(stderr[0]).toMatch(/bad\.jsonl:2: invalid JSON: /);
    expect(stderr[1]).toMatch(/bad\.jsonl:4: author\.followers: expected int, got "many"$/);
    expect(stderr[2]).toMatch(/bad\.jsonl:5: empty line$/);
    expect(stderr[3]).toMatch(/bad\.jsonl:6: expected a JSON object \(one post per line\)$/);
    expect(stderr[4]).toMatch(/bad\.jsonl:7: date: no version in force on 2001-01-01/);
    const written = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(written.map((d) => d.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(written[1].error).toMatch(/^invalid JSON/);
    // Without an id, a post is named by its line number.
    expect(written[7].id).toBeUndefined();
    expect(written[7].action).toBeDefined();
  });

  it('--against prints the old → new transition matrix with example ids', async () => {
    const file = join(dir, 'small.jsonl');
    writeFileSync(file, posts.slice(0, 3_000).map((p) => JSON.stringify(p)).join('\n') + '\n');
    const old = join(dir, 'old.policy');
    writeFileSync(old, 'use moderation\ninput post: Post\ndefault allow\n\nrule threats\n  when post.categories has violent_threat\n  then suspend\n  because "t"\n');
    const result = await runCli(['replay', 'policies/twitter', '--input', file, '--against', old, '--jobs', '1']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('old → new (rows: old decision, columns: new decision)');
    expect(result.stdout).toMatch(/^old \\ new +/m);
    // Every changed cell names up to three example posts by id.
    const cells = [...result.stdout.matchAll(/^ {2}(.+) → (.+): ([\d,]+) \(e\.g\. (.+)\)$/gm)];
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      const ids = cell[4]!.split(', ');
      expect(ids.length).toBeLessThanOrEqual(3);
      for (const id of ids) expect(id).toMatch(/^p\d{7}$/);
    }
    // The old policy suspends every violent threat: those posts changed unless the new one suspends too.
    const threat = posts.slice(0, 3_000).find((p) => (p['categories'] as string[]).includes('violent_threat'))!;
    expect(threat).toBeDefined();
    expect(result.stdout).toMatch(/^suspend \(rule\) +/m);
  });

  it('--output is the same bytes on the main thread, on workers and without the fast reader, for odd ids and bad lines', async () => {
    const file = join(dir, 'odd.jsonl');
    const ids: unknown[] = ['plain', 'café', 'Zoë 🌍', 'q"uote', 'back\\slash', 'tab\there', 'ctl\u0001', '\u2028', 'del\u007f', '\ud800', '', '~', 'x'.repeat(70), 12, 0, -5, 1.5, 1e21, 123456789012345, 1234567890123456];
    const lines: Buffer[] = posts.slice(0, 600).map((p, i) => {
      const { id: _, ...rest } = p;
      const k = i % 30;
      if (k < ids.length) return Buffer.from(JSON.stringify({ id: ids[k], ...rest }));
      if (k === 20) return Buffer.from(JSON.stringify(rest));
      if (k === 21) return Buffer.from(JSON.stringify(p).replace(/"id":"[^"]*"/, '"id":"esc\\u00e9\\"x\\\\"'));
      if (k === 22) return Buffer.from(JSON.stringify(p).replace(/"id":"[^"]*"/, '"id":1E2'));
      // Not UTF-8: read as U+FFFD.
      if (k === 23) return Buffer.concat([Buffer.from('{"id":"'), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from(JSON.stringify(rest).replace(/^\{/, '",'))]);
      if (k === 24) return Buffer.from(`${JSON.stringify(p)}\r`);
      if (k === 25) return Buffer.from('{"id": "broken", "date": ');
      if (k === 26) return Buffer.from('\n\n[1, 2]');
      if (k === 27) return Buffer.from(JSON.stringify({ ...p, id: null }));
      if (k === 28) return Buffer.from(JSON.stringify({ ...p, author: { ...(p['author'] as object), followers: 'many "q" é' } }));
      return Buffer.from(JSON.stringify({ ...p, date: '2001-01-01' }));
    });
    writeFileSync(file, Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
    const outputs: Buffer[] = [];
    for (const flags of [['--jobs', '0'], ['--jobs', '2', '--chunk-bytes', '4096'], ['--jobs', '1', '--chunk-bytes', '1024', '--no-fast'], ['--jobs', '0', '--against', 'policies/twitter']]) {
      const out = join(dir, `odd-${outputs.length}.jsonl`);
      const result = await runCli(['replay', 'policies/twitter', '--input', file, '--output', out, ...flags]);
      expect(result.code).toBe(0);
      outputs.push(readFileSync(out));
    }
    for (const other of outputs.slice(1)) expect(other.equals(outputs[0]!)).toBe(true);
    // Each line is what JSON.stringify writes for it (a decision as the interpreter makes it).
    const written = outputs[0]!.toString('utf8').split('\n');
    expect(written.pop()).toBe('');
    const input = readFileSync(file, 'utf8').split('\n').slice(0, -1);
    expect(written).toHaveLength(input.length);
    written.forEach((line, i) => {
      let value: unknown;
      try {
        value = JSON.parse(input[i]!);
      } catch {
        value = undefined;
      }
      const { id, ...post } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
      const r = decideTwitter(post);
      if (!r.ok || value === undefined || Array.isArray(value) || (id !== undefined && typeof id !== 'string' && typeof id !== 'number')) {
        expect(line).toMatch(new RegExp(`^\\{"line":${i + 1},"error":".+"\\}$`));
      } else {
        const { action, basis, clause, exemption, version } = r.decision;
        expect(line).toBe(JSON.stringify({ line: i + 1, id, action, basis, clause, exemption, version }));
      }
    });
  });

  it('exits 2 for a missing input file, 1 for a policy with errors', async () => {
    expect((await runCli(['replay', 'policies/twitter', '--input', join(dir, 'nope.jsonl')])).code).toBe(2);
    const broken = join(dir, 'broken.policy');
    writeFileSync(broken, 'use moderation\ninput post: Post\ndefault obliterate\n');
    expect((await runCli(['replay', broken, '--input', corpus])).code).toBe(1);
  });
});

describe('the fast reader changes speed only, never results', () => {
  const options = (fast: boolean): ChunkOptions => ({ stripId: true, output: true, fast });

  it('agrees with JSON.parse + validation on valid, odd and broken lines', async () => {
    const compiled = await loadCompiled(twitter);
    const decider = { decideUnknown: (x: unknown) => compiled.decideUnknown(x), decideValid: (x: Record<string, unknown>) => compiled.decide(x) };
    const reference = { decideUnknown: (x: unknown) => decideUnknown(twitter, x) };
    const fast = fastParserFor([twitter], true)!;
    expect(fast).not.toBeNull();
    // Ids for the output only: copied as JSON text where they can be.
    const fastJsonIds = fastParserFor([twitter], true, 'json')!;
    const mutate = fc.constantFrom<(line: string) => string>(
      (l) => l,
      (l) => l.replace(/,/g, ' , '),
      (l) => l.replace('{"id":', '{ "id" :'),
      (l) => l.replace(/"handle":"[^"]*"/, '"handle":"caf\\u00e9 \\"q\\""'),
      (l) => l.replace(/"handle":"[^"]*"/, '"handle":"Zoë 🌍"'),
      (l) => l.replace(/"followers":(\d+)/, '"followers":$1.0'),
      (l) => l.replace(/"followers":(\d+)/, '"followers":-$1'),
      (l) => l.replace(/"followers":(\d+)/, '"followers":1e3'),
      (l) => l.replace(/"strikes":\d+/, '"strikes":-0'),
      (l) => l.replace(/"date":"(\d{4})-\d\d-\d\d"/, '"date":"$1-02-29"'),
      (l) => l.replace(/"date":"(\d{4})-\d\d-\d\d"/, '"date":"$1-13-01"'),
      (l) => l.replace('"categories":[', '"categories":["harassment","harassment",'),
      (l) => l.replace('"role":"', '"role":"x'),
      (l) => l.replace('"verified":', '"verified":1,"x":'),
      (l) => l.replace(/,"topic":"[a-z_]+"/, ''),
      (l) => l.replace('{"id":"', '{"id":"a","id":"'),
      (l) => l.replace(/"id":"[^"]*"/, '"id":12'),
      (l) => l.replace(/"id":"[^"]*"/, '"id":true'),
      (l) => l.replace(/\}$/, ',"public_interest":true}'),
      (l) => l.slice(0, Math.floor(l.length / 2)),
      (l) => `  ${l}\t`,
      (l) => l.replace(/"date":"\d{4}/, '"date":"2001'),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1 << 30 }), fc.array(mutate, { minLength: 1, maxLength: 40 }), async (seed, edits) => {
        const next = mulberry32(seed);
        const text = edits.map((edit, i) => edit(JSON.stringify(post(next, i)))).join('\n') + '\n';
        const bytes = Buffer.from(text);
        const withFast = processChunk(bytes, decider, decider, options(true), fast, 10);
        const withoutFast = processChunk(bytes, decider, decider, options(false), null, 10);
        const interpreter = processChunk(bytes, reference, reference, options(false), null, 10);
        expect(withFast).toEqual(withoutFast);
        const jsonIds = processChunk(bytes, decider, null, options(true), fastJsonIds, 10);
        expect([jsonIds.output, jsonIds.counts, jsonIds.errors]).toEqual([withFast.output, withFast.counts, withFast.errors]);
        expect(withFast.counts).toEqual(interpreter.counts);
        expect(withFast.errors.map(([i]) => i)).toEqual(interpreter.errors.map(([i]) => i));
      }),
      { numRuns: 150, seed: 5 },
    );
  });
});
