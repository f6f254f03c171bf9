import type { Span } from '../span.js';
import { didYouMean } from '../suggest.js';
import { escapeUnseen } from '../text.js';
import { code, listOf, type Built } from './common.js';

/**
 * Golden case files (BL6xx): the files `bylaw test --cases` and `bylaw verify` read. Each
 * message starts with the case and the JSON path it is about, as the file is read
 * (`case \`c2\`: cases[2].expect.basis: …`); the span points at that place in the file.
 */

/** Which case (its id, when it has a usable one) and the JSON path (`cases[2].input`; empty for the whole file). */
export interface CaseAt {
  readonly caseId: string | null;
  readonly path: string;
}

/**
 * Which JSON text a BL601 or BL604 is about: a golden case file, or the input `bylaw decide`
 * reads (a file or standard input). The help is worded for it.
 */
export type JsonDocument = 'case-file' | 'input';

/** What the text at a JSON syntax error looks like, for the help. */
export type JsonSyntaxHint = 'bom' | 'trailing-comma' | 'comment' | 'single-quote' | 'unquoted' | 'end' | 'other';

/** A problem with the form of a case file (the contract in docs/cli.md), whatever the policy. */
export type CaseShapeProblem =
  | { readonly kind: 'not-an-object' }
  | { readonly kind: 'policy-not-string' }
  | { readonly kind: 'cases-not-array' }
  | { readonly kind: 'no-cases' }
  | { readonly kind: 'case-not-object' }
  | { readonly kind: 'missing'; readonly field: 'id' | 'input' | 'expect' }
  | { readonly kind: 'bad-id' }
  /** `first`: where the id is first used, when known. */
  | { readonly kind: 'duplicate-id'; readonly id: string; readonly first?: Span }
  | { readonly kind: 'expect-not-object' }
  | { readonly kind: 'action-not-string' }
  | { readonly kind: 'bad-basis'; readonly basis: string | null; readonly bases: readonly string[] }
  /** A key `expect` (`in: null`) or one of its outcomes does not have; `keys`: those it may have. */
  | { readonly kind: 'unknown-key'; readonly key: string; readonly keys: readonly string[]; readonly outcome: string | null }
  | { readonly kind: 'beside-outcomes'; readonly key: string }
  | { readonly kind: 'outcome-not-object' }
  | { readonly kind: 'outcome-action-not-string' }
  | { readonly kind: 'bad-duration' };

/** An expectation (or the `policy` field) the policy the file runs on can never meet. */
export type CasePolicyProblem =
  | { readonly kind: 'other-policy'; readonly named: string; readonly set: string }
  | { readonly kind: 'no-outcomes' }
  | { readonly kind: 'declares-outcomes'; readonly outcomes: readonly string[] }
  | { readonly kind: 'unknown-outcome'; readonly name: string; readonly outcomes: readonly string[] }
  | { readonly kind: 'unknown-action'; readonly action: string; readonly actions: readonly string[] }
  | { readonly kind: 'clause-not-string' }
  | { readonly kind: 'default-clause' }
  | { readonly kind: 'unknown-clause'; readonly clause: string; readonly clauses: readonly string[] }
  /** `is`: what the clause is, where the basis asks for the other kind. */
  | { readonly kind: 'wrong-clause-kind'; readonly clause: string; readonly is: 'rule' | 'red line' }
  | { readonly kind: 'exemption-not-string' }
  | { readonly kind: 'unknown-exemption'; readonly exemption: string; readonly exemptions: readonly string[] }
  | { readonly kind: 'version-not-string' }
  | { readonly kind: 'unknown-version'; readonly version: string; readonly versions: readonly string[] };

/** What the policy declares at the place of an invalid input value, for the help. */
export type InputAbout =
  /** A declared field, present (`missing: false`) or not. */
  | { readonly kind: 'field'; readonly field: string; readonly record: string; readonly type: string; readonly missing: boolean; readonly declared: Span }
  | { readonly kind: 'element'; readonly of: string; readonly type: string }
  | { readonly kind: 'unknown-field'; readonly record: string; readonly fields: readonly string[] }
  /** The date is a date, but no version is in force on it. */
  | { readonly kind: 'no-version' }
  | { readonly kind: 'input'; readonly type: string };

const where = (a: CaseAt): string => `${a.caseId === null ? '' : `case ${code(a.caseId)}: `}${a.path === '' ? '' : `${a.path}: `}`;

const CASE_FORM = '`{ "id": …, "input": …, "expect": … }`';
const EXPECT_HELP = 'the decision the case expects, as `{ "action": "remove" }` (`{ "outcomes": { … } }` for a policy that declares outcomes)';
const ID_HELP = 'an `id` is a non-empty string, unique in the file: failures are reported by it';

