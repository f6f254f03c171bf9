/**
 * The input form, generated from the version's declared input type: enums as selects, booleans
 * as checkboxes, ints as number fields (with the type's bounds), dates as date pickers, sets as
 * multi-selects, records as fieldsets; and a JSON view of the same value. Editing either
 * updates the other.
 */
import type { RecordType, Type } from '../../src/browser.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export class InputForm {
  private value: Json = {};
  private shape = '';

  constructor(
    private readonly form: HTMLElement,
    private readonly json: HTMLTextAreaElement,
    private readonly jsonError: HTMLElement,
    private readonly onChange: (value: unknown) => void,
  ) {
    json.addEventListener('input', () => this.fromJson());
  }

  get input(): unknown {
    return this.value;
  }

  /** Shows `value` (missing fields get a default) in a form for `type`; rebuilt only when the type's shape changes. */
  set(type: RecordType | null, name: string | null, value: unknown): void {
    const shape = JSON.stringify(type, (key, v) => (key === 'span' ? undefined : v));
    this.value = type ? fill(type, value as Json) : (value as Json);
    if (shape !== this.shape) {
      this.shape = shape;
      this.form.replaceChildren(type ? this.fieldset(type, name ?? 'input', [], true) : message('the form appears when the policy checks without errors'));
    }
    this.render();
  }

  private fromJson(): void {
    let parsed: Json;
    try {
      parsed = JSON.parse(this.json.value) as Json;
    } catch (error) {
      this.jsonError.textContent = `invalid JSON: ${(error as Error).message}`;
      this.json.setAttribute('aria-invalid', 'true');
      return;
    }
    this.jsonError.textContent = '';
    this.json.removeAttribute('aria-invalid');
    this.value = parsed;
    this.render(false);
    this.onChange(this.value);
  }

  /** Writes the value into the controls (and into the JSON view unless it is the source). */
  private render(json = true): void {
    if (json) {
      this.json.value = JSON.stringify(this.value, null, 2);
      this.jsonError.textContent = '';
      this.json.removeAttribute('aria-invalid');
    }
    for (const control of this.form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-path]')) {
      const v = get(this.value, JSON.parse(control.dataset.path!) as string[]);
      if (control instanceof HTMLSelectElement && control.multiple) {
        const chosen = new Set(Array.isArray(v) ? v : []);
        for (const option of control.options) option.selected = chosen.has(option.value);
      } else if (control instanceof HTMLInputElement && control.type === 'checkbox') {
        control.checked = v === true;
      } else {
        control.value = v === undefined || v === null ? '' : String(v);
      }
    }
  }

  private edit(path: readonly string[], v: Json): void {
    this.value = put(this.value, path, v);
    this.render();
    this.onChange(this.value);
  }

  private fieldset(type: RecordType, legend: string, path: string[], root: boolean): HTMLElement {
    const set = document.createElement('fieldset');
    if (root) set.className = 'root';
    const title = document.createElement('legend');
    title.textContent = `${legend}: ${type.name}`;
    set.append(title);
    for (const field of type.fields) set.append(this.field(field.name, field.type, [...path, field.name]));
    return set;
  }

  private field(name: string, type: Type, path: string[]): HTMLElement {
    if (type.kind === 'record') return this.fieldset(type, name, path, false);
    const id = `in-${path.join('-')}`;
    const row = document.createElement('div');
    row.className = `field ${type.kind}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = name;
    let control: HTMLInputElement | HTMLSelectElement;
    switch (type.kind) {
      case 'bool': {
        const box = input('checkbox');
        box.addEventListener('change', () => this.edit(path, box.checked));
        control = box;
        break;
      }
      case 'int': {
        const num = input('number');
        num.step = '1';
        if (type.min !== null) num.min = String(type.min);
        if (type.max !== null) num.max = String(type.max);
        num.addEventListener('input', () => {
          if (num.value !== '' && Number.isSafeInteger(Number(num.value))) this.edit(path, Number(num.value));
        });
        control = num;
        break;
      }
      case 'date': {
        const date = input('date');
        date.addEventListener('change', () => date.value && this.edit(path, date.value));
        control = date;
        break;
      }
      case 'string': {
        const text = input('text');
        text.addEventListener('input', () => this.edit(path, text.value));
        control = text;
        break;
      }
      case 'enum':
      case 'set': {
        const multiple = type.kind === 'set';
        const members = type.kind === 'set' ? type.element.members : type.members;
        const select = document.createElement('select');
        select.multiple = multiple;
        if (multiple) select.size = Math.min(members.length, 8);
        for (const member of members) select.append(new Option(member, member));
        select.addEventListener('change', () =>
          this.edit(path, multiple ? [...select.selectedOptions].map((o) => o.value) : select.value),
        );
        control = select;
        break;
      }
    }
    control.id = id;
    control.dataset.path = JSON.stringify(path);
    if (type.kind === 'set') {
      const hint = document.createElement('span');
      hint.className = 'hint';
      hint.id = `${id}-hint`;
      hint.textContent = 'several: Ctrl/⌘ + click, or Space on each with Ctrl held';
      control.setAttribute('aria-describedby', hint.id);
      row.append(label, control, hint);
    } else {
      row.append(label, control);
    }
    return row;
  }
}

function input(type: string): HTMLInputElement {
  const element = document.createElement('input');
  element.type = type;
  return element;
}

function message(text: string): HTMLElement {
  const p = document.createElement('p');
  p.className = 'muted';
  p.textContent = text;
  return p;
}

/** A value of `type` where `value` lacks one: the first member, false, the lower bound, today. */
function defaultOf(type: Type): Json {
  switch (type.kind) {
    case 'bool':
      return false;
    case 'int':
      return type.min ?? (type.max !== null && type.max < 0 ? type.max : 0);
    case 'string':
      return '';
    case 'date':
      return new Date().toISOString().slice(0, 10);
    case 'set':
      return [];
    case 'enum':
      return type.members[0] ?? '';
    case 'record':
      return fill(type, {});
  }
}

/** `value` with every field the type declares (missing ones get a default); extra fields stay, for the checker to report. */
export function fill(type: RecordType, value: Json): Json {
  const object = typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
  for (const field of type.fields) {
    const v = object[field.name];
    if (field.type.kind === 'record') object[field.name] = fill(field.type, v ?? {});
    else if (v === undefined) object[field.name] = defaultOf(field.type);
  }
  return object;
}

function get(value: Json, path: readonly string[]): Json | undefined {
  let v: Json | undefined = value;
  for (const key of path) v = typeof v === 'object' && v !== null && !Array.isArray(v) ? v[key] : undefined;
  return v;
}

function put(value: Json, path: readonly string[], v: Json): Json {
  if (path.length === 0) return v;
  const object = typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
  object[path[0]!] = put(object[path[0]!] ?? {}, path.slice(1), v);
  return object;
}
