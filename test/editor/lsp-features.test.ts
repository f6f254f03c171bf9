import { describe, expect, it } from 'vitest';
import { completion } from '../../src/lsp/features/completion.js';
import { definition, references } from '../../src/lsp/features/definition.js';
import { diagnosticsByFile } from '../../src/lsp/features/diagnostics.js';
import { hover } from '../../src/lsp/features/hover.js';
import { rename } from '../../src/lsp/features/rename.js';
import { Workspace } from '../../src/lsp/project.js';
import { memoryHost } from '../support/memory-host.js';

const V1 = '/virtual/shop/v1.policy';
const COMMON = '/virtual/shop/common.policy';
const ORPHAN = '/virtual/shop/orphan.policy';
const LIBRARY = '/virtual/lib/extra.policy';

const files: Record<string, string> = {
  [V1]: [
    'policy shop.rules',
    'version "1"',
    'effective 2020-01-01',
    '',
    'use common',
    '',
    'rule hate',
    '  when post.categories has hateful_conduct',
    '  then remove',
    '  because "no hate"',
    '',
    'exemption news',
    '  from hate',
    '  when newsworthy and post.target != none and post.offline_harm_risk == none',
    '  then notice',
    '  because "news"',
    '',
  ].join('\n'),
  [COMMON]: [
    'use moderation',
    'input post: Post',
    'default allow',
    'context newsworthy = post.public_interest and post.author.role in {world_leader, candidate}',
    'rule spam',
    '  when post.categories has harassment',
    '  then lock',
    '  because "spam"',
    '',
  ].join('\n'),
  [LIBRARY]: 'enum Colour { red, green }\n',
  [ORPHAN]: 'use common\n\ncontext unused_here = post.author.verified and post.author.followers > -1\n',
};

function workspace(): Workspace {
  return new Workspace(memoryHost(files));
}

/** Offset of the `nth` `needle` in `text`, plus `delta`. */
function at(text: string, needle: string, delta = 0, nth = 0): number {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`\`${needle}\` not found`);
  return offset + delta;
}

/** Completion labels with the cursor at the end of `text` (a document that need not parse). */
function complete(ws: Workspace, path: string, text: string): string[] {
  ws.change(path, text);
  return completion({ path, text, offset: text.length, analysis: ws.namesFor(path), host: ws.host }).map((i) => i.label);
}

