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
 * A Bylaw 2 policy set: three outcomes (`remove` and `none` are each on two of their scales), a
 * timed member, lists, an optional field, a version that leaves a context out.
 */
const RULES = '/virtual/tube/rules.policy';
const V1 = '/virtual/tube/v1.policy';
const V2 = '/virtual/tube/v2.policy';

const files: Record<string, string> = {
  [RULES]: [
    'scale Content { allow < age_restrict < remove }',
    'scale Channel { none < warning < strike(duration) < terminate }',
    'scale Flag { none < remove }',
    '',
    'outcome content: Content',
    'outcome channel: Channel',
    'outcome flag: Flag',
    '',
    'enum Policy { spam, hate }',
    'enum Edsa { educational, artistic }',
    'record Warning { date: date, policy: Policy, trained: date? }',
    'record Strike { date: date, policy: Policy }',
    'record History { warnings: list<Warning>, strikes: list<Strike> }',
    'record Item { date: date, policies: set<Policy>, edsa: Edsa?, channel: History }',
    '',
    'input item: Item',
    '',
    'default allow, Channel.none',
    '',
    'context active = count(s in item.channel.strikes where s.date > item.date - 90 days and s.policy == hate)',
    '',
    'context blocks = any(w in item.channel.warnings where w.date <= item.date)',
    '',
    'context edsa_applies = item.edsa exists and item.policies has any {spam, hate}',
    '',
    'rule first_strike',
    '  when not blocks and active == 0',
    '  then Content.remove, strike for 1 week',
    '  because "first"',
    '',
    'exemption edsa',
    '  from every rule',
    '  when edsa_applies',
    '  then age_restrict',
    '  because "context"',
    '',
  ].join('\n'),
  [V1]: ['policy tube', 'version "1"', 'effective 2019-01-01', '', 'use rules', ''].join('\n'),
  [V2]: [
    'policy tube',
    'version "2"',
    'effective 2023-01-01',
    '',
    'use rules except blocks',
    '',
    'context blocks = any(w in item.channel.warnings where w.trained exists and w.trained + 1 year > item.date)',
    '',
    'rule warned',
    '  when blocks',
    '  then warning',
    '  because "warned"',
    '',
  ].join('\n'),
};

function workspace(): Workspace {
  const ws = new Workspace(memoryHost(files));
  ws.open(RULES, files[RULES]!);
  return ws;
}

/** Offset of the `nth` `needle` in `text`, plus `delta`. */
function at(text: string, needle: string, delta = 0, nth = 0): number {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`\`${needle}\` not found`);
  return offset + delta;
}

const hoverText = (ws: Workspace, path: string, offset: number) => {
  const result = hover(ws.analysisFor(path)!, path, offset);
  return result ? (result.contents as { value: string }).value : null;
};

