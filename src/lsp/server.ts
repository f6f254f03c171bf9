import {
  TextDocuments,
  TextDocumentSyncKind,
  ResponseError,
  ErrorCodes,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diskHost, type SourceHost } from '../modules/host.js';
import { parse } from '../syntax/parse.js';
import { completion } from './features/completion.js';
import { definition, references } from './features/definition.js';
import { DiagnosticsPublisher, diagnosticsByFile } from './features/diagnostics.js';
import { formatDocument } from './features/format.js';
import { hover } from './features/hover.js';
import { prepareRename, rename } from './features/rename.js';
import { documentSymbols } from './features/symbols.js';
import { LineMap, pathToUri, uriToPath } from './positions.js';
import { Workspace, type Analysis } from './project.js';

export interface ServerOptions {
  /** Milliseconds between the last edit and the check that publishes diagnostics. */
  readonly debounceMs?: number;
  /** Where files not open in the editor are read from. */
  readonly host?: SourceHost;
}

export const SERVER_NAME = 'bylaw';

/**
 * Wires the language features to a connection. Each feature is a function of the workspace (open
 * documents over the disk) in src/lsp/features/; this file only translates between the protocol and
 * them, and schedules diagnostics: debounced after edits, for the edited file and every open file
 * of the policy sets that read it.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): { readonly workspace: Workspace; dispose(): void } {
  const debounceMs = options.debounceMs ?? 150;
  const workspace = new Workspace(options.host ?? diskHost);
  const documents = new TextDocuments(TextDocument);
  const publisher = new DiagnosticsPublisher();
  let timer: NodeJS.Timeout | null = null;

  const path = (uri: string) => uriToPath(uri);

  const publish = () => {
    timer = null;
    try {
      publishNow();
    } catch (error) {
      // A bug in a check must not take the editor's server down: report it and keep serving.
      connection.console.error(`bylaw: checking failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };

  const publishNow = () => {
    const byFile = diagnosticsByFile(workspace.analyses());
    const open = workspace.openDocuments().map((d) => d.path);
    for (const { path: file, diagnostics } of publisher.plan(byFile, open)) {
      const version = workspace.document(file)?.version;
      void connection.sendDiagnostics({ uri: pathToUri(file), diagnostics, ...(version !== undefined ? { version } : {}) });
    }
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(publish, debounceMs);
  };

  const sync = (document: TextDocument) => {
    const file = path(document.uri);
    if (!file) return;
    workspace.change(file, document.getText(), document.version);
    schedule();
  };

  documents.onDidOpen(({ document }) => sync(document));
  documents.onDidChangeContent(({ document }) => sync(document));
  documents.onDidClose(({ document }) => {
    const file = path(document.uri);
    if (!file) return;
    workspace.close(file);
    schedule();
  });

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        completionProvider: { triggerCharacters: ['.', '{', ','] },
        documentSymbolProvider: true,
        renameProvider: { prepareProvider: true },
        documentFormattingProvider: true,
      },
      serverInfo: { name: SERVER_NAME, version: '0.1.0' },
    }),
  );

  connection.onDidChangeWatchedFiles(() => {
    workspace.invalidate();
    schedule();
  });

  /** The analysis and offset a request about (uri, position) is answered from. */
  const at = (uri: string, position: { line: number; character: number }): { analysis: Analysis; file: string; offset: number } | null => {
    const file = path(uri);
    if (!file) return null;
    const analysis = workspace.analysisFor(file);
    const info = analysis?.files.get(file);
    if (!analysis || !info) return null;
    // Positions refer to the editor's text; the analysis must hold that very text.
    if (info.text !== workspace.textOf(file)) return null;
    return { analysis, file, offset: info.lines.offsetAt(position) };
  };

  connection.onHover(({ textDocument, position }) => {
    const target = at(textDocument.uri, position);
    return target ? hover(target.analysis, target.file, target.offset) : null;
  });

  connection.onDefinition(({ textDocument, position }) => {
    const target = at(textDocument.uri, position);
    return target ? definition(target.analysis, target.file, target.offset) : [];
  });

  connection.onReferences(({ textDocument, position, context }) => {
    const target = at(textDocument.uri, position);
    return target ? references(target.analysis, target.file, target.offset, context.includeDeclaration) : [];
  });

  connection.onCompletion(({ textDocument, position }) => {
    const file = path(textDocument.uri);
    const text = file ? workspace.textOf(file) : null;
    if (!file || text === null) return [];
    const lines = new LineMap(text);
    return completion({ path: file, text, offset: lines.offsetAt(position), analysis: workspace.namesFor(file), host: workspace.host });
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    const file = path(textDocument.uri);
    const text = file ? workspace.textOf(file) : null;
    if (!file || text === null) return [];
    const lines = new LineMap(text);
    const ast = parse(text, file).ast;
    if (ast) return documentSymbols(ast, lines);
    // While the file does not parse, the outline of its last good version (if the text matched).
    const previous = workspace.analysisFor(file)?.files.get(file);
    return previous?.ast && previous.text === text ? documentSymbols(previous.ast, previous.lines) : [];
  });

  connection.onPrepareRename(({ textDocument, position }) => {
    const target = at(textDocument.uri, position);
    return target ? prepareRename(target.analysis, target.file, target.offset) : null;
  });

  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const target = at(textDocument.uri, position);
    if (!target) throw new ResponseError(ErrorCodes.InvalidRequest, 'the file has errors: fix them, then rename');
    const result = rename(target.analysis, target.file, target.offset, newName);
    if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
    return result.edit;
  });

  connection.onDocumentFormatting(async ({ textDocument }) => {
    const file = path(textDocument.uri);
    const text = file ? workspace.textOf(file) : null;
    if (!file || text === null) return [];
    const result = await formatDocument(text, file, new LineMap(text));
    if ('error' in result) throw new ResponseError(ErrorCodes.InternalError, result.error);
    return result.edits;
  });

  documents.listen(connection);
  connection.listen();
  return {
    workspace,
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
