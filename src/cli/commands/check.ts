import type { Command } from 'commander';
import { loadPolicy } from '../../load-policy.js';
import { uniqueDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { EXIT, type CommandContext } from '../io.js';
import { formatOption } from '../format-option.js';
import { ERROR_FORMATS, printDiagnostics, summarize, type ErrorFormat } from '../report.js';
import { discoverTargets } from '../targets.js';

export function registerCheck(program: Command, ctx: CommandContext): void {
  const command = program
    .command('check')
    .description('parse and type-check policies; exit 1 on errors')
    .argument('<paths...>', 'policy files, policy sets (folders) or folders holding them');
  formatOption(command, ERROR_FORMATS, 'human', 'diagnostics as', { errorFormat: true })
    .option('--deny-warnings', 'treat warnings as errors (exit 1)')
    .action((paths: string[], options: { format: ErrorFormat; denyWarnings?: boolean }) => {
      const targets = discoverTargets(paths);
      const diagnostics: Diagnostic[] = [];
      const sources = new Map<string, string>();
      for (const target of targets) {
        const result = loadPolicy(target);
        diagnostics.push(...result.diagnostics);
        for (const [file, text] of result.sources) sources.set(file, text);
      }
      // A module shared by several targets reports each problem once.
      const unique = uniqueDiagnostics(diagnostics);
      printDiagnostics(ctx, unique, sources, options.format);
      const errors = unique.some((d) => d.severity === 'error' || (options.denyWarnings && d.severity === 'warning'));
      if (options.format !== 'json') {
        const noun = targets.length === 1 ? 'policy' : 'policies';
        ctx.err(`checked ${targets.length} ${noun}: ${summarize(unique)}`);
      }
      ctx.exit(errors ? EXIT.failed : EXIT.ok);
    });
}
