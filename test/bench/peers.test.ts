/**
 * The peer engines (as encoded in bench/engines/) agree with the hand-written reference, action
 * and basis, on the golden cases and on 2,000 random posts. Cedar runs in a child process with
 * `--no-turbo-inline-js-wasm-calls` (PERFORMANCE.md: a hot cedar-wasm loop can abort V8 otherwise).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../bench/child.js';
import { generatePosts } from '../../bench/data.js';
import { createCelEngine } from '../../bench/engines/cel.js';
import { decide as idiomatic } from '../../bench/engines/handwritten-idiomatic.js';
import { createJsonRulesEngine } from '../../bench/engines/json-rules-engine.js';
import type { Outcome, Post } from '../../bench/types.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { cases } = JSON.parse(readFileSync(join(ROOT, 'test', 'golden', 'twitter.cases.json'), 'utf8')) as {
  cases: { id: string; input: Post; expect: { action: string; basis: string } }[];
};
const N = 2_000;

async function disagreements(decide: (p: Post) => Outcome | Promise<Outcome>, posts: readonly Post[]) {
  const out: string[] = [];
  for (const p of posts) {
    const want = idiomatic(p);
    const got = await decide(p);
    if (got.action !== want.action || got.basis !== want.basis) {
      out.push(`${JSON.stringify(p)}: want ${want.action}/${want.basis}, got ${got.action}/${got.basis}`);
    }
  }
  return out;
}

describe('peer engines agree with the hand-written reference', () => {
  const posts = generatePosts(N);

  it('CEL (@marcbachmann/cel-js): golden cases and 2,000 posts', async () => {
    const cel = await createCelEngine();
    for (const c of cases) expect({ id: c.id, ...pick(cel.decide(c.input)) }).toEqual({ id: c.id, ...c.expect });
    expect((await disagreements(cel.decide, posts)).slice(0, 3)).toEqual([]);
  });

  it('json-rules-engine: golden cases and 2,000 posts', async () => {
    const jre = await createJsonRulesEngine();
    for (const c of cases) expect({ id: c.id, ...pick(await jre.decide(c.input)) }).toEqual({ id: c.id, ...c.expect });
    expect((await disagreements(jre.decide, posts)).slice(0, 3)).toEqual([]);
  });

  it('Cedar (@cedar-policy/cedar-wasm, own process): 2,000 posts', () => {
    const r = spawnSync(
      process.execPath,
      ['--no-turbo-inline-js-wasm-calls', '--import', 'tsx', 'bench/child.ts', JSON.stringify({ mode: 'check', engine: 'cedar', check: N })],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    expect(line, `child failed: ${r.stderr}`).toBeDefined();
    const result = JSON.parse(line!.slice(7)) as CheckResult;
    expect(result).toEqual({ engine: 'cedar', disagreements: 0, checked: N });
  });
});

function pick(o: Outcome): { action: string; basis: string } {
  return { action: o.action, basis: o.basis };
}
