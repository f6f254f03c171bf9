import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { processChunk, type Decider } from '../../src/replay/chunk.js';
import { countKey, ReplayTotals, transitionKeys } from '../../src/replay/totals.js';
import { renderReplay } from '../../src/cli/replay-report.js';
import { fastParserFor } from '../../src/replay/fast-parse.js';
import type { PolicySet } from '../../src/checker/program.js';
import { renderTable } from '../../src/cli/table.js';
import { decideUnknown } from '../../src/interpreter/evaluate.js';
import { loadPolicy } from '../../src/load-policy.js';
import { outcomeParts, type AnyDecision } from '../../src/semantics/decision.js';
import { shiftDate } from '../../src/runtime/dates.js';
import { mulberry32 } from '../../bench/random.js';
import { runCli } from '../support/cli.js';

/**
 * `bylaw replay` on Bylaw 2 sets (decisions with outcomes): a column per outcome in the counts,
 * a transition matrix per outcome against an old policy, the Decision JSON's outcomes in
 * `--output`; the fast reader (lists, optional fields) changes nothing but the speed. Decided by
 * the interpreter, the reference every engine must equal.
 */

const youtube = loadPolicy('policies/youtube').policy!;
const meta = loadPolicy('policies/meta').policy!;
let dir: string;
let goldenCorpus: string;
let metaCorpus: string;
let metaPosts: Record<string, unknown>[];

/** Meta posts with 0–20 strikes around the one-year window, and every optional field absent, null or given. */
function metaPost(next: () => number, i: number): Record<string, unknown> {
  const day = shiftDate('2019-09-24', Math.floor(next() * 2000), 'day');
  const categories = ['child_sexual_exploitation', 'dangerous_organizations', 'violence_incitement', 'hate_speech', 'graphic_violence'].filter(() => next() < 0.2);
  const strikes = Array.from({ length: Math.floor(next() * 21) }, () => {
    const date = shiftDate(day, -Math.floor(next() * 500), 'day');
    return { date, content_posted: shiftDate(date, -Math.floor(next() * 120), 'day'), severe: next() < 0.1 };
  });
  const post: Record<string, unknown> = {
    id: `m${i}`,
    date: day,
    posted: shiftDate(day, -Math.floor(next() * 200), 'day'),
    categories,
    author: { handle: `h${i}`, politician: next() < 0.2, followers: Math.floor(next() * 2_000_000), news_coverage: next() < 0.1, strikes },
    civil_unrest: next() < 0.3,
  };
  const r = next();
  if (r < 0.3) post['unrest_severity'] = ['low', 'medium', 'high', 'highest'][Math.floor(next() * 4)];
  else if (r < 0.4) post['unrest_severity'] = null;
  if (next() < 0.3) post['newsworthiness'] = { public_interest: ['none', 'low', 'high'][Math.floor(next() * 3)], risk_of_harm: ['none', 'low', 'high', 'violence'][Math.floor(next() * 4)] };
  return post;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bylaw-replay-outcomes-'));
  const golden = JSON.parse(readFileSync('test/golden/youtube.cases.json', 'utf8')) as { cases: { id: string; input: Record<string, unknown> }[] };
  goldenCorpus = join(dir, 'youtube.jsonl');
  writeFileSync(goldenCorpus, golden.cases.map((c) => JSON.stringify({ id: c.id, ...c.input })).join('\n') + '\n');
  const next = mulberry32(21);
  metaPosts = Array.from({ length: 3000 }, (_, i) => metaPost(next, i));
  metaCorpus = join(dir, 'meta.jsonl');
  writeFileSync(metaCorpus, metaPosts.map((p) => JSON.stringify(p)).join('\n') + '\n');
});

const decide = (set: PolicySet, post: Record<string, unknown>): AnyDecision | null => {
  const { id: _, ...input } = post;
  const r = decideUnknown(set, input);
  return r.ok ? r.decision : null;
};

/** `content: remove (rule) | channel: strike P1W (rule)` per post, counted: the reference for the report's rows. */
function expectedRows(set: PolicySet, posts: readonly Record<string, unknown>[]): Map<string, number> {
  const rows = new Map<string, number>();
  for (const p of posts) {
    const d = decide(set, p);
    if (!d) continue;
    const key = outcomeParts(d)
      .map(({ name, part }) => `${name}: ${part.duration ? `${part.action} ${part.duration}` : part.action} (${part.basis})`)
      .join(' | ');
    rows.set(key, (rows.get(key) ?? 0) + 1);
  }
  return rows;
}

/** The rows of the report's first table, read back the same way. */
function reportedRows(stdout: string, names: readonly string[]): Map<string, number> {
  const lines = stdout.split('\n');
  const header = lines.findIndex((l) => l.startsWith(names[0]!) && l.includes(' posts '));
  const starts = names.map((n) => lines[header]!.indexOf(n));
  const postsAt = lines[header]!.indexOf('posts');
  const rows = new Map<string, number>();
  for (const line of lines.slice(header + 2)) {
    if (line.trim() === '') break;
    const key = names.map((n, i) => `${n}: ${line.slice(starts[i], i + 1 < names.length ? starts[i + 1] : postsAt).trim()}`).join(' | ');
    rows.set(key, Number(line.slice(postsAt).trim().split(/\s+/)[0]!.replace(/,/g, '')));
  }
  return rows;
}

