import { basename, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { coverage, formatPercent, renderCoverage } from '../../analysis/coverage.js';
import type { GoldenCase } from '../../cases/case-file.js';
import { describeDecision, describeExpected, runCase, type CaseOutcome, type Engine } from '../../cases/run-cases.js';
import type { PolicySet } from '../../checker/program.js';
import { loadCompiled } from '../../compiler/load.js';
import { SqlTargetError } from '../../compiler/sql/index.js';
import { decideUnknown, type DecideResult } from '../../interpreter/evaluate.js';
import { escapeUnseen } from '../../diagnostics/text.js';
import { inputDiagnostics, readCaseFiles, reportCaseFileProblems, type CaseFiles } from '../case-files.js';
import { formatOption } from '../format-option.js';
import { EXIT, UsageError, type CommandContext } from '../io.js';
import { requirePolicy } from '../policy-arg.js';
import { printDiagnostics } from '../report.js';
import { decisionTable } from '../decision-table.js';
import { renderTable } from '../table.js';

interface TestOptions {
  cases: string[];
  format: 'human' | 'github';
  table?: boolean;
  coverage?: boolean;
  minCoverage?: number;
  duckdb?: boolean;
}

export function registerTest(program: Command, ctx: CommandContext): void {
  const command = program
    .command('test')
    .description('run golden cases through the interpreter and the compiled module (and DuckDB)')
    .argument('<policy>', 'a policy file or policy set (folder)')
    .requiredOption('-c, --cases <files...>', 'case files (JSON, see docs/cli.md)')
    .option('--table', 'print every decision as a table, not only the failures')
    .option('--coverage', 'report which clauses, exemptions and contexts the cases exercised, per version')
    .option('--min-coverage <percent>', 'with --coverage: fail (exit 1) below this percentage of goals', parsePercent)
    .option('--duckdb', 'also decide every case with the SQL target in DuckDB (an optional peer dependency)');
  formatOption(command, ['human', 'github'] as const, 'human', 'diagnostics of a policy with errors as')
    .action(async (path: string, options: TestOptions) => {
      const policy = requirePolicy(ctx, path, options.format);
      if (!policy) return;
      const files = readCaseFiles(options.cases, policy, setNameOf(path));
      if (reportCaseFileProblems(ctx, files, options.format)) return;
      const { cases } = files;
      const outcomes = runCases(cases, await enginesFor(policy, cases, options.duckdb === true));
      if (options.table) ctx.out(decisionTable(outcomes));
      if (options.coverage || options.minCoverage !== undefined) reportCoverage(ctx, policy, cases, options.minCoverage);
      reportOutcomes(ctx, outcomes, { policy, files, format: options.format });
    });
}

function parsePercent(value: string): number {
  const n = Number(value.replace(/%$/, ''));
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('expected a percentage from 0 to 100');
  return n;
}

/** Clause coverage (analysis/coverage.ts), printed before the `N passed, N failed` line. */
function reportCoverage(ctx: CommandContext, policy: PolicySet, cases: readonly GoldenCase[], min: number | undefined): void {
  const result = coverage(policy, cases);
  ctx.out(renderCoverage(result, renderTable));
  if (min !== undefined && result.percent < min) {
    ctx.out(`coverage ${formatPercent(result.percent)} is below --min-coverage ${min}%`);
    ctx.exit(EXIT.failed);
  }
  ctx.out('');
}

/** The engines every case runs through: the interpreter, the compiled module, and (`duckdb`) DuckDB. */
export async function enginesFor(policy: PolicySet, cases: readonly GoldenCase[], duckdb: boolean): Promise<Engine[]> {
  const compiled = await loadCompiled(policy);
  const interpreter = interpreterEngine(policy);
  const engines: Engine[] = [interpreter, { name: 'compiled', decideUnknown: (input) => compiled.decideUnknown(input) }];
  return duckdb ? [...engines, await duckDbEngine(policy, cases, interpreter)] : engines;
}

/**
 * The interpreter, answering each input once: DuckDB's engine asks it which inputs are valid
 * before the cases run, and each case then gets the same answer instead of a second interpretation.
 */
function interpreterEngine(policy: PolicySet): Engine {
  const answers = new Map<unknown, DecideResult>();
  return {
    name: 'interpreter',
    decideUnknown(input) {
      let answer = answers.get(input);
      if (!answer) answers.set(input, (answer = decideUnknown(policy, input)));
      return answer;
    },
  };
}

/**
 * DuckDB decides the cases' valid inputs in one batch (the interpreter, asked first, reports the
 * others); the engine answers from that batch.
 */
async function duckDbEngine(policy: PolicySet, cases: readonly GoldenCase[], interpreter: Engine): Promise<Engine> {
  const { decideInDuckDb } = await import('../../replay/duckdb/cases.js');
  const inputs = cases.map((c) => c.input).filter((input) => interpreter.decideUnknown(input).ok);
  let decisions;
  try {
    decisions = await decideInDuckDb(policy, inputs);
  } catch (error) {
    if (error instanceof SqlTargetError) throw new UsageError(`--duckdb: ${error.message}`);
    throw error;
  }
  const decided = new Map(inputs.map((input, i) => [input, decisions[i]]));
  return {
    name: 'duckdb',
    decideUnknown(input) {
      const decision = decided.get(input);
      if (decision) return { ok: true, decision };
      return { ok: false, errors: [{ path: '(input)', message: decision === null ? 'DuckDB found no version in force' : 'not a valid input' }] };
    },
  };
}

/** The name a case file's `policy` field gives a policy set: its folder's (or file's) name. */
export function setNameOf(path: string): string {
  return basename(resolve(path), '.policy');
}

export function runCases(cases: readonly GoldenCase[], engines: readonly Engine[]): CaseOutcome[] {
  return cases.map((c) => runCase(c, engines));
}

/**
 * One line per failing case, then `N passed, N failed`; exit 1 on failures, 2 on invalid inputs,
 * whose problems are also printed as diagnostics at their places in the case file (BL604).
 */
export function reportOutcomes(ctx: CommandContext, outcomes: readonly CaseOutcome[], read: { policy: PolicySet; files: CaseFiles; format: 'human' | 'github' }): void {
  let passed = 0;
  // Every piece of user text (case file, policy names) is escaped on its own: a line break in a
  // quote must not start a line of the report.
  const safe = escapeUnseen; // case ids and quotes come from the case file: no control, invisible or bidi character reaches the terminal
  for (const outcome of outcomes) {
    const c = outcome.case;
    const quote = c.source?.quote ? `\n    source: ${c.source.seed ? `${safe(c.source.seed)}: ` : ''}"${safe(c.source.quote)}"` : '';
    const note = c.note ? `\n    note: ${safe(c.note)}` : '';
    switch (outcome.kind) {
      case 'passed':
        passed++;
        break;
      case 'failed':
        ctx.out(`FAIL ${safe(c.id)}: expected ${safe(describeExpected(c.expect))}, got ${safe(describeDecision(outcome.decision, c.expect))}${quote}${note}`);
        ctx.exit(EXIT.failed);
        break;
      case 'disagreement':
        ctx.out(`FAIL ${safe(c.id)}: engines disagree: ${safe(outcome.decisions.map(([name, d]) => `${name} ${describeDecision(d)}`).join(', '))}${quote}`);
        ctx.exit(EXIT.failed);
        break;
      case 'invalid':
        ctx.out(`FAIL ${safe(c.id)}: invalid input in ${safe(c.file)}:${outcome.errors.map((e) => `\n    ${e.path}: ${safe(e.message)}`).join('')}`);
        printDiagnostics(ctx, inputDiagnostics(read.policy, read.files, c, outcome.errors), read.files.sources, read.format);
        ctx.exit(EXIT.usage);
        break;
    }
  }
  ctx.out(`${passed} passed, ${outcomes.length - passed} failed`);
}
