/**
 * The parser skips Chevrotain's grammar validations at start-up (they are a large part of a
 * CLI run); here they run on the grammar as it is, with and without error recovery.
 */
import { describe, expect, it } from 'vitest';
import { BylawParser } from '../../src/syntax/parser.js';

describe('the grammar', () => {
  it.each([true, false])('passes Chevrotain\'s validations (recovery %s): no ambiguity, no left recursion', (recovery) => {
    expect(() => new BylawParser(recovery, true)).not.toThrow();
  });

  it('the validations run when asked: an ambiguous grammar is refused', async () => {
    const { CstParser, createToken, Lexer } = await import('chevrotain');
    const A = createToken({ name: 'A', pattern: /a/ });
    const WS = createToken({ name: 'WS', pattern: /\s+/, group: Lexer.SKIPPED });
    class Ambiguous extends CstParser {
      constructor(validate: boolean) {
        super([A, WS], { skipValidations: !validate });
        this.RULE('top', () => {
          this.OR([{ ALT: () => this.CONSUME(A) }, { ALT: () => this.CONSUME2(A) }]);
        });
        this.performSelfAnalysis();
      }
    }
    expect(() => new Ambiguous(true)).toThrow(/Parser Definition Errors/);
    expect(() => new Ambiguous(false)).not.toThrow();
  });
});