describe('bylaw replay with outcomes', () => {
  it('counts by every outcome (a column each), as the interpreter decides', async () => {
    const r = await runCli(['replay', 'policies/youtube', '--input', goldenCorpus, '--engine', 'interpreter', '--jobs', '0']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^content +channel +posts +share$/m);
    const golden = readFileSync(goldenCorpus, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(reportedRows(r.stdout, ['content', 'channel'])).toEqual(expectedRows(youtube, golden));
  });

  it('--against: a transition matrix per outcome, and the posts that change in each', async () => {
    const r = await runCli(['replay', 'policies/youtube', '--input', goldenCorpus, '--engine', 'interpreter', '--jobs', '0', '--against', 'policies/youtube/v1_one_time_warning.policy']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('content: old → new (rows: old decision, columns: new decision)');
    expect(r.stdout).toContain('channel: old → new (rows: old decision, columns: new decision)');
    expect(r.stdout).toContain('no post changes decision in content');
    // 2023: a warning expires after the policy training, or counts for its own policy only.
    expect(r.stdout).toContain('2 posts change decision in channel:\n  strike P1W (rule) → warning (rule): 2 (e.g. training-then-different-policy-warning-2023, training-expired-square-one-2024)');
  });

  it('--output: one line per post with the Decision JSON\'s outcomes (durations as ISO 8601), the same bytes on workers and without the fast reader', async () => {
    const outputs: string[] = [];
    for (const args of [['--jobs', '0'], ['--jobs', '2', '--chunk-bytes', '4096'], ['--jobs', '0', '--no-fast']]) {
      const out = join(dir, `meta-${outputs.length}.jsonl`);
      const r = await runCli(['replay', 'policies/meta', '--input', metaCorpus, '--engine', 'interpreter', '--output', out, '--against', 'policies/meta/v2_civil_unrest.policy', ...args]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(reportedRows(r.stdout, ['content', 'account'])).toEqual(expectedRows(meta, metaPosts));
      outputs.push(readFileSync(out, 'utf8'));
    }
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
    const lines = outputs[0]!.trimEnd().split('\n');
    expect(lines).toHaveLength(metaPosts.length);
    lines.forEach((line, i) => {
      const d = decide(meta, metaPosts[i]!);
      const strip = (x: AnyDecision) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'because' ? undefined : v)));
      expect(JSON.parse(line)).toEqual({ line: i + 1, id: metaPosts[i]!['id'], ...strip(d!) });
    });
    expect(outputs[0]).toMatch(/"account":\{"action":"restrict","duration":"P(1|3|7|30)D","basis":"rule"/);
  });

  it('processChunk: the fast reader gives the same counts, transitions and output as JSON.parse, for lists and optional fields', () => {
    const bytes = Buffer.from(readFileSync(metaCorpus));
    const v1 = loadPolicy('policies/meta/v1_politicians_presumed.policy').policy!;
    const now: Decider = { decideUnknown: (input) => decideUnknown(meta, input) };
    const old: Decider = { decideUnknown: (input) => decideUnknown(v1, input) };
    const options = { stripId: true, output: true, fast: true };
    const fast = processChunk(bytes, now, old, options, fastParserFor([meta], true, 'value'));
    const slow = processChunk(bytes, now, old, { ...options, fast: false });
    expect(fast).toEqual(slow);
    expect(fast.decided).toBe(metaPosts.length);
  });
});

describe('replay keys', () => {
  const bylaw1 = { action: 'remove', basis: 'rule' as const, clause: 'x', exemption: null, version: 'v', because: [] };
  const bylaw2: AnyDecision = {
    version: 'w',
    outcomes: {
      content: { action: 'remove', basis: 'rule', clause: 'x', exemption: null, because: [] },
      account: { action: 'restrict', duration: 'P1D', basis: 'rule', clause: 'y', exemption: null, because: [] },
    },
  };

  it('Bylaw 1 keys stay `action\\tbasis`; outcomes key every part, durations included', () => {
    expect(countKey(bylaw1)).toBe('remove\trule');
    expect(transitionKeys(null, bylaw1)).toEqual(['(invalid)\u0000remove\trule']);
    expect(countKey(bylaw2)).toBe('content\u0001remove\trule\u0002account\u0001restrict P1D\trule');
  });

  it('an old Bylaw 1 policy against outcomes: its one outcome `action` on one side only', () => {
    const totals = new ReplayTotals();
    const transitions = transitionKeys(bylaw1, bylaw2).map((k): [string, number, string[]] => [k, 1, ['p1']]);
    totals.add({ lines: 1, decided: 1, counts: [[countKey(bylaw2), 1]], transitions, errors: [], output: null });
    expect(totals.transitionList().map((t) => `${t.outcome}: ${t.before} → ${t.after}`)).toEqual([
      'content: (no such outcome) → remove (rule)',
      'account: (no such outcome) → restrict P1D (rule)',
      'action: remove (rule) → (no such outcome)',
    ]);
    const text = renderReplay(totals, renderTable, true);
    expect(text.split('\n').slice(0, 3)).toEqual(['content        account              posts  share', '-------------  -------------------  -----  ------', 'remove (rule)  restrict P1D (rule)  1      100.0%']);
    expect(text).toContain('1 posts change decision in action:\n  remove (rule) → (no such outcome): 1 (e.g. p1)');
  });
});
