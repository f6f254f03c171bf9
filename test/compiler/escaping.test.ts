/**
 * Nothing from a policy can inject code: arbitrary strings as `because`, `version` and
 * `source` (quotes, backslashes, backticks, `${`, `*\/`, line and paragraph separators, control
 * characters, lone surrogates, the emitter's own « » markers) compile to a module that parses
 * and hands them back verbatim.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCompiled } from '../../src/compiler/load.js';
import { generate } from '../../src/compiler/index.js';
import { evaluate } from '../../src/interpreter/evaluate.js';
import { explain as interpretExplain } from '../../src/interpreter/explain.js';
import type { OutcomesDecision } from '../../src/semantics/decision.js';
import { checkFiles } from '../support/policies.js';
import { flat } from './support.js';
import { syntaxErrors } from './typescript.js';

/** A Bylaw string literal for any JavaScript string (non-printable and non-ASCII as `\u{…}`). */
function bylawString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else out += `\\u{${cp.toString(16)}}`;
  }
  return `${out}"`;
}

const NASTY = ['*/', '/*', '`', '${', '}', '"', "'", '\\', '\n', '\r', '\u2028', '\u2029', '\u0000', '\ud800', '\udfff', '«', '»', '</script>', '//', '\u202e'];
const nasty = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 6 })
  .map((parts) => parts.join(''));

const RULES = 8;

function policyText(version: string, source: string, becauses: readonly string[]): string {
  return [
    'policy injection',
    `version ${bylawString(version)}`,
    `source ${bylawString(source)}`,
    'scale Level { no < yes }',
    'record R { k: int }',
    'input x: R',
    'default no',
    ...becauses.map((b, i) => `rule r${i} when x.k == ${i} then yes because ${bylawString(b)}`),
  ].join('\n');
}