describe('completion by position', () => {
  const ws = workspace();
  ws.open(V1, files[V1]!);
  ws.analyses(); // the last good analysis, for names while the text does not parse
  const base = files[V1]!;

  it('offers top-level keywords at the start of an item, and clause keywords after a complete clause', () => {
    expect(complete(ws, V1, `${base}\n`)).toEqual(expect.arrayContaining(['rule', 'redline', 'exemption', 'context', 'use', 'default']));
    expect(complete(ws, V1, `${base}\nre`)).toContain('redline');
    expect(complete(ws, V1, `${base}\nrule r `)).toEqual(['when']);
    expect(complete(ws, V1, `${base}\nexemption e `)).toEqual(['from']);
  });

  it('offers contexts, the input and `not` where a condition starts, operators after an operand', () => {
    const start = complete(ws, V1, `${base}\nrule r\n  when `);
    expect(start).toEqual(expect.arrayContaining(['newsworthy', 'post', 'not', 'true']));
    expect(start).not.toContain('rule');
    const next = complete(ws, V1, `${base}\nrule r\n  when newsworthy `);
    expect(next).toEqual(['and', 'or', 'not', 'in', 'has', 'exists', 'unless', 'then']);
    expect(complete(ws, V1, `${base}\nrule r\n  when newsworthy\n  unless post.public_interest `)).toContain('then');
    expect(complete(ws, V1, `${base}\ncontext c = newsworthy `)).toEqual(expect.arrayContaining(['and', 'or', 'rule']));
  });

  it('offers fields after a dot, with their types', () => {
    const text = `${base}\nrule r\n  when post.`;
    ws.change(V1, text);
    const items = completion({ path: V1, text, offset: text.length, analysis: ws.namesFor(V1), host: ws.host });
    expect(items.map((i) => `${i.label}: ${i.detail}`)).toEqual([
      'date: date',
      'author: Account',
      'target: Target',
      'categories: set<Category>',
      'topic: Topic',
      'public_interest: bool',
      'offline_harm_risk: Risk',
    ]);
    expect(complete(ws, V1, `${base}\nrule r\n  when post.author.fo`)).toContain('followers');
  });

  it('offers the members of the right enum after `==`, `!=`, `has` and in `in {…}`', () => {
    expect(complete(ws, V1, `${base}\nrule r\n  when post.target == `)).toEqual(['none', 'individual', 'public_figure', 'group', 'protected_group', 'state']);
    expect(complete(ws, V1, `${base}\nrule r\n  when post.offline_harm_risk != `)).toEqual(['none', 'elevated', 'severe']);
    expect(complete(ws, V1, `${base}\nrule r\n  when post.categories has `)).toContain('hateful_conduct');
    const inSet = complete(ws, V1, `${base}\nrule r\n  when post.author.role not in {world_leader, `);
    expect(inSet).toContain('candidate');
    expect(inSet).not.toContain('world_leader');
    expect(complete(ws, V1, `${base}\nrule r\n  when post.public_interest == `)).toEqual(['true', 'false']);
  });

  it('offers rule names in `from`, actions after `then` and `default`, modules after `use`, types after `:`', () => {
    expect(complete(ws, V1, `${base}\nexemption e\n  from `)).toEqual(['spam', 'hate', 'every']);
    expect(complete(ws, V1, `${base}\nexemption e\n  from spam, `)).toEqual(['hate']);
    expect(complete(ws, V1, `${base}\nexemption e\n  from spam `)).toEqual(['when']);
    expect(complete(ws, V1, `${base}\nrule r\n  when newsworthy\n  then `)).toEqual(['allow', 'notice', 'remove', 'lock', 'suspend']);
    expect(complete(ws, V1, `${base}\ndefault `)).toContain('allow');
    expect(complete(ws, V1, `${base}\nuse `)).toEqual(expect.arrayContaining(['common', 'orphan', 'moderation']));
    expect(complete(ws, V1, `${base}\nrecord R { x: `)).toEqual(expect.arrayContaining(['bool', 'int', 'Role', 'Post']));
    expect(complete(ws, V1, `${base}\nrecord R { x: set<`)).toEqual(expect.arrayContaining(['Role', 'Category']));
    expect(complete(ws, V1, `${base}\nrecord R { x: int, `)).toEqual([]);
    expect(complete(ws, V1, `${base}\nenum E { a, `)).toEqual([]);
    expect(complete(ws, V1, `${base}\nenum E { a, b }\n`)).toContain('rule');
  });

  it('offers nothing inside comments and strings', () => {
    expect(complete(ws, V1, `${base}\n// rule `)).toEqual([]);
    expect(complete(ws, V1, `${base}\nrule r\n  when newsworthy\n  then remove\n  because "the `)).toEqual([]);
  });
});

