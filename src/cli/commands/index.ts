import type { Command } from 'commander';
import type { CommandContext } from '../io.js';

/** One line per command; each lives in its own file and registers itself on the program. */
export function registerCommands(program: Command, ctx: CommandContext): void {
  void program;
  void ctx;
}
