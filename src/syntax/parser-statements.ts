import { CstParser, type CstNode, type ParserMethod } from 'chevrotain';
import * as T from './tokens.js';

/**
 * The grammar of `statement` declarations (statements of reasons, docs/statements-of-reasons.md),
 * apart from the rest of the grammar in parser.ts, whose parser extends this class. Its words
 * (`at`, `category`, `ground`, `no restriction`, …) are keywords only here: they are read as
 * names, gated on their spelling, so policies may still use them as names.
 */
export abstract class StatementGrammar extends CstParser {
  /** `90 days`, from parser.ts. */
  abstract duration: ParserMethod<[], CstNode>;

  /** `statement content { … }`, `statement a, b category … ground …`, `statement default …`, `statement version "…" at "…"`. */
  statementDecl = this.RULE('statementDecl', () => {
    this.CONSUME(T.Statement);
    this.OR({
      DEF: [
        {
          ALT: () => {
            this.CONSUME(T.Version);
            this.CONSUME(T.StringLiteral, { LABEL: 'version' });
            this.OR2({ DEF: [{ GATE: () => this.LA(1).image === 'at', ALT: () => this.CONSUME2(T.Identifier, { LABEL: 'at' }) }], ERR_MSG: '`at`' });
            this.CONSUME2(T.StringLiteral, { LABEL: 'url' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Default);
            this.SUBRULE(this.statementClause);
          },
        },
        {
          ALT: () => {
            this.CONSUME3(T.Identifier, { LABEL: 'name' });
            this.OR3({
              DEF: [
                { ALT: () => this.SUBRULE(this.statementActions) },
                {
                  ALT: () => {
                    this.MANY(() => {
                      this.CONSUME(T.Comma);
                      this.CONSUME4(T.Identifier, { LABEL: 'name' });
                    });
                    this.SUBRULE2(this.statementClause);
                  },
                },
              ],
              ERR_MSG: '`{` (the actions of an outcome), `,` or `category` (clauses)',
            });
          },
        },
      ],
      ERR_MSG: 'an outcome, clauses, `default` or `version`',
    });
  });

  /** `{ allow: no restriction, remove: DECISION_VISIBILITY_CONTENT_REMOVED, }` */
  statementActions = this.RULE('statementActions', () => {
    this.CONSUME(T.LBrace);
    this.SUBRULE(this.statementAction);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.OPTION(() => this.SUBRULE2(this.statementAction));
    });
    this.CONSUME(T.RBrace);
  });

  /** `lock for 12 hours: KEY permanently and KEY notice "…"`, `allow: no restriction`. */
  statementAction = this.RULE('statementAction', () => {
    this.CONSUME(T.Identifier, { LABEL: 'action' });
    this.OPTION(() => {
      this.CONSUME(T.For);
      this.SUBRULE(this.duration);
    });
    this.CONSUME(T.Colon);
    this.OR({
      DEF: [
        {
          GATE: () => this.LA(1).image === 'no' && this.LA(2).image === 'restriction',
          ALT: () => {
            this.CONSUME2(T.Identifier, { LABEL: 'no' });
            this.CONSUME3(T.Identifier, { LABEL: 'restriction' });
          },
        },
        {
          ALT: () => {
            this.SUBRULE(this.statementTarget);
            this.MANY(() => {
              this.CONSUME(T.And);
              this.SUBRULE2(this.statementTarget);
            });
          },
        },
      ],
      IGNORE_AMBIGUITIES: true,
      ERR_MSG: 'a key of the Transparency Database (`DECISION_…`) or `no restriction`',
    });
    this.OPTION2({
      GATE: () => this.LA(1).image === 'notice',
      DEF: () => {
        this.CONSUME4(T.Identifier, { LABEL: 'noticeWord' });
        this.CONSUME(T.StringLiteral, { LABEL: 'notice' });
      },
    });
  });

  /** `DECISION_VISIBILITY_OTHER "interstitial warning screen" permanently` */
  statementTarget = this.RULE('statementTarget', () => {
    this.CONSUME(T.Identifier, { LABEL: 'key' });
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: 'other' }));
    this.OPTION2({ GATE: () => this.LA(1).image === 'permanently', DEF: () => this.CONSUME2(T.Identifier, { LABEL: 'permanently' }) });
  });

  /** `category KEY keywords KEY, KEY "text" ground terms "…" also illegal` */
  statementClause = this.RULE('statementClause', () => {
    this.OR({ DEF: [{ GATE: () => this.LA(1).image === 'category', ALT: () => this.CONSUME(T.Identifier, { LABEL: 'categoryWord' }) }], ERR_MSG: '`category`' });
    this.CONSUME2(T.Identifier, { LABEL: 'category' });
    this.OPTION({
      GATE: () => this.LA(1).image === 'keywords',
      DEF: () => {
        this.CONSUME3(T.Identifier, { LABEL: 'keywordsWord' });
        this.SUBRULE(this.statementKeyword);
        this.MANY(() => {
          this.CONSUME(T.Comma);
          this.SUBRULE2(this.statementKeyword);
        });
      },
    });
    this.OR2({ DEF: [{ GATE: () => this.LA(1).image === 'ground', ALT: () => this.CONSUME4(T.Identifier, { LABEL: 'groundWord' }) }], ERR_MSG: '`keywords` or `ground`' });
    this.CONSUME5(T.Identifier, { LABEL: 'basis' });
    this.CONSUME(T.StringLiteral, { LABEL: 'reference' });
    this.OPTION2({
      GATE: () => this.LA(1).image === 'also' || this.LA(1).tokenType === T.Not,
      DEF: () => {
        this.OR3([{ ALT: () => this.CONSUME6(T.Identifier, { LABEL: 'also' }) }, { ALT: () => this.CONSUME(T.Not) }]);
        this.OR4({ DEF: [{ GATE: () => this.LA(1).image === 'illegal', ALT: () => this.CONSUME7(T.Identifier, { LABEL: 'illegal' }) }], ERR_MSG: '`illegal`' });
      },
    });
  });

  /** `KEYWORD_HATE_SPEECH`, or `KEYWORD_OTHER "text"` */
  statementKeyword = this.RULE('statementKeyword', () => {
    this.CONSUME(T.Identifier, { LABEL: 'key' });
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: 'other' }));
  });
}
