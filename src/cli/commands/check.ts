import type { Command } from 'commander';
import { loadPolicy } from '../../load-policy.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { EXIT, type CommandContext } from '../io.js';
import { parseErrorFormat, printDiagnostics, summarize, type ErrorFormat } from '../report.js';
import { discoverTargets } from '../targets.js';

export function registerCheck(program: Command, ctx: CommandContext): void {
  program
    .command('check')
    .description('parse and type-check policies; exit 1 on errors')
    .argument('<paths...>', 'policy files, policy sets (folders) or folders holding them')
    .option('--error-format <format>', 'human or json', parseErrorFormat, 'human')
    .option('--deny-warnings', 'treat warnings as errors (exit 1)')
    .action((paths: string[], options: { errorFormat: ErrorFormat; denyWarnings?: boolean }) => {
      const targets = discoverTargets(paths);
      const diagnostics: Diagnostic[] = [];
      const sources = new Map<string, string>();
      for (const target of targets) {
        const result = loadPolicy(target);
        diagnostics.push(...result.diagnostics);
        for (const [file, text] of result.sources) sources.set(file, text);
      }
      const unique = dedupe(diagnostics);
      printDiagnostics(ctx, unique, sources, options.errorFormat);
      const errors = unique.some((d) => d.severity === 'error' || (options.denyWarnings && d.severity === 'warning'));
      if (options.errorFormat === 'human') {
        const noun = targets.length === 1 ? 'policy' : 'policies';
        ctx.err(`checked ${targets.length} ${noun}: ${summarize(unique)}`);
      }
      ctx.exit(errors ? EXIT.failed : EXIT.ok);
    });
}

/** A module shared by several targets reports each problem once. */
function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}|${d.span.file}|${d.span.start.offset}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
