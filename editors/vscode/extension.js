// The Bylaw extension: grammar and language configuration are declared in package.json; this file
// starts the language server (`bylaw lsp`, over stdio) and connects VS Code to it.
'use strict';

const { workspace, window } = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/** @param {import('vscode').ExtensionContext} context */
async function activate(context) {
  const config = workspace.getConfiguration('bylaw');
  const command = config.get('server.path', 'bylaw') || 'bylaw';
  const args = [...config.get('server.args', []), 'lsp'];
  /** @type {import('vscode-languageclient/node').ServerOptions} */
  const serverOptions = {
    command,
    args,
    transport: TransportKind.stdio,
    options: { shell: process.platform === 'win32' },
  };
  /** @type {import('vscode-languageclient/node').LanguageClientOptions} */
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'bylaw' }],
    synchronize: {
      // Files changed outside the editor (git checkout, another tool) are re-checked.
      fileEvents: workspace.createFileSystemWatcher('**/*.policy'),
    },
  };
  client = new LanguageClient('bylaw', 'Bylaw', serverOptions, clientOptions);
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
      `Bylaw: could not start \`${command} ${args.join(' ')}\` (${error instanceof Error ? error.message : String(error)}). ` +
        'Install bylaw or set `bylaw.server.path`.',
    );
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
