import type { PolicySet } from '../checker/program.js';
import { loadPolicy } from '../load-policy.js';
import { EXIT, UsageError, type CommandContext } from './io.js';
import { printDiagnostics, type ErrorFormat } from './report.js';
import { policyPathKind } from './targets.js';

/**
 * Loads the policy named on the command line. A missing or unreadable path or a module (nothing to decide
 * with) is a usage error (2); a policy with errors prints them, its warnings too, and is a policy
 * failure (1). Warnings alone are not shown (`bylaw check` shows them): the check looks for
 * them only when there is an error to print them with (start-up, docs/performance.md).
 */
export function requirePolicy(ctx: CommandContext, path: string, format: ErrorFormat = 'human'): PolicySet | null {
  policyPathKind(path); // a missing, unreadable or special path is a usage error
  let loaded = loadPolicy(path, { warnings: false });
  if (!loaded.policy && !loaded.library) loaded = loadPolicy(path);
  if (loaded.library) {
    // `check` rightly finds nothing wrong with a module; the commands that decide need a policy.
    throw new UsageError(
      `${path} is a module, not a policy: it declares no \`input\`, clause or \`default\`; give a policy file or a policy set (a folder of version files) that \`use\`s it`,
    );
  }
  if (!loaded.policy) {
    printDiagnostics(ctx, loaded.diagnostics, loaded.sources, format);
    ctx.err(`error: ${path} has errors; fix them first (run \`bylaw check ${path}\`)`);
    ctx.exit(EXIT.failed);
    return null;
  }
  return loaded.policy;
}