const definedAt = (ws: Workspace, path: string, offset: number) =>
  definition(ws.analysisFor(path)!, path, offset).map((l) => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line}:${l.range.start.character}`);

/** Completion labels with the cursor at the end of `text` appended to the rules file. */
function complete(ws: Workspace, text: string): string[] {
  const full = `${files[RULES]!}${text}`;
  ws.change(RULES, full);
  return completion({ path: RULES, text: full, offset: full.length, analysis: ws.namesFor(RULES), host: ws.host }).map((i) => i.label);
}

describe('the language server on a Bylaw 2 policy set', () => {
  const rules = files[RULES]!;

  it('loads the set without diagnostics', () => {
    const ws = workspace();
    expect(ws.analysisFor(RULES)!.loaded).toBe(true);
    expect(diagnosticsByFile(ws.analyses()).get(RULES) ?? []).toEqual([]);
  });

  it('hovers an action with its outcome and scale, and its duration in hours', () => {
    const ws = workspace();
    const strike = hoverText(ws, RULES, at(rules, 'strike for', 1))!;
    expect(strike).toContain('Channel.strike(duration)');
    expect(strike).toContain('An action of the outcome `channel` on the scale `Channel` (3 of 4, least severe first: none < warning < strike(duration) < terminate)');
    expect(strike).toContain('Here `strike for 1 week`: 168 hours.');
    const remove = hoverText(ws, RULES, at(rules, 'Content.remove', 9))!;
    expect(remove).toContain('An action of the outcome `content` on the scale `Content`');
    const allow = hoverText(ws, RULES, at(rules, 'default allow', 9))!;
    expect(allow).toContain('outcome `content`');
    expect(allow).not.toContain('hours');
  });

  it('hovers a duration: an action’s length in hours, a date moved back', () => {
    const ws = workspace();
    expect(hoverText(ws, RULES, at(rules, '1 week', 3))).toBe('`1 week`: 168 hours, for comparing severity (1 week = 7 days, 1 month = 30 days, 1 year = 365 days).');
    expect(hoverText(ws, RULES, at(rules, '90 days', 4))).toBe('`90 days`: moves a date 90 days back.');
  });

  it('hovers an outcome, an optional field and a quantifier’s bound name', () => {
    const ws = workspace();
    expect(hoverText(ws, RULES, at(rules, 'outcome channel', 9))).toContain('on the scale `Channel`: none < warning < strike(duration) < terminate');
    const edsa = hoverText(ws, RULES, at(rules, 'item.edsa', 6))!;
    expect(edsa).toContain('Item.edsa: Edsa?');
    expect(edsa).toContain('read it under an `exists` test');
    expect(hoverText(ws, RULES, at(rules, 'exemption edsa', 11))).toContain('**exemption** `edsa` → `age_restrict`\n\nExempts every rule.');
    expect(hoverText(ws, RULES, at(rules, 'rule first_strike', 6))).toContain('**rule** `first_strike` → `Content.remove, strike for 1 week`');
    const s = hoverText(ws, RULES, at(rules, 's.date', 0))!;
    expect(s).toContain('s: Strike');
    expect(s).toContain('Each element of `item.channel.strikes`, bound by `count(…)`');
  });

  it('goes from a bound name inside `where` to the quantifier that binds it, and from its fields to the record', () => {
    const ws = workspace();
    expect(definedAt(ws, RULES, at(rules, 's.date', 0))).toEqual(['rules.policy:19:23']);
    expect(definedAt(ws, RULES, at(rules, 's.policy', 3))).toEqual(['rules.policy:11:28']);
    expect(definedAt(ws, RULES, at(rules, 'w.date', 3))).toEqual(['rules.policy:10:17']);
    const analysis = ws.analysisFor(RULES)!;
    expect(references(analysis, RULES, at(rules, 'count(s', 6), true).map((r) => `${r.range.start.line}:${r.range.start.character}`)).toEqual(['19:23', '19:55', '19:88']);
    // The member compared with a list element's field is the enum's.
    expect(definedAt(ws, RULES, at(rules, '== hate', 4))).toEqual(['rules.policy:8:20']);
  });

  it('goes to definition from actions, qualified scales, outcome scales, `has any` members and `except` names', () => {
    const ws = workspace();
    expect(definedAt(ws, RULES, at(rules, 'strike for', 1))).toEqual(['rules.policy:1:33']);
    expect(definedAt(ws, RULES, at(rules, 'Content.remove', 1))).toEqual(['rules.policy:0:6']);
    expect(definedAt(ws, RULES, at(rules, 'Content.remove', 9))).toEqual(['rules.policy:0:39']);
    expect(definedAt(ws, RULES, at(rules, 'Channel.none', 9))).toEqual(['rules.policy:1:16']);
    expect(definedAt(ws, RULES, at(rules, 'channel: Channel', 10))).toEqual(['rules.policy:1:6']);
    expect(definedAt(ws, RULES, at(rules, 'outcome content', 9))).toEqual(['rules.policy:4:8']);
    expect(definedAt(ws, RULES, at(rules, 'any {spam', 6))).toEqual(['rules.policy:8:14']);
    const v2 = files[V2]!;
    ws.open(V2, v2);
    expect(definedAt(ws, V2, at(v2, 'except blocks', 8))).toEqual(['rules.policy:21:8']);
  });

  it('resolves a name a version declares in place of one it leaves out to the version’s own', () => {
    const ws = workspace();
    const v2 = files[V2]!;
    ws.open(V2, v2);
    expect(definedAt(ws, V2, at(v2, 'when blocks', 5))).toEqual(['v2.policy:6:8']);
    expect(definedAt(ws, V2, at(v2, 'w.trained', 0))).toEqual(['v2.policy:6:21']);
    expect(definedAt(ws, V2, at(v2, 'w.trained exists', 3))).toEqual(['rules.policy:10:45']);
    expect(diagnosticsByFile(ws.analyses()).get(V2) ?? []).toEqual([]);
  });

  it('lists outcomes, timed members and list and optional fields in the outline', () => {
    const ast = ws2ast();
    const symbols = documentSymbols(ast, new LineMap(rules));
    const summary = symbols.map((s) => `${s.name} (${s.detail})`);
    expect(summary).toEqual(
      expect.arrayContaining([
        'content (outcome on Content)',
        'channel (outcome on Channel)',
        'default (allow, Channel.none)',
        'first_strike (rule → Content.remove, strike for 1 week)',
        'edsa (exemption → age_restrict)',
      ]),
    );
    expect(symbols.find((s) => s.name === 'Channel')?.children?.map((c) => `${c.name} (${c.detail})`)).toEqual([
      'none (action)',
      'warning (action)',
      'strike (action (duration))',
      'terminate (action)',
    ]);
    expect(symbols.find((s) => s.name === 'Item')?.children?.map((c) => c.detail)).toEqual(['date', 'set<Policy>', 'Edsa?', 'History']);
    expect(symbols.find((s) => s.name === 'History')?.children?.map((c) => c.detail)).toEqual(['list<Warning>', 'list<Strike>']);
  });

  it('renames an outcome and a timed action across the set', () => {
    const ws = workspace();
    const analysis = ws.analysisFor(RULES)!;
    const outcome = rename(analysis, RULES, at(rules, 'outcome channel', 9), 'account');
    expect('edit' in outcome && Object.values(outcome.edit.changes!).flat().map((e) => `${e.range.start.line}:${e.newText}`)).toEqual(['5:account']);
    expect(rename(analysis, RULES, at(rules, 'outcome channel', 9), 'content')).toEqual({ error: expect.stringContaining('already an outcome') });
    const action = rename(analysis, RULES, at(rules, 'strike for', 1), 'freeze');
    expect('edit' in action && Object.values(action.edit.changes!).flat().map((e) => `${e.range.start.line}:${e.range.start.character}`)).toEqual(['1:33', '27:23']);
  });
});

describe('completion in Bylaw 2 constructs', () => {
  const ws = workspace();
  ws.analyses();

  it('offers the members of every outcome scale after `then`, one outcome per action, qualified when on two scales', () => {
    const all = complete(ws, '\nrule r\n  when blocks\n  then ');
    expect(all).toEqual(['allow', 'age_restrict', 'Content.remove', 'Channel.none', 'warning', 'strike', 'terminate', 'Flag.none', 'Flag.remove']);
    expect(complete(ws, '\nrule r\n  when blocks\n  then warning, ')).toEqual(['allow', 'age_restrict', 'Content.remove', 'Flag.none', 'Flag.remove']);
    expect(complete(ws, '\nrule r\n  when blocks\n  then Content.remove, ')).toEqual(['Channel.none', 'warning', 'strike', 'terminate', 'Flag.none', 'Flag.remove']);
    expect(complete(ws, '\ndefault ')).toContain('terminate');
    expect(complete(ws, '\nrule r\n  when blocks\n  then Channel.')).toEqual(['none', 'warning', 'strike', 'terminate']);
  });

  it('offers `for` after an action that carries a duration, then the units after the count', () => {
    expect(complete(ws, '\nrule r\n  when blocks\n  then strike ')).toEqual(['for']);
    expect(complete(ws, '\nrule r\n  when blocks\n  then strike for ')).toEqual([]);
    expect(complete(ws, '\nrule r\n  when blocks\n  then strike for 3 ')).toEqual(['hours', 'days', 'weeks', 'months', 'years']);
    expect(complete(ws, '\nrule r\n  when blocks\n  then strike for 1 ')).toEqual(['hour', 'day', 'week', 'month', 'year']);
    expect(complete(ws, '\nrule r\n  when blocks\n  then strike for 1 da')).toEqual(['hour', 'day', 'week', 'month', 'year']);
    expect(complete(ws, '\nrule r\n  when blocks\n  then strike for 1 week ')).toEqual(expect.arrayContaining(['because', 'rule']));
    expect(complete(ws, '\nrule r\n  when blocks\n  then warning ')).toEqual(expect.arrayContaining(['because', 'rule']));
  });

  it('offers the units a date moves by after `date - N` (no hours)', () => {
    expect(complete(ws, '\ncontext c = item.date - 90 ')).toEqual(['days', 'weeks', 'months', 'years']);
    expect(complete(ws, '\ncontext c = item.date + 1 mo')).toEqual(['day', 'week', 'month', 'year']);
  });

  it('offers the bound name and its fields inside `where`, and nothing of it outside', () => {
    expect(complete(ws, '\ncontext c = count(s in item.channel.strikes where ')).toEqual(expect.arrayContaining(['s', 'item', 'active']));
    expect(complete(ws, '\ncontext c = count(s in item.channel.strikes where s.')).toEqual(['date', 'policy']);
    expect(complete(ws, '\ncontext c = count(s in item.channel.strikes where s.policy == ')).toEqual(['spam', 'hate']);
    expect(complete(ws, '\ncontext c = any(w in item.channel.warnings where any(s in item.channel.strikes where s.policy == w.')).toEqual(['date', 'policy', 'trained']);
    expect(complete(ws, '\ncontext c = count(s in item.channel.strikes where s.date > item.date) > 0 and s.')).toEqual([]);
    expect(complete(ws, '\ncontext c = count(s in ')).toEqual(['item']);
    expect(complete(ws, '\ncontext c = count(s in item.channel.strikes ')).toEqual(['where']);
    expect(complete(ws, '\ncontext c = count(s in item.channel.strikes where s.date ')).toEqual(['and', 'or', 'not', 'in', 'has', 'exists']);
  });

  it('offers scales after `outcome NAME:`, `every` in `from`, `any`/`all` and the members in `has any {…}`', () => {
    expect(complete(ws, '\noutcome extra: ')).toEqual(['Content', 'Channel', 'Flag']);
    expect(complete(ws, '\nexemption e\n  from ')).toEqual(['first_strike', 'every']);
    expect(complete(ws, '\nexemption e\n  from every ')).toEqual(['rule']);
    expect(complete(ws, '\nexemption e\n  from every rule ')).toEqual(['when']);
    expect(complete(ws, '\ncontext c = item.policies has ')).toEqual(['spam', 'hate', 'any', 'all']);
    expect(complete(ws, '\ncontext c = item.policies has any {spam, ')).toEqual(['hate']);
    expect(complete(ws, '\nrecord R { x: list<')).toEqual(expect.arrayContaining(['Strike', 'Policy', 'int']));
    expect(complete(ws, '\ncontext c = ')).toEqual(expect.arrayContaining(['count', 'any', 'all', 'item']));
  });
});

function ws2ast() {
  const ws = workspace();
  return ws.analysisFor(RULES)!.files.get(RULES)!.ast!;
}
