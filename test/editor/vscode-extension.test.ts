import { spawnSync, fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { formatPolicy } from '../../src/format/format.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const extension = join(root, 'editors', 'vscode');
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('editors/vscode', () => {
  const manifest = json(join(extension, 'package.json'));

  it('declares the language, the grammar, the bundled entry point and what the marketplace needs', () => {
    expect(manifest.contributes.languages).toEqual([
      expect.objectContaining({ id: 'bylaw', extensions: ['.policy'], configuration: './language-configuration.json' }),
    ]);
    expect(manifest.contributes.grammars).toEqual([{ language: 'bylaw', scopeName: 'source.bylaw', path: './syntaxes/bylaw.tmLanguage.json' }]);
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.activationEvents).toContain('onLanguage:bylaw');
    expect(manifest.devDependencies).toHaveProperty('vscode-languageclient');
    expect(manifest).toMatchObject({ license: 'MIT', icon: 'icon.png', repository: { type: 'git', url: expect.stringMatching(/^https:\/\/github\.com\//) } });
    expect(manifest.contributes.configuration.properties['bylaw.server.path'].default).toBe('');
  });

  it('ships the same grammar as grammar/ (copy it after changing the grammar)', () => {
    const copy = readFileSync(join(extension, 'syntaxes', 'bylaw.tmLanguage.json'), 'utf8');
    const source = readFileSync(join(root, 'grammar', 'bylaw.tmLanguage.json'), 'utf8');
    expect(copy === source, 'run `cp grammar/bylaw.tmLanguage.json editors/vscode/syntaxes/`').toBe(true);
  });

  it('configures `//` comments, brackets and auto-closing pairs', () => {
    const config = json(join(extension, 'language-configuration.json'));
    expect(config.comments).toEqual({ lineComment: '//' });
    expect(config.brackets).toContainEqual(['{', '}']);
    expect(config.autoClosingPairs).toContainEqual(expect.objectContaining({ open: '"', close: '"' }));
    expect(new RegExp(config.wordPattern, 'u').exec('post.author.role')?.[0]).toBe('post');
  });

  /** Activates extension.js with fakes of `vscode` and the client; returns the server options it started. */
  async function activate(settings: Record<string, unknown>) {
    const started: { id: string; server: Record<string, unknown>; client: { documentSelector: unknown } }[] = [];
    class LanguageClient {
      constructor(id: string, _name: string, server: never, client: never) {
        started.push({ id, server, client });
      }
      start() {
        return Promise.resolve();
      }
      stop() {
        return Promise.resolve();
      }
    }
    const vscode = {
      workspace: {
        getConfiguration: () => ({ get: <T>(key: string, fallback: T) => (key in settings ? settings[key] : fallback) }),
        createFileSystemWatcher: (glob: string) => ({ glob }),
        onDidChangeConfiguration: () => ({ dispose() {} }),
      },
      window: { showErrorMessage: () => undefined, showInformationMessage: () => undefined },
    };
    const fakeRequire = (name: string) => {
      if (name === 'vscode') return vscode;
      if (name === 'vscode-languageclient/node') return { LanguageClient, TransportKind: { stdio: 0, ipc: 1 } };
      if (name === 'path') return { join };
      throw new Error(`unexpected require(${name})`);
    };
    const module = { exports: {} as { activate(context: unknown): Promise<void>; deactivate(): unknown } };
    const source = readFileSync(join(extension, 'extension.js'), 'utf8');
    new Function('require', 'module', 'exports', source)(fakeRequire, module, module.exports);
    await module.exports.activate({ subscriptions: [], asAbsolutePath: (p: string) => join('/ext', p) });
    await module.exports.deactivate();
    return started;
  }

  it('starts the language server inside the extension (dist/server.js over IPC) by default', async () => {
    expect(await activate({})).toEqual([
      {
        id: 'bylaw',
        server: { module: join('/ext', 'dist', 'server.js'), transport: 1 },
        client: expect.objectContaining({ documentSelector: [{ scheme: 'file', language: 'bylaw' }] }),
      },
    ]);
  });

  it('starts `<bylaw.server.path> <args…> lsp` over stdio when the setting names another bylaw', async () => {
    const [started] = await activate({ 'server.path': 'node', 'server.args': ['/opt/bylaw/bin/bylaw.js'] });
    expect(started!.server).toMatchObject({ command: 'node', args: ['/opt/bylaw/bin/bylaw.js', 'lsp'], transport: 0 });
  });
});

describe('vsce package', () => {
  let work: string;
  let files: Map<string, Buffer>;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'bylaw-vsix-'));
    const vsix = join(work, 'bylaw.vsix');
    // vsce runs the `vscode:prepublish` script (scripts/build-vscode.ts) first.
    const vsce = spawnSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--out', vsix], { cwd: extension, encoding: 'utf8' });
    expect(vsce.status, `${vsce.stdout}\n${vsce.stderr}`).toBe(0);
    files = await unzip(vsix);
    for (const [name, bytes] of files) {
      const target = join(work, name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    }
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('makes a .vsix with the bundled extension and server, the stdlib, grammar, icon and license, and no sources', () => {
    const names = [...files.keys()].filter((n) => n.startsWith('extension/')).sort();
    expect(names).toEqual([
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/icon.png',
      'extension/language-configuration.json',
      'extension/package.json',
      'extension/readme.md',
      'extension/stdlib/moderation.policy',
      'extension/syntaxes/bylaw.tmLanguage.json',
    ]);
    expect(files.get('extension/LICENSE.txt')!.toString()).toBe(readFileSync(join(root, 'LICENSE'), 'utf8'));
    expect(files.get('extension/icon.png')!.subarray(1, 4).toString()).toBe('PNG');
    expect(files.get('extension.vsixmanifest')!.toString()).toContain('github.com/bylaw-lang/bylaw');
    // Bundled: no module is left to resolve at run time but VS Code's own and Node's.
    const required = [...files.get('extension/dist/extension.js')!.toString().matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(required.filter((name) => name !== 'vscode' && !isBuiltin(name))).toEqual([]);
  });

  it('its server runs on its own (no bylaw on PATH, no node_modules): diagnostics with the stdlib, and formatting', async () => {
    const server = fork(join(work, 'extension', 'dist', 'server.js'), ['--node-ipc'], {
      cwd: work,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { PATH: dirname(process.execPath) },
    });
    const connection = createMessageConnection(new IPCMessageReader(server), new IPCMessageWriter(server));
    const uri = pathToFileURL(join(work, 'x.policy')).href;
    const published: PublishDiagnosticsParams[] = [];
    const first = new Promise<void>((resolve) =>
      connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        published.push(params);
        resolve();
      }),
    );
    connection.listen();
    try {
      const init = await connection.sendRequest<{ serverInfo: { name: string } }>('initialize', { processId: null, rootUri: null, capabilities: {} });
      expect(init.serverInfo.name).toBe('bylaw');
      await connection.sendNotification('initialized', {});
      const text = 'use moderation\ninput post:Post\ndefault   alow\n';
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'bylaw', version: 1, text } });
      await first;
      expect(published[0]!.diagnostics.map((d) => d.code)).toEqual(['BL304']);
      const fixed = text.replace('alow', 'allow');
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
      const edits = await connection.sendRequest<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
      const expected = await formatPolicy(fixed, 'x.policy');
      expect(expected.kind === 'formatted' && expected.text).toBe(edits[0]!.newText);
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      server.kill();
    }
  });
});

async function unzip(path: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true });
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip
        .openReadStreamPromise(entry)
        .then(async (stream) => {
          files.set(entry.fileName, Buffer.concat(await stream.toArray()));
          zip.readEntry();
        })
        .catch(reject);
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return files;
}
