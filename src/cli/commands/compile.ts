import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { writeFileAtomic } from '../../atomic-write.js';
import { generate, type Target } from '../../compiler/index.js';
import { generateSql, isDialectName, type DialectName } from '../../compiler/sql/index.js';
import { systemReason } from '../../file-errors.js';
import { checkOutputPath, makeDirectory, writeFailure } from '../files.js';
import { EXIT, UsageError, type CommandContext } from '../io.js';
import { requirePolicy } from '../policy-arg.js';
import { formatOption } from '../format-option.js';
import { ERROR_FORMATS, type ErrorFormat } from '../report.js';

interface CompileOptions {
  out: string;
  target: Target | 'sql';
  dialect: DialectName;
  table: string;
  format: ErrorFormat;
}

function parseTarget(value: string): Target | 'sql' {
  if (value === 'ts' || value === 'js' || value === 'sql') return value;
  throw new InvalidArgumentError(`unknown target \`${value}\` (use ts, js or sql)`);
}

function parseDialect(value: string): DialectName {
  if (isDialectName(value)) return value;
  throw new InvalidArgumentError(`unknown dialect \`${value}\` (use duckdb, spark or trino)`);
}

/** The SQL target (docs/sql.md): one file, `<table>_decisions.sql`, creating the decision view. */
function sqlFiles(policy: Parameters<typeof generateSql>[0], options: CompileOptions): { path: string; text: string }[] {
  try {
    const text = generateSql(policy, { dialect: options.dialect, table: options.table });
    return [{ path: `${options.table.split('.').pop()!}_decisions.sql`, text }];
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * `index.js` is an ES module, and Node reads a `.js` file as CommonJS when the nearest
 * `package.json` says `"type": "commonjs"` (what `npm init -y` writes) or nothing: importing it
 * then fails with a SyntaxError. A `package.json` beside it, saying `"type": "module"`, settles
 * that wherever the folder is. One the user keeps there is never replaced: if it says otherwise,
 * a warning.
 */
function moduleMarker(out: string): { kind: 'write'; file: { path: string; text: string } } | { kind: 'warn'; warning: string } | null {
  const path = join(out, 'package.json');
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { kind: 'write', file: { path, text: '{ "type": "module" }\n' } };
  }
  let type: unknown;
  try {
    type = (JSON.parse(text) as { type?: unknown } | null)?.type;
  } catch {
    type = undefined;
  }
  if (type === 'module') return null;
  return {
    kind: 'warn',
    warning: `warning: ${path} does not say "type": "module", so Node loads ${join(out, 'index.js')} as CommonJS and cannot import it; add "type": "module" to it, or compile into a folder of its own`,
  };
}

export function registerCompile(program: Command, ctx: CommandContext): void {
  const command = program
    .command('compile')
    .description('compile a policy (file or set) to a dependency-free TypeScript or JavaScript module')
    .argument('<policy>', 'a policy file or policy set (folder)')
    .requiredOption('-o, --out <dir>', 'the folder to write the module to (created if missing)')
    .option('--target <target>', 'ts (index.ts), js (index.js, index.d.ts and a package.json saying module) or sql (a decision view)', parseTarget, 'ts' as Target)
    .option('--dialect <dialect>', 'with --target sql: duckdb, spark or trino', parseDialect, 'duckdb' as DialectName)
    .option('--table <name>', 'with --target sql: the table of inputs (maybe schema-qualified)', 'posts');
  formatOption(command, ERROR_FORMATS, 'human', 'diagnostics as', { errorFormat: true })
    .action((path: string, options: CompileOptions, self: Command) => {
      // Ignored silently they would write a TypeScript module to someone who asked for Spark SQL.
      for (const option of ['dialect', 'table'] as const) {
        if (options.target !== 'sql' && self.getOptionValueSource(option) === 'cli') {
          throw new UsageError(`--${option} applies to --target sql only (the target is ${options.target})`);
        }
      }
      const policy = requirePolicy(ctx, path, options.format);
      if (!policy) return;
      const files = options.target === 'sql' ? sqlFiles(policy, options) : generate(policy, { target: options.target }).files;
      const targets = files.map((file) => ({ path: join(options.out, file.path), text: file.text }));
      const marker = options.target === 'js' ? moduleMarker(options.out) : null;
      if (marker?.kind === 'write') targets.push(marker.file);
      // Before anything is written: no output replaces a policy file (one named `index.ts`, say).
      for (const target of targets) {
        checkOutputPath(target.path, policy.sources.keys(), `\`${target.path}\`, written by \`-o ${options.out}\`,`, 'compile to another folder');
      }
      try {
        makeDirectory(options.out);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(`cannot create ${options.out}: ${code === 'EEXIST' ? 'a file of that name is in the way' : systemReason(error)}`);
      }
      for (const target of targets) {
        try {
          writeFileAtomic(target.path, target.text);
        } catch (error) {
          throw writeFailure(target.path, error);
        }
        ctx.out(`wrote ${target.path}`);
      }
      if (marker?.kind === 'warn') ctx.err(marker.warning);
      const versions = policy.versions.length;
      ctx.err(`compiled ${policy.name} (${versions} ${versions === 1 ? 'version' : 'versions'})`);
      ctx.exit(EXIT.ok);
    });
}
