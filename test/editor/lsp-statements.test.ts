import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { completion } from '../../src/lsp/features/completion.js';
import { definition, references } from '../../src/lsp/features/definition.js';
import { diagnosticsByFile } from '../../src/lsp/features/diagnostics.js';
import { hover } from '../../src/lsp/features/hover.js';
import { rename } from '../../src/lsp/features/rename.js';
import { documentSymbols } from '../../src/lsp/features/symbols.js';
import { LineMap } from '../../src/lsp/positions.js';
import { Workspace } from '../../src/lsp/project.js';
import { memoryHost } from '../support/memory-host.js';

/**
 * A Bylaw 2 policy set whose statements of reasons are kept in a module every version uses
 * (as policies/*\/statements.policy are): two outcomes, a timed member, a red line, rules, an
 * exemption, two versions. Its words (`category`, `ground`, `notice`) are also names elsewhere.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RULES = '/virtual/sor/rules.policy';
const STATEMENTS = '/virtual/sor/statements.policy';
const V1 = '/virtual/sor/v1.policy';
const V2 = '/virtual/sor/v2.policy';

const files: Record<string, string> = {
  [RULES]: [
    'use statements',
    '',
    'scale Content { allow < notice < remove }',
    'scale Account { none < restrict(duration) < disable }',
    '',
    'outcome content: Content',
    'outcome account: Account',
    '',
    'enum Category { spam, hate, csam }',
    'record Post { date: date, category: Category, ground: int, strikes: int }',
    '',
    'input post: Post',
    '',
    'default allow, none',
    '',
    'redline csam_found',
    '  when post.category == csam',
    '  then remove, disable',
    '  because "child sexual abuse material"',
    '',
    'rule hateful',
    '  when post.category == hate',
    '  then remove, restrict for 3 days',
    '  because "hate speech"',
    '',
    'rule spammy',
    '  when post.category == spam and post.ground > 0',
    '  then notice',
    '  because "spam"',
    '',
    'exemption satire',
    '  from hateful',
    '  when post.strikes == 0',
    '  then notice',
    '  because "satire"',
    '',
  ].join('\n'),
  [STATEMENTS]: [
    '// What each decision becomes in a statement of reasons.',
    'statement content {',
    '  allow: no restriction,',
    '  notice: DECISION_VISIBILITY_CONTENT_LABELLED notice "labelled your post", // a label',
    '  remove: DECISION_VISIBILITY_CONTENT_REMOVED,',
    '}',
    '',
    'statement account {',
    '  none: no restriction,',
    '  restrict: DECISION_PROVISION_PARTIAL_SUSPENSION,',
    '  disable: DECISION_ACCOUNT_TERMINATED,',
    '}',
    '',
    'statement csam_found',
    '  category STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
    '  keywords KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL',
    '  ground law "Article 5 of Directive 2011/93/EU"',
    '',
    '// Both rules rest on the terms.',
    'statement hateful, spammy',
    '  category STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
    '  keywords KEYWORD_HATE_SPEECH',
    '  ground terms "Community Standards"',
    '',
    'statement version "1" at "https://example.com/rules/1"',
    '',
    'statement version "2" at "https://example.com/rules/2"',
    '',
  ].join('\n'),
  [V1]: ['policy sor', 'version "1"', 'effective 2020-01-01', '', 'use rules', ''].join('\n'),
  [V2]: ['policy sor', 'version "2"', 'effective 2023-01-01', '', 'use rules', ''].join('\n'),
};

function workspace(overrides: Record<string, string> = {}): Workspace {
  const ws = new Workspace(memoryHost({ ...files, ...overrides }));
  ws.open(STATEMENTS, overrides[STATEMENTS] ?? files[STATEMENTS]!);
  return ws;
}

/** Offset of the `nth` `needle` in `text`, plus `delta`. */
function at(text: string, needle: string, delta = 0, nth = 0): number {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`\`${needle}\` not found`);
  return offset + delta;
}

