import { describe, expect, it } from 'vitest';
import { renderDiagnostics } from '../../src/diagnostics/render.js';
import { scalePolicy } from '../../scripts/scale.js';
import { loadPolicy } from '../../src/load-policy.js';
import { memoryHost } from '../support/memory-host.js';
import { checkFiles } from '../support/policies.js';
import { checkText, generatedText, spanProblems, twitterFiles } from './support.js';

/**
 * The same policy gives the same diagnostics, in the same order, on every run, and the compiler
 * gives byte-identical output — whatever order files were read or declared in.
 */

/** The Twitter set with mistakes in several files: errors and warnings of many codes. */
function brokenTwitter(folder: string): Record<string, string> {
  const files = twitterFiles(folder);
  const edit = (name: string, change: (text: string) => string) => {
    files[`${folder}/${name}`] = change(files[`${folder}/${name}`]!);
  };
  edit('rules.policy', (t) => `${t}\ncontext never_used = post.public_interest\nrule no_reason when post.categories has harassment then lock\ncontext verifiеd = post.author.verified\n`);
  edit('v1_newsworthiness.policy', (t) => t.replace('then allow', 'then alow').replace(/post\.target/g, 'post.targt'));
  edit('v3_world_leaders.policy', (t) => `${t}\nrule bad when post.author.followers == world_leader and unknown_thing then remove because "x \u202e"\n`);
  edit('public_interest_notice.policy', (t) => `${t}\n// a comment with a zero-width\u200bspace\n`);
  return files;
}

/** Everything observable about a check, as data. */
function observed(files: Record<string, string>, root: string): unknown {
  const checked = checkFiles(files, root);
  return {
    diagnostics: checked.diagnostics,
    rendered: renderDiagnostics(checked.diagnostics, { sources: checked.sources }),
    policy: checked.policy === null,
  };
}

describe('determinism', () => {
  it('a policy set with many diagnostics in several files: identical diagnostics, identical order, on every run', () => {
    const folder = 'determinism/twitter';
    const first = checkFiles(brokenTwitter(folder), folder);
    const codes = new Set(first.diagnostics.map((d) => d.code));
    expect(codes.size).toBeGreaterThanOrEqual(5);
    expect(new Set(first.diagnostics.map((d) => d.span.file)).size).toBeGreaterThanOrEqual(3);
    expect(spanProblems(first.diagnostics, first.sources)).toEqual([]);
    const runs = Array.from({ length: 3 }, () => observed(brokenTwitter(folder), folder));
    for (const run of runs) expect(run).toEqual(runs[0]);
  });

  it('each version file as the root: the same diagnostics whichever order the files are given in', () => {
    const folder = 'determinism/order';
    const files = brokenTwitter(folder);
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    for (const root of Object.keys(files).filter((f) => /\/v\d/.test(f))) {
      expect(observed(reversed, root)).toEqual(observed(files, root));
    }
  });

  it('loadPolicy gives diagnostics sorted by file, then position (a stable order across files)', () => {
    const folder = 'determinism/sorted';
    const { diagnostics } = loadPolicy(folder, { host: memoryHost(brokenTwitter(folder)) });
    expect(diagnostics.length).toBeGreaterThan(5);
    const keys = diagnostics.map((d) => [d.span.file, d.span.start.offset] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    expect(keys).toEqual(sorted);
  });

  it('the compiler gives byte-identical output on every run (Twitter set, both targets)', () => {
    const folder = 'determinism/compile';
    const texts = Array.from({ length: 3 }, () => {
      const set = checkFiles(twitterFiles(folder), folder).policy!;
      return [generatedText(set, 'ts'), generatedText(set, 'js')];
    });
    for (const t of texts) expect(t).toEqual(texts[0]);
  });

  it('byte-identical output for a generated 300-clause policy with a deep context chain', () => {
    const { text } = scalePolicy(300);
    const a = checkText(text);
    const b = checkText(text);
    expect(a.diagnostics).toEqual(b.diagnostics);
    expect(generatedText(a.policy!, 'js')).toBe(generatedText(b.policy!, 'js'));
  });
});
