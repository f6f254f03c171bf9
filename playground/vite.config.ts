import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { tokenData } from './token-data.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/** `virtual:bylaw-tokens`: the lexer's token list as data (token-data.ts), for the highlighter. */
function bylawTokens(): Plugin {
  const id = 'virtual:bylaw-tokens';
  const data = tokenData();
  const names = { KEYWORDS: data.keywords, TOKENS: data.tokens, WORDS: data.words, DECLARATIONS: data.declarations, CONTEXTUAL: data.contextual, UNITS: data.units };
  const code = Object.entries(names).map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};\n`).join('');
  return {
    name: 'bylaw-tokens',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (loaded) => (loaded === `\0${id}` ? code : null),
  };
}

export default defineConfig({
  root: here,
  // Relative URLs: the built site works from any folder of any static host.
  base: './',
  plugins: [bylawTokens()],
  resolve: {
    // The loader's path algebra (`node:path`) on the page: POSIX paths over the in-memory tree.
    // (The PUID's SHA-256 is written out in src/runtime/statement-puid.ts: no `node:crypto`.)
    alias: { 'node:path': 'pathe' },
  },
  // One file for the worker: the formatter loads prettier on first use (src/format/format.ts), which
  // would otherwise be a chunk fetched after load — and the page works offline once loaded.
  worker: { format: 'es', rolldownOptions: { output: { inlineDynamicImports: true } } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The budget is checked by the browser tests from the build output, not by a warning.
    chunkSizeWarningLimit: 1024,
    // Plugin timings depend on the machine's load, not on the page: no warning about them.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: { fs: { allow: ['..'] } },
});
