// The language server inside the extension: the server of `bylaw lsp` (src/lsp/), over Node IPC.
// scripts/build-vscode.ts bundles it, with its dependencies and prettier, into dist/server.js,
// so the extension needs no `bylaw` on PATH.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../src/lsp/server.js';

startServer(createConnection(ProposedFeatures.all));
