/**
 * Builds the VS Code extension in editors/vscode/ for `vsce package` (its `vscode:prepublish`):
 *
 * - dist/extension.js: extension.js with vscode-languageclient, bundled (CommonJS, as VS Code
 *   loads extensions);
 * - dist/server.js: the language server (editors/vscode/server.ts → src/lsp/) with everything it
 *   needs, prettier included (its standalone build: the extension has no node_modules), so the
 *   extension works without a `bylaw` on PATH;
 * - stdlib/ and LICENSE, copied from the repository root (the server finds stdlib/ next to it).
 *
 * `npm run package:vscode` runs `vsce package`, which runs this first.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const extension = join(root, 'editors', 'vscode');

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // VS Code 1.82 (engines.vscode) runs extensions on Node 18.
  target: 'node18',
  // Smaller downloads and a faster activation; the extension has no stack traces to read.
  minify: true,
  logLevel: 'warning',
};

rmSync(join(extension, 'dist'), { recursive: true, force: true });
await build({ ...common, entryPoints: [join(extension, 'extension.js')], outfile: join(extension, 'dist', 'extension.js'), external: ['vscode'] });
await build({
  ...common,
  entryPoints: [join(extension, 'server.ts')],
  outfile: join(extension, 'dist', 'server.js'),
  // prettier's Node entry loads its own files at run time; the standalone build is one module
  // with the same `format` and `doc` (our plugin brings the only language it needs).
  alias: { prettier: 'prettier/standalone' },
  // src/ is ES modules: in CommonJS, import.meta.url becomes the file's own URL.
  define: { 'import.meta.url': '__bylawFileUrl' },
  banner: { js: "const __bylawFileUrl = require('node:url').pathToFileURL(__filename).href;" },
});
rmSync(join(extension, 'stdlib'), { recursive: true, force: true });
cpSync(join(root, 'stdlib'), join(extension, 'stdlib'), { recursive: true });
cpSync(join(root, 'LICENSE'), join(extension, 'LICENSE'));
