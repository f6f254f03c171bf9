import type { Command } from 'commander';
import type { CommandContext } from '../io.js';

type Register = (program: Command, ctx: CommandContext) => void;

/**
 * Each command lives in its own file and registers itself on the program. They are imported on
 * demand: a run loads only its own command's modules (`bylaw decide` never loads prettier or the
 * language server, `--version` loads none), which is most of the CLI's start-up time.
 * In the order `bylaw --help` lists them.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  check: async () => (await import('./check.js')).registerCheck,
  compile: async () => (await import('./compile.js')).registerCompile,
  decide: async () => (await import('./decide.js')).registerDecide,
  diff: async () => (await import('./diff.js')).registerDiff,
  fmt: async () => (await import('./fmt.js')).registerFmt,
  lsp: async () => (await import('./lsp.js')).registerLsp,
  replay: async () => (await import('./replay.js')).registerReplay,
  test: async () => (await import('./test.js')).registerTest,
  verify: async () => (await import('./verify.js')).registerVerify,
};

/**
 * Registers the commands `argv` needs: the one it names, none for a bare `--version`, and all of
 * them otherwise (`--help`, no command, an unknown one: commander lists them or suggests one).
 * The program's own options (`-V`, `-h`) take no value, so the first argument that is not an
 * option is the command.
 */
export async function registerCommands(program: Command, ctx: CommandContext, argv: readonly string[]): Promise<void> {
  const first = argv.find((arg) => !arg.startsWith('-'));
  let names: string[];
  if (first !== undefined && Object.hasOwn(COMMANDS, first)) names = [first];
  else if (first === undefined && argv.some((a) => a === '-V' || a === '--version') && !argv.some((a) => a === '-h' || a === '--help')) names = [];
  else names = Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((name) => COMMANDS[name]!()));
  for (const register of registers) register(program, ctx);
}
