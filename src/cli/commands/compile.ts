import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { generate, type Target } from '../../compiler/index.js';
import { EXIT, UsageError, type CommandContext } from '../io.js';
import { requirePolicy } from '../policy-arg.js';
import { parseErrorFormat, type ErrorFormat } from '../report.js';

interface CompileOptions {
  out: string;
  target: Target;
  errorFormat: ErrorFormat;
}

function parseTarget(value: string): Target {
  if (value === 'ts' || value === 'js') return value;
  throw new InvalidArgumentError(`unknown target \`${value}\` (use ts or js)`);
}

export function registerCompile(program: Command, ctx: CommandContext): void {
  program
    .command('compile')
    .description('compile a policy (file or set) to a dependency-free TypeScript or JavaScript module')
    .argument('<policy>', 'a policy file or policy set (folder)')
    .requiredOption('-o, --out <dir>', 'the folder to write the module to (created if missing)')
    .option('--target <target>', 'ts (index.ts) or js (index.js and index.d.ts)', parseTarget, 'ts' as Target)
    .option('--error-format <format>', 'human or json', parseErrorFormat, 'human')
    .action((path: string, options: CompileOptions) => {
      const policy = requirePolicy(ctx, path, options.errorFormat);
      if (!policy) return;
      const { files } = generate(policy, { target: options.target });
      try {
        mkdirSync(options.out, { recursive: true });
      } catch (error) {
        throw new UsageError(`cannot create ${options.out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      for (const file of files) {
        const target = join(options.out, file.path);
        try {
          writeFileSync(target, file.text, 'utf8');
        } catch (error) {
          throw new UsageError(`cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
        }
        ctx.out(`wrote ${target}`);
      }
      const versions = policy.versions.length;
      ctx.err(`compiled ${policy.name} (${versions} ${versions === 1 ? 'version' : 'versions'})`);
      ctx.exit(EXIT.ok);
    });
}
