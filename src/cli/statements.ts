import { existsSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { OutputFile } from '../atomic-write.js';
import type { PolicySet } from '../checker/program.js';
import { loadCompiled } from '../compiler/load.js';
import { exportMappingOf, noticeOfReasons, statementOfReasons } from '../interpreter/statements.js';
import type { Notice } from '../statements/notice.js';
import type { Statement } from '../statements/build.js';
import { checkDeployment, type Deployment, type StatementFacts } from '../statements/deployment.js';
import { factsFromInput } from '../statements/input-facts.js';
import { StatementError, type Problem } from '../statements/problems.js';
import type { AnyDecision } from '../statements/decision.js';
import { escapeUnseen } from '../diagnostics/text.js';
import { readFailureMessage } from '../file-errors.js';
import { checkOutputPath, MAX_INPUT_BYTES, MAX_INPUT_SHOWN, readTextFile, writeFailure } from './files.js';
import { EXIT, UsageError, type CommandContext } from './io.js';
import { parseJson } from './read-json.js';
import { Buffers, LineTooLong, readChunks } from '../replay/read.js';
import { SHOWN_ERRORS } from './replay-report.js';

/**
 * Statements of reasons on the command line: `bylaw decide --statement-of-reasons` and
 * `bylaw replay --statements FILE.jsonl`, from the policy's `statement` declarations and the
 * platform's deployment config (docs/statements-of-reasons.md).
 */

/** The file a policy folder may keep its deployment config in, used when `--deployment` is not given. */
export const DEPLOYMENT_FILE = 'deployment.json';

/** The deployment config: `--deployment FILE`, else `deployment.json` beside the policy; a usage error when there is none or it is invalid. */
export function readDeployment(path: string | undefined, policy: PolicySet): Deployment {
  const file = path ?? join(policy.root.endsWith('.policy') ? dirname(policy.root) : policy.root, DEPLOYMENT_FILE);
  if (path === undefined && !existsSync(file)) {
    throw new UsageError(
      `a statement of reasons needs the platform's deployment config: give \`--deployment FILE\`, or keep it in ${file}\n` +
        '  help: it holds what a decision does not know: the content type, the source, the automation, the PUID prefix (docs/statements-of-reasons.md)',
    );
  }
  const { value } = parseJson(readTextFile(file), file);
  const problems = checkDeployment(value);
  if (problems.length > 0) {
    throw new UsageError([`${file} is not a valid deployment config:`, ...problems.map((p) => `  ${p.path === '' ? '(the file)' : p.path}: ${p.message} (${p.help})`)].join('\n'));
  }
  return value as Deployment;
}

/** The statement for one decided input (null: it restricts nothing); a usage error when none can be built. */
export function statementForInput(policy: PolicySet, input: unknown, decision: AnyDecision, deployment: Deployment): Statement | null {
  const built = build(policy, input, decision, deployment);
  if ('problem' in built) throw new UsageError(`no statement of reasons: ${built.problem.message}\n  help: ${built.problem.help}`);
  return built.statement;
}

/** The notice for one decided input (null: it restricts nothing); a usage error when none can be built, as for its statement. */
export function noticeForInput(policy: PolicySet, input: unknown, decision: AnyDecision, deployment: Deployment): Notice | null {
  try {
    exportMappingOf(policy, decision.version);
    return noticeOfReasons(policy, decision, factsFromInput(input, policy.dateField, deployment), deployment);
  } catch (error) {
    if (error instanceof StatementError) throw new UsageError(`no notice: ${error.problem.message}\n  help: ${error.problem.help}`);
    throw error;
  }
}

/**
 * Builds a statement of a decision of `policy`: the interpreter's, or the compiled module's (the
 * same code, with its own StatementError class).
 */
interface Builder {
  readonly statement: (decision: AnyDecision, facts: StatementFacts, deployment: Deployment) => Statement | null;
  readonly StatementError: new (problem: Problem) => Error & { readonly problem: Problem };
}

function build(
  policy: PolicySet,
  input: unknown,
  decision: AnyDecision,
  deployment: Deployment,
  lineId?: string,
  builder: Builder = { statement: (d, facts, dep) => statementOfReasons(policy, d, facts, dep), StatementError },
): { statement: Statement | null } | { problem: Problem } {
  try {
    exportMappingOf(policy, decision.version); // a policy without a mapping is the first thing to say
    return { statement: builder.statement(decision, factsFromInput(input, policy.dateField, deployment, lineId), deployment) };
  } catch (error) {
    // factsFromInput throws the interpreter's StatementError, the compiled module its own.
    if (error instanceof StatementError || error instanceof builder.StatementError) return { problem: error.problem };
    throw error;
  }
}

export interface ReplayStatementOptions {
  readonly input: string;
  readonly statements: string;
  readonly deployment?: string;
  readonly output?: string;
}

/**
 * `replay --statements`: decides every line of the input with the compiled module (over twice as
 * fast as the interpreter here, deciding and building included: bench/statements/build.ts) and writes the
 * statement of each decision that restricts something, one per line, in input order. Lines that
 * are not valid inputs are the replay's to report; a statement that cannot be built (a date out
 * of the database's range, a repeated PUID) is listed on stderr and fails the command (exit 1):
 * the file would lack it.
 */
export async function replayStatements(ctx: CommandContext, policy: PolicySet, options: ReplayStatementOptions): Promise<void> {
  const deployment = readDeployment(options.deployment, policy);
  checkOutputPath(options.statements, [options.input, ...(options.output !== undefined ? [options.output] : []), ...policy.sources.keys()], `\`--statements ${options.statements}\``);
  const declaresId = policy.versions.some((v) => v.inputType.fields.some((f) => f.name === 'id'));
  const compiled = await loadCompiled(policy);
  // A policy without `statement` declarations compiles without them: the interpreter's then says why.
  const builder: Builder =
    compiled.statementOfReasons && compiled.StatementError
      ? { statement: compiled.statementOfReasons, StatementError: compiled.StatementError }
      : { statement: (d, facts, dep) => statementOfReasons(policy, d, facts, dep), StatementError };
  let file: FileHandle;
  try {
    file = await open(options.input, 'r');
  } catch (error) {
    throw new UsageError(readFailureMessage(options.input, error));
  }
  let output: OutputFile;
  try {
    output = await OutputFile.create(options.statements);
  } catch (error) {
    await file.close();
    throw writeFailure(options.statements, error);
  }
  const puids = new Map<string, number>();
  let line = 0;
  let written = 0;
  let failed = 0;
  const problem = (message: string) => {
    if (failed++ < SHOWN_ERRORS) ctx.err(escapeUnseen(`${options.input}:${line}: no statement of reasons: ${message}`));
  };
  try {
    const size = 1 << 20;
    for await (const chunk of readChunks(file, size, new Buffers(size * 2), MAX_INPUT_BYTES)) {
      const lines = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8').split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      const out: string[] = [];
      for (const text of lines) {
        line++;
        let input: unknown;
        try {
          input = JSON.parse(text);
        } catch {
          continue;
        }
        if (typeof input !== 'object' || input === null || Array.isArray(input)) continue;
        let id: string | undefined;
        if (!declaresId && Object.prototype.hasOwnProperty.call(input, 'id')) {
          const { id: given, ...rest } = input as Record<string, unknown>;
          if (typeof given === 'string' || typeof given === 'number') id = String(given);
          input = rest;
        }
        const result = compiled.decideUnknown(input);
        if (!result.ok) continue;
        const built = build(policy, input, result.decision, deployment, id, builder);
        if ('problem' in built) {
          problem(`${built.problem.message} (help: ${built.problem.help})`);
          continue;
        }
        if (built.statement === null) continue;
        const puid = String(built.statement.puid);
        const first = puids.get(puid);
        if (first !== undefined) {
          problem(`its PUID \`${puid}\` is line ${first}'s too (help: the database takes each PUID once: give each decision its own id)`);
          continue;
        }
        puids.set(puid, line);
        out.push(`${JSON.stringify(built.statement)}\n`);
      }
      if (out.length > 0) await output.write(Buffer.from(out.join('')));
      written += out.length;
    }
    await output.commit();
  } catch (error) {
    await output.abort();
    if (error instanceof LineTooLong) throw new UsageError(`${options.input}:${line + 1}: line longer than ${MAX_INPUT_SHOWN} (the most one line may hold)`);
    throw error instanceof UsageError || !isSystemError(error) ? error : writeFailure(options.statements, error);
  } finally {
    await file.close();
  }
  if (failed > SHOWN_ERRORS) ctx.err(`… and ${failed - SHOWN_ERRORS} more statements that could not be built`);
  ctx.out(`statements of reasons: ${written.toLocaleString('en-US')} written to ${options.statements}${failed > 0 ? `, ${failed.toLocaleString('en-US')} could not be built (listed on stderr)` : ''}`);
  if (failed > 0) ctx.exit(EXIT.failed);
}

function isSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
