import { fastParserFor, readId, type CompactReader, type FastParser, type IdUse } from './fast-parse.js';
import { readerInput } from './fast-parse-paths.js';
import { FAIL, readDate, readInteger } from './fast-parse-scalars.js';
import type { ReaderHelpers } from './reader-gen.js';
import type { ChunkOptions, Decider } from './chunk.js';
import type { PolicySet } from '../checker/program.js';
import type { CompiledModule } from '../compiler/load.js';

/** What `bylaw replay` decides with: the compiled module (default) or the interpreter. */
export type EngineName = 'compiled' | 'interpreter';

/** How a thread gets its decider: the compiled module is generated once, on the main thread. */
export type EngineSpec = { readonly engine: 'interpreter' } | { readonly engine: 'compiled'; readonly module: string };

/**
 * On the main thread: generates the set's compiled module (the compiler's JavaScript target)
 * into the temp folder, once (`writeModuleFile`), so worker threads only import it — they never
 * load the compiler (hence the dynamic import).
 */
export async function prepareEngine(set: PolicySet, engine: EngineName): Promise<EngineSpec> {
  if (engine === 'interpreter') return { engine };
  const [{ compiledJavaScript }, { writeModuleFile }] = await Promise.all([import('../compiler/load.js'), import('../module-file.js')]);
  return { engine, module: writeModuleFile(compiledJavaScript(set)) };
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

/** What a fast reader is made for: the ids it must return (see IdUse). */
function idUse(old: PolicySet | null, options: ChunkOptions): IdUse {
  // Ids are only shown in the output (their JSON text) and as examples of transitions (values).
  return old !== null ? 'value' : options.output ? 'json' : 'check';
}

/**
 * On the main thread: generates the compact reader of the sets' input type (reader-gen.ts) into
 * the temp folder, once, and returns its module's URL; null when the options ask for no fast
 * reader or the type has none.
 */
export async function prepareReader(now: PolicySet, old: PolicySet | null, options: ChunkOptions): Promise<string | null> {
  if (!options.fast) return null;
  const input = readerInput(old ? [now, old] : [now]);
  if (input === null) return null;
  const [{ compactReaderSource }, { writeModuleFile }] = await Promise.all([import('./reader-gen.js'), import('../module-file.js')]);
  const source = compactReaderSource(input.type, input.read, options.stripId, idUse(old, options));
  if (source === null) return null;
  try {
    return writeModuleFile(source);
  } catch {
    // A temp folder that cannot be written: the plan reader alone reads every line (slower, the same results).
    return null;
  }
}

/**
 * The fast reader for the sets' shared input type, when the options ask for it and it applies:
 * the compact reader `prepareReader` wrote (if any) first, the plan reader behind it.
 */
export async function fastParser(now: PolicySet, old: PolicySet | null, options: ChunkOptions, reader: string | null = null): Promise<FastParser | null> {
  if (!options.fast) return null;
  const compact = reader === null ? null : await loadCompactReader(reader);
  return fastParserFor(old ? [now, old] : [now], options.stripId, idUse(old, options), compact);
}

/** Imports a compact reader's module and makes the reader, given the scalar readers it calls. */
export async function loadCompactReader(url: string): Promise<CompactReader> {
  const { createReader } = (await import(url)) as { createReader(helpers: ReaderHelpers): CompactReader };
  return createReader({ FAIL, readDate, readInteger, readId } as ReaderHelpers);
}
