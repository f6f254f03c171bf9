import type { Command } from 'commander';
import { UsageError, type CommandContext } from '../io.js';

/** `bylaw lsp`: the language server, speaking LSP over stdin and stdout until the client exits. */
export function registerLsp(program: Command, ctx: CommandContext): void {
  program
    .command('lsp')
    .description('run the language server (LSP) over stdin and stdout, for editors')
    .option('--stdio', 'talk over stdin and stdout (the default; accepted for editors that pass it)')
    .allowUnknownOption()
    .action(async () => {
      const output = ctx.io.stdout as unknown as NodeJS.WritableStream;
      if (typeof (output as { on?: unknown }).on !== 'function') throw new UsageError('`bylaw lsp` needs a real stdout stream');
      // Loaded here so that the other commands do not pay for the server's modules.
      // `.default`: the CommonJS module's exports, under Node and in the bundled CLI alike (esbuild
      // gives a dynamically imported CommonJS module no named exports).
      const [{ default: lsp }, { startServer }] = await Promise.all([import('vscode-languageserver/node'), import('../../lsp/server.js')]);
      const { createConnection, ProposedFeatures } = lsp;
      // stdout carries the protocol: anything else printed there would corrupt it.
      const toStderr = (...args: unknown[]) => void ctx.io.stderr.write(`${args.map(String).join(' ')}\n`);
      console.log = toStderr;
      console.info = toStderr;
      console.warn = toStderr;
      console.debug = toStderr;
      const connection = createConnection(ProposedFeatures.all, ctx.io.stdin, output);
      startServer(connection);
      // The `exit` notification ends the process (the protocol library calls process.exit).
      await new Promise<void>((resolve) => connection.onExit(() => resolve()));
    });
}
