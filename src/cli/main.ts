import { Command, CommanderError } from 'commander';
import { EXIT, UsageError, type CommandContext, type ExitCode, type Io } from './io.js';
import { registerCommands } from './commands/index.js';
import { missingPeerError } from './peers.js';

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit code.
 * The only place that decides an exit code; library code never exits.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code: ExitCode = EXIT.ok;
  const ctx: CommandContext = {
    io,
    exit(next) {
      if (next <= code) return;
      code = next;
      io.onExitCode?.(code);
    },
    out: (line) => io.stdout.write(`${line}\n`),
    err: (line) => io.stderr.write(`${line}\n`),
  };
  const program = new Command('bylaw')
    .description('Bylaw: policy-as-code for platform rules')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run `bylaw --help` for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  try {
    await registerCommands(program, ctx, argv);
    for (const command of program.commands) command.exitOverride();
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with code 0; usage mistakes with 1 → ours is 2.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const usage = error instanceof UsageError ? error : missingPeerError(error);
    if (usage) {
      ctx.err(`error: ${usage.message}`);
      return usage.exitCode;
    }
    ctx.err(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    ctx.err('this is a bug in bylaw; please report it with the command you ran');
    if (process.env['BYLAW_DEBUG'] && error instanceof Error) ctx.err(error.stack ?? '');
    return EXIT.internal;
  }
  return code;
}

const VERSION = '0.1.0';
