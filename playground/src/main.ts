/**
 * The playground page: wires the editor, the worker (check, decide, explain, compile, diff,
 * format), the input form, the result tabs and the share link together.
 */
// First: boot.ts starts the worker and sends the first check and decision before the rest of the page is built.
import { defaultState, firstCheck, firstDecide, setFiles, start as initial, toolchain } from './boot.js';
import './style.css';
import type { SourceRef } from '../../src/browser.js';
import { el, renderDecision } from './decision.js';
import { renderMarkdown } from './diff-view.js';
import { PolicyEditor } from './editor.js';
import { DEFAULT_EXAMPLE, EXAMPLES, STDLIB, type ExampleSet } from './examples.js';
import { InputForm } from './form.js';
import { renderProblems } from './problems.js';
import type { CheckReply, DecideReply, Files } from './protocol.js';
import { encodeState, type DiffChoice, type State, type View } from './share.js';
import { TabList } from './tabs.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** Edits are checked this long after the last keystroke. */
const CHECK_DELAY_MS = 250;

const status = $('status');
let set = DEFAULT_EXAMPLE?.name ?? '';
let view: View = 'decide';
let diffChoice: DiffChoice = { mode: 'versions', before: '', after: '' };
let lastCheck: CheckReply | null = null;
/** Bumped on every edit: a reply for an older text is dropped. */
let generation = 0;
let checkTimer: ReturnType<typeof setTimeout> | undefined;
let firstDecision = true;

const editor = new PolicyEditor($('editor'), $('file-tabs'), () => scheduleCheck());
const form = new InputForm($('form'), $<HTMLTextAreaElement>('json'), $('json-error'), () => void decide());
// The form changes only the input: a decision for it, with the policy as last checked.
const views = new TabList($('view-tabs'), $('view-panel'), (id) => showView(id as View), 'tab-view');
views.setTabs(
  [
    { id: 'decide', label: 'Decide & explain' },
    { id: 'diff', label: 'Diff' },
    { id: 'compiled', label: 'Compiled TypeScript' },
  ],
  'decide',
);

function say(text: string): void {
  status.textContent = text;
}

function example(name: string): ExampleSet | undefined {
  return EXAMPLES.find((e) => e.name === name);
}

function treeFiles(): Files {
  return [...editor.files(), ...STDLIB];
}

function reveal(ref: { file: string; line: number; column: number }, length = 0): void {
  editor.reveal(ref.file, ref.line, ref.column, length);
}

// ---- checking and deciding ----

function scheduleCheck(now = false): void {
  generation++;
  clearTimeout(checkTimer);
  checkTimer = setTimeout(() => void check(), now ? 0 : CHECK_DELAY_MS);
}

/** Checks the files, then decides; `early` are replies to requests boot.ts sent for the first state. */
async function check(early: { check: Promise<CheckReply>; decide: { input: unknown; reply: Promise<DecideReply> } | null } | null = null): Promise<void> {
  const mine = generation;
  const reply = await (early?.check ?? toolchain.request({ kind: 'check', root: set, files: treeFiles() }));
  if (mine !== generation) return;
  lastCheck = reply;
  editor.setDiagnostics(reply.diagnostics);
  renderProblems($('problem-list'), $('problem-count'), reply.diagnostics, (d) => reveal(d, d.to - d.from));
  // While the set has errors the form keeps the last type that checked.
  if (reply.inputType) form.set(reply.inputType, reply.inputName, form.input);
  fillDiffChoices(reply);
  // The early decision stands if the form left its input as it was.
  const decided = early?.decide && JSON.stringify(early.decide.input) === JSON.stringify(form.input) ? early.decide.reply : null;
  await decide(decided);
  if (view === 'compiled') await compile();
  if (view === 'diff') await diff();
}

async function decide(early: Promise<DecideReply> | null = null): Promise<void> {
  const mine = generation;
  const reply = await (early ?? toolchain.request({ kind: 'decide', input: form.input, deployment: example(set)?.deployment ?? null }));
  if (mine !== generation) return;
  renderDecision($('decision-body'), reply, (ref: SourceRef) => reveal(ref, ref.endLine === ref.line ? ref.endColumn - ref.column : 0));
  if (firstDecision && reply.ok) {
    firstDecision = false;
    performance.mark('bylaw:first-decision');
  }
}

async function compile(): Promise<void> {
  const reply = await toolchain.request({ kind: 'compile' });
  $('compiled').textContent = reply.ok ? reply.text : reply.message;
}

// ---- diff ----

function fillDiffChoices(reply: CheckReply): void {
  const files = reply.versions.map((v) => v.file);
  if (files.length === 0) return;
  if (!files.includes(diffChoice.before)) diffChoice = { ...diffChoice, before: files.at(-2) ?? files[0]! };
  if (!files.includes(diffChoice.after)) diffChoice = { ...diffChoice, after: files.at(-1)! };
  for (const [id, chosen] of [['diff-before', diffChoice.before], ['diff-after', diffChoice.after]] as const) {
    const select = $<HTMLSelectElement>(id);
    select.replaceChildren(...reply.versions.map((v) => new Option(`${v.version} — ${v.file.slice(v.file.lastIndexOf('/') + 1)}`, v.file, false, v.file === chosen)));
  }
  syncDiffControls();
}

