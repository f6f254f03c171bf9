import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fastParserFor, type FastParser } from '../analysis/fast-parse.js';
import type { ChunkOptions, Decider } from '../analysis/replay.js';
import type { PolicySet } from '../checker/program.js';
import type { CompiledModule } from '../compiler/load.js';

/** What `bylaw replay` decides with: the compiled module (default) or the interpreter. */
export type EngineName = 'compiled' | 'interpreter';

/** How a thread gets its decider: the compiled module is generated once, on the main thread. */
export type EngineSpec = { readonly engine: 'interpreter' } | { readonly engine: 'compiled'; readonly module: string };

/**
 * On the main thread: generates the set's compiled module (the compiler's JavaScript target)
 * into `os.tmpdir()/bylaw-replay-<sha256>.mjs`, once, so worker threads only import it — they
 * never load the compiler.
 */
export async function prepareEngine(set: PolicySet, engine: EngineName): Promise<EngineSpec> {
  if (engine === 'interpreter') return { engine };
  const { compiledJavaScript } = await import('../compiler/load.js');
  const text = compiledJavaScript(set);
  const file = join(tmpdir(), `bylaw-replay-${createHash('sha256').update(text).digest('hex')}.mjs`);
  if (!existsSync(file)) {
    // Write then rename: a concurrent reader never sees half a module.
    const partial = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(partial, text, 'utf8');
    renameSync(partial, file);
  }
  return { engine, module: pathToFileURL(file).href };
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