function shape(p: CaseShapeProblem): Built {
  switch (p.kind) {
    case 'not-an-object':
      return { message: 'expected an object with a `cases` array', help: `a case file is \`{ "policy": "NAME", "cases": [ … ] }\`, each case ${CASE_FORM}` };
    case 'policy-not-string':
      return { message: 'expected a string', help: "`policy` names the policy set the cases are for: its folder's name, as `\"twitter\"` for `policies/twitter/`" };
    case 'cases-not-array':
      return { message: 'expected an array of cases', help: `list the cases in an array, each ${CASE_FORM}` };
    case 'no-cases':
      return { message: 'no cases: a case file holds at least one', help: `add a case ${CASE_FORM}: a file that tests nothing must not pass` };
    case 'case-not-object':
      return { message: 'expected an object', help: `a case is ${CASE_FORM}` };
    case 'missing':
      return {
        message: 'missing',
        help:
          p.field === 'id'
            ? 'give the case an `id`: a non-empty string, unique in the file; failures are reported by it'
            : p.field === 'input'
              ? 'add `"input"`: the JSON the policy decides, as `bylaw decide` reads it'
              : `add \`"expect"\`: ${EXPECT_HELP}`,
      };
    case 'bad-id':
      return { message: 'expected a non-empty string', help: ID_HELP };
    case 'duplicate-id':
      return {
        message: `duplicate id ${code(p.id)}`,
        notes: p.first ? [{ message: `${code(p.id)} is first used here`, span: p.first }] : [],
        help: 'rename one of them: ids are unique within a file',
      };
    case 'expect-not-object':
      return { message: 'expected an object with at least `action`', help: `\`expect\` is ${EXPECT_HELP}` };
    case 'action-not-string':
      return {
        message: 'expected a string (or `outcomes`, for a policy that declares outcomes)',
        help: 'name the action the case expects, as `"action": "remove"`',
      };
    case 'bad-basis':
      return {
        message: `expected one of ${p.bases.join(', ')}`,
        help: (p.basis === null ? undefined : didYouMean(p.basis, p.bases)) ?? 'the basis says what decided: a `redline`, a `rule`, a rule with an `exemption`, or the `default`',
      };
    case 'unknown-key':
      return {
        message: p.outcome === null ? `unknown key (expected ${p.keys.join(', ')}, or \`outcomes\`)` : `unknown key (expected ${p.keys.join(', ')})`,
        help: didYouMean(p.key, p.outcome === null ? [...p.keys, 'outcomes'] : p.keys) ?? "only these keys are compared; write remarks in the case's `note`",
      };
    case 'beside-outcomes':
      return {
        message: 'unknown key (with `outcomes`, only `version` may be beside it)',
        help: 'put what each outcome is expected to be inside `outcomes`, as `"outcomes": { "content": { "action": "remove" } }`',
      };
    case 'outcome-not-object':
      return {
        message: 'expected an object such as `{ "action": "remove" }`',
        help: 'an outcome is expected as an object of any of `action`, `duration`, `basis`, `clause`, `exemption`, `because`',
      };
    case 'outcome-action-not-string':
      return { message: 'expected a string', help: "name an action of the outcome's scale, as `\"action\": \"remove\"`" };
    case 'bad-duration':
      return {
        message: 'expected an ISO 8601 duration with one unit, as `P3D`, `PT12H`, `P2W`, `P1M`, `P2Y`',
        help: 'write the duration as decisions do: `PT` and hours, or `P` and days, weeks, months or years',
      };
  }
}

function againstPolicy(p: CasePolicyProblem): Built {
  const quoted = (names: readonly string[]) => names.map(code).join(', ');
  switch (p.kind) {
    case 'other-policy':
      return {
        message: `the file holds cases for policy ${code(p.named)}, not for ${code(p.set)}`,
        help: `run it against the ${code(p.named)} policy set, or fix its \`policy\` field`,
      };
    case 'no-outcomes':
      return { message: 'the policy declares no outcomes', help: 'expect `action` (and `basis`, `clause`, …) directly' };
    case 'declares-outcomes':
      return {
        message: 'the policy declares outcomes',
        help: `expect \`{ "outcomes": { ${p.outcomes.map((n) => `"${n}": {…}`).join(', ')} } }\``,
      };
    case 'unknown-outcome':
      return {
        message: `the policy has no outcome ${code(p.name)} (${p.outcomes.join(', ')})`,
        help: didYouMean(p.name, p.outcomes) ?? `expect only outcomes the policy declares: ${quoted(p.outcomes)}`,
      };
    case 'unknown-action':
      return {
        message: `${code(p.action)} is not an action of the policy (${p.actions.join(', ')})`,
        help: didYouMean(p.action, p.actions) ?? 'expect one of the actions listed',
      };
    case 'clause-not-string':
      return { message: 'expected the name of a red line or rule, or null', help: 'name the red line or rule that decides, or `null` for a decision by default' };
    case 'default-clause':
      return { message: 'a decision by default has no clause', help: 'expect `null` or leave `clause` out' };
    case 'unknown-clause':
      return {
        message: `the policy has no red line or rule ${code(p.clause)}`,
        help: didYouMean(p.clause, p.clauses) ?? `name one of its red lines or rules: ${quoted(p.clauses)}`,
      };
    case 'wrong-clause-kind':
      return p.is === 'rule'
        ? { message: `${code(p.clause)} is a rule, not a red line`, help: 'expect the basis `rule` (or `exemption`), or name a red line' }
        : { message: `${code(p.clause)} is a red line, not a rule`, help: 'expect the basis `redline`, or name a rule' };
    case 'exemption-not-string':
      return { message: 'expected the name of an exemption, or null', help: 'name the exemption that applies, or `null` for none' };
    case 'unknown-exemption':
      return {
        message: `the policy has no exemption ${code(p.exemption)}`,
        help: didYouMean(p.exemption, p.exemptions) ?? (p.exemptions.length === 0 ? 'the policy has no exemption at all: expect `null`' : `name one of its exemptions: ${quoted(p.exemptions)}`),
      };
    case 'version-not-string':
      return { message: 'expected a version, as a string', help: 'a version is the `version` header of a file of the set, as a string' };
    case 'unknown-version':
      return {
        message: `the policy has no version ${code(p.version)} (${quoted(p.versions)})`,
        help: didYouMean(p.version, p.versions) ?? 'a version is the `version` header of a file of the set',
      };
  }
}

