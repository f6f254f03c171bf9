/**
 * The example sets: every policy set under policies/ (a folder of `.policy` files), read when the
 * page is built, with the stdlib, its `deployment.json` and, when test/golden has a case file for
 * the set, its cases as sample inputs. A new folder under policies/ appears here without a change to the page.
 */

export interface Sample {
  readonly id: string;
  readonly input: unknown;
}

export interface ExampleSet {
  /** The folder's path under policies/: `twitter`. Also the set's root in the page's file tree. */
  readonly name: string;
  /** Path in the page's tree (`twitter/rules.policy`) → text. */
  readonly files: ReadonlyMap<string, string>;
  readonly samples: readonly Sample[];
  /** The set's `deployment.json` (what a statement of reasons needs beside a decision), if it has one. */
  readonly deployment: unknown;
}

const policies = import.meta.glob<string>('../../policies/**/*.policy', { query: '?raw', import: 'default', eager: true });
const stdlib = import.meta.glob<string>('../../stdlib/*.policy', { query: '?raw', import: 'default', eager: true });
const deployments = import.meta.glob<unknown>('../../policies/**/deployment.json', { import: 'default', eager: true });
// The visible cases only (`twitter.cases.json`): the larger `*.guidelines.cases.json` stay out of the bundle.
const cases = import.meta.glob<{ cases?: { id: string; input: unknown }[] }>(['../../test/golden/*.cases.json', '!../../test/golden/*.*.cases.json'], {
  import: 'default',
  eager: true,
});

const treePath = (globKey: string, folder: string) => globKey.slice(globKey.indexOf(`/${folder}/`) + folder.length + 2);

/** The bundled stdlib, as `stdlib/moderation.policy` → text: read-only in the page. */
export const STDLIB: ReadonlyMap<string, string> = new Map(Object.entries(stdlib).map(([key, text]) => [`stdlib/${treePath(key, 'stdlib')}`, text]));

function samplesFor(name: string): Sample[] {
  const file = Object.entries(cases).find(([key]) => key.endsWith(`/${name.split('/').pop()}.cases.json`))?.[1];
  return (file?.cases ?? []).map((c) => ({ id: c.id, input: c.input }));
}

function collect(): ExampleSet[] {
  const byFolder = new Map<string, Map<string, string>>();
  for (const [key, text] of Object.entries(policies)) {
    const path = treePath(key, 'policies');
    const folder = path.slice(0, path.lastIndexOf('/'));
    if (folder === '') continue;
    const files = byFolder.get(folder) ?? new Map<string, string>();
    files.set(path, text);
    byFolder.set(folder, files);
  }
  return [...byFolder]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, files]) => ({
      name,
      files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))),
      samples: samplesFor(name),
      deployment: Object.entries(deployments).find(([key]) => key.endsWith(`/policies/${name}/deployment.json`))?.[1] ?? null,
    }));
}

export const EXAMPLES: readonly ExampleSet[] = collect();

/**
 * The set the page opens on: Twitter's, the smallest to check (the first decision comes soonest)
 * and the one the docs walk through; else the first by name.
 */
export const DEFAULT_EXAMPLE: ExampleSet | undefined = EXAMPLES.find((e) => e.name === 'twitter') ?? EXAMPLES[0];
