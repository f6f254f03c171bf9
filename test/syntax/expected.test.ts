import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/codes.js';
import { expectedFound } from '../../src/diagnostics/messages/bl0.js';
import { DECLARATION_KEYWORDS, expectedOf, foundOf, type Expected } from '../../src/syntax/expected.js';
import { lex } from '../../src/syntax/lexer.js';
import { parser, strictParser } from '../../src/syntax/parser.js';
import * as T from '../../src/syntax/tokens.js';

/** The parser's raw errors for `text`, each with the expectation filed beside it. */
function errorsOf(text: string, strict = false): { message: string; expected: Expected; found: string | null }[] {
  const { tokens } = lex(text, 'x.bylaw', new DiagnosticBag());
  const p = strict ? strictParser() : parser;
  p.input = tokens;
  p.file();
  return p.errors.map((error) => ({ message: error.message, expected: expectedOf(error), found: foundOf(error) }));
}

const HEADER = 'policy p\nversion "1"\neffective 2024-01-01\nenum Action { allow, remove }\nscale Action { allow < remove }\n';

describe('the expectation beside each parse error', () => {
  it('names the token types a mismatch expected, and the message is built from it', () => {
    const [first] = errorsOf(`${HEADER}rule r when true remove because "x"\n`);
    expect(first!.expected.what).toBe('tokens');
    expect(first!.expected.types).toEqual([T.Then]);
    expect(first!.expected.keywords).toEqual(['then']);
    expect(first!.message).toBe('expected `then`, found `remove`');
  });

  it('says a declaration was expected at the top level, with the keywords that start one', () => {
    const [first] = errorsOf(`${HEADER}rulle r when true then remove because "x"\n`);
    expect(first!.expected.what).toBe('declaration');
    expect(first!.expected.keywords).toEqual(DECLARATION_KEYWORDS);
    expect(first!.message.startsWith(`expected ${first!.expected.text}, found`)).toBe(true);
  });

  it('says a condition was expected where a rule describes its alternatives', () => {
    const [first] = errorsOf(`${HEADER}rule r when then remove because "x"\n`);
    expect(first!.expected.what).toBe('condition');
    expect(first!.message).toBe(`expected ${first!.expected.text}, found \`then\``);
  });

  it('lists at most six alternatives, as the message does', () => {
    const [first] = errorsOf(`${HEADER}rule r when post.x has then remove because "x"\n`);
    expect(first!.expected.types).toHaveLength(6);
    expect(first!.expected.types.slice(-2)).toEqual([T.True, T.False]);
    expect(first!.expected.keywords).toEqual(['true', 'false']);
    expect(first!.message).toBe('expected a name, an integer, a date, a string, `true`, `false` or …, found `then`');
  });

  it('is filed for every error, with recovery and without', () => {
    const bad = `${HEADER}rule r when (a and b then remove because\ncontext c = {a b\nrule q when x y then remove\n`;
    for (const strict of [false, true]) {
      const errors = errorsOf(bad, strict);
      expect(errors.length).toBeGreaterThan(0);
      for (const { message, expected } of errors) {
        expect(expected.text).not.toBe('something else');
        expect(message.startsWith(`expected ${expected.text}, found `)).toBe(true);
      }
    }
  });

  it('files the token found beside the expectation: BL002\'s constructor words the message from the two', () => {
    const [mismatch] = errorsOf(`${HEADER}rule r when true remove because "x"\n`);
    expect(mismatch!.found).toBe('remove');
    const [atEnd] = errorsOf(`${HEADER}rule r when true then`);
    expect(atEnd!.found).toBeNull();
    expect(atEnd!.message).toBe(`expected ${atEnd!.expected.text}, found the end of the file`);
    const bad = `${HEADER}rule r when (a and b then remove because\ncontext c = {a b\nrule q when x y then remove\n`;
    for (const { message, expected, found } of [...errorsOf(bad), mismatch!, atEnd!]) expect(expectedFound(expected.text, found)).toBe(message);
  });

  it('keeps no expectation over from a parse to the next', () => {
    errorsOf(`${HEADER}rule r when true remove because "x"\n`);
    expect(errorsOf(HEADER)).toEqual([]);
  });
});
