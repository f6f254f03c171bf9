/**
 * An accessible tab list (WAI-ARIA tabs pattern): one tab stop, arrow keys, Home and End move
 * between tabs, Enter or Space (a button's click) selects; the panel is labelled by its tab.
 */
export interface TabSpec {
  readonly id: string;
  readonly label: string;
  /** Shown after the label, e.g. "read-only". */
  readonly note?: string;
}

export class TabList {
  private buttons: HTMLButtonElement[] = [];
  private selected = '';

  constructor(
    private readonly list: HTMLElement,
    private readonly panel: HTMLElement,
    private readonly onSelect: (id: string) => void,
    private readonly idPrefix: string,
  ) {
    list.setAttribute('role', 'tablist');
    panel.setAttribute('role', 'tabpanel');
    panel.tabIndex = -1;
    list.addEventListener('keydown', (event) => this.key(event));
  }

  setTabs(tabs: readonly TabSpec[], selected: string): void {
    this.list.replaceChildren();
    this.buttons = tabs.map((tab) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.id = `${this.idPrefix}-${cssId(tab.id)}`;
      button.dataset.tab = tab.id;
      button.setAttribute('role', 'tab');
      button.setAttribute('aria-controls', this.panel.id);
      button.textContent = tab.label;
      if (tab.note) {
        const note = document.createElement('span');
        note.className = 'tab-note';
        note.textContent = ` ${tab.note}`;
        button.append(note);
      }
      button.addEventListener('click', () => this.select(tab.id, true));
      this.list.append(button);
      return button;
    });
    this.select(selected, false);
  }

  get current(): string {
    return this.selected;
  }

  /** Marks `id` selected; `notify` calls back (a user's choice), otherwise only the look changes. */
  select(id: string, notify: boolean): void {
    const found = this.buttons.find((b) => b.dataset.tab === id) ?? this.buttons[0];
    if (!found) return;
    this.selected = found.dataset.tab!;
    for (const b of this.buttons) {
      const on = b === found;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    }
    this.panel.setAttribute('aria-labelledby', found.id);
    if (notify) this.onSelect(this.selected);
  }

  /** Marks a tab (e.g. a file with errors) without changing its label. */
  flag(id: string, flag: 'error' | 'warning' | null): void {
    const button = this.buttons.find((b) => b.dataset.tab === id);
    if (!button) return;
    if (flag) button.dataset.flag = flag;
    else delete button.dataset.flag;
  }

  private key(event: KeyboardEvent): void {
    const index = this.buttons.findIndex((b) => b === document.activeElement);
    if (index < 0) return;
    const last = this.buttons.length - 1;
    const to = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const button = this.buttons[to]!;
    button.focus();
    this.select(button.dataset.tab!, true);
  }
}

export function cssId(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}
