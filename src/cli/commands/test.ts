import { InvalidArgumentError, type Command } from 'commander';
import { coverage, formatPercent, renderCoverage } from '../../analysis/coverage.js';
import { readCaseFile, type GoldenCase } from '../../cases/case-file.js';
import { describeDecision, describeExpected, runCase, type CaseOutcome, type Engine } from '../../cases/run-cases.js';
import type { PolicySet } from '../../checker/program.js';
import { loadCompiled } from '../../compiler/load.js';
import { decideUnknown } from '../../interpreter/evaluate.js';
import { parseJson, readTextFile } from '../files.js';
import { formatOption } from '../format-option.js';
import { EXIT, UsageError, type CommandContext } from '../io.js';
import { requirePolicy } from '../policy-arg.js';
import { decisionTable } from '../decision-table.js';
import { renderTable } from '../table.js';

interface TestOptions {
  cases: string[];
  format: 'human' | 'github';
  table?: boolean;
  coverage?: boolean;
  minCoverage?: number;
}

export function registerTest(program: Command, ctx: CommandContext): void {
  const command = program
    .command('test')
    .description('run golden cases through the interpreter and the compiled module')
    .argument('<policy>', 'a policy file or policy set (folder)')
    .requiredOption('-c, --cases <files...>', 'case files (JSON, see docs/cli.md)')
    .option('--table', 'print every decision as a table, not only the failures')
    .option('--coverage', 'report which clauses, exemptions and contexts the cases exercised, per version')
    .option('--min-coverage <percent>', 'with --coverage: fail (exit 1) below this percentage of goals', parsePercent);
  formatOption(command, ['human', 'github'] as const, 'human', 'diagnostics of a policy with errors as')
    .action(async (path: string, options: TestOptions) => {
      const cases = readCases(options.cases);
      const policy = requirePolicy(ctx, path, options.format);
      if (!policy) return;
      const outcomes = runCases(cases, await enginesFor(policy));
      if (options.table) ctx.out(decisionTable(outcomes));
      if (options.coverage || options.minCoverage !== undefined) reportCoverage(ctx, policy, cases, options.minCoverage);
      reportOutcomes(ctx, outcomes);
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

export async function enginesFor(policy: PolicySet): Promise<Engine[]> {
  const compiled = await loadCompiled(policy);
  return [
    { name: 'interpreter', decideUnknown: (input) => decideUnknown(policy, input) },
    { name: 'compiled', decideUnknown: (input) => compiled.decideUnknown(input) },
  ];
}

/** Reads and checks every case file; any structural problem is a usage error listing them all. */
export function readCases(files: readonly string[]): GoldenCase[] {
  const cases: GoldenCase[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const result = readCaseFile(parseJson(readTextFile(file), file), file);
    for (const p of result.problems) problems.push(`${p.file}: ${p.caseId ? `case \`${p.caseId}\`: ` : ''}${p.path}: ${p.message}`);
    if (result.file) cases.push(...result.file.cases);
  }
  if (problems.length > 0) throw new UsageError(`malformed case file:\n  ${problems.join('\n  ')}`);
  return cases;
}

export function runCases(cases: readonly GoldenCase[], engines: readonly Engine[]): CaseOutcome[] {
  return cases.map((c) => runCase(c, engines));
}

/** One line per failing case, then `N passed, N failed`; exit 1 on failures, 2 on invalid inputs. */
export function reportOutcomes(ctx: CommandContext, outcomes: readonly CaseOutcome[]): void {
  let passed = 0;
  for (const outcome of outcomes) {
    const c = outcome.case;
    const quote = c.source?.quote ? `\n    source: ${c.source.seed ? `${c.source.seed}: ` : ''}"${c.source.quote}"` : '';
    const note = c.note ? `\n    note: ${c.note}` : '';
    switch (outcome.kind) {
      case 'passed':
        passed++;
        break;
      case 'failed':
        ctx.out(`FAIL ${c.id}: expected ${describeExpected(c.expect)}, got ${describeDecision(outcome.decision)}${quote}${note}`);
        ctx.exit(EXIT.failed);
        break;
      case 'disagreement':
        ctx.out(`FAIL ${c.id}: engines disagree: ${outcome.decisions.map(([name, d]) => `${name} ${describeDecision(d)}`).join(', ')}${quote}`);
        ctx.exit(EXIT.failed);
        break;
      case 'invalid':
        ctx.out(`FAIL ${c.id}: invalid input in ${c.file}:${outcome.errors.map((e) => `\n    ${e.path}: ${e.message}`).join('')}`);
        ctx.exit(EXIT.usage);
        break;
    }
  }
  ctx.out(`${passed} passed, ${outcomes.length - passed} failed`);
}
