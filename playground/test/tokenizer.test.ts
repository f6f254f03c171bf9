import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/codes.js';
import { lex } from '../../src/syntax/lexer.js';
import { tokenData } from '../token-data.js';
import { tokenizer } from '../src/tokenizer.js';
import { REPO } from './support.js';

const matchToken = tokenizer(tokenData());

/** Every token of `text` as the highlighter splits it: `offset:name`, whitespace left out. */
function highlighted(text: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    const token = matchToken(text, at);
    if (!token) {
      out.push(`${at}:?`);
      at++;
      continue;
    }
    if (token.name !== 'WhiteSpace') out.push(`${at}:${token.name}`);
    at += token.length;
  }
  return out;
}

/**
 * The same from the real lexer (before its repairs): keywords named by their word, as the
 * highlighter names them. `post.date - 90 days` retypes the lexed `-` to Minus (repairs.ts): the
 * highlighter sees the ArithmeticOperator it was lexed as, and styles it from what follows.
 */
function lexed(text: string): string[] {
  const { tokens, comments } = lex(text, 'x.policy', new DiagnosticBag());
  const keywords = new Set(tokenData().keywords);
  const retyped: Readonly<Record<string, string>> = { Plus: 'ArithmeticOperator', Minus: 'ArithmeticOperator' };
  return [...tokens, ...comments]
    .sort((a, b) => a.startOffset - b.startOffset)
    .map((t) => `${t.startOffset}:${keywords.has(t.image) && t.tokenType.name !== 'Identifier' ? t.image : (retyped[t.tokenType.name] ?? t.tokenType.name)}`);
}

const policyFiles = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? policyFiles(join(folder, e.name)) : e.name.endsWith('.policy') ? [join(folder, e.name)] : [],
  );

describe('the playground highlighter splits text as the lexer does', () => {
  const files = [...policyFiles(join(REPO, 'policies')), ...policyFiles(join(REPO, 'stdlib'))];

  it.each(files.map((f) => [f.slice(REPO.length + 1), f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(highlighted(text)).toEqual(lexed(text));
  });

  it('on the tricky spellings: keywords as prefixes, numbers before names, dates, operators from other languages', () => {
    const text = 'rule ruler when x.rule >= 1_000 and d == 2019-06-27 && "a\\"b" // c\nthen 1st unless ¬';
    expect(highlighted(text)).toEqual([
      '0:rule',
      '5:Identifier',
      '11:when',
      '16:Identifier',
      '17:Dot',
      '18:rule',
      '23:GreaterEqual',
      '26:IntLiteral',
      '32:and',
      '36:Identifier',
      '38:EqualEqual',
      '41:DateLiteral',
      '52:ForeignOperator',
      '55:StringLiteral',
      '62:Comment',
      '67:then',
      '72:IntLiteral',
      '73:Identifier',
      '76:unless',
      '83:?',
    ]);
  });

  it('on the Bylaw 2 spellings: `statement` (a token of its own), `?`, a date moved by a duration', () => {
    const text = 'statement x\nnote: string?\nwhen p.date - 90 days > 2024-01-01 and p.statement';
    expect(highlighted(text)).toEqual(lexed(text));
    expect(highlighted(text)).toEqual([
      '0:Statement',
      '10:Identifier',
      '12:Identifier',
      '16:Colon',
      '18:Identifier',
      '24:QuestionMark',
      '26:when',
      '31:Identifier',
      '32:Dot',
      '33:Identifier',
      '38:ArithmeticOperator',
      '40:IntLiteral',
      '43:Identifier',
      '48:Greater',
      '50:DateLiteral',
      '61:and',
      '65:Identifier',
      '66:Dot',
      '67:Statement',
    ]);
  });
});
