/**
 * Compiles a policy set to JavaScript and imports it, for tools that run the compiled module
 * next to the interpreter (`bylaw test`, the differential tests). The module is written to
 * `os.tmpdir()/bylaw-<sha256 of its text>.mjs`: the same policy reuses the same file (and
 * Node's module cache), a changed policy gets a new one.
 */
import type { PolicySet } from '../checker/program.js';
import type { AnyDecision } from '../semantics/decision.js';
import type { Explanation } from '../semantics/explanation.js';
import type { InputProblem, Validation } from '../semantics/validate.js';
import type { Statement } from '../runtime/statement-build.js';
import type { Deployment, StatementFacts } from '../runtime/statement-deployment.js';
import type { StatementIssue } from '../runtime/statement-errors.js';
import type { Notice } from '../runtime/statement-notice.js';
import { generate, type GenerateOptions } from './index.js';
import { writeModuleFile } from '../module-file.js';

export type CompiledDecideResult = { readonly ok: true; readonly decision: AnyDecision } | { readonly ok: false; readonly errors: readonly InputProblem[] };

/**
 * What a generated module exports (its own types are narrower; these are what tools need). A
 * version with declared outcomes decides `{ version, outcomes }`; a Bylaw 1 version the flat shape.
 */
export interface CompiledModule {
  /** Trusted, typed input: no validation. Throws NoVersionInForceError for an input dated too early. */
  decide(input: unknown): AnyDecision;
  /** Validates first; throws InvalidInputError or NoVersionInForceError. */
  explain(input: unknown): Explanation;
  validate(input: unknown): Validation<Record<string, unknown>>;
  /** Validates, then decides; never throws. */
  decideUnknown(input: unknown): CompiledDecideResult;
  readonly VERSIONS: readonly {
    readonly version: string;
    readonly effective: string | null;
    readonly source: string | null;
    readonly file: string;
  }[];
  readonly NoVersionInForceError: new (date: string, firstEffective: string) => Error & { readonly date: string; readonly firstEffective: string };
  readonly InvalidInputError: new (errors: readonly InputProblem[]) => Error & { readonly errors: readonly InputProblem[] };
  /** Only when a version of the policy has `statement` declarations. */
  readonly statementOfReasons?: (decision: AnyDecision, facts: StatementFacts, deployment: Deployment) => Statement | null;
  readonly noticeOfReasons?: (decision: AnyDecision, facts: StatementFacts, deployment: Deployment) => Notice | null;
  readonly StatementError?: new (problem: StatementIssue) => Error & { readonly problem: StatementIssue };
}

/** Code generation options other than the target (tests chunk small policies' decide). */
export type LoadOptions = Omit<GenerateOptions, 'target'>;

/** The JavaScript module for a set, as text (what `loadCompiled` imports). */
export function compiledJavaScript(set: PolicySet, options: LoadOptions = {}): string {
  return generate(set, { ...options, target: 'js' }).files.find((f) => f.path === 'index.js')!.text;
}

export async function loadCompiled(set: PolicySet, options: LoadOptions = {}): Promise<CompiledModule> {
  return importCompiled(compiledJavaScript(set, options));
}

/** Imports a generated module's text (written once per distinct text, as `loadCompiled`). */
export async function importCompiled(text: string): Promise<CompiledModule> {
  return (await import(writeModuleFile(text))) as CompiledModule;
}