function syncDiffControls(): void {
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="diff-mode"]')) radio.checked = radio.value === diffChoice.mode;
  for (const id of ['diff-before', 'diff-after']) $<HTMLSelectElement>(id).disabled = diffChoice.mode !== 'versions';
}

async function diff(): Promise<void> {
  const output = $('diff-output');
  const files = treeFiles();
  let before, after;
  if (diffChoice.mode === 'versions') {
    before = { root: diffChoice.before, files };
    after = { root: diffChoice.after, files };
  } else {
    const original = example(set);
    if (!original) {
      output.textContent = `the example \`${set}\` is not part of this build: nothing to compare with`;
      return;
    }
    before = { root: set, files: [...original.files, ...STDLIB] };
    after = { root: set, files };
  }
  const mine = generation;
  output.replaceChildren(el('p', 'muted', 'computing the diff…'));
  output.setAttribute('aria-busy', 'true');
  const reply = await toolchain.request({ kind: 'diff', before, after });
  if (mine !== generation) return;
  output.removeAttribute('aria-busy');
  $('diff-markdown').textContent = reply.ok ? reply.markdown : '';
  if (!reply.ok) output.replaceChildren(el('p', 'error-text', reply.message));
  else output.innerHTML = renderMarkdown(reply.markdown);
}

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="diff-mode"]')) {
  radio.addEventListener('change', () => {
    diffChoice = { ...diffChoice, mode: radio.value as DiffChoice['mode'] };
    syncDiffControls();
    void diff();
  });
}
for (const [id, side] of [['diff-before', 'before'], ['diff-after', 'after']] as const) {
  $<HTMLSelectElement>(id).addEventListener('change', (event) => {
    diffChoice = { ...diffChoice, [side]: (event.target as HTMLSelectElement).value };
    void diff();
  });
}

// ---- views, examples, format, share ----

function showView(id: View): void {
  view = id;
  views.select(id, false);
  for (const name of ['decide', 'diff', 'compiled'] as const) $(`view-${name}`).hidden = name !== id;
  if (id === 'compiled') void compile();
  if (id === 'diff') void diff();
}

/** Shows `state`; `early` are the first check and decision of it, already sent by boot.ts. */
function loadState(state: State, early: Parameters<typeof check>[0] = null): void {
  set = state.set;
  editor.load(setFiles(state), STDLIB, state.active);
  $<HTMLSelectElement>('example').value = set;
  fillSamples();
  diffChoice = state.diff;
  form.set(null, null, state.input);
  showView(state.view);
  generation++;
  clearTimeout(checkTimer);
  if (early) void check(early);
  else scheduleCheck(true);
}

function currentState(): State {
  return { set, files: Object.fromEntries(editor.files()), active: editor.current, input: form.input, view, diff: diffChoice };
}

function fillSamples(): void {
  const samples = example(set)?.samples ?? [];
  const select = $<HTMLSelectElement>('sample');
  select.replaceChildren(new Option('choose a case…', ''), ...samples.map((s) => new Option(s.id, s.id)));
  $('sample-row').hidden = samples.length === 0;
}

$<HTMLSelectElement>('sample').addEventListener('change', (event) => {
  const sample = example(set)?.samples.find((s) => s.id === (event.target as HTMLSelectElement).value);
  if (!sample) return;
  form.set(lastCheck?.inputType ?? null, lastCheck?.inputName ?? null, structuredClone(sample.input));
  void decide();
});

const exampleSelect = $<HTMLSelectElement>('example');
exampleSelect.replaceChildren(...EXAMPLES.map((e) => new Option(e.name, e.name)));
exampleSelect.addEventListener('change', () => {
  const chosen = example(exampleSelect.value);
  if (chosen) loadState(defaultState(chosen));
});

$('format').addEventListener('click', async () => {
  const path = editor.current;
  if (editor.isReadOnly(path)) {
    say(`${path} is read-only`);
    return;
  }
  const reply = await toolchain.request({ kind: 'format', path, text: editor.text(path) });
  if (!reply.ok) return say(reply.message);
  if (reply.text === editor.text(path)) return say(`${path} is already formatted`);
  editor.replace(path, reply.text);
  say(`formatted ${path}`);
});

$('share').addEventListener('click', async () => {
  const url = `${location.href.split('#')[0]}${encodeState(currentState())}`;
  history.replaceState(null, '', url);
  const field = $<HTMLInputElement>('share-link');
  field.value = url;
  field.hidden = false;
  field.select();
  try {
    await navigator.clipboard.writeText(url);
    say(`link copied (${url.length.toLocaleString('en')} characters)`);
  } catch {
    say('link ready: copy it from the field');
  }
});

$('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText($('compiled').textContent ?? '');
    say('module copied');
  } catch {
    getSelection()?.selectAllChildren($('compiled'));
    say('module selected: copy it with Ctrl+C');
  }
});

if (initial.problem) say(initial.problem);
if (initial.state) loadState(initial.state, firstCheck && { check: firstCheck, decide: firstDecide });
