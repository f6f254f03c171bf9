/**
 * The first thing the page runs (main.ts imports it first): the worker starts, and the first
 * check and decision are sent, while the editor and the rest of the page are built.
 */
import { Toolchain } from './client.js';
import { DEFAULT_EXAMPLE, EXAMPLES, STDLIB, type ExampleSet } from './examples.js';
import { decodeState, type State } from './share.js';

export const toolchain = new Toolchain();

export function defaultState(chosen: ExampleSet): State {
  const versions = [...chosen.files.keys()];
  return {
    set: chosen.name,
    files: Object.fromEntries(chosen.files),
    active: versions.at(-1) ?? '',
    input: chosen.samples[0]?.input ?? {},
    view: 'decide',
    diff: { mode: 'versions', before: '', after: '' },
  };
}

/** Only the set's own `.policy` files: a link cannot replace the stdlib or reach outside the set. */
export function setFiles(state: State): Map<string, string> {
  return new Map(Object.entries(state.files).filter(([path]) => path.startsWith(`${state.set}/`) && path.endsWith('.policy') && !path.split('/').includes('..')));
}

/** The state to start from (the link's, else the default example), or a message saying why there is none. */
function initial(): { state: State | null; problem: string | null } {
  let problem: string | null = null;
  try {
    const shared = decodeState(location.hash);
    if (shared) return { state: shared, problem };
  } catch (error) {
    problem = (error as Error).message;
  }
  const first = DEFAULT_EXAMPLE;
  return { state: first ? defaultState(first) : null, problem: problem ?? (first ? null : 'this build has no example sets') };
}

export const start = initial();

/** The first check and the first decision, already on their way (the worker answers in order). */
export const firstCheck = start.state ? toolchain.request({ kind: 'check', root: start.state.set, files: [...setFiles(start.state), ...STDLIB] }) : null;
const deployment = EXAMPLES.find((e) => e.name === start.state?.set)?.deployment ?? null;
export const firstDecide = start.state ? { input: start.state.input, reply: toolchain.request({ kind: 'decide', input: start.state.input, deployment }) } : null;
