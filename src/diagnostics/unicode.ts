/**
 * Unicode facts behind BL406 (suspicious unicode), shared by the lexer pass (hidden characters,
 * mixed-script names: src/syntax/unicode.ts), the checker pass (confusable names:
 * src/checker/checks/unicode.ts) and the renderer (which must not let a hidden character reorder
 * a code frame). Plain tables, no dependencies.
 */

/** Characters that change the display order of text ("Trojan Source", CVE-2021-42574). */
const BIDI: Readonly<Record<number, string>> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/**
 * Characters that render as nothing (or as a blank indistinguishable from a space) and so hide
 * a difference between two texts that look the same. Default-ignorable code points of Unicode's
 * DerivedCoreProperties that occur in practice, plus the Hangul fillers, which are letters (so
 * they are valid in names) yet draw nothing.
 */
const INVISIBLE: Readonly<Record<number, string>> = {
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x17b4: 'KHMER VOWEL INHERENT AQ',
  0x17b5: 'KHMER VOWEL INHERENT AA',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
  0xfff9: 'INTERLINEAR ANNOTATION ANCHOR',
  0xfffa: 'INTERLINEAR ANNOTATION SEPARATOR',
  0xfffb: 'INTERLINEAR ANNOTATION TERMINATOR',
};

export type HiddenKind = 'bidi' | 'invisible';

export interface HiddenChar {
  readonly kind: HiddenKind;
  /** `U+202E RIGHT-TO-LEFT OVERRIDE` */
  readonly description: string;
}

/** Matches every character `hiddenChar` describes (global, Unicode-aware: use with matchAll). */
export const HIDDEN_PATTERN =
  /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200d\u2060-\u2064\u3164\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}\u{1d173}-\u{1d17a}]/gu;

/** `U+202E`, the way Unicode charts name a code point. */
export function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What a hidden character is, or null for an ordinary one. */
export function hiddenChar(code: number): HiddenChar | null {
  const bidi = BIDI[code];
  if (bidi !== undefined) return { kind: 'bidi', description: `${codePointLabel(code)} ${bidi}` };
  const invisible = INVISIBLE[code];
  if (invisible !== undefined) return { kind: 'invisible', description: `${codePointLabel(code)} ${invisible}` };
  // Tag characters spell out hidden ASCII ("ASCII smuggling"); musical format controls draw nothing.
  if (code >= 0xe0000 && code <= 0xe007f) return { kind: 'invisible', description: `${codePointLabel(code)} TAG CHARACTER` };
  if (code >= 0x1d173 && code <= 0x1d17a) return { kind: 'invisible', description: `${codePointLabel(code)} MUSICAL SYMBOL FORMAT CONTROL` };
  return null;
}

// ------------------------------------------------------------------------------------ controls

/**
 * Control characters a terminal acts on instead of showing (C0 but tab, line feed and carriage
 * return; DEL; C1): in a string or comment they can erase, overwrite or recolour what is shown
 * (global: use with matchAll).
 */
export const CONTROL_PATTERN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const C0_NAMES = [
  'NULL', 'START OF HEADING', 'START OF TEXT', 'END OF TEXT', 'END OF TRANSMISSION', 'ENQUIRY', 'ACKNOWLEDGE', 'BELL',
  'BACKSPACE', 'CHARACTER TABULATION', 'LINE FEED', 'LINE TABULATION', 'FORM FEED', 'CARRIAGE RETURN', 'SHIFT OUT', 'SHIFT IN',
  'DATA LINK ESCAPE', 'DEVICE CONTROL ONE', 'DEVICE CONTROL TWO', 'DEVICE CONTROL THREE', 'DEVICE CONTROL FOUR',
  'NEGATIVE ACKNOWLEDGE', 'SYNCHRONOUS IDLE', 'END OF TRANSMISSION BLOCK', 'CANCEL', 'END OF MEDIUM', 'SUBSTITUTE', 'ESCAPE',
  'INFORMATION SEPARATOR FOUR', 'INFORMATION SEPARATOR THREE', 'INFORMATION SEPARATOR TWO', 'INFORMATION SEPARATOR ONE',
];

/** `U+001B ESCAPE`, `U+007F DELETE`, `U+009B C1 CONTROL`. */
export function controlChar(code: number): string {
  const name = code < 0x20 ? C0_NAMES[code]! : code === 0x7f ? 'DELETE' : 'C1 CONTROL';
  return `${codePointLabel(code)} ${name}`;
}

