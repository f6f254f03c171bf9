/**
 * Our engine: the Bylaw reference interpreter, through the package's public API in dist/
 * (`npm run build`): `loadPolicy('policies/twitter')` once, then `evaluate(policy, input)` per
 * post, which returns a Decision `{ action, basis, clause, exemption, version, because }`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Outcome, Post } from '../types.js';

/** The part of dist/index.js this adapter uses. */
interface InterpreterApi {
  loadPolicy(path: string): Promise<LoadedPolicy> | LoadedPolicy;
  evaluate(policy: unknown, input: unknown): Outcome;
}
interface LoadedPolicy {
  policy: unknown;
  diagnostics?: readonly { message?: string; code?: string; severity?: string }[];
}

export interface InterpreterEngine {
  decide(post: Post): Outcome;
}

export async function loadInterpreter(root: string): Promise<InterpreterEngine> {
  const entry = join(root, 'dist', 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} does not exist (npm run build emits it from src/index.ts)`);
  const api = (await import(pathToFileURL(entry).href)) as Partial<InterpreterApi>;
  if (typeof api.loadPolicy !== 'function') throw new Error('dist/index.js has no loadPolicy export');
  if (typeof api.evaluate !== 'function') throw new Error('dist/index.js has no evaluate export');
  const evaluate = api.evaluate;
  const loaded = await api.loadPolicy(join(root, 'policies', 'twitter'));
  if (loaded.policy == null) {
    const first = loaded.diagnostics?.find((d) => d.severity !== 'warning') ?? loaded.diagnostics?.[0];
    const n = loaded.diagnostics?.length ?? 0;
    throw new Error(
      `loadPolicy('policies/twitter') returned no policy (${n} diagnostic${n === 1 ? '' : 's'}` +
        `${first ? `; first: ${first.code ? `${first.code} ` : ''}${first.message ?? ''}` : ''})`,
    );
  }
  const policy = loaded.policy;
  return { decide: (post: Post) => evaluate(policy, post) };
}
