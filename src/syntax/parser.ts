import { CstParser, type IRecognitionException } from 'chevrotain';
import { CONDITION, CONDITION_ATOM, DECLARATION, messages, recordExpected } from './expected.js';
import { StatementGrammar } from './parser-statements.js';
import * as T from './tokens.js';

/** Chevrotain's own SAVE_ERROR (a method of every parser that its public types leave out). */
const saveError = (CstParser.prototype as unknown as { SAVE_ERROR(error: IRecognitionException): IRecognitionException }).SAVE_ERROR;

/**
 * The pure grammar: builds a CST and nothing else. `grammar/bylaw.ebnf` mirrors these rules one to one.
 * One instance is shared; `parse()` resets it with `parser.input = tokens`.
 */
export class BylawParser extends StatementGrammar {
  /**
   * `recovery`: resynchronise after an error and go on (every error of a file), or stop at the first.
   * `validate`: Chevrotain's checks of the grammar itself (ambiguities, left recursion), a large
   * part of start-up: a test runs them on every change (test/syntax/grammar-valid.test.ts).
   */
  constructor(recovery = true, validate = false) {
    super(T.allTokens, {
      recoveryEnabled: recovery,
      skipValidations: !validate,
      errorMessageProvider: messages,
      maxLookahead: 2,
      nodeLocationTracking: 'onlyOffset',
    });
    this.performSelfAnalysis();
  }

  /**
   * Chevrotain records every error here, just after the message provider built its message: the
   * expectation behind that message is filed beside the error (expected.ts).
   */
  protected SAVE_ERROR(error: IRecognitionException): IRecognitionException {
    const saved = saveError.call(this, error);
    recordExpected(saved);
    return saved;
  }

  file = this.RULE('file', () => {
    this.MANY(() => this.SUBRULE(this.item));
  });

  item = this.RULE('item', () => {
    this.OR({
      DEF: [
        { ALT: () => this.SUBRULE(this.policyHeader) },
        { ALT: () => this.SUBRULE(this.versionHeader) },
        { ALT: () => this.SUBRULE(this.effectiveHeader) },
        { ALT: () => this.SUBRULE(this.sourceHeader) },
        { ALT: () => this.SUBRULE(this.useDecl) },
        { ALT: () => this.SUBRULE(this.inputDecl) },
        { ALT: () => this.SUBRULE(this.enumDecl) },
        { ALT: () => this.SUBRULE(this.recordDecl) },
        { ALT: () => this.SUBRULE(this.scaleDecl) },
        { ALT: () => this.SUBRULE(this.outcomeDecl) },
        { ALT: () => this.SUBRULE(this.contextDecl) },
        { ALT: () => this.SUBRULE(this.redlineDecl) },
        { ALT: () => this.SUBRULE(this.ruleDecl) },
        { ALT: () => this.SUBRULE(this.exemptionDecl) },
        { ALT: () => this.SUBRULE(this.defaultDecl) },
        { ALT: () => this.SUBRULE(this.statementDecl) },
      ],
      ERR_MSG: DECLARATION,
    });
  });

  policyHeader = this.RULE('policyHeader', () => {
    this.CONSUME(T.Policy);
    this.SUBRULE(this.qualifiedName);
  });

  versionHeader = this.RULE('versionHeader', () => {
    this.CONSUME(T.Version);
    this.CONSUME(T.StringLiteral);
  });

  effectiveHeader = this.RULE('effectiveHeader', () => {
    this.CONSUME(T.Effective);
    this.CONSUME(T.DateLiteral);
  });

  sourceHeader = this.RULE('sourceHeader', () => {
    this.CONSUME(T.Source);
    this.CONSUME(T.StringLiteral);
  });

  useDecl = this.RULE('useDecl', () => {
    this.CONSUME(T.Use);
    this.SUBRULE(this.qualifiedName);
    this.OPTION(() => {
      this.CONSUME(T.Except);
      this.SUBRULE(this.nameList);
    });
  });

  inputDecl = this.RULE('inputDecl', () => {
    this.CONSUME(T.Input);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
  });