// ------------------------------------------------------------------------------------ scripts

/**
 * Scripts we name in messages, most common first. A letter of any other script is `Other`:
 * enough to tell that a name mixes scripts, which is all BL406 needs.
 */
const SCRIPTS = [
  'Latin', 'Cyrillic', 'Greek', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo', 'Arabic', 'Hebrew',
  'Armenian', 'Georgian', 'Devanagari', 'Bengali', 'Tamil', 'Thai', 'Ethiopic', 'Cherokee', 'Coptic',
] as const;
const SCRIPT_PATTERNS = SCRIPTS.map((name) => [name, new RegExp(`^\\p{Script=${name}}$`, 'u')] as const);
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;

/** The script of one character; null for characters every script shares (digits, `_`). */
export function scriptOf(char: string): string | null {
  if (char.charCodeAt(0) < 0x80) return /[A-Za-z]/.test(char) ? 'Latin' : null;
  if (NEUTRAL.test(char)) return null;
  for (const [name, pattern] of SCRIPT_PATTERNS) if (pattern.test(char)) return name;
  return 'Other';
}

/**
 * Script mixes that are normal writing and never reported, after Unicode TR39's "highly
 * restrictive" level: Japanese (Han with kana), Chinese with Bopomofo, Korean (Han with Hangul),
 * each optionally with Latin.
 */
const ALLOWED_MIXES: readonly (readonly string[])[] = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
];

/**
 * For a name written in more than one script (outside the allowed mixes), the first character
 * of the second script met, with the two scripts; null for a single-script name.
 */
export function mixedScript(name: string): { first: string; second: string; char: string; index: number } | null {
  const scripts: string[] = [];
  let witness: { char: string; index: number; script: string } | null = null;
  let index = 0;
  for (const char of name) {
    const script = scriptOf(char);
    if (script !== null && !scripts.includes(script)) {
      scripts.push(script);
      if (scripts.length === 2) witness = { char, index, script };
    }
    index += char.length;
  }
  if (scripts.length < 2 || !witness) return null;
  if (ALLOWED_MIXES.some((mix) => scripts.every((s) => mix.includes(s)))) return null;
  return { first: scripts[0]!, second: witness.script, char: witness.char, index: witness.index };
}

// ------------------------------------------------------------------------------------ confusables

/**
 * Cyrillic and Greek letters that are drawn like a Latin letter in common fonts, mapped to that
 * letter: a subset of Unicode's confusables.txt (TR39), chosen because names in Bylaw are `\p{L}`
 * words and these three scripts are the ones whose letters are pixel-for-pixel Latin look-alikes;
 * other scripts (Armenian `օ`, Cherokee `Ꭺ`) have a few more, but a name written with them
 * already mixes scripts and gets the mixed-script warning. Compatibility forms (fullwidth `ｐ`,
 * mathematical `𝐩`) are folded by NFKC before this table applies.
 */
const CONFUSABLE: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', с: 'c', ԁ: 'd', е: 'e', һ: 'h', і: 'i', ј: 'j', ӏ: 'l', о: 'o', р: 'p', ԛ: 'q', ѕ: 's', ѵ: 'v',
  ԝ: 'w', х: 'x', у: 'y', ү: 'y', ё: 'ë', ї: 'ï',
  А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', І: 'I', Ј: 'J', К: 'K', М: 'M', О: 'O', Р: 'P', Ѕ: 'S', Т: 'T',
  Х: 'X', Ү: 'Y', Ԛ: 'Q', Ԝ: 'W', Ӏ: 'I',
  // Greek
  α: 'a', γ: 'y', ι: 'i', ν: 'v', ο: 'o', ρ: 'p', ϲ: 'c', ϳ: 'j',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  Ϲ: 'C', Ϳ: 'J',
  // Latin letters drawn like other Latin letters
  ı: 'i', ȷ: 'j', ɑ: 'a', ɡ: 'g', ɩ: 'i',
};

/**
 * The "skeleton" of a name (TR39 §4, reduced to the table above): NFKC, then every look-alike
 * letter replaced by the Latin letter it looks like. Two different names with the same skeleton
 * read the same on screen.
 */
export function skeleton(name: string): string {
  let out = '';
  for (const char of name.normalize('NFKC')) out += CONFUSABLE[char] ?? char;
  return out;
}
