import { fastParserFor, type FastParser } from './fast-parse.js';
import type { ChunkOptions, Decider } from './chunk.js';
import type { PolicySet } from '../checker/program.js';
import type { CompiledModule } from '../compiler/load.js';

/** What `bylaw replay` decides with: the compiled module (default) or the interpreter. */
export type EngineName = 'compiled' | 'interpreter';

/** How a thread gets its decider: the compiled module is generated once, on the main thread. */
export type EngineSpec = { readonly engine: 'interpreter' } | { readonly engine: 'compiled'; readonly module: string };

/**
 * On the main thread: generates the set's compiled module (the compiler's JavaScript target)
 * into the temp folder, once (`writeCompiled`), so worker threads only import it — they never
 * load the compiler (hence the dynamic import).
 */
export async function prepareEngine(set: PolicySet, engine: EngineName): Promise<EngineSpec> {
  if (engine === 'interpreter') return { engine };
  const { compiledJavaScript, writeCompiled } = await import('../compiler/load.js');
  return { engine, module: writeCompiled(compiledJavaScript(set)) };
}

export async function deciderFor(set: PolicySet, spec: EngineSpec): Promise<Decider> {
  if (spec.engine === 'interpreter') {
    const { decideUnknown } = await import('../interpreter/evaluate.js');
    return { decideUnknown: (input) => decideUnknown(set, input) };
  }
  const compiled = (await import(spec.module)) as CompiledModule;
  // Dated before every version: decideUnknown reports it (compiled.decide would throw, slowly).
  const dateField = set.dateField;
  const first = dateField === null ? null : set.versions[0]!.effective;
  return {
    decideUnknown: (input) => compiled.decideUnknown(input),
    decideValid: (input) => (dateField !== null && first !== null && (input[dateField] as string) < first ? null : compiled.decide(input)),
  };
}

/** The fast reader for the sets' shared input type, when the options ask for it and it applies. */
export function fastParser(now: PolicySet, old: PolicySet | null, options: ChunkOptions): FastParser | null {
  // Ids are only shown in the output (their JSON text) and as examples of transitions (values).
  return options.fast ? fastParserFor(old ? [now, old] : [now], options.stripId, old !== null ? 'value' : options.output ? 'json' : 'check') : null;
}