  enumDecl = this.RULE('enumDecl', () => {
    this.CONSUME(T.Enum);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LBrace);
    this.SUBRULE(this.nameList);
    this.CONSUME(T.RBrace);
  });

  recordDecl = this.RULE('recordDecl', () => {
    this.CONSUME(T.Record);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LBrace);
    this.SUBRULE(this.fieldDecl);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.OPTION(() => this.SUBRULE2(this.fieldDecl));
    });
    this.CONSUME(T.RBrace);
  });

  fieldDecl = this.RULE('fieldDecl', () => {
    this.CONSUME(T.AnyName);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
    this.OPTION(() => this.CONSUME(T.QuestionMark));
  });

  typeRef = this.RULE('typeRef', () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Less);
            this.SUBRULE(this.typeRef);
            this.CONSUME(T.Greater);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.OPTION2(() => this.CONSUME(T.IntLiteral, { LABEL: 'min' }));
            this.CONSUME(T.DotDot);
            this.OPTION3(() => this.CONSUME2(T.IntLiteral, { LABEL: 'max' }));
            this.CONSUME(T.RParen);
          },
        },
      ]);
    });
  });

  scaleDecl = this.RULE('scaleDecl', () => {
    this.CONSUME(T.Scale);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LBrace);
    this.SUBRULE(this.scaleMember);
    this.MANY(() => {
      this.CONSUME(T.Less);
      this.SUBRULE2(this.scaleMember);
    });
    this.CONSUME(T.RBrace);
  });

  /** `warning`, or `restrict(duration)`: a member every use of which carries a duration. */
  scaleMember = this.RULE('scaleMember', () => {
    this.CONSUME(T.Identifier, { LABEL: 'member' });
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.CONSUME2(T.Identifier, { LABEL: 'marker' });
      this.CONSUME(T.RParen);
    });
  });

  outcomeDecl = this.RULE('outcomeDecl', () => {
    this.CONSUME(T.Outcome);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.CONSUME2(T.Identifier, { LABEL: 'scale' });
  });

  contextDecl = this.RULE('contextDecl', () => {
    this.CONSUME(T.Context);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  redlineDecl = this.RULE('redlineDecl', () => {
    this.CONSUME(T.Redline);
    this.CONSUME(T.Identifier);
    this.SUBRULE(this.clauseBody);
  });

  ruleDecl = this.RULE('ruleDecl', () => {
    this.CONSUME(T.Rule);
    this.CONSUME(T.Identifier);
    this.SUBRULE(this.clauseBody);
  });

  exemptionDecl = this.RULE('exemptionDecl', () => {
    this.CONSUME(T.Exemption);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.From);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Every);
          this.CONSUME(T.Rule);
        },
      },
      { ALT: () => this.SUBRULE(this.nameList) },
    ]);
    this.SUBRULE(this.clauseBody);
  });

  clauseBody = this.RULE('clauseBody', () => {
    this.CONSUME(T.When);
    this.SUBRULE(this.expression, { LABEL: 'when' });
    this.OPTION(() => {
      this.CONSUME(T.Unless);
      this.SUBRULE2(this.expression, { LABEL: 'unless' });
    });
    this.CONSUME(T.Then);
    this.SUBRULE(this.actionList);
    this.OPTION2(() => {
      this.CONSUME(T.Because);
      this.CONSUME(T.StringLiteral);
    });
  });

  defaultDecl = this.RULE('defaultDecl', () => {
    this.CONSUME(T.Default);
    this.SUBRULE(this.actionList);
  });

  /** `remove, restrict for 3 days`: at most one action per outcome (the checker says which). */
  actionList = this.RULE('actionList', () => {
    this.SUBRULE(this.actionRef);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.actionRef);
    });
  });

  /** `remove`, `Content.remove`, `restrict for 3 days`. */
  actionRef = this.RULE('actionRef', () => {
    this.CONSUME(T.Identifier, { LABEL: 'action' });
    this.OPTION(() => {
      this.CONSUME(T.Dot);
      this.CONSUME2(T.Identifier, { LABEL: 'member' });
    });
    this.OPTION2(() => {
      this.CONSUME(T.For);
      this.SUBRULE(this.duration);
    });
  });

  /** `90 days`: a count and a unit (the checker knows the units). */
  duration = this.RULE('duration', () => {
    this.CONSUME(T.IntLiteral);
    this.CONSUME(T.Identifier, { LABEL: 'unit' });
  });

  /** `a, b, c` with an optional trailing comma. */
  nameList = this.RULE('nameList', () => {
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.OPTION(() => this.CONSUME2(T.Identifier));
    });
  });

  qualifiedName = this.RULE('qualifiedName', () => {
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME(T.AnyName);
    });
  });

  // ------------------------------------------------------------ expressions, loosest first

  expression = this.RULE('expression', () => {
    this.SUBRULE(this.orExpr);
  });

  orExpr = this.RULE('orExpr', () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpr);
    });
  });

  andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notExpr);
    });
  });

  notExpr = this.RULE('notExpr', () => {
    this.OR({
      ERR_MSG: CONDITION,
      DEF: [
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
      ],
    });
  });

  comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.operand, { LABEL: 'left' });
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.OR2(T.compareTokens.map((token) => ({ ALT: () => this.CONSUME(token, { LABEL: 'operator' }) })));
            this.SUBRULE2(this.operand, { LABEL: 'right' });
          },
        },
        { ALT: () => this.CONSUME(T.Exists) },
        {
          ALT: () => {
            this.OPTION2(() => this.CONSUME(T.Not));
            this.CONSUME(T.In);
            this.SUBRULE(this.setLiteral);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Has);
            this.OR3([
              {
                // `has any {a, b}` / `has all {a, b}`: `any` and `all` are words only here.
                GATE: () => (this.LA(1).image === 'any' || this.LA(1).image === 'all') && this.LA(2).tokenType === T.LBrace,
                ALT: () => {
                  this.CONSUME(T.Identifier, { LABEL: 'mode' });
                  this.SUBRULE2(this.setLiteral, { LABEL: 'members' });
                },
              },
              { ALT: () => this.SUBRULE3(this.atom, { LABEL: 'member' }) },
            ]);
          },
        },
      ]);
    });
  });

  /** A value, moved by durations when it is a date: `post.date - 90 days`. */
  operand = this.RULE('operand', () => {
    this.SUBRULE(this.atom);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus, { LABEL: 'shift' }) }, { ALT: () => this.CONSUME(T.Minus, { LABEL: 'shift' }) }]);
      this.SUBRULE(this.duration);
    });
  });

  /** `count(s in post.strikes where …)`, `any(…)`, `all(…)`: the name is checked in to-ast. */
  quantifier = this.RULE('quantifier', () => {
    this.CONSUME(T.Identifier, { LABEL: 'quantifier' });
    this.CONSUME(T.LParen);
    this.CONSUME2(T.Identifier, { LABEL: 'binder' });
    this.CONSUME(T.In);
    this.SUBRULE(this.operand, { LABEL: 'collection' });
    this.OPTION(() => {
      this.CONSUME(T.Where);
      this.SUBRULE(this.expression, { LABEL: 'where' });
    });
    this.CONSUME(T.RParen);
  });

  atom = this.RULE('atom', () => {
    this.OR({
      DEF: [
        { GATE: () => this.LA(2).tokenType === T.LParen, ALT: () => this.SUBRULE(this.quantifier) },
        { ALT: () => this.SUBRULE(this.path) },
        { ALT: () => this.CONSUME(T.IntLiteral) },
        { ALT: () => this.CONSUME(T.DateLiteral) },
        { ALT: () => this.CONSUME(T.StringLiteral) },
        { ALT: () => this.CONSUME(T.True) },
        { ALT: () => this.CONSUME(T.False) },
        { ALT: () => this.SUBRULE(this.setLiteral) },
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.expression);
            this.CONSUME(T.RParen);
          },
        },
      ],
      ERR_MSG: CONDITION_ATOM,
    });
  });

  setLiteral = this.RULE('setLiteral', () => {
    this.CONSUME(T.LBrace);
    this.OPTION(() => {
      this.SUBRULE(this.atom);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.OPTION2(() => this.SUBRULE2(this.atom));
      });
    });
    this.CONSUME(T.RBrace);
  });

  path = this.RULE('path', () => {
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME(T.AnyName);
    });
  });
}

/** The one parser instance (Chevrotain parsers are expensive to build and cheap to reset). */
export const parser = new BylawParser();

let firstErrorOnly: BylawParser | null = null;

/** A parser that stops at the first error, built when first needed (parse.ts: when recovery runs out of stack). */
export function strictParser(): BylawParser {
  firstErrorOnly ??= new BylawParser(false);
  return firstErrorOnly;
}
