import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const extension = join(root, 'editors', 'vscode');
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('editors/vscode', () => {
  const manifest = json(join(extension, 'package.json'));

  it('declares the language, the grammar and the client dependency', () => {
    expect(manifest.contributes.languages).toEqual([
      expect.objectContaining({ id: 'bylaw', extensions: ['.policy'], configuration: './language-configuration.json' }),
    ]);
    expect(manifest.contributes.grammars).toEqual([{ language: 'bylaw', scopeName: 'source.bylaw', path: './syntaxes/bylaw.tmLanguage.json' }]);
    expect(manifest.main).toBe('./extension.js');
    expect(manifest.activationEvents).toContain('onLanguage:bylaw');
    expect(manifest.dependencies).toHaveProperty('vscode-languageclient');
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

  it('starts `bylaw lsp` over stdio with vscode-languageclient', async () => {
    const started: { id: string; server: { command: string; args: string[]; transport: number }; client: { documentSelector: unknown } }[] = [];
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
        getConfiguration: () => ({ get: <T>(_key: string, fallback: T) => fallback }),
        createFileSystemWatcher: (glob: string) => ({ glob }),
        onDidChangeConfiguration: () => ({ dispose() {} }),
      },
      window: { showErrorMessage: () => undefined, showInformationMessage: () => undefined },
    };
    const fakeRequire = (name: string) => {
      if (name === 'vscode') return vscode;
      if (name === 'vscode-languageclient/node') return { LanguageClient, TransportKind: { stdio: 0 } };
      throw new Error(`unexpected require(${name})`);
    };
    const module = { exports: {} as { activate(context: unknown): Promise<void>; deactivate(): unknown } };
    const source = readFileSync(join(extension, 'extension.js'), 'utf8');
    new Function('require', 'module', 'exports', source)(fakeRequire, module, module.exports);
    await module.exports.activate({ subscriptions: [] });
    expect(started).toEqual([
      {
        id: 'bylaw',
        server: expect.objectContaining({ command: 'bylaw', args: ['lsp'], transport: 0 }),
        client: expect.objectContaining({ documentSelector: [{ scheme: 'file', language: 'bylaw' }] }),
      },
    ]);
    await module.exports.deactivate();
  });
});
