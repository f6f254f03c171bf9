import { diagnosticToJson, renderDiagnostics, summarize } from '../../src/diagnostics/render.js';
import { CASES, type CodeCase } from './cases.js';
import { runFixture } from './run-fixture.js';

/**
 * The generated parts of docs/diagnostics.md: for each code, its fixture and what `bylaw check`
 * (for a case file's code, `bylaw test`) prints for it, between `<!-- example FIXTURE -->` and `<!-- /example -->`. The prose around
 * them is written by hand. `npx tsx test/diagnostics/update-docs.ts` rewrites the generated parts;
 * docs.test.ts fails when they are stale.
 */

export const DOCS = new URL('../../docs/diagnostics.md', import.meta.url);

export const EXAMPLE = /<!-- example (\S+) -->\n([\s\S]*?)<!-- \/example -->/g;

/** Hidden characters are shown as `<U+202E>` in the docs: the page itself must not carry them. */
const HIDDEN = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
const reveal = (text: string) => text.replace(HIDDEN, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);

export function caseFor(fixture: string): CodeCase | undefined {
  return CASES.find((c) => c.fixture === fixture);
}

/** The markdown between the markers for one fixture. */
export function exampleBlock(c: CodeCase): string {
  const run = runFixture(c.fixture, c.options);
  const parts: string[] = [];
  const names = Object.keys(run.files);
  for (const name of names) {
    if (names.length > 1 || run.root !== name) parts.push(`\`${name}\`:`, '');
    parts.push(name.endsWith('.json') ? '```json' : '```bylaw', reveal(run.files[name]!).trimEnd(), '```', '');
  }
  for (const file of c.options?.unreadable ?? []) {
    parts.push(`\`example/${file}\` exists, but cannot be read (say, its permissions do not allow it).`, '');
  }
  // A case file's fixture shows what `bylaw test` prints; a policy's, what `bylaw check` does.
  const output = run.test
    ? [`$ ${run.test.command}`, reveal(run.test.output)]
    : [`$ bylaw check ${run.root}`, reveal(renderDiagnostics(run.diagnostics, { sources: run.sources })), '', `checked 1 policy: ${summarize(run.diagnostics)}`];
  parts.push('```text', ...output, '```', '');
  return parts.join('\n');
}

/** The introduction's samples: just the rendering (`output`), or the JSON of `--error-format json` (`json`). */
export const SAMPLE = /<!-- (output|json) (\S+) -->\n([\s\S]*?)<!-- \/\1 -->/g;

export function sampleBlock(kind: 'output' | 'json', c: CodeCase): string {
  const run = runFixture(c.fixture, c.options);
  if (kind === 'output') return ['```text', reveal(renderDiagnostics(run.diagnostics, { sources: run.sources })), '```', ''].join('\n');
  const json = JSON.stringify({ diagnostics: run.diagnostics.map(diagnosticToJson) }, null, 2).replace(
    /\{\n\s+"line": (\d+),\n\s+"column": (\d+),\n\s+"offset": (\d+)\n\s+\}/g,
    '{ "line": $1, "column": $2, "offset": $3 }',
  );
  return ['```json', json, '```', ''].join('\n');
}

/** `text` with every example and sample block regenerated. */
export function regenerate(text: string): string {
  return text
    .replace(EXAMPLE, (whole, fixture: string) => {
      const c = caseFor(fixture);
      return c ? `<!-- example ${fixture} -->\n${exampleBlock(c)}<!-- /example -->` : whole;
    })
    .replace(SAMPLE, (whole, kind: 'output' | 'json', fixture: string) => {
      const c = caseFor(fixture);
      return c ? `<!-- ${kind} ${fixture} -->\n${sampleBlock(kind, c)}<!-- /${kind} -->` : whole;
    });
}
