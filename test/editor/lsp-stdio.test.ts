import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('`bylaw lsp` as a process (dist/, built by the test setup)', () => {
  it('speaks LSP over stdio: initialize, diagnostics, shutdown and exit with code 0', async () => {
    const child = spawn(process.execPath, [join(root, 'bin', 'bylaw.js'), 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const file = join(root, 'policies', 'twitter', 'v1_newsworthiness.policy');
    const uri = pathToFileURL(file).href;
    const published = new Promise<PublishDiagnosticsParams>((resolve) =>
      connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        if (params.uri === uri) resolve(params);
      }),
    );
    connection.listen();
    try {
      const init = await connection.sendRequest<{ serverInfo: { name: string } }>('initialize', { processId: null, rootUri: pathToFileURL(root).href, capabilities: {} });
      expect(init.serverInfo.name).toBe('bylaw');
      await connection.sendNotification('initialized', {});
      const text = readFileSync(file, 'utf8').replace('then allow', 'then alow');
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'bylaw', version: 1, text } });
      const { diagnostics } = await published;
      expect(diagnostics.map((d) => d.code)).toEqual(['BL304']);
      expect(diagnostics[0]!.message).toContain('did you mean `allow`?');
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      expect(await exited).toBe(0);
    } finally {
      connection.dispose();
      child.kill();
    }
    expect(stderr).toBe('');
  });
});