function inputHelp(a: InputAbout, doc: JsonDocument): Pick<Built, 'help' | 'notes'> {
  switch (a.kind) {
    case 'field': {
      const declared = `the policy declares ${code(a.field)} of ${code(a.record)} as ${code(a.type)}`;
      return { help: a.missing ? `add it: ${declared}` : declared, notes: [{ message: `${code(a.field)} is declared here`, span: a.declared }] };
    }
    case 'element':
      return { help: `the policy declares the elements of ${code(a.of)} as ${code(a.type)}` };
    case 'unknown-field':
      return { help: `delete it, or use a field of ${code(a.record)}: ${listOf(a.fields.map(code), 'or')}` };
    case 'no-version':
      return { help: `${doc === 'case-file' ? 'a case' : 'an input'} is decided by the version in force on its date: date it on or after the first version takes effect` };
    case 'input':
      return { help: `an input is the JSON the policy decides: a ${code(a.type)} object${doc === 'case-file' ? ', as `bylaw decide` reads it' : ''}` };
  }
}

/** A JSON file saved with a byte order mark (Windows editors write one): also said by `parseJson`'s usage errors. */
export const BOM_HELP = 'the file starts with a byte order mark (U+FEFF), which JSON does not allow; save it as UTF-8 without one';

const SYNTAX_HELP: Record<JsonSyntaxHint, string> = {
  bom: BOM_HELP,
  'trailing-comma': 'JSON allows no comma after the last item: delete the `,`',
  comment: "JSON has no comments: delete it, or write it in a case's `note`",
  'single-quote': 'JSON strings and keys are in double quotes: `"…"`',
  unquoted: 'JSON strings and keys are in double quotes: `"…"`',
  end: 'the file ends before the JSON does: close every `{` and `[` (or the file was cut short)',
  other: 'a case file is strict JSON: keys and strings in double quotes, commas between items, no comments',
};

/** For a decision input: no case file to write a note in, and it may be standard input. */
const INPUT_SYNTAX_HELP: Partial<Record<JsonSyntaxHint, string>> = {
  comment: 'JSON has no comments: delete it',
  end: 'the input ends before the JSON does: close every `{` and `[` (or it was cut short)',
  other: 'an input is strict JSON: keys and strings in double quotes, commas between items, no comments',
};

export const BL6 = {
  /** `what`: what is wrong at the place, V8's words (`unexpected token '}'`); `doc`: a case file unless said. */
  BL601: (a: { what: string; hint: JsonSyntaxHint; doc?: JsonDocument }): Built => ({
    message: `invalid JSON: ${escapeUnseen(a.what)}`,
    help: (a.doc === 'input' ? INPUT_SYNTAX_HELP[a.hint] : undefined) ?? SYNTAX_HELP[a.hint],
  }),
  BL602: (a: CaseAt & { problem: CaseShapeProblem }): Built => {
    const built = shape(a.problem);
    return { ...built, message: where(a) + built.message };
  },
  BL603: (a: CaseAt & { problem: CasePolicyProblem }): Built => {
    const built = againstPolicy(a.problem);
    return { ...built, message: where(a) + built.message };
  },
  /**
   * `problem`: what input validation says (the runtime's words); `doc`: a case file unless said
   * (`bylaw decide`'s input: no case, and the path is the input's own).
   */
  BL604: (a: CaseAt & { problem: string; about: InputAbout; doc?: JsonDocument }): Built => ({ message: where(a) + a.problem, ...inputHelp(a.about, a.doc ?? 'case-file') }),
};
