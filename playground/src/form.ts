/**
 * The input form, generated from the version's declared input type: enums as selects, booleans
 * as checkboxes, ints as number fields (with the type's bounds), dates as date pickers, sets as
 * multi-selects, records as fieldsets, lists as rows that can be added and removed, and optional
 * fields with a "present" box (unticked: the field is absent); and a JSON view of the same value.
 * Editing either updates the other.
 */
import type { RecordType, Type } from '../../src/browser.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** Where a value sits in the input: field names, and indices into lists. */
type Path = readonly (string | number)[];

export class InputForm {
  private value: Json = {};
  private type: RecordType | null = null;
  private name: string | null = null;
  /** The type's shape and the value's structure (list lengths) the controls were built for. */
  private layout = '';

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

  /** Shows `value` (missing fields get a default) in a form for `type`; rebuilt only when the type's shape or a list's length changes. */
  set(type: RecordType | null, name: string | null, value: unknown): void {
    this.type = type;
    this.name = name;
    this.value = type ? fill(type, value as Json) : (value as Json);
    this.rebuildIfNeeded();
    this.render();
  }

  private rebuildIfNeeded(): void {
    const type = this.type;
    const layout = `${JSON.stringify(type, (key, v) => (key === 'span' ? undefined : v))}|${type ? structure(type, this.value) : ''}`;
    if (layout === this.layout) return;
    this.layout = layout;
    this.form.replaceChildren(type ? this.fieldset(type, this.name ?? 'input', [], true, false) : message('the form appears when the policy checks without errors'));
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
    this.rebuildIfNeeded();
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
      const v = get(this.value, JSON.parse(control.dataset.path!) as Path);
      if (control instanceof HTMLSelectElement && control.multiple) {
        const chosen = new Set(Array.isArray(v) ? v : []);
        for (const option of control.options) option.selected = chosen.has(option.value);
      } else if (control instanceof HTMLInputElement && control.type === 'checkbox') {
        control.checked = v === true;
      } else {
        control.value = v === undefined || v === null ? '' : String(v);
      }
    }
    // An optional field's box is ticked when it is present (not absent, not null); its controls show only then.
    for (const box of this.form.querySelectorAll<HTMLInputElement>('[data-presence]')) {
      const v = get(this.value, JSON.parse(box.dataset.presence!) as Path);
      box.checked = v !== undefined && v !== null;
      const target = document.getElementById(box.dataset.controls!);
      if (target) target.hidden = !box.checked;
    }
  }

  private edit(path: Path, v: Json | undefined): void {
    this.value = put(this.value, path, v);
    this.rebuildIfNeeded();
    this.render();
    this.onChange(this.value);
  }

  /** Adding or removing a row rebuilds the form: keep the keyboard where it was, on the list's add button. */
  private refocus(id: string): void {
    document.getElementById(id)?.focus();
  }

  private fieldset(type: RecordType, legend: string, path: Path, root: boolean, optional: boolean): HTMLElement {
    const set = document.createElement('fieldset');
    if (root) set.className = 'root';
    const title = document.createElement('legend');
    const body = document.createElement('div');
    body.id = `in-${path.join('-')}-fields`;
    if (optional) title.append(this.presence(type, path, body.id), ' ');
    title.append(`${legend}: ${type.name}${optional ? '?' : ''}`);
    set.append(title, body);
    for (const field of type.fields) body.append(this.field(field.name, field.type, [...path, field.name], field.optional));
    return set;
  }

  /** A box that makes an optional field present (with a default value) or absent. */
  private presence(type: Type, path: Path, controls: string): HTMLInputElement {
    const box = input('checkbox');
    box.className = 'presence';
    box.setAttribute('aria-label', `${pathLabel(path)} present`);
    box.title = 'present (untick: absent)';
    box.dataset.presence = JSON.stringify(path);
    box.dataset.controls = controls;
    box.addEventListener('change', () => this.edit(path, box.checked ? defaultOf(type) : undefined));
    return box;
  }

  private field(name: string, type: Type, path: Path, optional = false): HTMLElement {
    if (type.kind === 'record') return this.fieldset(type, name, path, false, optional);
    if (type.kind === 'list') return this.list(name, type.element, path, optional);
    const id = `in-${path.join('-')}`;
    const row = document.createElement('div');
    row.className = `field ${type.kind}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = optional ? `${name}?` : name;
    const control = this.control(type, path);
    control.id = id;
    control.dataset.path = JSON.stringify(path);
    const cell: HTMLElement[] = [control];
    if (optional) {
      const value = document.createElement('span');
      value.className = 'optional';
      value.append(this.presence(type, path, id), control);
      cell.splice(0, 1, value);
    }
    row.append(label, ...cell);
    if (type.kind === 'set') {
      const hint = document.createElement('span');
      hint.className = 'hint';
      hint.id = `${id}-hint`;
      hint.textContent = 'several: Ctrl/⌘ + click, or Space on each with Ctrl held';
      control.setAttribute('aria-describedby', hint.id);
      row.append(hint);
    }
    return row;
  }

  private control(type: Exclude<Type, RecordType | { kind: 'list' }>, path: Path): HTMLInputElement | HTMLSelectElement {
    switch (type.kind) {
      case 'bool': {
        const box = input('checkbox');
        box.addEventListener('change', () => this.edit(path, box.checked));
        return box;
      }
      case 'int': {
        const num = input('number');
        num.step = '1';
        if (type.min !== null) num.min = String(type.min);
        if (type.max !== null) num.max = String(type.max);
        num.addEventListener('input', () => {
          if (num.value !== '' && Number.isSafeInteger(Number(num.value))) this.edit(path, Number(num.value));
        });
        return num;
      }
      case 'date': {
        const date = input('date');
        date.addEventListener('change', () => date.value && this.edit(path, date.value));
        return date;
      }
      case 'string': {
        const text = input('text');
        text.addEventListener('input', () => this.edit(path, text.value));
        return text;
      }
      case 'enum':
      case 'set': {
        const multiple = type.kind === 'set';
        const members = type.kind === 'set' ? type.element.members : type.members;
        const select = document.createElement('select');
        select.multiple = multiple;
        if (multiple) select.size = Math.min(members.length, 8);
        for (const member of members) select.append(new Option(member, member));
        select.addEventListener('change', () => this.edit(path, multiple ? [...select.selectedOptions].map((o) => o.value) : select.value));
        return select;
      }
    }
  }

  /** A list: one row per element (a fieldset for a record), each with its remove button, and a button that adds one. */
  private list(name: string, element: Type, path: Path, optional: boolean): HTMLElement {
    const set = document.createElement('fieldset');
    set.className = 'list';
    const title = document.createElement('legend');
    const body = document.createElement('div');
    body.id = `in-${path.join('-')}-items`;
    if (optional) title.append(this.presence({ kind: 'list', element }, path, body.id), ' ');
    title.append(`${name}: list<${typeLabel(element)}>${optional ? '?' : ''}`);
    set.append(title, body);
    const items = get(this.value, path);
    const count = Array.isArray(items) ? items.length : 0;
    for (let i = 0; i < count; i++) {
      const item = this.field(`${name}[${i}]`, element, [...path, i]);
      item.classList.add('item');
      const remove = button('remove', `remove ${name}[${i}]`);
      remove.addEventListener('click', () => {
        this.edit(path, without(get(this.value, path), i));
        this.refocus(`${body.id}-add`);
      });
      item.append(remove);
      body.append(item);
    }
    const add = button(`add to ${name}`, `add to ${name}`);
    add.className = 'add';
    add.id = `${body.id}-add`;
    add.addEventListener('click', () => {
      const current = get(this.value, path);
      this.edit(path, [...(Array.isArray(current) ? current : []), defaultOf(element)]);
      this.refocus(add.id);
    });
    body.append(add);
    return set;
  }
}

function input(type: string): HTMLInputElement {
  const element = document.createElement('input');
  element.type = type;
  return element;
}

function button(text: string, label: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  element.setAttribute('aria-label', label);
  return element;
}

function message(text: string): HTMLElement {
  const p = document.createElement('p');
  p.className = 'muted';
  p.textContent = text;
  return p;
}

/** `channel.warnings[0].training_completed`: a control's place, for screen readers. */
function pathLabel(path: Path): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

function typeLabel(type: Type): string {
  return type.kind === 'enum' || type.kind === 'record' ? type.name : type.kind === 'set' ? `set<${type.element.name}>` : type.kind === 'list' ? `list<${typeLabel(type.element)}>` : type.kind;
}

/** A value of `type` where `value` lacks one: the first member, false, the lower bound, today, an empty list. */
export function defaultOf(type: Type): Json {
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
    case 'list':
      return [];
    case 'enum':
      return type.members[0] ?? '';
    case 'record':
      return fill(type, {});
  }
}

/**
 * `value` with every required field the type declares (missing ones get a default), records in
 * lists filled the same way; an optional field is left as it is (absent is a value of its own).
 * Extra fields stay, for the checker to report.
 */
export function fill(type: RecordType, value: Json): Json {
  const object = isObject(value) ? { ...value } : {};
  for (const field of type.fields) {
    const v = object[field.name];
    const t = field.type;
    if (field.optional && (v === undefined || v === null)) continue;
    if (t.kind === 'record') object[field.name] = fill(t, v ?? {});
    else if (t.kind === 'list' && Array.isArray(v)) object[field.name] = t.element.kind === 'record' ? v.map((e) => fill(t.element as RecordType, e)) : v;
    else if (v === undefined) object[field.name] = defaultOf(t);
  }
  return object;
}

/** The lengths of the lists in `value`, as the form lays them out: a new length needs new rows. */
export function structure(type: Type, value: Json | undefined): string {
  if (type.kind === 'record') return `{${type.fields.map((f) => structure(f.type, isObject(value) ? value[f.name] : undefined)).join(',')}}`;
  if (type.kind === 'list') {
    // The count first: a scalar element has no structure of its own, and `[x]` must differ from `[]`.
    const items = Array.isArray(value) ? value : [];
    return `[${items.length}:${items.map((e) => structure(type.element, e)).join(',')}]`;
  }
  return '';
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function get(value: Json, path: Path): Json | undefined {
  let v: Json | undefined = value;
  for (const key of path) v = typeof key === 'number' ? (Array.isArray(v) ? v[key] : undefined) : isObject(v) ? v[key] : undefined;
  return v;
}

/** `value` with `v` at `path`; `undefined` removes the field (an optional field made absent). */
export function put(value: Json, path: Path, v: Json | undefined): Json {
  const [key, ...rest] = path;
  if (key === undefined) return v ?? null;
  if (typeof key === 'number') {
    const array = Array.isArray(value) ? [...value] : [];
    array[key] = put(array[key] ?? {}, rest, v);
    return array;
  }
  const object = isObject(value) ? { ...value } : {};
  if (rest.length === 0 && v === undefined) delete object[key];
  else object[key] = put(object[key] ?? {}, rest, v);
  return object;
}

function without(list: Json | undefined, index: number): Json {
  return Array.isArray(list) ? list.filter((_, i) => i !== index) : [];
}