const name = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** `file:line:character` (0-based) of each location. */
const places = (locations: { uri: string; range: { start: { line: number; character: number } } }[]) =>
  locations.map((l) => `${name(l.uri)}:${l.range.start.line}:${l.range.start.character}`).sort();

const hoverText = (ws: Workspace, path: string, offset: number) => {
  const result = hover(ws.analysisFor(path)!, path, offset);
  return result ? (result.contents as { value: string }).value : null;
};

/** Completion labels with the cursor at the end of `text` appended to the statements file. */
function complete(text: string): string[] {
  const ws = workspace();
  ws.analyses(); // the last set that loaded gives the names while the new text does not parse
  const full = `${files[STATEMENTS]!}${text}`;
  ws.change(STATEMENTS, full);
  return completion({ path: STATEMENTS, text: full, offset: full.length, analysis: ws.namesFor(STATEMENTS), host: ws.host }).map((i) => i.label);
}

const statements = files[STATEMENTS]!;
const rules = files[RULES]!;

describe('the language server on statements of reasons', () => {
  it('loads the set without diagnostics', () => {
    const ws = workspace();
    expect(ws.analysisFor(STATEMENTS)!.loaded).toBe(true);
    const all = [...diagnosticsByFile(ws.analyses()).values()].flat();
    expect(all).toEqual([]);
  });

  it('goes from a name in a statement to the outcome, action, clause and version it names', () => {
    const ws = workspace();
    const go = (offset: number) => places(definition(ws.analysisFor(STATEMENTS)!, STATEMENTS, offset));
    expect(go(at(statements, 'content {', 1))).toEqual(['rules.policy:5:8']);
    expect(go(at(statements, 'remove:', 1))).toEqual(['rules.policy:2:33']);
    expect(go(at(statements, 'restrict:', 1))).toEqual(['rules.policy:3:23']);
    expect(go(at(statements, 'csam_found', 1))).toEqual(['rules.policy:15:8']);
    expect(go(at(statements, 'spammy', 1))).toEqual(['rules.policy:25:5']);
    expect(go(at(statements, '"2"', 1))).toEqual(['v2.policy:1:8']);
    // The database's keys and the statement's own words name nothing of the policy.
    expect(go(at(statements, 'DECISION_VISIBILITY_CONTENT_REMOVED', 3))).toEqual([]);
    expect(go(at(statements, 'category', 1))).toEqual([]);
  });

  it('finds the statements among the references of a clause, an action, an outcome and a version', () => {
    const ws = workspace();
    const refs = (path: string, offset: number) => places(references(ws.analysisFor(path)!, path, offset, true));
    expect(refs(RULES, at(rules, 'rule hateful', 5))).toEqual(['rules.policy:20:5', 'rules.policy:31:7', 'statements.policy:19:10']);
    expect(refs(RULES, at(rules, 'remove }', 1))).toEqual(['rules.policy:17:7', 'rules.policy:22:7', 'rules.policy:2:33', 'statements.policy:4:2']);
    expect(refs(RULES, at(rules, 'outcome account', 9))).toEqual(['rules.policy:6:8', 'statements.policy:7:10']);
    expect(refs(V1, at(files[V1]!, '"1"', 1))).toEqual(['statements.policy:24:18', 'v1.policy:1:8']);
  });

  it('renames a clause and an action in the statements too', () => {
    const ws = workspace();
    const result = rename(ws.analysisFor(RULES)!, RULES, at(rules, 'rule spammy', 5), 'scam');
    expect('edit' in result).toBe(true);
    const changes = 'edit' in result ? result.edit.changes! : {};
    const edited = Object.entries(changes).map(([uri, edits]) => `${name(uri)}:${edits.map((e) => `${e.range.start.line}:${e.range.start.character}`).join(',')}`);
    expect(edited.sort()).toEqual(['rules.policy:25:5', 'statements.policy:19:19']);
    const action = rename(ws.analysisFor(STATEMENTS)!, STATEMENTS, at(statements, 'disable:', 1), 'terminate');
    const actionEdits = 'edit' in action ? Object.values(action.edit.changes!).flat().length : 0;
    expect(actionEdits).toBe(3); // the scale, `then remove, disable`, the statement
  });

  it('hovers an action and a clause with what they become in a statement', () => {
    const ws = workspace();
    const restrict = hoverText(ws, RULES, at(rules, 'restrict for', 1))!;
    expect(restrict).toContain('Here `restrict for 3 days`: 72 hours.');
    expect(restrict).toContain('In a statement of reasons (`statement account`, *statements.policy*): `DECISION_PROVISION_PARTIAL_SUSPENSION`.');
    const notice = hoverText(ws, STATEMENTS, at(statements, 'notice:', 1))!;
    expect(notice).toContain('`DECISION_VISIBILITY_CONTENT_LABELLED`. The notice says: “We labelled your post”.');
    expect(hoverText(ws, STATEMENTS, at(statements, 'allow:', 1))).toContain('(`statement content`, *statements.policy*): `no restriction`.');
    const clause = hoverText(ws, STATEMENTS, at(statements, 'hateful,', 1))!;
    expect(clause).toContain('**rule** `hateful` → `remove, restrict for 3 days`');
    expect(clause).toContain('category `STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH`, keywords `KEYWORD_HATE_SPEECH`; ground `terms "Community Standards"`.');
    expect(hoverText(ws, RULES, at(rules, 'satire', 1))).toContain('the category and ground of the rule it exempts');
  });

  it('hovers a version with its date and URL, and a database key with its field and label', () => {
    const ws = workspace();
    const version = hoverText(ws, STATEMENTS, at(statements, '"1"', 1))!;
    expect(version).toContain('in force from 2020-01-01, declared in *v1.policy*');
    expect(version).toContain('<https://example.com/rules/1>');
    expect(hoverText(ws, STATEMENTS, at(statements, 'DECISION_ACCOUNT_TERMINATED', 4))).toBe(
      '`DECISION_ACCOUNT_TERMINATED`: “Termination of the account”, a value of the field `decision_account` of a statement of reasons in the DSA Transparency Database.',
    );
    expect(hoverText(ws, STATEMENTS, at(statements, 'KEYWORD_HATE_SPEECH', 2))).toContain('field `category_specification`');
    expect(hoverText(ws, STATEMENTS, at(statements, 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS', 2))).toContain('“Protection of minors”, a value of the field `category`');
  });

  it('hovers a key the database does not have as such', () => {
    const text = statements.replace('DECISION_ACCOUNT_TERMINATED', 'DECISION_ACCOUNT_BANNED');
    const ws = workspace({ [STATEMENTS]: text });
    expect(hoverText(ws, STATEMENTS, at(text, 'DECISION_ACCOUNT_BANNED', 4))).toBe('`DECISION_ACCOUNT_BANNED` is not a key of the DSA Transparency Database.');
  });

  it('outlines the statements, an outcome with its actions', () => {
    const ws = workspace();
    const info = ws.analysisFor(STATEMENTS)!.files.get(STATEMENTS)!;
    const outline = documentSymbols(info.ast!, new LineMap(statements));
    expect(outline.map((s) => `${s.name} — ${s.detail}`)).toEqual([
      'statement content — statement of reasons: actions',
      'statement account — statement of reasons: actions',
      'statement csam_found — statement of reasons: STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
      'statement hateful, spammy — statement of reasons: STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
      'statement version "1" — https://example.com/rules/1',
      'statement version "2" — https://example.com/rules/2',
    ]);
    expect(outline[0]!.children!.map((c) => `${c.name}: ${c.detail}`)).toEqual([
      'allow: no restriction',
      'notice: DECISION_VISIBILITY_CONTENT_LABELLED',
      'remove: DECISION_VISIBILITY_CONTENT_REMOVED',
    ]);
    expect(outline[3]!.selectionRange.start).toEqual({ line: 19, character: 10 });
  });

  it('completes after `statement`: outcomes, red lines and rules, `version` and `default`', () => {
    expect(complete('statement ').sort()).toEqual(['account', 'content', 'csam_found', 'default', 'hateful', 'spammy', 'version']);
    expect(complete('statement hateful, ')).toEqual(['csam_found', 'spammy']);
    expect(complete('statement hateful ')).toEqual(['category']);
    expect(complete('statement version ')).toEqual(['"1"', '"2"']);
    expect(complete('statement version "1" ')).toEqual(['at']);
  });

  it('completes inside an outcome\'s statement: the actions not mapped yet, then the keys of the restriction fields', () => {
    expect(complete('statement account {\n  none: no restriction,\n  ')).toEqual(['restrict', 'disable']);
    const keys = complete('statement account {\n  restrict: ');
    expect(keys).toContain('DECISION_PROVISION_PARTIAL_SUSPENSION');
    expect(keys).toContain('DECISION_VISIBILITY_CONTENT_REMOVED');
    expect(keys).toContain('no restriction');
    expect(keys.some((k) => k.startsWith('STATEMENT_CATEGORY_') || k.startsWith('KEYWORD_'))).toBe(false);
    expect(complete('statement account {\n  restrict: DECISION_PROVISION_PARTIAL_SUSPENSION and ')).not.toContain('no restriction');
    expect(complete('statement account {\n  restrict: DECISION_PROVISION_PARTIAL_SUSPENSION ')).toEqual(['and', 'permanently', 'notice']);
    expect(complete('statement account {\n  none: no restriction ')).toEqual(['notice']);
    expect(complete('statement content {\n  allow ')).toEqual(['for']);
    // `restrict` carries its own duration: no `for`.
    expect(complete('statement account {\n  restrict ')).toEqual([]);
    expect(complete('statement content {\n  allow for 12 ')).toEqual(['hours', 'days', 'weeks', 'months', 'years']);
  });

  it('completes a clause mapping with the keys of the right field and the words that follow', () => {
    const categories = complete('statement spammy\n  category ');
    expect(categories).toContain('STATEMENT_CATEGORY_SCAMS_AND_FRAUD');
    expect(categories).toHaveLength(16);
    expect(complete('statement spammy\n  category STATEMENT_CATEGORY_SCAMS_AND_FRAUD\n  ')).toEqual(['keywords', 'ground']);
    const keywords = complete('statement spammy\n  category STATEMENT_CATEGORY_SCAMS_AND_FRAUD\n  keywords KEYWORD_HATE_SPEECH, ');
    expect(keywords.every((k) => k.startsWith('KEYWORD_'))).toBe(true);
    expect(keywords).not.toContain('KEYWORD_HATE_SPEECH');
    expect(keywords).toContain('KEYWORD_OTHER');
    expect(complete('statement spammy\n  category STATEMENT_CATEGORY_SCAMS_AND_FRAUD\n  ground ')).toEqual(['terms', 'law']);
    expect(complete('statement spammy\n  category STATEMENT_CATEGORY_SCAMS_AND_FRAUD\n  ground terms "x" ')).toContain('also illegal');
    expect(complete('statement spammy\n  category STATEMENT_CATEGORY_SCAMS_AND_FRAUD\n  ground terms "x" also ')).toEqual(['illegal']);
    expect(complete('statement default ')).toEqual(['category']);
  });

  it('offers `statement` at the top level, and keeps its words out of completion elsewhere', () => {
    expect(complete('\n')).toContain('statement');
    const ws = workspace();
    ws.analyses();
    const full = `${rules}rule r when post.`;
    ws.change(RULES, full);
    const fields = completion({ path: RULES, text: full, offset: full.length, analysis: ws.namesFor(RULES), host: ws.host }).map((i) => i.label);
    expect(fields).toEqual(['date', 'category', 'ground', 'strikes']);
  });

  it('shows the statement checks (BL5xx) where they are written', () => {
    const broken = statements
      .replace('  disable: DECISION_ACCOUNT_TERMINATED,\n', '')
      .replace('DECISION_VISIBILITY_CONTENT_REMOVED,', 'DECISION_VISIBILITY_CONTENT_REMOVE,');
    const ws = workspace({ [STATEMENTS]: broken });
    ws.change(STATEMENTS, broken);
    const diagnostics = diagnosticsByFile(ws.analyses()).get(STATEMENTS) ?? [];
    const lines = new LineMap(broken);
    const found = diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${broken.slice(lines.offsetAt(d.range.start), lines.offsetAt(d.range.end))}`);
    expect(found).toContain('BL501 7:10-17 account');
    expect(found).toContain('BL502 4:10-44 DECISION_VISIBILITY_CONTENT_REMOVE');
    for (const d of diagnostics) expect(d.message).toContain('help: ');
  });

  it('shows a name the set lacks as a warning on the name, and leaves it unresolved', () => {
    const broken = statements.replace('statement hateful, spammy', 'statement hateful, spammy, scams');
    const ws = workspace({ [STATEMENTS]: broken });
    const diagnostics = diagnosticsByFile(ws.analyses()).get(STATEMENTS) ?? [];
    expect(diagnostics.map((d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`)).toEqual(['BL555 2 19:27-32']);
    expect(definition(ws.analysisFor(STATEMENTS)!, STATEMENTS, at(broken, 'scams', 1))).toEqual([]);
  });

  it('works on the real policy sets: no diagnostics, and a clause\'s references reach its statement', () => {
    const ws = new Workspace();
    const statementsPath = `${ROOT}policies/youtube/statements.policy`;
    const text = readFileSync(statementsPath, 'utf8');
    ws.open(statementsPath, text);
    const analysis = ws.analysisFor(statementsPath)!;
    expect(analysis.loaded).toBe(true);
    expect(diagnosticsByFile(ws.analyses()).get(statementsPath)).toEqual([]);
    const found = places(references(analysis, statementsPath, text.indexOf('statement violation') + 10, true));
    expect(found.filter((p) => p.startsWith('rules.policy:'))).toHaveLength(1);
    expect(found.filter((p) => p.startsWith('statements.policy:'))).toEqual(['statements.policy:22:10']);
  });

  it('hovers Bylaw 1\'s outcome `action` and its actions in policies/twitter', () => {
    const ws = new Workspace();
    const path = `${ROOT}policies/twitter/statements.policy`;
    const text = readFileSync(path, 'utf8');
    ws.open(path, text);
    expect(hoverText(ws, path, text.indexOf('statement action') + 11)).toBe(
      '`action`: the one outcome of a version without `outcome` declarations, on the scale `Action`: allow < notice < remove < lock < suspend.',
    );
    const lock = hoverText(ws, path, text.indexOf('lock for') + 1)!;
    expect(lock).toContain('(`statement action`, *statements.policy*) (for 12 hours): `DECISION_VISIBILITY_CONTENT_REMOVED permanently and DECISION_PROVISION_PARTIAL_SUSPENSION`.');
    expect(hoverText(ws, path, text.indexOf('lock for 12 hours') + 10)).toBe("`12 hours`: 12 hours, the length a statement of reasons gives this action, which carries no duration of its own.");
  });

  it('shows a URL the database refuses on the URL', () => {
    const broken = statements.replace('"https://example.com/rules/2"', '"example dot com"');
    const ws = workspace({ [STATEMENTS]: broken });
    const diagnostics = diagnosticsByFile(ws.analyses()).get(STATEMENTS) ?? [];
    expect(diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`)).toEqual(['BL511 26:25-42']);
  });
});
