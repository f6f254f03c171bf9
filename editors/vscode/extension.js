// The Bylaw extension: grammar and language configuration are declared in package.json; this file
// starts the language server and connects VS Code to it. scripts/build-vscode.ts bundles it (with
// vscode-languageclient) into dist/extension.js.
'use strict';

const path = require('path');
const { workspace, window } = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/**
 * The server shipped inside the extension (dist/server.js, over IPC), or — when
 * `bylaw.server.path` is set — another `bylaw` executable's `bylaw lsp` (over stdio), e.g. the
 * version a project pins.
 * @param {import('vscode').ExtensionContext} context
 * @returns {{ options: import('vscode-languageclient/node').ServerOptions, shown: string }}
 */
function serverOptions(context) {
  const config = workspace.getConfiguration('bylaw');
  const command = config.get('server.path', '');
  if (!command) {
    const module = context.asAbsolutePath(path.join('dist', 'server.js'));
    return { options: { module, transport: TransportKind.ipc }, shown: 'the bundled language server' };
  }
  const args = [...config.get('server.args', []), 'lsp'];
  const options = { command, args, transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } };
  return { options, shown: `\`${command} ${args.join(' ')}\`` };
}

/** @param {import('vscode').ExtensionContext} context */
async function activate(context) {
  const server = serverOptions(context);
  /** @type {import('vscode-languageclient/node').LanguageClientOptions} */
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'bylaw' }],
    synchronize: {
      // Files changed outside the editor (git checkout, another tool) are re-checked.
      fileEvents: workspace.createFileSystemWatcher('**/*.policy'),
    },
  };
  client = new LanguageClient('bylaw', 'Bylaw', server.options, clientOptions);
  context.subscriptions.push(
    workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('bylaw.server')) {
        void window.showInformationMessage('Bylaw: reload the window to restart the language server with the new settings.');
      }
    }),
  );
  try {
    await client.start();
  } catch (error) {
    void window.showErrorMessage(
      `Bylaw: could not start ${server.shown} (${error instanceof Error ? error.message : String(error)}). ` +
        'Check the setting `bylaw.server.path` (empty: the server inside the extension).',
    );
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
