import { describe, expect, it } from 'vitest';
import { renderDiagnostics } from '../../src/diagnostics/render.js';
import { hiddenChar, mixedScript, skeleton } from '../../src/diagnostics/unicode.js';
import { parse } from '../../src/syntax/parse.js';
import { MAX_UNICODE_WARNINGS } from '../../src/syntax/unicode.js';
import { checkFiles } from '../support/policies.js';
import { checkText, FILE, PREAMBLE, spanProblems, twitterFiles, underlined } from './support.js';

/**
 * BL406 (suspicious unicode), as Cedar and rustc warn: text that displays differently from how
 * Bylaw reads it (bidi controls, "Trojan Source"), characters that cannot be seen, names mixing
 * scripts, and two names in one program that look the same.
 */

const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\ufeff', '\u00ad', '\u034f', '\u180e', '\u{e0041}'];
const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function bl406(text: string, file = FILE) {
  const checked = checkText(text, file);
  expect(spanProblems(checked.diagnostics, checked.sources)).toEqual([]);
  return { ...checked, warnings: checked.diagnostics.filter((d) => d.code === 'BL406') };
}

describe('BL406: bidi and invisible characters', () => {
  it.each([...BIDI, ...INVISIBLE].map((c) => [hex(c), c]))('%s in a string is a warning on that character', (_, char) => {
    const text = `${PREAMBLE}rule r when post.author.handle == "adm${char}in" then remove because "why"\n`;
    const { warnings, sources, policy } = bl406(text);
    expect(warnings).toHaveLength(1);
    const w = warnings[0]!;
    expect(w.severity).toBe('warning');
    expect(underlined(w, sources)).toBe(char);
    expect(w.message).toContain(`string contains`);
    expect(w.message).toContain(hex(char));
    expect(w.help).toContain(`\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`);
    expect(policy).not.toBeNull(); // a warning, not an error
  });

  it.each([...BIDI, ...INVISIBLE].map((c) => [hex(c), c]))('%s in a comment is a warning on that character', (_, char) => {
    const text = `${PREAMBLE}// reviewed ${char}by legal\nrule r when post.public_interest then remove because "why"\n`;
    const { warnings, sources } = bl406(text);
    expect(warnings).toHaveLength(1);
    expect(underlined(warnings[0]!, sources)).toBe(char);
    expect(warnings[0]!.message).toMatch(/^comment contains/);
    expect(warnings[0]!.help).toBeTruthy();
  });

  it('the classic Trojan Source line: a comment that reorders the code after it', () => {
    // Displays as `rule r when post.public_interest /* admin */ then remove` in a bidi-aware viewer.
    const text = `${PREAMBLE}rule r when post.public_interest // \u202e \u2066if admin\u2069 \u2066 then remove\nthen remove because "x"\n`;
    const { warnings, sources } = bl406(text);
    expect(warnings.map((w) => underlined(w, sources))).toEqual(['\u202e', '\u2066', '\u2069', '\u2066']);
    expect(warnings.every((w) => w.message.includes('changes the order'))).toBe(true);
  });

  it('every hidden character is found, in order, each with its own span', () => {
    const text = `${PREAMBLE}rule r when post.author.handle == "a\u200bb\u202ec" then remove because "x\u2060y"\n`;
    const { warnings, sources } = bl406(text);
    expect(warnings.map((w) => underlined(w, sources))).toEqual(['\u200b', '\u202e', '\u2060']);
  });

  it('a byte order mark opens a file silently, but is a warning anywhere else', () => {
    const clean = bl406(`\ufeff${PREAMBLE}rule r when post.public_interest then remove because "x"\n`);
    expect(clean.warnings).toEqual([]);
    const inside = bl406(`${PREAMBLE}rule r when post.public_interest \ufeff then remove because "x"\n`);
    expect(inside.warnings.map((w) => w.message)).toEqual(['byte order mark U+FEFF inside the file']);
    expect(underlined(inside.warnings[0]!, inside.sources)).toBe('\ufeff');
  });

  it('a hidden character between tokens is an error (BL001) that says what the character is', () => {
    for (const char of ['\u202e', '\u200b', '\u2066', '\u00ad']) {
      const { diagnostics, sources } = bl406(`${PREAMBLE}rule r when post.public_interest${char} then remove because "x"\n`);
      const error = diagnostics.find((d) => d.code === 'BL001')!;
      expect(error, hex(char)).toBeDefined();
      expect(underlined(error, sources)).toBe(char);
      expect(error.help).toContain(hex(char));
    }
  });

  it('a name cannot hide a zero-width character (it ends the name: BL001), but may hide a Hangul filler (a letter)', () => {
    const zw = bl406(`${PREAMBLE}context ok\u200bay = post.public_interest\nrule r when ok\u200bay then remove because "x"\n`);
    expect(zw.diagnostics.some((d) => d.code === 'BL001')).toBe(true);
    const filler = bl406(`${PREAMBLE}context ok\u3164 = post.public_interest\nrule r when ok\u3164 then remove because "x"\n`);
    const w = filler.warnings.find((d) => d.message.startsWith('name `ok\u3164` contains'))!;
    expect(w).toBeDefined();
    expect(underlined(w, filler.sources)).toBe('\u3164');
    expect(w.message).toContain('HANGUL FILLER');
  });

  it('a flood of hidden characters gives at most MAX_UNICODE_WARNINGS warnings and one summary', () => {
    const text = `${PREAMBLE}rule r when post.public_interest then remove because "${'\u200b'.repeat(5000)}"\n`;
    const { warnings } = bl406(text);
    expect(warnings).toHaveLength(MAX_UNICODE_WARNINGS + 1);
    expect(warnings.at(-1)!.message).toBe(`${5000 - MAX_UNICODE_WARNINGS} more suspicious characters in this file`);
  });

  it('hidden characters are warned about even in a file with syntax errors', () => {
    const result = parse('rule r when "\u202e" then', 'x.policy');
    expect(result.diagnostics.map((d) => d.code)).toContain('BL406');
    expect(result.diagnostics.map((d) => d.code)).toContain('BL002');
  });

  it('the code frame never prints a hidden character raw', () => {
    const text = `${PREAMBLE}rule r when post.author.handle == "\u202eevil\u2066" then remove because "x"\n`;
    const { diagnostics, sources } = bl406(text);
    const rendered = renderDiagnostics(diagnostics, { sources });
    expect(rendered).toContain('warning[BL406]');
    expect([...rendered].filter((c) => hiddenChar(c.codePointAt(0)!) !== null)).toEqual([]);
  });
});

