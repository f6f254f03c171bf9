import type { Command } from 'commander';
import type { CommandContext } from '../io.js';
import { registerCheck } from './check.js';
import { registerCompile } from './compile.js';
import { registerDecide } from './decide.js';
import { registerDiff } from './diff.js';
import { registerFmt } from './fmt.js';
import { registerLsp } from './lsp.js';
import { registerReplay } from './replay.js';
import { registerTest } from './test.js';
import { registerVerify } from './verify.js';

/** One line per command; each lives in its own file and registers itself on the program. */
export function registerCommands(program: Command, ctx: CommandContext): void {
  registerCheck(program, ctx);
  registerCompile(program, ctx);
  registerDecide(program, ctx);
  registerDiff(program, ctx);
  registerFmt(program, ctx);
  registerLsp(program, ctx);
  registerReplay(program, ctx);
  registerTest(program, ctx);
  registerVerify(program, ctx);
}