describe('escaping', () => {
  it('arbitrary because / version / source strings come back verbatim', async () => {
    const samples = fc.sample(fc.tuple(nasty, nasty, fc.array(nasty, { minLength: RULES, maxLength: RULES })), { numRuns: 12, seed: 20_261_124 });
    // The specials one by one, too.
    samples.push([NASTY.join(''), NASTY.slice().reverse().join(''), NASTY.slice(0, RULES)]);
    for (const [version, source, becauses] of samples) {
      const checked = checkFiles({ 'injection/p.policy': policyText(version, source, becauses) });
      expect(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
      const set = checked.policy!;
      expect(set.versions[0]!.version).toBe(version);
      for (const target of ['ts', 'js'] as const) {
        for (const file of generate(set, { target }).files) expect(syntaxErrors(file.text, file.path), file.path).toEqual([]);
      }
      const m = await loadCompiled(set);
      expect(m.VERSIONS[0]!.source).toBe(source);
      becauses.forEach((because, k) => {
        const d = flat(m.decide({ k }));
        expect(d).toEqual(evaluate(set, { k }));
        expect(d.because).toEqual([because]);
        expect(d.version).toBe(version);
        expect(m.explain({ k }).clauses[k]!.because).toBe(because);
      });
    }
  });

  it('with declared outcomes and a quantifier: because texts, string literals in a where and the traces, verbatim', async () => {
    const samples = fc.sample(fc.tuple(nasty, nasty, nasty), { numRuns: 12, seed: 20_261_203 });
    samples.push([NASTY.join(''), NASTY.slice().reverse().join(''), '</script><!--']);
    for (const [because, excuse, literal] of samples) {
      const text = [
        'policy injection',
        'version "v"',
        'scale Content { keep < drop }',
        'scale Account { none < lock(duration) }',
        'outcome content: Content',
        'outcome account: Account',
        'record Note { by: string, at: date }',
        'record R { k: int, notes: list<Note>, seen: date? }',
        'input x: R',
        'default keep, none',
        `context named = x.seen exists and count(n in x.notes where n.by == ${bylawString(literal)} and n.at > x.seen - 3 days) > 0`,
        `rule r when x.k > 0 and (named or x.k > 5) then drop, lock for 3 days because ${bylawString(because)}`,
        `exemption e from r when x.k == 7 and x.seen exists then keep because ${bylawString(excuse)}`,
      ].join('\n');
      const checked = checkFiles({ 'injection/o.policy': text });
      expect(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
      const set = checked.policy!;
      for (const target of ['ts', 'js'] as const) {
        for (const file of generate(set, { target }).files) expect(syntaxErrors(file.text, file.path), file.path).toEqual([]);
      }
      const m = await loadCompiled(set);
      const input = { k: 1, notes: [{ by: 'x', at: '2024-01-01' }, { by: literal, at: '2024-01-02' }], seen: '2024-01-01' };
      const d = m.decide(input) as OutcomesDecision;
      expect(d).toEqual(evaluate(set, input));
      expect(d.outcomes['account']).toMatchObject({ action: 'lock', duration: 'P3D', because: [because] });
      const exempted = m.decide({ ...input, k: 7 }) as OutcomesDecision;
      expect(exempted.outcomes['content']!.because).toEqual([because, excuse]);
      const trace = m.explain(input).clauses.find((c) => c.name === 'r')!;
      expect(JSON.stringify(m.explain(input))).toBe(JSON.stringify(interpretExplain(set, input)));
      expect(trace.quantifiers).toMatchObject([{ matched: [1], of: 2 }]);
      expect(trace.quantifiers![0]!.text).toContain('n.by == ');
    }
  });

  it('a PolicySet built by another tool: strings and names of any kind, still verbatim', async () => {
    fc.assert(
      fc.property(nasty, nasty, (because, name) => {
        const base = checkFiles({ 'injection/q.policy': policyText('v', 's', ['x']) }).policy!;
        const program = base.versions[0]!;
        const rule = { ...program.rules[0]!, because, name };
        const set = { ...base, name, versions: [{ ...program, name, version: name, file: name, rules: [rule] }] };
        for (const target of ['ts', 'js'] as const) {
          for (const file of generate(set, { target }).files) expect(syntaxErrors(file.text, file.path)).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
    const base = checkFiles({ 'injection/q.policy': policyText('v', 's', ['x']) }).policy!;
    const program = base.versions[0]!;
    const name = NASTY.join('');
    const set = { ...base, versions: [{ ...program, version: name, rules: [{ ...program.rules[0]!, name, because: name }] }] };
    const m = await loadCompiled(set);
    expect(m.decide({ k: 0 })).toEqual({ action: 'yes', basis: 'rule', clause: name, exemption: null, version: name, because: [name] });
  });

  it('a generated module can be inlined in an HTML <script>: no `</script` or `<!--` in any file, values still verbatim', async () => {
    // The HTML tokenizer ends a script at `</script` (any case), even inside a string or a
    // comment, and `<!--` changes how it looks for the end.
    const html = /<\/script|<!--/i;
    const inHtml = fc.array(fc.oneof(fc.constantFrom('</script>', '</SCRIPT', '<!--', '</', '<', '!', '/'), nasty), { maxLength: 6 }).map((p) => p.join(''));
    const samples = fc.sample(fc.tuple(inHtml, inHtml, fc.array(inHtml, { minLength: RULES, maxLength: RULES })), { numRuns: 20, seed: 16 });
    samples.push(['</script><script>alert(1)</script>', '<!--<script>', Array.from({ length: RULES }, () => '</ScRiPt>')]);
    for (const [version, source, becauses] of samples) {
      // The file name reaches the module too (in `file` fields and a comment).
      const checked = checkFiles({ 'injection/x<!--</script.policy': policyText(version, source, becauses) });
      const set = checked.policy!;
      for (const target of ['ts', 'js'] as const) {
        const first = generate(set, { target }).files;
        for (const file of first) expect(file.text, file.path).not.toMatch(html);
        // Deterministic: the same policy gives the same bytes.
        expect(generate(set, { target }).files).toEqual(first);
      }
      const m = await loadCompiled(set);
      expect(m.VERSIONS[0]).toMatchObject({ version, source, file: 'injection/x<!--</script.policy' });
      becauses.forEach((because, k) => expect(flat(m.decide({ k })).because).toEqual([because]));
    }
  });
});