describe('BL406: names mixing scripts', () => {
  it.each([
    ['p\u0430ypal', 'Latin', 'Cyrillic', '\u0430'],
    ['verifi\u0435d', 'Latin', 'Cyrillic', '\u0435'],
    ['\u0440ost', 'Cyrillic', 'Latin', 'o'],
    ['ad\u03bcin', 'Latin', 'Greek', '\u03bc'],
    ['\u03a1ost', 'Greek', 'Latin', 'o'],
  ])('`%s` mixes %s and %s', (name, first, second, char) => {
    const text = `${PREAMBLE}context ${name} = post.public_interest\nrule r when ${name} then remove because "x"\n`;
    const { warnings, sources } = bl406(text);
    const mixed = warnings.filter((w) => w.message.includes('mixes'));
    expect(mixed).toHaveLength(1); // once per name and file, at its first occurrence
    expect(mixed[0]!.message).toContain(`mixes ${first} and ${second} letters`);
    expect(underlined(mixed[0]!, sources)).toBe(char);
    expect(mixed[0]!.help).toContain('one script');
  });

  it.each(['größe', 'привет', 'Ωμέγα', '日本語テキスト', 'データ_2', 'naïve_café', '한국어_text', 'user_id_2'])('`%s` is a single script (or an allowed mix): no warning', (name) => {
    const text = `${PREAMBLE}context ${name} = post.public_interest\nrule r when ${name} then remove because "x"\n`;
    const { warnings, diagnostics } = bl406(text);
    expect(warnings).toEqual([]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a name of compatibility characters (fullwidth, mathematical) is a warning naming its plain spelling', () => {
    const { warnings } = bl406(`${PREAMBLE}context ｒｏｌｅ_ok = post.public_interest\nrule r when ｒｏｌｅ_ok then remove because "x"\n`);
    expect(warnings.map((w) => w.message)).toEqual(['name `ｒｏｌｅ_ok` is written with compatibility characters and reads as `role_ok`']);
  });

  it('mixedScript() allows the mixes of Japanese, Chinese and Korean writing', () => {
    expect(mixedScript('abc')).toBeNull();
    expect(mixedScript('漢字かなカナabc')).toBeNull();
    expect(mixedScript('abc_123')).toBeNull();
    expect(mixedScript('aβ')).toMatchObject({ first: 'Latin', second: 'Greek', char: 'β', index: 1 });
  });
});

describe('BL406: confusable names', () => {
  it('two declared names that look the same: a warning on the later one, with a note on the first', () => {
    const text = `${PREAMBLE}context verified_author = post.author.verified
context verifi\u0435d_author = post.public_interest
rule r when verified_author and verifi\u0435d_author then remove because "x"
`;
    const { warnings, sources } = bl406(text);
    const confusable = warnings.filter((w) => w.message.includes('looks the same'));
    expect(confusable).toHaveLength(1);
    const w = confusable[0]!;
    expect(w.message).toBe('`verifi\u0435d_author` looks the same as `verified_author` but is a different name');
    expect(underlined(w, sources)).toBe('verifi\u0435d_author');
    expect(w.notes[0]!.message).toBe('`verified_author` is declared here');
    expect(w.help).toContain('U+0435, Cyrillic');
    expect(w.help).toContain('U+0065, Latin');
  });

  it('a whole-script look-alike (every letter Cyrillic) is caught by the skeleton, not by script mixing', () => {
    // `ехр` is Cyrillic е, х, р: a single script, so only the confusable check can see it.
    const text = `${PREAMBLE}context exp = post.public_interest\ncontext \u0435\u0445\u0440 = post.author.verified\nrule r when exp and \u0435\u0445\u0440 then remove because "x"\n`;
    const { warnings } = bl406(text);
    expect(warnings.map((w) => w.message)).toEqual(['`\u0435\u0445\u0440` looks the same as `exp` but is a different name']);
  });

  it('a look-alike across modules: the enum member in the stdlib and a context in the policy', () => {
    const text = `${PREAMBLE}context w\u043erld_leader = post.author.role == world_leader\nrule r when w\u043erld_leader then remove because "x"\n`;
    const { warnings } = bl406(text);
    const w = warnings.find((d) => d.message.includes('looks the same'))!;
    expect(w.message).toBe('`w\u043erld_leader` looks the same as `world_leader` but is a different name');
    expect(w.notes[0]!.span!.file).toMatch(/stdlib\/moderation\.policy$/);
  });

  it('a fullwidth twin of a field name', () => {
    const text = `${PREAMBLE}context ｒole = post.public_interest\nrule r when ｒole then remove because "x"\n`;
    const { warnings } = bl406(text);
    expect(warnings.map((w) => w.message)).toContain('`ｒole` looks the same as `role` but is a different name');
  });

  it('the same name twice (an enum member shared by two enums) is not confusable', () => {
    expect(skeleton('none')).toBe(skeleton('none'));
    const { warnings } = bl406(`${PREAMBLE}enum Mood { none, happy }\nrule r when post.topic == none then remove because "x"\n`);
    expect(warnings).toEqual([]);
  });

  it('skeleton() folds Cyrillic and Greek look-alikes and compatibility forms, and nothing else', () => {
    expect(skeleton('\u0440\u043e\u0455t')).toBe('post');
    expect(skeleton('\u03a1\u039f\u03a4')).toBe('POT');
    expect(skeleton('𝐩ost')).toBe('post');
    expect(skeleton('Post')).not.toBe(skeleton('post'));
    expect(skeleton('rn')).not.toBe(skeleton('m'));
  });

  it('a policy set reports a look-alike in a shared module once, not once per version', () => {
    const files = twitterFiles('hardening/unicode-set');
    files['hardening/unicode-set/rules.policy'] += `\ncontext harassm\u0435nt_case = post.categories has harassment\nrule extra when harassm\u0435nt_case then remove because "x"\n`;
    const checked = checkFiles(files, 'hardening/unicode-set');
    const warnings = checked.diagnostics.filter((d) => d.code === 'BL406');
    const texts = warnings.map((w) => w.message);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.some((t) => t.includes('mixes Latin and Cyrillic'))).toBe(true);
  });
});

describe('BL406: real policies are clean', () => {
  it('the Twitter policy set and the stdlib have no suspicious unicode', () => {
    const checked = checkFiles(twitterFiles(), 'hardening/twitter');
    expect(checked.diagnostics.filter((d) => d.code === 'BL406')).toEqual([]);
  });
});
