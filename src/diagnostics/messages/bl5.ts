import type { Span } from '../span.js';
import { didYouMean } from '../suggest.js';
import { code, type Built } from './common.js';

/**
 * Whose words a statement mapping's problem is told in: the language's (the default: the checker
 * reports it where a `statement` declaration wrote the mapping) or the model's, whose help names
 * the fields of the mapping object given to `checkMapping` (docs/statements-of-reasons.md).
 */
export type Wording = 'language' | 'model';

const codes = (names: readonly string[]): string => names.map(code).join(', ');

const GROUND_HELP = 'name what the ground rests on: `ground terms "Hateful Conduct Policy"`, `ground law "Section 130 StGB"`';

/**
 * Statements of reasons (BL5xx): the export mapping's problems, from src/statements/mapping.ts
 * (`checkMapping`) and from reading the `statement` declarations (checker/checks/export-mapping.ts).
 * Limits (`limit`) are the database's, in characters.
 */
export const BL5 = {
  BL501: (
    a:
      | { readonly kind: 'action'; readonly outcome: string; readonly action: string }
      /** No `statement` for the outcome at all: one diagnostic for its `members`, not one per action. */
      | { readonly kind: 'outcome'; readonly outcome: string; readonly members: readonly string[] },
    wording: Wording = 'language',
  ): Built => {
    if (a.kind === 'outcome') {
      return {
        message: `outcome ${code(a.outcome)} has no statement mapping`,
        help: `say what each of its actions becomes: \`statement ${a.outcome} { ${a.members.map((m) => `${m}: …`).join(', ')} }\``,
      };
    }
    return {
      message: `action ${code(a.action)} of outcome ${code(a.outcome)} has no mapping`,
      help:
        wording === 'model'
          ? `say what ${code(a.action)} becomes in a statement (e.g. \`decision_visibility\` \`DECISION_VISIBILITY_CONTENT_REMOVED\`), or map it to no restriction`
          : `add \`${a.action}: DECISION_…\` to \`statement ${a.outcome} { … }\`, or \`${a.action}: no restriction\``,
    };
  },
  BL502: (
    a:
      /** A target's key not of its `field`: `owner` is the field it is a key of, if any; `keys` the field's. */
      | { readonly kind: 'target'; readonly key: string; readonly field: string; readonly owner: string | undefined; readonly keys: readonly string[] }
      | { readonly kind: 'category'; readonly key: string; readonly keys: readonly string[] }
      | { readonly kind: 'keyword'; readonly key: string; readonly keys: readonly string[] }
      /**
       * A key written after an action that is no restriction: `clausal`, a category or keyword;
       * `nothing`, a word for no restriction (`none`); `keys`, the restriction keys.
       */
      | { readonly kind: 'restriction'; readonly key: string; readonly clausal: boolean; readonly nothing: boolean; readonly keys: readonly string[] },
  ): Built => {
    switch (a.kind) {
      case 'target':
        return {
          message: `${code(a.key)} is not a key of ${code(a.field)}`,
          help: a.owner ? `it is a key of ${code(a.owner)}: write that field` : (didYouMean(a.key, a.keys) ?? `the keys are ${codes(a.keys)}`),
        };
      case 'category':
        return { message: `${code(a.key)} is not a category of the database`, help: didYouMean(a.key, a.keys) ?? 'use one of the 16 `STATEMENT_CATEGORY_…` keys' };
      case 'keyword':
        return { message: `${code(a.key)} is not a keyword of the database`, help: didYouMean(a.key, a.keys) ?? 'use one of the 69 `KEYWORD_…` keys' };
      case 'restriction': {
        const help = a.clausal
          ? 'a category or keyword belongs to a clause: `statement CLAUSE category … keywords …`'
          : (didYouMean(a.key, a.keys) ??
            (a.nothing
              ? 'an action that restricts nothing is written `no restriction`'
              : 'write a key of `decision_visibility`, `decision_monetary`, `decision_provision` or `decision_account`, such as `DECISION_VISIBILITY_CONTENT_REMOVED`'));
        return { message: `${code(a.key)} is not a restriction of the Transparency Database`, help };
      }
    }
  },
  /** A one-value `field` written twice by one action, or by the actions of two outcomes (`also`: where the other writes it). */
  BL503: (
    a:
      | { readonly kind: 'action'; readonly field: string }
      | { readonly kind: 'outcomes'; readonly field: string; readonly first: string; readonly outcome: string; readonly also?: Span | undefined },
  ): Built =>
    a.kind === 'action'
      ? { message: `the action writes ${code(a.field)} twice`, help: `${code(a.field)} holds one value: keep one` }
      : {
          message: `outcomes ${code(a.first)} and ${code(a.outcome)} can both write ${code(a.field)}`,
          notes: a.also ? [{ message: `${code(a.field)} is also written here`, span: a.also }] : [],
          help: `${code(a.field)} holds one value per statement: map one of them to another field`,
        },
  /** `exemptions`: the longest exemption's texts count too. */
  BL504: (a: { clause: string; exemptions: boolean; limit: number }): Built => ({
    message: `the \`because\` texts of ${code(a.clause)}${a.exemptions ? ' and its exemptions' : ''} are longer than the ${a.limit} characters of the explanation`,
    help: "shorten them: the statement's explanation would be cut; the full rule is at the version's URL",
  }),
  BL505: (a: { clause: string }, wording: Wording = 'language'): Built => ({
    message: `clause ${code(a.clause)} can decide a restriction but has no category or ground`,
    help:
      wording === 'model'
        ? `give ${code(a.clause)} a category (e.g. \`STATEMENT_CATEGORY_OTHER_VIOLATION_TC\`) and its ground: the section of the terms, or the law`
        : `add \`statement ${a.clause} category STATEMENT_CATEGORY_… ground terms "…"\` (or \`ground law "…"\` for illegal content)`,
  }),
  /** `first`: where it was mapped first. */
  BL507: (
    a:
      | { readonly kind: 'version'; readonly version: string; readonly first: Span }
      | { readonly kind: 'action'; readonly action: string; readonly outcome: string; readonly first: Span }
      | { readonly kind: 'clause'; readonly clause: string; readonly first: Span }
      | { readonly kind: 'default'; readonly first: Span },
  ): Built => {
    const [what, help] =
      a.kind === 'version'
        ? [`version ${code(a.version)}`, 'each version has one public URL: keep one `statement version`']
        : a.kind === 'action'
          ? [`action ${code(a.action)} of ${code(a.outcome)}`, 'say once what an action becomes: delete one of them']
          : [a.kind === 'clause' ? `clause ${code(a.clause)}` : 'the default ground', 'give each clause one category and ground: delete it from one `statement`'];
    return { message: `${what} is mapped twice`, notes: [{ message: 'first mapped here', span: a.first }], help };
  },
  /** An `…_OTHER` restriction `key`, or `KEYWORD_OTHER`, without its text. */
  BL508: (a: { readonly kind: 'target'; readonly key: string; readonly limit: number } | { readonly kind: 'keyword'; readonly limit: number }, wording: Wording = 'language'): Built => {
    if (a.kind === 'target') {
      return {
        message: `${code(a.key)} needs a text saying what the restriction is`,
        help: wording === 'model' ? `add the text (at most ${a.limit} characters), e.g. \`interstitial warning screen\`` : 'write the text after the key: `DECISION_VISIBILITY_OTHER "interstitial warning screen"`',
      };
    }
    return {
      message: '`KEYWORD_OTHER` needs a text naming the kind of content',
      help: wording === 'model' ? `add it (at most ${a.limit} characters)` : 'write the text after it: `KEYWORD_OTHER "the kind of content"`',
    };
  },
  /** An `other` or keyword text over `limit`, or a ground's reference over `max` (the ground field, `limit`, also names the clause and version). */
  BL509: (a: { readonly kind: 'text'; readonly limit: number } | { readonly kind: 'reference'; readonly max: number; readonly limit: number }): Built =>
    a.kind === 'text'
      ? { message: `the text is longer than ${a.limit} characters`, help: 'shorten it' }
      : { message: `the reference is longer than ${a.max} characters`, help: `the ground field holds ${a.limit} characters with the clause and version: shorten the reference` },
  BL510: (
    a:
      | { readonly kind: 'basis' }
      | { readonly kind: 'no-reference'; readonly basis: 'terms' | 'law' }
      /** `ground law "…" also illegal` (`illegal`), or `not illegal`. */
      | { readonly kind: 'law-illegal'; readonly illegal: boolean }
      | { readonly kind: 'not-a-ground'; readonly basis: string },
    wording: Wording = 'language',
  ): Built => {
    switch (a.kind) {
      case 'basis':
        return {
          message: 'the ground is neither the terms and conditions nor the law',
          help: wording === 'model' ? 'give `terms` with the section relied on, or `law` with the legal ground' : GROUND_HELP,
        };
      case 'no-reference':
        return {
          message: 'the ground names no reference',
          help: wording === 'language' ? GROUND_HELP : a.basis === 'terms' ? 'name the section of the terms, e.g. `Hateful Conduct Policy`' : 'name the law, e.g. the article and the act',
        };
      case 'law-illegal':
        return {
          message: `a ground in law is illegal content: \`${a.illegal ? 'also illegal' : 'not illegal'}\` goes with \`terms\``,
          help: 'write `ground law "…"` alone, or `ground terms "…" also illegal` for a rule of the terms that the law also forbids',
        };
      case 'not-a-ground':
        return { message: `${code(a.basis)} is not a ground`, help: didYouMean(a.basis, ['terms', 'law']) ?? 'a ground is `terms "the section of the terms"` or `law "the legal provision"`' };
    }
  },
  BL511: (a: { url: string; limit: number }): Built => ({
    message: `${code(a.url)} is not a URL the database accepts`,
    help: `give an absolute http(s) URL of at most ${a.limit} characters`,
  }),
  BL512: (a: { outcome: string; action: string }, wording: Wording = 'language'): Built => ({
    message: `the default action ${code(a.action)} of outcome ${code(a.outcome)} is a restriction, but no clause decides it`,
    help:
      wording === 'model'
        ? 'give the mapping a default category and ground for restrictions decided by default'
        : 'add `statement default category STATEMENT_CATEGORY_… ground terms "…"` for the decisions no clause makes',
  }),
  // Warnings (BL55x)
  BL551: (a: { limit: number }): Built => ({
    message: `the \`because\` texts of clauses deciding different outcomes together can exceed the ${a.limit} characters of the explanation`,
    help: 'the statement keeps the first texts whole and cuts the rest; shorten the longest texts to keep them all',
  }),
  /** A target's `other` text without an `…_OTHER` key, a keyword text without `KEYWORD_OTHER`, or a text after `key`, a keyword other than it. */
  BL552: (a: { readonly kind: 'target' } | { readonly kind: 'keyword-other' } | { readonly kind: 'keyword'; readonly key: string }): Built => {
    if (a.kind === 'target') return { message: 'the text is sent only with an `…_OTHER` key; the database drops it here', help: 'remove it' };
    if (a.kind === 'keyword-other') return { message: 'the text is kept only with `KEYWORD_OTHER`; the database drops it', help: 'add `KEYWORD_OTHER` or remove the text' };
    return { message: `the text after ${code(a.key)} is dropped by the database`, help: 'only `KEYWORD_OTHER` takes a text, naming the kind of content; remove this one' };
  },
  BL553: (a: { version: string }, wording: Wording = 'language'): Built => ({
    message: `version ${code(a.version)} has no public URL`,
    help:
      wording === 'model'
        ? 'give the URL where this version of the rules is published; statements then name it in `decision_ground_reference_url`'
        : `add \`statement version "${a.version}" at "https://…"\`: statements and notices link to the rules in force`,
  }),
  /** `action`: the action declared with `(duration)` that the mapping gives a fixed one. */
  BL554: (a: { action: string }, wording: Wording = 'language'): Built => ({
    message: 'the action carries its own duration, which the statement uses instead',
    help: wording === 'model' ? 'remove the fixed duration from the mapping' : `${code(a.action)} is declared with \`(duration)\`, so each decision gives its own: remove \`for …\` here`,
  }),
  /** A name the mapping gives that the policy (or this version of it) lacks, with the names it has. */
  BL555: (
    a:
      | { readonly kind: 'outcome'; readonly name: string; readonly outcomes: readonly string[] }
      | { readonly kind: 'action'; readonly name: string; readonly outcome: string; readonly actions: readonly string[] }
      | { readonly kind: 'clause'; readonly name: string; readonly clauses: Iterable<string> }
      | { readonly kind: 'version'; readonly version: string; readonly versions: readonly string[] },
    wording: Wording = 'language',
  ): Built => {
    switch (a.kind) {
      case 'outcome':
        return { message: `the policy has no outcome ${code(a.name)}`, help: didYouMean(a.name, a.outcomes) ?? `the outcomes are ${codes(a.outcomes)}` };
      case 'action':
        return { message: `${code(a.name)} is not an action of outcome ${code(a.outcome)}`, help: didYouMean(a.name, a.actions) ?? `its actions are ${codes(a.actions)}` };
      case 'clause':
        return {
          message: `${wording === 'model' ? `the mapping names ${code(a.name)}, which` : code(a.name)} is not a red line or rule of the policy`,
          help: didYouMean(a.name, a.clauses) ?? "map only the policy's red lines and rules; exemptions keep the ground of the rule they exempt",
        };
      case 'version':
        return wording === 'model'
          ? { message: `the mapping gives a URL for ${code(a.version)}, which is not a version of the policy`, help: `the versions are ${codes(a.versions)}` }
          : { message: `${code(a.version)} is not a version of this policy`, help: "a `statement version` gives the URL of one version of the policy, named as in that version's `version` header" };
    }
  },
} as const;
