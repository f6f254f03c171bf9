import { fastParserFor, type FastParser } from '../analysis/fast-parse.js';
import type { ChunkOptions, Decider } from '../analysis/replay.js';
import type { PolicySet } from '../checker/program.js';
import { loadCompiled } from '../compiler/load.js';
import { decideUnknown } from '../interpreter/evaluate.js';

/** What `bylaw replay` decides with: the compiled module (default) or the interpreter. */
export type EngineName = 'compiled' | 'interpreter';

export async function deciderFor(set: PolicySet, engine: EngineName): Promise<Decider> {
  if (engine === 'interpreter') return { decideUnknown: (input) => decideUnknown(set, input) };
  const compiled = await loadCompiled(set);
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
  // Ids are only shown in the output and as examples of transitions.
  return options.fast ? fastParserFor(old ? [now, old] : [now], options.stripId, options.output || old !== null) : null;
}
