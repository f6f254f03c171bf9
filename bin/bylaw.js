#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/bundle/ by `npm run build` (run by `prepare` on
// `npm ci`, and by `prepack` for the published package).
import module from 'node:module';

// Node 22.1+ caches compiled code between runs (a no-op where it does not exist, as on Node 20).
module.enableCompileCache?.();
const { run } = await import('../dist/bundle/main.js');

// `bylaw … | head`: the reader closed the pipe and wants no more output. Stop quietly, as
// Unix tools do, instead of dying on an unhandled EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  // Kept current, so that the early stop above exits with the code so far (`bylaw fmt --check | head`).
  onExitCode: (code) => (process.exitCode = code),
});
