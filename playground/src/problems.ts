/** The problems panel: every diagnostic of the set, each a button that jumps to its place. */
import { el } from './decision.js';
import { renderDiagnostic } from './editor.js';
import type { DiagnosticView } from './protocol.js';

export function renderProblems(list: HTMLElement, count: HTMLElement, diagnostics: readonly DiagnosticView[], reveal: (d: DiagnosticView) => void): void {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  count.textContent = diagnostics.length === 0 ? 'none' : `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
  list.replaceChildren(
    ...diagnostics.map((d) => {
      const item = el('li');
      const button = el('button', 'problem') as HTMLButtonElement;
      button.type = 'button';
      button.dataset.code = d.code;
      button.append(renderDiagnostic(d), el('span', 'where', `${d.file}:${d.line}:${d.column}`));
      button.addEventListener('click', () => reveal(d));
      item.append(button);
      return item;
    }),
  );
}
