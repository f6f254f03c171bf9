import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  CompletionItem,
  DocumentSymbol,
  Hover,
  Location,
  Position,
  PrepareRenameResult,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './lsp-client.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const twitter = join(root, 'policies', 'twitter');
const file = (name: string) => join(twitter, name);
const uri = (name: string) => pathToFileURL(file(name)).href;
const text = (name: string) => readFileSync(file(name), 'utf8');

const V3 = 'v3_world_leaders.policy';
const RULES = 'rules.policy';

/** The position of the `nth` occurrence of `needle` in `source`, plus `delta` characters. */
function positionOf(source: string, needle: string, delta = 0, nth = 0): Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = source.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`\`${needle}\` not found`);
  }
  offset += delta;
  const before = source.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function endOf(source: string): Position {
  const lines = source.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

describe('bylaw lsp, through the protocol', () => {
  let client: TestClient;
  const versions = new Map<string, number>();
  const current = new Map<string, string>();

  const open = async (name: string) => {
    versions.set(name, 1);
    current.set(name, text(name));
    await client.notify('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'bylaw', version: 1, text: text(name) } });
  };
  /** Replaces the whole text (full sync is always allowed alongside incremental). */
  const change = async (name: string, next: string) => {
    const version = (versions.get(name) ?? 1) + 1;
    versions.set(name, version);
    current.set(name, next);
    await client.notify('textDocument/didChange', { textDocument: { uri: uri(name), version }, contentChanges: [{ text: next }] });
  };
  /** An incremental edit: inserts `insert` at `at`. */
  const insert = async (name: string, at: Position, inserted: string) => {
    const version = (versions.get(name) ?? 1) + 1;
    versions.set(name, version);
    await client.notify('textDocument/didChange', {
      textDocument: { uri: uri(name), version },
      contentChanges: [{ range: { start: at, end: at }, text: inserted }],
    });
  };
  const doc = (name: string) => ({ textDocument: { uri: uri(name) } });

  beforeAll(async () => {
    client = new TestClient({ debounceMs: 50 });
    const result = (await client.initialize(root)) as { capabilities: Record<string, unknown> };
    expect(result.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, renameProvider: { prepareProvider: true } });
  });

  afterAll(() => client?.dispose());

  it('publishes clean diagnostics for an open file of a clean policy set', async () => {
    const published = client.diagnostics(uri(V3));
    await open(V3);
    expect(await published).toEqual([]);
  });

  it('reports a typo as you type, with a did-you-mean, and clears it when fixed', async () => {
    const typo = text(V3).replace('post.author.role == world_leader', 'post.author.rol == world_leader');
    const broken = client.diagnostics(uri(V3), (d) => d.length > 0);
    await change(V3, typo);
    const diagnostics = await broken;
    const d = diagnostics.find((x) => x.code === 'BL202');
    expect(d).toMatchObject({ code: 'BL202', severity: 1, source: 'bylaw', range: { start: positionOf(typo, 'rol ') } });
    expect(d!.message).toContain('`Account` has no field `rol`');
    expect(d!.message).toContain('did you mean `role`?');

    const fixed = client.diagnostics(uri(V3), (list) => list.length === 0);
    await change(V3, text(V3));
    expect(await fixed).toEqual([]);
  });

  it('debounces: a burst of edits is checked once', async () => {
    const before = client.published.length;
    const settled = client.diagnostics(uri(V3), (d) => d.length > 0);
    const base = text(V3);
    for (const typo of ['post.author.r', 'post.author.ro', 'post.author.rol']) {
      await change(V3, base.replace('post.author.role == world_leader', `${typo} == world_leader`));
    }
    const d = await settled;
    expect(d[0]!.message).toContain('no field `rol`');
    expect(client.published.length - before).toBe(1);
    const fixed = client.diagnostics(uri(V3), (list) => list.length === 0);
    await change(V3, base);
    await fixed;
  });

  it('re-checks the versions that use a module edited in the editor, with related locations', async () => {
    await open(RULES);
    await client.diagnostics(uri(RULES));
    // Renaming a rule in the shared module breaks the exemptions of v3 that name it.
    const edited = text(RULES).replace('rule harassment', 'rule harasment');
    const v3Broken = client.diagnostics(uri(V3), (d) => d.some((x) => x.code === 'BL302'));
    await change(RULES, edited);
    const d = (await v3Broken).find((x) => x.code === 'BL302')!;
    expect(d.message).toContain('`harassment`');
    expect(d.message).toContain('did you mean `harasment`?');
    expect(d.range.start).toEqual(positionOf(text(V3), 'harassment'));

    const cleared = client.diagnostics(uri(V3), (list) => list.length === 0);
    await change(RULES, text(RULES));
    await cleared;
    expect(client.latestDiagnostics(uri(RULES))).toEqual([]);
  });

  it('hovers: a context shows its definition, a clause its kind, action and reason, a field its type, a member its enum', async () => {
    const v3 = text(V3);
    const context = await client.request<Hover>('textDocument/hover', { ...doc(V3), position: positionOf(v3, 'threat_to_individual', 3) });
    const contextText = (context.contents as { value: string }).value;
    expect(contextText).toContain('context threat_to_individual =');
    expect(contextText).toContain('post.categories has violent_threat and post.target == individual');
    expect(contextText).toContain('rules.policy');

    const clause = await client.request<Hover>('textDocument/hover', { ...doc(V3), position: positionOf(v3, 'from violent_threat', 6) });
    const clauseText = (clause.contents as { value: string }).value;
    expect(clauseText).toContain('**rule** `violent_threat` → `suspend`');
    expect(clauseText).toContain('Specific threats of violence or wishing for serious physical harm');

    const field = await client.request<Hover>('textDocument/hover', { ...doc(V3), position: positionOf(v3, 'author.role', 8) });
    expect((field.contents as { value: string }).value).toContain('Account.role: Role');
    expect(field.range).toEqual({ start: positionOf(v3, 'author.role', 7), end: positionOf(v3, 'author.role', 11) });

    const member = await client.request<Hover>('textDocument/hover', { ...doc(V3), position: positionOf(v3, 'public_figure', 2) });
    expect((member.contents as { value: string }).value).toContain('A member of the enum `Target`');

    const redline = await client.request<Hover>('textDocument/hover', { ...doc(V3), position: positionOf(v3, 'direct_threat', 1) });
    expect((redline.contents as { value: string }).value).toContain('**red line** `direct_threat` → `remove`');
  });

  it('goes to definitions across files: a rule named in `from`, a context, a `use`', async () => {
    const v3 = text(V3);
    const rules = text(RULES);
    const rule = await client.request<Location[]>('textDocument/definition', { ...doc(V3), position: positionOf(v3, 'from violent_threat', 7) });
    expect(rule).toEqual([{ uri: uri(RULES), range: { start: positionOf(rules, 'rule violent_threat', 5), end: positionOf(rules, 'rule violent_threat', 19) } }]);

    const context = await client.request<Location[]>('textDocument/definition', { ...doc(V3), position: positionOf(v3, 'when threat_to_individual', 6) });
    expect(context[0]).toMatchObject({ uri: uri(RULES), range: { start: positionOf(rules, 'threat_to_individual') } });

    const module = await client.request<Location[]>('textDocument/definition', { ...doc(V3), position: positionOf(v3, 'use public_interest_notice', 5) });
    expect(module).toEqual([{ uri: uri('public_interest_notice.policy'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);

    const stdlib = await client.request<Location[]>('textDocument/definition', { ...doc(RULES), position: positionOf(rules, 'use moderation', 5) });
    expect(stdlib[0]!.uri).toBe(pathToFileURL(join(root, 'stdlib', 'moderation.policy')).href);
  });

  it('finds every reference to a context across the set', async () => {
    const rules = text(RULES);
    const refs = await client.request<Location[]>('textDocument/references', {
      ...doc(RULES),
      position: positionOf(rules, 'threat_to_individual', 2),
      context: { includeDeclaration: true },
    });
    const files = refs.map((r) => r.uri.slice(r.uri.lastIndexOf('/') + 1)).sort();
    expect(files).toEqual(['public_interest_notice.policy', 'rules.policy', 'v1_newsworthiness.policy', 'v3_world_leaders.policy']);
    const withoutDeclaration = await client.request<Location[]>('textDocument/references', {
      ...doc(RULES),
      position: positionOf(rules, 'threat_to_individual', 2),
      context: { includeDeclaration: false },
    });
    expect(withoutDeclaration).toHaveLength(3);
  });

  it('completes fields after `post.author.`, members after `==`, even while the file does not parse', async () => {
    const base = text(V3);
    const at = endOf(base);
    await insert(V3, at, '\ncontext probe = post.author.');
    const fields = await client.request<CompletionItem[]>('textDocument/completion', { ...doc(V3), position: { line: at.line + 1, character: 'context probe = post.author.'.length } });
    expect(fields.map((i) => i.label)).toEqual(['handle', 'role', 'verified', 'followers', 'strikes']);
    expect(fields.find((i) => i.label === 'followers')?.detail).toBe('int');

    await insert(V3, { line: at.line + 1, character: 'context probe = post.author.'.length }, 'role == ');
    const members = await client.request<CompletionItem[]>('textDocument/completion', { ...doc(V3), position: { line: at.line + 1, character: 'context probe = post.author.role == '.length } });
    expect(members.map((i) => i.label)).toContain('world_leader');
    expect(members.every((i) => i.detail === 'Role')).toBe(true);

    const restored = client.diagnostics(uri(V3), (d) => d.length === 0);
    await change(V3, base);
    await restored;
  });

  it('renames a context across files', async () => {
    const rules = text(RULES);
    const position = positionOf(text(V3), 'when threat_to_individual', 8);
    const prepared = await client.request<PrepareRenameResult>('textDocument/prepareRename', { ...doc(V3), position });
    expect(prepared).toMatchObject({ placeholder: 'threat_to_individual' });
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...doc(V3), position, newName: 'threat_to_person' });
    const changes = edit.changes!;
    expect(Object.keys(changes).map((u) => u.slice(u.lastIndexOf('/') + 1)).sort()).toEqual([
      'public_interest_notice.policy',
      'rules.policy',
      'v1_newsworthiness.policy',
      'v3_world_leaders.policy',
    ]);
    expect(changes[uri(RULES)]).toEqual([
      { range: { start: positionOf(rules, 'threat_to_individual'), end: positionOf(rules, 'threat_to_individual', 20) }, newText: 'threat_to_person' },
    ]);
    await expect(client.request('textDocument/rename', { ...doc(V3), position, newName: 'political_speech' })).rejects.toThrow(/already a context/);
    await expect(client.request('textDocument/rename', { ...doc(V3), position, newName: 'when' })).rejects.toThrow(/keyword/);
  });

  it('lists document symbols: clauses by kind, contexts, types', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc(V3));
    const summary = symbols.map((s) => `${s.name} (${s.detail})`);
    expect(summary).toContain('twitter.world_leaders (policy)');
    expect(summary).toContain('direct_threat (redline → remove)');
    expect(summary).toContain('political_speech (context)');
    expect(summary).toContain('generally_not_a_violation (exemption → allow)');
    const stdlib = pathToFileURL(join(root, 'stdlib', 'moderation.policy')).href;
    const types = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: stdlib } });
    expect(types.find((s) => s.name === 'Role')?.children?.map((c) => c.name)).toContain('world_leader');
    expect(types.find((s) => s.name === 'Account')?.children?.find((c) => c.name === 'followers')?.detail).toBe('int(0..)');
  });

  it('formats a document with the formatter', async () => {
    const messy = text(V3).replace('redline promotes_terrorism\n  when', 'redline   promotes_terrorism\n      when');
    await change(V3, messy);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { ...doc(V3), options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toHaveLength(1);
    expect(edits[0]!.newText).toContain('redline promotes_terrorism\n  when');
    await change(V3, text(V3));
  });
});
