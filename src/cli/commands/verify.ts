import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { loadPolicy } from '../../load-policy.js';
import { summarize } from '../../diagnostics/render.js';
import { formatOption } from '../format-option.js';
import { EXIT, UsageError, type CommandContext } from '../io.js';
import { printDiagnostics } from '../report.js';
import { discoverPolicySets, folderReadFailure, sortedEntries } from '../targets.js';
import { enginesFor, runCases } from './test.js';
import { inputDiagnostics, readCaseFiles, reportCaseFileProblems } from '../case-files.js';
import { decisionTable } from '../decision-table.js';

interface VerifyOptions {
  casesDir: string;
  format: 'human' | 'github';
  duckdb?: boolean;
}

/**
 * The main job (`npm start`): for every policy set under a folder, check it, compile it, run its
 * golden cases (`<cases-dir>/<set>.cases.json`) through the interpreter and the compiled module
 * (and, with `--duckdb`, the SQL target in DuckDB), and print every decision.
 */
export function registerVerify(program: Command, ctx: CommandContext): void {
  const command = program
    .command('verify')
    .description('check, compile and test every policy set in a folder, printing the decisions')
    .argument('[folder]', 'folder holding policy sets', 'policies')
    .option('--cases-dir <folder>', 'where `<set>.cases.json` files live', 'test/golden')
    .option('--duckdb', 'also decide every case with the SQL target in DuckDB (an optional peer dependency)');
  formatOption(command, ['human', 'github'] as const, 'human', 'diagnostics as')
    .action(async (folder: string, options: VerifyOptions, self: Command) => {
      if (!existsSync(folder)) throw new UsageError(`no such folder: ${folder}`);
      checkCasesDir(options.casesDir, self.getOptionValueSource('casesDir') !== 'default');
      const sets = discoverPolicySets(folder);
      if (sets.length === 0) throw new UsageError(`no policy sets in ${folder}`);
      let passed = 0;
      let failed = 0;
      for (const set of sets) {
        const name = basename(set);
        ctx.out(`\n== ${set}`);
        const loaded = loadPolicy(set);
        printDiagnostics(ctx, loaded.diagnostics, loaded.sources, options.format);
        ctx.out(`check: ${summarize(loaded.diagnostics)}`);
        if (!loaded.policy) {
          ctx.exit(EXIT.failed);
          continue;
        }
        const versions = loaded.policy.versions.map((v) => (v.effective && v.effective !== v.version ? `${v.version} (from ${v.effective})` : v.version));
        ctx.out(`versions: ${versions.join(', ')}`);
        const caseFiles = caseFilesFor(options.casesDir, name);
        const files = readCaseFiles(caseFiles, loaded.policy, name);
        // A malformed case file: its problems are reported (exit 2) and the set's cases not run.
        if (reportCaseFileProblems(ctx, files, options.format)) continue;
        const { cases } = files;
        const engines = await enginesFor(loaded.policy, cases, options.duckdb === true);
        ctx.out(`compile: ok (decisions below come from ${options.duckdb ? 'the interpreter, the compiled module and DuckDB' : 'both the interpreter and the compiled module'})`);
        if (caseFiles.length === 0) {
          ctx.out(`cases: none (add ${join(options.casesDir, `${name}.cases.json`)})`);
          continue;
        }
        const outcomes = runCases(cases, engines);
        ctx.out(decisionTable(outcomes));
        for (const o of outcomes) {
          if (o.kind !== 'invalid') continue;
          printDiagnostics(ctx, inputDiagnostics(loaded.policy, files, o.case, o.errors), files.sources, options.format);
          ctx.exit(EXIT.usage);
        }
        const ok = outcomes.filter((o) => o.kind === 'passed').length;
        passed += ok;
        failed += outcomes.length - ok;
        if (ok < outcomes.length) ctx.exit(EXIT.failed);
      }
      ctx.out(`\n${passed} passed, ${failed} failed`);
    });
}

/**
 * A `--cases-dir` that is not a folder is a usage error, a missing one too when it was given: a
 * mistyped folder in a CI step must not pass by running no case. Only the default may be absent.
 */
function checkCasesDir(folder: string, given: boolean): void {
  let stat;
  try {
    stat = statSync(folder, { throwIfNoEntry: false });
  } catch (error) {
    throw folderReadFailure(folder, error);
  }
  if (stat === undefined && given) throw new UsageError(`no such folder: ${folder} (--cases-dir)`);
  if (stat !== undefined && !stat.isDirectory()) throw new UsageError(`--cases-dir ${folder} is not a folder`);
}

function caseFilesFor(folder: string, name: string): string[] {
  if (!existsSync(folder)) return [];
  return sortedEntries(folder)
    .map((entry) => entry.name)
    .filter((f) => f === `${name}.cases.json` || (f.startsWith(`${name}.`) && f.endsWith('.cases.json')))
    .map((f) => join(folder, f));
}
