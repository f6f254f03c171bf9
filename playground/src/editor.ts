/**
 * The policy editor: one CodeMirror view, one editor state per file (so each keeps its undo
 * history), a tab per file of the set and of the stdlib (read-only), and the checker's
 * diagnostics underlined with their code, message and help.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, indentUnit } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import { EditorSelection, EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { bylaw } from './highlight.js';
import type { DiagnosticView } from './protocol.js';
import { TabList } from './tabs.js';

export class PolicyEditor {
  private readonly states = new Map<string, EditorState>();
  private readonly readOnly = new Set<string>();
  private readonly view: EditorView;
  private readonly tabs: TabList;
  private diagnostics: readonly DiagnosticView[] = [];
  private active = '';

  constructor(
    host: HTMLElement,
    tabList: HTMLElement,
    private readonly onEdit: (path: string, text: string) => void,
  ) {
    this.view = new EditorView({ parent: host });
    this.tabs = new TabList(tabList, host, (path) => this.open(path), 'tab-file');
  }

  /** Replaces every file: the set's (editable) and the stdlib's (read-only). */
  load(files: ReadonlyMap<string, string>, stdlib: ReadonlyMap<string, string>, active: string): void {
    this.states.clear();
    this.readOnly.clear();
    // The open file belongs to the set being replaced: show() must not save it back among the new files.
    this.active = '';
    for (const [path, text] of files) this.states.set(path, this.createState(path, text, false));
    for (const [path, text] of stdlib) {
      this.readOnly.add(path);
      this.states.set(path, this.createState(path, text, true));
    }
    this.tabs.setTabs(
      [...this.states.keys()].map((path) => ({ id: path, label: path.slice(path.lastIndexOf('/') + 1), ...(this.readOnly.has(path) ? { note: '(stdlib, read-only)' } : {}) })),
      this.states.has(active) ? active : [...files.keys()][0]!,
    );
    this.show(this.tabs.current);
  }

  /** The set's files (not the stdlib) with their current text. */
  files(): Map<string, string> {
    return new Map([...this.states].filter(([path]) => !this.readOnly.has(path)).map(([path]) => [path, this.text(path)]));
  }

  text(path: string): string {
    return (path === this.active ? this.view.state : this.states.get(path))?.doc.toString() ?? '';
  }

  get current(): string {
    return this.active;
  }

  isReadOnly(path: string): boolean {
    return this.readOnly.has(path);
  }

  open(path: string): void {
    if (!this.states.has(path) || path === this.active) return;
    this.tabs.select(path, false);
    this.show(path);
  }

  /** Opens `path` with the cursor at line:column (1-based) and focuses the editor. */
  reveal(path: string, line: number, column: number, length = 0): void {
    this.open(path);
    const doc = this.view.state.doc;
    const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
    const from = Math.min(at.from + column - 1, at.to);
    this.view.dispatch({
      selection: EditorSelection.range(from, Math.min(from + length, doc.length)),
      effects: EditorView.scrollIntoView(from, { y: 'center' }),
    });
    this.view.focus();
  }

  /** Replaces one file's text as an edit (undoable), e.g. after formatting. */
  replace(path: string, text: string): void {
    this.open(path);
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
  }

  /** The checker's findings for every file; the open file's are underlined. */
  setDiagnostics(diagnostics: readonly DiagnosticView[]): void {
    this.diagnostics = diagnostics;
    for (const path of this.states.keys()) {
      const mine = diagnostics.filter((d) => d.file === path);
      this.tabs.flag(path, mine.some((d) => d.severity === 'error') ? 'error' : mine.length > 0 ? 'warning' : null);
    }
    this.underline();
  }

  private show(path: string): void {
    if (this.active) this.states.set(this.active, this.view.state);
    this.active = path;
    this.view.setState(this.states.get(path)!);
    this.underline();
  }

  private underline(): void {
    const length = this.view.state.doc.length;
    const marks: LintDiagnostic[] = this.diagnostics
      .filter((d) => d.file === this.active)
      .map((d) => {
        const from = Math.min(d.from, length);
        return {
          from,
          to: Math.min(Math.max(d.to, from), length),
          severity: d.severity,
          source: d.code,
          message: `${d.message}${d.help ? ` — help: ${d.help}` : ''}`,
          renderMessage: () => renderDiagnostic(d),
        };
      });
    this.view.dispatch(setDiagnostics(this.view.state, marks));
  }

  private createState(path: string, text: string, readOnly: boolean): EditorState {
    const extensions: Extension[] = [
      lineNumbers(),
      highlightActiveLineGutter(),
      history(),
      drawSelection(),
      bracketMatching(),
      highlightActiveLine(),
      lintGutter(),
      indentUnit.of('  '),
      // Long `because` texts wrap: nothing scrolls sideways, on a phone either.
      EditorView.lineWrapping,
      bylaw,
      // No Tab binding: Tab leaves the editor, so keyboard users are never trapped in it.
      keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
      EditorView.contentAttributes.of({ 'aria-label': `${path}${readOnly ? ' (read-only)' : ''}` }),
      EditorState.readOnly.of(readOnly),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && this.active === path) this.onEdit(path, update.state.doc.toString());
      }),
    ];
    return EditorState.create({ doc: text, extensions });
  }
}

/** A diagnostic as the CLI shows it: code, message, notes and help. */
export function renderDiagnostic(d: DiagnosticView): HTMLElement {
  const box = document.createElement('div');
  box.className = `diagnostic ${d.severity}`;
  const head = document.createElement('div');
  head.innerHTML = '<strong class="code"></strong> <span class="message"></span>';
  head.querySelector('.code')!.textContent = `${d.severity}[${d.code}]`;
  head.querySelector('.message')!.textContent = d.message;
  box.append(head);
  for (const note of d.notes) box.append(line('note', note));
  if (d.help) box.append(line('help', d.help));
  return box;
}

function line(kind: string, text: string): HTMLElement {
  const div = document.createElement('div');
  div.className = kind;
  div.textContent = `${kind}: ${text}`;
  return div;
}