describe('the symbol index resolves names as the checker does', () => {
  it('tells `Target.none` from `Risk.none` by the other side of the comparison', () => {
    const ws = workspace();
    ws.open(V1, files[V1]!);
    const analysis = ws.analysisFor(V1)!;
    const text = files[V1]!;
    const target = definition(analysis, V1, at(text, 'none', 1, 0));
    const risk = definition(analysis, V1, at(text, 'none', 1, 1));
    expect(target).toHaveLength(1);
    expect(risk).toHaveLength(1);
    expect(target[0]!.uri).toMatch(/stdlib\/moderation\.policy$/);
    expect(target[0]!.range.start.line).not.toBe(risk[0]!.range.start.line);
    const hoverText = (offset: number) => (hover(analysis, V1, offset)?.contents as { value: string }).value;
    expect(hoverText(at(text, 'none', 1, 0))).toContain('enum `Target`');
    expect(hoverText(at(text, 'none', 1, 1))).toContain('enum `Risk`');
  });

  it('finds references of a rule through `from`, and of a context across modules', () => {
    const ws = workspace();
    ws.open(V1, files[V1]!);
    const analysis = ws.analysisFor(V1)!;
    const text = files[V1]!;
    const refs = references(analysis, V1, at(text, 'rule hate', 6), true);
    expect(refs.map((r) => r.range.start.line)).toEqual([6, 12]);
    const contextRefs = references(analysis, V1, at(text, 'newsworthy', 2), true);
    expect(contextRefs.map((r) => r.uri.slice(r.uri.lastIndexOf('/') + 1))).toEqual(['common.policy', 'v1.policy']);
  });

  it('renames across files and refuses clashes and keywords', () => {
    const ws = workspace();
    ws.open(V1, files[V1]!);
    const analysis = ws.analysisFor(V1)!;
    const text = files[V1]!;
    const renamed = rename(analysis, V1, at(text, 'from hate', 6), 'hateful');
    expect('edit' in renamed && Object.values(renamed.edit.changes!).flat().map((e) => `${e.range.start.line}:${e.newText}`)).toEqual(['6:hateful', '12:hateful']);
    expect(rename(analysis, V1, at(text, 'rule hate', 6), 'spam')).toEqual({ error: expect.stringContaining('already a rule') });
    expect(rename(analysis, V1, at(text, 'rule hate', 6), 'then')).toEqual({ error: '`then` is a keyword' });
    expect(rename(analysis, V1, at(text, 'rule hate', 6), '2x')).toEqual({ error: '`2x` is not a valid name' });
    const member = rename(analysis, V1, at(text, 'has hateful_conduct', 5), 'hate_speech');
    expect('edit' in member && Object.keys(member.edit.changes!).some((u) => u.endsWith('moderation.policy'))).toBe(true);
  });
});

describe('analyses while files are broken', () => {
  it('keeps navigation in an unchanged file while another file of the set does not parse', () => {
    const ws = workspace();
    ws.open(V1, files[V1]!);
    ws.open(COMMON, files[COMMON]!);
    ws.analyses();
    ws.change(V1, `${files[V1]!}\nrule broken when`);
    const analysis = ws.analysisFor(COMMON)!;
    expect(analysis.loaded).toBe(true);
    const hoverText = hover(analysis, COMMON, at(files[COMMON]!, 'rule spam', 6))?.contents as { value: string };
    expect(hoverText.value).toContain('**rule** `spam` → `lock`');
    // The broken file's own diagnostics are its syntax errors.
    const byFile = diagnosticsByFile(ws.analyses());
    expect(byFile.get(V1)?.map((d) => d.code)).toEqual(['BL002']);
  });

  it('checks a module that no version uses on its own', () => {
    const ws = workspace();
    ws.open(ORPHAN, files[ORPHAN]!);
    const roots = ws.analyses().map((a) => a.root);
    expect(roots).toContain(ORPHAN);
    // Checked as `bylaw check orphan.policy` would: `-1` is out of `followers: int(0..)`.
    expect(diagnosticsByFile(ws.analyses()).get(ORPHAN)?.map((d) => d.code)).toEqual(['BL401', 'BL213']);
  });

  it('re-analyses only the targets whose files changed', () => {
    const ws = workspace();
    ws.open(V1, files[V1]!);
    ws.open(LIBRARY, files[LIBRARY]!);
    const [set, library] = ws.analyses();
    ws.change(LIBRARY, 'enum Colour { red, green, blue }\n');
    const [setAgain, libraryAgain] = ws.analyses();
    expect(setAgain).toBe(set);
    expect(libraryAgain).not.toBe(library);
    ws.change(COMMON, files[COMMON]!.replace('then lock', 'then remove'));
    expect(ws.analyses()[0]).not.toBe(set);
  });

  it('carries notes as related locations', () => {
    const ws = workspace();
    ws.open(V1, files[V1]!.replace('has hateful_conduct', 'has hatefull_conduct'));
    const [d] = diagnosticsByFile(ws.analyses()).get(V1)!;
    expect(d).toMatchObject({ code: 'BL204', message: expect.stringContaining('did you mean `hateful_conduct`?') });
    expect(d!.relatedInformation?.[0]).toMatchObject({ message: '`Category` is declared here', location: { uri: expect.stringMatching(/moderation\.policy$/) } });
  });
});
